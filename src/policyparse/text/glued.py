"""Tables whose cells a scraper glued together on one line, read back into rows.

newspaper4k prints a table as one paragraph: each cell's text directly after the previous
cell's, with no space, and a row's last cell followed by a space (or nothing) before the
next row's first cell::

    InitiativeDescriptionAllocation Rail Network RenewalModernising 4,000 km of track.€107
    billion Bridge Repair ProgrammeRebuilding motorway bridges.€30 billion …

The cells are told apart where the glue shows (:data:`GLUE`): a lower-case letter, digit or
full stop directly followed by a capital or a currency sign ("RenewalModernising",
"track.€107"), a letter or stop followed by a digit ("MW2026"), an acronym or a lone capital
directly followed by a capitalised word ("GWLarge", "IHybride"), and table tags that leaked
into the text ("</td><td>" a cell break, "</tr><tr>" a row break). The header, a run of short
labels glued the same way at the start (after an optional caption), gives the number of
columns. Where a space was printed between a row's last cell and the next row's first, one
piece holds both; they are told apart only after a sentence's full stop ("…the Baltic states.
Shared Air Defence") or after a figure ("€107 billion Bridge Repair Programme").

Where that does not show, the guess is not made: a line is read as a table only when every
row has one cell per column, the first column holds short names and another column holds a
sentence in every row. Otherwise the line stays a paragraph, as before (a guessed cell
boundary would make a false initiative).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from ..repairs.split_leaked_tags import LEAKED_RUN, NON_TABLE_TAG
from .lines import SourceLine, TextGrid, grid_line

# Latin letters with their accents (Latin Extended-A alternates cases: "Č", "č").
_EXTENDED_A = [chr(code) for code in range(0x100, 0x180)]
_LOWER = "a-zß-öø-ÿ" + "".join(char for char in _EXTENDED_A if char.islower())
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(char for char in _EXTENDED_A if char.isupper())
_CURRENCY = "€$£¥₹₦"
GLUE = re.compile(
    # "RenewalModernising", "digitalThiès" (a lone lower-case letter is an elided article:
    # "lOriental"), "track.€107", "(CMU)All"
    rf"(?:(?<=[{_LOWER}]{{2}})|(?<=[.)%]))(?=[{_UPPER}{_CURRENCY}])"
    # "2.0Replace", "Klara600A new" (but "5G coverage", "3D printing" are one word)
    rf"|(?<=[0-9])(?=[{_UPPER}][{_LOWER}]|A\s|[{_CURRENCY}])"
    # "MW2026", "bytu.2 mld.", "Klara600"
    rf"|(?<=[{_LOWER}{_UPPER}.)]{{2}})(?=[0-9])"
    # "GWLarge", "IIPhotovoltaïque", "IHybride"
    rf"|(?:(?<=[{_UPPER}]{{2}})|(?<=\b[{_UPPER}]))(?=[{_UPPER}][{_LOWER}]{{2}})"
)
# A leaked run naming "tr" ends the row; one naming only "td"/"th" ends the cell.
ROW_TAG = re.compile(r"\btr\b", re.IGNORECASE)
# Cheap test first: a glued pair of words near the start of the line.
GLUED_START = re.compile(rf"[{_LOWER}][{_UPPER}]")
HEADER_REACH = 200
MIN_GLUES = 4
MAX_COLUMNS = 8
MIN_ROWS = 2
# A header label: "Lead agency", "Cost (CFA francs)", "Mise en service".
MAX_LABEL_WORDS = 4
# A name cell; a describing cell holds at least this many words in every row.
MAX_NAME_WORDS = 10
MIN_SENTENCE_WORDS = 5
SENTENCE_STOP = (".", "!", "?")
# The last sentence stop of a piece followed by a name: "…the Baltic states. Shared Air".
STOP_THEN_NAME = re.compile(rf"[.!?][\"”’)]?\s+(?=[{_UPPER}0-9])")
FIGURE_START = re.compile(rf"^[{_CURRENCY}]?[0-9]")
# A unit after a figure: lower case ("billion", "mld.", "km") or up to three letters ("Kč",
# "MW", "GW").
UNIT = re.compile(rf"^(?:[{_LOWER}][^\s]*|[{_UPPER}][{_LOWER}{_UPPER}]{{0,2}}\.?|[%{_CURRENCY}])$")


@dataclass(frozen=True)
class _Piece:
    """Text between two visible cell breaks; ``row_break`` when a leaked ``</tr>`` follows."""

    text: str
    row_break: bool = False


def read_glued_tables(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """Each line that reads as a glued table replaced by the table (and its caption line).

    >>> from policyparse.text.lines import source_lines
    >>> text = ("Main InitiativeDescription Joint Border ExercisesRegular drills with NATO "
    ...         "forces in Poland. Shared Air DefenceIntegration of Polish radars into NATO "
    ...         "air defence. EU Defence FundingSeeking EU loans for the fortifications.")
    >>> [line] = read_glued_tables(source_lines(text))
    >>> [row[0] for row in line.table.rows]
    ['Main Initiative', 'Joint Border Exercises', 'Shared Air Defence', 'EU Defence Funding']
    """
    result: list[SourceLine] = []
    for line in lines:
        result.extend(_as_table(line) or [line])
    return result


def _as_table(line: SourceLine) -> list[SourceLine] | None:
    text = line.text.strip()
    if not GLUED_START.search(text, 0, HEADER_REACH) or not _has_glues(text, MIN_GLUES):
        return None
    pieces = _pieces(text)
    if len(pieces) < 2:
        return None
    caption, first_label = _caption_and_label(pieces[0].text)
    for columns in range(2, min(MAX_COLUMNS, len(pieces)) + 1):
        found = _read_with_columns(pieces, columns, first_label)
        if found:
            rows = found
            grid = TextGrid(
                start=0,
                end=1,
                rows=tuple(rows),
                header_rows=1,
                row_lines=((line.number, line.last_number),) * len(rows),
            )
            before = [SourceLine(line.number, caption)] if caption else []
            return [*before, grid_line(grid)]
    return None


def _has_glues(text: str, count: int) -> bool:
    """At least ``count`` glued cell breaks (the scan stops there: most lines have none)."""
    return sum(1 for _ in islice(GLUE.finditer(text), count)) >= count


def _pieces(text: str) -> list[_Piece]:
    """The text cut at every visible cell break (glue or leaked tag)."""
    pieces: list[_Piece] = []
    position = 0
    for leak in LEAKED_RUN.finditer(text):
        pieces += _glued_pieces(text[position : leak.start()])
        if pieces and ROW_TAG.search(leak.group()):
            pieces[-1] = _Piece(pieces[-1].text, row_break=True)
        position = leak.end()
    return pieces + _glued_pieces(text[position:])


def _glued_pieces(text: str) -> list[_Piece]:
    text = NON_TABLE_TAG.sub(" ", text)  # a "<br>" inside a cell
    return [_Piece(" ".join(part.split())) for part in GLUE.split(text) if part.strip()]


def _read_with_columns(
    pieces: Sequence[_Piece], columns: int, first_label: str
) -> list[tuple[str, ...]] | None:
    """Header + rows when ``pieces`` read as a table of ``columns`` columns (the first
    piece's caption, if any, cut off already: ``first_label`` is the header's first cell)."""
    labels = [first_label, *(piece.text for piece in pieces[1 : columns - 1])]
    if len(pieces) <= columns or not all(_is_label(label) for label in labels):
        return None
    last = pieces[columns - 1]
    # The last label either shares its piece with the first row's name or stands alone.
    split = _label_and_name(last.text)
    starts = [(split[0], [_Piece(split[1], last.row_break), *pieces[columns:]])] if split else []
    if _is_label(last.text) and not last.row_break:
        starts.append((last.text, list(pieces[columns:])))
    for last_label, rest in starts:
        rows = _rows(rest, columns)
        if rows and _is_table(rows):
            return [(*labels, last_label), *rows]
    return None


def _caption_and_label(text: str) -> tuple[str, str]:
    """A caption printed before the header ends with the header's first label."""
    words = text.split()
    if len(words) <= MAX_LABEL_WORDS:
        return "", text
    return " ".join(words[:-1]), words[-1]


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS and text[0].isupper() and not text.endswith(SENTENCE_STOP)
    )


def _label_and_name(text: str) -> tuple[str, str] | None:
    """ "Description Joint Border Exercises" → the label and the first row's name. The
    label is its first word and the lower-case or bracketed words after it ("In force
    from", "Cost (CFA francs)"); the name starts at the next capitalised word."""
    words = text.split()
    end = 1
    in_brackets = False
    while end < len(words) and (in_brackets or not words[end][0].isupper()):
        in_brackets = (in_brackets or words[end].startswith("(")) and ")" not in words[end]
        end += 1
    if end >= len(words) or end > MAX_LABEL_WORDS:
        return None
    return " ".join(words[:end]), " ".join(words[end:])


def _rows(pieces: Sequence[_Piece], columns: int) -> list[tuple[str, ...]] | None:
    """Rows of ``columns`` cells, or None where a row comes out short."""
    queue = list(reversed(pieces))
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    while queue:
        piece = queue.pop()
        if len(cells) < columns - 1:
            if piece.row_break:
                return None  # a row that ended early: an empty cell newspaper4k left out
            cells.append(piece.text)
            continue
        shared = None if piece.row_break or not queue else _last_and_first(piece.text)
        if shared:
            cells.append(shared[0])
            queue.append(_Piece(shared[1]))
        else:
            cells.append(piece.text)
        rows.append(tuple(cells))
        cells = []
    return None if cells else rows


def _last_and_first(text: str) -> tuple[str, str] | None:
    """A row's last cell and the next row's first, printed with a space between them:
    after a sentence ("…the Baltic states. Shared Air Defence") or after a figure and its
    unit ("€107 billion Bridge Repair Programme", "2 mld. Kč Mladá rodina")."""
    return _after_figure(text) or _after_sentence(text)


def _after_sentence(text: str) -> tuple[str, str] | None:
    stops = list(STOP_THEN_NAME.finditer(text))
    if not stops:
        return None
    cut = stops[-1]
    return text[: cut.start() + 1].rstrip(), text[cut.end() :]


def _after_figure(text: str) -> tuple[str, str] | None:
    """(A unit may end in a full stop: "2 mld. Kč Mladá rodina".)"""
    if not FIGURE_START.match(text):
        return None
    words = text.split()
    end = 1
    while end < len(words) and (FIGURE_START.match(words[end]) or UNIT.match(words[end])):
        end += 1
    if end >= len(words):
        return None
    return " ".join(words[:end]), " ".join(words[end:])


def _is_table(rows: Sequence[tuple[str, ...]]) -> bool:
    """Enough rows, short names first, and a column of sentences."""
    if len(rows) < MIN_ROWS:
        return False
    if not all(_is_name(row[0]) for row in rows):
        return False
    return any(
        all(len(row[column].split()) >= MIN_SENTENCE_WORDS for row in rows)
        for column in range(1, len(rows[0]))
    )


def _is_name(text: str) -> bool:
    """A short text, not a sentence, and not a figure before a name ("2024 Line 2": the
    figure is the row above's last cell; the columns were miscounted)."""
    return (
        0 < len(text.split()) <= MAX_NAME_WORDS
        and any(char.isalpha() for char in text)
        and not text.endswith(SENTENCE_STOP)
        and not (FIGURE_START.match(text) and _last_and_first(text))
    )
