"""Tables printed a row per line with their cells joined by a space (html-text, lynx): read
back into rows under a header line, or left alone where the rows do not show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import expected_table_rows

from policyparse import parse
from policyparse.text.lines import source_lines
from policyparse.text.spaced import find_spaced_tables

ROOT = Path(__file__).parents[1]
SCRAPED = ROOT / "fixtures/scraped"


def tables(text: str) -> list[tuple[tuple[str, ...], ...]]:
    return [grid.rows for grid in find_spaced_tables(source_lines(text))]


# --- literal texts: where the name ends and the sentence starts ---------------------------


def test_name_ends_before_the_sentence_not_on_a_minor_word_or_before_an_acronym() -> None:
    text = (
        "Main Initiative Description\n"
        "Shared Air Defence Integration of Polish radars into the allied air defence.\n"
        "EU Defence Funding Seeking EU loans and grants for the border fortifications.\n"
        "Goodwill Industries of Central Texas Support for people with barriers to work\n"
        "The Arc of the Capital Area A program that helps young people into their first job\n"
    )
    [rows] = tables(text)
    assert rows[0] == ("Main Initiative", "Description")
    assert [row[0] for row in rows[1:]] == [
        "Shared Air Defence",
        "EU Defence Funding",
        "Goodwill Industries of Central Texas",
        "The Arc of the Capital Area",
    ]
    assert rows[4][1] == "A program that helps young people into their first job"


def test_figure_after_the_name_link_and_cells_after_the_sentence() -> None:
    text = (
        "Project Homes Description Budget\n"
        "Sveta Klara 600 A new rental neighbourhood on state land near the city. €40 million\n"
        "Rijeka Barracks 350 Turning an old army site into flats for young families. €25 million\n"
        "Pumped Hydro Storage 200 MW A pumped storage plant to balance daily swings in demand\n"
    )
    [rows] = tables(text)
    assert rows[0] == ("Project Homes", "", "Description Budget", "")
    assert rows[1] == (
        "Sveta Klara",
        "600",
        "A new rental neighbourhood on state land near the city.",
        "€40 million",
    )
    assert rows[3][:3] == (
        "Pumped Hydro Storage",
        "200 MW",
        "A pumped storage plant to balance daily swings in demand",
    )
    linked = tables(
        "Training Provider Services Website\n"
        "Capital IDEA Opportunities to earn a degree in healthcare https://www.example.org/\n"
        "Jail to Jobs Mentor-based employment with care for people leaving prison "
        "https://www.example.com/\n"
    )
    assert linked[0][1] == (
        "Capital IDEA",
        "Opportunities to earn a degree in healthcare",
        "https://www.example.org/",
    )


def test_leaked_table_tags_say_where_cells_and_rows_break() -> None:
    text = (
        "Key Initiatives Underway Purpose & Impact\n"
        "Civil Protection Law Requiring shelters in new public buildings and schools."
        "</td></tr><tr><td>Forest Buffer Zones</td><td>Managing forests near the border "
        "as natural obstacles.\n"
        "Cyber Defence Command Strengthening the protection of energy networks against attacks.\n"
    )
    [rows] = tables(text)
    assert rows[0] == ("Key Initiatives Underway", "Purpose & Impact")
    assert rows[2] == (
        "Forest Buffer Zones",
        "Managing forests near the border as natural obstacles.",
    )
    assert [grid.row_lines for grid in find_spaced_tables(source_lines(text))] == [
        ((1, 1), (2, 2), (2, 2), (3, 3))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A blank line sets a paragraph apart from the heading above it.
        "Our Programmes\n\nPrime Minister Donald Tusk has described the programme as vital.\n"
        "Shared Air Defence Integration of Polish radars into the allied air defence.",
        # A live blog's headline printed twice, under an author's name.
        "Frances Watkins\nCork County Council share update on services today\n"
        "Cork County Council have given an update this evening on their services.",
        # Labels with colons, numbered lines, rows of codes, menus.
        "Business and Growth\nCorporation Tax: reduce to 19% from 2017-18 for all firms\n"
        "Annual Investment Allowance: set at a new permanent level of £200,000 now",
        "Housing Benefit\n45 End automatic entitlement for out-of-work young people\n"
        "46 Reduce social sector rents by 1% each year for four years",
        "Name State Chamber\nStrom Thurmond SC Senate D to R 1964\nBob Stump AZ House D to R 1981",
        "Services Le Monde ▾\nPartenaires Le Monde Annonces auto Paroles de chansons Codes\n"
        "Le Monde Événements Événements abonnés Le Monde Festival Boutique Le Monde",
        # A name running into a comma: the cut would fall inside it.
        "Metro Lines Route\nLine 1 Ben Thanh to Suoi Tien, with extensions planned to the east\n"
        "Line 2 Ben Thanh to Tham Luong, along the main street of the old town",
        # Leaked tags with nothing between them.
        "Project Description\n</td></tr><tr><td></td><td>\n</tr>\n",
        # One row is not enough to tell a table from a heading over a paragraph.
        "Main Initiative Description\nJoint Border Exercises Regular drills with NATO forces.",
        # Paragraphs, not cells: several sentences each.
        "Looking Ahead\nThe Competitive Dollar Act would task the bank. It sets a goal. It is new.\n"
        "Senators Tammy Baldwin and Josh Hawley submitted it. It has support. It may pass.",
    ],
)
def test_unclear_lines_stay_text(text: str) -> None:
    assert tables(text) == []


def test_parse_reads_the_rows_as_initiatives_and_records_the_header() -> None:
    text = (
        "Coastal plan: what the government will build\n\n"
        "The plan was presented on Monday in the capital by the minister.\n\n"
        "Main Projects\n\n"
        "The works start next year.\n\n"
        "Project Description\n"
        "Sea Wall A two-kilometre wall to protect the old harbour from storms.\n"
        "Dune Restoration Planting grasses on ten kilometres of dunes to stop erosion.\n\n"
        "The ministry will report every year.\n"
    )
    document = parse(text, format="text")
    [pillar] = [pillar for pillar in document.pillars if pillar.initiatives]
    assert pillar.title == "Main Projects"
    assert [(item.name, item.origin.kind) for item in pillar.initiatives] == [
        ("Sea Wall", "table"),
        ("Dune Restoration", "table"),
    ]
    assert any(item.text == "Project | Description" for item in document.dropped)


# --- real scraper output: html-text and lynx of dev pages and of a real city page -----------


def table_initiatives(path: Path) -> list[tuple[str, str]]:
    document = parse(path.read_text("utf-8"), format="text")
    return [
        (item.name, item.description)
        for pillar in document.pillars
        for item in pillar.initiatives
        if item.origin.kind == "table"
    ]


@pytest.mark.parametrize(
    ("scraper", "page"),
    [
        *(
            (scraper, page)
            for scraper in ("html-text", "lynx")
            for page in (
                "html4_poland_east_shield",
                "html4_saudi_arabia_mining_strategy",
                "html9_croatia_housing_plan",
                "html2_morocco_solar_plan",
            )
        ),
        ("html-text", "html4_brazil_ecological_transformation"),
        ("html-text", "html4_mexico_plan_mexico"),
        ("html-text", "html6_senegal_vision_2050"),
        ("html-text", "html_chile_pension_reform"),
    ],
)
def test_dev_pages_give_the_html_tables_rows(scraper: str, page: str) -> None:
    assert table_initiatives(SCRAPED / scraper / f"{page}.txt") == expected_table_rows(page)


@pytest.mark.parametrize("scraper", ["html-text", "lynx"])
def test_real_city_page_gives_its_training_providers(scraper: str) -> None:
    """austintexas.gov's three-column table (provider, services, website), annotated blind."""
    gold_path = ROOT / "fixtures/gold/web/dev/austintexas-workforce-development.gold.json"
    gold = json.loads(gold_path.read_text("utf-8"))
    expected = [
        (item["name"], item["description"])
        for pillar in gold["pillars"]
        for item in pillar["initiatives"]
    ]
    path = SCRAPED / scraper / "austintexas-workforce-development.txt"
    assert table_initiatives(path) == expected


def made_up_name(number: int) -> str:
    """A distinct capitalised word per number ("Baba", "Babe", …): rows need distinct names."""
    syllables = [consonant + vowel for consonant in "bcdfghklmnprstvz" for vowel in "aeiou"]
    word = ""
    while True:
        number, digit = divmod(number, len(syllables))
        word += syllables[digit]
        if not number:
            return word.capitalize()


@pytest.mark.timeout(30)
def test_many_rows_are_read_in_linear_time() -> None:
    """A hang guard (a quadratic search would take minutes), not a speed measurement."""
    row = "Harbour {} Fund Deepening the eastern channel for container ships.\n"
    rows = "".join(row.format(made_up_name(number)) for number in range(20_000))
    assert len(tables("Programme Description\n" + rows)[0]) == 20_001
