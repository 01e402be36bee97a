"""The HTML reader on small pages: what a browser builds, read into blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse import parse, parse_file
from policyparse.blocks import Heading, ListBlock, Paragraph, Table
from policyparse.html.reader import read_html
from policyparse.html.tables import parse_span


def blocks_of(markup: str) -> list[object]:
    return list(read_html(markup).blocks)


def test_headings_paragraphs_and_ignored_elements() -> None:
    blocks = blocks_of(
        "<h2>Roads &amp; Rail</h2><p>First<b>bold</b> text<script>x()</script>"
        "<style>p{}</style><noscript>enable js</noscript><!-- c --></p><template><p>t</p></template>"
    )
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph"]
    assert blocks[0].text == "Roads & Rail"
    assert " ".join(blocks[1].text.split()) == "Firstbold text"


def test_bold_only_paragraph_and_heading_classes_are_headings() -> None:
    blocks = blocks_of(
        '<p><strong>Next steps</strong></p><div class="section-title">Funding</div>'
        '<div role="heading" aria-level="4">Timeline</div><p><b>Note:</b> not a heading.</p>'
    )
    headings = [(b.text, b.level) for b in blocks if isinstance(b, Heading)]
    assert headings == [("Next steps", 4), ("Funding", 3), ("Timeline", 4)]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].lead == "Note:"


def test_a_bold_paragraph_ending_in_a_colon_heads_what_follows() -> None:
    # topuniversities.com "For Asian students:" over its list, bmz.de, corkbeo.ie
    blocks = blocks_of(
        "<p><strong>For Asian students:</strong></p><ul><li><b>Fund A</b> – grants</li></ul>"
        "<p><b>The letter warned:</b></p><p>Schools will close.</p>"
        "<p><b>Note:</b> not a heading.</p><p><b>Grants, loans;</b></p>"
    )
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["For Asian students:", "The letter warned:"]


def test_bold_label_then_br_opens_a_section() -> None:
    blocks = blocks_of("<p><strong>Next steps</strong><br>The ministry will consult in May.</p>")
    assert [(type(b).__name__, b.text) for b in blocks] == [
        ("Heading", "Next steps"),
        ("Paragraph", "The ministry will consult in May."),
    ]


def test_unclosed_and_misnested_markup_reads_like_a_browser() -> None:
    blocks = blocks_of(
        "<p>One <b>two <i>three</b> four</i><p>Five<ul><li>A: x<li>B: y</ul></div></div>"
    )
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert [" ".join(t.split()) for t in texts] == ["One two three four", "Five"]
    (listing,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.text for item in listing.items] == ["A: x", "B: y"]


def test_nested_lists_and_definition_lists() -> None:
    blocks = blocks_of(
        "<ul><li><b>Rail</b> new lines<ul><li>North link</li><li>South link<ol><li>Phase 1</ol></ul>"
        "<li>Bus: more buses</ul><dl><dt>Grid Fund</dt><dd>Reserves</dd><dd>and control</dd>"
        "<div><dt>Solar</dt><dd>Home kits</dd></div></dl>"
    )
    rail, bus = blocks[0].items
    assert rail.lead == "Rail" and rail.text == "Rail new lines"
    assert [child.text for child in rail.children] == ["North link", "South link"]
    assert rail.children[1].children[0].text == "Phase 1"
    assert bus.text == "Bus: more buses"
    grid, solar = blocks[1].items
    assert (grid.lead, grid.text) == ("Grid Fund", "Grid Fund Reserves and control")
    assert (solar.lead, solar.text) == ("Solar", "Solar Home kits")


def test_a_bold_lead_split_over_two_bold_elements_is_one_lead() -> None:
    # Editors split a bold lead ("<b>DevTools Fission</b> <b>M2</b>"); a lead that already
    # ends in its separator is complete, the bold text after it is the description.
    blocks = blocks_of(
        "<ul><li><b>DevTools Fission</b> <b>M2</b> – Making tools compatible</li>"
        "<li><strong>Choose how much to offer</strong> <strong>to your staff</strong></li></ul>"
        "<p><strong>1.</strong> <strong>Rail Fund</strong>: new lines</p>"
        "<p><b>Blues 3, Lightning 1: </b><b>St. Louis won.</b></p>"
        "<p><b>Grid</b> reserves, <b>solar</b> kits</p>"
    )
    fission, staff = blocks[0].items
    assert fission.lead == "DevTools Fission M2"
    assert staff.lead == staff.text == "Choose how much to offer to your staff"
    numbered, score, grid = blocks[1:]
    assert numbered.lead == "1. Rail Fund"
    assert score.lead == "Blues 3, Lightning 1:"
    assert grid.lead == "Grid"


def test_br_separated_bullets_become_a_list_after_repairs() -> None:
    document = parse(
        "<h1>Plan</h1><h2>Measures</h2><p>• Ports: dredging<br>• Roads: repaving<br>• Rail: signals</p>"
    )
    assert [(i.name, i.description) for i in document.initiatives] == [
        ("Ports", "dredging"),
        ("Roads", "repaving"),
        ("Rail", "signals"),
    ]


def test_table_without_tbody_or_tr_and_with_unclosed_cells() -> None:
    (table,) = blocks_of(
        "<table><th>Name<th>Aim<tr><td>Rail<td>Faster<tr><td>Bus<td>Cleaner</table>"
    )
    assert isinstance(table, Table)
    assert table.rows == (("Name", "Aim"), ("Rail", "Faster"), ("Bus", "Cleaner"))
    assert table.header_rows == 1


def test_cells_outside_rows_and_text_inside_table_are_moved_as_browsers_do() -> None:
    blocks = blocks_of("<table>stray text<td>Total</td><td>175</td><tr></tr></table>")
    assert isinstance(blocks[0], Paragraph) and blocks[0].text.strip() == "stray text"
    assert blocks[1].rows == (("Total", "175"),)


def test_colspan_and_rowspan_fill_every_slot() -> None:
    (table,) = blocks_of(
        "<table><thead><tr><th rowspan=2>Line<th colspan=2>Dates</tr><tr><th>Start<th>End</tr></thead>"
        "<tr><td>L1<td colspan='2;'>Under study</tr><tr><td rowspan=2>L2<td>2026<td>2030</tr><tr><td>2031<td>2035</tr></table>"
    )
    assert table.header_rows == 2
    assert table.rows == (
        ("Line", "Dates", "Dates"),
        ("Line", "Start", "End"),
        ("L1", "Under study", "Under study"),
        ("L2", "2026", "2030"),
        ("L2", "2031", "2035"),
    )


def test_span_values_are_lenient_and_capped() -> None:
    assert [parse_span(v) for v in ("2;", "3px", "", "-1", "abc", "100000")] == [2, 3, 1, 1, 1, 100]


def test_nested_table_is_its_own_table_after_its_parent() -> None:
    blocks = blocks_of(
        "<table><tr><th>Fund<th>Detail</tr><tr><td>Rail<td>See table"
        "<table><tr><td>Phase 1<td>Design work for the line</tr></table></td></tr></table>"
    )
    outer, inner = blocks
    assert outer.rows == (("Fund", "Detail"), ("Rail", "See table"))
    assert inner.rows == (("Phase 1", "Design work for the line"),)
    assert inner.span.path.startswith(outer.span.path)


def test_layout_table_wrapping_the_article_is_a_container() -> None:
    blocks = blocks_of(
        "<table role=presentation><tr><td><h2>Energy</h2><p>Prose one.</p><ul><li>A: x</ul></td></tr></table>"
    )
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph", "ListBlock"]


def test_cells_each_wrapped_in_paragraphs_are_data_but_a_cell_of_paragraphs_is_layout() -> None:
    """CMS editors wrap each cell's text in a <p> (a bold header row too): still a grid of
    records. A single cell holding several paragraphs wraps an article."""
    row = "<tr><td><p>{}</p></td><td><p>{}</p><p>{}</p></td></tr>"
    data = (
        "<table>"
        + row.format("<strong>Service</strong>", "<strong>Description</strong>", "")
        + row.format("Demolition", "Removal of damaged structures.", "(A FEMA mission.)")
        + row.format("Emergency Clearance", "Moving debris to the side of the road.", "")
        + "</table>"
    )
    [table] = blocks_of(data)
    assert isinstance(table, Table)
    assert table.rows[1][0] == "Demolition"
    layout = "<table><tr><td><p>Side</p></td><td><p>One.</p><p>Two.</p><p>Three.</p></td></tr>"
    layout += "<tr><td><p>Menu</p></td><td><p>More.</p></td></tr></table>"
    assert [type(block).__name__ for block in blocks_of(layout)] == ["Paragraph"] * 6


def test_fema_debris_table_gives_its_services() -> None:
    page = (
        Path(__file__).parents[1] / "fixtures/pages/fema-debris-clearance-removal-assistance.html"
    )
    document = parse_file(page)
    [pillar] = [pillar for pillar in document.pillars if pillar.initiatives]
    assert pillar.title == "USACE Mission Capabilities"
    assert len(pillar.initiatives) == 11
    assert pillar.initiatives[0].name == "Right of Way (ROW) Debris Removal"
    assert pillar.initiatives[0].origin.kind == "table"


def test_element_paths_name_rows_and_items() -> None:
    blocks = blocks_of(
        "<div></div><div><table><tr><td>a<td>b</tr><tr><td>c<td>d</tr></table><ul><li>x</ul></div>"
    )
    table, listing = blocks
    assert table.row_spans[1].path == "body/div[2]/table[1]/tr[2]"
    assert listing.items[0].span.path == "body/div[2]/ul[1]/li[1]"


def test_furniture_is_labelled_not_removed() -> None:
    blocks = blocks_of(
        "<nav><ul><li><a href=/>Home</a></ul></nav><article><p>" + "Story text. " * 60 + "</p>"
        '<div class="share-buttons"><a>Share</a></div></article><footer><p>© Site</p></footer>'
    )
    chrome = [b.chrome for b in blocks]
    assert chrome == ["navigation", "", "share", "footer"]


def test_furniture_is_read_whole_with_its_lines_and_words_intact() -> None:
    """Furniture is dropped whole (read by lexbor, not walked): one block per element, with
    a line per item and words split over inline tags kept whole."""
    blocks = blocks_of(
        '<article><p>Story.</p></article><footer class="post-tags">Tags: <a>#</a><span>Tax'
        "</span> <a>#</a><span>Jobs</span><ul><li>Home</li><li>News<br>Sport</li></ul>"
        "Contact</footer>"
    )
    assert [(b.chrome, b.text) for b in blocks] == [
        ("", "Story."),
        ("footer", "Tags: #Tax #Jobs\nHome\nNews\nSport\nContact"),
    ]


def test_headings_inside_furniture_still_count() -> None:
    """A title candidate outside the article keeps its inline text, and a sidebar's
    "Related" heading still covers the teasers that follow it."""
    page = (
        "<title>Water Plan Unveiled | Daily</title><header><div class=masthead><h1><span>Water "
        "Plan</span> <span>Unveiled</span></h1></div></header><main><p>" + "Text. " * 100 + "</p>"
        '</main><div class="sidebar"><h3>Related stories</h3><p>Teaser one</p></div>'
        "<h3><a href=/x>Another story</a></h3><p>Short teaser.</p>"
    )
    reading = read_html(page)
    assert reading.furniture_h1 == ["Water Plan Unveiled"]
    document = parse(page)
    assert document.title == "Water Plan Unveiled"
    assert "Another story" not in [pillar.title for pillar in document.pillars]
    assert any("Another story" in entry.text for entry in document.dropped)


def test_title_prefers_h1_matching_the_page_title_over_a_logo() -> None:
    page = (
        "<title>Water Plan Unveiled | Daily</title><header><div class=logo><h1>Daily</h1></div></header>"
        "<article><h1>Water Plan Unveiled</h1><p>" + "Text. " * 100 + "</p></article>"
    )
    assert parse(page).title == "Water Plan Unveiled"
    no_h1 = '<meta property="og:title" content="Grid Plan - Ministry of Power"><p>Text.</p>'
    assert parse(no_h1).title == "Grid Plan"


def test_deep_nesting_keeps_text_without_recursion_errors() -> None:
    document = parse("<div>" * 20_000 + "deep text" + "</div>" * 10)
    assert document.lede == "deep text"
    items = parse("<ul><li>" * 5_000 + "Deep Item: its text")
    assert "Deep Item: its text" in items.lede + "".join(
        p.description for p in items.pillars
    ) or any(i.name == "Deep Item" for i in items.initiatives)


def test_unclosed_table_gives_back_the_sections_it_swallowed() -> None:
    page = (
        "<h1>Plan</h1><h2>Projects</h2><p>The projects are:</p>"
        "<table><thead><tr><th>Initiative<th>Description</thead>"
        "<tr><td>Rail Link<td>New tracks to the port."
        "<tr><td>Bus Fleet<td>Electric buses.<h2>Next Steps</h2><p>Work starts in May.</p>"
        "<ul><li>Tender: issued in June.</ul><div class=related><h3>Related</h3><ul><li><a>Other</a></ul></div>"
    )
    document = parse(page)
    assert [p.title for p in document.pillars] == ["Projects", "Next Steps"]
    projects, next_steps = document.pillars
    assert [(i.name, i.description) for i in projects.initiatives] == [
        ("Rail Link", "New tracks to the port."),
        ("Bus Fleet", "Electric buses."),
    ]
    assert next_steps.description == "Work starts in May."
    assert [i.name for i in next_steps.initiatives] == ["Tender"]
    assert any("Other" in entry.text for entry in document.dropped)


def test_footnote_markers_are_skipped_but_powers_stay() -> None:
    (paragraph,) = blocks_of(
        "<p>Costs rose in 2024<sup>2</sup>, to £4bn a year.<sup>[3]</sup> Area: 12 km<sup>2</sup>.</p>"
    )
    assert " ".join(paragraph.text.split()) == "Costs rose in 2024, to £4bn a year. Area: 12 km2."


def test_quotes_bold_lines_and_labels() -> None:
    blocks = blocks_of(
        "<div>Intro text.<br><br><b>Clean-up campaigns</b><br>The council holds a clean-up.</div>"
        "<p>He called it <q>a new way of working</q>.</p><form><label>Search site</label><input></form>"
    )
    assert [(type(b).__name__, " ".join(b.text.split())) for b in blocks] == [
        ("Paragraph", "Intro text."),
        ("Heading", "Clean-up campaigns"),
        ("Paragraph", "The council holds a clean-up."),
        ("Paragraph", "He called it “a new way of working”."),
        ("Paragraph", "Search site"),
    ]
    assert blocks[-1].chrome == "form label"


def test_dialogs_over_the_page_are_furniture_however_long() -> None:
    glossary = " ".join(["The programme buys bonds of the public sector on the market."] * 30)
    html = (
        "<article><h1>Plan</h1><p>The article itself is here and it says what it says.</p>"
        "<h2>Measures</h2><ul><li>Rail Fund: builds new lines.</li><li>Bus Fund: buys buses.</li>"
        "</ul></article>"
        f'<div class="pum-overlay" role="dialog"><h2>Glossary</h2><p>{glossary}</p>'
        "<ul><li>March 2015 to March 2016: 60 billion euros a month in bond purchases.</li>"
        "<li>April 2016 to March 2017: 80 billion euros a month in bond purchases.</li></ul></div>"
    )
    document = parse(html)
    assert [p.title for p in document.pillars] == ["Measures"]
    assert any(
        d.reason == "page furniture (dialog)" and d.text == "Glossary" for d in document.dropped
    )


def test_a_bold_part_number_standing_alone_is_a_heading() -> None:
    html = (
        "<h1>Rede</h1><p><b>I.</b></p><p>Der erste Teil der Rede handelt von der Verfassung.</p>"
        "<p><b>II.</b></p><p>Der zweite Teil handelt von Europa.</p>"
    )
    assert [p.title for p in parse(html).pillars] == ["I.", "II."]
    # A bold sentence ending in a period is still emphasis, not a heading.
    assert parse("<h1>Plan</h1><p><b>This is bold.</b></p>").pillars == ()


def test_nested_unclosed_articles_are_not_each_measured(monkeypatch) -> None:
    """Unclosed <article> tags nest; sizing every level would read the page once per level
    (quadratic). Sizing stops once the candidates measured hold twice the page's text."""
    from policyparse.html import reader

    calls: list[int] = []
    measure = reader._text_length

    def counting(node):  # type: ignore[no-untyped-def]
        calls.append(1)
        return measure(node)

    monkeypatch.setattr(reader, "_text_length", counting)
    page = "<article><p>" + "Story text that goes on. " * 40 + "</p>"
    reading = read_html(page * 2000)
    assert len(reading.blocks) == 2000
    assert len(calls) < 50


def test_blocks_inside_a_heading_are_parts_of_its_line() -> None:
    # The European Parliament's CMS wraps every heading's text in a <div> (with an icon
    # <span> beside it); yahoo and others put <div>s inside headings too.
    html = (
        '<h1 class="ep_title"><div class="ep-p_text"><span>Parliament backs the plan</span>'
        '<span class="ep_icon">&nbsp;</span></div></h1><p>MEPs voted for it on Tuesday.</p>'
        "<h2><div>Next steps</div></h2><p>The Council decides in May.</p>"
    )
    document = parse(html)
    assert document.title == "Parliament backs the plan"
    assert document.lede == "MEPs voted for it on Tuesday."
    assert [pillar.title for pillar in document.pillars] == ["Next steps"]


def test_an_h1_linking_to_the_home_page_is_the_site_name_not_the_headline() -> None:
    site = '<header><h1><a href="/">Silicon Exposed</a></h1></header>'
    story = "<h2>Open flow for GreenPak4 devices</h2><p>The toolchain now programs the parts.</p>"
    assert parse(site + story).title == "Open flow for GreenPak4 devices"
    # A headline linked to its own permalink is still the headline.
    permalink = '<h1><a href="/2019/11/rail-plan">Rail plan unveiled</a></h1><p>Text here.</p>'
    assert parse(permalink).title == "Rail plan unveiled"


@pytest.mark.parametrize(
    ("source", "title"),
    [
        # politico.com (web dev): <h1><a href="https://www.politico.com/">logo</a></h1>
        (
            "fixtures/pages/politico-biden-student-debt-relief-applications.html",
            "Biden’s student debt relief draws 8M+ applications in first two days",
        ),
        # a Blogger blog (Readability's test page): the blog's name in the <h1>
        (
            "../shared/corpus/readability-test-pages/blogger/source.html",
            "Open Verilog flow for Silego GreenPak4 programmable logic devices",
        ),
    ],
)
def test_real_site_name_h1s_are_not_titles(source: str, title: str) -> None:
    assert parse_file(Path(__file__).resolve().parents[1] / source).title == title


def test_an_accordions_button_labels_the_section_it_folds_away() -> None:
    """Bootstrap writes '<p class="accordion-header" id="header-7"><button
    aria-controls="collapse-7" aria-expanded="false">Label</button></p><div
    id="collapse-7">…'; a React kit puts an <h3> inside the button. Both are headings; a
    menu toggle whose panel is elsewhere stays a control."""
    page = (
        "<main><h1>What we do</h1><p>The department runs two programmes.</p>"
        '<div class="accordion"><p class="accordion-header" id="header-7">'
        '<button aria-controls="collapse-7" aria-expanded="false" type="button">'
        "<span>Two lines of intervention</span></button></p>"
        '<div id="collapse-7" class="collapse"><p>The first line funds schools.</p></div>'
        '<div><button aria-controls="faq-1" aria-expanded="false"><h3>Is it free?</h3>'
        '</button><div id="faq-1"><p>Yes, the courses are free for everyone.</p></div></div>'
        '</div><button aria-controls="site-menu" aria-expanded="false">Menu</button>'
        "<p>More text follows here.</p></main>"
    )
    titles = [pillar.title for pillar in parse(page).pillars]
    assert titles == ["Two lines of intervention", "Is it free?"]


def test_accordion_labels_of_real_pages_are_sections_on_two_sites() -> None:
    pages = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    for page, label in (
        ("innovazione-what-we-do-en", "Two lines of intervention"),
        (
            "business-com-business-certifications",
            "Are there free business certifications available online?",
        ),
    ):
        titles = [pillar.title for pillar in parse(pages / f"{page}.html").pillars]
        assert label in titles, page
