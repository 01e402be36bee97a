"""Plain text dumps: the text ``BeautifulSoup.get_text("\\n")`` and its kin write.

A dump has no markup left, but the way the scraper walked the tree still shows:

* **Inline breaks.** ``get_text("\\n")`` puts a newline at every tag boundary, so a
  sentence with a bold name or a link in it is spread over several lines
  (``Domestic Content:`` / `` Raising the share…``). :func:`join_inline_breaks` glues
  such pieces back into one line.
* **Cell-per-line tables.** A table comes out one cell per line, its rows separated by
  blank lines. :func:`find_cell_per_line_tables` finds runs of equally long line groups
  that read as table rows and returns them as :class:`~policyparse.text.lines.TextGrid`.

Order: run :func:`join_inline_breaks` first and give its output to
:func:`find_cell_per_line_tables`, so a cell broken by a link (``Tula`` / `` Industrial
Pole``) is already one line. Both functions work on any ``SourceLine`` list, but the joins
are only right for get_text-style dumps: :func:`is_plain_dump` tells them apart (trafilatura
puts one paragraph per line with no blank lines, so a paragraph that starts with a
lower-case word would be glued to the one above).

The trailing-space rule needs the lines' trailing whitespace: read the text with
``source_lines(text, keep_trailing_space=True)``.

Out of scope here: html-text puts a table row on one line with the cells joined by single
spaces (read back under a header line by ``text/spaced.py``); trafilatura writes pipe
tables, which the line reader handles; newspaper4k glues a table's cells into one paragraph
(``text/glued.py``). Nested sub-bullets that a dump flattens into plain lines are not
re-attached to the item above here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..textutil import reads_as_date, words_of
from .lines import SourceLine, TextGrid

# --- joining inline breaks -------------------------------------------------------------

# A line that starts with one of these closes a sentence piece that an inline tag cut off
# ("Compact" / ": Coordinates…", "Ministry of Finance" / ", will…"): glued with no space.
NO_SPACE_BEFORE = frozenset(":,.;)]!?：，。；）」』】、！？")
# A dash at the start of a line is the "Name – description" separator after a bold name,
# not a bullet: get_text dumps have no bullet characters (``<li>`` markers are CSS), and
# the lists of the dumps we read never use "–" or "—" as a typed bullet. A run of lines
# that all start with the same dash is still read as a typed list (see _is_dash_list).
CONTINUATION_DASHES = ("–", "—")
# " - description": a hyphen with one space before it is a text node that began with a
# space after an inline tag; "- item" at the margin is a typed bullet and starts an item.
SPACED_HYPHEN = " - "
# Typed list markers that start a new item: never glued onto the line above.
BULLET_START = re.compile(r"^\s*(?:[-*•·▪◦‣]|\d{1,3}[.)])\s+\S")
# An opening bracket or quote at the end of the line before: no space after it.
NO_SPACE_AFTER = frozenset("([{“‘«„（「『【")
# Kana and CJK ideographs: Chinese and Japanese write no space between words.
CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff]")
# A bracket opened this close to a line's end and not closed: the note goes on below.
OPEN_BRACKET_REACH = 20


def join_inline_breaks(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """Glue the pieces of a sentence that ``get_text("\\n")`` cut at inline tags.

    A non-blank line continues the one before (which must be non-blank) when it starts
    with ``: , . ; )`` (no space), with a dash "–"/"—" or " - ", with a lower-case word,
    or with whitespace; or when the line before ended in whitespace or an opening bracket
    or quote ("Effizienzhaus 55 (" / "EH" / "), …": an <abbr> or a link inside brackets).
    A typed bullet (``- ``, ``* ``, ``• ``, ``1. ``) always starts a new line. Output lines are
    right-stripped; blank lines (whitespace only) come out empty and are never joined
    across, so the result has as many blank lines as the input.

    >>> from policyparse.text.lines import source_lines
    >>> text = ("The plan, announced by the \\nMinistry of Finance\\n, will grow."
    ...         "\\n\\nDomestic Content:\\n Raising the share.\\n- Next item")
    >>> lines = source_lines(text, keep_trailing_space=True)
    >>> [(line.number, line.last_number, line.text) for line in join_inline_breaks(lines)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(1, 3, 'The plan, announced by the Ministry of Finance, will grow.'), (4, 4, ''),
     (5, 6, 'Domestic Content: Raising the share.'), (7, 7, '- Next item')]
    """
    joined: list[SourceLine] = []
    previous_raw = ""  # the last source line merged into joined[-1]; "" after a blank
    for line in lines:
        if not line.text.strip():
            joined.append(SourceLine(line.number, "", line.last))
            previous_raw = ""
            continue
        if (
            previous_raw
            and not joined[-1].is_full
            and _continues(previous_raw, joined[-1].text, line.text)
        ):
            joined[-1] = joined[-1].joined(line, _separator(joined[-1].text, line.text))
        else:
            joined.append(SourceLine(line.number, line.text.rstrip(), line.last))
        previous_raw = line.text
    return joined


def _continues(previous_raw: str, previous_text: str, text: str) -> bool:
    """Does ``text`` carry on the sentence of the line before (raw and as joined so far)?"""
    stripped = text.lstrip()
    if stripped.startswith(CONTINUATION_DASHES) or text.startswith(SPACED_HYPHEN):
        return not _is_dash_list(previous_text, stripped)
    if BULLET_START.match(text):
        return False
    first = stripped[0]
    return (
        first in NO_SPACE_BEFORE
        or first.islower()
        or text[0].isspace()
        or previous_raw[-1].isspace()
        or previous_raw[-1] in NO_SPACE_AFTER
        or _leaves_bracket_open(previous_text)
    )


def _leaves_bracket_open(text: str) -> bool:
    """Does the line end inside a bracket it opened near its end ("… （原始内容" / "存档" /
    "于2023-12-11）": a link cut the bracketed note)?"""
    tail = text[-OPEN_BRACKET_REACH:]
    opened = max(tail.rfind(bracket) for bracket in "(（")
    return opened >= 0 and not any(closer in tail[opened:] for closer in ")）")


def _is_dash_list(previous_text: str, stripped: str) -> bool:
    """Both lines start with the same dash: a typed "– item" list, not "Name" / "– text"."""
    return previous_text.lstrip()[:1] == stripped[:1]


def _separator(previous_text: str, text: str) -> str:
    before, after = previous_text.rstrip()[-1], text.lstrip()[0]
    no_space = after in NO_SPACE_BEFORE or before in NO_SPACE_AFTER
    # Chinese and Japanese put no space between words: "原始内容" / "存档" is "原始内容存档".
    return "" if no_space or (CJK.match(before) and CJK.match(after)) else " "


# --- recognising a dump ----------------------------------------------------------------

# get_text prints the whitespace between block tags, so its dumps are about half blank
# lines (the dev dumps: 45–75 %); html-text and newspaper4k leave one blank line between
# paragraphs (20–50 %) and trafilatura none.
MIN_BLANK_SHARE = 0.4
# ... and runs of several blank lines where block tags nest; the other scrapers never
# leave more than one in a row.
MIN_LONG_BLANK_RUNS = 3
LONG_BLANK_RUN = 3
# A dump of a dense page (long menus, a site printing no whitespace between its tags) can
# have few blank lines; it still shows the sentences it cut at inline tags: lines that start
# with the comma, colon or semicolon that followed a link or a bold name. The other plain
# scrapers never start a line so (none in the dev texts).
CUT_SENTENCE_START = re.compile(r"[,:;]\s")
MIN_CUT_SENTENCES = 3


def is_plain_dump(lines: Sequence[SourceLine]) -> bool:
    """Does the text look like a ``get_text("\\n")`` dump: many blank lines, with runs of
    several blank lines in a row where block tags nest?

    >>> from policyparse.text.lines import source_lines
    >>> dump = "Title\\n\\n\\n\\nIntro\\n\\n\\n\\nA\\n\\n\\n\\nB\\n\\n\\n\\nC"
    >>> is_plain_dump(source_lines(dump, keep_trailing_space=True))
    True
    >>> is_plain_dump(source_lines("Title\\nIntro paragraph.\\n- a\\n- b"))
    False
    """
    blank = 0
    long_runs = 0
    run = 0
    cut_sentences = 0
    for line in lines:
        if line.text.strip():
            run = 0
            cut_sentences += CUT_SENTENCE_START.match(line.text) is not None
            continue
        blank += 1
        run += 1
        long_runs += run == LONG_BLANK_RUN
    spaced = blank >= MIN_BLANK_SHARE * len(lines) and long_runs >= MIN_LONG_BLANK_RUNS
    return bool(lines) and (spaced or cut_sentences >= MIN_CUT_SENTENCES)


# --- cell-per-line tables --------------------------------------------------------------

# HTML tables in articles are narrow; a wider group of short lines is a menu or a footer.
MAX_COLUMNS = 8
# Two-column "tables" are the riskiest (a heading and its paragraph, a name and a quote, a
# date and a headline all come in twos): without a header row we want three such rows.
MIN_PAIR_ROWS = 3
# Wider tables: two rows of the same shape are already unlikely by chance.
MIN_ROWS = 2
# A row's first cell names the measure: the dev tables' names have at most 12 words.
MAX_NAME_WORDS = 12
# Scripts without spaces (Chinese, Japanese) count as one word; cap the characters too.
MAX_NAME_CHARS = 100
# ... but most are short (dev: 1–5 words): when half the rows are led by longer lines,
# the "names" are headlines in a teaser list or a menu.
MAX_SHORT_NAME_WORDS = 6
# Header cells are column labels: "Cost (US$ million)", "Main Initiative", "Lead agency".
MAX_LABEL_WORDS = 5
MAX_LABEL_CHARS = 40
# A description cell is prose: five words, or (in scripts without spaces) a sentence of
# this many characters. "Under way", "Nairobi", "€30 billion" are not.
MIN_PROSE_WORDS = 5
MIN_PROSE_CHARS = 12
# Cells of one row may be separated by blank lines too (one <td> per source line): with
# up to this many blank lines between cells, rows separated by more.
MAX_CELL_GAP = 2
# Table cells and pair descriptions are one or two sentences (dev goldens: at most two);
# a line with more is a paragraph, and its group a heading with its text.
MAX_CELL_SENTENCES = 2
SENTENCE_END = frozenset(".!?。！？")
# "2. Increase saving for, and security in, later life", "2.1 What DWP is doing": a
# numbered section heading over its text, not the name in a table row.
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")
SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|[。！？]")
QUOTES = frozenset("\"“”„«»‘’'「『")
# A clock time ("January 14, 2025 at 1:05 pm") dates a comment or a post, not a measure.
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# Broken markup that the parser kept as text: "Enarsa Asset Sales</td><td>Sale of…" is
# two cells, and "…</td></tr><tr><td>Osijek Riverside" starts a new row.
LEAKED_ROW_BREAK = re.compile(r"</t[dh]>\s*</tr>\s*<tr[^>]*>\s*<t[dh][^>]*>", re.IGNORECASE)
LEAKED_CELL_BREAK = re.compile(r"</t[dh]>\s*<t[dh][^>]*>", re.IGNORECASE)
LEAKED_TAG = re.compile(r"</?(?:table|tbody|thead|tr|td|th)\b[^>]*>", re.IGNORECASE)
LEAKED_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Group:
    """Non-blank lines between blank lines: ``start``/``end`` index the given lines."""

    start: int
    end: int
    cells: tuple[SourceLine, ...]

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(cell.text.strip() for cell in self.cells)


def find_cell_per_line_tables(lines: Sequence[SourceLine]) -> list[TextGrid]:
    """Tables printed one cell per line, rows separated by blank lines.

    A run of at least two blank-separated groups of k lines (2 ≤ k ≤ ``MAX_COLUMNS``)
    whose first line is a short name and where most rows hold a prose cell is a table;
    a group of k short labels just before it is its header. Two-line groups need three
    rows (or a header) and a one- or two-sentence second line. A group one line short
    (an empty cell, which get_text does not print) stays in the table, padded.

    >>> from policyparse.text.lines import source_lines
    >>> text = "Initiative\\nDescription\\nState\\n\\nTula Pole\\nA chemicals cluster near "
    >>> text += "the refinery.\\nHidalgo\\n\\nAIFA Park\\nParts plants next to the airport."
    >>> text += "\\nState of Mexico\\n\\nCompanies will deduct 100% of new investment."
    >>> [grid] = find_cell_per_line_tables(source_lines(text))
    >>> grid.header_rows, grid.rows[1], grid.start, grid.end, grid.row_lines
    ... # doctest: +NORMALIZE_WHITESPACE
    (1, ('Tula Pole', 'A chemicals cluster near the refinery.', 'Hidalgo'), 0, 11,
     ((1, 3), (5, 7), (9, 11)))
    """
    found: list[TextGrid] = []
    taken: set[int] = set()
    for gap in range(1, MAX_CELL_GAP + 2):
        for grid in _tables_in(_groups(lines, gap)):
            if not taken.intersection(range(grid.start, grid.end)):
                found.append(grid)
                taken.update(range(grid.start, grid.end))
    return sorted(found, key=lambda grid: grid.start)


def _groups(lines: Sequence[SourceLine], gap: int) -> list[_Group]:
    """Groups of non-blank lines split by runs of ``gap`` or more blank lines; a group with
    shorter blank runs inside keeps only when all of them are ``gap - 1`` long."""
    groups: list[_Group] = []
    cells: list[SourceLine] = []
    start = end = blanks = 0
    uniform = True
    for index, line in [*_cell_lines(lines), (len(lines), SourceLine(0, ""))]:
        if line.text.strip():
            if not cells:
                start, uniform = index, True
            uniform = uniform and blanks in (0, gap - 1) if len(cells) else uniform
            cells.append(line)
            end, blanks = index + 1, 0
            continue
        blanks += 1
        if cells and (blanks >= gap or index == len(lines)):
            if uniform:
                groups.append(_Group(start, end, tuple(cells)))
            cells = []
    return groups


def _cell_lines(lines: Sequence[SourceLine]) -> list[tuple[int, SourceLine]]:
    """The lines with their indices; a line with leaked cell markup becomes one line per
    cell, with a blank line where a leaked ``</tr><tr>`` starts a new row."""
    expanded: list[tuple[int, SourceLine]] = []
    for index, line in enumerate(lines):
        if "<" not in line.text:
            expanded.append((index, line))
            continue
        text = LEAKED_LINE_BREAK.sub(" ", line.text)
        for row_number, row in enumerate(LEAKED_ROW_BREAK.split(text)):
            if row_number:
                expanded.append((index, SourceLine(line.number, "")))
            for cell in LEAKED_CELL_BREAK.split(row):
                expanded.append((index, SourceLine(line.number, LEAKED_TAG.sub("", cell))))
    return expanded


def _tables_in(groups: list[_Group]) -> list[TextGrid]:
    """Scan the groups once: at each, try a table (with or without a header) and skip past
    whatever run was examined, so the scan stays linear."""
    grids: list[TextGrid] = []
    index = 0
    while index < len(groups):
        grid, after = _table_at(groups, index)
        if grid is not None:
            grids.append(grid)
        index = max(after, index + 1)
    return grids


def _table_at(groups: list[_Group], index: int) -> tuple[TextGrid | None, int]:
    """The table starting at ``groups[index]`` (its header, or its first row) if any, and
    where to look next: past the run, or at its first short row, which may start a
    narrower table (each group is examined at most once per width: linear)."""
    width = len(groups[index].cells)
    if not 2 <= width <= MAX_COLUMNS:
        return None, index + 1
    if _is_header(groups[index].texts):
        end = _run_end(groups, index + 1, width)
        grid = _grid(groups[index], groups[index + 1 : end], width)
        if grid is not None:
            return grid, end
    end = _run_end(groups, index, width)
    grid = _grid(None, groups[index:end], width)
    if grid is not None:
        return grid, end
    short = (i for i in range(index + 1, end) if len(groups[i].cells) < width)
    return None, next(short, end)


def _run_end(groups: list[_Group], index: int, width: int) -> int:
    """Index past the run of groups that read as rows of ``width`` cells."""
    while index < len(groups) and _is_row(groups[index].texts, width):
        index += 1
    return index


def _is_row(texts: tuple[str, ...], width: int) -> bool:
    """k cells led by a name, none a paragraph or a timestamp; or k - 1 cells with a prose
    one (get_text prints no line for an empty cell; a short group of labels is a header).
    A pair's second cell must read as a one- or two-sentence description, even under a
    header: "Video Gallery" / "Watch behind-the-scenes videos" teasers come with one."""
    full = len(texts) == width
    if not (full or (width >= 3 and len(texts) == width - 1)) or not _reads_as_name(texts[0]):
        return False
    if any(_is_paragraph(text) or CLOCK_TIME.search(text) for text in texts):
        return False
    if width == 2:
        return _reads_as_pair_description(texts[1])
    return full or any(map(_reads_as_prose, texts[1:]))


def _grid(header: _Group | None, rows: list[_Group], width: int) -> TextGrid | None:
    """The table of ``rows`` (under ``header``) if it passes the table tests."""
    if not _is_table(header, rows, width):
        return None
    body = _aligned_rows([row.texts for row in rows], width)
    groups = ([header] if header else []) + rows
    cells = ((header.texts,) if header else ()) + body
    return TextGrid(
        start=groups[0].start,
        end=groups[-1].end,
        rows=tuple(_without_label_colon(row) for row in cells),
        header_rows=1 if header else 0,
        row_lines=tuple((group.cells[0].number, group.cells[-1].last_number) for group in groups),
    )


def _is_table(header: _Group | None, rows: list[_Group], width: int) -> bool:
    """Enough rows, names that are mostly shorter than prose (a list of headlines has
    long ones), and a column that is prose in most rows (a menu, a footer or a share bar
    has none)."""
    full_rows = [row.texts for row in rows if len(row.cells) == width]
    needed = MIN_PAIR_ROWS if width == 2 and header is None else MIN_ROWS
    if len(full_rows) < MIN_ROWS or len(rows) < needed:
        return False
    if 2 * sum(len(words_of(row.texts[0])) > MAX_SHORT_NAME_WORDS for row in rows) >= len(rows):
        return False
    return any(
        2 * sum(_reads_as_prose(row[column]) for row in full_rows) > len(full_rows)
        for column in range(1, width)
    )


def _aligned_rows(rows: list[tuple[str, ...]], width: int) -> tuple[tuple[str, ...], ...]:
    """Pad each short row with an empty cell where it fits the columns best: a prose cell
    goes under the column that is mostly prose. Ties: the empty cell is the last one."""
    full = [row for row in rows if len(row) == width]
    prose_column = [
        2 * sum(_reads_as_prose(row[c]) for row in full) > len(full) for c in range(width)
    ]
    return tuple(row if len(row) == width else _padded(row, prose_column) for row in rows)


def _padded(row: tuple[str, ...], prose_column: list[bool]) -> tuple[str, ...]:
    best: tuple[str, ...] = (*row, "")
    best_score = -1
    for gap in range(len(row), 0, -1):
        candidate = (*row[:gap], "", *row[gap:])
        score = sum(
            _reads_as_prose(cell) == prose
            for cell, prose in zip(candidate, prose_column, strict=True)
            if cell
        )
        if score > best_score:
            best, best_score = candidate, score
    return best


def _without_label_colon(row: tuple[str, ...]) -> tuple[str, ...]:
    """ "Domestic Content:" names its row as "Domestic Content"."""
    return (row[0].rstrip(":：").rstrip(), *row[1:])


# --- what a cell reads as --------------------------------------------------------------


def _reads_as_name(text: str) -> bool:
    """A short name: starts with a capital, a digit or a caseless letter (not a sentence
    piece, a quotation or a "›" menu link), holds a letter (not a rank "2" in a most-read
    list), has no sentence end, is neither a date nor a numbered section heading."""
    words = words_of(text)
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(text) <= MAX_NAME_CHARS
        and text[0].isalnum()
        and not text[0].islower()
        and any(char.isalpha() for char in text)
        and not SECTION_NUMBER.match(text)
        and text[-1] not in SENTENCE_END
        and not reads_as_date(text)
    )


def _is_paragraph(text: str) -> bool:
    return len(SENTENCE_BREAK.findall(text)) > MAX_CELL_SENTENCES


def _is_header(texts: tuple[str, ...]) -> bool:
    """Column labels: short, no sentence end, not prose."""
    return all(
        0 < len(words_of(text)) <= MAX_LABEL_WORDS
        and len(text) <= MAX_LABEL_CHARS
        and text[-1] not in SENTENCE_END
        for text in texts
    )


def _reads_as_prose(text: str) -> bool:
    """A description: five words, or a sentence in a script without spaces (a headline
    there has no full stop: "健保費率明年不調整　衛福部：財務仍穩健")."""
    if len(words_of(text)) >= MIN_PROSE_WORDS:
        return True
    return len(text) >= MIN_PROSE_CHARS and text[-1] in SENTENCE_END


def _reads_as_pair_description(text: str) -> bool:
    """The second line of a name/description pair: prose of one or two sentences that ends
    like a sentence and is not a quotation (a person's name over their quote)."""
    return (
        _reads_as_prose(text)
        and text.rstrip("\"'”’)»")[-1] in SENTENCE_END
        and text[0] not in QUOTES
    )
