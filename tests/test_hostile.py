"""Pathological inputs finish (pytest-timeout bounds each test) and keep their text.

Costs are measured by the benchmarks, not here; these only prove termination, no
recursion errors and no silent loss on inputs built to break a naive implementation.
"""

from __future__ import annotations

import pytest

from policyparse import parse
from policyparse.html.reader import read_html


def all_text(document: object) -> str:
    doc = document  # a PolicyDocument
    parts = [doc.title, doc.lede]  # type: ignore[attr-defined]
    for pillar in doc.pillars:  # type: ignore[attr-defined]
        parts += [pillar.title, pillar.description]
        parts += [
            f"{i.name} {i.description} {' '.join(i.attributes.values())}"
            for i in pillar.initiatives
        ]
    return "\n".join(parts)


@pytest.mark.timeout(120)
def test_hundred_thousand_nested_divs_keep_their_text() -> None:
    document = parse("<div>" * 100_000 + "deep text" + "</div>" * 10)
    assert document.lede == "deep text"


@pytest.mark.parametrize(
    "markup",
    [
        "<ul><li>" * 5_000 + "Deep Item: text",
        "<table><tr><td>" * 3_000 + "Deep Item: text",
        "<b><i>" * 20_000 + "Deep Item: text",
    ],
    ids=["nested-lists", "nested-tables", "nested-inline"],
)
def test_deep_nesting_of_every_kind(markup: str) -> None:
    assert "Deep Item" in all_text(parse(markup, format="html"))


def test_wide_row_keeps_cells_past_the_column_cap() -> None:
    (table,) = read_html(
        "<table>" + ("<tr>" + "".join(f"<td>c{i}" for i in range(250))) * 2 + "</table>"
    ).blocks
    assert [len(row) for row in table.rows] == [200, 200]  # two rows: a data table
    assert table.rows[0][-1].endswith("c249")


def test_large_tables_are_read_whole() -> None:
    rows = "".join(f"<tr><td>Item {i}<td>Does thing {i}." for i in range(20_000))
    document = parse("<table><tr><th>Name<th>Description" + rows)
    assert len(document.initiatives) == 20_000
    text_rows = "".join(f"Item {i} | Does thing {i}. |\n" for i in range(20_000))
    assert len(parse("Plan\nName | Description |\n---|---|\n" + text_rows).initiatives) == 20_000


@pytest.mark.parametrize(
    "text",
    [
        "Title\n" + "| a " * 200_000,
        "Title\nA | B |\n" + "x td > " * 100_000 + "|",
        "Title\n" + " " * 2_000_000 + "end.",
        "Title\n" + "wordWord " * 100_000,
        "Title\n" + "&amp;amp;" * 100_000,
    ],
    ids=["pipe-line", "leaked-fragments", "spaces", "camel-junctions", "entities"],
)
def test_long_lines_finish(text: str) -> None:
    document = parse(text, format="text")
    assert document.title == "Title"
    assert all_text(document).strip() != "Title"
