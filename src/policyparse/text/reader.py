"""Scraped text → blocks, by a line grammar: headings, paragraphs, bullets, pipe tables.

Scrapers flatten pages to one line per block: a heading line, a paragraph line, a bullet
line, a table row with cells joined by pipes. The reader classifies each line and groups
runs of bullets into lists and runs of pipe rows into tables; the repair passes fix what
the flattening broke.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from ..blocks import (
    Block,
    Heading,
    ItemDraft,
    ListBlock,
    Paragraph,
    Reading,
    Span,
    Table,
    freeze_items,
)
from ..repairs.group_bullet_paragraphs import reads_as_dash_item
from ..textutil import (
    CLOSING_MARKS,
    MINOR_WORDS,
    ends_with_punctuation,
    length_in_words,
    reads_as_heading,
    words_of,
)
from .dialect import detect_dialect
from .furniture import split_text_furniture
from .glued import read_glued_tables
from .grids import find_aligned_grids, find_box_grids
from .headings import (
    MARKDOWN_HEADING,
    field_label,
    heads_a_paragraph,
    marks_headings,
    reads_as_sentence_case_heading,
    repeated_field_labels,
)
from .layout import read_layout_lines, split_sidebar
from .lines import BULLET, GridLine, SourceLine, source_lines, with_grids
from .markdown import read_markdown_lines
from .plain import find_cell_per_line_tables, is_plain_dump, join_inline_breaks
from .sections import wiki_section_headings
from .spaced import find_spaced_tables

SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
BOLD_LEAD = re.compile(r"^\*\*(?P<lead>[^*]{1,200}?)\*\*\s*(?P<rest>.*)$")
# "**Name** – description" with no bullet is still an item; "**Heading**" alone a heading.
BOLD_ITEM_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>)(?P<body>\*\*[^*]{1,200}?\*\*\s*[:：–—-]?\s*\S.*)$"
)
BOLD_LINE = re.compile(r"^\s*\*\*(?P<text>[^*]{1,200}?)\*\*\s*$")
# A table row whose last cell goes on over several lines is closed by a line ending in a
# pipe; we look this far ahead for it before deciding the row simply ended.
MAX_CONTINUATION_LINES = 8
# The title is the first line unless it is too long to be one.
MAX_TITLE_WORDS = 30
# Indentation per nesting level of sub-bullets, in spaces (a tab counts as four).
INDENT_STEP = 2


def read_text(text: str) -> list[Block]:
    """Read scraped text into blocks (the first heading-like line at level 1: the title)."""
    return read_text_document(text).blocks


def read_text_document(text: str) -> Reading:
    """Decide the text's dialect, turn its lines into one logical line per block, then read
    the blocks by one line grammar; what was left out is in ``skipped``."""
    text = c1_controls_as_cp1252(text)
    lines = source_lines(text)
    shape = detect_dialect(lines)
    skipped: list[tuple[str, str, str]] = []
    dump = False
    if shape.dialect == "markdown":
        logical, skipped = read_markdown_lines(source_lines(text, keep_trailing_space=True))
    elif shape.dialect == "layout":
        logical, skipped = _read_layout_text(lines, shape.wrap_width)
    elif dump := is_plain_dump(lines):
        logical = _read_plain_dump(text)
    else:
        logical = read_glued_tables(_join_wrapped_lines(_tabs_to_pipes(lines)))
    markdown = shape.dialect == "markdown"
    if (shape.sets_blocks_apart or shape.dialect == "layout") and not (markdown or dump):
        # A row per line, cells joined by a space, shows only where blank lines set the
        # paragraphs apart (and not in a dump: it prints a line per text node, not per row).
        logical = with_grids(logical, find_spaced_tables(logical), list)
    article, furniture = split_text_furniture(
        wiki_section_headings(logical), markdown=markdown, layout=shape.dialect == "layout"
    )
    blank = BlankLines.of(lines) if shape.sets_blocks_apart else None
    blocks = _read_blocks(
        article,
        blank,
        marked_only=markdown and marks_headings(article),
        field_labels=repeated_field_labels(article),
    )
    return Reading(blocks=blocks, skipped=skipped + furniture, dialect=shape.dialect)


@dataclass(frozen=True)
class BlankLines:
    """Where a text that sets its blocks apart has its blank lines (source line numbers)."""

    numbers: frozenset[int]
    count: int

    @classmethod
    def of(cls, lines: Sequence[SourceLine]) -> BlankLines:
        return cls(frozenset(line.number for line in lines if not line.text.strip()), len(lines))

    def before(self, line: SourceLine) -> bool:
        """Is the source line above ``line`` blank (or the text's start)?"""
        return line.number - 1 < 1 or line.number - 1 in self.numbers

    def after(self, line: SourceLine) -> bool:
        """Is the source line below ``line`` blank (or the text's end)?"""
        return line.last_number + 1 > self.count or line.last_number + 1 in self.numbers


def _stands_apart(lines: list[SourceLine], index: int, blank: BlankLines) -> bool:
    """Is the line at ``index`` set apart as a heading is: each side a blank line, a
    table, a list, or a paragraph that ends its sentence? inscriptis prints a heading's
    paragraph right under it and lynx a heading right under the paragraph before, but no
    scraper packs a heading between menu entries or the rows of a flattened table.

    >>> text = "Home\\nPlans\\nNews\\n\\nPlans\\nIt will grow."
    >>> lines = source_lines(text)
    >>> [_stands_apart(lines, i, BlankLines.of(lines)) for i in (1, 4)]
    [False, True]
    """
    line = lines[index]
    neighbours = []
    if not blank.before(line):
        neighbours.append(_nearest_filled(lines, index, -1))
    if not blank.after(line):
        neighbours.append(_nearest_filled(lines, index, 1))
    return all(_ends_a_block(lines, neighbour) for neighbour in neighbours)


def _nearest_filled(lines: list[SourceLine], index: int, step: int) -> int | None:
    index += step
    while 0 <= index < len(lines):
        if lines[index].text.strip():
            return index
        index += step
    return None


def _ends_a_block(lines: list[SourceLine], index: int | None) -> bool:
    """Nothing, a table, a list item, or a paragraph that ends its sentence."""
    if index is None:
        return True
    line = lines[index]
    return (
        isinstance(line, GridLine)
        or ends_with_punctuation(line.text)
        or BULLET.match(line.text) is not None
        or BOLD_ITEM_LINE.match(line.text) is not None
        or _in_pipe_table(lines, index)
    )


def _in_pipe_table(lines: list[SourceLine], index: int) -> bool:
    """A pipe row next to another pipe row or a separator ("Home | News" alone is a menu)."""
    if not _is_pipe_row(lines[index].text):
        return False
    around = (lines[i].text for i in (index - 1, index + 1) if 0 <= i < len(lines))
    return any(_is_pipe_row(text) or SEPARATOR_ROW.match(text) for text in around)


# U+0080–U+009F in a text are windows-1252 characters a tool decoded as Latin-1 (a
# page's "&#146;" read without the HTML rule that maps it to "’"): read them as a browser
# reads such references. The five code points cp1252 leaves undefined stay as they are.
C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
HAS_C1 = re.compile("[\x80-\x9f]")


def c1_controls_as_cp1252(text: str) -> str:
    """C1 controls read as the windows-1252 characters they stand for.

    >>> c1_controls_as_cp1252("l\\x92État \\x95 item")
    'l’État • item'
    """
    return text.translate(C1_AS_CP1252) if HAS_C1.search(text) else text


def _read_layout_text(
    lines: list[SourceLine], width: int
) -> tuple[list[SourceLine], list[tuple[str, str, str]]]:
    """Tables first (on the lines as printed), then, between them, a sidebar printed beside
    the article is cut away and the rest joined into blocks."""
    skipped: list[tuple[str, str, str]] = []

    def read_segment(segment: Sequence[SourceLine]) -> list[SourceLine]:
        kept, sidebar = split_sidebar(segment)
        skipped.extend((line.text, "sidebar", line.span().describe()) for line in sidebar)
        return read_layout_lines(kept, width)

    grids = find_box_grids(lines) + find_aligned_grids(lines)
    return with_grids(lines, grids, read_segment), skipped


def _read_plain_dump(text: str) -> list[SourceLine]:
    """A get_text dump prints one line per text node: the pieces of a sentence cut at
    inline tags are glued first, and tables printed a cell per line found."""
    joined = join_inline_breaks(source_lines(text, keep_trailing_space=True))
    grids = find_cell_per_line_tables(joined)
    return with_grids(joined, grids, lambda segment: _join_wrapped_lines(list(segment)))


def _read_blocks(
    lines: list[SourceLine],
    blank: BlankLines | None = None,
    *,
    marked_only: bool = False,
    field_labels: frozenset[str] = frozenset(),
) -> list[Block]:
    """The blocks of the logical lines. A heading-shaped line stays a paragraph when
    ``blank`` is given and it is packed between other lines (a menu entry, a flattened
    table row), when ``marked_only`` (the writer marked its headings, not this one), and
    when it opens with one of ``field_labels`` (a field repeated box after box)."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if isinstance(line, GridLine):
            blocks.append(line.table)
            index += 1
        elif not line.text.strip():
            index += 1
        elif _is_prose_row(line.text):
            blocks.append(Paragraph(text=_prose_cell(line.text), span=line.span()))
            index += 1
        elif _starts_table(lines, index):
            table, index = _read_table(lines, index)
            blocks.append(table)
        elif _is_numbered_heading(lines, index):
            blocks.append(Heading(text=line.text.strip(), level=2, span=line.span()))
            index += 1
        elif BULLET.match(line.text) or BOLD_ITEM_LINE.match(line.text):
            items, index = _read_list(lines, index)
            blocks.append(items)
        elif not blocks and _is_kicker_above_title(lines, index):
            blocks.append(Paragraph(text=line.text.strip(), span=line.span()))
            index += 1
        else:
            is_first = not blocks or _follows_kicker(blocks)
            # (Asked only of a heading-shaped line: most lines are prose.)
            apart: Callable[[], bool] = _always
            if marked_only or (field_labels and field_label(line.text) in field_labels):
                apart = _never
            elif blank:
                apart = partial(_stands_apart, lines, index, blank)
            following = partial(_next_text, lines, index)
            blocks.append(
                _read_line(line, is_first=is_first, stands_apart=apart, following=following)
            )
            index += 1
    return blocks


# "POLITICS" above the headline: a section label in capitals, not the title.
MAX_KICKER_WORDS = 3
MIN_TITLE_WORDS_AFTER_KICKER = 6


def _is_kicker_above_title(lines: list[SourceLine], index: int) -> bool:
    text = lines[index].text.strip()
    if len(words_of(text)) > MAX_KICKER_WORDS or not text.isupper():
        return False
    following = next((line.text.strip() for line in lines[index + 1 :] if line.text.strip()), "")
    return len(words_of(following)) >= MIN_TITLE_WORDS_AFTER_KICKER and reads_as_heading(following)


def _follows_kicker(blocks: list[Block]) -> bool:
    """The line after a kicker is the title."""
    return len(blocks) == 1 and isinstance(blocks[0], Paragraph)


NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?P<body>\S.*)$")


def _is_numbered_heading(lines: list[SourceLine], index: int) -> bool:
    """'1. Financing the Transition' or '2. Youth: Building Tomorrow' followed by prose is a
    numbered heading; '1. Phase One: design work.' among other items is an item."""
    match = NUMBERED.match(lines[index].text)
    if not match:
        return False
    if not reads_as_heading(match.group("body")):
        return False
    following = next((line.text for line in lines[index + 1 :] if line.text.strip()), "")
    return bool(following) and not BULLET.match(following) and not _is_pipe_row(following)


# A paragraph line this long that does not end a sentence was wrapped by the scraper.
MIN_WRAPPED_WORDS = 8


def _join_wrapped_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """Join lines a scraper broke mid-sentence ("…leave university with" / "certificates
    but…"): the break is not a block boundary. Headings, bullets and table rows stay."""
    result: list[SourceLine] = []
    for line in lines:
        previous = result[-1] if result else None
        wrapped = previous is not None and previous.last > previous.number
        if (
            previous is not None
            and len(result) > 1
            and not previous.is_full
            and _continues(previous.text, line.text, wrapped)
        ):
            joined = f"{previous.text.rstrip()} {line.text.strip()}"
            result[-1] = SourceLine(previous.number, joined, line.number)
        else:
            result.append(line)
    return result


def _continues(previous: str, current: str, wrapped: bool) -> bool:
    """Is ``current`` the rest of the sentence ``previous`` left open? ``wrapped`` says
    ``previous`` is itself already several lines of one wrapped paragraph."""
    if not previous.strip() or not current.strip() or ends_with_punctuation(previous):
        return False
    if _is_structure_line(current) or "|" in previous or SEPARATOR_ROW.match(previous):
        return False
    if reads_as_dash_item(previous) and reads_as_dash_item(current):
        return False  # two items of a list that lost its bullets ("name – text", a line each)
    if current.lstrip()[:1].islower():
        return True
    if BULLET.match(previous) or BOLD_ITEM_LINE.match(previous) or reads_as_heading(current):
        return False  # an item without a full stop, or a heading, then a new block
    # "…chosen on cost as well as on" / "Terje Aasland said…": a line cannot end a sentence
    # on "on"; a standfirst without its full stop can ("…to get the parks built").
    last_word = previous.split()[-1].lower().strip(",;")
    return len(words_of(previous)) >= MIN_WRAPPED_WORDS and (wrapped or last_word in MINOR_WORDS)


def _is_structure_line(text: str) -> bool:
    return bool(
        BULLET.match(text)
        or BOLD_ITEM_LINE.match(text)
        or MARKDOWN_HEADING.match(text)
        or "|" in text
        or SEPARATOR_ROW.match(text)
    )


INNER_TABS = re.compile(r"(?<=\S)\t+(?=\S)")


def _tabs_to_pipes(lines: list[SourceLine]) -> list[SourceLine]:
    """Rows copied from a spreadsheet or a tab-separated scrape: two or more consecutive
    lines with tabs between words are a table; their tabs become cell breaks."""
    tabbed = [
        bool(INNER_TABS.search(line.text)) and "|" not in line.text and not BULLET.match(line.text)
        for line in lines
    ]
    result = list(lines)
    for index, line in enumerate(lines):
        in_run = (index > 0 and tabbed[index - 1]) or (index + 1 < len(lines) and tabbed[index + 1])
        if tabbed[index] and in_run:
            result[index] = SourceLine(line.number, INNER_TABS.sub(" | ", line.text))
    return result


# A headline may ask or exclaim, but it does not end with a full stop: a first line that
# does is the story's first sentence (a scraper that printed no headline), not its title.
SENTENCE_STOP = (".", "。", "．", "…")


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSING_MARKS).endswith(SENTENCE_STOP)


def _always() -> bool:
    return True


def _never() -> bool:
    return False


def _next_text(lines: list[SourceLine], index: int) -> str:
    return next((line.text for line in lines[index + 1 :] if line.text.strip()), "")


def _read_line(
    line: SourceLine,
    *,
    is_first: bool,
    stands_apart: Callable[[], bool] = _always,
    following: Callable[[], str] = str,
) -> Block:
    text = line.text.strip()
    span = line.span()
    marked = MARKDOWN_HEADING.match(text) or BOLD_LINE.match(text)
    if marked:
        level = len(marked.groupdict().get("hashes") or "###")
        return Heading(
            text=marked.group("text").strip(), level=1 if is_first else max(level, 2), span=span
        )
    if is_first and len(words_of(text)) <= MAX_TITLE_WORDS and not _ends_sentence(text):
        return Heading(text=text, level=1, span=span)
    if _reads_as_section_heading(text, following) and stands_apart():
        return Heading(text=text, level=2, span=span)
    return Paragraph(text=text, span=span)


def _reads_as_section_heading(text: str, following: Callable[[], str]) -> bool:
    if reads_as_heading(text):
        return True
    return reads_as_sentence_case_heading(text) and heads_a_paragraph(text, following())


# --- tables -------------------------------------------------------------------------


def _is_pipe_row(text: str) -> bool:
    return "|" in text and not SEPARATOR_ROW.match(text)


# A page laid out in a table puts its whole text in one cell; flattened to pipe text, that
# cell is a "row" of one long paragraph above the real table's rows. It is prose.
MIN_PROSE_ROW_WORDS = 40


def _is_prose_row(text: str) -> bool:
    """'|  | Power Sector Recovery Programme … targets. |': one cell of many sentences.

    >>> _is_prose_row("|  | " + "The plan sets out how the grid will be fixed. " * 5 + "|")
    True
    >>> _is_prose_row("| Solar Power Naija | Off-grid solar systems for 5 million homes. |")
    False
    """
    # (Cheap first: every table row comes here, and a prose row is long.)
    if len(text) < MIN_PROSE_ROW_WORDS * 2 or not _is_pipe_row(text):
        return False
    filled = [cell for cell in split_cells(text) if cell]
    return (
        len(filled) == 1
        and length_in_words(filled[0]) >= MIN_PROSE_ROW_WORDS
        and _ends_sentence(filled[0])
    )


def _prose_cell(text: str) -> str:
    return next(cell for cell in split_cells(text) if cell)


def _starts_table(lines: list[SourceLine], index: int) -> bool:
    """A pipe row followed by a separator or another pipe row starts a table."""
    if not _is_pipe_row(lines[index].text):
        return False
    if len(split_cells(lines[index].text)) < 2:
        return False
    if index + 1 >= len(lines):
        return False
    following = lines[index + 1].text
    return bool(SEPARATOR_ROW.match(following)) or _is_pipe_row(following)


def split_cells(text: str) -> list[str]:
    """Split a pipe row, dropping the empty cells that outer pipes create.

    >>> split_cells("| Name | Budget |")
    ['Name', 'Budget']
    >>> split_cells("Name | Budget | |||")
    ['Name', 'Budget', '', '', '']
    """
    stripped = text.strip()
    cells = stripped.split("|")
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and cells:
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def _read_table(lines: list[SourceLine], start: int) -> tuple[Table, int]:
    rows: list[tuple[str, ...]] = []
    spans: list[Span] = []
    header_rows = 0
    index = start
    closes_with_pipe = lines[start].text.rstrip().endswith("|")
    while index < len(lines):
        text = lines[index].text
        if SEPARATOR_ROW.match(text):
            # The rows above a separator are the header (Markdown's rule).
            header_rows = header_rows or len(rows)
            index += 1
            continue
        if not _is_pipe_row(text) or isinstance(lines[index], GridLine) or _is_prose_row(text):
            break  # (a prose row ends the table: the rows after it are another one's)
        row_text, last = _join_continued_row(lines, index, closes_with_pipe)
        rows.append(tuple(split_cells(row_text)))
        spans.append(Span(lines=(lines[index].number, lines[last].number)))
        index = last + 1
    first, last_line = spans[0].lines or (0, 0), spans[-1].lines or (0, 0)
    table = Table(
        rows=tuple(rows),
        header_rows=header_rows,
        row_spans=tuple(spans),
        span=Span(lines=(first[0], max(last_line[1], lines[index - 1].number))),
    )
    return table, index


def _join_continued_row(
    lines: list[SourceLine], index: int, closes_with_pipe: bool
) -> tuple[str, int]:
    """Join a row whose last cell runs over following lines up to a closing pipe line."""
    text = lines[index].text
    if text.rstrip().endswith("|"):
        return text, index
    # Rows without a closing pipe may still be closed by one on the next line, alone.
    limit = min(len(lines), index + 1 + (MAX_CONTINUATION_LINES if closes_with_pipe else 1))
    for ahead in range(index + 1, limit):
        candidate = lines[ahead].text.rstrip()
        if candidate.count("|") > 1 or SEPARATOR_ROW.match(candidate):
            break
        if candidate.endswith("|"):
            joined = " ".join(line.text.strip() for line in lines[index : ahead + 1])
            return joined, ahead
    return text, index


# --- lists --------------------------------------------------------------------------


def _indent_width(indent: str) -> int:
    return sum(4 if char == "\t" else 2 if char == "\u3000" else 1 for char in indent)


def _read_list(lines: list[SourceLine], start: int) -> tuple[ListBlock, int]:
    roots: list[ItemDraft] = []
    stack: list[ItemDraft] = []
    index = start
    while index < len(lines):
        match = BULLET.match(lines[index].text) or BOLD_ITEM_LINE.match(lines[index].text)
        if not match or (index > start and _is_numbered_heading(lines, index)):
            break
        draft = _draft_item(match, lines[index])
        while stack and stack[-1].indent + INDENT_STEP > draft.indent:
            stack.pop()
        (stack[-1].children if stack else roots).append(draft)
        stack.append(draft)
        index += 1
    span = Span(lines=(lines[start].number, lines[index - 1].number))
    ordered = roots[0].ordered if roots else False
    return ListBlock(items=freeze_items(roots), ordered=ordered, span=span), index


def _draft_item(match: re.Match[str], line: SourceLine) -> ItemDraft:
    body = match.group("body").strip()
    lead = ""
    bold = BOLD_LEAD.match(body)
    if bold:
        lead = bold.group("lead").strip()
        rest = bold.group("rest")
        # "**Name**: …" keeps its colon tight; "**Name** – …" and "**Name** text" keep a space.
        body = f"{lead}{rest}" if rest[:1] in (":", "：", ",", ".", ";") else f"{lead} {rest}"
    return ItemDraft(
        text=body,
        lead=lead,
        span=line.span(),
        indent=_indent_width(match.group("indent")),
        ordered=match.group("marker")[-1:] in (".", ")"),
    )
