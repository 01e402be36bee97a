"""The text front end's dialects: Markdown writers, layout renderers, plain dumps, and the
chrome and furniture scrapers print around the article.

Short literal texts pin each rule; the committed scraper outputs of dev pages
(fixtures/scraped/<scraper>/, see benchmarks/scrapers.py) show each rule on real text from
at least two sources.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyparse import parse
from policyparse.text.dialect import detect_dialect, wrap_width
from policyparse.text.furniture import is_end_cue, line_furniture, split_text_furniture
from policyparse.text.layout import read_layout_lines
from policyparse.text.lines import SourceLine, source_lines
from policyparse.text.markdown import read_markdown_lines
from policyparse.text.reader import read_text_document

SCRAPED = Path(__file__).resolve().parents[1] / "fixtures" / "scraped"
WEB_GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "web"
MEXICO = "html4_mexico_plan_mexico"  # a dev page of the scraper benchmark
KENYA = "html2_kenya_housing_levy"  # another
FOCUS = "focus-de-aenderungen-april-2023"  # a web-dev page
MEXICO_TITLE = "Sheinbaum’s Plan México: A Blueprint for Industrial Renewal and Shared Prosperity"


def scraped(scraper: str, page: str) -> str:
    return (SCRAPED / scraper / f"{page}.txt").read_text(encoding="utf-8")


def texts(lines: list[SourceLine]) -> list[str]:
    return [line.text for line in lines]


# --- dialect -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scraper", "dialect"),
    [
        ("html2text", "markdown"),
        ("markdownify", "markdown"),
        ("trafilatura-markdown", "markdown"),
        ("w3m", "layout"),
        ("lynx", "layout"),
        ("inscriptis", "layout"),
        ("bs4-get-text", "plain"),
        ("html-text", "plain"),
        ("trafilatura-txt", "plain"),
        ("newspaper4k", "plain"),
    ],
)
def test_each_scrapers_text_is_read_in_its_dialect(scraper: str, dialect: str) -> None:
    for page in (MEXICO, "html4_poland_east_shield", "fox13now-new-laws-2014"):
        document = parse(SCRAPED / scraper / f"{page}.txt")
        assert document.source.dialect == dialect, (scraper, page)


def test_html_records_say_html_and_the_seed_genre_reads_plain() -> None:
    assert parse("<h1>Plan</h1><p>Text.</p>").source.dialect == "html"
    seed = Path(__file__).resolve().parents[1] / "samples" / "seed-korea-diplomacy.txt"
    assert parse(seed).source.dialect == "plain"


def test_markdown_signs_without_blank_lines_read_as_plain() -> None:
    """One line per block with a '**Name**' here and there is the sample's genre."""
    text = "Plan\n## Lines\n- **Metro**: a line.\n- **Tram**: a loop.\n[site](http://x)"
    assert detect_dialect(source_lines(text)).dialect == "plain"


def test_wrapping_is_told_from_many_open_ended_lines_at_one_width() -> None:
    wrapped = ["word " * 14 + "going", "on and on " * 7 + "until", "the end."] * 5
    assert wrap_width(wrapped) == 75
    sentences = ["The water plan builds new lines by the end of next year."] * 15
    assert wrap_width(sentences) == 0  # every line ends a sentence: not wrapped
    assert wrap_width(wrapped[:6]) == 0  # too few lines to tell


# --- Markdown ------------------------------------------------------------------------


def read_markdown(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    lines, skipped = read_markdown_lines(source_lines(text, keep_trailing_space=True))
    return texts(lines), skipped


def test_markdown_underlined_headings_and_wrapped_atx_headings() -> None:
    lines, _ = read_markdown(
        "Rail Plan\n=========\n\nLines\n-----\n\n# A Long Title That\nWraps\n\nText."
    )
    assert lines == ["# Rail Plan", "## Lines", "# A Long Title That Wraps", "Text."]


def test_markdown_bold_closed_on_the_next_line_and_item_continuations() -> None:
    lines, _ = read_markdown(
        "  * **Digital skills for\n    seniors** \\- free courses in\n    libraries.\n  * **Data tracker** \\- see who looked."
    )
    assert lines == [
        "  * **Digital skills for seniors** - free courses in libraries.",
        "  * **Data tracker** - see who looked.",
    ]


def test_markdown_links_keep_their_text_images_and_url_lines_are_skipped() -> None:
    lines, skipped = read_markdown(
        'See [the plan](https://x.gov/plan "Plan") and [its\nannex](/a).\n\n'
        "![map](/m.png)\n\nhttps://x.gov/plan\n\n[1]: https://x.gov"
    )
    assert lines == ["See the plan and its annex."]
    assert [reason for _, reason, _ in skipped] == ["link", "link", "image"]


@pytest.mark.parametrize("scraper", ["w3m", "inscriptis", "bs4-get-text", "html2text"])
def test_learn_more_teasers_are_dropped_not_sections_on_two_sites(scraper: str) -> None:
    """ "Learn More: <another article>" (spiceworks) and "Learn more: <a department's
    page>" (uark.edu) point away from the article: dropped, never a pillar or its text."""
    for page in ("readability-spiceworks", "uark-walton-master-professional-accounting"):
        document = parse(scraped(scraper, page), format="text")
        texts = [pillar.title + " " + pillar.description for pillar in document.pillars]
        assert not any("learn more" in text.lower() for text in texts), page
        assert any(item.text.lower().startswith("learn more") for item in document.dropped)


@pytest.mark.parametrize(
    ("page", "bar"),
    [
        ("obamawhitehouse-digital-transition", "Twitter Facebook Email"),
        ("readability-lemonde-1", "Facebook Twitter Google+ Mobile RSS"),
        ("html_korea_semiconductor_strategy", "공유하기 페이스북 카카오톡 링크 복사"),
        ("html5_taiwan_healthy_taiwan", "分享：Facebook LINE"),
    ],
)
def test_a_share_bar_printed_on_one_line_is_dropped_not_a_section(page: str, bar: str) -> None:
    """inscriptis prints a share bar's buttons on one line; in four languages the line is
    a share bar (the buttons' labels are data, ``share_buttons``), never a pillar."""
    document = parse(scraped("inscriptis", page), format="text")
    assert bar not in [pillar.title for pillar in document.pillars]
    assert ("share bar", bar) in [(item.reason, item.text) for item in document.dropped]


@pytest.mark.parametrize(
    ("page", "prompt"),
    [
        ("html2_ireland_housing_plan", "Get new posts by email"),
        ("html3_south_africa_youth_jobs", "Get our research in your inbox"),
        ("readability-lemonde-1", "Recevez nos newsletters"),
        ("fox13now-new-laws-2014", "Click here to manage all Newsletters"),
    ],
)
def test_a_newsletter_prompt_inside_the_article_is_chrome(page: str, prompt: str) -> None:
    """Sign-up prompts stand between the story's sections on news and think-tank sites;
    they are site controls (cue phrases: "newsletter", "in your inbox"…), never a pillar."""
    document = parse(scraped("inscriptis", page), format="text")
    assert prompt not in [pillar.title for pillar in document.pillars]
    assert ("site control", prompt) in [(item.reason, item.text) for item in document.dropped]


def test_markdown_escapes_emphasis_and_hard_breaks() -> None:
    lines, _ = read_markdown(
        "Lead minister: Jane  \nBudget: \\$2bn  \nA _new_ *plan* for snake_case\\_names."
    )
    assert lines == ["Lead minister: Jane", "Budget: $2bn", "A new plan for snake_case_names."]


def test_markdown_tables_with_alignment_rows_become_tables() -> None:
    document = parse(
        "# Plan\n\n## Programmes\n\nThe programmes:\n\n| Name | Description |\n|:---|---:|\n"
        "| Rail Fund | Builds new lines. |\n| Bus Fund | Buys new buses. |\n"
    )
    assert [(i.name, i.origin.kind) for i in document.initiatives] == [
        ("Rail Fund", "table"),
        ("Bus Fund", "table"),
    ]


def test_markdown_writers_give_the_items_of_a_real_page() -> None:
    for scraper in ("html2text", "markdownify", "trafilatura-markdown"):
        document = parse(SCRAPED / scraper / f"{MEXICO}.txt")
        names = [item.name for item in document.initiatives]
        assert names[:3] == ["Domestic Content", "Investment Ratio", "Formal Jobs"], scraper


# --- layout --------------------------------------------------------------------------


def read_layout(rows: list[str], width: int) -> list[str]:
    return texts(read_layout_lines([SourceLine(n, t) for n, t in enumerate(rows, 1)], width))


@pytest.mark.parametrize("start", ["Manufactured exports", "2030 targets", "수출 비중", "and more"])
def test_a_line_at_the_items_text_column_continues_it_whatever_its_first_character(
    start: str,
) -> None:
    lines = read_layout(
        [
            "  • Rail Fund: Raising the share of inputs,",
            f"    {start} by 15 points.",
            "  • Jobs: More.",
        ],
        50,
    )
    assert lines == [
        f"  • Rail Fund: Raising the share of inputs, {start} by 15 points.",
        "  • Jobs: More.",
    ]


def test_wrapped_paragraph_lines_join_and_a_short_line_ends_its_block() -> None:
    lines = read_layout(
        [
            "January 14, 2025 by Lucía Herrera",
            "President Claudia Sheinbaum has presented Plan México, a long-term economic",
            "strategy that aims to turn the wave of companies relocating production closer",
            "to the United States into lasting growth.",
        ],
        79,
    )
    assert lines[0] == "January 14, 2025 by Lucía Herrera"  # "President" would have fitted
    assert lines[1].endswith(
        "relocating production closer to the United States into lasting growth."
    )


def test_lynx_margin_lines_are_headings_and_its_nested_markers_are_bullets() -> None:
    lines = read_layout(
        [
            "Reshoring Production",
            "",
            "   Mexico became the largest trading partner in 2023, but much of the",
            "   investment clustered in a handful of northern states.",
            "     * Domestic Content: Raising the share.",
            "          + Detail: more inputs.",
        ],
        72,
    )
    assert lines[0] == "## Reshoring Production"
    assert lines[2] == "     * Domestic Content: Raising the share."
    assert lines[3] == "          - Detail: more inputs."


def test_layout_renderers_give_titles_and_items_of_real_pages() -> None:
    for scraper in ("w3m", "lynx"):
        document = parse(SCRAPED / scraper / f"{MEXICO}.txt")
        assert document.title == MEXICO_TITLE, scraper
        names = [item.name for item in document.initiatives]
        assert names[:3] == ["Domestic Content", "Investment Ratio", "Formal Jobs"], scraper


def test_lynx_tables_whose_cells_are_joined_by_one_space_stay_prose() -> None:
    """Honest where the text lost the structure: no guessed rows."""
    document = parse(SCRAPED / "lynx" / f"{MEXICO}.txt")
    names = [item.name for item in document.initiatives]
    assert not any("Tula" in name or "Interoceanic" in name for name in names)
    assert any("Tula Industrial Pole" in pillar.description for pillar in document.pillars)


# --- chrome above, furniture below ----------------------------------------------------


def split(rows: list[str]) -> tuple[list[str], list[str]]:
    kept, skipped = split_text_furniture([SourceLine(n, t) for n, t in enumerate(rows, 1)])
    return texts(kept), [reason for _, reason, _ in skipped]


PROSE = (
    "The ministry has set out a plan for new rail lines across the north that will cost "
    "billions and take ten years to build, officials said on Monday."
)


def test_a_menu_run_above_the_headline_is_chrome() -> None:
    kept, reasons = split(
        ["Skip to content", "Rail Times", "Home", "News", "Politics", "Rail Plan Unveiled", PROSE]
    )
    assert kept == ["Rail Plan Unveiled", PROSE]
    assert reasons == ["site chrome before the title"] * 5


def test_an_atx_title_wins_over_the_lines_above_it() -> None:
    kept, _ = split(
        ["[Logo] Ministry", "Sign in / Register / e-Paper", "# Rail Plan Unveiled", PROSE]
    )
    assert kept[0] == "# Rail Plan Unveiled"


def test_a_share_bar_under_the_headline_does_not_push_the_title_down() -> None:
    kept, reasons = split(["Rail Plan Unveiled for the North", "Share this article", PROSE])
    assert kept[0] == "Rail Plan Unveiled for the North" and reasons == ["share bar"]


def test_a_short_text_of_labels_is_not_taken_for_a_menu() -> None:
    kept, reasons = split(["Plan", "Parts", "- Rail: trains.", "Lines", "| A | B |"])
    assert reasons == [] and len(kept) == 5


def test_everything_after_an_end_cue_once_the_story_has_begun_is_furniture() -> None:
    kept, reasons = split(
        [
            "Rail Plan Unveiled",
            PROSE,
            "Share this:",
            "Facebook",
            "Other Headline Here",
            "Tags: rail",
        ]
    )
    assert kept == ["Rail Plan Unveiled", PROSE]
    assert reasons == ["after the end of the article"] * 4


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("Share this article", False),  # a share bar: see is_share_cue
        ("## Related", True),
        ("Tags: Plan México, Industrial policy", True),
        ("2 thoughts on “Sheinbaum’s Plan México”", True),
        ("Schlagwörter", True),
        ("À lire aussi", True),
        ("Read more: Traders Reopen After Demolitions", False),  # an inline teaser mid-article
        ("Advertisement", False),
        ("The plan will be shared with the regions.", False),
    ],
)
def test_end_cues(line: str, ends: bool) -> None:
    assert is_end_cue(line) is ends


def test_trailing_headlines_of_real_pages_never_become_pillars() -> None:
    for scraper in ("w3m", "bs4-get-text", "html2text"):
        document = parse(SCRAPED / scraper / f"{MEXICO}.txt")
        titles = [pillar.title for pillar in document.pillars]
        assert not any("Banxico" in title or "thoughts on" in title for title in titles), scraper
        reasons = {entry.reason for entry in document.dropped}
        assert "after the end of the article" in reasons, scraper


def test_skipped_text_is_recorded_not_lost() -> None:
    reading = read_text_document(scraped("w3m", MEXICO))
    skipped_text = " ".join(text for text, _, _ in reading.skipped)
    assert "Skip to content" in skipped_text and "Share this:" in skipped_text


# --- plain dumps: lost bullets and controls ---------------------------------------------


def test_runs_of_name_dash_sentence_paragraphs_are_a_list_with_their_flattened_details() -> None:
    document = parse(
        "Energy Plan\n\nGeneration\n\nThe plan confirms:\n\n"
        "Wind Farms – Around 8 gigawatts of new capacity will be auctioned by 2030.\n\n"
        "An extra gigawatt for island grids.\n\n"
        "Rooftop Solar – Panels on public buildings will be installed within three years.\n\n"
        "Grid Upgrade – New lines will connect the southern plants to the capital region.\n"
    )
    items = [(i.name, i.description) for i in document.initiatives]
    assert [name for name, _ in items] == ["Wind Farms", "Rooftop Solar", "Grid Upgrade"]
    assert items[0][1].endswith("by 2030.\nAn extra gigawatt for island grids.")


def test_lost_bullets_are_read_back_from_two_scrapers_dumps() -> None:
    """newspaper4k and html-text print list items as paragraphs without bullets."""
    for scraper in ("newspaper4k", "html-text"):
        document = parse(SCRAPED / scraper / "html6_uzbekistan_renewable_energy.txt")
        names = [item.name for item in document.initiatives]
        assert {"Wind Farms", "Rooftop Solar"} <= set(names), scraper


# --- texts that set their blocks apart with blank lines ------------------------------


def test_a_heading_shaped_line_packed_between_other_lines_is_not_a_heading() -> None:
    """html-text, w3m and lynx print a blank line around headings but none inside a menu or
    between a flattened table's rows; a heading may still touch a finished paragraph."""
    text = (
        "Rail Plan 2030 – Ministry of Transport\n\nSkip to content\n\n"
        "Home\nPolicy Areas\nNews and Events\n\nRail Plan 2030\n\n"
        "The government published its rail plan on Monday, with three new lines.\n\n"
        "New Lines\n\nThe plan adds three lines to the network by the end of the decade.\n\n"
        "Programme Description Budget\nNorth Link Extends the line to the port 40\n"
        "South Link Doubles the track south of the capital 25\n\n"
        "Funding\nThe money comes from the national budget and from loans.\n\n"
        "The ministry will report every year on progress.\nNext Steps\n\nIt opens in spring.\n"
    )
    document = parse(text)
    assert [pillar.title for pillar in document.pillars] == ["New Lines", "Funding", "Next Steps"]
    # (The flattened table is read back by its rows: see test_text_spaced.)
    names = [item.name for item in document.pillars[0].initiatives]
    assert names == ["North Link", "South Link"]


def test_a_text_without_blank_lines_between_blocks_keeps_its_packed_headings() -> None:
    """trafilatura's txt prints one block per line and no blank lines at all."""
    text = "Rail Plan 2030\nThe plan was published.\nNew Lines\nThe plan adds three lines.\n"
    assert [pillar.title for pillar in parse(text).pillars] == ["New Lines"]


@pytest.mark.parametrize(
    ("scraper", "page", "not_headings"),
    [
        ("html-text", "html_nigeria_power_sector", {"Programme Description Budget"}),
        ("lynx", "html5_thailand_ignite_thailand", {"Hub Objective Lead Agency"}),
        ("w3m", "html6_uzbekistan_renewable_energy", {"Project Scale Description Timeline"}),
        ("w3m", "fox13now-new-laws-2014", {"Prev Next", "By: CNN Wire"}),
        ("lynx", "readability-lemonde-1", {"Abonnez-vous à partir de 1 €", "Déjà abonné au"}),
    ],
)
def test_menu_entries_and_table_headers_of_real_texts_are_not_pillars(
    scraper: str, page: str, not_headings: set[str]
) -> None:
    titles = {pillar.title for pillar in parse(SCRAPED / scraper / f"{page}.txt").pillars}
    assert not titles & not_headings, titles & not_headings


def test_measures_under_a_packed_label_stay_with_the_story_on_four_scrapers() -> None:
    """The European Parliament page prints its committee label "TRAN" between other labels
    above the story: not a heading, so the measures stay in the story's first section; its
    set-apart headings ("Background") still are headings, on each scraper's layout."""
    for scraper in ("html-text", "inscriptis", "w3m", "lynx"):
        document = parse(SCRAPED / scraper / "europarl-eu-uk-contingency-measures.txt")
        titles = [pillar.title for pillar in document.pillars]
        assert "TRAN" not in titles and "Background" in titles, (scraper, titles)
        first = {item.name for item in document.pillars[0].initiatives}
        assert {"Basic air connectivity", "Basic road connectivity"} <= first, scraper


def test_bold_leads_closed_by_a_full_stop_are_names_once_the_bold_is_lost() -> None:
    """ "<li><b>Water Connections Fund.</b> Uisce Éireann will…": html-text prints the items
    as bare lines, lynx as a numbered list, w3m the NYT's bold-lead paragraphs as paragraphs."""
    housing = {
        "Land Development Agency expansion",
        "Croí Cónaithe Towns Fund",
        "Water Connections Fund",
    }
    for scraper in ("html-text", "lynx", "inscriptis", "trafilatura-txt"):
        document = parse(SCRAPED / scraper / "html2_ireland_housing_plan.txt")
        named = {item.name: item.description for item in document.initiatives}
        assert housing <= set(named), scraper
        assert named["Water Connections Fund"].startswith("Uisce Éireann will ring-fence"), scraper
    twitter = parse(SCRAPED / "w3m" / "nytimes-twitter-private-company-musk.txt")
    names = {item.name for item in twitter.initiatives}
    assert {"Going private", "Layoffs", "Content moderation"} <= names


def test_short_sentences_closed_by_a_full_stop_stay_sentences() -> None:
    tips = (
        "Filing Help\n\nHere are some tips.\n\n"
        "Check the preparer's history. Ask the local bureau about the preparer and the fees.\n"
        "Ask about service fees. And be wary of preparers who boast about bigger refunds.\n"
        "Keep your documents. Preparers cannot keep the originals of your W-2 forms.\n"
    )
    assert parse(tips).initiatives == ()
    two = "Budget\n\nIt passed. The vote was close and the opposition walked out.\n\n" * 2
    assert parse(two).initiatives == ()
    html = "<h1>Plan</h1><ul><li>Apply online. You will need a passport and a photo.</li>"
    html += "<li>Wait for a letter. It takes about three weeks to arrive.</li></ul>"
    assert parse(html).initiatives == ()


def test_a_numbered_breadcrumbs_last_item_over_the_headline_is_not_the_title() -> None:
    """w3m numbers an ordered-list breadcrumb: "3. Get Free Tax Help" over the page's
    "Get Free Tax Help" is chrome, on two sites and two scrapers."""
    for scraper, page, title in (
        ("w3m", "uwkc-free-tax-help", "Get Free Tax Help"),
        ("w3m", "empower-tax-101-types-of-taxes", "Tax 101: Understanding the basics"),
        ("inscriptis", "uwkc-free-tax-help", "Get Free Tax Help"),
    ):
        assert parse(SCRAPED / scraper / f"{page}.txt").title == title, (scraper, page)


def test_c1_controls_in_text_are_the_windows_1252_characters_they_stand_for() -> None:
    for scraper in ("newspaper4k", "html-text"):
        document = parse(SCRAPED / scraper / "html2_morocco_solar_plan.txt")
        text = " ".join(pillar.description for pillar in document.pillars)
        assert "l’État" in text and "\x92" not in text, scraper
        assert "Obligations vertes" in [item.name for item in document.initiatives], scraper


def test_markdownify_glued_list_items_are_split_on_two_sites() -> None:
    """'* Wind Farms – 8 GW of capacity.* Rooftop Solar – Panels…' is two items."""
    lines, _ = read_markdown(
        "* Wind Farms – Around 8 GW by 2030.* Rooftop Solar – Panels on schools."
    )
    assert lines == ["* Wind Farms – Around 8 GW by 2030.", "* Rooftop Solar – Panels on schools."]
    for page, names in {
        "html9_croatia_housing_plan": {"Affordable Rent Programme", "Short-Term Rental Limits"},
        "html4_argentina_deregulation_drive": {"Open Skies Policy", "Import Licence Reform"},
    }.items():
        document = parse(SCRAPED / "markdownify" / f"{page}.txt")
        assert names <= {item.name for item in document.initiatives}, page


def test_definition_lists_from_w3m_and_lynx_are_items_named_by_their_terms() -> None:
    for scraper in ("w3m", "lynx"):
        document = parse(SCRAPED / scraper / "html5_rwanda_digital_programmes.txt")
        items = {item.name: item.description for item in document.initiatives}
        assert items.get("Broadband Backbone", "").startswith(
            "Extends the national fibre network to every sector office"
        ), scraper


def test_an_item_name_on_its_own_line_names_the_paragraph_under_it() -> None:
    """w3m leaves a blank line between '1. Name' and its text; lynx puts the text on the
    next line at the item's text column (the name's line ended early: not a wrap)."""
    for scraper in ("w3m", "lynx"):
        document = parse(SCRAPED / scraper / "html7_qatar_national_development_strategy.txt")
        items = {item.name: item.description for item in document.initiatives}
        assert items.get("Advanced Manufacturing", "").startswith("Expanding petrochemicals"), (
            scraper
        )


def test_a_numbered_heading_at_lynx_margin_is_not_an_item_over_body_text() -> None:
    lines = read_layout(
        [
            "   The plan sets out four reasons for onshore wind.",
            "",
            "1. Carbon savings",
            "",
            "   Electricity generated from wind power has one of the lowest carbon",
            "   footprints of any source, and the plan counts on it for the decade.",
            "   It is cheap.",
        ],
        72,
    )
    assert lines[1] == "1. Carbon savings"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By Wanjiru Kamau June 12, 2025", "dateline"),
        ("Omar Al-HarbiFebruary 10, 2025", "dateline"),
        ("4 minutes read", "dateline"),
        ("[autobahn-bridge-repair-800x445]", "image placeholder"),
        ("[ ]Subscribe", "form field"),
        ("Sign in", "site control"),
        ("Budget 2025: the plan", ""),
        ("The levy was first deducted on 12 June 2025 from payslips.", ""),
    ],
)
def test_single_furniture_lines_inside_the_article(line: str, reason: str) -> None:
    assert line_furniture(line) == reason


def test_the_headline_over_the_dateline_wins_over_the_masthead() -> None:
    for scraper in ("w3m", "inscriptis"):
        document = parse(SCRAPED / scraper / "html7_qatar_national_development_strategy.txt")
        assert document.title.startswith("Qatar’s Third National Development Strategy"), scraper


def test_html2text_table_rows_wrapped_over_lines_end_at_their_two_spaces() -> None:
    lines, _ = read_markdown(
        "Name| Technology| Power  \n---|---|---  \nNoor I| Hybrid solar, with five hours\n"
        "of storage| 800 MW  \nNoor II| Solar with batteries| 400 MW  \n"
    )
    assert lines[2] == "Noor I| Hybrid solar, with five hours of storage| 800 MW"
    for page in ("html2_morocco_solar_plan", "html4_germany_infrastructure_fund"):
        document = parse(SCRAPED / "html2text" / f"{page}.txt")
        tables = [item for item in document.initiatives if item.origin.kind == "table"]
        assert tables and all(len(item.attributes) >= 1 for item in tables), page


def test_a_run_of_labels_inside_the_article_is_a_menu_but_a_short_list_under_its_intro_is_not() -> (
    None
):
    kept, reasons = split(
        [
            "Rail Plan Unveiled",
            PROSE,
            "Home",
            "World",
            "Business",
            "Sport",
            "The corridors it covers:",
            "- North",
            "- South",
            "- East",
            "- West",
            PROSE,
        ]
    )
    assert reasons == ["menu"] * 4
    assert kept[2:7] == ["The corridors it covers:", "- North", "- South", "- East", "- West"]


def test_longer_entries_between_two_menu_runs_are_the_same_menu() -> None:
    menu = ["Home", "World", "Business", "Sport"]
    longer = ["Gateway for Accelerated Innovation in Nuclear (GAIN)", "Who do I contact?"]
    kept, reasons = split(["Rail Plan Unveiled", PROSE, *menu, *longer, *menu, PROSE])
    assert reasons == ["menu"] * 10 and kept == ["Rail Plan Unveiled", PROSE, PROSE]


@pytest.mark.parametrize(
    "between",
    [
        [PROSE],  # a paragraph of the story
        ["Funding: the ministry pays for the first two lines"],  # a label and its text
        ["The works start in May."],  # a sentence
        [f"Entry number {n} of a longer list" for n in range(1, 7)],  # more than a bridge
    ],
)
def test_what_stands_between_two_menus_otherwise_stays(between: list[str]) -> None:
    menu = ["Home", "World", "Business", "Sport"]
    kept, _ = split(["Rail Plan Unveiled", PROSE, *menu, *between, *menu, PROSE])
    assert kept[2:-1] == between


@pytest.mark.parametrize(
    ("scraper", "page", "entry"),
    [
        # energy.gov's office menu: a programme's long name and a question among labels
        *(
            (scraper, "energy-ott-technology-commercialization-fund", entry)
            for scraper in ("bs4-get-text", "html-text")
            for entry in ("Who do I contact at the Labs?", "Office of Science User facilities")
        ),
        # obamawhitehouse.archives.gov's footer menu
        (
            "html-text",
            "obamawhitehouse-digital-transition",
            "Eisenhower Executive Office Building Tour",
        ),
        # TurboTax's product menu
        ("bs4-get-text", "turbotax-obbba-tax-law-changes-2026", "TurboTax vs H&R Block Reviews"),
        ("html-text", "turbotax-obbba-tax-law-changes-2026", "TurboTax vs H&R Block Reviews"),
    ],
)
def test_long_menu_entries_of_real_pages_are_dropped_as_menu(
    scraper: str, page: str, entry: str
) -> None:
    document = parse(SCRAPED / scraper / f"{page}.txt")
    assert ("menu", entry) in [(item.reason, item.text) for item in document.dropped]
    assert entry not in [pillar.title for pillar in document.pillars]


def test_full_page_dumps_lose_their_menus_from_two_scrapers() -> None:
    for scraper in ("bs4-get-text", "w3m"):
        document = parse(SCRAPED / scraper / "html3_ghana_24_hour_economy.txt")
        titles = [pillar.title for pillar in document.pillars]
        assert not {"Home", "Politics", "Sports"} & set(titles), scraper


def test_a_bullet_typed_into_a_paragraph_wraps_back_to_its_marker() -> None:
    lines = read_layout(
        [
            "   • Overriding Public Interest: Transport and grid projects will be",
            "   declared to be in the overriding public interest, limiting the grounds",
            "   for legal challenges.",
            "   • Digital Permits: All federal planning procedures will be handled",
            "   online by 2027.",
        ],
        74,
    )
    assert len(lines) == 2 and lines[0].endswith("limiting the grounds for legal challenges.")
    for scraper in ("w3m", "lynx"):
        document = parse(SCRAPED / scraper / "html4_germany_infrastructure_fund.txt")
        items = {item.name: item.description for item in document.initiatives}
        assert items["Overriding Public Interest"].endswith("legal challenges."), scraper


def test_cjk_name_colon_sentence_paragraphs_are_a_list_in_two_dumps() -> None:
    """'饮用水管网：为超过1000个村庄接通安全饮用水。' — no case, no spaces, a full-width colon."""
    for scraper in ("newspaper4k", "html-text"):
        document = parse(SCRAPED / scraper / "html4_egypt_decent_life_initiative.txt")
        assert "饮用水管网" in [item.name for item in document.initiatives], scraper


def test_a_sidebar_printed_beside_the_article_is_cut_away_on_two_sites() -> None:
    expected = {
        "html3_zambia_lusaka_waste": ["Door-to-door collection", "Clean-up campaigns"],
        "html_nigeria_power_sector": ["Key Programmes", "Grid Reliability"],
    }
    for page, first_pillars in expected.items():
        document = parse(SCRAPED / "inscriptis" / f"{page}.txt")
        assert [pillar.title for pillar in document.pillars][:2] == first_pillars, page
        sidebar = [entry.text for entry in document.dropped if entry.reason == "sidebar"]
        assert sidebar and all(len(text.split()) <= 5 for text in sidebar), page


def test_a_table_beside_nothing_is_not_a_sidebar() -> None:
    from policyparse.text.layout import split_sidebar

    rows = [
        "Programme                 Description                              Budget",
        "Rail Fund                 Builds new lines across the north of the country.   £2bn",
        "Bus Fund                  Buys new buses for every town and village there.    £1bn",
    ]
    kept, side = split_sidebar([SourceLine(n, t) for n, t in enumerate(rows, 1)])
    assert side == [] and texts(kept) == rows


def test_the_headline_echoing_the_title_tag_is_the_title_in_two_dumps() -> None:
    """get_text and html-text print '<title>' first ('Headline | Site'), the headline again
    below the site's chrome: that line is the article's start."""
    for scraper in ("bs4-get-text", "html-text"):
        document = parse(SCRAPED / scraper / "html2_kenya_housing_levy.txt")
        assert document.title.startswith("Housing Levy Explained"), scraper
        assert "Real Estate" not in [pillar.title for pillar in document.pillars], scraper


def test_a_site_name_printed_twice_is_not_a_title_tag() -> None:
    from policyparse.text.furniture import article_start

    def lines(*rows: str) -> list[SourceLine]:
        return [SourceLine(n, t) for n, t in enumerate(rows, 1)]

    echoed = lines("Rail Plan Unveiled | Daily Post", "Home", "Rail Plan Unveiled", PROSE)
    assert article_start(echoed) == 2
    twice = lines(
        "Ministry of Works Online",
        "Ministry of Works Online",
        "Rail plans for the whole north",
        PROSE,
    )
    assert article_start(twice) == 0


def test_bold_across_a_hard_break_is_one_line_and_a_long_bold_paragraph_is_unmarked() -> None:
    text = (
        "# Plan\n\n"
        "The ministry sets out its plan for the coming years.\n\n"
        "**Photos for editors:  \n"
        "download them** from the press page.\n\n"
        f"**{' '.join(['A bold standfirst that runs long.'] * 12)}**\n"
    )
    document = parse(text, format="text")
    texts = "\n".join([document.lede] + [pillar.description for pillar in document.pillars])
    items = [(item.name, item.description) for item in document.initiatives]
    assert items == [("Photos for editors: download them", "from the press page.")]
    assert "A bold standfirst that runs long." in texts and "**" not in texts


@pytest.mark.parametrize(
    ("scraper", "page"),
    [
        ("html2text", "malteser-investitionsoffensive-bevoelkerungsschutz"),  # malteser.de
        ("markdownify", "malteser-investitionsoffensive-bevoelkerungsschutz"),
        ("html2text", "sac-cas-schneesport-wildtiere"),  # sac-cas.ch: a bold standfirst
        ("trafilatura-markdown", "sac-cas-schneesport-wildtiere"),
    ],
)
def test_real_bold_spans_leave_no_markers(scraper: str, page: str) -> None:
    document = parse((SCRAPED / scraper / f"{page}.txt").read_text("utf-8"), format="text")
    texts = [document.lede] + [pillar.description for pillar in document.pillars]
    assert not any("**" in text for text in texts)


# --- whole pages printed by terminal browsers -------------------------------------------


def test_a_whole_pages_wrapped_paragraphs_are_found_among_its_menus_on_two_sites() -> None:
    """A rendered page's menus outnumber its wrapped lines; the wrap is still found (and
    the paragraphs joined), but not in a get_text dump of the same page."""
    for page in (
        "europarl-eu-uk-contingency-measures",
        "politico-biden-student-debt-relief-applications",
    ):
        for scraper, width in (("w3m", 78), ("bs4-get-text", 0)):
            filled = [line.text for line in source_lines(scraped(scraper, page)) if line.text]
            assert wrap_width(filled) == 0, (scraper, page)  # too few wrapped lines overall
            shape = detect_dialect(source_lines(scraped(scraper, page)))
            assert shape.wrap_width >= width if width else shape.wrap_width == 0, (scraper, page)


def test_the_headline_over_the_story_of_a_whole_page_is_its_title_on_two_sites() -> None:
    """Hundreds of menu lines, then the headline, tags, a dateline, share buttons, a
    caption with its credit, and the story: the headline is the title for three renderers."""
    titles = {
        "europarl-car-recharging-60km": (
            "Car-recharging stations should be available every 60 km, say MEPs"
        ),
        "lavanguardia-catalunya-ayudas-vivienda-jovenes": (
            "Catalunya dará ayudas a jóvenes para la entrada de un piso pero topará los precios"
        ),
    }
    for page, title in titles.items():
        for scraper in ("w3m", "lynx", "inscriptis"):
            document = parse(scraped(scraper, page), format="text")
            assert document.title == title, (scraper, page)
            assert "Press room" not in [pillar.title for pillar in document.pillars]


def test_the_headline_over_the_story_skips_captions_labels_and_wrapped_lines() -> None:
    from policyparse.text.furniture import article_start

    menu = [f"  • Section {n}" for n in range(30)]
    rows = [
        *menu,
        "Ministry opens a second rail line to the northern towns",
        "From: Daily Post",
        "12 March 2025",
        "Trains at the new station © Jan Novák / Agency",
        "The line was planned for ten years and opens on Monday",
        "after a long delay.",
        PROSE,
    ]
    lines = [SourceLine(n, t) for n, t in enumerate(rows, 1)]
    assert article_start(lines) == len(menu)


@pytest.mark.parametrize(
    "page",
    [
        "fivethirtyeight-manchin-party-switch",  # a photo credit between headline and story
        "innovazione-butti-audizione-pnrr",  # a standfirst, a dateline and a share bar
        "nci-health-disparities-major-initiatives",  # a page menu after the headline
        "readability-bbc-1",  # a caption over the story
    ],
)
def test_the_headline_that_speaks_of_the_story_is_the_title_for_three_renderers(
    page: str,
) -> None:
    """w3m, lynx and inscriptis print no heading markup: of the headline-shaped lines over
    the story, the headline is the first made mostly of the story's own words."""
    pages = json.loads((SCRAPED / "pages.json").read_text("utf-8"))
    gold_file = next(entry["gold"] for entry in pages if entry["name"] == page)
    gold = json.loads((SCRAPED.parents[1] / gold_file).read_text("utf-8"))["title"]
    for scraper in ("w3m", "lynx", "inscriptis"):
        assert parse(scraped(scraper, page), format="text").title == gold, scraper


def test_promotions_above_the_headline_and_the_standfirst_below_it_are_not_the_title() -> None:
    from policyparse.text.furniture import article_start

    menu = [f"  • Section {n}" for n in range(6)]
    rows = [
        *menu,
        "Find out how to apply for the new cloud migration grants",
        "Visit the Digital Italy 2026 site",
        "Rail Plan for the Northern Towns",
        "Why the ministry wants two new lines and what they will cost",
        "The ministry set out a rail plan for the northern towns on Monday: two new lines "
        "will link them to the coast, and the plan will cost the state two billion.",
        "The towns have waited ten years for the lines, and the ministry says the plan "
        "will be finished by the end of the decade if the budget allows it.",
    ]
    lines = [SourceLine(n, t) for n, t in enumerate(rows, 1)]
    assert article_start(lines, layout=True) == len(menu) + 2
    # Without chrome above, a section heading over the text is no headline.
    assert article_start(lines[len(menu) + 2 :], layout=True) == 0


def test_hashtags_and_lynx_link_relations_are_never_the_headline() -> None:
    from policyparse.text.furniture import _is_headline_text

    assert _is_headline_text("Rail Plan for the Northern Towns")
    assert not _is_headline_text("#alternate alternate Rail Plan for the Northern Towns")
    assert not _is_headline_text("#Education policy in the northern towns")


def test_a_cjk_title_tag_joined_to_its_site_unspaced_is_echoed_by_the_headline() -> None:
    """get_text and html-text print "…启动--健康·生活--人民网" first; the headline alone
    comes again under the site's login line and menus."""
    from policyparse.text.furniture import article_start

    rows = [
        "关注青少年心理健康服务项目启动--健康·生活--人民网",
        "登录 | 注册",
        "政策声音 行业热点 医学前沿 观察评论",
        "关注青少年心理健康服务项目启动",
        "本报讯 近日，青少年心理健康服务项目在北京市青年宫正式启动，将以基层社区、学校为重点服务领域。",
    ]
    assert article_start([SourceLine(n, t) for n, t in enumerate(rows, 1)]) == 3


def test_a_short_text_without_chrome_keeps_its_first_line() -> None:
    from policyparse.text.furniture import article_start

    rows = ["Rail plan for the north", "Lines", "Stations", "Depots", PROSE]
    assert article_start([SourceLine(n, t) for n, t in enumerate(rows, 1)]) == 0


# --- CJK in whole-page dumps -------------------------------------------------------------


def test_cjk_paragraphs_wrapped_by_w3m_are_joined_without_spaces_on_three_sites() -> None:
    """Chinese prose opens a paragraph with two ideographic or em spaces; w3m wraps it at
    the margin inside a word. The pieces are one paragraph again, not a pillar each."""
    pages = {
        "theorychina-zhongguoshi-xiandaihua-report": "既有各国现代化的共同特征，更有基于自己国情的鲜明特色",
        "youth-cn-yanglao-benke-biyesheng": None,
        "toutiao-xinhua-waimao-zhisheng-liangwen": "同比增长5.7%。3月份",
    }
    for page, joined in pages.items():
        document = parse(scraped("w3m", page), format="text")
        gold = json.loads((WEB_GOLD / "dev" / f"{page}.gold.json").read_text(encoding="utf-8"))
        assert len(document.pillars) <= 2 * max(len(gold["pillars"]), 3) + 20, page
        if joined:
            text = " ".join(p.description for p in document.pillars)
            assert joined in text, page


def test_a_one_line_paragraph_at_the_margin_is_not_a_heading() -> None:
    body = "   Body text indented three columns, as lynx prints every paragraph of a page."
    rows = [body] * 6 + ["Short sentence at the margin that ends with a stop."] + [body] * 3
    lines = read_layout_lines([SourceLine(n, t) for n, t in enumerate(rows, 1)], 79)
    assert not any(line.text.startswith("## ") for line in lines)
    rows[6] = "A Heading At The Margin"
    lines = read_layout_lines([SourceLine(n, t) for n, t in enumerate(rows, 1)], 79)
    assert any(line.text == "## A Heading At The Margin" for line in lines)


def test_cjk_wrapped_lines_meet_without_a_space_only_where_the_line_was_full() -> None:
    chinese = ["　　" + "中" * 38, "国" * 10 + "。"]
    lines = read_layout_lines([SourceLine(n, t) for n, t in enumerate(chinese, 1)], 79)
    assert [line.text.strip() for line in lines] == ["中" * 38 + "国" * 10 + "。"]
    korean = ["정책 " * 14 + "정부는", "계획을 발표했다."]  # wrapped at a space, line not full
    lines = read_layout_lines([SourceLine(n, t) for n, t in enumerate(korean, 1)], 79)
    assert lines[0].text.endswith("정부는 계획을 발표했다.")


def test_japanese_related_articles_end_the_story() -> None:
    assert is_end_cue("関連記事") and is_end_cue("## 関連記事")
    assert not is_end_cue("関連記事の一覧は政府の発表にある。")


def test_a_layout_tables_text_flattened_into_one_pipe_cell_is_prose_on_two_pages() -> None:
    """trafilatura flattens a page laid out in a table into '|  | <the whole text> |' above
    the real table: that row is prose, and the real table keeps its header row."""
    for page, header in (
        ("html_nigeria_power_sector", "Programme | Description | Budget"),
        ("html3_zambia_lusaka_waste", "Project | Location | Details | Cost (K million)"),
    ):
        document = parse(scraped("trafilatura-txt", page), format="text")
        names = [item.name for item in document.initiatives]
        assert names and header.split(" | ")[0] not in names, page
        assert any(item.text == header for item in document.dropped), page


def test_the_headline_echoing_the_title_tag_is_found_past_a_long_menu_on_three_sites() -> None:
    """get_text prints the page's <title> first and the headline again after the site's
    menus, which may run for hundreds of lines: the headline is still the title."""
    for page, title in (
        ("carnegie-tax-capital-inflows", "Washington Should Tax Capital Inflows"),
        ("readability-bbc-1", "Obama admits US gun laws are his 'biggest frustration'"),
    ):
        assert parse(scraped("bs4-get-text", page), format="text").title == title, page
    page = "cna-compass-employment-pass-points"
    gold = json.loads((WEB_GOLD / "dev" / f"{page}.gold.json").read_text(encoding="utf-8"))
    assert parse(scraped("bs4-get-text", page), format="text").title == gold["title"]


def test_a_marked_headline_echoing_the_title_tag_wins_over_a_popup_above_it() -> None:
    """markdownify prints the <title> first; a feedback pop-up's sentences stand above the
    '# Headline', and a share bar under it. The pop-up is not the story's start."""
    text = (
        "International scholarships to study in the US | TopUniversities\n\n"
        "* [Login](/signin)\n\n#### Thanks for sending your response.\n\n"
        "Your input will help us improve your experience. You can close this popup.\n\n"
        "International scholarships to study in the US\n"
        "=============================================\n\nShare\n-----\n\n"
        "It is no secret that the US is one of the most popular study destinations.\n\n"
        "Government-funded scholarships\n------------------------------\n\n"
        "* **Fulbright Program** – Scholarships for graduate students from abroad.\n"
        "* **Humphrey Fellowship** – A non-degree programme for professionals.\n"
    )
    document = parse(text, format="text")
    assert document.title == "International scholarships to study in the US"
    assert [i.name for i in document.initiatives] == ["Fulbright Program", "Humphrey Fellowship"]
    # the same on real pages of three sites (topuniversities, obamawhitehouse, cna)
    page = "topuniversities-us-scholarships-international-students"
    assert len(parse(scraped("markdownify", page), format="text").initiatives) >= 30


def test_the_only_level_one_heading_is_the_title_past_chrome_prose() -> None:
    """html2text prints no <title>: the page's one <h1> is its only '# ' line, even when a
    membership banner's sentence stands above it."""
    text = (
        "[Home](/) [News](/news)\n\n"
        "Your free membership unlocks exclusive deals and advisor support. Join free today.\n\n"
        "# Best Business Certification Programs\n\n"
        "Certifications show employers that you have the skills a role asks for.\n\n"
        "## Project management\n\nThe PMP is the best known of them.\n"
    )
    document = parse(text, format="text")
    assert document.title == "Best Business Certification Programs"
    assert [pillar.title for pillar in document.pillars] == ["Project management"]
    # real pages of several sites, html2text and markdownify
    for scraper, page, title in (
        ("html2text", "carnegie-tax-capital-inflows", "Washington Should Tax Capital Inflows"),
        (
            "html2text",
            "readability-bbc-1",
            "Obama admits US gun laws are his 'biggest frustration'",
        ),
        (
            "markdownify",
            "makronom-ressourcenschutzgesetz-ezb-programme",
            "Warum es ein Ressourcenschutzgesetz braucht",
        ),
    ):
        assert parse(scraped(scraper, page), format="text").title == title, page


@pytest.mark.parametrize(
    "cue", ["あわせて読みたい", "関連キーワード", "最新記事一覧", "「国際」の最新記事一覧"]
)
def test_japanese_related_reading_lines_end_the_story(cue: str) -> None:
    # yomiuri.co.jp and BUZZAP! print these above lists of other articles
    text = (
        "韓国が戒厳令を宣言\n\n尹大統領は３日夜、テレビ演説で非常戒厳を宣言した。国会は直ちに解除を求めた。\n\n"
        f"{cue}\n\n北朝鮮が弾道ミサイルを発射\n\n小林製薬の大株主が提訴求める\n"
    )
    document = parse(text, format="text")
    assert document.title == "韓国が戒厳令を宣言"
    assert document.pillars == ()
    assert "北朝鮮が弾道ミサイルを発射" not in document.lede


def test_japanese_related_reading_lines_end_the_story_on_two_sites() -> None:
    for page in ("yomiuri-korea-martial-law", "buzzap-keigen-zeiritsu-somusho"):
        for scraper in ("w3m", "html2text"):
            document = parse(scraped(scraper, page), format="text")
            assert len(document.initiatives) <= 2, (scraper, page)  # were 11 to 22


def test_a_markdown_writer_that_marks_its_headings_has_no_unmarked_ones() -> None:
    """Once a text marks two section headings, its short unmarked lines (labels, bylines,
    chart captions) are paragraphs; a bold-only line is marked and stays a heading."""
    text = (
        "# Single departmental plan\n\n## Objectives\n\nThe department has five objectives.\n\n"
        "Lead minister: Lord Freud, Minister of State\n\n"
        "Source: Households below average income\n\n"
        "## Funding\n\nThe plan is funded from the settlement.\n\n**Next Steps**\n\n"
        "The ministry reports each year.\n"
    )
    titles = [pillar.title for pillar in parse(text).pillars]
    assert titles == ["Objectives", "Funding", "Next Steps"]
    assert "Lead minister: Lord Freud" in parse(text).pillars[0].description


@pytest.mark.parametrize("scraper", ["html2text", "markdownify"])
@pytest.mark.parametrize(
    ("page", "not_headings"),
    [
        (
            "govuk-dwp-single-departmental-plan-2015-2020",
            {"Lead minister: Lord Freud, Minister of State for Welfare Reform"},
        ),
        ("readability-nytimes-4", {"Interest payments on the national debt"}),
    ],
)
def test_unmarked_labels_and_captions_of_marked_markdown_are_not_pillars(
    scraper: str, page: str, not_headings: set[str]
) -> None:
    titles = {pillar.title for pillar in parse(SCRAPED / scraper / f"{page}.txt").pillars}
    assert not titles & not_headings, titles & not_headings


def test_section_headings_stay_when_only_the_site_name_and_headline_are_marked() -> None:
    """Both are <h1>s, printed with "===" under them; the page's section headings are
    styled paragraphs, left unmarked: the unmarked-heading rules still hold there."""
    for scraper in ("html2text", "markdownify"):
        titles = [pillar.title for pillar in parse(SCRAPED / scraper / f"{KENYA}.txt").pillars]
        assert {"How the Levy Works", "Projects Under Construction"} <= set(titles), scraper


def test_a_label_opening_three_short_lines_is_a_field_not_a_section() -> None:
    text = (
        "Department plan\n\nEmployment\n\nWe will help people into work.\n\n"
        "Lead minister: Priti Patel\n\nSource: Labour Force Survey\n\n"
        "Pensions\n\nWe will protect savings.\n\nLead minister: Ros Altmann\n\n"
        "Source: Households below Average Income\n\nWelfare\n\nWe will cut fraud.\n\n"
        "Lead minister: Lord Freud\n\nSource: Fraud and Error statistics\n"
    )
    document = parse(text)
    assert [pillar.title for pillar in document.pillars] == ["Employment", "Pensions", "Welfare"]
    assert "Lead minister: Ros Altmann" in document.pillars[1].description


@pytest.mark.parametrize(
    ("scraper", "page", "label"),
    [
        ("w3m", "govuk-dwp-single-departmental-plan-2015-2020", "Lead minister:"),
        ("lynx", "govuk-dwp-single-departmental-plan-2015-2020", "Source:"),
        ("inscriptis", "business-com-business-certifications", "Get Started:"),
        ("bs4-get-text", "europarl-restore-disaster-recovery-funds", "Mobile number:"),
    ],
)
def test_repeated_field_labels_of_real_pages_are_not_pillars(
    scraper: str, page: str, label: str
) -> None:
    text = scraped(scraper, page)
    assert sum(label in line for line in text.splitlines()) >= 3
    titles = [pillar.title for pillar in parse(text).pillars]
    assert not [title for title in titles if label in title], titles


def test_section_headings_sharing_a_longer_label_stay_headings() -> None:
    """focus.de heads its sections "Neu ab April: …", "Änderungen im April: …"."""
    titles = [pillar.title for pillar in parse(SCRAPED / "w3m" / f"{FOCUS}.txt").pillars]
    assert sum(title.startswith(("Neu ab April:", "Änderung")) for title in titles) >= 5, titles


def test_a_sentence_case_heading_over_a_paragraph_is_a_section() -> None:
    """Past six words the title shape wants Title Case; a sentence-case line of up to twelve
    words heads a section when a paragraph twice its length follows it. Teaser headlines
    (over another headline) and lines ending like a sentence cut short stay paragraphs."""
    text = (
        "Rail plan 2030\n\nThe government published its plan on Monday.\n\n"
        "Roads and railways: building in three phases\n\n"
        "More than half of the programme's money goes to transport, starting with the "
        "railway to the port and two new motorway sections in the south.\n\n"
        "Train drivers' union calls off its planned strike this week\n\n"
        "Zagreb orders forty new trams for the city network\n\n"
        "The principle of minimal relocation to protect livelihoods; and\n\n"
        "the plan adds three lines to the network by the end of the decade, the minister said.\n"
    )
    titles = [pillar.title for pillar in parse(text).pillars]
    assert titles == ["Roads and railways: building in three phases"]


@pytest.mark.parametrize(
    ("scraper", "page", "heading"),
    [
        ("w3m", "html7_serbia_expo_2027", "Putevi i pruge: Izgradnja u tri faze"),
        ("html-text", "html7_serbia_expo_2027", "Putevi i pruge: Izgradnja u tri faze"),
        ("w3m", "html5_ukraine_energy_resilience", "Що далі: зима як іспит для енергосистеми"),
        ("bs4-get-text", "fox13now-new-laws-2014", "Local: Guns, family leave and shark fins"),
    ],
)
def test_sentence_case_headings_of_real_texts_are_sections(
    scraper: str, page: str, heading: str
) -> None:
    assert heading in [pillar.title for pillar in parse(SCRAPED / scraper / f"{page}.txt").pillars]


@pytest.mark.parametrize(
    ("scraper", "page", "label"),
    [
        ("bs4-get-text", "readability-bbc-1", "Media caption"),
        ("inscriptis", "readability-nytimes-4", "Image"),
        ("w3m", "nytimes-twitter-private-company-musk", "Image"),
    ],
)
def test_a_figures_screen_reader_label_is_dropped_as_furniture(
    scraper: str, page: str, label: str
) -> None:
    """ "Image" and "Media caption" label a picture for screen readers; printed alone on a
    line they are page controls, never a section or a paragraph of the story."""
    document = parse(SCRAPED / scraper / f"{page}.txt")
    assert label not in {pillar.title for pillar in document.pillars}
    assert any(dropped.text == label for dropped in document.dropped)


@pytest.mark.parametrize("scraper", ["bs4-get-text", "html-text", "w3m"])
@pytest.mark.parametrize(
    ("page", "label"),
    [
        ("usagov-housing-help-programs", "Top"),  # usa.gov's back-to-top links
        ("usagov-finance-your-business", "Top"),
        ("studentaid-repayment-plans", "Learn more"),  # studentaid.gov's link buttons
        ("studentaid-es-planes-de-pago", "Aprenda más"),
    ],
)
def test_back_to_top_and_learn_more_links_are_dropped_as_controls(
    scraper: str, page: str, label: str
) -> None:
    document = parse(SCRAPED / scraper / f"{page}.txt")
    assert label not in {pillar.title for pillar in document.pillars}
    assert any(dropped.text == label for dropped in document.dropped)


def test_a_pages_menus_do_not_set_the_body_indent_so_item_names_keep_their_text() -> None:
    """w3m indents a layout table's menus; on a full page they outnumber the article's lines.
    The body indent is read from prose lines only, so an item's text printed under its name
    at the item's text column continues the item, which its name then names."""
    menu = "".join(f"          Menu entry {n}\n" for n in range(12))
    text = (
        f"Disaster help\n\n{menu}\nNew Benefits\n\n"
        "FEMA has changed its programme this year and every survivor can apply for the\n"
        "new benefits at a recovery centre or online from the first of January.\n\n"
        "  • Serious Needs Assistance\n"
        "    Money to help you pay for essential items like food, water and medication.\n"
        "  • Displacement Assistance\n"
        "    Money to help with immediate housing needs if you cannot return home.\n"
    )
    items = {item.name: item.description for item in parse(text).initiatives}
    assert items.get("Serious Needs Assistance", "").startswith("Money to help you pay")


@pytest.mark.parametrize("scraper", ["w3m", "lynx"])
def test_fema_benefits_printed_name_over_text_are_items(scraper: str) -> None:
    document = parse(SCRAPED / scraper / "fema-individual-assistance-program-updates.txt")
    items = {item.name: item.description for item in document.initiatives}
    assert items.get("Displacement Assistance", "").startswith("Money to help with immediate")


@pytest.mark.parametrize(
    ("scraper", "page", "title"),
    [
        (
            "w3m",
            "fema-crisis-counseling-program",
            "Crisis Counseling Assistance & Training Program",
        ),
        (
            "inscriptis",
            "fema-crisis-counseling-program",
            "Crisis Counseling Assistance & Training Program",
        ),
        ("html-text", "usagov-finance-your-business", "Finance Your Business"),
    ],
)
def test_the_us_government_banner_is_chrome_above_the_title(
    scraper: str, page: str, title: str
) -> None:
    """Every site built on the US Web Design System (fema.gov, usa.gov…) opens with "An
    official website of the United States government" and two sentences on .gov and HTTPS;
    none of them is the title."""
    assert parse(SCRAPED / scraper / f"{page}.txt").title == title


@pytest.mark.parametrize("scraper", ["w3m", "lynx", "bs4-get-text", "html-text"])
def test_the_spanish_us_government_banner_and_skip_link_are_chrome(scraper: str) -> None:
    """usa.gov in Spanish: "Saltar al contenido principal", "Un sitio oficial del Gobierno de
    Estados Unidos" and the banner's two sentences stand above the headline."""
    document = parse(SCRAPED / scraper / "usagov-es-seguros-de-salud.txt")
    assert document.title == "Seguros de salud"
