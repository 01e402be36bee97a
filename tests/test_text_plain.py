"""Plain text dumps (get_text-style): inline breaks joined, cell-per-line tables found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import expected_table_rows

from policyparse import parse
from policyparse.text.lines import SourceLine, source_lines
from policyparse.text.plain import (
    find_cell_per_line_tables,
    is_plain_dump,
    join_inline_breaks,
)

ROOT = Path(__file__).parents[1]
BS4 = ROOT / "fixtures/scraped/bs4-get-text"


def dump_lines(text: str) -> list[SourceLine]:
    """A dump's lines with their trailing spaces (a text node that went on after a tag)."""
    return source_lines(text, keep_trailing_space=True)


def joined_texts(text: str) -> list[str]:
    return [line.text for line in join_inline_breaks(dump_lines(text)) if line.text]


def tables(text: str) -> list[tuple[tuple[str, ...], ...]]:
    return [grid.rows for grid in find_cell_per_line_tables(join_inline_breaks(dump_lines(text)))]


# --- join_inline_breaks: literal texts -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US–Australia Compact\n: Coordinates screening.",
            "US–Australia Compact: Coordinates screening.",
        ),
        ("Ministry of Finance\n, will grow.", "Ministry of Finance, will grow."),
        ("the plan\n. Next", "the plan. Next"),
        ("a list\n; another", "a list; another"),
        ("(see the\nannex\n)", "(see the annex)"),
        (
            "Green Bonds\n– Sovereign bonds for wind farms.",
            "Green Bonds – Sovereign bonds for wind farms.",
        ),
        ("Green Bonds\n— Sovereign bonds.", "Green Bonds — Sovereign bonds."),
        ("Green Bonds\n - Sovereign bonds.", "Green Bonds - Sovereign bonds."),
        ("The plan was\nannounced today.", "The plan was announced today."),
        ("Domestic Content:\n Raising the share.", "Domestic Content: Raising the share."),
        ("announced by the \nMinistry of Finance", "announced by the Ministry of Finance"),
        ("announced by \n\t Ministry", "announced by Ministry"),
        ("名称\n：内容。", "名称：内容。"),
        ("Effizienzhaus 55 (\nEH\n) endet.", "Effizienzhaus 55 (EH) endet."),
    ],
)
def test_each_continuation_start_joins(text: str, expected: str) -> None:
    assert joined_texts(text) == [expected]


def test_chain_of_three_pieces_keeps_source_numbers() -> None:
    lines = join_inline_breaks(
        dump_lines("The plan, announced by the \nMinistry of Finance\n, will grow.")
    )
    assert lines == [SourceLine(1, "The plan, announced by the Ministry of Finance, will grow.", 3)]


def test_no_join_across_blank_or_whitespace_only_line() -> None:
    assert joined_texts("Domestic Content:\n\n Raising the share.") == [
        "Domestic Content:",
        " Raising the share.",
    ]
    assert joined_texts("by \n \t\nLucía") == ["by", "Lucía"]


def test_bullet_lines_are_not_swallowed() -> None:
    text = "Targets include:\n- Domestic content\n* Investment\n• Jobs\n1. Exports\n2) Skills"
    assert joined_texts(text) == [
        "Targets include:",
        "- Domestic content",
        "* Investment",
        "• Jobs",
        "1. Exports",
        "2) Skills",
    ]


def test_indented_bullet_after_trailing_space_is_not_swallowed() -> None:
    assert joined_texts("Targets: \n  - one") == ["Targets:", "  - one"]


def test_dash_list_stays_a_list() -> None:
    assert joined_texts("– first item\n– second item") == ["– first item", "– second item"]


def test_capitalised_line_after_plain_line_is_new() -> None:
    assert joined_texts("Reshoring Production\nMexico became a partner.") == [
        "Reshoring Production",
        "Mexico became a partner.",
    ]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # A link cut a bracketed note: Wikipedia's "（原始内容存档于…）", a unit in brackets.
        ("]\n. （原始内容\n存档\n于2023-12-11）.", ["]. （原始内容存档于2023-12-11）."]),
        (
            "The fund (launched in\nMay\n) pays for schools.",
            ["The fund (launched in May) pays for schools."],
        ),
        # A bracket closed, or opened far from the line's end, leaves the next line alone.
        (
            "The fund (see the annex) pays for schools and the plan was\nSigned in May.",
            ["The fund (see the annex) pays for schools and the plan was", "Signed in May."],
        ),
        (
            "(Annex) The fund pays for all the schools in the north\nSigned in May.",
            ["(Annex) The fund pays for all the schools in the north", "Signed in May."],
        ),
    ],
)
def test_a_bracket_left_open_near_the_line_end_goes_on_below(text: str, joined: list[str]) -> None:
    assert joined_texts(text) == joined


def test_real_dumps_keep_bracketed_notes_whole() -> None:
    """zh.wikipedia's references and energypolicy.solutions' chemical formulas (a <sub>
    inside brackets): the pieces were false sections."""
    wiki = parse(BS4 / "zh-wikipedia-xiongan-new-area.txt")
    assert "存档" not in [pillar.title for pillar in wiki.pillars]
    energy = parse(BS4 / "energypolicy-solutions-process-emissions-policies.txt")
    titles = [pillar.title for pillar in energy.pillars]
    assert not any(title.endswith("(CO") or title.startswith("2).") for title in titles)


def test_blank_lines_are_kept_as_empty_lines() -> None:
    lines = join_inline_breaks(dump_lines("a\n  \nb"))
    assert [line.text for line in lines] == ["a", "", "b"]


# --- join_inline_breaks: committed dev dumps -------------------------------------------


@pytest.mark.parametrize(
    ("page", "number", "last", "text"),
    [
        (
            "html4_mexico_plan_mexico",
            125,
            126,
            "Domestic Content: Raising the share of national inputs in manufactured exports by 15 percentage points.",
        ),
        (
            "html6_senegal_vision_2050",
            60,
            61,
            "Hydrocarbons and Energy: Using gas from the Sangomar and Grand Tortue Ahmeyim fields to produce cheaper electricity and supply local industry.",
        ),
        (
            "html2_ireland_housing_plan",
            129,
            130,
            "Land Development Agency expansion. The LDA gets an extra €2.5 billion and a mandate to build on State-owned land in Dublin, Cork, Limerick, Galway and Waterford.",
        ),
        (
            "govuk-onshore-wind-energy-mix",
            479,
            484,
            "The Civil Aviation Authority’s (CAA) CAP 670 ‘Air Traffic Services Safety"
            " Requirements’ provides further information. Guidance on Ministry of Defence"
            " safeguarding is also available.",
        ),
    ],
)
def test_joined_items_on_dev_dumps(page: str, number: int, last: int, text: str) -> None:
    lines = join_inline_breaks(dump_lines((BS4 / f"{page}.txt").read_text(encoding="utf-8")))
    assert SourceLine(number, text, last) in lines


def test_an_abbreviation_in_brackets_stays_in_its_sentence_on_two_sites() -> None:
    """get_text cuts at an <abbr> or a link inside brackets: "… Servizi MAAS (" /
    "Mobility as a service" / ") e di …" is one sentence (innovazione.gov.it, GOV.UK)."""
    for page, number in [
        ("innovazione-butti-audizione-pnrr", 136),
        ("govuk-onshore-wind-energy-mix", 479),
    ]:
        text = (BS4 / f"{page}.txt").read_text(encoding="utf-8")
        line = next(line for line in join_inline_breaks(dump_lines(text)) if line.number == number)
        assert line.last_number >= number + 2 and line.text.rstrip().endswith("."), line


@pytest.mark.parametrize("page", ["html4_mexico_plan_mexico", "html6_senegal_vision_2050"])
def test_joined_list_items_match_expected(page: str) -> None:
    expected = json.loads((ROOT / f"fixtures/documents/{page}.expected.json").read_text("utf-8"))
    items = [i for p in expected["pillars"] for i in p["initiatives"] if i["kind"] == "list"]
    lines = join_inline_breaks(dump_lines((BS4 / f"{page}.txt").read_text(encoding="utf-8")))
    texts = {line.text for line in lines}
    for item in items:
        assert f"{item['name']}: {item['description']}" in texts


# --- find_cell_per_line_tables: literal texts ------------------------------------------

HEADED_K3 = """Initiative
Description
State

Tula Industrial Pole
A chemicals cluster built around the refinery.
Hidalgo

AIFA Aerospace Park
Parts plants next to the airport.
State of Mexico

Companies will deduct 100% of new investment."""


def test_k3_table_with_header() -> None:
    [grid] = find_cell_per_line_tables(dump_lines(HEADED_K3))
    assert grid.header_rows == 1
    assert grid.rows == (
        ("Initiative", "Description", "State"),
        ("Tula Industrial Pole", "A chemicals cluster built around the refinery.", "Hidalgo"),
        ("AIFA Aerospace Park", "Parts plants next to the airport.", "State of Mexico"),
    )
    assert (grid.start, grid.end) == (0, 11)
    assert grid.row_lines == ((1, 3), (5, 7), (9, 11))


def test_k3_table_without_header_and_with_several_blank_lines() -> None:
    text = "Intro line.\n\n\n\nTula Pole\nA chemicals cluster near the refinery.\nHidalgo\n\n\n\nAIFA Park\nParts plants next to the airport.\nMexico"
    [grid] = find_cell_per_line_tables(dump_lines(text))
    assert grid.header_rows == 0
    assert [row[0] for row in grid.rows] == ["Tula Pole", "AIFA Park"]


def test_empty_cell_row_is_padded() -> None:
    extra_row = "Seybaplaya Hub\nA deep-water port expansion for the peninsula.\nCampeche\n\n"
    text = HEADED_K3.replace("Hidalgo\n", "").replace("Companies", extra_row + "Companies")
    [grid] = find_cell_per_line_tables(dump_lines(text))
    assert grid.rows[1] == (
        "Tula Industrial Pole",
        "A chemicals cluster built around the refinery.",
        "",
    )


def test_cells_separated_by_blank_lines_rows_by_more() -> None:
    text = "Project\n\n\nDetails\n\n\nCost\n\n\n\n\n\nChunga cell\n\n\nA new lined cell for the landfill.\n\n\n38.5\n\n\n\n\n\nTransfer stations\n\n\nTwo stations where small vehicles unload.\n\n\n22.0"
    [grid] = find_cell_per_line_tables(dump_lines(text))
    assert grid.rows[0] == ("Project", "Details", "Cost")
    assert grid.rows[2] == (
        "Transfer stations",
        "Two stations where small vehicles unload.",
        "22.0",
    )


def test_leaked_cell_markup_is_split() -> None:
    text = HEADED_K3.replace("AIFA Aerospace Park\nParts", "AIFA Aerospace Park</td><td>Parts")
    [grid] = find_cell_per_line_tables(dump_lines(text))
    assert grid.rows[2] == (
        "AIFA Aerospace Park",
        "Parts plants next to the airport.",
        "State of Mexico",
    )


PAIRS = """Green Bonds
Sovereign bonds that pay for wind and solar farms.

Grid Fund
A fund that lends to operators for new transmission lines.

Skills Pact:
Training 20,000 electricians by 2030 with the unions."""


def test_k2_pairs_need_three_rows() -> None:
    assert tables(PAIRS) == [
        (
            ("Green Bonds", "Sovereign bonds that pay for wind and solar farms."),
            ("Grid Fund", "A fund that lends to operators for new transmission lines."),
            ("Skills Pact", "Training 20,000 electricians by 2030 with the unions."),
        )
    ]
    two_pairs = PAIRS.rsplit("\n\n", 1)[0]
    assert tables(two_pairs) == []


def test_k2_pairs_with_header_need_two_rows() -> None:
    text = "Measure\nPurpose\n\n" + PAIRS.rsplit("\n\n", 1)[0]
    [rows] = tables(text)
    assert rows[0] == ("Measure", "Purpose")
    assert len(rows) == 3


@pytest.mark.parametrize(
    "text",
    [
        # a heading followed by its paragraph, three times
        "\n\n".join(
            f"Section {n}\nThe plan grows. It adds jobs. It cuts costs. It ends in {n}."
            for n in "ABC"
        ),
        # "Name:" / "value" label boxes
        "Published:\n14 January 2025\n\nAuthor:\nLucía Herrera\n\nCategory:\nEconomy\n\nTags:\nMexico",
        # a person's name over their quote
        "\n\n".join(
            f"{name}\n“This plan will change the country for the better.”"
            for name in ("Ana López", "Jorge Salinas", "M. Ortega")
        ),
        # a date over a headline, and a headline over a date (teaser lists)
        "\n\n".join(
            f"January {day}, 2025\nBanxico cuts interest rate for the fifth time"
            for day in (3, 4, 5)
        ),
        "\n\n".join(
            f"Banxico cuts interest rate for the fifth time\nJanuary {day}, 2025"
            for day in (3, 4, 5)
        ),
        # footer link columns: short lines only, no prose column
        "About\nTeam\nJobs\n\nHelp\nFAQ\nContact\n\nLegal\nPrivacy\nImprint",
        # comments: name, timestamp, text, "Reply"
        "\n\n".join(
            f"{name}\nJanuary 14, 2025 at 1:05 pm\nFinally someone is thinking about the south.\nReply"
            for name in ("Jorge Salinas", "M. Ortega")
        ),
        # a list whose items start lower-case (sentence pieces), under a lead-in
        "In 2011, onshore wind:\n\ngenerated enough power for homes\ncost £6 per household\nsaved carbon\n\nsupported jobs in the sector\nattracted investment to regions\nhelped farms",
        # a most-read list: ranks as names
        "\n\n".join(f"{n}\nFour-legged snake fossil found in Brazil." for n in (2, 3, 4)),
        # numbered section headings over their text
        "2. Increase saving\nLead minister: Baroness Altmann\nLead official: Jeremy Moore\n\n2.1 What DWP is doing\nWe are providing greater support for savers.\nTo give everybody the confidence to save.",
    ],
)
def test_false_positives_give_no_table(text: str) -> None:
    assert tables(text) == []


def test_one_line_groups_give_no_table() -> None:
    assert tables("Economy\n\nNearshoring\n\nEnergy\n\nPolitics") == []


# --- find_cell_per_line_tables: committed dev dumps ------------------------------------


@pytest.mark.parametrize(
    ("page", "description_column"),
    [
        ("html4_mexico_plan_mexico", 1),
        ("html2_estonia_digital_agenda", 1),
        ("html3_zambia_lusaka_waste", 2),
        ("html5_taiwan_healthy_taiwan", 1),
        ("html_vietnam_metro_plan", 1),
        ("html4_germany_infrastructure_fund", 1),
    ],
)
def test_dev_tables_match_expected_rows(page: str, description_column: int) -> None:
    lines = join_inline_breaks(dump_lines((BS4 / f"{page}.txt").read_text(encoding="utf-8")))
    grids = find_cell_per_line_tables(lines)
    rows = [
        (row[0], row[description_column]) for grid in grids for row in grid.rows[grid.header_rows :]
    ]
    assert rows == expected_table_rows(page)
    assert all(grid.header_rows == 1 for grid in grids)


def test_dev_table_header_and_source_lines() -> None:
    page = "html4_mexico_plan_mexico"
    lines = join_inline_breaks(dump_lines((BS4 / f"{page}.txt").read_text(encoding="utf-8")))
    [grid] = find_cell_per_line_tables(lines)
    assert grid.rows[0] == ("Initiative", "Description", "State")
    assert grid.row_lines[:2] == ((144, 146), (151, 153))
    assert grid.rows[1][2] == "Hidalgo"


def test_html_text_rows_on_one_line_give_nothing() -> None:
    text = (ROOT / "fixtures/scraped/html-text/html4_mexico_plan_mexico.txt").read_text("utf-8")
    lines = dump_lines(text)
    assert not is_plain_dump(lines)
    assert find_cell_per_line_tables(join_inline_breaks(lines)) == []


@pytest.mark.parametrize(
    ("scraper", "is_dump"),
    [
        ("bs4-get-text", True),
        ("html-text", False),
        ("trafilatura-txt", False),
        ("newspaper4k", False),
    ],
)
def test_is_plain_dump_on_dev_pages(scraper: str, is_dump: bool) -> None:
    for page in ("html4_mexico_plan_mexico", "html2_estonia_digital_agenda"):
        text = (ROOT / f"fixtures/scraped/{scraper}/{page}.txt").read_text("utf-8")
        assert is_plain_dump(dump_lines(text)) is is_dump


def test_dense_dump_is_known_by_its_cut_sentences() -> None:
    """Few blank lines (long menus, tags printed without whitespace), but sentences cut at
    inline tags: still a get_text dump, so its pieces are joined."""
    text = "Menu\nHome\nNews\nTaxing capital inflows\nBalancing trade flexibly\n"
    text += ": A well-designed tax adjusts.\nSee the\nreport\n, which says more.\nBanks\n; lose."
    lines = dump_lines(text)
    assert is_plain_dump(lines)
    assert "Balancing trade flexibly: A well-designed tax adjusts." in joined_texts(text)
    assert not is_plain_dump(dump_lines("Title\nIntro, then a list:\n- a\n- b\n: one"))


@pytest.mark.parametrize(
    "page",
    [
        "carnegie-tax-capital-inflows",
        "innovazione-what-we-do-en",
        "moza-over-mijnoverheid-zakelijk",
    ],
)
def test_dense_get_text_dumps_of_dev_pages_are_dumps(page: str) -> None:
    text = (ROOT / f"fixtures/scraped/bs4-get-text/{page}.txt").read_text("utf-8")
    assert is_plain_dump(dump_lines(text))


@pytest.mark.parametrize("scraper", ["html-text", "trafilatura-txt", "newspaper4k"])
def test_other_plain_scrapers_texts_are_never_dumps(scraper: str) -> None:
    pages = json.loads((ROOT / "fixtures/scraped/pages.json").read_text("utf-8"))
    for page in pages:
        if page["split"] not in ("dev", "extra", "web-dev"):
            continue
        text = (ROOT / f"fixtures/scraped/{scraper}/{page['name']}.txt").read_text("utf-8")
        assert not is_plain_dump(dump_lines(text)), page["name"]


# --- hang guard ------------------------------------------------------------------------


@pytest.mark.timeout(30)
def test_large_input_is_linear() -> None:
    """A hang guard (quadratic scans would take minutes), not a speed measurement."""
    text = "\n".join("Short line" if n % 2 else "" for n in range(200_000))
    lines = join_inline_breaks(dump_lines(text))
    find_cell_per_line_tables(lines)
    is_plain_dump(lines)
    pair_text = "\n\n".join("Grid Fund\nA fund that lends to operators." for _ in range(50_000))
    assert find_cell_per_line_tables(dump_lines(pair_text))
