"""Source lines of a scraped text, and the tables a dialect reader finds among them.

Every dialect reader (Markdown, layout, plain dumps) works on :class:`SourceLine` lists:
it may join lines (a wrapped sentence, a cell continued on the next line) but keeps the
first and last source line numbers, so every block still says where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..blocks import Span, Table

# A block joined from wrapped lines grows by copying: past this size a joined line stops
# taking more lines (the rest starts a new block), so a text of 100,000 wrapped lines with
# no paragraph break cannot make the joining quadratic. Real paragraphs are far shorter.
MAX_JOINED_CHARS = 20_000

# A list item's line: its indent, its marker (a bullet, a number, a letter, a numeral in
# brackets) and its text.
BULLET = re.compile(
    r"^(?P<indent>[ \t\u3000]*)"
    r"(?P<marker>[-*•·▲△○●□■◆◇※►▸▪◦‣–—]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]\)"
    r"|\((?:[ivx]{1,5}|[IVX]{1,5})\)|(?:[ivx]{2,5}|[IVX]{2,5})[.)])"
    r"[ \t\u00a0\u3000]+(?P<body>\S.*)$"
)


@dataclass(frozen=True)
class SourceLine:
    """One logical line: ``number`` is its first 1-based source line, ``last`` its last
    (0 when it is a single source line)."""

    number: int
    text: str
    last: int = 0

    def span(self) -> Span:
        return Span(lines=(self.number, max(self.number, self.last)))

    @property
    def last_number(self) -> int:
        return max(self.number, self.last)

    @property
    def is_full(self) -> bool:
        """Has this line grown as long as a joined line may grow?"""
        return len(self.text) >= MAX_JOINED_CHARS

    def joined(self, other: SourceLine, separator: str = " ") -> SourceLine:
        """This line with ``other`` appended (a wrapped continuation).

        >>> SourceLine(3, "a plan to").joined(SourceLine(4, "  build homes")).text
        'a plan to build homes'
        """
        text = f"{self.text.rstrip()}{separator}{other.text.strip()}"
        return SourceLine(self.number, text, other.last_number)


def source_lines(text: str, *, keep_trailing_space: bool = False) -> list[SourceLine]:
    """The text's lines, numbered from 1, trailing whitespace removed unless asked to keep it
    (in Markdown two trailing spaces are a line break)."""
    if keep_trailing_space:
        return [SourceLine(number, raw) for number, raw in enumerate(text.splitlines(), 1)]
    return [SourceLine(number, raw.rstrip()) for number, raw in enumerate(text.splitlines(), 1)]


@dataclass(frozen=True)
class TextGrid:
    """A table a dialect reader recognised in lines ``start`` up to (not including) ``end``
    (indices into the list it was given). ``row_lines`` gives each row's first and last
    source line number; ``header_rows`` counts the header rows at the top of ``rows``."""

    start: int
    end: int
    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0
    row_lines: tuple[tuple[int, int], ...] = field(default=())
    caption: str = ""

    def to_table(self) -> Table:
        spans = tuple(Span(lines=lines) for lines in self.row_lines)
        first = self.row_lines[0][0] if self.row_lines else 0
        last = self.row_lines[-1][1] if self.row_lines else 0
        return Table(
            rows=self.rows,
            header_rows=self.header_rows,
            row_spans=spans,
            caption=self.caption,
            span=Span(lines=(first, last)),
        )


@dataclass(frozen=True)
class GridLine(SourceLine):
    """A table a dialect reader found, standing in the line list where its lines were.

    Its ``text`` is the first row joined by pipes, so a look at "the next line" sees a
    table row, as it would in a pipe table."""

    table: Table = field(default_factory=lambda: Table(rows=()))


def grid_line(grid: TextGrid) -> GridLine:
    table = grid.to_table()
    first, last = table.span.lines or (0, 0)
    text = " | ".join(grid.rows[0]) if grid.rows else "|"
    return GridLine(first, f"| {text} |", last, table=table)


def scan_for_grids(
    lines: Sequence[SourceLine], grid_at: Callable[[int], TextGrid | None]
) -> list[TextGrid]:
    """Every grid ``grid_at`` finds starting at a line, the scan going on after each grid
    (grids never overlap), so each line is a candidate start at most once.

    >>> lines = [SourceLine(n, t) for n, t in enumerate(["a", "b", "c"], 1)]
    >>> found = scan_for_grids(lines, lambda i: TextGrid(i, i + 2, (("x",),)) if i < 2 else None)
    >>> [(grid.start, grid.end) for grid in found]
    [(0, 2)]
    """
    grids: list[TextGrid] = []
    index = 0
    while index < len(lines):
        grid = grid_at(index)
        if grid is None:
            index += 1
            continue
        grids.append(grid)
        index = grid.end
    return grids


def with_grids(
    lines: Sequence[SourceLine],
    grids: Sequence[TextGrid],
    read_segment: Callable[[Sequence[SourceLine]], list[SourceLine]],
) -> list[SourceLine]:
    """``read_segment`` applied to the lines between grids, each grid as one GridLine."""
    result: list[SourceLine] = []
    position = 0
    for grid in sorted(grids, key=lambda found: found.start):
        if grid.start < position:
            continue  # overlapping finds: the first one stands
        result += read_segment(lines[position : grid.start])
        result.append(grid_line(grid))
        position = grid.end
    return result + read_segment(lines[position:])
