"""Find the header row of a table that has no header markup, by how its first row reads."""

from __future__ import annotations

import re
from dataclasses import replace

from ..blocks import Block, Table
from ..textutil import ends_with_punctuation, is_numeric_text, words_of
from .log import RepairLog

HEADER_WORDS = re.compile(
    r"\b(?:name|initiatives?|programm?es?|programs?|measures?|polic(?:y|ies)|descriptions?"
    r"|purpose|details?|impact|objectives?|goals?|aims?|budget|timeline|timeframe|status"
    r"|areas?|pillars?|projects?|schemes?|actions?|targets?|costs?|year|date|deadline|lead"
    r"|agency|responsible|ministry|department|funding|outcomes?|scope|type|category|components?"
    r"|elements?|priority|priorities|commitments?|what|who|when|how|summary|notes?|owner"
    r"|massnahmen?|maßnahmen?|beschreibung|ziele?|medidas?|descripción|objetivo)\b",
    re.IGNORECASE,
)
# A header cell is a label: a few words, no sentence.
MAX_HEADER_CELL_WORDS = 6


def mark_header_rows(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Call the first row a header when its cells read as column labels.

    >>> from policyparse.blocks import Table
    >>> rows = (("Programme", "Description"), ("Rail Fund", "Builds new lines."))
    >>> mark_header_rows([Table(rows=rows)], RepairLog())[0].header_rows
    1
    """
    return [_mark(block, log) if isinstance(block, Table) else block for block in blocks]


def _mark(table: Table, log: RepairLog) -> Table:
    if table.header_rows or len(table.rows) < 2 or not reads_as_header_row(table.rows):
        return table
    log.add("mark_header_rows", table.row_span(0), " | ".join(table.rows[0]), "header row")
    return replace(table, header_rows=1)


def reads_as_header_row(rows: tuple[tuple[str, ...], ...]) -> bool:
    first = rows[0]
    cells = [cell for cell in first if cell]
    if len(cells) < 2 or any(not _is_label(cell) for cell in cells):
        return False
    if any(HEADER_WORDS.search(cell) for cell in cells):
        return True
    # Without a header word, the labels must be much shorter than the text below them.
    first_words = sum(len(words_of(cell)) for cell in cells)
    body_words = [sum(len(words_of(cell)) for cell in row) for row in rows[1:]]
    return bool(body_words) and min(body_words) >= 2 * first_words


def _is_label(cell: str) -> bool:
    words = words_of(cell)
    return (
        0 < len(words) <= MAX_HEADER_CELL_WORDS
        and not ends_with_punctuation(cell)
        and not is_numeric_text(cell)
    )
