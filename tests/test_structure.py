"""From blocks to pillars and initiatives: names, tables, titles, placement."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import parse_page

from policyparse import parse, parse_file
from policyparse.blocks import Heading, ListBlock, ListItem, Paragraph, Span, Table
from policyparse.structure import build_structure, split_name, strip_site_suffix


@pytest.mark.parametrize(
    ("text", "lead", "expected"),
    [
        ("Direct Talks: Opening channels.", "", ("Direct Talks", "Opening channels.")),
        ("Rail Fund – £2bn for lines", "", ("Rail Fund", "£2bn for lines")),
        ("Rail Fund — £2bn for lines", "", ("Rail Fund", "£2bn for lines")),
        ("Rail Fund - £2bn for lines", "", ("Rail Fund", "£2bn for lines")),
        ("育児支援：保育所を増やす", "", ("育児支援", "保育所を増やす")),
        ("Plan (ABC): does this: and that", "", ("Plan (ABC)", "does this: and that")),
        ("Water Fund. Grants for towns.", "Water Fund.", ("Water Fund", "Grants for towns.")),
        (
            "Wir wollen faire Löhne sorgen. Betriebe zahlen.",
            "Wir wollen faire Löhne sorgen.",
            ("Wir wollen faire Löhne sorgen.", "Betriebe zahlen."),
        ),
        ("Social Fund (ESF) supports jobs.", "", ("Social Fund (ESF)", "supports jobs.")),
    ],
)
def test_split_name_forms(text: str, lead: str, expected: tuple[str, str]) -> None:
    found = split_name(text, lead)
    assert found is not None
    assert (found.name, found.description) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry will review the rules by May.",
        "Meeting at 10:30 with officials.",
        "See https://example.org for details.",
        "The city will also build new cycle paths and bus lanes downtown: work starts soon.",
        "Prices rose. Then: nothing.",
    ],
)
def test_split_name_leaves_sentences_alone(text: str) -> None:
    assert split_name(text) is None


def test_site_suffixes() -> None:
    assert strip_site_suffix("Rail Plan | The Daily Post") == "Rail Plan"
    assert strip_site_suffix("Rail Plan – example.com") == "Rail Plan"
    assert (
        strip_site_suffix("Budget 2025 - what it means for you")
        == "Budget 2025 - what it means for you"
    )


def table_block(rows: tuple[tuple[str, ...], ...], header_rows: int = 1) -> Table:
    return Table(
        rows=rows,
        header_rows=header_rows,
        row_spans=tuple(Span(lines=(i + 1, i + 1)) for i in range(len(rows))),
    )


def test_table_columns_by_header_words_and_attributes() -> None:
    rows = (
        ("Budget", "Programme", "Objective", "Lead"),
        ("$2bn", "Rail Link", "Connect the two ports by 2030.", "Transport"),
        ("$1bn", "Bus Fleet", "Replace diesel buses.", ""),
    )
    structure = build_structure(
        [Heading(text="Plan", level=1), Heading(text="Money"), table_block(rows)], ""
    )
    items = structure.pillars[0].initiatives
    assert [(i.name, i.description, i.attributes) for i in items] == [
        ("Rail Link", "Connect the two ports by 2030.", {"Budget": "$2bn", "Lead": "Transport"}),
        ("Bus Fleet", "Replace diesel buses.", {"Budget": "$1bn"}),
    ]
    assert [(i.origin.kind, i.origin.row, i.origin.lines) for i in items] == [
        ("table", 1, (2, 2)),
        ("table", 2, (3, 3)),
    ]


def test_table_of_figures_is_reported_not_read() -> None:
    rows = (
        ("Year", "2016-17", "2015-16"),
        ("Within one year", "19,598", "18,298"),
        ("Later", "85,164", "79,639"),
    )
    structure = build_structure([Heading(text="Accounts"), table_block(rows)], "Report")
    assert structure.pillars[0].initiatives == ()
    assert [d.reason for d in structure.dropped] == ["table of figures, no describing column"]


def test_description_column_by_length_without_header() -> None:
    rows = (
        ("Line 1", "Ben Thanh to Suoi Tien, opened in December 2024", "19.7 km"),
        ("Line 2", "Ben Thanh to Tham Luong via the west", "11.3 km"),
    )
    structure = build_structure([Heading(text="Metro"), table_block(rows, header_rows=0)], "T")
    first = structure.pillars[0].initiatives[0]
    assert (first.name, first.attributes) == ("Line 1", {"column 3": "19.7 km"})


def test_placement_lede_pillars_and_sub_items() -> None:
    items = (
        ListItem(
            text="Grid: new lines",
            children=(ListItem(text="North first"), ListItem(text="South later")),
        ),
        ListItem(text="A plain sentence bullet."),
    )
    blocks = [
        Heading(text="Power Plan", level=1),
        Paragraph(text="Intro prose."),
        Heading(text="Networks"),
        Paragraph(text="The plan includes:"),
        ListBlock(items=items),
        Paragraph(text="After the list."),
    ]
    structure = build_structure(blocks, "")
    assert structure.title == "Power Plan"
    assert structure.lede == "Intro prose."
    (pillar,) = structure.pillars
    assert pillar.description == "The plan includes:\nA plain sentence bullet.\nAfter the list."
    assert [(i.name, i.description) for i in pillar.initiatives] == [
        ("Grid", "new lines\nNorth first\nSouth later")
    ]


def test_initiatives_before_any_heading_get_a_pillar_named_after_the_document() -> None:
    document = parse(
        "Grid Plan\nThe plan has two parts:\n- Lines: new lines.\n- Meters: smart meters."
    )
    assert document.lede == "The plan has two parts:"
    assert [p.title for p in document.pillars] == ["Grid Plan"]
    assert len(document.initiatives) == 2


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("by Laurie Oakes", "by"),  # a byline: the "name" is a function word
        ("From: Herald Sun", ""),
        ("Ministerin Schulze: „Die Bekämpfung des Hungers ist eine Priorität.“", ""),  # a quote
        ("David Beasley, Exekutivdirektor des Programms: Nur so geht es.", "David Beasley"),
        # a bold first clause of a sentence (consumerfinance.gov, oltrelebarriere.net)
        ("If you have no bank account, consider opening one.", "If you have no bank account,"),
        ("Rilascio, entro 90 giorni, di una dichiarazione.", "Rilascio,"),
        # a contact or a citation label is not a measure's name (europarl, gov.uk)
        ("E-mail: press@example.org", ""),
        ("Source: Labour Force Survey published by the Office for National Statistics.", ""),
        ("Quelle: Statistisches Bundesamt, Fachserie 14.", "Quelle:"),
    ],
)
def test_bylines_quotes_and_appositions_are_not_named_items(text: str, lead: str) -> None:
    assert split_name(text, lead) is None


def test_a_table_of_periods_and_amounts_is_figures() -> None:
    table = Table(
        rows=(
            ("Zeitraum", "Volumen"),
            ("März 2015 bis März 2016", "60 Milliarden Euro"),
            ("April 2016 bis März 2017", "80 Milliarden Euro"),
        ),
        header_rows=1,
    )
    structure = build_structure([Heading(text="Plan", level=1), Heading(text="Käufe"), table], "")
    assert structure.pillars[0].initiatives == ()
    assert structure.dropped[0].reason == "table of figures, no describing column"


@pytest.mark.parametrize(
    "text",
    [
        "1 de mayo: Día Mundial del Trabajo",  # a calendar entry
        "Primer periodo de clases: 14 de marzo a 13 de mayo",  # a schedule
        "Lionel Messi: ¿cuánto dinero gana el jugador del PSG?",  # a teaser question
        "Erstens: Wir dürfen nicht nachlassen im Einsatz für die Verfassung.",  # a signpost
        "Secondly: the fund will be reviewed every year by the ministry.",
    ],
)
def test_calendar_entries_teasers_and_signposts_are_not_named_items(text: str) -> None:
    assert split_name(text) is None


def test_a_named_item_with_a_date_inside_its_sentence_stays_one() -> None:
    split = split_name("Rail Fund: from 1 April 2026 the fund pays for new lines.")
    assert split is not None and split.name == "Rail Fund"


def test_sentence_case_names_count_in_a_list_of_named_items() -> None:
    text = (
        "Plan\nWorkforce\n"
        "- Full staffing – bidders will set out how they keep every train staffed.\n"
        "- Leadership – new franchise agreements will promote good leadership.\n"
        "- High quality jobs in the longer term – we recognise that people want good jobs.\n"
    )
    names = [item.name for item in parse(text).initiatives]
    assert names == ["Full staffing", "Leadership", "High quality jobs in the longer term"]
    # Alone, the same shape is a sentence with a dash in it.
    alone = "Plan\nWorkforce\n- High quality jobs in the longer term – we recognise that people want good jobs.\n"
    assert parse(alone).initiatives == ()


ROSTER = "table of short labels (a roster or fact box), no describing column"


@pytest.mark.parametrize(
    "rows",
    [
        (
            ("Member", "Switch", "State"),
            ("Wayne Morse", "R to I", "Oregon"),
            ("Strom Thurmond", "D to R", "South Carolina"),
        ),
        (("Body", "Department"), ("Insolvency Service", "BEIS"), ("UK Space Agency", "BEIS")),
        (("职务", "人员"), ("党工委书记", "张国华"), ("党工委副书记", "田金昌、张维亮")),
    ],
)
def test_a_roster_or_lookup_table_is_reported_not_read(rows) -> None:
    structure = build_structure([Heading(text="People"), table_block(rows)], "Report")
    assert structure.pillars[0].initiatives == ()
    assert [d.reason for d in structure.dropped] == [ROSTER]


@pytest.mark.parametrize(
    "rows",
    [
        (("Fund", "What"), ("Rail Fund", "Builds lines"), ("Bus Fund", "buys buses")),
        (("措施", "内容"), ("港口", "建设新港口"), ("铁路", "修建高速铁路")),
        (
            ("Fund", "What", "Cost"),
            ("Rail Fund", "New lines", "£2bn"),
            ("Bus Fund", "Buses", "£1bn"),
        ),
    ],
)
def test_short_descriptions_with_words_of_their_own_stay_initiatives(rows) -> None:
    structure = build_structure([Heading(text="Plan"), table_block(rows)], "Report")
    assert len(structure.pillars[0].initiatives) == len(rows) - 1


@pytest.mark.parametrize(
    ("page", "roster_cell"),
    [
        ("fivethirtyeight-manchin-party-switch", "Wayne Morse"),  # party switchers, US senate
        ("oeil-procedure-file-2024-0258", "ZDROJEWSKI Bogdan Andrzej"),  # EP rapporteurs
    ],
)
def test_real_rosters_give_no_initiatives(page: str, roster_cell: str) -> None:
    document = parse_page(page)
    assert not any(roster_cell in item.description + item.name for item in document.initiatives)
    assert any(d.reason == ROSTER and roster_cell in d.text for d in document.dropped)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # The European Parliament wraps its <h1> text in a <div> (html/reader.py).
        (
            "europarl-car-recharging-60km",
            "Car-recharging stations should be available every 60 km, say MEPs",
        ),
        (
            "europarl-eu-uk-contingency-measures",
            "EU-UK relations: parliament adopts temporary contingency measures",
        ),
        # people.com.cn: "--channel--site"; youth.cn: "_channel_site"; sxmu.edu.cn: "-section"
        ("people-xinchengzhang-qingshaonian-xinli", "关注青少年心理健康“心成长”服务项目启动"),
        (
            "youth-cn-yanglao-benke-biyesheng",
            "我国首届养老专业本科生迎来毕业季 “银发浪潮”到来，年轻人可大展拳脚",
        ),
        ("sxmu-jijian-jianchafa-law", "中华人民共和国监察法"),
        # toutiao (Xinhua): a column label before "丨"; buzzap.jp: a 【】 label
        (
            "toutiao-xinhua-waimao-zhisheng-liangwen",
            "积极因素不断增多 “质升量稳”动能增强——前4个月我国外贸向好态势进一步巩固",
        ),
        (
            "buzzap-keigen-zeiritsu-somusho",
            "「消費増税の軽減税率は高所得者ほどお得！」総務省が謎仕様であることを認める",
        ),
    ],
)
def test_titles_of_real_pages(page: str, title: str) -> None:
    document = parse_page(page)
    assert document.title == title


def test_cjk_labels_stay_when_they_are_most_of_the_title() -> None:
    from policyparse.structure.title import without_cjk_labels

    assert without_cjk_labels("监察法-纪检工作") == "监察法-纪检工作"  # the tail is no shorter
    assert without_cjk_labels("【通知】") == "【通知】"


def test_the_headline_repeated_near_the_top_is_the_title_not_a_section() -> None:
    html = (
        '<header class="site-header"><h1>Clean Air Plan</h1></header>'
        "<main><h2>Clean Air Plan</h2><p>The city sets out how it will cut pollution.</p>"
        "<h2>Low-emission zone</h2><p>Old diesel cars pay a charge from May.</p></main>"
    )
    document = parse(html)
    assert document.title == "Clean Air Plan"
    assert [pillar.title for pillar in document.pillars] == ["Low-emission zone"]


def test_numbered_section_lines_are_headings_numbered_measures_are_not() -> None:
    html = (
        "<h1>关于加快发展的意见</h1><p>为推动高质量发展，现提出如下意见。</p>"
        "<p>一、总体要求</p><p>坚持稳中求进工作总基调。</p>"
        "<p>（一）加快推进产业升级。各地要制定具体方案，落实责任。</p>"
        "<p>1. Sozialer Ausgleich</p>"
    )
    document = parse(html)
    assert [(pillar.title) for pillar in document.pillars] == ["一、总体要求"]
    description = document.pillars[0].description
    assert "（一）加快推进产业升级。各地要制定具体方案，落实责任。" in description
    assert "1. Sozialer Ausgleich" in description


@pytest.mark.parametrize(
    ("page", "sections"),
    [
        # theorychina.org.cn (web dev set): a report numbered 第一章 / 一、 / （一）
        (
            "theorychina-zhongguoshi-xiandaihua-report",
            ["一、百年征程铸就时代新辉煌", "（一）1921-1949年：新民主主义革命时期的现代化初探"],
        ),
        # caijing.com.cn reprinting a National Bureau of Statistics release (magic-html)
        (
            "caijing-cpi-2024-04",
            ["一、各类商品及服务价格同比变动情况", "二、各类商品及服务价格环比变动情况"],
        ),
    ],
)
def test_real_numbered_sections_open_pillars(page: str, sections: list[str]) -> None:
    document = parse_page(page)
    titles = [pillar.title for pillar in document.pillars]
    assert all(section in titles for section in sections)


def test_a_reference_list_is_the_sections_text_not_measures() -> None:
    html = (
        "<h1>Clean Air Plan</h1><p>The city sets out how it will cut pollution.</p>"
        "<h2>References</h2><ol>"
        '<li>Smith, Jane (2021). "Air in cities: a review". Retrieved 3 May 2022.</li>'
        "<li>Lee, Tom (2019). Clean Air: Policy. ISBN 978-0-00-000000-0.</li>"
        "</ol><h2>Measures</h2><ul><li>Bus Fund: buys electric buses.</li>"
        "<li>Rail Fund: builds new lines.</li></ul>"
    )
    references, measures = parse(html).pillars
    assert references.initiatives == () and "Retrieved 3 May 2022" in references.description
    assert [item.name for item in measures.initiatives] == ["Bus Fund", "Rail Fund"]


@pytest.mark.parametrize(
    ("source", "cited"),
    [
        # en.wikipedia.org (Mozilla Readability's test page): "Payment, S. (2007). …"
        ("../shared/corpus/readability-test-pages/wikipedia/source.html", "Payment, S. (2007)"),
        # zh.wikipedia.org (web dev set): "容城历史文化简介. … [2023-06-13]."
        ("fixtures/pages/zh-wikipedia-xiongan-new-area.html", "容城历史文化简介"),
    ],
)
def test_real_reference_lists_give_no_initiatives(source: str, cited: str) -> None:
    path = Path(__file__).resolve().parents[1] / source
    document = parse_file(path)
    assert not any(cited in item.name for item in document.initiatives)
    assert any(cited in pillar.description for pillar in document.pillars)


def test_names_recurring_across_lists_are_field_labels_not_measures() -> None:
    # A card per certification (business.com) or theorem (Wikipedia) repeats its fields.
    cards = "".join(
        f"<h2>{name}</h2><ul><li><b>Why it matters:</b> {name} is in demand with employers.</li>"
        f"<li><b>Cost:</b> The exam costs $300 for members.</li></ul>"
        for name in ("PMP", "CAPM", "CBAP")
    )
    document = parse(
        f"<h1>Certifications</h1>{cards}<h2>Funds</h2><ul>"
        "<li><b>Rail Fund:</b> new lines.</li><li><b>Bus Fund:</b> new buses.</li></ul>"
    )
    assert [i.name for i in document.initiatives] == ["Rail Fund", "Bus Fund"]
    assert "Why it matters: PMP is in demand" in document.pillars[0].description
    two_cards = parse(f"<h1>Certifications</h1>{cards.split('<h2>CBAP')[0]}")
    assert [i.name for i in two_cards.initiatives] == ["Why it matters", "Cost"] * 2


def test_lists_and_tables_of_short_values_are_fact_boxes_not_measures() -> None:
    # europarl's OEIL "Technical information", a football page's qualified teams, a gov.uk
    # budget scorecard ("Spend" / "Tax"): labels with bare values, not measures.
    facts = parse(
        "<h1>Procedure file</h1><h2>Technical information</h2><ul>"
        "<li><b>Procedure reference:</b> 2024/0258(COD)</li><li><b>Procedure subtype:</b> "
        "Legislation</li><li><b>Legislative instrument:</b> Regulation</li>"
        "<li><b>Stage reached:</b> Procedure completed</li></ul>"
        "<h2>Scorecard</h2><table><tr><th>Measure</th><th>Head</th><th>2017-18</th></tr>"
        "<tr><td>Social Sector Rent</td><td>Spend increase</td><td>-5</td></tr>"
        "<tr><td>Fuel Duty freeze</td><td>Tax relief</td><td>-10</td></tr>"
        "<tr><td>Business rates relief</td><td>Tax relief</td><td>-20</td></tr></table>"
    )
    assert document_initiatives(facts) == []
    assert "Procedure subtype: Legislation" in facts.pillars[0].description
    assert any("labels and short values" in entry.reason for entry in facts.dropped)
    measures = parse(
        "<h1>Plan</h1><h2>Funds</h2><ul><li><b>Rail Fund:</b> Builds new lines.</li>"
        "<li><b>Solar Fund:</b> Regulation</li><li><b>Bus Fund:</b> Buys electric buses for "
        "rural routes</li></ul>"
    )
    assert [i.name for i in measures.initiatives] == ["Rail Fund", "Solar Fund", "Bus Fund"]


def document_initiatives(document: object) -> list[str]:
    return [i.name for i in document.initiatives]  # type: ignore[attr-defined]


def test_lists_of_bold_names_followed_by_a_comma_clause_are_named_on_two_sites() -> None:
    """innovazione.gov.it and cloud.italia.it write '<li><strong>App IO</strong>, scaricata
    da…</li>': the name in bold, then a comma and what it is or does."""
    pages = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    expected = {
        "innovazione-butti-audizione-pnrr": {
            "App IO",
            "PagoPA",
            "Piattaforma Digitale Nazionale Dati",
        },
        "cloud-italia-strategia-cloud-pa": {"la qualificazione dei servizi cloud"},
    }
    for page, names in expected.items():
        document = parse(pages / f"{page}.html")
        found = {item.name: item.description for item in document.initiatives}
        assert names <= set(found), page
        assert all(not found[name].startswith(",") for name in names), page


def test_a_bold_name_with_a_comma_and_a_role_is_an_apposition_not_a_measure() -> None:
    people = (
        "<h1>Summit</h1><h2>Speakers</h2><ul>"
        "<li><strong>David Beasley</strong>, Executive Director of the WFP</li>"
        "<li><strong>Svenja Schulze</strong>, Federal Development Minister</li></ul>"
        "<h2>Funds</h2><ul><li><strong>Rail Fund</strong>, which will pay for new lines"
        " across the north by 2030.</li></ul>"
    )
    assert parse(people).initiatives == ()


def test_a_timeline_of_years_is_not_a_list_of_measures() -> None:
    """Dates are never a measure's name; a bare year or span of years is a date too."""
    timeline = (
        "<h1>Our story</h1><h2>Milestones</h2><ul>"
        "<li><strong>2015:</strong> We launched ThriveNYC, a turning point for mental health.</li>"
        "<li><strong>2021–22:</strong> We expanded screening to every public school.</li></ul>"
    )
    assert parse(timeline).initiatives == ()
    pages = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
    names = [
        item.name for item in parse(pages / "nyc-mental-health-for-all-about.html").initiatives
    ]
    assert names and not any(name[:2] in ("19", "20") and name[:4].isdigit() for name in names)
