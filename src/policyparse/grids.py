"""Tables and lists as a product: the grids and item trees a browser shows, repaired.

HTML is read from lexbor's tree — the tree a browser builds from the same broken markup —
so misnested and unclosed tags end up where a browser puts them. Scraped text is read by
the text reader and its repair passes, so a table flattened to pipes or leaked tags comes
back as a grid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import blocks
from .html.depth import guarded_markup
from .html.tables import is_layout_table, read_grid
from .html.text import subtree_text
from .load import load
from .options import DEFAULT, ParseOptions
from .repairs import RepairLog, run_passes
from .repairs.mark_header_rows import reads_as_header_row
from .rows import import_pandas
from .text.reader import read_text

if TYPE_CHECKING:
    import pandas

LIST_TAGS = frozenset({"ul", "ol", "menu"})
# Lists nested deeper than this hang their items on the item at this depth: the records
# stay shallow enough to serialise, and no item is lost.
MAX_LIST_DEPTH = 32


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Frozen):
    """Where a table or list starts: a 1-based source line and, for HTML, an element path."""

    line: int | None = None
    path: str | None = None


class Table(_Frozen):
    """A table as its reader sees it: every row in rendering order, header rows first,
    rectangular after span expansion (a spanned cell's text in every slot it covers)."""

    rows: list[list[str]]
    header_rows: int = Field(default=0, ge=0)
    caption: str = ""
    is_layout: bool = False
    origin: Location = Location()

    @property
    def header(self) -> list[list[str]]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> list[list[str]]:
        return self.rows[self.header_rows :]

    def to_dataframe(self) -> pandas.DataFrame:
        """The table as a DataFrame: header rows as columns (a MultiIndex when there are
        several), body rows as data, all strings. Needs ``policyparse[pandas]``."""
        pandas = import_pandas("Table.to_dataframe")
        if self.header_rows == 0:
            return pandas.DataFrame(self.body)
        if self.header_rows == 1:
            return pandas.DataFrame(self.body, columns=self.rows[0])
        columns = pandas.MultiIndex.from_arrays(self.header)
        return pandas.DataFrame(self.body, columns=columns)


class ListItem(_Frozen):
    text: str
    children: list[ListItem] = []


class ListBlock(_Frozen):
    items: list[ListItem]
    ordered: bool = False
    origin: Location = Location()


def read_tables(
    source: Any, *, include_layout: bool = False, options: ParseOptions = DEFAULT
) -> list[Table]:
    """Every table of ``source`` in document order, a nested table right after its parent.

    Layout tables (used to place the page, not to hold data) are left out unless
    ``include_layout``. ``source`` is anything :func:`policyparse.parse` takes.

    >>> [t.rows for t in read_tables("<table><tr><td colspan=2>a<td>b<tr><td>c<td>d</table>")]
    [[['a', 'a', 'b'], ['c', 'd', '']]]
    """
    loaded = load(source, max_bytes=options.max_bytes)
    if loaded.format == "html":
        tables = list(_html_tables(loaded.text))
    else:
        tables = [_table_of(block) for block in _text_blocks(loaded.text, options, blocks.Table)]
    return [table for table in tables if include_layout or not table.is_layout]


def read_lists(source: Any, *, options: ParseOptions = DEFAULT) -> list[ListBlock]:
    """Every list of ``source`` in document order, nested lists as their items' children.

    >>> [[i.text for i in l.items] for l in read_lists("<ul><li>a<li>b<ul><li>c</ul></ul>")]
    [['a', 'b']]
    """
    loaded = load(source, max_bytes=options.max_bytes)
    if loaded.format == "html":
        return _html_lists(loaded.text)
    return [_list_of(block) for block in _text_blocks(loaded.text, options, blocks.ListBlock)]


def _text_blocks(text: str, options: ParseOptions, kind: type[Any]) -> list[Any]:
    repaired = run_passes(read_text(text), RepairLog(), options.disabled_passes)
    return [block for block in repaired if isinstance(block, kind)]


def _table_of(block: blocks.Table) -> Table:
    return Table(
        rows=[list(row) for row in block.rows],
        header_rows=block.header_rows,
        caption=block.caption,
        origin=_location(block.span),
    )


def _list_of(block: blocks.ListBlock) -> ListBlock:
    return ListBlock(
        items=[_item_of(item) for item in block.items],
        ordered=block.ordered,
        origin=_location(block.span),
    )


def _item_of(item: blocks.ListItem) -> ListItem:
    return ListItem(text=item.text, children=[_item_of(child) for child in item.children])


def _location(span: blocks.Span) -> Location:
    return Location(line=span.lines[0] if span.lines else None, path=span.path)


# -- HTML tables ----------------------------------------------------------------------------


def _html_tables(text: str) -> Iterator[Table]:
    tree = LexborHTMLParser(guarded_markup(text)[0])
    nodes = tree.css("table")
    lines = table_start_lines(text, len(nodes))
    for index, node in enumerate(nodes):
        path = element_path(node)
        grid = read_grid(node, path)
        if grid is None:
            continue
        header_rows = grid.header_rows
        if not header_rows and len(grid.rows) > 1 and reads_as_header_row(grid.rows):
            header_rows = 1  # a first row of labels, as the records read it
        yield Table(
            rows=[list(row) for row in grid.rows],
            header_rows=header_rows,
            caption=grid.caption,
            is_layout=is_layout_table(node),
            origin=Location(line=lines[index] if lines else None, path=path),
        )


# Where raw text starts: the content of these elements is not markup, so a "<table" in it
# is not a table. Comments too.
RAW_TEXT = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b.*?"
    r"(?:</\1\s*>|\Z)|<plaintext\b.*",
    re.IGNORECASE | re.DOTALL,
)
TABLE_START = re.compile(r"<table[\s/>]", re.IGNORECASE)


def table_start_lines(text: str, expected: int) -> list[int] | None:
    """1-based lines of the ``<table`` start tags, when they pair one to one with the
    parsed tables (they do unless markup hides one); else None: a line is never guessed.

    >>> table_start_lines("<p>\\n<table><tr><td>a</table>\\n<!-- <table> -->\\n<table>", 2)
    [2, 4]
    """
    masked = RAW_TEXT.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)
    starts = [match.start() for match in TABLE_START.finditer(masked)]
    if len(starts) != expected:
        return None
    lines, line, position = [], 1, 0
    for start in starts:
        line += masked.count("\n", position, start)
        position = start
        lines.append(line)
    return lines


def element_path(node: LexborNode) -> str:
    """``body/div[2]/table[1]``: each step the tag and its index among same-tag siblings."""
    steps = []
    current: LexborNode | None = node
    while current is not None and current.tag not in (None, "html", "-undef", "#document"):
        steps.append(f"{current.tag}[{_same_tag_index(current)}]")
        current = current.parent
    steps.reverse()
    if steps and steps[0] == "body[1]":
        steps[0] = "body"
    return "/".join(steps)


def _same_tag_index(node: LexborNode) -> int:
    index = 1
    sibling = node.prev
    while sibling is not None:
        index += sibling.tag == node.tag
        sibling = sibling.prev
    return index


# -- HTML lists -----------------------------------------------------------------------------


@dataclass
class _Item:
    text: str
    depth: int
    siblings: list[_Item]
    children: list[_Item] = field(default_factory=list)


@dataclass
class _List:
    node: LexborNode
    items: list[_Item]
    depth: int  # depth its items get


@dataclass(frozen=True)
class _Context:
    in_list: _List | None = None
    in_item: _Item | None = None  # the li nearer than any list, if any


def _html_lists(text: str) -> list[ListBlock]:
    """Lists in document order; a list whose nearest list-or-item ancestor is an ``li``
    is nested: its items become that item's children. One iterative walk."""
    tree = LexborHTMLParser(guarded_markup(text)[0])
    top: list[_List] = []
    stack: list[tuple[LexborNode, _Context]] = []
    if tree.root is not None:
        stack.append((tree.root, _Context()))
    while stack:
        node, context = stack.pop()
        tag = node.tag or ""
        if tag in LIST_TAGS:
            context = _enter_list(node, context, top)
        elif tag == "li" and context.in_list is not None:
            owner = context.in_list
            item = _Item(_item_text(node), owner.depth, owner.items)
            owner.items.append(item)
            context = _Context(owner, item)
        child = node.last_child
        while child is not None:
            stack.append((child, context))
            child = child.prev
    return [_freeze_list(found) for found in top if found.items]


def _enter_list(node: LexborNode, context: _Context, top: list[_List]) -> _Context:
    parent = context.in_item
    if parent is None:
        found = _List(node, [], 0)
        top.append(found)
    elif parent.depth + 1 < MAX_LIST_DEPTH:
        found = _List(node, parent.children, parent.depth + 1)
    else:  # too deep: the items join their parent's level
        found = _List(node, parent.siblings, parent.depth)
    return _Context(found, None)


def _item_text(item: LexborNode) -> str:
    run, _ = subtree_text(item, stop_tags=LIST_TAGS)
    return " ".join(run.text().split())


def _freeze_list(found: _List) -> ListBlock:
    return ListBlock(
        items=[_freeze(item) for item in found.items],
        ordered=found.node.tag == "ol",
        origin=Location(path=element_path(found.node)),
    )


def _freeze(item: _Item) -> ListItem:
    # Recursion is bounded by MAX_LIST_DEPTH.
    return ListItem(text=item.text, children=[_freeze(child) for child in item.children])
