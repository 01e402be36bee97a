"""Layout text as w3m, lynx and inscriptis print it → one logical line per block.

A layout renderer prints the page as a terminal shows it:
- paragraphs wrapped at a fixed width: a line was wrapped when the next line's first word
  would not have fitted after it, so it goes on on the next line; a line that stopped short
  ended its block (a date line, a heading, a ``<br>``);
- list items with a hanging indent: a line indented to an item's text column continues the
  item, whatever its first character (a capital, a digit, Hangul);
- lynx prints headings at the left margin and all other text indented: a short block at the
  margin of a text whose body is indented is a heading;
- lynx marks nested items with ``+``, ``o`` and ``#`` instead of ``*``.
Tables (box drawings, aligned columns) are taken out before this runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..textutil import words_of
from .dialect import display_width
from .lines import SourceLine

ITEM = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[-*•·◦▪‣+o#]|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\))(?P<gap>\s+)\S"
)
# lynx's markers for nested levels; elsewhere "+" or "o" opening a line is text.
NESTED_MARKERS = ("+", "o", "#")
MIN_NESTED_INDENT = 4
# A heading at the margin is short: a longer block there is text the page did not indent.
MAX_MARGIN_HEADING_WORDS = 25
# The body indent lynx uses; a text whose usual indent is less has no margin headings.
MIN_BODY_INDENT = 2


@dataclass
class _Block:
    line: SourceLine
    indent: int
    # Where an item's text starts (its continuation lines are indented to here); -1: prose.
    text_column: int
    # The display width of the block's last physical line: did the next word fit after it?
    last_width: int


def read_layout_lines(lines: Sequence[SourceLine], width: int) -> list[SourceLine]:
    """Join wrapped lines and hanging-indent continuations; mark margin headings.

    >>> text = ["  • Rail Fund: Raising the share of national inputs in",
    ...         "    Northern lines by 2030.", "  • Jobs: More jobs."]
    >>> for line in read_layout_lines([SourceLine(n, t) for n, t in enumerate(text, 1)], 56):
    ...     print(line.text)
      • Rail Fund: Raising the share of national inputs in Northern lines by 2030.
      • Jobs: More jobs.
    """
    blocks: list[_Block] = []
    open_block = False
    for line in lines:
        if not line.text.strip():
            open_block = False
            continue
        line = _plain_nested_marker(line)
        if open_block and _continues(blocks[-1], line, width):
            _extend(blocks[-1], line)
        else:
            blocks.append(_start(line))
        open_block = True
    return _mark_margin_headings(blocks, width)


def _plain_nested_marker(line: SourceLine) -> SourceLine:
    match = ITEM.match(line.text)
    if not match or match.group("marker") not in NESTED_MARKERS:
        return line
    if len(match.group("indent")) < MIN_NESTED_INDENT:
        return line
    start = match.start("marker")
    return SourceLine(line.number, f"{line.text[:start]}-{line.text[start + 1 :]}", line.last)


def _start(line: SourceLine) -> _Block:
    indent = len(line.text) - len(line.text.lstrip())
    match = ITEM.match(line.text)
    column = match.end("gap") if match else -1
    return _Block(line, indent, column, display_width(line.text))


def _continues(block: _Block, line: SourceLine, width: int) -> bool:
    if ITEM.match(line.text) and _is_real_item(line):
        return False
    if "|" in line.text or "|" in block.line.text:
        return False  # pipe table rows are rows, however long
    indent = len(line.text) - len(line.text.lstrip())
    if block.text_column >= 0:
        return indent == block.text_column
    if indent != block.indent or not width:
        return False
    first_word = line.text.split(maxsplit=1)[0]
    return block.last_width + 1 + display_width(first_word) > width


def _is_real_item(line: SourceLine) -> bool:
    """'o' or '#' at a line's start is lynx's marker only when indented like one."""
    match = ITEM.match(line.text)
    if match is None:
        return False
    return (
        match.group("marker") not in NESTED_MARKERS
        or len(match.group("indent")) >= MIN_NESTED_INDENT
    )


def _extend(block: _Block, line: SourceLine) -> None:
    block.line = block.line.joined(line)
    block.last_width = display_width(line.text)


def _mark_margin_headings(blocks: list[_Block], width: int) -> list[SourceLine]:
    """lynx: body text indented, headings at the margin (only in wrapped text: inscriptis
    indents by the page's layout, not by block kind)."""
    prose_indents = Counter(block.indent for block in blocks if block.text_column < 0)
    # The most common indent of prose; on a tie the deeper one (headings are the few).
    body_indent = max(prose_indents, key=lambda indent: (prose_indents[indent], indent), default=0)
    result = []
    for block in blocks:
        text = block.line.text
        is_heading = (
            width > 0
            and body_indent >= MIN_BODY_INDENT
            and block.indent < body_indent
            and block.text_column < 0
            and len(words_of(text)) <= MAX_MARGIN_HEADING_WORDS
        )
        if is_heading:
            text = f"## {text.strip()}"
        result.append(SourceLine(block.line.number, text, block.line.last))
    return result
