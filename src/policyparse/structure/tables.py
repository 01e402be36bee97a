"""A table's rows → initiatives: which column names, which describes, which rows are
headers, totals or figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..blocks import ListBlock, ListItem, Table, block_text
from ..cues import alternation
from ..models import Dropped, Initiative, Origin
from ..textutil import COMMON_WORD, is_numeric_text, length_in_words, reads_as_date, words_of
from .draft import PillarDraft
from .lists import add_list
from .names import MAX_NAME_WORDS, is_value_box

TOTAL_LABEL = re.compile(rf"^{alternation('total_labels')}", re.IGNORECASE)

# Header words for the describing column, strongest first: "Description" beats "Objective"
# when a table has both. Whole words only ("Zielgruppe", target group, is not "Ziel"). The
# words of each language are data (cues/<language>.json), as are the naming and total ones.
DESCRIBING_HEADERS = tuple(
    re.compile(rf"\b{alternation(key)}\b", re.IGNORECASE)
    for key in ("describing_headers", "objective_headers")
)

NAMING_HEADER = re.compile(alternation("naming_headers"), re.IGNORECASE)

# A column whose cells average this many words or fewer, none of them a lower-case word
# (names, codes and figures only), holds labels, not descriptions.
MAX_LABEL_WORDS = 5
MIN_LABEL_ROWS = 2


@dataclass(frozen=True)
class _Columns:
    name: int
    description: int
    headers: tuple[str, ...]


def add_table(target: PillarDraft, table: Table, index: int) -> list[Dropped]:
    """Add the table's rows as initiatives; tables of figures and total rows are reported."""
    body = [(i, row) for i, row in enumerate(table.rows) if i >= table.header_rows and any(row)]
    width = len(table.rows[0]) if table.rows else 0
    if not body or width == 0:
        # Header cells over no rows (the rows were empty): a label, kept as prose.
        target.lines.extend(cell for row in table.rows for cell in row if cell)
        return []
    headers = [_header_row_record(table, row_index) for row_index in range(table.header_rows)]
    if width == 1:
        add_list(target, _column_as_list(table, body), index)
        return [record for record in headers if record.text]
    columns = _choose_columns(table)
    unread = _unread_reason(table, columns)
    if unread or columns is None:
        return [Dropped(text=block_text(table), reason=unread, where=table.span.describe())]
    if _is_prose_grid(table):
        # Sentences in every column (a costs-and-benefits table): prose, not initiatives.
        target.lines.extend(cell for _, row in body for cell in row if cell)
        return [record for record in headers if record.text]
    dropped = headers
    for row_index, row in body:
        if _is_total_row(row):
            text, where = " ".join(c for c in row if c), table.row_span(row_index).describe()
            dropped.append(Dropped(text=text, reason="total row of a table", where=where))
        else:
            _add_row(target, table, columns, row_index, row, index)
    return dropped


def _header_row_record(table: Table, row_index: int) -> Dropped:
    """A header row's labels name the columns (attribute keys), not a measure; recorded so
    the labels of the name and description columns do not vanish."""
    text = " | ".join(cell for cell in table.rows[row_index] if cell)
    where = table.row_span(row_index).describe()
    return Dropped(text=text, reason="table header row (column labels)", where=where)


def _is_total_row(row: tuple[str, ...]) -> bool:
    """'Total | €364.5m': the sum of the rows above, not a measure of its own."""
    first = next((cell for cell in row if cell), "")
    return TOTAL_LABEL.match(first) is not None


def _is_prose_grid(table: Table) -> bool:
    """Every column holds sentences on average: no column names anything."""
    body = table.rows[table.header_rows :]
    return all(_mean_words(body, column) > MAX_NAME_WORDS for column in range(len(table.rows[0])))


def _add_row(
    target: PillarDraft,
    table: Table,
    columns: _Columns,
    row_index: int,
    row: tuple[str, ...],
    index: int,
) -> None:
    name, description = row[columns.name], row[columns.description]
    if not name or not description:
        target.lines.extend(cell for cell in row if cell)
        return
    attributes = {
        columns.headers[col]: value
        for col, value in enumerate(row)
        if value and col not in (columns.name, columns.description)
    }
    span = table.row_span(row_index)
    origin = Origin(kind="table", block=index, row=row_index, lines=span.lines, path=span.path)
    target.initiatives.append(
        Initiative(name=name, description=description, origin=origin, attributes=attributes)
    )


def _column_as_list(table: Table, body: list[tuple[int, tuple[str, ...]]]) -> ListBlock:
    items = tuple(ListItem(text=row[0], span=table.row_span(i)) for i, row in body if row[0])
    return ListBlock(items=items, span=table.span)


def _choose_columns(table: Table) -> _Columns | None:
    width = len(table.rows[0])
    headers = _header_names(table, width)
    body = table.rows[table.header_rows :]
    name = _find_header(headers, NAMING_HEADER)
    description = next(
        (
            found
            for pattern in DESCRIBING_HEADERS
            if (found := _find_header(headers, pattern, exclude=name)) is not None
        ),
        None,
    )
    if name is None:
        name = next((c for c in range(width) if c != description and not _is_figures(body, c)), 0)
    if description is None or description == name:
        candidates = [c for c in range(width) if c != name]
        description = max(candidates, key=lambda c: _mean_words(body, c))
    if _is_figures(body, description):
        return None
    return _Columns(name=name, description=description, headers=headers)


def _header_names(table: Table, width: int) -> tuple[str, ...]:
    names = []
    for column in range(width):
        label = ""
        for row in reversed(table.rows[: table.header_rows]):
            if row[column]:
                label = row[column]
                break
        names.append(label or f"column {column + 1}")
    return tuple(names)


def _find_header(
    headers: tuple[str, ...], pattern: re.Pattern[str], exclude: int | None = None
) -> int | None:
    for column, header in enumerate(headers):
        if column != exclude and not header.startswith("column ") and pattern.search(header):
            return column
    return None


def _unread_reason(table: Table, columns: _Columns | None) -> str:
    """Why the table gives no initiatives at all, or '' when its rows are read."""
    if columns is None:
        return "table of figures, no describing column"
    if _holds_only_labels(table, columns.name):
        return "table of short labels (a roster or fact box), no describing column"
    body = table.rows[table.header_rows :]
    if is_value_box([row[columns.description] for row in body if row[columns.name]]):
        return "table of labels and short values (a fact box), no describing column"
    return ""


def _holds_only_labels(table: Table, name: int) -> bool:
    """No column but the naming one says anything: every other cell is a short label made
    of names, codes and figures, without a common word ("KOS Marta", "R to D", "BEIS",
    "2024/0258(COD)", "张国华"). A roster or a lookup table, not measures with what they do
    ("Builds new lines" has words of its own)."""
    body = table.rows[table.header_rows :]
    others = [column for column in range(len(table.rows[0])) if column != name]
    filled = sum(1 for row in body if row[name] and any(row[column] for column in others))
    if filled < MIN_LABEL_ROWS:
        return False  # a roster has rows of names with labels beside them
    return all(
        _mean_length_in_words(body, column) <= MAX_LABEL_WORDS
        and not any(COMMON_WORD.search(row[column]) for row in body)
        for column in others
    )


def _mean_length_in_words(body: tuple[tuple[str, ...], ...], column: int) -> float:
    values = [row[column] for row in body if row[column]]
    return sum(length_in_words(value) for value in values) / max(len(values), 1)


def _is_figures(body: tuple[tuple[str, ...], ...], column: int) -> bool:
    values = [row[column] for row in body if row[column]]
    figures = sum(1 for value in values if is_numeric_text(value) or reads_as_date(value))
    return not values or figures * 2 > len(values)


def _mean_words(body: tuple[tuple[str, ...], ...], column: int) -> float:
    return sum(len(words_of(row[column])) for row in body) / max(len(body), 1)
