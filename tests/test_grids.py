"""read_tables, read_lists, repair_html: grids and item trees as a browser shows them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import policyparse
from policyparse import read_lists, read_tables, repair_html, repair_markdown
from policyparse.grids import MAX_LIST_DEPTH, table_start_lines
from policyparse.html.tables import MAX_SPAN

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "samples" / "seed-korea-diplomacy.txt"


def grids(html: str, include_layout: bool = True) -> list[list[list[str]]]:
    return [table.rows for table in read_tables(html, include_layout=include_layout)]


def test_spans_fill_every_slot() -> None:
    html = "<table><tr><td rowspan=2>a<td colspan=2>b<tr><td>c<td>d<tr><td>e</table>"
    assert grids(html) == [[["a", "b", "b"], ["a", "c", "d"], ["e", "", ""]]]


@pytest.mark.parametrize(
    ("value", "width"),
    [("2;", 2), ("3px", 3), ("", 1), ("-2", 1), ("0", 1), ("1e9", 1), ("abc", 1), (" +2", 2)],
)
def test_dirty_colspans_are_read_leniently(value: str, width: int) -> None:
    (grid,) = grids(f'<table><tr><td colspan="{value}">x<td>y</table>')
    assert grid == [["x"] * width + ["y"]]


def test_huge_spans_are_capped() -> None:
    (grid,) = grids('<table><tr><td colspan="99999" rowspan="99999">x<tr><td>y</table>')
    assert grid[0] == ["x"] * MAX_SPAN + [""]
    assert grid[1] == ["x"] * MAX_SPAN + ["y"]


def test_rowspan_ends_with_its_row_group() -> None:
    html = "<table><tbody><tr><td rowspan=3>a<td>b</tbody><tbody><tr><td>c<td>d</tbody></table>"
    assert grids(html) == [[["a", "b"], ["c", "d"]]]


def test_rows_in_rendering_order_and_header_rows() -> None:
    html = (
        "<table><tfoot><tr><td>Total<td>9</tfoot><tbody><tr><td>A<td>4</tbody>"
        "<thead><tr><th>Name<th>Count</thead></table>"
    )
    (table,) = read_tables(html)
    assert table.rows == [["Name", "Count"], ["A", "4"], ["Total", "9"]]
    assert table.header_rows == 1 and table.header == [["Name", "Count"]]


@pytest.mark.parametrize(
    ("first_row", "header_rows"),
    [
        ("<td><b>Programme</b><td><strong>Aim</strong>", 1),  # bold cells
        ("<td>Programme<td>Description", 1),  # labels with header words
        ("<td>Rail<td>Faster trains between the two largest cities", 0),  # data
        ("<td><b>Rail</b><td>Faster trains between the two largest cities", 0),  # bold lead only
    ],
)
def test_header_detection(first_row: str, header_rows: int) -> None:
    html = f"<table><tr>{first_row}<tr><td>Bus<td>New lanes on the ring road to the port</table>"
    assert read_tables(html)[0].header_rows == header_rows


def test_row_headers_stay_names_in_the_records() -> None:
    html = (
        "<h1>Plan</h1><h2>Measures</h2><table><tr><th>Measure<th>What it does"
        "<tr><th>Rail Fund<td>Builds two new lines.<tr><th>Bus Fund<td>Buys electric buses.</table>"
    )
    (table,) = read_tables(html)
    assert table.header_rows == 1
    names = [item.name for item in policyparse.parse(html).initiatives]
    assert names == ["Rail Fund", "Bus Fund"]


def test_nested_tables_follow_their_parent_without_their_text() -> None:
    html = (
        "<table><tr><td>outer <table><tr><td>inner</table> after<td>b</table>"
        "<table><tr><td>next</table>"
    )
    assert grids(html) == [[["outer after", "b"]], [["inner"]], [["next"]]]


def test_rows_without_cells_and_tables_without_rows_are_left_out() -> None:
    assert grids("<table><tr></tr><tr><td>a</table><table><caption>c</caption></table>") == [
        [["a"]]
    ]


def test_misnested_markup_is_read_as_a_browser_builds_it() -> None:
    # The browser closes the cell at <tr>, moves the stray text before the table ...
    html = "<table>stray<tr><td>a<tr><td>b</td></tr><p>late</table>"
    assert grids(html) == [[["a"], ["b"]]]
    text = LexborHTMLParser(html).body.text()  # type: ignore[union-attr]
    assert text.index("stray") < text.index("a")


def test_layout_tables_are_flagged_and_left_out_by_default() -> None:
    layout = "<table role=presentation><tr><td>menu<td>page</table>"
    data = "<table><tr><th>Programme<th>Aim<tr><td>Rail<td>Trains</table>"
    tables = read_tables(layout + data, include_layout=True)
    assert [table.is_layout for table in tables] == [True, False]
    assert read_tables(layout + data) == tables[1:]


def test_origin_lines_and_paths() -> None:
    html = "<html><body>\n<div>\n<!-- <table> -->\n<table><tr><td>a</table></div>\n<table><tr><td>b</table>"
    first, second = read_tables(html, include_layout=True)
    assert (first.origin.line, first.origin.path) == (4, "body/div[1]/table[1]")
    assert (second.origin.line, second.origin.path) == (5, "body/table[1]")


def test_source_lines_are_not_guessed_when_markup_hides_a_table() -> None:
    assert table_start_lines("<table>\n<script>'<table>'</script><table>", 2) == [1, 2]
    assert table_start_lines("<div title='<table>'>\n<table>", 1) is None


def test_text_input_tables_come_back_from_leaked_markup() -> None:
    first, second = read_tables(SEED)
    assert first.rows[0] == ["Main Initiative", "Description"]
    assert second.rows[0] == ["Key Initiatives Underway", "Purpose & Impact"]
    assert first.header_rows == 1 and len(first.rows) == 4
    assert (first.origin.line, first.origin.path) == (10, None)


def test_pipe_text_tables() -> None:
    text = "Budget\n\n| Item | Cost |\n|---|---|\n| Roads | 4m |\n| Rail | 2m |\n"
    (table,) = read_tables(text)
    assert table.rows == [["Item", "Cost"], ["Roads", "4m"], ["Rail", "2m"]]


def test_to_dataframe_uses_the_header_rows() -> None:
    (table,) = read_tables("<table><thead><tr><th>A<th>B</thead><tr><td>1<td>2</table>")
    frame = table.to_dataframe()
    assert list(frame.columns) == ["A", "B"] and frame.iloc[0].tolist() == ["1", "2"]
    two = read_tables(
        "<table><thead><tr><th colspan=2>Cost<tr><th>2024<th>2025</thead><tr><td>1<td>2</table>"
    )[0]
    assert list(two.to_dataframe().columns) == [("Cost", "2024"), ("Cost", "2025")]


# -- lists ----------------------------------------------------------------------------------


def plain(html: str) -> list[tuple[bool, list[object]]]:
    def items(found: list[policyparse.ListItem]) -> list[object]:
        return [(item.text, items(item.children)) if item.children else item.text for item in found]

    return [(found.ordered, items(found.items)) for found in read_lists(html)]


def test_nested_lists_become_children() -> None:
    html = "<ol><li>a<ul><li>a1<li>a2<ol><li>deep</ol></ul><li>b</ol><ul><li>c</ul>"
    assert plain(html) == [(True, [("a", ["a1", ("a2", ["deep"])]), "b"]), (False, ["c"])]


def test_unclosed_and_misnested_list_items() -> None:
    assert plain("<ul><li>one<li>two<p>para</p><li>three</ul>") == [
        (False, ["one", "two para", "three"])
    ]
    # A list directly in a list (no li): a browser keeps it there; it is its own entry.
    assert plain("<ul><ul><li>inner</ul><li>outer</ul>") == [(False, ["outer"]), (False, ["inner"])]


def test_deep_lists_are_capped_without_losing_items() -> None:
    depth = MAX_LIST_DEPTH + 20
    html = "".join(f"<ul><li>item{level}" for level in range(depth))
    (found,) = read_lists(html)
    texts, level, items = [], 0, found.items
    while items:
        texts += [item.text for item in items]
        items = [child for item in items for child in item.children]
        level += 1
    assert texts == [f"item{n}" for n in range(depth)]
    assert level == MAX_LIST_DEPTH


def test_text_input_lists() -> None:
    (found,) = read_lists("Plan\nParts\n- Rail: trains\n  - Metro: lines\n- Bus: roads\n")
    assert [item.text for item in found.items] == ["Rail: trains", "Bus: roads"]
    assert [child.text for child in found.items[0].children] == ["Metro: lines"]


# -- repaired output ------------------------------------------------------------------------


def test_repair_html_is_well_formed_and_keeps_the_grids() -> None:
    html = "<h1>Plan</h1><p>Intro<table><tr><th>A<th>B<tr><td rowspan=2>x<td>1<tr><td>2</table><li>stray"
    repaired = repair_html(html)
    assert repaired.startswith("<!DOCTYPE html>\n<html>")
    assert grids(repaired) == [[["A", "B"], ["x", "1"], ["x", "2"]]]
    # Every element is closed: an XML parser reads the body.
    from lxml import etree

    body = repaired[repaired.index("<body>") : repaired.index("</body>") + 7]
    etree.fromstring(body)


def test_repair_of_scraped_text_rebuilds_the_table() -> None:
    repaired = repair_html(SEED)
    assert grids(repaired)[0][0] == ["Main Initiative", "Description"]
    assert "td &gt;" not in repaired and "td >" not in repaired
    assert "| Main Initiative | Description |" in repair_markdown(SEED)


def test_repair_command() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "policyparse", "repair", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )

    assert "<table>" in run(str(SEED)).stdout
    assert "| --- |" in run(str(SEED), "--format", "md").stdout
    assert '"tables"' in run(str(SEED), "--format", "json").stdout
    missing = run("no/such/file.html")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


@pytest.mark.parametrize(
    "page",
    [
        "govuk-school-revenue-funding-2017-18",
        "govuk-spring-budget-2017",
        "eff-annual-report-2015-programs",
    ],
)
def test_real_policy_pages_have_data_tables(page: str) -> None:
    path = SHARED / "corpus" / "policy-pages" / f"{page}.html"
    tables = read_tables(path, include_layout=True)
    assert tables, page
    for table in tables:
        assert len({len(row) for row in table.rows}) == 1  # rectangular


def test_trees_users_built_keep_their_parsers_repairs() -> None:
    # After </tbody> the browser moves "A" out of the table (foster parenting); libxml2
    # and html.parser keep it in the cell, and a tree they built is read as they left it.
    import lxml.html
    from bs4 import BeautifulSoup

    html = "<table><td></tbody>A"
    assert grids(html) == [[[""]]]
    assert grids(lxml.html.document_fromstring(html)) == [[["A"]]]
    assert grids(BeautifulSoup(html, "html.parser")) == [[["A"]]]
    # And the other way round: libxml2 drops what the browser keeps in the cell.
    html = "<table><td></body></caption></col></colgroup></html>foo"
    assert grids(html) == [[["foo"]]]
    assert grids(lxml.html.document_fromstring(html)) == [[[""]]]


# (page under ../shared/corpus, table index, is_layout, the signal that decides)
REAL_TABLES = [
    ("policy-pages/govuk-spring-budget-2017.html", 0, False, "a data table with thead and th"),
    ("policy-pages/govuk-spring-budget-2017.html", 3, True, "one column of footnotes"),
    ("policy-pages/govuk-spring-budget-2017.html", 1, True, "a one-cell box"),
    ("policy-pages/govuk-school-revenue-funding-2017-18.html", 0, False, "th header row"),
    ("policy-pages/eff-annual-report-2015-programs.html", 0, True, "headings inside cells"),
    ("policy-pages/eff-annual-report-2015-programs.html", 2, True, "one row"),
    ("readability-test-pages/lwn-1/source.html", 0, True, "one row: the site's header strip"),
    ("readability-test-pages/lwn-1/source.html", 1, True, "a page wrapper holding the article"),
    ("readability-test-pages/links-in-tables/source.html", 2, False, "a grid of data"),
    ("readability-test-pages/wikipedia-2/source.html", 0, False, "the infobox: th row headers"),
]


@pytest.mark.parametrize(("page", "index", "is_layout", "signal"), REAL_TABLES)
def test_layout_classification_on_real_pages(
    page: str, index: int, is_layout: bool, signal: str
) -> None:
    tables = read_tables(SHARED / "corpus" / page, include_layout=True)
    assert tables[index].is_layout is is_layout, signal


def test_hidden_rows_and_text_are_not_read() -> None:
    html = (
        '<table><tr><th>Name<th>Aim<tr style="display:none"><td>Ghost<td>hidden row'
        '<tr><td>Rail<td>Trains<span style="display: none"> (draft)</span><span hidden>x</span>'
        '<tr><td>Bus<td aria-hidden="true">Lanes</table>'
    )
    assert grids(html) == [[["Name", "Aim"], ["Rail", "Trains"], ["Bus", "Lanes"]]]


def test_a_grid_of_links_is_navigation() -> None:
    links = "".join(
        f'<tr><td><a href="/p{i}">Page number {i}</a><td><a href="/q{i}">More</a>' for i in range(4)
    )
    assert read_tables(f"<table>{links}</table>", include_layout=True)[0].is_layout
    data = "".join(
        f'<tr><td><a href="/p{i}">Fund {i}</a><td>Pays for new school buildings' for i in range(4)
    )
    assert not read_tables(f"<table>{data}</table>", include_layout=True)[0].is_layout
