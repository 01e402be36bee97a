"""Tables whose cells a scraper glued onto one line (newspaper4k): read back, or left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import expected_table_rows

from policyparse import parse
from policyparse.text.glued import read_glued_tables
from policyparse.text.lines import GridLine, source_lines

ROOT = Path(__file__).parents[1]
NEWSPAPER4K = ROOT / "fixtures/scraped/newspaper4k"


def tables(text: str) -> list[tuple[tuple[str, ...], ...]]:
    return [
        line.table.rows
        for line in read_glued_tables(source_lines(text))
        if isinstance(line, GridLine)
    ]


# --- literal texts: each way a cell break shows -------------------------------------------


def test_two_columns_rows_told_apart_after_a_sentence() -> None:
    text = (
        "ProgrammeDescription Harbour Dredging FundDeepening the eastern channel for "
        "container ships. Rural Broadband PlanFibre for every village school by 2028. "
        "Teacher BonusA yearly payment for teachers in remote districts."
    )
    [rows] = tables(text)
    assert rows == (
        ("Programme", "Description"),
        ("Harbour Dredging Fund", "Deepening the eastern channel for container ships."),
        ("Rural Broadband Plan", "Fibre for every village school by 2028."),
        ("Teacher Bonus", "A yearly payment for teachers in remote districts."),
    )


def test_figure_before_the_next_name_and_leaked_cell_tags() -> None:
    text = (
        "MeasureDetailsCost Clean Buses</td><td>Electric buses for the three largest cities "
        "by 2027.€40 million Cycle Lanes600 km of protected lanes along main roads in the "
        "capital.</td><td>€12 million</td></tr><tr><td>Rail Tickets</td><td>One national "
        "ticket for all regional trains and buses.€90 million"
    )
    [rows] = tables(text)
    assert [row[0] for row in rows] == ["Measure", "Clean Buses", "Cycle Lanes", "Rail Tickets"]
    assert rows[2] == (
        "Cycle Lanes",
        "600 km of protected lanes along main roads in the capital.",
        "€12 million",
    )
    assert rows[3][2] == "€90 million"


def test_caption_before_the_header_stays_a_line_of_its_own() -> None:
    text = (
        "Amounts in millions of euros. Flagship projects ProjectObjectiveLead agencyBudget "
        "Data HubOne register for company data shared by every agencyStatistics Office4.0 "
        "Digital CourtsFiling and hearings online for civil cases under one thousand "
        "eurosMinistry of Justice2.5"
    )
    lines = read_glued_tables(source_lines(text))
    assert [type(line).__name__ for line in lines] == ["SourceLine", "GridLine"]
    assert lines[0].text == "Amounts in millions of euros. Flagship projects"
    assert lines[1].table.rows[2] == (
        "Digital Courts",
        "Filing and hearings online for civil cases under one thousand euros",
        "Ministry of Justice",
        "2.5",
    )


def test_rows_glued_without_a_space_after_a_short_last_cell() -> None:
    text = (
        "RegionPlanMain SectorsNorthA port and logistics zone around the new container "
        "terminal.Logistics, fishingCoastA tourism plan with protected beaches and small "
        "hotels.Tourism, services"
    )
    [rows] = tables(text)
    assert rows[1:] == (
        (
            "North",
            "A port and logistics zone around the new container terminal.",
            "Logistics, fishing",
        ),
        ("Coast", "A tourism plan with protected beaches and small hotels.", "Tourism, services"),
    )


@pytest.mark.parametrize(
    "text",
    [
        # The row boundary after a last cell of words cannot be told ("…Board of Investment
        # Aviation Hub"): the line stays a paragraph.
        "HubObjectiveLead agency Vehicle HubMore electric cars built by 2030.Board of "
        "Investment Aviation HubBigger airports for 150 million passengers a year.Ministry "
        "of Transport",
        # A row with an empty cell (left out by the scraper) miscounts the columns.
        "LineRouteLengthOpening Line 1Centre to the airport, with two branches19.7 km2024 "
        "Line 2Centre to the port along the river11.3 km2030 Line 3Old town to the new "
        "suburbs in the west",
        # Prose with brand names and an elided article is no table.
        "The ministry posts on YouTube and PowerPoint slides go to lOriental offices. The "
        "McDonald's case and the iPhone rules were discussed at 5G sites in 2024.",
        # One row is not enough to tell a table from a glued heading.
        "InitiativeDescription Harbour FundDeepening the eastern channel for ships.",
    ],
)
def test_unclear_lines_stay_text(text: str) -> None:
    assert tables(text) == []


def test_parse_reads_the_rows_as_initiatives() -> None:
    text = (
        "Coastal plan: what the government will build\n\n"
        "The plan was presented on Monday in the capital by the minister.\n\n"
        "Main projects\n\n"
        "ProjectDescriptionCost Sea WallA two-kilometre wall to protect the old harbour "
        "from storms.€80 million Dune RestorationPlanting grasses on ten kilometres of "
        "dunes to stop erosion.€6 million"
    )
    document = parse(text)
    initiatives = [item for pillar in document.pillars for item in pillar.initiatives]
    assert [(item.name, item.origin.kind) for item in initiatives] == [
        ("Sea Wall", "table"),
        ("Dune Restoration", "table"),
    ]
    assert initiatives[1].description.startswith("Planting grasses on ten kilometres")


# --- real scraper output: newspaper4k's text of dev pages ---------------------------------


@pytest.mark.parametrize(
    ("page", "description_column"),
    [
        ("html2_estonia_digital_agenda", 1),
        ("html4_germany_infrastructure_fund", 1),
        ("html4_saudi_arabia_mining_strategy", 1),
        ("html5_czech_affordable_housing", 1),
        ("html6_senegal_vision_2050", 1),
        ("html7_qatar_national_development_strategy", 1),
    ],
)
def test_dev_pages_give_the_html_tables_rows(page: str, description_column: int) -> None:
    rows = [
        (row[0], row[description_column])
        for table in tables((NEWSPAPER4K / f"{page}.txt").read_text("utf-8"))
        for row in table[1:]
    ]
    assert rows == expected_table_rows(page)


@pytest.mark.parametrize(
    "page",
    [
        # a last cell of words before the next name (lead agencies, ministries)
        "html5_thailand_ignite_thailand",
        "html4_india_green_hydrogen_mission",
        # a row with an empty cell
        "html_vietnam_metro_plan",
    ],
)
def test_dev_pages_with_unclear_rows_give_no_table(page: str) -> None:
    assert tables((NEWSPAPER4K / f"{page}.txt").read_text("utf-8")) == []


@pytest.mark.timeout(30)
def test_long_glued_line_is_read_in_linear_time() -> None:
    """A hang guard (a quadratic search would take minutes), not a speed measurement."""
    row = "Harbour FundDeepening the eastern channel for container ships. "
    text = "ProgrammeDescription " + row * 20_000
    assert len(tables(text)[0]) == 20_001
