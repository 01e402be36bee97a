"""Tables that layout renderers (w3m, lynx, inscriptis) drew as text, read back into rows.

Two shapes are recognised; both finders return non-overlapping :class:`TextGrid` in line
order and leave every other line to the caller.

**Box grids** (:func:`find_box_grids`): w3m draws a bordered table with ``┌─┬─┐ ├─┼─┤
└─┴─┘ │``, other tools with ASCII ``+---+`` and ``|``. A grid starts at a top border; its
column boundaries are the junctions of that border, measured in display columns (East-Asian
wide characters count two). Lines between two rules form one row; a cell's text is its
column's pieces from those lines joined with single spaces (no space where a wide character
meets the join: CJK text has no spaces to restore). A cell spanning several columns (no bar
at a boundary on any of its lines) fills each of them, as :func:`policyparse.read_tables`
does. Rows above the first row with two or more non-empty cells that hold one single text
(a full-width title, or text w3m put in the first cell only) become the ``caption``. A rule
of ``═``/``=`` marks the header; otherwise the first row is a header when its cells are
short labels and a later row holds a long text (w3m rules every row, so rules say nothing).
Up to two stray characters left of the left border (w3m once printed ``_ │``) are ignored;
anything longer ends the grid.

**Aligned grids** (:func:`find_aligned_grids`): border-less tables, where columns are told
apart only by gutters, character columns blank on every line of a run of non-blank lines.
A blank line ends a run (inscriptis and w3m print none inside a table; a page's paragraphs
are separated by them). A one-space gutter (w3m's minimum) counts only on runs of three or
more lines, when both sides hold text on a quarter of the lines and at least one line shows
a wide blank stretch through it (ragged cells); prose and hanging-indent lists never do.
Columns are measured in display columns first and, if that finds nothing, in characters
(inscriptis pads by character count, even for CJK). Up to two lines at each end of a run
may be left out (a caption above, or the last row of a table spanning a gutter).

Rows: w3m wraps a cell inside its column, inscriptis never does. When a line continues a
cell (a piece starting in lower case after one that does not end a sentence, a CJK piece
after one that filled its column, or a line with an empty first column) the table is
*wrapped* and a row starts on a line where a column shows a new cell: the description
(widest) column's row text ended a sentence and this line starts with a capital, digit or
CJK character; or the previous line's piece plus this line's first word would have fitted
the column (w3m would have put it there); or a column resumes after a blank line (a cell's
lines are contiguous). No row starts where a column visibly continues. Otherwise every line
is a row. The header is the leading run of short-label lines (up to three, as w3m wraps
and centres header cells) followed by a line with a long piece. A row with an empty first
cell ends the grid (it is a layout column beside the table, or a cell that broken HTML
moved), and a grid is kept only if it has two rows with two or more cells (or a header and
one), most rows filled, a column of mostly short cells, and not a first column of bullets.

>>> from policyparse.text.lines import source_lines
>>> text = "┌────┬─────┐\\n│ Id │ Name│\\n├────┼─────┤\\n│ 1  │ Ann │\\n└────┴─────┘"
>>> find_box_grids(source_lines(text))[0].rows
(('Id', 'Name'), ('1', 'Ann'))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from .dialect import WIDE_CANDIDATE
from .lines import SourceLine, TextGrid, scan_for_grids

# A grid wider than this is not a table a person wrote; also bounds per-row work.
MAX_COLUMNS = 50
# A header label: at most this many words and display columns ("Cost (K million)",
# "Mise en service"); a cell beyond either is long text (a description).
LABEL_MAX_WORDS = 4
LABEL_MAX_WIDTH = 30
# Text left of a box grid's left border that is ignored: w3m printed "_ │" once.
MAX_STRAY_CHARS = 2
# A rule needs this many horizontal strokes, so "+-+" inside prose is not a border.
MIN_RULE_STROKES = 3
# One-space gutters are accepted only on runs at least this long: on two lines of prose a
# shared blank column is common.
MIN_NARROW_GUTTER_LINES = 3
# Each side of a one-space gutter must hold text on this share of the lines; w3m centres
# short cells (years, amounts) in tall rows, so a quarter, not "most".
MIN_NARROW_COLUMN_SHARE = 0.25
# A blank stretch this wide through a one-space gutter, between text on both sides, shows
# ragged cells; single-spaced prose never has one.
MIN_RAGGED_STRETCH = 3
# Lines a run may lose at either end: a caption line above, a spanning last row below.
MAX_TRIM_LINES = 2
# Trims are tried only on runs up to this long: a table w3m or inscriptis prints is far
# shorter, and a long run (hostile input) is then read in one pass, not nine.
MAX_TRIMMED_RUN_LINES = 500
# w3m wraps header labels over up to three lines ("In / force / from").
MAX_HEADER_LINES = 3
# Leading trimmed lines of at most this many words are the table's caption.
CAPTION_MAX_WORDS = 20
# A grid needs this many rows with two or more non-empty cells (one more with a header).
MIN_FILLED_ROWS = 2
# ... and this share of its rows filled: an article beside a sidebar fills few.
MIN_FILLED_ROW_SHARE = 0.6
# inscriptis pads columns by 2 and w3m by 1, so on some line of a table the first two
# columns' text is this close; wider on every line is page layout (article beside sidebar).
MAX_PACKED_GAP = 24
# A column whose cells are at least this share of labels makes it a table, not two texts.
MIN_SHORT_COLUMN_SHARE = 0.5
# A first column with this share of cells opening with a bullet ("• Home", "» Finance") is
# a list or a menu beside the article, not a column of names.
MAX_BULLET_SHARE = 0.5

_VERTICAL_BARS = frozenset("│┃║")
_UNICODE_JUNCTIONS = frozenset("┌┬┐├┼┤└┴┘╒╤╕╞╪╡╘╧╛╔╦╗╠╬╣╚╩╝")
_UNICODE_STROKES = frozenset("─━═")
_HEADER_RULE = frozenset("═╞╪╡")
_BOTTOM_CORNERS = frozenset("└╘╚")
_BOX_CHARS = _VERTICAL_BARS | _UNICODE_JUNCTIONS | _UNICODE_STROKES
_ASCII_RULE = re.compile(r"\+(?:[-=:]+\+)+")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*(?:\^\d{1,2})?$")
_BULLET = re.compile(
    r"(?:[•◦▪▫■□●○◆◇‣∙·»›>*+\-–—]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])(?:\s|$)"
)
_OPENERS = frozenset("\"'“‘„«([")
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\ufeff")
_WORD = re.compile(r"\S+")
# w3m draws a form's text field as "[" + padding + "]": its padding looks like a gutter.
_FORM_FIELD = re.compile(r"\[[^\[\]]*\s{4,}\]")


# --- text measures -----------------------------------------------------------------------


def _char_width(char: str) -> int:
    """Display columns of one character in a terminal dump."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _display_starts(text: str) -> list[int]:
    """The display column of every character, and the line's width at the end."""
    starts = [0] * (len(text) + 1)
    column = 0
    for index, char in enumerate(text):
        starts[index] = column
        column += 1 if char.isascii() else _char_width(char)
    starts[len(text)] = column
    return starts


def _width(text: str) -> int:
    return len(text) if text.isascii() else _display_starts(text)[-1]


def _is_wide(char: str) -> bool:
    return not char.isascii() and _char_width(char) == 2


def _join_pieces(pieces: Sequence[str], width: int = 0) -> str:
    """Wrapped pieces of one cell as one text, joined by single spaces. Where wide (CJK)
    characters meet, the wrap fell inside a word when the line was full (not one more
    character fitted ``width``) and gets no space; Korean wrapped at a space gets one."""
    text = ""
    previous = ""
    for piece in pieces:
        piece = " ".join(piece.translate(_INVISIBLE).split())
        if not piece:
            continue
        if text:
            wide = _is_wide(text[-1]) or _is_wide(piece[0])
            full = not width or _width(previous) + _width(piece[0]) > width
            text += "" if wide and full else " "
        text += piece
        previous = piece
    return text


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _starts_cell(text: str) -> bool:
    """Text that may open a cell: a capital, a digit, a CJK character or a quote."""
    first = text[:1]
    return bool(first) and not first.islower() and (first.isalnum() or first in _OPENERS)


def _is_label(text: str) -> bool:
    """A short header-like label (no sentence end, few words, narrow)."""
    return (
        len(text.split()) <= LABEL_MAX_WORDS
        and _width(text) <= LABEL_MAX_WIDTH
        and not _ends_sentence(text)
    )


def _is_long(text: str) -> bool:
    return len(text.split()) > LABEL_MAX_WORDS or _width(text) > LABEL_MAX_WIDTH


def _header_row_count(rows: Sequence[Sequence[str]]) -> int:
    """1 when the first row is short labels and a later row holds a long text."""
    if len(rows) < 2:
        return 0
    labels = [cell for cell in rows[0] if cell]
    if len(labels) < 2 or not all(_is_label(cell) for cell in labels):
        return 0
    return int(any(_is_long(cell) for row in rows[1:] for cell in row))


# --- box grids ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    """A horizontal border line: where its junctions sit, and what kind of rule it is."""

    junctions: tuple[int, ...]
    ascii: bool
    header: bool
    bottom: bool


def _parse_rule(text: str) -> _Rule | None:
    """The line as a border or separator rule, or None."""
    body = text.strip()
    if not body:
        return None
    if body[0] == "+":
        return _parse_ascii_rule(text, body)
    if body[0] not in _UNICODE_JUNCTIONS or body[-1] not in _UNICODE_JUNCTIONS:
        return None
    if not all(char in _UNICODE_JUNCTIONS or char in _UNICODE_STROKES for char in body):
        return None
    if sum(char in _UNICODE_STROKES for char in body) < MIN_RULE_STROKES:
        return None
    starts = _display_starts(text)
    junctions = tuple(starts[i] for i, char in enumerate(text) if char in _UNICODE_JUNCTIONS)
    header = any(char in _HEADER_RULE for char in body)
    return _Rule(junctions, False, header, body[0] in _BOTTOM_CORNERS)


def _parse_ascii_rule(text: str, body: str) -> _Rule | None:
    if not _ASCII_RULE.fullmatch(body) or body.count("-") + body.count("=") < MIN_RULE_STROKES:
        return None
    starts = _display_starts(text)
    junctions = tuple(starts[i] for i, char in enumerate(text) if char == "+")
    return _Rule(junctions, True, "=" in body, False)


def _content_line(text: str, rule: _Rule) -> tuple[list[str], list[bool]] | None:
    """A content line's slots between the grid's junctions, and whether a bar stands at
    each slot's left; None when the line is not part of the grid."""
    starts = _display_starts(text)
    bar_at = {starts[i]: i for i, char in enumerate(text) if _is_bar(char, rule.ascii)}
    left, right = rule.junctions[0], rule.junctions[-1]
    if left not in bar_at or right not in bar_at or text[bar_at[right] + 1 :].strip():
        return None
    stray = text[: bar_at[left]].strip()
    if len(stray) > MAX_STRAY_CHARS or " " in stray:
        return None
    slots: list[str] = []
    bars: list[bool] = []
    for begin, end in zip(rule.junctions, rule.junctions[1:], strict=False):
        first = bar_at[begin] + 1 if begin in bar_at else _index_at(starts, begin)
        slots.append(text[first : bar_at.get(end, _index_at(starts, end))])
        bars.append(begin in bar_at)
    return slots, bars


def _is_bar(char: str, ascii_grid: bool) -> bool:
    return char == "|" if ascii_grid else char in _VERTICAL_BARS


def _index_at(starts: list[int], column: int) -> int:
    """Index of the first character at or after display ``column`` (bisect)."""
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high) // 2
        if starts[middle] < column:
            low = middle + 1
        else:
            high = middle
    return low


def _box_row(lines: Sequence[tuple[list[str], list[bool]]]) -> tuple[str, ...]:
    """One row's cells. A slot with no bar on its left on any line continues the cell on
    its left (a spanning cell), whose text then fills every slot it spans."""
    count = len(lines[0][0])
    opens = [k for k in range(count) if k == 0 or any(bars[k] for _, bars in lines)]
    cells: list[str] = []
    for begin, end in zip(opens, [*opens[1:], count], strict=True):
        width = sum(_width(slot) + 1 for slot in lines[0][0][begin:end]) - 1
        text = _join_pieces(["".join(slots[begin:end]) for slots, _ in lines], width - 2)
        cells.extend([text] * (end - begin))
    return tuple(cells)


def _is_title_row(row: tuple[str, ...]) -> bool:
    """A row holding one text: all slots equal (a full-width span) or one non-empty."""
    filled = [cell for cell in row if cell]
    return len(set(filled)) == 1


@dataclass
class _BoxScan:
    """A box grid being read: rows so far, their source lines, where a header rule was."""

    rule: _Rule
    rows: list[tuple[str, ...]]
    row_lines: list[tuple[int, int]]
    header_rows: int = 0
    end: int = 0


def _scan_box(lines: Sequence[SourceLine], start: int, rule: _Rule) -> _BoxScan:
    """Read rows from the top border at ``start`` until a bottom border or a foreign line."""
    scan = _BoxScan(rule, [], [])
    pending: list[tuple[list[str], list[bool]]] = []
    pending_lines: list[SourceLine] = []
    index = start + 1
    while index < len(lines):
        text = lines[index].text
        separator = _parse_rule(text)
        if separator is not None and separator.junctions[0] == rule.junctions[0]:
            _close_row(scan, pending, pending_lines)
            pending, pending_lines = [], []
            scan.end = index + 1
            if separator.header and not scan.header_rows:
                scan.header_rows = len(scan.rows)
            if separator.bottom:
                break
        else:
            content = _content_line(text, rule)
            if content is None:
                break
            pending.append(content)
            pending_lines.append(lines[index])
        index += 1
    return scan


def _close_row(
    scan: _BoxScan, pending: list[tuple[list[str], list[bool]]], sources: list[SourceLine]
) -> None:
    if not pending:
        return
    row = _box_row(pending)
    if any(row):
        scan.rows.append(row)
        scan.row_lines.append((sources[0].number, sources[-1].last_number))


def _box_grid(scan: _BoxScan, start: int) -> TextGrid | None:
    """The scanned rows as a grid: leading one-text rows become the caption."""
    rows, row_lines = scan.rows, scan.row_lines
    width = len(scan.rule.junctions) - 1
    titles = 0
    while titles < len(rows) and width > 1 and _is_title_row(rows[titles]):
        titles += 1
    caption = " ".join(next(cell for cell in row if cell) for row in rows[:titles])
    rows, row_lines = rows[titles:], row_lines[titles:]
    if not rows:
        return None
    header = scan.header_rows - titles if scan.header_rows > titles else 0
    if not header and not scan.header_rows:
        header = _header_row_count(rows)
    return TextGrid(start, scan.end, tuple(rows), min(header, len(rows)), tuple(row_lines), caption)


def find_box_grids(lines: Sequence[SourceLine]) -> list[TextGrid]:
    """Tables drawn with box-drawing characters (w3m) or ASCII ``+---+`` and ``|``.

    >>> from policyparse.text.lines import source_lines
    >>> text = '''+------+-----------------+
    ... | Plan | Goal            |
    ... +======+=================+
    ... | A    | Build 500 homes |
    ... |      | by 2030.        |
    ... +------+-----------------+'''
    >>> grid = find_box_grids(source_lines(text))[0]
    >>> grid.rows, grid.header_rows, grid.row_lines
    ((('Plan', 'Goal'), ('A', 'Build 500 homes by 2030.')), 1, ((2, 2), (4, 5)))
    """
    return scan_for_grids(lines, partial(_box_at, lines))


def _box_at(lines: Sequence[SourceLine], index: int) -> TextGrid | None:
    """The box grid whose top border is the line at ``index``, if it is one."""
    rule = _parse_rule(lines[index].text)
    if rule is None or len(rule.junctions) < 2 or len(rule.junctions) > MAX_COLUMNS + 1:
        return None
    scan = _scan_box(lines, index, rule)
    return _box_grid(scan, index) if scan.end else None


# --- aligned grids -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str


def _line_words(text: str, by_display: bool) -> list[_Word]:
    """The line's words with their columns (display columns, or character indices)."""
    if not by_display or text.isascii():
        return [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    starts = _display_starts(text)
    return [_Word(starts[m.start()], starts[m.end()], m.group()) for m in _WORD.finditer(text)]


def _blank_stretches(words_by_line: Sequence[list[_Word]]) -> list[tuple[int, int]]:
    """Column ranges blank on every line, strictly between the leftmost and rightmost text."""
    right = max((words[-1].end for words in words_by_line if words), default=0)
    change = [0] * (right + 1)
    for words in words_by_line:
        for word in words:
            change[word.start] += 1
            change[word.end] -= 1
    stretches: list[tuple[int, int]] = []
    depth, blank_from, seen_text = 0, -1, False
    for column in range(right):
        depth += change[column]
        if depth and blank_from >= 0 and seen_text:
            stretches.append((blank_from, column))
        if depth:
            blank_from, seen_text = -1, True
        elif blank_from < 0:
            blank_from = column
    return stretches


def _column_of(bounds: Sequence[int], position: int) -> int:
    """Index of the column (its left bound in ``bounds``) holding ``position``."""
    low, high = 0, len(bounds) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if bounds[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


def _narrow_gutter_evidence(
    words_by_line: Sequence[list[_Word]], gutters: Sequence[tuple[int, int]]
) -> tuple[list[int], list[bool]]:
    """Per column, lines holding text; per gutter, whether a wide blank stretch between two
    words of one line crosses it and no other gutter (ragged cells in the two columns it
    separates; a header's stretch across a whole column proves nothing about the gutters
    inside that column)."""
    bounds = [0] + [end for _, end in gutters]
    lines_with_text = [0] * len(bounds)
    ragged = [False] * len(gutters)
    for words in words_by_line:
        seen: set[int] = set()
        for word in words:
            seen.add(_column_of(bounds, word.start))
        for column in seen:
            lines_with_text[column] += 1
        for before, after in pairwise(words):
            if after.start - before.end >= MIN_RAGGED_STRETCH:
                first = _column_of(bounds, before.start)
                if _column_of(bounds, after.start) == first + 1:
                    ragged[first] = True  # a stretch across one gutter only
    return lines_with_text, ragged


def _column_bounds(words_by_line: Sequence[list[_Word]]) -> list[tuple[int, int]]:
    """The columns (start, end) of a run: blank stretches that qualify as gutters split it;
    a one-space stretch qualifies only with the evidence described in the module doc."""
    stretches = _blank_stretches(words_by_line)
    if not stretches or len(stretches) > len(words_by_line) * MAX_COLUMNS:
        return []
    lines_with_text, ragged = _narrow_gutter_evidence(words_by_line, stretches)
    needed = MIN_NARROW_COLUMN_SHARE * len(words_by_line)
    kept = [
        (begin, end)
        for k, (begin, end) in enumerate(stretches)
        if end - begin >= 2
        or (
            len(words_by_line) >= MIN_NARROW_GUTTER_LINES
            and ragged[k]
            and min(lines_with_text[k], lines_with_text[k + 1]) >= needed
        )
    ]
    left = min(words[0].start for words in words_by_line if words)
    right = max(words[-1].end for words in words_by_line if words)
    edges = [left, *(edge for gutter in kept for edge in gutter), right]
    return list(zip(edges[::2], edges[1::2], strict=True))


@dataclass(frozen=True)
class _Piece:
    """One line's text in one column, and its display width."""

    text: str
    width: int


def _pieces(words: Sequence[_Word], columns: Sequence[tuple[int, int]]) -> list[_Piece]:
    bounds = [start for start, _ in columns]
    grouped: list[list[_Word]] = [[] for _ in columns]
    for word in words:
        grouped[_column_of(bounds, word.start)].append(word)
    return [
        _Piece(" ".join(w.text for w in group), group[-1].end - group[0].start if group else 0)
        for group in grouped
    ]


def _first_unit(text: str) -> str:
    """What a wrapper moves as one piece: a word, or one CJK character."""
    return text[0] if _is_wide(text[0]) else text.split()[0]


def _would_fit(before: _Piece, after: _Piece, width: int, unit: str = "") -> bool:
    """``after``'s first word (or ``unit``) would have fitted after ``before`` in a column
    ``width`` wide: w3m never wraps so, and a wide character needs no space before it."""
    unit = unit or _first_unit(after.text)
    space = 0 if _is_wide(before.text[-1]) or _is_wide(unit[0]) else 1
    return before.width + space + _width(unit) <= width


def _continues(before: _Piece, after: _Piece, width: int) -> bool:
    """``after`` visibly continues the cell of ``before`` (wrapped inside its column): it
    starts in lower case, or CJK text filled the line so that not one more character fit."""
    if not before.text or not after.text or _ends_sentence(before.text):
        return False
    if after.text[0].islower():
        return not _is_address(after.text)
    cjk = _is_wide(after.text[0]) or _is_wide(before.text[-1])
    return cjk and not _would_fit(before, after, width, after.text[0])


@dataclass
class _Table:
    """A run cut into columns: pieces per line, column widths, the description column."""

    lines: Sequence[SourceLine]
    pieces: list[list[_Piece]]
    widths: list[int]
    text_column: int

    @classmethod
    def of(cls, lines: Sequence[SourceLine], pieces: list[list[_Piece]]) -> _Table:
        count = len(pieces[0])
        widths = [max(line[c].width for line in pieces) for c in range(count)]
        totals = [sum(line[c].width for line in pieces) for c in range(count)]
        return cls(lines, pieces, widths, totals.index(max(totals)))


def _header_line_count(table: _Table) -> int:
    """Leading short-label lines (≤ MAX_HEADER_LINES) followed by a line with long text."""
    count = 0
    for line in table.pieces[: MAX_HEADER_LINES + 1]:
        texts = [piece.text for piece in line if piece.text]
        if any(_is_long(text) for text in texts):
            break
        if not texts or not all(_is_label(text) for text in texts):
            return 0
        count += 1
    if count > MAX_HEADER_LINES or count == len(table.pieces):
        return 0
    filled = {c for line in table.pieces[:count] for c, piece in enumerate(line) if piece.text}
    return count if len(filled) >= 2 else 0


def _lower_case_continuation(before: _Piece, after: _Piece) -> bool:
    return (
        bool(before.text and after.text[:1].islower())
        and not _ends_sentence(before.text)
        and not _is_address(after.text)
    )


# "https://www.capitalidea.org/", "info@example.org": a web or mail address starts in lower
# case without continuing anything (a column of websites beside a programme table).
_ADDRESS = re.compile(r"^(?:https?://|www\.|[\w.+-]+@[\w-]+\.)\S*$")


def _is_address(text: str) -> bool:
    return _ADDRESS.match(text) is not None


def _is_wrapped(table: _Table, first: int) -> bool:
    """Some data line continues a cell of the line above, or leaves the first column empty."""
    column = table.text_column
    for index in range(first, len(table.pieces)):
        line = table.pieces[index]
        if not line[0].text and any(piece.text for piece in line):
            return True
        if index == first:
            continue
        above = table.pieces[index - 1]
        if any(_lower_case_continuation(a, p) for a, p in zip(above, line, strict=True)):
            return True
        if _continues(above[column], line[column], table.widths[column]):
            return True
    return False


def _shows_new_cell(table: _Table, index: int, last_texts: Sequence[str]) -> bool:
    """Some column of line ``index`` opens a new cell; ``last_texts`` holds each column's
    last text in the current row ("" when it has none yet)."""
    above, line = table.pieces[index - 1], table.pieces[index]
    for column, piece in enumerate(line):
        if not piece.text:
            continue
        if above[column].text and _would_fit(above[column], piece, table.widths[column]):
            return True  # w3m would have put this word on the line above
        if not above[column].text and last_texts[column]:
            return True  # the column resumes after a blank line: a cell's lines touch
        sentence_ended = bool(last_texts[column]) and _ends_sentence(last_texts[column])
        if column == table.text_column and sentence_ended and _starts_cell(piece.text):
            return True
    return False


def _row_starts(table: _Table, first: int) -> list[int]:
    """Indices where wrapped data rows start: a line showing a new cell in some column and
    continuing none. Linear: each column's last text in the current row is carried."""
    starts = [first]
    last_texts = [piece.text for piece in table.pieces[first]]
    for index in range(first + 1, len(table.pieces)):
        above, line = table.pieces[index - 1], table.pieces[index]
        continued = any(
            _continues(a, p, w) for a, p, w in zip(above, line, table.widths, strict=True)
        )
        if not continued and _shows_new_cell(table, index, last_texts):
            starts.append(index)
            last_texts = [""] * len(line)
        last_texts = [p.text or last for p, last in zip(line, last_texts, strict=True)]
    return starts


def _row(table: _Table, begin: int, end: int) -> tuple[str, ...]:
    lines = table.pieces[begin:end]
    return tuple(
        _join_pieces([line[c].text for line in lines], table.widths[c])
        for c in range(len(lines[0]))
    )


def _rows(
    table: _Table, bounds: Sequence[int], header: int
) -> tuple[list[tuple[str, ...]], list[int]]:
    """Rows between consecutive bounds, up to the first data row with an empty first cell."""
    rows: list[tuple[str, ...]] = []
    ends: list[int] = []
    for begin, end in pairwise(bounds):
        row = _row(table, begin, end)
        if not row[0] and len(rows) >= header:
            break
        rows.append(row)
        ends.append(end)
    return rows, ends


def _is_filled(cell: str) -> bool:
    """A cell with a letter or digit; "[" and "]" of a form field do not count."""
    return any(char.isalnum() for char in cell)


def _looks_like_table(rows: Sequence[tuple[str, ...]], header: int) -> bool:
    """Enough filled rows, a column of mostly short cells, and not a list of bullets."""
    data = rows[header:]
    filled = sum(sum(_is_filled(cell) for cell in row) >= 2 for row in data)
    if filled < MIN_FILLED_ROWS - (1 if header else 0):
        return False
    if filled < MIN_FILLED_ROW_SHARE * len(data):
        return False
    if sum(bool(_BULLET.match(row[0])) for row in data) >= MAX_BULLET_SHARE * len(data):
        return False
    for column in range(len(rows[0])):
        cells = [row[column] for row in data if _is_filled(row[column])]
        if cells and sum(_is_label(cell) for cell in cells) >= MIN_SHORT_COLUMN_SHARE * len(cells):
            return True
    return False


def _is_packed(words_by_line: Sequence[list[_Word]], columns: Sequence[tuple[int, int]]) -> bool:
    """Some line has words MAX_PACKED_GAP close across the first gutter. Only the first: a
    sidebar sits left of the article, while a table's last column may sit far from a long
    description on every line."""
    bounds = [start for start, _ in columns]
    for words in words_by_line:
        for before, after in pairwise(words):
            across = _column_of(bounds, before.start) == 0 and _column_of(bounds, after.start) == 1
            if across and after.start - before.end <= MAX_PACKED_GAP:
                return True
    return False


def _grid_of(
    lines: Sequence[SourceLine], by_display: bool, words: Sequence[list[_Word]] | None = None
) -> TextGrid | None:
    """The grid these lines form (indices relative to them); ``words``: their words, when
    the caller has them already."""
    if words is None:
        words = [_line_words(line.text, by_display) for line in lines]
    columns = _column_bounds(words)
    if not 2 <= len(columns) <= MAX_COLUMNS or not _is_packed(words, columns):
        return None
    table = _Table.of(lines, [_pieces(line_words, columns) for line_words in words])
    header = _header_line_count(table)
    if _is_wrapped(table, header):
        starts = _row_starts(table, header)
    else:
        header, starts = 0, list(range(len(lines)))
    bounds = [0, *starts, len(lines)] if header else [*starts, len(lines)]
    header_rows = 1 if header else 0
    rows, ends = _rows(table, bounds, header_rows)
    if len(rows) <= header_rows or not _looks_like_table(rows, header_rows):
        return None
    if not header_rows:
        header_rows = _header_row_count(rows)
    row_lines = tuple(
        (lines[begin].number, lines[end - 1].last_number)
        for begin, end in zip(bounds, ends, strict=False)
    )
    return TextGrid(0, ends[-1], tuple(rows), header_rows, row_lines)


def _trims(run_length: int) -> Iterator[tuple[int, int]]:
    """(leading, trailing) lines to leave out, fewest first."""
    most = MAX_TRIM_LINES if run_length <= MAX_TRIMMED_RUN_LINES else 0
    pairs = [(a, b) for a in range(most + 1) for b in range(most + 1)]
    return iter(sorted(pairs, key=lambda pair: (pair[0] + pair[1], -pair[0])))


def _solid_columns(grid: TextGrid) -> int:
    """Columns filled in at least half the data rows: spurious columns are mostly empty."""
    data = grid.rows[grid.header_rows :]
    return sum(
        2 * sum(_is_filled(row[column]) for row in data) >= len(data)
        for column in range(len(data[0]))
    )


def _best_grid(lines: Sequence[SourceLine], offset: int) -> TextGrid | None:
    """The run's grid: the trim giving most solid columns (a line spanning two columns hides
    their gutter), then the least trimmed, then most rows."""
    best: tuple[int, int, int, TextGrid] | None = None
    has_wide = any(_is_wide(char) for line in lines for char in WIDE_CANDIDATE.findall(line.text))
    modes = (True, False) if has_wide else (True,)
    # Each trim reads the same lines: their words are found once per way of counting columns.
    words = {mode: [_line_words(line.text, mode) for line in lines] for mode in modes}
    for lead, trail in _trims(len(lines)):
        end = len(lines) - trail
        part = lines[lead:end]
        for by_display in modes:
            grid = (
                _grid_of(part, by_display, words[by_display][lead:end]) if len(part) >= 2 else None
            )
            if grid is None:
                continue
            rank = (_solid_columns(grid), -lead - trail, len(grid.rows))
            if best is None or rank > best[:3]:
                best = (*rank, _placed(grid, lines[:lead], offset + lead))
    return best[3] if best else None


def _placed(grid: TextGrid, before: Sequence[SourceLine], offset: int) -> TextGrid:
    """``grid`` moved to ``offset``; the trimmed lines above it become its caption."""
    words = sum(len(line.text.split()) for line in before)
    caption = " ".join(line.text.strip() for line in before) if words <= CAPTION_MAX_WORDS else ""
    start = offset - len(before) if caption else offset
    return TextGrid(start, offset + grid.end, grid.rows, grid.header_rows, grid.row_lines, caption)


def _runs(lines: Sequence[SourceLine]) -> Iterator[tuple[int, int]]:
    """Maximal runs of non-blank lines without box-drawing characters or form fields."""
    start = -1
    for index, line in enumerate(lines):
        text = line.text
        usable = bool(text.strip()) and not _BOX_CHARS.intersection(text)
        usable = usable and not ("[" in text and _FORM_FIELD.search(text))
        if usable and start < 0:
            start = index
        elif not usable and start >= 0:
            yield start, index
            start = -1
    if start >= 0:
        yield start, len(lines)


def find_aligned_grids(lines: Sequence[SourceLine]) -> list[TextGrid]:
    """Border-less tables whose columns are aligned with spaces (w3m, inscriptis).

    >>> from policyparse.text.lines import source_lines
    >>> text = '''Programme   Started  Reach
    ... Tax Credit  2014     1 million workers a year
    ... Youth Jobs  2020     250,000 school assistants'''
    >>> grid = find_aligned_grids(source_lines(text))[0]
    >>> grid.rows[1], grid.header_rows
    (('Tax Credit', '2014', '1 million workers a year'), 1)
    """
    grids: list[TextGrid] = []
    for start, end in _runs(lines):
        if end - start >= 2:
            grid = _best_grid(lines[start:end], start)
            if grid is not None:
                grids.append(grid)
    return grids
