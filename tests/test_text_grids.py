"""find_box_grids / find_aligned_grids: tables drawn as text by w3m, lynx and inscriptis."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from policyparse.text.grids import find_aligned_grids, find_box_grids
from policyparse.text.lines import SourceLine, TextGrid, source_lines

ROOT = Path(__file__).resolve().parents[1]
SCRAPED = ROOT / "fixtures" / "scraped"
DOCUMENTS = ROOT / "fixtures" / "documents"


def lines_of(text: str) -> list[SourceLine]:
    return source_lines(text.strip("\n"))


def only_grid(grids: list[TextGrid]) -> TextGrid:
    assert len(grids) == 1, grids
    return grids[0]


# --- box grids ---------------------------------------------------------------------------

W3M_BOX = """
Intro text.

    ┌────────────┬──────────────────────┬────────┐
    │        Flagship projects          │        │
    ├────────────┬──────────────────────┬────────┤
    │ Project    │ Objective            │ Budget │
    ├────────────┼──────────────────────┼────────┤
    │            │ Replace the core of  │        │
    │ X-Road 2.0 │ the data exchange    │ 14.0   │
    │            │ layer.               │        │
    ├────────────┼──────────────────────┼────────┤
  _ │ Data       │ Keep copies of state │ 4.8    │
    │ Embassy    │ databases abroad.    │        │
    └────────────┴──────────────────────┴────────┘
After.
"""


def test_box_grid_with_caption_header_and_wrapped_cells() -> None:
    grid = only_grid(find_box_grids(lines_of(W3M_BOX)))
    assert grid.caption == "Flagship projects"
    assert grid.rows == (
        ("Project", "Objective", "Budget"),
        ("X-Road 2.0", "Replace the core of the data exchange layer.", "14.0"),
        ("Data Embassy", "Keep copies of state databases abroad.", "4.8"),
    )
    assert grid.header_rows == 1
    assert grid.row_lines == ((6, 6), (8, 10), (12, 13))
    assert (grid.start, grid.end) == (2, 14)


def test_stray_text_longer_than_two_characters_ends_the_grid() -> None:
    text = W3M_BOX.replace("  _ │ Data  ", "abc │ Data  ")
    grid = only_grid(find_box_grids(lines_of(text)))
    assert grid.end == 11  # after the last rule before the stray line
    assert [row[0] for row in grid.rows] == ["Project", "X-Road 2.0"]


ASCII_BOX = """
+---------+--------------------+
| Plan    | Goal               |
+=========+====================+
| Housing | Build 500 homes by |
|         | 2030 | in Cork.    |
+---------+--------------------+
| Water   | Fix leaks.         |
+---------+--------------------+
"""


def test_ascii_grid_reads_header_rule_and_keeps_bars_inside_cells() -> None:
    grid = only_grid(find_box_grids(lines_of(ASCII_BOX)))
    assert grid.rows == (
        ("Plan", "Goal"),
        ("Housing", "Build 500 homes by 2030 | in Cork."),
        ("Water", "Fix leaks."),
    )
    assert grid.header_rows == 1
    assert grid.end == 8


CJK_BOX = """
┌─────────────┬──────────────────────────────────────────────┬────────────────┐
│    项目     │                     内容                     │    负责机构    │
├─────────────┼──────────────────────────────────────────────┼────────────────┤
│ 农村卫生单  │ 翻修和装备村级卫生所，并派驻全科医生。       │ 卫生和人口部   │
│ 位          │                                              │                │
├─────────────┼──────────────────────────────────────────────┼────────────────┤
│ 小额贷款计  │ 为农村妇女和青年提供低息贷款，支持创办小微企 │ 中小微企业发展 │
│ 划          │ 业。                                         │ 局             │
└─────────────┴──────────────────────────────────────────────┴────────────────┘
"""


def test_cjk_box_grid_uses_display_columns_and_joins_without_spaces() -> None:
    grid = only_grid(find_box_grids(lines_of(CJK_BOX)))
    assert grid.rows == (
        ("项目", "内容", "负责机构"),
        ("农村卫生单位", "翻修和装备村级卫生所，并派驻全科医生。", "卫生和人口部"),
        ("小额贷款计划", "为农村妇女和青年提供低息贷款，支持创办小微企业。", "中小微企业发展局"),
    )
    assert grid.header_rows == 1


def test_spanning_cell_fills_every_column_it_spans() -> None:
    text = """
┌─────┬─────┬─────┐
│ a   │ b   │ c   │
├─────┼─────┴─────┤
│ d   │ wide cell │
└─────┴───────────┘
"""
    grid = only_grid(find_box_grids(lines_of(text)))
    assert grid.rows == (("a", "b", "c"), ("d", "wide cell", "wide cell"))


# --- aligned grids -----------------------------------------------------------------------

INSCRIPTIS_TABLE = """
  Some prose above the table.

        Project                     County   Units   Details
        Mukuru Affordable Housing   Nairobi  13,248  Social and affordable units on land cleared of settlements.
        Shauri Moyo A               Nairobi  4,152   Redevelopment of old council estates in Eastlands.
        Buxton Point                Mombasa          Public–private partnership to replace the Buxton flats.

  Prose again.
"""


def test_inscriptis_grid_one_line_per_row() -> None:
    grid = only_grid(find_aligned_grids(lines_of(INSCRIPTIS_TABLE)))
    assert grid.rows[0] == ("Project", "County", "Units", "Details")
    assert grid.rows[3] == (
        "Buxton Point",
        "Mombasa",
        "",
        "Public–private partnership to replace the Buxton flats.",
    )
    assert grid.header_rows == 1
    assert (grid.start, grid.end) == (2, 6)
    assert grid.row_lines == ((3, 3), (4, 4), (5, 5), (6, 6))


def test_a_column_of_web_addresses_does_not_read_as_wrapped_cells() -> None:
    # austintexas.gov via inscriptis: one row per line, the last column the provider's site
    text = (
        "  Training Provider   Services                                      Website\n"
        "  Capital IDEA        Degrees in healthcare or information technology  https://www.capitalidea.org/\n"
        "  Skillpoint Alliance Certifications in plumbing and HVAC            https://skillpointalliance.org/\n"
        "  Latinitas           Digital literacy for adults                    https://latinitasonline.org/\n"
    )
    grid = only_grid(find_aligned_grids(lines_of(text)))
    assert len(grid.rows) == 4
    assert grid.rows[2][:2] == ("Skillpoint Alliance", "Certifications in plumbing and HVAC")


W3M_ALIGNED = """
 Initiative                         Description                         State
Tula          A chemicals and fertiliser cluster built around the
Industrial    existing Pemex refinery, aimed at cutting imports of    Hidalgo
Pole          nitrogen fertilisers.
Interoceanic  Ten industrial parks along the rail link between the    Oaxaca
Corridor      Gulf of Mexico and the Pacific, offering land           and
Parks         concessions for up to 40 years.                         Veracruz
Seybaplaya    A deep-water port expansion and warehousing zone        Campeche
Logistics Hub serving the Yucatán peninsula.
"""


def test_w3m_grid_with_wrapped_cells_and_one_space_gutter() -> None:
    grid = only_grid(find_aligned_grids(lines_of(W3M_ALIGNED)))
    assert grid.rows == (
        ("Initiative", "Description", "State"),
        (
            "Tula Industrial Pole",
            "A chemicals and fertiliser cluster built around the existing Pemex refinery,"
            " aimed at cutting imports of nitrogen fertilisers.",
            "Hidalgo",
        ),
        (
            "Interoceanic Corridor Parks",
            "Ten industrial parks along the rail link between the Gulf of Mexico and the"
            " Pacific, offering land concessions for up to 40 years.",
            "Oaxaca and Veracruz",
        ),
        (
            "Seybaplaya Logistics Hub",
            "A deep-water port expansion and warehousing zone serving the Yucatán peninsula.",
            "Campeche",
        ),
    )
    assert grid.header_rows == 1
    assert grid.row_lines == ((1, 1), (2, 4), (5, 7), (8, 9))


def test_w3m_multi_line_header_and_centred_cells() -> None:
    text = """
                                                                          In
  Measure                           Description                          force
                                                                         from
Affiliate    Every two years, a share of existing members is assigned
Auctions     to the AFP offering the lowest fee, not only new workers.  2026
Fee Cap &    Managers must return part of their fee when a fund’s
Rebates      returns fall below a benchmark.
"""
    grid = only_grid(find_aligned_grids(lines_of(text)))
    assert grid.rows[0] == ("Measure", "Description", "In force from")
    assert [row[0] for row in grid.rows[1:]] == ["Affiliate Auctions", "Fee Cap & Rebates"]


PROSE = """
The government admits that factories will not come without engineers. Plan
México therefore promises 150,000 new technical-school places and a national
programme to certify suppliers, so that small firms can sell to large
exporters. Universities and technology institutes will be paired with firms
in each pole, and public purchasing will favour products made in Mexico.
"""

BULLETS = """
  • Domestic Content: Raising the share of national inputs in manufactured
    exports by 15 percentage points.
  • Investment Ratio: Lifting total investment above 25% of GDP, with private
    capital leading the way.
  • Formal Jobs: Creating 1.5 million additional formal jobs in manufacturing
    and related services.
 1. Jorge Salinas
    January 14, 2025 at 1:05 pm
 2. M. Ortega
    January 14, 2025 at 6:40 pm
"""

SIDEBAR = """
 Departments
 » Engineering Services  The Lusaka City Council (LCC) is responsible for keeping the city clean.
 » Public Health         Residents, markets and businesses in Lusaka produce about 1,400 tonnes of waste
 » Waste Management Unit every day, but less than half of it reaches the Chunga landfill.
 » Housing & Social
Services                 In 2025 the Council is working with the Ministry of Local Government and Rural
 » Finance               Development to collect more waste, close illegal dumpsites and enforce the
                         Solid Waste Regulation and Management Act of 2018.
"""

WIDE_SIDEBAR = (
    "Digital Society" + " " * 60 + "Digital Agenda 2030: The Next Generation of e-Estonia\n"
    "e-Residency" + " " * 64 + "Estonia’s Digital Agenda 2030 sets out how the state will keep"
    " its public services among the most advanced in the world.\n"
    "Cyber Security\n"
    "Connectivity" + " " * 63 + "Almost all public services in Estonia are already online. By"
    " 2030 people will no longer need to apply for most of them.\n"
)

FORM = """
       [                                             ]
       [                                             ]
Comment[                                             ]
"""


@pytest.mark.parametrize("text", [PROSE, BULLETS, SIDEBAR, WIDE_SIDEBAR, FORM])
def test_prose_lists_layout_columns_and_forms_are_no_grids(text: str) -> None:
    assert find_aligned_grids(lines_of(text)) == []
    assert find_box_grids(lines_of(text)) == []


def test_box_lines_are_not_read_as_aligned_grids() -> None:
    assert find_aligned_grids(lines_of(W3M_BOX)) == []


def test_cjk_aligned_grid_padded_by_characters() -> None:
    text = (
        "        项目      内容                        负责机构    \n"
        "        农村卫生单位  翻修和装备村级卫生所，并派驻全科医生。       卫生和人口部  \n"
        "        学校扩建    新建教室，缓解农村学校班级人数过多的问题。     教育和技术教育部\n"
    )
    grid = only_grid(find_aligned_grids(lines_of(text)))
    assert grid.rows[1] == (
        "农村卫生单位",
        "翻修和装备村级卫生所，并派驻全科医生。",
        "卫生和人口部",
    )


@pytest.mark.parametrize("line", ["│", " ", "│ │ │", "a  b", "┌─┬─┐"])
def test_hostile_long_inputs_finish_fast(line: str) -> None:
    lines = [SourceLine(number, line) for number in range(1, 200_001)]
    began = time.perf_counter()
    find_box_grids(lines)
    find_aligned_grids(lines)
    # A hang guard, not a benchmark: 2.5 s here unloaded; quadratic work would take minutes.
    assert time.perf_counter() - began < 20


# --- the committed dev fixtures ----------------------------------------------------------


def expected_rows(page: str) -> list[tuple[str, str]]:
    gold = json.loads((DOCUMENTS / f"{page}.expected.json").read_text(encoding="utf-8"))
    return [
        (item["name"], item["description"])
        for pillar in gold["pillars"]
        for item in pillar["initiatives"]
        if item.get("kind") == "table"
    ]


def name_and_description(grid: TextGrid, description_header: str) -> list[tuple[str, str]]:
    column = grid.rows[0].index(description_header) if grid.header_rows else 1
    return [(row[0], row[column]) for row in grid.rows[grid.header_rows :]]


BOX_PAGES = [
    ("html2_estonia_digital_agenda", "Objective"),
    ("html3_zambia_lusaka_waste", "Details"),
    ("html4_egypt_decent_life_initiative", "内容"),
    ("html5_ukraine_energy_resilience", "Опис"),
]


@pytest.mark.parametrize(("page", "description"), BOX_PAGES)
def test_w3m_box_grids_match_the_gold_rows(page: str, description: str) -> None:
    lines = source_lines((SCRAPED / "w3m" / f"{page}.txt").read_text(encoding="utf-8"))
    grid = only_grid(find_box_grids(lines))
    assert name_and_description(grid, description) == expected_rows(page)


ALIGNED_PAGES = [
    ("w3m", "html4_mexico_plan_mexico", "Description"),
    ("w3m", "html2_kenya_housing_levy", "Details"),
    ("w3m", "html3_austria_care_reform", "Beschreibung"),
    ("w3m", "html_chile_pension_reform", "Description"),
    ("w3m", "html5_taiwan_healthy_taiwan", "內容"),
    ("inscriptis", "html4_mexico_plan_mexico", "Description"),
    ("inscriptis", "html2_kenya_housing_levy", "Details"),
    ("inscriptis", "html3_zambia_lusaka_waste", "Details"),
    ("inscriptis", "html4_egypt_decent_life_initiative", "内容"),
]


@pytest.mark.parametrize(("scraper", "page", "description"), ALIGNED_PAGES)
def test_aligned_grids_match_the_gold_rows(scraper: str, page: str, description: str) -> None:
    lines = source_lines((SCRAPED / scraper / f"{page}.txt").read_text(encoding="utf-8"))
    grid = only_grid(find_aligned_grids(lines))
    assert name_and_description(grid, description) == expected_rows(page)


@pytest.mark.parametrize("scraper", ["w3m", "inscriptis"])
def test_layout_sidebar_pages_give_only_the_data_table(scraper: str) -> None:
    page = "html3_zambia_lusaka_waste"
    lines = source_lines((SCRAPED / scraper / f"{page}.txt").read_text(encoding="utf-8"))
    grids = find_box_grids(lines) + find_aligned_grids(lines)
    assert [grid.rows[1][0] for grid in grids] == ["Chunga landfill cell 4"]
