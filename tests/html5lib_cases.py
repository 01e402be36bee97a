"""Read the html5lib tree-construction tests and compute what a browser shows of their tables and lists.

This is the *expected* side of tests/test_html5lib_conformance.py. It is written from the harness
spec only and shares no code with policyparse: it reads the expected ``#document`` tree dump of
each case (the DOM a conforming parser builds) and derives from that tree

* ``expected_tables``: the rendered cell grid of every HTML ``table``, and
* ``expected_lists``: every HTML ``ul`` / ``ol`` / ``menu`` with its items and nested sub-lists.

The ``.dat`` format is described in the corpus README.md: cases separated by a blank line, each a
run of ``#section`` lines; ``#document`` is a tree dump, one node per line, ``| `` plus two spaces
of indentation per level; a text node (or comment) may span several physical lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Case",
    "ExpectedItem",
    "ExpectedList",
    "Node",
    "expected_lists",
    "expected_tables",
    "is_selected",
    "load_cases",
    "parse_case",
    "parse_tree",
    "visible_text",
]


# --------------------------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------------------------

DOCUMENT = "#document"
TEXT = "#text"
COMMENT = "#comment"
DOCTYPE = "#doctype"
#: The pseudo-node a dump shows for the contents of a ``<template>`` (the ``content`` line).
CONTENT = "#content"

#: Prefixes of foreign elements in a dump (``<svg path>``, ``<math mi>``).
FOREIGN_NAMESPACES = {"svg", "math"}


@dataclass
class Node:
    """One node of an expected tree.

    ``tag`` is the element's local name, or one of ``#document``, ``#text``, ``#comment``,
    ``#doctype`` and ``#content`` (a template's content pseudo-node). ``namespace`` is ``"html"``,
    ``"svg"`` or ``"math"`` (``"html"`` for non-elements). ``text`` is the data of a text node,
    comment or doctype (``""`` otherwise). Equality is structural; nodes are not hashable.
    """

    tag: str
    namespace: str = "html"
    attributes: dict[str, str] = field(default_factory=dict)
    text: str = ""
    children: list[Node] = field(default_factory=list)

    @property
    def is_element(self) -> bool:
        return not self.tag.startswith("#")

    def is_html(self, *tags: str) -> bool:
        """Whether this is an HTML-namespace element with one of ``tags``."""
        return self.namespace == "html" and self.tag in tags and self.is_element

    def iter(self) -> Iterator[Node]:
        """This node and all its descendants, in document (pre-)order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def __repr__(self) -> str:
        if self.tag in (TEXT, COMMENT, DOCTYPE):
            return f"Node({self.tag} {self.text!r})"
        prefix = "" if self.namespace == "html" else f"{self.namespace} "
        return f"Node(<{prefix}{self.tag}> {len(self.children)} children)"


@dataclass(frozen=True)
class Case:
    """One html5lib tree-construction test case.

    ``id`` is ``"<file>#<n>"`` with the file's path relative to the corpus folder
    (``"tables01.dat#3"``, ``"scripted/webkit01.dat#2"``) and ``n`` the **0-based** index of the
    case in its file. ``fragment`` is the ``#document-fragment`` context (``None`` for a whole
    document); ``script`` is ``"on"`` / ``"off"`` for ``#script-on`` / ``#script-off`` cases and
    ``None`` when the expectation holds in both modes.
    """

    id: str
    data: str
    document: Node
    fragment: str | None = None
    script: str | None = None


# --------------------------------------------------------------------------------------------
# Reading .dat files
# --------------------------------------------------------------------------------------------

CASE_SEPARATOR = "\n\n#data\n"
HEADINGS = {
    "#data",
    "#errors",
    "#new-errors",
    "#document-fragment",
    "#script-on",
    "#script-off",
    "#document",
}


def read_text(path: Path) -> str:
    """A file's text exactly as stored: UTF-8, bad bytes kept as surrogates, no newline translation."""
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def load_cases(folder: Path) -> list[Case]:
    """Every case of every ``.dat`` file in ``folder`` and its ``scripted/`` subfolder.

    Files are taken in sorted order (top-level files first, then ``scripted/``); case ids are
    ``"<relative path>#<0-based index>"``.
    """
    paths = sorted(folder.glob("*.dat")) + sorted((folder / "scripted").glob("*.dat"))
    cases: list[Case] = []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        cases.extend(parse_dat(read_text(path), name))
    return cases


def parse_dat(text: str, name: str = "<string>") -> list[Case]:
    """All cases of the text of one ``.dat`` file (see the module docstring)."""
    if not text.startswith("#data\n"):
        raise ValueError(f"{name}: does not start with '#data'")
    body = text[len("#data\n") :]
    # The file ends with a single newline: the last case's last line keeps it, strip it.
    body = body.removesuffix("\n")
    return [
        parse_case(chunk, f"{name}#{index}")
        for index, chunk in enumerate(body.split(CASE_SEPARATOR))
    ]


def parse_case(chunk: str, case_id: str) -> Case:
    """One case, given the text after its ``#data`` line (without the trailing newline)."""
    lines = chunk.split("\n")  # not splitlines(): CR, FF, U+2028... inside the input are data
    if "#errors" not in lines:
        raise ValueError(f"{case_id}: no '#errors' section")
    errors_at = lines.index("#errors")
    # The input lines up to '#errors'; joining them drops the newline of the last one.
    data = "\n".join(lines[:errors_at])
    sections: dict[str, list[str]] = {}
    heading = "#errors"
    document_at: int | None = None
    for index in range(errors_at + 1, len(lines)):
        line = lines[index]
        if line == "#document":
            document_at = index
            break
        if line in HEADINGS:
            heading = line
            sections.setdefault(heading, [])
        else:
            sections.setdefault(heading, []).append(line)
    if document_at is None:
        raise ValueError(f"{case_id}: no '#document' section")
    fragment_lines = sections.get("#document-fragment")
    fragment = fragment_lines[0] if fragment_lines else None
    script = "on" if "#script-on" in sections else "off" if "#script-off" in sections else None
    try:
        document = parse_tree("\n".join(lines[document_at + 1 :]))
    except ValueError as error:
        raise ValueError(f"{case_id}: {error}") from None
    return Case(case_id, data, document, fragment, script)


# ---- the tree dump ---------------------------------------------------------------------------

# An attribute name has no "=" after its first character; a foreign one may read "xlink href".
ATTRIBUTE = re.compile(r'(.[^=]*)="(.*)"', re.DOTALL)
DOCTYPE_LINE = re.compile(r"<!DOCTYPE (.*)>", re.DOTALL)
COMMENT_LINE = re.compile(r"<!-- (.*) -->", re.DOTALL)
ELEMENT_LINE = re.compile(r"<(?:(svg|math) )?([^ ].*)>", re.DOTALL)


def _entries(dump: str) -> list[tuple[int, str]]:
    """The logical entries of a tree dump as (depth, content) pairs.

    A physical line that does not start with ``"| "`` continues the previous entry (text nodes,
    comments and attribute values may contain newlines). So does a ``"| "`` line while the
    previous entry is a text node whose closing quote has not been seen yet.
    """
    entries: list[tuple[int, str]] = []
    for line in dump.split("\n"):
        if entries and (not line.startswith("| ") or _open_text(entries[-1][1])):
            depth, content = entries[-1]
            entries[-1] = (depth, content + "\n" + line)
            continue
        if not line.startswith("| "):
            if line == "":
                continue  # an empty dump (no nodes at all)
            raise ValueError(f"tree line without '| ': {line!r}")
        rest = line[2:]
        content = rest.lstrip(" ")
        indent = len(rest) - len(content)
        if indent % 2:
            raise ValueError(f"odd indentation: {line!r}")
        entries.append((indent // 2, content))
    return entries


def _open_text(content: str) -> bool:
    """Whether a text entry still lacks its closing quote."""
    return content.startswith('"') and (len(content) < 2 or not content.endswith('"'))


def parse_tree(dump: str) -> Node:
    """The node tree of a ``#document`` dump (the lines starting with ``| ``), under a document node.

    Attribute lines are recognised by position (one level below an element, before any of its
    children; the dump sorts them first) and shape (``name="value"``).
    """
    root = Node(DOCUMENT)
    stack: list[Node] = [root]  # stack[d] is the parent of the nodes at depth d
    for depth, content in _entries(dump):
        if depth > len(stack) - 1:
            raise ValueError(f"indentation jumps at {content!r}")
        del stack[depth + 1 :]
        parent = stack[depth]
        # An attribute line sits one level below its element, before the element's children.
        match = ATTRIBUTE.fullmatch(content)
        if match and parent.is_element and not parent.children and not content.startswith('"'):
            name, value = match.groups()
            parent.attributes[name] = value
            continue
        node = _node(content)
        parent.children.append(node)
        stack.append(node)
    return root


def _node(content: str) -> Node:
    if content.startswith('"'):
        if _open_text(content):
            raise ValueError(f"unterminated text: {content!r}")
        return Node(TEXT, text=content[1:-1])
    if content == "content":
        return Node(CONTENT)
    match = COMMENT_LINE.fullmatch(content)
    if match:
        return Node(COMMENT, text=match.group(1))
    match = DOCTYPE_LINE.fullmatch(content)
    if match:
        return Node(DOCTYPE, text=match.group(1))
    match = ELEMENT_LINE.fullmatch(content)
    if match:
        namespace, tag = match.groups()
        return Node(tag, namespace=namespace or "html")
    raise ValueError(f"unrecognised tree line: {content!r}")


# --------------------------------------------------------------------------------------------
# Selection
# --------------------------------------------------------------------------------------------

SELECTING_TAGS = ("table", "ul", "ol", "menu", "li")


def is_selected(case: Case) -> bool:
    """Whether a case is part of the conformance run.

    Dropped: fragment cases, ``#script-on`` cases, and cases whose expected tree has a foreign
    (svg / math) element, a ``<template>`` or a template ``content`` pseudo-node. Kept among the
    rest: cases whose expected tree has an HTML ``table``, ``ul``, ``ol``, ``menu`` or ``li``.
    """
    if case.fragment is not None or case.script == "on":
        return False
    nodes = list(case.document.iter())
    for node in nodes:
        if node.tag == CONTENT or (node.is_element and node.namespace != "html"):
            return False
        if node.is_html("template"):
            return False
    return any(node.is_html(*SELECTING_TAGS) for node in nodes)


# --------------------------------------------------------------------------------------------
# Visible text
# --------------------------------------------------------------------------------------------

HIDDEN = set(
    "script style noscript template svg math iframe object embed canvas select button input"
    " textarea head title meta link video audio map area source track param datalist".split()
)
BLOCKS = set(
    "address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section"
    " summary table tbody td tfoot th thead tr ul caption body html".split()
)
LISTS = ("ul", "ol", "menu")


def visible_text(node: Node, exclude: tuple[str, ...] = ()) -> str:
    """The text a reader sees in ``node``: whitespace collapsed, stripped.

    Hidden elements (and comments, doctypes) contribute nothing; block elements and ``br`` count
    as a space. The subtrees of HTML descendants whose tag is in ``exclude`` are left out too,
    each counting as one space, like a block (``node`` itself is never excluded).
    """
    pieces: list[str] = []
    _collect(node, exclude, pieces, top=True)
    return " ".join("".join(pieces).split())


def _collect(node: Node, exclude: tuple[str, ...], pieces: list[str], *, top: bool) -> None:
    if node.tag == TEXT:
        pieces.append(node.text)
        return
    if node.tag in (COMMENT, DOCTYPE):
        return
    if node.is_element:
        # Hidden elements are matched by name in any namespace (an <svg svg> is svg).
        if node.tag in HIDDEN:
            return
        if not top and node.is_html(*exclude):
            pieces.append(" ")  # the excluded table/list is still a block between its neighbours
            return
        if node.is_html("br"):
            pieces.append(" ")
            return
    block = node.is_html(*BLOCKS)
    if block:
        pieces.append(" ")
    for child in node.children:
        _collect(child, exclude, pieces, top=False)
    if block:
        pieces.append(" ")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

SPAN_CAP = 100
SPAN_VALUE = re.compile(r"[ \t\n\f\r]*\+?([0-9]{1,9})")


def parse_span(value: str | None) -> int:
    """A colspan/rowspan attribute value read leniently: ``"2;"`` → 2, ``"3px"`` → 3.

    Optional leading (ASCII) whitespace, an optional ``+``, then the leading digits (at most 9 are
    read). No digits, 0 or a negative number → 1; capped at 100.
    """
    if value is None:
        return 1
    match = SPAN_VALUE.match(value)
    if not match:
        return 1
    number = int(match.group(1))
    return 1 if number < 1 else min(number, SPAN_CAP)


def tables_of(document: Node) -> list[Node]:
    """Every HTML table element, in document (pre-)order."""
    return [node for node in document.iter() if node.is_html("table")]


def row_groups(table: Node) -> list[list[Node]]:
    """The table's row groups in rendering order, each a list of ``tr`` elements.

    The first ``thead`` child comes first, the first ``tfoot`` child last; every other
    thead/tbody/tfoot child, and each run of consecutive ``tr`` children of the table (runs are
    broken by any other element child, not by text or comments), is a body group in document
    order.
    """
    head: list[Node] | None = None
    foot: list[Node] | None = None
    body: list[list[Node]] = []
    run: list[Node] | None = None
    for child in table.children:
        if not child.is_element:
            continue
        if child.is_html("tr"):
            if run is None:
                run = []
                body.append(run)
            run.append(child)
            continue
        run = None
        if child.is_html("thead", "tbody", "tfoot"):
            rows = [row for row in child.children if row.is_html("tr")]
            if child.tag == "thead" and head is None:
                head = rows
            elif child.tag == "tfoot" and foot is None:
                foot = rows
            else:
                body.append(rows)
    groups = ([head] if head is not None else []) + body + ([foot] if foot is not None else [])
    return groups


def cells_of(row: Node) -> list[Node]:
    return [cell for cell in row.children if cell.is_html("td", "th")]


def table_rows(table: Node) -> list[list[str]]:
    """The rendered grid of one table: spans copied into every slot they cover, rows padded."""
    grid: list[list[str | None]] = []
    for group in row_groups(table):
        rows = [row for row in group if cells_of(row)]
        start = len(grid)
        grid.extend([] for _ in rows)
        for offset, row in enumerate(rows):
            slots = grid[start + offset]
            column = 0
            for cell in cells_of(row):
                while column < len(slots) and slots[column] is not None:
                    column += 1  # taken by a rowspan from above
                text = visible_text(cell, exclude=("table",))
                colspan = parse_span(cell.attributes.get("colspan"))
                rowspan = parse_span(cell.attributes.get("rowspan"))
                last_row = min(offset + rowspan, len(rows))  # clipped at the group's end
                for target in grid[start + offset : start + last_row]:
                    for x in range(column, column + colspan):
                        if len(target) <= x:
                            target.extend([None] * (x + 1 - len(target)))
                        if target[x] is None:  # an overlap keeps the cell placed first
                            target[x] = text
                column += colspan
    width = max((len(row) for row in grid), default=0)
    return [[slot or "" for slot in row] + [""] * (width - len(row)) for row in grid]


def expected_tables(document: Node) -> list[list[list[str]]]:
    """The rows of every table of the document that has at least one row, in document order."""
    return [rows for rows in map(table_rows, tables_of(document)) if rows]


# --------------------------------------------------------------------------------------------
# Lists
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpectedItem:
    text: str
    children: tuple[ExpectedItem, ...] = ()


@dataclass(frozen=True)
class ExpectedList:
    ordered: bool
    items: tuple[ExpectedItem, ...]


def expected_lists(document: Node) -> list[ExpectedList]:
    """Every top-level list of the document with its items, sub-lists folded into their items.

    * The items of a list L are the ``li`` elements whose nearest ul/ol/menu ancestor is L.
    * A list whose nearest ancestor among li/ul/ol/menu is an ``li`` is nested: its items
      become children of that li. Every other list is top-level (also a list right inside a
      list with no li between); top-level lists without items are dropped.
    * ``li`` elements outside any list are ignored. A list whose nearest li/ul/ol/menu ancestor
      is such an ignored li is top-level: it is on screen, and there is no item to hang it on.
    """
    items_of: dict[int, list[Node]] = {}  # id(list element) -> its li items
    nested_in: dict[int, list[Node]] = {}  # id(li item) -> the lists nested in it
    top: list[Node] = []

    def walk(node: Node, nearest_list: Node | None, nearest_marker: Node | None) -> None:
        for child in node.children:
            if child.is_html(*LISTS):
                items_of[id(child)] = []
                if nearest_marker is not None and id(nearest_marker) in nested_in:
                    nested_in[id(nearest_marker)].append(child)
                else:
                    top.append(child)
                walk(child, child, child)
            elif child.is_html("li"):
                if nearest_list is not None:  # else an ignored li, outside any list
                    items_of[id(nearest_list)].append(child)
                    nested_in[id(child)] = []
                walk(child, nearest_list, child)
            else:
                walk(child, nearest_list, nearest_marker)

    walk(document, None, None)

    def item(li: Node) -> ExpectedItem:
        children = tuple(
            item(sub) for lst in nested_in.get(id(li), []) for sub in items_of[id(lst)]
        )
        return ExpectedItem(visible_text(li, exclude=LISTS), children)

    return [
        ExpectedList(lst.tag == "ol", tuple(item(li) for li in items_of[id(lst)]))
        for lst in top
        if items_of[id(lst)]
    ]
