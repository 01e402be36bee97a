"""Read ``<table>`` elements into rectangular grids, spans expanded (pandas semantics)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from ..blocks import Block, Span, Table
from .chrome import is_hidden
from .text import HEADING_TAGS, join_path, subtree_text

# trafilatura's cap: no real table spans more; a bigger value is an error or an attack.
MAX_SPAN = 100
# Slots in one row; cells past them join the last slot (no real table is this wide).
MAX_COLUMNS = 200
LEADING_INTEGER = re.compile(r"\s*\+?(\d{1,9})")
SECTION_TAGS = frozenset({"thead", "tbody", "tfoot"})
NESTED_TABLE = frozenset({"table"})
# A table with no header markup one of whose cells holds this many paragraphs wraps an
# article. (Counted per cell: CMS editors wrap every cell's text in a <p>, and a grid of
# such cells is data.)
LAYOUT_PARAGRAPHS = 3


def parse_span(value: str | None) -> int:
    """Read a colspan/rowspan leniently and cap it: '2;' → 2, '3px' → 3, '' or '-1' → 1.

    >>> [parse_span(v) for v in ("2", "2;", "3px", "", "-4", "1e9", None, "999")]
    [2, 2, 3, 1, 1, 1, 1, 100]
    """
    match = LEADING_INTEGER.match(value or "")
    if not match:
        return 1
    number = int(match.group(1))
    return min(max(number, 1), MAX_SPAN)


def is_layout_table(node: LexborNode) -> bool:
    """A table used to place the page rather than to hold data.

    Readability's signals, in its order: an explicit role; a summary, caption, header or
    column markup says data; then what the cells hold (headings, lists, nested tables,
    several paragraphs say layout); then the shape (one column is a stack of boxes).
    """
    if node.attributes.get("role") in ("presentation", "none"):
        return True
    rows = _rows(node)
    if len(rows) == 1 and len(_cells(rows[0].node)) <= 1:
        return True  # a one-cell table is a box around its content
    if node.attributes.get("summary") or _has_data_markup(node):
        return False
    if _holds_page_content(node, rows) or _is_link_grid(node):
        return True
    # One row or one column: a strip of boxes, not a grid of records.
    return len(rows) == 1 or all(len(_cells(row.node)) <= 1 for row in rows)


def _is_link_grid(node: LexborNode) -> bool:
    """Mostly links: a navigation grid (a menu, a list of related pages), not records."""
    run, _ = subtree_text(node, stop_tags=NESTED_TABLE)
    return run.chars >= LINK_GRID_MIN_CHARS and run.link_chars >= LINK_GRID_DENSITY * run.chars


# Share of a table's visible text inside links above which it is navigation, as in
# Readability's link-density test; tables shorter than the minimum say too little.
LINK_GRID_DENSITY = 0.7
LINK_GRID_MIN_CHARS = 20


def _holds_page_content(node: LexborNode, rows: list[_Row]) -> bool:
    """Headings, lists or a nested table in the cells, or a cell of several paragraphs."""
    if any(tag in LAYOUT_MARKUP for tag in _descendant_tags(node)):
        return True
    return any(
        sum(tag == "p" for tag in _descendant_tags(cell)) >= LAYOUT_PARAGRAPHS
        for row in rows
        for cell in _cells(row.node)
    )


LAYOUT_MARKUP = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
# How many descendants the layout check looks at; a page-wrapping table shows its
# headings or paragraphs long before this, and the check stays linear.
LAYOUT_SCAN_NODES = 5000


def _has_data_markup(table: LexborNode) -> bool:
    """A caption, thead, tfoot or column markup, or th cells in the table's own rows (not
    in nested tables)."""
    child = table.child
    while child is not None:
        if child.tag in ("caption", "thead", "tfoot", "colgroup", "col"):
            return True
        child = child.next
    return any(cell.tag == "th" for row in _rows(table) for cell in _cells(row.node))


def _descendant_tags(node: LexborNode) -> Iterator[str]:
    """Tags below ``node`` in document order, at most ``LAYOUT_SCAN_NODES`` of them."""
    stack = [node.child] if node.child is not None else []
    seen = 0
    while stack and seen < LAYOUT_SCAN_NODES:
        current = stack.pop()
        if current.next is not None:
            stack.append(current.next)
        tag = current.tag or ""
        if tag.startswith(("-", "_")):
            continue
        seen += 1
        yield tag
        if current.child is not None:
            stack.append(current.child)


@dataclass
class TableReading:
    """The table blocks (the table, then its nested tables) and, when the last cell
    swallowed the page after an unclosed table, where that page content starts."""

    blocks: list[Block] = field(default_factory=list)
    # (first swallowed element, the cell holding it): the reader walks from one to the other.
    overflow: list[tuple[LexborNode, LexborNode]] = field(default_factory=list)


def read_table(node: LexborNode, path: str, chrome: str) -> TableReading:
    """The table block, then each table nested in its cells (document order, iteratively)."""
    reading = TableReading()
    pending = [(node, path)]
    while pending:
        table_node, table_path = pending.pop(0)
        table, nested, overflow = _read_one(table_node, table_path, chrome)
        if table is not None:
            reading.blocks.append(table)
        if overflow is not None:
            reading.overflow.append(overflow)
        pending[0:0] = [
            (child, join_path(table_path, f"/table[{i}]")) for i, child in enumerate(nested, 1)
        ]
    return reading


@dataclass
class _Grid:
    """A table being read: placed rows, spans still open, what the cells held."""

    rows: list[list[str | None]] = field(default_factory=list)
    carry: dict[int, tuple[str, int]] = field(default_factory=dict)  # column → (text, rows left)
    row_spans: list[Span] = field(default_factory=list)
    header_rows: int = 0
    bold_header: bool = False  # the header is a first row of bold cells, not markup
    counting_header: bool = True
    nested: list[LexborNode] = field(default_factory=list)
    overflow: tuple[LexborNode, LexborNode] | None = None
    chars: int = 0
    links: int = 0


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int
    rowspan: int
    is_th: bool
    is_bold: bool  # every visible character of the cell sits in <b>/<strong>


def read_grid(node: LexborNode, path: str) -> Table | None:
    """The table as a browser shows it: every cell whole (no overflow detection), nested
    tables' text left out; None when it has no row with a cell."""
    return _read_one(node, path, "", take_back_overflow=False)[0]


def _read_one(
    node: LexborNode, path: str, chrome: str, take_back_overflow: bool = True
) -> tuple[Table | None, list[LexborNode], tuple[LexborNode, LexborNode] | None]:
    grid = _Grid()
    rows = _rows(node)
    group = 0
    for index, row in enumerate(rows, 1):
        if row.group != group:
            grid.carry.clear()  # a rowspan ends with its row group, as in a browser
            group = row.group
        # An unclosed table swallows the rest of the page into its last cell; a heading
        # there starts the swallowed part, which the reader takes back into the flow.
        last = index == len(rows) and take_back_overflow
        halt = HEADING_TAGS if last else frozenset()
        cells = [_read_cell(cell, grid, halt) for cell in _cells(row.node)]
        if cells:
            _add_row(grid, cells, row.in_head, Span(path=join_path(path, f"tr[{index}]")))
    grid_rows = _rectangular(grid.rows)
    if not grid_rows:
        return None, grid.nested, grid.overflow
    if grid.bold_header and len(grid_rows) < 2:
        grid.header_rows = 0  # one bold row is an emphasised row, not a header
    table = Table(
        rows=grid_rows,
        header_rows=min(grid.header_rows, len(grid_rows)),
        row_spans=tuple(grid.row_spans),
        caption=_caption(node),
        span=Span(path=path),
        chrome=chrome,
        link_ratio=grid.links / grid.chars if grid.chars else 0.0,
    )
    return table, grid.nested, grid.overflow


def _read_cell(cell: LexborNode, grid: _Grid, halt: frozenset[str]) -> Cell:
    run, stopped = subtree_text(cell, stop_tags=NESTED_TABLE, halt_tags=halt)
    if stopped and stopped[-1].tag in HEADING_TAGS:
        grid.overflow = (stopped.pop(), cell)
    grid.nested.extend(stopped)
    grid.chars += run.chars
    grid.links += run.link_chars
    colspan = parse_span(cell.attributes.get("colspan"))
    rowspan = parse_span(cell.attributes.get("rowspan"))
    text = " ".join(run.text().split())
    return Cell(text, colspan, rowspan, cell.tag == "th", run.is_all_bold())


def _add_row(grid: _Grid, cells: list[Cell], in_head: bool, span: Span) -> None:
    grid.rows.append(_place_row(cells, grid.carry))
    grid.row_spans.append(span)
    is_header = in_head or (bool(cells) and all(cell.is_th for cell in cells))
    if len(grid.rows) == 1 and not is_header and _is_bold_row(cells):
        is_header = grid.bold_header = True
    if grid.counting_header and is_header:
        grid.header_rows += 1
    else:
        grid.counting_header = False


def _is_bold_row(cells: list[Cell]) -> bool:
    """A first row whose every non-empty cell is bold: the header a page styled by hand."""
    filled = [cell for cell in cells if cell.text]
    return len(filled) >= 2 and all(cell.is_bold for cell in filled)


def _caption(table: LexborNode) -> str:
    caption = table.css_first("caption")
    return " ".join(subtree_text(caption)[0].text().split()) if caption is not None else ""


@dataclass(frozen=True)
class _Row:
    node: LexborNode
    in_head: bool
    group: int  # row group: a thead/tbody/tfoot, or a run of tr children of the table


def _rows(table: LexborNode) -> list[_Row]:
    """The table's own rows in the order a browser renders them: the first ``<thead>``,
    then bodies and bare rows in document order, then the first ``<tfoot>``."""
    head: list[_Row] = []
    body: list[_Row] = []
    foot: list[_Row] = []
    group, in_run = 0, False
    child = table.child
    while child is not None:
        if is_hidden(child):
            pass  # a hidden row or row group is not shown
        elif child.tag == "tr":
            group += not in_run
            in_run = True
            body.append(_Row(child, False, group))
        elif child.tag in SECTION_TAGS:
            group, in_run = group + 1, False
            if child.tag == "thead" and not head:
                head = _group_rows(child, True, group)
            elif child.tag == "tfoot" and not foot:
                foot = _group_rows(child, False, group)
            else:
                body += _group_rows(child, False, group)
        child = child.next
    return head + body + foot


def _group_rows(section: LexborNode, in_head: bool, group: int) -> list[_Row]:
    rows = []
    row = section.child
    while row is not None:
        if row.tag == "tr" and not is_hidden(row):
            rows.append(_Row(row, in_head, group))
        row = row.next
    return rows


def _cells(row: LexborNode) -> list[LexborNode]:
    cells = []
    cell = row.child
    while cell is not None:
        if cell.tag in ("td", "th") and not is_hidden(cell):
            cells.append(cell)
        cell = cell.next
    return cells


def _place_row(cells: list[Cell], carry: dict[int, tuple[str, int]]) -> list[str | None]:
    """Place one row's cells into grid slots, honouring spans carried from rows above.

    Past ``MAX_COLUMNS`` slots, the remaining cells' text joins the last slot: the grid
    stays bounded and no text is lost.
    """
    row: list[str | None] = []
    queue = deque(cells)
    while (queue or any(col >= len(row) for col in carry)) and len(row) < MAX_COLUMNS:
        column = len(row)
        if column in carry:
            text, remaining = carry.pop(column)
            row.append(text)
            if remaining > 1:
                carry[column] = (text, remaining - 1)
        elif not queue:
            row.append(None)
        else:
            cell = queue.popleft()
            text, colspan, rowspan = cell.text, cell.colspan, cell.rowspan
            for slot in range(column, min(column + colspan, MAX_COLUMNS)):
                row.append(text)
                if rowspan > 1:
                    carry[slot] = (text, rowspan - 1)
    if queue:
        overflow = " ".join(cell.text for cell in queue if cell.text)
        row[-1] = f"{row[-1] or ''} {overflow}".strip()
    return row


def _rectangular(grid: list[list[str | None]]) -> tuple[tuple[str, ...], ...]:
    width = max((len(row) for row in grid), default=0)
    return tuple(tuple((cell or "") for cell in row) + ("",) * (width - len(row)) for row in grid)
