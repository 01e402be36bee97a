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

from ..textutil import ends_with_punctuation, length_in_words, words_of
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
# Ideographic and em spaces open a Chinese paragraph as typed, not as laid out.
TYPED_INDENT = "\u3000\u2003"
FULL_STOPS = (".", "。")
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
    # A name standing alone on an item's or a term's first line, the text under it its
    # description: "1. Advanced Manufacturing" / "   Expanding petrochemicals…".
    name: str = ""
    physical_lines: int = 1


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
    after_blank = False
    body = _body_indent(lines)
    for line in lines:
        if not line.text.strip():
            open_block, after_blank = False, bool(blocks)
            continue
        line = _plain_nested_marker(line)
        if open_block and _is_definition(blocks[-1], line, body):
            _open_definition(blocks[-1], line)
        elif (open_block or (after_blank and _item_paragraph_follows(blocks[-1], line))) and (
            _continues(blocks[-1], line, width, body)
        ):
            _extend(blocks[-1], line, width)
        else:
            blocks.append(_start(line))
        open_block, after_blank = True, False
    return _mark_margin_headings(blocks, width)


# A term or an item name on a line of its own is short and not a sentence.
MAX_NAME_WORDS = 8
# A definition's description is indented under its term by at least this much (w3m: 4,
# lynx: 7 columns).
MIN_DEFINITION_INDENT = 2


def _reads_as_name(text: str) -> bool:
    words = words_of(text)
    return 0 < len(words) <= MAX_NAME_WORDS and not ends_with_punctuation(text.strip())


# A line of prose: this many words at least. Menu entries, link lists and the labels of a
# page's layout table are shorter, and on a full page they outnumber the article's lines
# (w3m indents a layout table's cells: a fema.gov page's menus stand 10 columns in).
MIN_PROSE_LINE_WORDS = 6


def _body_indent(lines: Sequence[SourceLine]) -> int:
    """The indent of most prose lines (lynx's margin, inscriptis's layout offset, w3m's 0),
    not counting lines under an item's text, nor short lines (menus, labels)."""
    indents: Counter[int] = Counter()
    item_column = -1
    for line in lines:
        match = ITEM.match(line.text)
        indent = layout_indent(line.text)
        if match:
            item_column = match.end("gap")
        elif indent != item_column and length_in_words(line.text) >= MIN_PROSE_LINE_WORDS:
            indents[indent] += 1
    return max(indents, key=lambda indent: (indents[indent], indent), default=0)


def _is_definition(block: _Block, line: SourceLine, body: int) -> bool:
    """'Broadband Backbone' over '    Extends the national fibre network…': a term and its
    description (a definition list), read as an item named by the term. The description
    stands deeper than the body text (a heading at lynx's margin over body text is not a
    term)."""
    indent = layout_indent(line.text)
    return (
        block.text_column < 0
        and block.physical_lines == 1
        and block.indent <= body
        and indent >= max(block.indent, body) + MIN_DEFINITION_INDENT
        and not ITEM.match(line.text)
        and _reads_as_name(block.line.text)
    )


def _open_definition(block: _Block, line: SourceLine) -> None:
    term = block.line.text.strip()
    prefix = " " * block.indent + "- "
    block.line = SourceLine(block.line.number, f"{prefix}{term}", block.line.last)
    block.text_column = len(prefix)
    block.name = term
    block.line = block.line.joined(line)
    block.last_width = display_width(line.text)
    block.physical_lines += 1


def _item_paragraph_follows(block: _Block, line: SourceLine) -> bool:
    """w3m leaves a blank line between an item's name and its paragraph, indented under
    the item's text."""
    return (
        block.text_column >= 0
        and block.physical_lines == 1
        and _reads_as_name(block.line.text[block.text_column :])
    )


def _plain_nested_marker(line: SourceLine) -> SourceLine:
    match = ITEM.match(line.text)
    if not match or match.group("marker") not in NESTED_MARKERS:
        return line
    if len(match.group("indent")) < MIN_NESTED_INDENT:
        return line
    start = match.start("marker")
    return SourceLine(line.number, f"{line.text[:start]}-{line.text[start + 1 :]}", line.last)


def layout_indent(text: str) -> int:
    """Columns of the spaces a renderer put before a line. A paragraph's first-line indent
    typed into the text itself (Chinese prose opens with two ideographic or em spaces) is
    not layout: the paragraph's wrapped lines start at the margin under it."""
    count = 0
    for char in text:
        if not char.isspace() or char in TYPED_INDENT:
            break
        count += 1
    return count


def _start(line: SourceLine) -> _Block:
    indent = layout_indent(line.text)
    match = ITEM.match(line.text)
    column = match.end("gap") if match else -1
    return _Block(line, indent, column, display_width(line.text))


def _continues(block: _Block, line: SourceLine, width: int, body: int) -> bool:
    if block.line.is_full or (ITEM.match(line.text) and _is_real_item(line)):
        return False
    if "|" in line.text or "|" in block.line.text:
        return False  # pipe table rows are rows, however long
    indent = layout_indent(line.text)
    if block.text_column >= 0:
        # At the body's own indent a line is body text, not an item's: lynx prints a
        # numbered heading "1. Carbon savings" at the margin and its text three columns in.
        if indent == block.text_column and block.text_column > body:
            return True
        # A bullet typed into a paragraph ("• Name: text") wraps back to the marker's indent.
        return indent == block.indent and _is_wrapped(block, line, width)
    return indent == block.indent and _is_wrapped(block, line, width)


def _is_wrapped(block: _Block, line: SourceLine, width: int) -> bool:
    """Was the block's last line wrapped: would the line's first word not have fitted?"""
    if not width:
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


def _extend(block: _Block, line: SourceLine, width: int) -> None:
    if block.text_column >= 0 and block.physical_lines == 1:
        first = block.line.text[block.text_column :]
        first_word = line.text.split(maxsplit=1)[0]
        wrapped = width and block.last_width + 1 + display_width(first_word) > width
        if not wrapped and _reads_as_name(first):
            block.name = first.strip()  # the name's line ended early: a new paragraph
    block.line = block.line.joined(line, _wrap_separator(block, line, width))
    block.last_width = display_width(line.text)
    block.physical_lines += 1


WIDE = 2


def _wrap_separator(block: _Block, line: SourceLine, width: int) -> str:
    """Chinese and Japanese are wrapped inside a word when the line is full (not one more
    wide character fitted): no space where the pieces meet. Korean, wrapped at its spaces,
    and every other script get one."""
    last, first = block.line.text.rstrip()[-1:], line.text.lstrip()[:1]
    wide = WIDE in (display_width(last), display_width(first))
    full = bool(width) and block.last_width + display_width(first) > width
    return "" if wide and full else " "


def _with_bold_name(block: _Block) -> str:
    """The item with its name marked as the line grammar reads a name: '**Name** text'."""
    text = block.line.text
    if not block.name or block.text_column < 0:
        return text
    head, body = text[: block.text_column], text[block.text_column :]
    rest = body[len(block.name) :].strip() if body.startswith(block.name) else ""
    return f"{head}**{block.name}** {rest}" if rest else text


def _mark_margin_headings(blocks: list[_Block], width: int) -> list[SourceLine]:
    """lynx: body text indented, headings at the margin (only in wrapped text: inscriptis
    indents by the page's layout, not by block kind)."""
    prose_indents = Counter(block.indent for block in blocks if block.text_column < 0)
    # The most common indent of prose; on a tie the deeper one (headings are the few).
    body_indent = max(prose_indents, key=lambda indent: (prose_indents[indent], indent), default=0)
    result = []
    for block in blocks:
        text = _with_bold_name(block)
        is_heading = (
            width > 0
            and body_indent >= MIN_BODY_INDENT
            and block.indent < body_indent
            and block.text_column < 0
            and length_in_words(text) <= MAX_MARGIN_HEADING_WORDS
            and not text.rstrip().endswith(FULL_STOPS)  # a one-line paragraph, not a heading
        )
        if is_heading:
            text = f"## {text.strip()}"
        result.append(SourceLine(block.line.number, text, block.line.last))
    return result


# --- a sidebar printed beside the article ---------------------------------------------

# A layout table's columns are printed side by side: a gap of this many spaces between
# two texts on one line may be the gutter between a sidebar and the article.
MIN_SIDE_GUTTER = 3
# The article column starts this far in at least (a narrower left part is an indent).
MIN_ARTICLE_COLUMN = 20
# A sidebar holds labels: links, headings of link lists, counters.
MAX_SIDE_WORDS = 5
# Lines that show both columns: fewer is a coincidence of one line.
MIN_SIDE_BY_SIDE_LINES = 2
# The article's side must hold prose somewhere: a table's first column beside its second
# is not a sidebar.
MIN_ARTICLE_WORDS = 8
SIDE_GAP = re.compile(rf"(?<=\S) {{{MIN_SIDE_GUTTER},}}(?=\S)")


def split_sidebar(lines: Sequence[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    """Take a left sidebar printed beside the article column out of the lines: the
    article's lines (the sidebar's part cut away) and the sidebar's pieces.

    >>> rows = ["Departments", "» Engineering        The Council keeps the whole city clean and",
    ...         "» Public Health      collects waste from every ward each week.", "» Finance"]
    >>> kept, side = split_sidebar([SourceLine(n, t) for n, t in enumerate(rows, 1)])
    >>> [line.text.strip() for line in kept]
    ['The Council keeps the whole city clean and', 'collects waste from every ward each week.']
    >>> [line.text for line in side]
    ['Departments', '» Engineering', '» Public Health', '» Finance']
    """
    column = _article_column(lines)
    if column is None:
        return list(lines), []
    first, last = _side_by_side_span(lines, column)
    if not any(_is_side_label(line.text, column) for line in lines[first : last + 1]):
        return list(lines), []  # every line shows both columns: a table, not a sidebar
    kept: list[SourceLine] = []
    side: list[SourceLine] = []
    for index, line in enumerate(lines):
        left, right = _split_at(line.text, column)
        if first <= index <= last and left and len(words_of(left)) <= MAX_SIDE_WORDS:
            side.append(SourceLine(line.number, left.strip(), line.last))
            if right.strip():
                kept.append(SourceLine(line.number, right, line.last))
            continue
        kept.append(line)
    return kept, side


def _split_at(text: str, column: int) -> tuple[str, str]:
    """The text left of ``column`` and the text from it, when a gutter separates them (or
    the text ends before it)."""
    head, tail = text[:column], text[column:]
    if not head.strip():
        return "", text
    if tail.strip() and (not head.endswith(" " * MIN_SIDE_GUTTER) or tail[:1] == " "):
        return "", text  # one text runs across the column: no sidebar on this line
    return head.rstrip(), " " * column + tail.lstrip() if tail.strip() else ""


def _article_column(lines: Sequence[SourceLine]) -> int | None:
    starts: Counter[int] = Counter()
    prose = Counter[int]()
    for line in lines:
        text = line.text
        for gap in SIDE_GAP.finditer(text):
            left = text[: gap.start()].strip()
            if len(words_of(left)) <= MAX_SIDE_WORDS and gap.end() >= MIN_ARTICLE_COLUMN:
                starts[gap.end()] += 1
                prose[gap.end()] = max(prose[gap.end()], len(words_of(text[gap.end() :])))
            break  # only the first gap of a line: the one after its left part
    for column, count in starts.most_common(1):
        if count >= MIN_SIDE_BY_SIDE_LINES and prose[column] >= MIN_ARTICLE_WORDS:
            return column
    return None


def _side_by_side_span(lines: Sequence[SourceLine], column: int) -> tuple[int, int]:
    """The first and last line of the sidebar: where it stands beside the article, and the
    labels right above and below (its heading, its last links)."""
    both = [
        index
        for index, line in enumerate(lines)
        if line.text[:column].strip()
        and line.text[column:].strip()
        and _split_at(line.text, column)[0]
    ]
    if not both:
        return 0, -1
    first, last = both[0], both[-1]
    while first > 0 and _is_side_label(lines[first - 1].text, column):
        first -= 1
    while last + 1 < len(lines) and _is_side_label(lines[last + 1].text, column):
        last += 1
    return first, last


def _is_side_label(text: str, column: int) -> bool:
    """A short text standing only left of the article column."""
    return (
        bool(text[:column].strip())
        and not text[column:].strip()
        and (len(words_of(text)) <= MAX_SIDE_WORDS)
    )
