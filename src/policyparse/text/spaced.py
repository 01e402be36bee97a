"""Tables printed a row per line, each row's cells joined by a space, read back into rows.

html-text and lynx print a table row as one line (lynx wraps it, the layout reader joins
it back), with a space where one cell ends and the next begins, and the header row the
same way::

    Main Initiative Description
    Joint Border Exercises Regular drills with NATO forces stationed in Poland.
    Shared Air Defence Integration of Polish radars into NATO's air defence.

Nothing marks the cell break, but the shape of the cells does: a name is written in title
case ("Goodwill Industries of Central Texas", minor words between capitalised ones), a
describing cell is a sentence (a capitalised word, then lower-case ones). The break is at
the last capitalised word of the row's title-case start that follows a word a name can end
on: "Shared Air Defence | Integration of Polish radars" (a name does not end on "of"), "EU
Defence Funding | Seeking EU loans" (nor does a sentence start with an acronym). Leaked
table tags, where a scraper left them, say where the cells and rows break.

The guess is made only where a table shows: a short title-case line (the header) directly
above two or more lines, with no blank line between them, each of which splits into a name
and a sentence of :data:`MIN_SENTENCE_WORDS` words or more. A paragraph under a heading is
set apart by a blank line in both writers; a run of such lines that does not split in
every row is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from ..cues import alternation
from ..repairs.split_leaked_tags import LEAKED_RUN, NON_TABLE_TAG, ROW_TAG
from ..textutil import COMMON_WORD, MINOR_WORDS, ends_with_punctuation, title_case_ratio
from .lines import BULLET, GridLine, SourceLine, TextGrid, scan_for_grids

MIN_ROWS = 2
# Aligned columns (a grid the layout reader did not take) are another table's shape.
COLUMN_GUTTER = re.compile(r"\S {3,}\S")
MAX_HEADER_WORDS = 8
MIN_HEADER_WORDS = 2
MAX_NAME_WORDS = 8
MIN_SENTENCE_WORDS = 5
# The describing column's header label: where a header line is cut into its two labels
# ("Main Initiative | Description", "Key Initiatives Underway | Purpose & Impact").
DESCRIBING_LABEL = re.compile(
    rf"\b(?:{alternation('describing_headers')}|{alternation('objective_headers')})\b",
    re.IGNORECASE,
)
MIN_COMMON_WORDS = 3
# After its first word a sentence is mostly lower-case words (names in it allowed: "drills
# with NATO forces stationed in Poland and the Baltic states"); a heading is not.
MAX_SENTENCE_TITLE_CASE = 0.5
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[^\W\d_])")
MAX_CELL_SENTENCES = 2
STOP_THEN_CELL = re.compile(r"[.!?][\"”’)]?\s+(?=\S)")
# A title-case start running into one of these is a label or a list of names.
LABEL_ENDS = (":", ",", ";")
# A figure printed after a name in a column of its own: "600", "2026", "25%", "US$1.5".
FIGURE = re.compile(r"^[$€£¥₹]?[0-9][0-9.,]*%?$|^[A-Z]{1,3}\$[0-9][0-9.,]*$")
UNIT = re.compile(r"^(?:[a-zA-Z]{1,3}|%)$")
LINK = re.compile(r"^(?:https?://|www\.)\S+$")
# Symbols a title-case name or header may hold between its words.
NAME_SYMBOLS = frozenset("&+/–—-")


def find_spaced_tables(lines: Sequence[SourceLine]) -> list[TextGrid]:
    """The tables among ``lines`` (indices into it), each as a header and its rows.

    >>> from policyparse.text.lines import source_lines
    >>> text = '''Main Initiative Description
    ... Joint Border Exercises Regular drills with NATO forces stationed in Poland.
    ... EU Defence Funding Seeking EU loans and grants to co-finance the border works.'''
    >>> [grid] = find_spaced_tables(source_lines(text))
    >>> grid.rows
    (('Main Initiative', 'Description'), ('Joint Border Exercises', 'Regular drills with \
NATO forces stationed in Poland.'), ('EU Defence Funding', 'Seeking EU loans and grants to \
co-finance the border works.'))
    """
    return scan_for_grids(lines, partial(_table_under, lines))


def _table_under(lines: Sequence[SourceLine], index: int) -> TextGrid | None:
    return _table_at(lines, index) if _is_header(lines[index]) else None


def _table_at(lines: Sequence[SourceLine], start: int) -> TextGrid | None:
    rows: list[_Row] = []
    row_lines: list[tuple[int, int]] = []
    end = start + 1
    while end < len(lines) and _directly_follows(lines[end - 1], lines[end]):
        found = _rows_of(lines[end])
        if found is None:
            break
        rows += found
        row_lines += [(lines[end].number, lines[end].last_number)] * len(found)
        end += 1
    cells = _cells(rows)
    names = [row[0] for row in cells]
    if len(rows) < MIN_ROWS or len(set(names)) < len(names):
        return None  # (a name printed twice is a headline and its teaser, not a row)
    width = max(len(row) for row in cells)
    header = _header_cells(lines[start].text.strip(), width, _has_figure_column(rows))
    header_line = (lines[start].number, lines[start].last_number)
    return TextGrid(
        start=start,
        end=end,
        rows=(header, *(_padded(row, width) for row in cells)),
        header_rows=1,
        row_lines=(header_line, *row_lines),
    )


@dataclass(frozen=True)
class _Row:
    """A row as leaked tags cut it (``given``), or as the name/sentence split guessed it:
    its name, a figure printed after the name (a column of its own when most rows have
    one: "Sveta Klara | 600 | A new rental neighbourhood…"), the sentence, a trailing link."""

    given: tuple[str, ...] = ()
    name: str = ""
    figure: str = ""
    sentence: str = ""
    rest: str = ""
    link: str = ""


def _has_figure_column(rows: Sequence[_Row]) -> bool:
    split = [row for row in rows if not row.given]
    with_figure = sum(1 for row in split if row.figure)
    return with_figure >= MIN_ROWS and with_figure * 2 > len(split)


def _cells(rows: Sequence[_Row]) -> list[tuple[str, ...]]:
    figures = _has_figure_column(rows)
    rests = any(row.rest for row in rows)
    links = any(row.link for row in rows)
    cells = []
    for row in rows:
        if row.given:
            cells.append(row.given)
            continue
        name = row.name if figures else " ".join(filter(None, (row.name, row.figure)))
        middle = (row.figure,) if figures else ()
        after = ((row.rest,) if rests else ()) + ((row.link,) if links else ())
        cells.append((name, *middle, row.sentence, *after))
    return cells


def _directly_follows(previous: SourceLine, line: SourceLine) -> bool:
    """The next source line, not a blank one, not a table already found."""
    return (
        line.number == previous.last_number + 1
        and bool(line.text.strip())
        and not isinstance(line, GridLine)
    )


def _is_header(line: SourceLine) -> bool:
    """A short line of title-case labels: "Main Initiative Description", "Training
    Provider Services Website", "Key Initiatives Underway Purpose & Impact"."""
    text = line.text.strip()
    words = text.split()
    return (
        not isinstance(line, GridLine)
        and not COLUMN_GUTTER.search(text)
        and MIN_HEADER_WORDS <= len(words) <= MAX_HEADER_WORDS
        and not ends_with_punctuation(text)
        and "," not in text
        and BULLET.match(line.text) is None
        and _is_capitalised(words[0])
        and _is_mostly_capitalised(words)
    )


def _is_mostly_capitalised(words: list[str]) -> bool:
    """Labels, some in sentence case ("Lead agency", "Cost (K million)"), not a sentence
    and not a menu's "Services ▾"."""
    capitalised = sum(1 for word in words if _is_capitalised(word))
    lower = sum(1 for word in words if not _is_name_word(word))
    worded = all(word in NAME_SYMBOLS or any(char.isalnum() for char in word) for word in words)
    return worded and capitalised > lower


def _header_cells(text: str, width: int, figure_column: bool) -> tuple[str, ...]:
    """The header cut before its describing label (and an empty label over a figure
    column); uncut (one label over all columns) when it has none."""
    label = DESCRIBING_LABEL.search(text)
    if label and label.start() > 0:
        figure = ("",) if figure_column else ()
        name, describing = text[: label.start()].strip(), text[label.start() :].strip()
        return _padded((name, *figure, describing), width)
    return _padded((text,), width)


def _padded(row: tuple[str, ...], width: int) -> tuple[str, ...]:
    return row + ("",) * (width - len(row))


def _rows_of(line: SourceLine) -> list[_Row] | None:
    """The row (or, where a leaked ``</tr><tr>`` joins them, rows) of one line; None
    when a piece of it is no row."""
    if BULLET.match(line.text):
        return None
    rows: list[_Row] = []
    for cells in _leaked_rows(line.text):
        row = _Row(given=tuple(cells)) if len(cells) > 1 else _split_row(cells[0])
        if row is None:
            return None
        rows.append(row)
    return rows


def _leaked_rows(text: str) -> list[list[str]]:
    """The text's rows and cells as leaked table tags cut them (one cell: no tags)."""
    rows: list[list[str]] = [[]]
    position = 0
    for leak in LEAKED_RUN.finditer(text):
        rows[-1].append(text[position : leak.start()])
        if ROW_TAG.search(leak.group()):
            rows.append([])
        position = leak.end()
    rows[-1].append(text[position:])
    cleaned = [[" ".join(NON_TABLE_TAG.sub(" ", cell).split()) for cell in row] for row in rows]
    return [[cell for cell in row if cell] or [""] for row in cleaned if any(row)]


def _split_row(text: str) -> _Row | None:
    """ "Shared Air Defence Integration of Polish radars …" → name, sentence (and a
    figure after the name, a link printed last)."""
    words = text.split()
    link = words.pop() if len(words) > 1 and LINK.match(words[-1]) else ""
    cut = _cell_break(words)
    if cut is None:
        return None
    name, (sentence, rest) = words[:cut], _sentence_and_rest(words[cut:])
    if not _reads_as_cell_sentence(sentence):
        return None
    figure = _trailing_figure(name)
    kept = name[: len(name) - len(figure)] if figure else name
    return _Row(
        name=" ".join(kept), figure=" ".join(figure), sentence=sentence, rest=rest, link=link
    )


def _sentence_and_rest(words: list[str]) -> tuple[str, str]:
    """The describing sentence and the cells printed after it: what follows its full stop
    ("…by 2031. | €107 billion") or, where it has none, the figures it ends on
    ("…avec cinq heures de stockage | 800 MW 2026")."""
    text = " ".join(words)
    if ends_with_punctuation(text):
        return text, ""
    stops = list(STOP_THEN_CELL.finditer(text))
    if stops:
        rest = text[stops[-1].end() :]
        if len(rest.split()) <= MAX_NAME_WORDS:
            return text[: stops[-1].start() + 1], rest
        return text, ""
    end = len(words)
    while end > MIN_SENTENCE_WORDS and (
        FIGURE.match(words[end - 1]) or _is_unit_after_figure(words, end - 1)
    ):
        end -= 1
    return " ".join(words[:end]), " ".join(words[end:])


def _trailing_figure(name: list[str]) -> list[str]:
    """ "Pumped Hydro Storage 200 MW" → ["200", "MW"]: a figure and its unit ending a name
    that has words before them."""
    for start in range(len(name) - 1, 0, -1):
        if FIGURE.match(name[start]):
            rest = name[start + 1 :]
            return name[start:] if all(UNIT.match(word) for word in rest) else []
    return []


def _reads_as_cell_sentence(text: str) -> bool:
    """What a describing cell holds: one or two sentences of common words ("Regular drills
    with NATO forces…"), not a paragraph, a row of codes ("Senate D to R 1964"), a heading
    ("Types of Help if You're Homeless") or a menu."""
    return (
        len(COMMON_WORD.findall(text)) >= MIN_COMMON_WORDS
        and len(SENTENCE_BREAK.findall(text)) < MAX_CELL_SENTENCES
        and title_case_ratio(text.split(maxsplit=1)[-1]) <= MAX_SENTENCE_TITLE_CASE
    )


def _cell_break(words: list[str]) -> int | None:
    """Where the describing sentence starts: the last capitalised word (not an acronym) of
    the title-case start that follows a word a name can end on."""
    title_case = 0
    while title_case < len(words) and (
        _is_name_word(words[title_case]) or _is_unit_after_figure(words, title_case)
    ):
        title_case += 1
    if not words or not _is_capitalised(words[0]):
        return None  # a numbered line ("45 End automatic entitlement…")
    if any(word.endswith(LABEL_ENDS) for word in words[:title_case]):
        return None  # "Corporation Tax: reduce…": a label, not a cell
    for cut in range(min(title_case, MAX_NAME_WORDS + 1) - 1, 0, -1):
        if (
            _starts_sentence(words[cut])
            and not _is_minor(words[cut - 1])
            and len(words) - cut >= MIN_SENTENCE_WORDS
        ):
            return cut
    return None


def _is_unit_after_figure(words: list[str], index: int) -> bool:
    """ "3,000 km", "1.5 GW": a unit after a figure belongs with it."""
    return (
        index > 0 and FIGURE.match(words[index - 1]) is not None and bool(UNIT.match(words[index]))
    )


def _is_name_word(word: str) -> bool:
    return _is_capitalised(word) or _is_minor(word) or word in NAME_SYMBOLS or word[:1].isdigit()


def _is_capitalised(word: str) -> bool:
    first = word.lstrip("(\"'“‘")[:1]
    return first.isupper()


def _is_minor(word: str) -> bool:
    return word.lower() in MINOR_WORDS


def _starts_sentence(word: str) -> bool:
    """A capitalised word that is not an acronym ("Seeking", not "EU"), or a capitalised
    article ("The Arc of the Capital Area | A comprehensive program …")."""
    letters = [char for char in word if char.isalpha()]
    if not word[:1].isupper():
        return False
    return _is_minor(word) or (len(letters) > 1 and not all(c.isupper() for c in letters))
