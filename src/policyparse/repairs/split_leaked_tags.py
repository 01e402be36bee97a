"""Read table markup that leaked into visible text as the breaks it meant.

Broken scrapers emit fragments such as ``td > tr >< tr >< td>`` or ``</td><td>`` (or their
entity-escaped forms, decoded by ``normalize_text`` first). Inside a table a fragment
naming ``tr`` ends the row, one naming only ``td``/``th`` ends the cell; elsewhere the
fragment is noise and is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..blocks import Block, Heading, Paragraph, Span, Table, map_item_texts
from .log import RepairLog

_TABLE_TAG = r"(?:td|th|tr|tbody|thead|tfoot|table)"
# One fragment: a whole tag ("</td>", "< tr >", '<td class="x">'), or a tag whose "<" was
# lost ("td >", "/tr>"). Attribute text is bounded so the pattern stays linear.
_FRAGMENT = (
    rf"(?:<\s*/?\s*{_TABLE_TAG}\b[^<>]{{0,100}}>"
    rf"|<\s*/?\s*{_TABLE_TAG}\b"
    rf"|/?\b{_TABLE_TAG}\s*>)"
)
LEAKED_RUN = re.compile(rf"{_FRAGMENT}(?:\s*{_FRAGMENT})*", re.IGNORECASE)
# Outside tables any leaked HTML tag is noise ("</span>", '<div class="x">').
_HTML_TAG_NAMES = (
    r"a|abbr|article|aside|b|blockquote|body|br|caption|center|cite|code|col|colgroup|dd|del|div"
    r"|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|img|ins|label|li"
    r"|link|main|mark|meta|nav|ol|p|pre|q|s|section|small|span|strong|style|sub|sup|table|tbody"
    r"|td|tfoot|th|thead|time|title|tr|u|ul"
)
LEAKED_HTML_TAG = re.compile(
    rf"<\s*/?\s*(?:{_HTML_TAG_NAMES})\b(?:\s[^<>]{{0,200}})?\s*/?\s*>", re.IGNORECASE
)
# The leaked tags that are not table structure (those are breaks, read separately).
NON_TABLE_TAG = re.compile(
    rf"<\s*/?\s*(?!(?:td|th|tr|tbody|thead|tfoot|table)\b)(?:{_HTML_TAG_NAMES})\b"
    r"(?:\s[^<>]{0,200})?\s*/?\s*>",
    re.IGNORECASE,
)
ROW_TAG = re.compile(r"\b(?:tr|tbody|thead|tfoot|table)\b", re.IGNORECASE)


def split_leaked_tags(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Turn leaked cell/row tags in tables into real breaks; strip them elsewhere.

    >>> from policyparse.blocks import Table
    >>> table = Table(rows=(("Name", "Goal"), ("A", "x. td > tr >< tr >< td>B td >", "y")))
    >>> split_leaked_tags([table], RepairLog())[0].rows
    (('Name', 'Goal'), ('A', 'x.'), ('B', 'y'))
    """
    return [_repair_block(block, log) for block in blocks]


def _repair_block(block: Block, log: RepairLog) -> Block:
    if isinstance(block, Table):
        return _repair_table(block, log)

    def strip(text: str) -> str:
        return _strip_fragments(text, block.span, log)

    if isinstance(block, Heading | Paragraph):
        text = strip(block.text)
        return block if text is block.text else replace(block, text=text)
    items = map_item_texts(block.items, strip)
    return block if items == block.items else replace(block, items=items)


def _strip_fragments(text: str, span: Span, log: RepairLog) -> str:
    if "<" not in text and ">" not in text:
        return text
    cleaned = LEAKED_HTML_TAG.sub(_gap_for, LEAKED_RUN.sub(_gap_for, text))
    cleaned = " ".join(cleaned.split())
    if cleaned != " ".join(text.split()):
        log.add("strip_leaked_tags", span, text, cleaned)
        return cleaned
    return text


def _strip_cell_tags(table: Table, log: RepairLog) -> Table:
    """Leaked tags that are not table structure ("2030.<br>Battery") leave the cells."""
    if not any("<" in cell for row in table.rows for cell in row):
        return table
    rows = tuple(tuple(_strip_other_tags(cell) for cell in row) for row in table.rows)
    if rows != table.rows:
        log.add("strip_leaked_tags", table.span, "tags in cells", "removed")
    return replace(table, rows=rows)


def _strip_other_tags(cell: str) -> str:
    if "<" not in cell:
        return cell
    return " ".join(NON_TABLE_TAG.sub(_gap_for, cell).split())


BREAKING_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|li|h[1-6]|tr|td|th)\b", re.IGNORECASE)


def _gap_for(match: re.Match[str]) -> str:
    """A removed tag leaves a space where it broke a line or separated two words."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if BREAKING_TAG.match(match.group()):  # "2030.<br>Battery", but "Katowice</div>, the"
        return " " if after.isalnum() and not before.isspace() else ""
    return " " if before.isalnum() and after.isalnum() else ""


@dataclass
class _Rebuilt:
    """Rows rebuilt from the stream: cell text, leaked breaks, and the original pipes."""

    rows: list[tuple[str, ...]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    text: str = ""
    last_was_leak: bool = False

    def end_cell(self) -> None:
        self.cells.append(self.text.strip())
        self.text = ""

    def end_row(self, span: Span) -> None:
        if any(self.cells):
            self.rows.append(tuple(self.cells))
            self.spans.append(span)
        self.cells = []

    def feed_cell(self, cell: str, span: Span) -> None:
        """One original cell: its fragments are breaks; its own end is a pipe, which a
        leaked break right before it already made (so ``td > |`` is one break, not two)."""
        position = 0
        for match in LEAKED_RUN.finditer(cell):
            self.text += cell[position : match.start()]
            if self.text.strip():
                self.end_cell()
            else:  # "<td>Name | …": a break with nothing before it opens no empty cell
                self.text = ""
            if ROW_TAG.search(match.group()):
                self.end_row(span)
            self.last_was_leak = True
            position = match.end()
        self.text += cell[position:]
        if self.last_was_leak and not self.text.strip():
            self.text = ""
        else:
            self.end_cell()
        self.last_was_leak = position > 0 and not cell[position:].strip()


def _repair_table(table: Table, log: RepairLog) -> Table:
    table = _strip_cell_tags(table, log)
    if not any(LEAKED_RUN.search(cell) for row in table.rows for cell in row):
        return table
    rebuilt = _Rebuilt()
    header_rows = table.header_rows
    for index, row in enumerate(table.rows):
        span = table.row_span(index)
        for cell in row:
            rebuilt.feed_cell(cell, span)
        rebuilt.end_row(span)
        rebuilt.last_was_leak = False
        if index + 1 == table.header_rows:
            header_rows = len(rebuilt.rows)
    before = " | ".join(" | ".join(row) for row in table.rows)
    after = " / ".join(" | ".join(row) for row in rebuilt.rows)
    log.add("split_leaked_tags", table.span, before, after)
    return replace(
        table, rows=tuple(rebuilt.rows), row_spans=tuple(rebuilt.spans), header_rows=header_rows
    )
