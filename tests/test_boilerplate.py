"""Boilerplate: what is dropped, with which reason, and what must stay."""

from __future__ import annotations

from pathlib import Path

from policyparse import parse
from policyparse.blocks import Heading, ListBlock, ListItem, Paragraph
from policyparse.boilerplate import remove_boilerplate

PROSE = "The ministry will fund twelve new clinics in rural districts over the next three years, officials said."


def reasons(blocks: list[object]) -> list[tuple[str, str]]:
    cleaned = remove_boilerplate(blocks)  # type: ignore[arg-type]
    return [(entry.text, entry.reason) for entry in cleaned.dropped]


def test_chrome_labels_become_reasons() -> None:
    dropped = reasons([Paragraph(text="Home News", chrome="navigation"), Paragraph(text=PROSE)])
    assert dropped == [("Home News", "page furniture (navigation)")]


def test_related_heading_drops_its_links_until_prose_or_next_heading() -> None:
    links = ListBlock(
        items=(ListItem(text="Other story one"), ListItem(text="Other story two")), link_ratio=1.0
    )
    teaser = Paragraph(text="A short teaser of another story.")
    resumed = Paragraph(text=PROSE + " " + PROSE)  # long prose: the article resumes
    funding = [Heading(text="Funding"), Paragraph(text=PROSE)]
    blocks = [Heading(text="Related articles", level=3), links, teaser, resumed, *funding]
    cleaned = remove_boilerplate(blocks)
    assert [b.text for b in cleaned.blocks] == [resumed.text, "Funding", PROSE]
    assert [d.reason for d in cleaned.dropped] == [
        "related-articles heading",
        "link-dense list (navigation)",
        "links to other articles under a related-articles heading",
    ]


def test_furniture_lines() -> None:
    lines = [
        "By Jane Doe and John Roe",
        "Photo: Reuters",
        "Published 12 March 2025",
        "Publié le 4 février 2025 à 11h20",
        "Home > Policy > Energy",
        "Read more: Lagos unveils airport plan",
        "Share this article",
        "We use cookies to improve your experience.",
        "Follow @ministry on Twitter and sign up to our newsletter at news@example.org",
    ]
    dropped = reasons([Paragraph(text=line) for line in lines] + [Paragraph(text=PROSE)])
    assert [text for text, _ in dropped] == lines


def test_press_contact_lines_are_dropped_but_figures_after_a_colon_stay() -> None:
    contacts = [
        "E-mail: tran-press@europarl.europa.eu",  # europarl.europa.eu press contacts
        "Phone number: (+32) 2 283 22 82 (BXL)",
        "E-Mail:kepu@kepu.gov.cn",  # kepu.gov.cn
        "Tel.: +49 30 18 272-0",
    ]
    figures = ["Budget: 2,500,000 euros", "Deadline: 31.12.2025", "Population: 1 234 567"]
    boxes = ["Pressekontakte:", "Press contacts"]  # malteser.de
    dropped = reasons([Paragraph(text=line) for line in [*contacts, *figures, *boxes]])
    assert dropped == [(line, "contact details") for line in [*contacts, *boxes]]


def test_author_box_labels_are_bylines_even_as_headings() -> None:
    labels = [
        "Written by: Sean Peek, Senior Analyst",  # business.com
        "By The Currency editors",  # empower.com
        "About the author",  # gizmodo, citylab, royal road
        "Über die Autorin",
        "Zu den AutorInnen:",  # makronom.de
    ]
    blocks = [Heading(text=label, level=3) for label in labels]
    dropped = reasons([*blocks, Heading(text="Written rules by region"), Paragraph(text=PROSE)])
    assert dropped == [(label, "byline") for label in labels]


def test_prose_mentioning_furniture_words_stays() -> None:
    long_prose = (
        PROSE
        + " The regulator said cookies and newsletters are covered by the new privacy code. " * 3
    )
    blocks = [
        Paragraph(text=long_prose),
        Paragraph(text="By 2030 the plan aims to halve emissions."),
    ]
    assert reasons(blocks) == []


def test_trailing_headlines_are_dropped_with_relatedness() -> None:
    blocks = [
        Heading(text="Grid Plan", level=1),
        Heading(text="New Lines for the Grid"),
        Paragraph(text="The grid operator will build new lines to carry solar power north."),
        Heading(text="Grid Operator Builds New Lines"),
        Heading(text="Football Club Wins Cup Final in Madrid"),
    ]
    dropped = reasons(blocks)
    assert dropped == [
        ("Grid Operator Builds New Lines", "trailing headline with no text under it"),
        ("Football Club Wins Cup Final in Madrid", "trailing headline unrelated to the article"),
    ]


def test_furniture_items_leave_a_list_one_by_one() -> None:
    items = (
        ListItem(text="Grid: new lines"),
        ListItem(text="For more stories like this, check our news page."),
    )
    cleaned = remove_boilerplate([ListBlock(items=items)])
    assert [item.text for item in cleaned.blocks[0].items] == ["Grid: new lines"]
    assert [d.reason for d in cleaned.dropped] == ["site furniture text"]


def test_runs_of_teaser_cards_are_dropped_but_linked_section_headings_stay() -> None:
    cards = "".join(
        f'<article><a href="/story{i}"><h4>Other story number {i} in the news today</h4></a>'
        f"<p>A short teaser line for story {i}.</p></article>"
        for i in range(3)
    )
    html = (
        "<h1>Plan</h1><p>The article text is long enough to be the article itself here.</p>"
        f"<section><h3>World</h3>{cards}</section>"
    )
    document = parse(html)
    assert document.pillars == ()
    assert sum("teaser" in d.reason for d in document.dropped) == 7  # label, 3 cards, 3 teasers
    sections = "".join(
        f'<a href="/{name}"><h2>{name}</h2></a><p>First paragraph about {name} and what changes.</p>'
        f"<p>Second paragraph about {name}.</p><p>Third paragraph about {name}.</p>"
        for name in ("Taxes", "Pensions")
    )
    assert [p.title for p in parse(f"<h1>Plan</h1>{sections}").pillars] == ["Taxes", "Pensions"]


def test_a_paragraph_repeated_word_for_word_is_kept_once() -> None:
    caption = "The minister speaks at the opening of the new line in the city centre on Monday."
    html = f"<h1>Plan</h1><p>{caption}</p><p>The article says more.</p><p>{caption}</p>"
    document = parse(html)
    assert document.lede.count(caption) == 1
    assert any(d.reason.startswith("repeats an earlier paragraph") for d in document.dropped)


def test_script_text_does_not_hide_the_main_article() -> None:
    script = "<script>" + "var data = 1;" * 5000 + "</script>"
    article = (
        "<article><h1>Plan</h1>"
        + "<p>The plan funds new lines in every region.</p>" * 20
        + "</article>"
    )
    document = parse(
        f"<html><body>{script}{article}<div><p>Unrelated box outside.</p></div></body></html>"
    )
    assert any(d.reason == "page furniture (outside the main article)" for d in document.dropped)


def test_a_caption_ending_in_its_pictures_credit_is_dropped() -> None:
    captions = [
        "Protesters do not want Hong Kong to lose its autonomy (Image: getty )",
        "Vicente Aguiar loads garage door trims into his pickup truck (AP Photo/Alan Diaz, File)",
        "Die Einsatzkräfte am Hochwasser-Damm in der Eifel (Foto: dpa)",
    ]
    prose = [
        "The ministry will publish the image of the new station (the design: final) next year.",
        "Grants cover a photo voltaic roof for each school (up to 40 kW) from 2026 onwards.",
    ]
    cleaned = remove_boilerplate([Paragraph(text=text) for text in captions + prose])
    assert [block.text for block in cleaned.blocks] == prose
    assert {item.reason for item in cleaned.dropped} == {"picture caption"}


def test_captions_with_credits_leave_real_articles_on_two_sites() -> None:
    from pathlib import Path

    import policyparse

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    pages = corpus / "article-extraction-benchmark" / "html"
    for digest, caption in (
        ("624fcd903d56", "Protesters do not want Hong Kong to lose its autonomy"),  # express
        ("51374560f400", "Vicente Aguiar loads garage door trims"),  # foxbusiness
    ):
        (page,) = pages.glob(f"{digest}*.html.gz")
        document = policyparse.parse_file(page)
        kept = " ".join([document.lede, *(p.description for p in document.pillars)])
        assert caption not in kept
        assert any(caption in item.text for item in document.dropped)


def test_agency_captions_and_gallery_controls_are_dropped() -> None:
    captions = [
        "In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L."
        " Curbeam Jr. works on the station.",
        "In this photo provided by the Navy, a ship sails past the new harbour wall.",
    ]
    controls = ["Caption", "Close"]
    prose = [
        "In this plan the photo of the year is not a measure, it is a report.",
        "In this 2019 report, the photo agency found growth in every region.",
        "The committee will close the consultation in June.",
    ]
    blocks = [Paragraph(text=text) for text in captions + controls + prose]
    cleaned = remove_boilerplate(blocks)
    assert [block.text for block in cleaned.blocks] == prose


def test_agency_captions_and_gallery_controls_leave_real_articles_on_several_sites() -> None:
    from pathlib import Path

    import policyparse

    pages = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    pages = pages / "article-extraction-benchmark" / "html"
    for digest, gone in (
        ("9ebb3af65694", "In this Sunday, Nov. 10, 2019, photograph"),  # chron
        ("b37be3535e1f", "In this Dec. 12, 2006, file photo"),  # ctvnews
        ("a6968f427cdb", "Caption"),  # ctpost
        ("ecb46e3e489d", "Close"),  # timesunion
    ):
        (page,) = pages.glob(f"{digest}*.html.gz")
        document = policyparse.parse_file(page)
        paragraphs = document.lede.split("\n") + [
            line for pillar in document.pillars for line in pillar.description.split("\n")
        ]
        assert not any(line == gone or line.startswith(gone) for line in paragraphs), digest


def test_teaser_cards_with_a_date_and_a_byline_under_each_are_a_run() -> None:
    # uark.edu's news feed, focus.de and carmudi: headline link, teaser, date, byline.
    def card(title: str) -> list[object]:
        return [
            Heading(text=title, level=2, link_ratio=1.0),
            Paragraph(text="A professor of the college was honoured at the annual reception."),
            Paragraph(text="11/19/2025"),
            Paragraph(text="By Jerra Toms"),
        ]

    blocks = [Heading(text="Programme", level=2), Paragraph(text=PROSE)]
    blocks += [*card("Student Wins Assistantship"), *card("Workshop Brings Research and Fun")]
    cleaned = remove_boilerplate(blocks)  # type: ignore[arg-type]
    assert [b.text for b in cleaned.blocks] == ["Programme", PROSE]


def test_italian_attachment_and_resource_boxes_end_the_article_on_two_sites() -> None:
    """innovazione.gov.it closes a story with "Allegati" (its PDF), cloud.italia.it a page
    with "Risorse utili" (links to documents): neither is a section of the article."""
    pages = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    for page, last_section in (
        ("innovazione-butti-audizione-pnrr", "Investimenti per le imprese innovative"),
        ("cloud-italia-strategia-cloud-pa", "Il ruolo del Piano Nazionale di Ripresa e Resilienza"),
    ):
        document = parse(pages / f"{page}.html")
        titles = [pillar.title for pillar in document.pillars]
        assert not {"Allegati", "Risorse utili", "documenti"} & set(titles), page
        assert titles[-1].startswith(last_section[:40]), (page, titles[-1])
