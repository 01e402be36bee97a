"""policyparse reads tables and lists out of malformed HTML the way a browser builds them.

The html5lib tree-construction tests (../shared/corpus/html5lib-tree-construction) pair tag soup
with the DOM a conforming parser builds from it. For every selected case, the tables and lists
policyparse reads from the input (``read_tables`` / ``read_lists``) must equal the ones
tests/html5lib_cases.py derives from the expected DOM. That expected side is written from the
harness spec alone and shares no code with policyparse; the first half of this file tests it on
small hand-written tree dumps.

The report (pass count, and input / expected / actual of each failing case) is printed by
``test_conformance_rate``: it shows with the failure, or on a pass with ``pytest -rP``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from html5lib_cases import (
    Case,
    ExpectedItem,
    ExpectedList,
    Node,
    expected_lists,
    expected_tables,
    is_selected,
    load_cases,
    parse_case,
    parse_span,
    parse_tree,
    visible_text,
)

import policyparse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html5lib-tree-construction"

#: The share of selected cases that must match.
CONFORMANCE_FLOOR = 0.99

#: Case id -> why policyparse is allowed to differ there. A listed case that starts to pass
#: fails test_case_matches_browser (strict xfail): take it off the list.
KNOWN_FAILURES: dict[str, str] = {}

CASES = load_cases(CORPUS) if CORPUS.is_dir() else []
SELECTED = [case for case in CASES if is_selected(case)]


# ============================================================================================
# The harness itself, on hand-written tree dumps
# ============================================================================================


def tree(dump: str) -> Node:
    """The tree of an indented dump written in this file (common indentation removed)."""
    return parse_tree(textwrap.dedent(dump).strip("\n"))


def body(*lines: str) -> Node:
    """A document whose ``<body>`` holds ``lines`` (dump lines written relative to the body)."""
    head = ["| <html>", "|   <head>", "|   <body>"]
    return parse_tree("\n".join(head + ["|     " + line for line in lines]))


def item(text: str, *children: ExpectedItem) -> ExpectedItem:
    return ExpectedItem(text, children)


# ---- reading the .dat format -----------------------------------------------------------------


def test_attribute_lines_belong_to_the_element_above() -> None:
    document = tree(
        """
        | <html>
        |   <head>
        |   <body>
        |     <td>
        |       colspan="2"
        |       rowspan="3;"
        |       "a="b"
        |     <svg svg>
        |       xlink href="#x"
        |       <svg path>
        """
    )
    body_element = document.children[0].children[1]
    cell, svg = body_element.children
    assert cell.attributes == {"colspan": "2", "rowspan": "3;"}
    # a first child that is a text looking like an attribute stays a text node
    assert [(child.tag, child.text) for child in cell.children] == [("#text", 'a="b')]
    assert (svg.tag, svg.namespace, svg.attributes) == ("svg", "svg", {"xlink href": "#x"})
    assert (svg.children[0].tag, svg.children[0].namespace) == ("path", "svg")


def test_a_text_node_can_span_several_physical_lines() -> None:
    dump = "\n".join(
        [
            "| <html>",
            "|   <head>",
            "|   <body>",
            "|     <ul>",
            "|       <li>",
            '|         "first',
            "",
            'second"',
            "|       <li>",
            '|         "say "hi"',  # ends with a quote, but the next line continues it
            'there"',
            "|       <li>",
            '|         "',
            '"',
            "|     <!-- a",
            "comment -->",
        ]
    )
    document = parse_tree(dump)
    body_element = document.children[0].children[1]
    items = body_element.children[0].children
    assert [li.children[0].text for li in items] == ["first\n\nsecond", 'say "hi"\nthere', "\n"]
    assert (body_element.children[1].tag, body_element.children[1].text) == (
        "#comment",
        "a\ncomment",
    )
    assert expected_lists(document) == [
        ExpectedList(False, (item("first second"), item('say "hi" there'), item("")))
    ]


def test_comments_doctype_and_template_content() -> None:
    document = tree(
        """
        | <!DOCTYPE html>
        | <!-- c -->
        | <html>
        |   <head>
        |     <template>
        |       content
        |         <table>
        |   <body>
        """
    )
    doctype, comment, _ = document.children
    assert (doctype.tag, doctype.text) == ("#doctype", "html")
    assert (comment.tag, comment.text) == ("#comment", "c")
    template = document.children[2].children[0].children[0]
    assert [child.tag for child in template.children] == ["#content"]


def test_case_sections() -> None:
    chunk = "\n".join(
        [
            "<td>a\r\n",  # a CR and a blank line inside the input are data
            "b",
            "#errors",
            "(1,1): some-error",
            "#document-fragment",
            "tr",
            "#script-off",
            "#document",
            "| <td>",
            '|   "a',
            'b"',
        ]
    )
    case = parse_case(chunk, "x.dat#0")
    assert case.data == "<td>a\r\n\nb"
    assert (case.fragment, case.script) == ("tr", "off")
    assert case.document.children[0].children[0].text == "a\nb"


def test_load_cases_reads_every_file_and_the_scripted_folder(tmp_path: Path) -> None:
    one = "#data\n<p>\n#errors\n#document\n| <html>\n\n#data\n\n#errors\n#script-on\n#document\n| <p>\n"
    (tmp_path / "scripted").mkdir()
    (tmp_path / "b.dat").write_bytes(one.encode())
    (tmp_path / "a.dat").write_bytes(one.replace("<p>", "<q>").encode())
    (tmp_path / "scripted" / "a.dat").write_bytes(one.encode())
    cases = load_cases(tmp_path)
    assert [case.id for case in cases] == [
        "a.dat#0",
        "a.dat#1",
        "b.dat#0",
        "b.dat#1",
        "scripted/a.dat#0",
        "scripted/a.dat#1",
    ]
    assert [case.data for case in cases[:2]] == ["<q>", ""]
    assert [case.script for case in cases[:2]] == [None, "on"]
    assert [cases[1].document.children[0].tag, cases[3].document.children[0].tag] == ["q", "p"]


def test_selection() -> None:
    def case(document: Node, fragment: str | None = None, script: str | None = None) -> Case:
        return Case("t.dat#0", "", document, fragment, script)

    table = body("<table>")
    assert is_selected(case(table))
    assert is_selected(case(table, script="off"))
    assert not is_selected(case(table, script="on"))
    assert not is_selected(case(table, fragment="td"))
    assert is_selected(case(body("<li>")))
    assert is_selected(case(body("<menu>")))
    assert not is_selected(case(body("<p>")))
    assert not is_selected(case(body("<table>", "<svg svg>")))
    assert not is_selected(case(body("<table>", "<math math>")))
    assert not is_selected(case(body("<table>", "<template>", "  content")))


# ---- visible text --------------------------------------------------------------------------


def test_visible_text() -> None:
    cell = (
        body(
            "<td>",
            '  "  a"',
            "  <b>",
            '    "b"',
            '  "c"',
            "  <div>",
            '    "d"',
            "  <br>",
            '  "e"',
            "  <script>",
            '    "no"',
            "  <select>",
            "    <option>",
            '      "no"',
            "  <!-- no -->",
            "  <span>",
            '    "f\u00a0\n g "',
        )
        .children[0]
        .children[1]
        .children[0]
    )
    # hidden elements and comments leave no space behind: "e" and "f" touch
    assert visible_text(cell) == "abc d ef g"


# ---- tables --------------------------------------------------------------------------------


def test_spans_copy_the_text_into_every_slot() -> None:
    document = body(
        "<table>",
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        colspan="2;"',
        '        "a"',
        "      <td>",
        '        rowspan="2px"',
        '        "b"',
        "    <tr>",
        "      <th>",
        '        "c"',
        "      <td>",
        '        "d"',
        "      <td>",
        '        "e"',
        "    <tr>",
        "      <td>",
        '        colspan=" +3"',
        '        rowspan="0"',
        '        "f"',
    )
    assert expected_tables(document) == [
        [["a", "a", "b", ""], ["c", "d", "b", "e"], ["f", "f", "f", ""]]
    ]


@pytest.mark.parametrize(
    ("value", "span"),
    [
        (None, 1),
        ("2", 2),
        ("2;", 2),
        ("3px", 3),
        (" \t+4", 4),
        ("0", 1),
        ("-2", 1),
        ("x2", 1),
        ("", 1),
        ("100", 100),
        ("101", 100),
        ("99999999999", 100),
        ("0000000005", 1),  # only the first 9 digits are read
    ],
)
def test_span_values_are_read_leniently(value: str | None, span: int) -> None:
    assert parse_span(value) == span


def test_rowspan_stops_at_the_end_of_its_row_group() -> None:
    document = body(
        "<table>",
        "  <thead>",
        "    <tr>",
        "      <th>",
        '        rowspan="3"',
        '        "h"',
        "      <th>",
        '        "i"',
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "a"',
        "      <td>",
        '        rowspan="5"',
        '        "b"',
        "    <tr>",
        "      <td>",
        '        "c"',
    )
    assert expected_tables(document) == [[["h", "i"], ["a", "b"], ["c", "b"]]]


def test_rowspan_stops_at_the_end_of_a_run_of_direct_rows() -> None:
    document = body(
        "<table>",
        "  <tr>",
        "    <td>",
        '      rowspan="2"',
        '      "a"',
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "b"',
    )
    assert expected_tables(document) == [[["a"], ["b"]]]


def test_thead_first_tfoot_last_whatever_the_source_order() -> None:
    document = body(
        "<table>",
        "  <tfoot>",
        "    <tr>",
        "      <td>",
        '        "foot"',
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "body 1"',
        "  <thead>",
        "    <tr>",
        "      <td>",
        '        "head"',
        "  <tr>",
        "    <td>",
        '      "direct row"',
        "  <thead>",
        "    <tr>",
        "      <td>",
        '        "second thead"',
        "  <tfoot>",
        "    <tr>",
        "      <td>",
        '        "second tfoot"',
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "body 2"',
    )
    assert expected_tables(document) == [
        [
            ["head"],
            ["body 1"],
            ["direct row"],
            ["second thead"],
            ["second tfoot"],
            ["body 2"],
            ["foot"],
        ]
    ]


def test_a_nested_table_is_its_own_table_after_its_parent() -> None:
    document = body(
        "<table>",
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "before"',
        "        <table>",
        "          <tbody>",
        "            <tr>",
        "              <td>",
        '                "inner"',
        '        "after"',
        "      <td>",
        '        "x"',
        "<table>",
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "second"',
    )
    assert expected_tables(document) == [[["before after", "x"]], [["inner"]], [["second"]]]


def test_rows_without_cells_and_tables_without_rows_are_dropped() -> None:
    document = body(
        "<table>",
        "  <caption>",
        '    "only a caption"',
        "<table>",
        "  <tbody>",
        "    <tr>",
        "<table>",
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        rowspan="2"',
        '        "a"',
        "    <tr>",
        "    <tr>",
        "      <td>",
        '        "b"',
        "      <td>",
        '        "c"',
    )
    # the empty row is gone before spans are placed, so the rowspan reaches the "b" row
    assert expected_tables(document) == [[["a", "", ""], ["a", "b", "c"]]]


def test_rows_are_padded_to_the_widest_row() -> None:
    document = body(
        "<table>",
        "  <tbody>",
        "    <tr>",
        "      <td>",
        '        "a"',
        "    <tr>",
        "      <td>",
        '        "b"',
        "      <th>",
        '        "c"',
        "      <div>",
        '        "not a cell"',
    )
    assert expected_tables(document) == [[["a", ""], ["b", "c"]]]


# ---- lists ---------------------------------------------------------------------------------


def test_nested_lists_hang_under_their_item() -> None:
    document = body(
        "<ul>",
        "  <li>",
        '    "a"',
        "    <ol>",
        "      <li>",
        '        "a1"',
        "        <menu>",
        "          <li>",
        '            "a1x"',
        "      <li>",
        '        "a2"',
        '    "tail"',
        "    <ul>",
        "      <li>",
        '        "a3"',
        "    <ul>",
        "  <li>",
        "    <div>",
        '      "b"',
        "<ol>",
        "  <li>",
        '    "one"',
    )
    assert expected_lists(document) == [
        ExpectedList(
            False,
            (
                item("a tail", item("a1", item("a1x")), item("a2"), item("a3")),
                item("b"),
            ),
        ),
        ExpectedList(True, (item("one"),)),
    ]


def test_a_list_right_inside_a_list_is_top_level() -> None:
    document = body(
        "<ul>",
        "  <li>",
        '    "a"',
        "  <ol>",
        "    <li>",
        '      "b"',
        "  <div>",
        "    <li>",
        '      "c"',
        "<menu>",
        "  <ul>",
        "    <li>",
        '      "d"',
    )
    # the <menu> has no items of its own and is dropped; its inner <ul> is listed
    assert expected_lists(document) == [
        ExpectedList(False, (item("a"), item("c"))),
        ExpectedList(True, (item("b"),)),
        ExpectedList(False, (item("d"),)),
    ]


def test_items_outside_any_list_are_ignored() -> None:
    document = body(
        "<li>",
        '  "orphan"',
        "  <ul>",
        "    <li>",
        '      "under an orphan"',
        "<ul>",
        '  "no items"',
        "<table>",
        "  <tbody>",
        "    <tr>",
        "      <td>",
        "        <ol>",
        "          <li>",
        '            "in a cell"',
    )
    # a list inside an ignored li has no item to hang under: it is top-level
    assert expected_lists(document) == [
        ExpectedList(False, (item("under an orphan"),)),
        ExpectedList(True, (item("in a cell"),)),
    ]
    assert expected_tables(document) == [[["in a cell"]]]


# ============================================================================================
# Conformance of policyparse
# ============================================================================================


def to_plain(block: Any) -> ExpectedList:
    """A policyparse ``ListBlock`` in the shape of ``expected_lists``."""

    def plain_item(list_item: Any) -> ExpectedItem:
        return ExpectedItem(list_item.text, tuple(plain_item(c) for c in list_item.children))

    return ExpectedList(bool(block.ordered), tuple(plain_item(i) for i in block.items))


@dataclass(frozen=True)
class Outcome:
    case: Case
    tables: list[list[list[str]]]
    lists: list[ExpectedList]
    actual_tables: Any = None
    actual_lists: Any = None
    error: str | None = None

    @property
    def passed(self) -> bool:
        return (
            self.error is None
            and self.actual_tables == self.tables
            and self.actual_lists == self.lists
        )

    def describe(self) -> str:
        lines = [f"FAIL {self.case.id}", f"  input:    {self.case.data!r}"]
        if self.error is not None:
            lines.append(f"  error:    {self.error}")
        if self.error is not None or self.actual_tables != self.tables:
            lines.append(f"  tables:   expected {self.tables!r}")
            lines.append(f"            actual   {self.actual_tables!r}")
        if self.error is not None or self.actual_lists != self.lists:
            lines.append(f"  lists:    expected {self.lists!r}")
            lines.append(f"            actual   {self.actual_lists!r}")
        return "\n".join(lines)


_OUTCOMES: dict[str, Outcome] = {}


def outcome(case: Case) -> Outcome:
    """The comparison for one case (computed once per session)."""
    if case.id not in _OUTCOMES:
        _OUTCOMES[case.id] = _compare(case)
    return _OUTCOMES[case.id]


def _compare(case: Case) -> Outcome:
    tables = expected_tables(case.document)
    lists = expected_lists(case.document)
    try:
        actual_tables = [
            [list(row) for row in table.rows]
            for table in policyparse.read_tables(case.data, include_layout=True)
        ]
        actual_lists = [to_plain(block) for block in policyparse.read_lists(case.data)]
    except Exception as error:  # a crash is a failing case, reported with the rest
        return Outcome(case, tables, lists, error=f"{type(error).__name__}: {error}")
    return Outcome(case, tables, lists, actual_tables, actual_lists)


def test_every_case_is_loaded() -> None:
    # the corpus README counts 1,796 cases in 60 files (57 top-level + 3 in scripted/)
    assert len(CASES) == 1796, f"expected the 1,796 cases of {CORPUS}"


def test_enough_cases_are_selected() -> None:
    assert len(SELECTED) >= 140, f"only {len(SELECTED)} selected cases in {CORPUS}"


def test_known_failures_are_selected_cases() -> None:
    ids = {case.id for case in SELECTED}
    assert sorted(set(KNOWN_FAILURES) - ids) == []


def test_conformance_rate() -> None:
    outcomes = [outcome(case) for case in SELECTED]
    failed = [result for result in outcomes if not result.passed]
    passed = len(outcomes) - len(failed)
    rate = passed / len(outcomes) if outcomes else 0.0
    report = "\n".join(
        [
            f"html5lib conformance: {passed}/{len(outcomes)} selected cases pass ({rate:.1%},"
            f" floor {CONFORMANCE_FLOOR:.0%})",
            *(result.describe() for result in failed),
        ]
    )
    print("\n" + report)
    assert rate >= CONFORMANCE_FLOOR, report


def _marked(case: Case) -> Any:
    if case.id in KNOWN_FAILURES:
        reason = (
            f"known failure: {KNOWN_FAILURES[case.id]} (if it passes, drop it from KNOWN_FAILURES)"
        )
        return pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", [_marked(case) for case in SELECTED])
def test_case_matches_browser(case: Case) -> None:
    """Every selected case outside KNOWN_FAILURES passes; every case in it still fails."""
    result = outcome(case)
    assert result.passed, result.describe()
