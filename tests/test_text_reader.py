"""The scraped-text line grammar: headings, bullets, pipe tables, continuation lines."""

from __future__ import annotations

import pytest

from policyparse import parse
from policyparse.blocks import Heading, ListBlock, Paragraph, Table
from policyparse.text.reader import read_text, split_cells


def kinds(text: str) -> list[str]:
    return [type(block).__name__ for block in read_text(text)]


def test_title_headings_and_paragraphs() -> None:
    blocks = read_text(
        "Grid Plan for 2030\n\nWhy it matters\nPower cuts cost the economy dearly.\nThe core elements include:"
    )
    assert [(type(b).__name__, b.text) for b in blocks] == [
        ("Heading", "Grid Plan for 2030"),
        ("Heading", "Why it matters"),
        ("Paragraph", "Power cuts cost the economy dearly."),
        ("Paragraph", "The core elements include:"),
    ]
    assert blocks[0].level == 1


@pytest.mark.parametrize(
    "marker", ["-", "*", "•", "·", "▲", "○", "□", "※", "1.", "2)", "a)", "(iii)", "–"]
)
def test_bullet_markers(marker: str) -> None:
    (listing,) = [
        b
        for b in read_text(f"Plan\n{marker} Rail Link: new tracks.\n{marker} Bus Fund: new buses.")
        if isinstance(b, ListBlock)
    ]
    assert [item.text for item in listing.items] == [
        "Rail Link: new tracks.",
        "Bus Fund: new buses.",
    ]


def test_indented_sub_bullets_nest() -> None:
    (_, listing) = read_text("Plan\n- Rail: tracks\n  - North line\n  - South line\n- Bus: fleet")
    rail, bus = listing.items
    assert [child.text for child in rail.children] == ["North line", "South line"]
    assert bus.children == ()


def test_markdown_headings_bold_lines_and_bold_items() -> None:
    blocks = read_text(
        "# Water Plan\n## Dams\n**Funding**\n**Dam Repair** – fixing old dams.\n**Leak Hunt**: finding leaks."
    )
    assert [(type(b).__name__, getattr(b, "text", "")) for b in blocks[:3]] == [
        ("Heading", "Water Plan"),
        ("Heading", "Dams"),
        ("Heading", "Funding"),
    ]
    assert [(item.lead, item.text) for item in blocks[3].items] == [
        ("Dam Repair", "Dam Repair – fixing old dams."),
        ("Leak Hunt", "Leak Hunt: finding leaks."),
    ]


def test_numbered_heading_versus_numbered_items() -> None:
    blocks = read_text(
        "Plan\n1. Financing the Transition\nHospitals get a readiness payment.\n2. Rural Access\nSmall sites stay open."
    )
    assert kinds("\n".join(["Plan", "1. Phase One: design.", "2. Phase Two: build."])) == [
        "Heading",
        "ListBlock",
    ]
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "Plan",
        "1. Financing the Transition",
        "2. Rural Access",
    ]


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| A | B |", ["A", "B"]),
        ("A | B |", ["A", "B"]),
        ("| A | B", ["A", "B"]),
        ("A | B", ["A", "B"]),
        ("A | B | |||", ["A", "B", "", "", ""]),
    ],
)
def test_split_cells_with_and_without_outer_pipes(line: str, cells: list[str]) -> None:
    assert split_cells(line) == cells


def test_pipe_table_with_separator_and_continued_last_cell() -> None:
    text = "Plan\nName | Aim |\n---|---|\nRail | Faster trains on the\nnorthern line, from 2027.\n|\nAfter the table."
    table, paragraph = read_text(text)[1:]
    assert isinstance(table, Table) and table.header_rows == 1
    assert table.rows == (
        ("Name", "Aim"),
        ("Rail", "Faster trains on the northern line, from 2027."),
    )
    assert table.row_spans[1].lines == (4, 6)
    assert isinstance(paragraph, Paragraph) and paragraph.text == "After the table."


def test_table_without_separator_or_outer_pipes() -> None:
    (_, table) = read_text(
        "Plan\nScheme | Purpose | Funding\nSolar | Home kits | $2m\nWind | Farms | $5m"
    )
    assert table.header_rows == 0
    assert len(table.rows) == 3


def test_a_single_pipe_line_is_prose() -> None:
    assert kinds("Plan\nSign in | Register\nText follows here.") == [
        "Heading",
        "Heading",
        "Paragraph",
    ]


def test_cjk_text_uses_full_width_punctuation() -> None:
    document = parse(
        "地方創生の新計画\n背景\n政府は新しい計画を発表した。\n主な施策は次のとおり：\n- 移住支援：最大100万円を支給する。\n- 通信網：整備する。"
    )
    (pillar,) = document.pillars
    assert pillar.title == "背景"
    assert pillar.description == "政府は新しい計画を発表した。\n主な施策は次のとおり："
    assert [(i.name, i.description) for i in pillar.initiatives] == [
        ("移住支援", "最大100万円を支給する。"),
        ("通信網", "整備する。"),
    ]


def test_tab_separated_rows_are_a_table() -> None:
    text = "Port Plan\nProjects\nProject\tDescription\tBudget\nNew Quay\tA deep-water berth.\t$2bn\nRail Spur\tA freight link.\t$1bn\n- Dredging:\tdeeper channel\nA lone\ttab line stays prose."
    document = parse(text)
    assert [(i.name, i.origin.kind, i.attributes) for i in document.initiatives] == [
        ("New Quay", "table", {"Budget": "$2bn"}),
        ("Rail Spur", "table", {"Budget": "$1bn"}),
        ("Dredging", "list", {}),
    ]
    assert document.pillars[0].description == "A lone tab line stays prose."


def test_capitals_kicker_above_the_title_and_publication_suffix() -> None:
    document = parse(
        "ECONOMY\nOman Bets on Green Hydrogen to Power Its Economy - The Muscat Monitor\n"
        "Oman has opened a new auction round.\nAuctions\nThe ministry runs the rounds:\n"
        "- Round Three: six blocks.\n- Round Four: four blocks."
    )
    assert document.title == "Oman Bets on Green Hydrogen to Power Its Economy"
    assert [(d.text, d.reason) for d in document.dropped] == [("ECONOMY", "kicker above the title")]


@pytest.mark.parametrize(
    ("history", "incentives"),
    [
        ("History[edit]", "Incentives[edit]"),  # w3m, lynx, trafilatura: the link as text
        ("History[[edit](/w/index.php?action=edit&section=1)]", "### Incentives[[edit](/w?s=2)]"),
        ("历史沿革[编辑]", "交通[编辑]"),  # zh.wikipedia
    ],
)
def test_a_wiki_edit_link_marks_a_section_heading_and_goes(history: str, incentives: str) -> None:
    text = (
        f"Electric vehicle policy\n\n{history}\n\nNorway began to favour electric cars in "
        f"1990 with a tax exemption.\n\n{incentives}\n\nBuyers pay no purchase tax and no "
        "value added tax on a new electric car.\n\nSee the page [edit] for the rules.\n"
    )
    document = parse(text, format="text")
    titles = [pillar.title for pillar in document.pillars]
    assert titles[0] in ("History", "历史沿革") and titles[1] in ("Incentives", "交通")
    assert "See the page [edit] for the rules." in document.pillars[1].description
