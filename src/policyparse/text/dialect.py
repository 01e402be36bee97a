"""Which kind of scraper wrote a text: its dialect decides how lines make blocks.

- ``markdown`` (html2text, markdownify, trafilatura's markdown): blocks are separated by
  blank lines, a paragraph's lines are one paragraph however they were wrapped, and the
  markup (``#``, ``**``, ``[text](url)``, ``\\-``) is syntax, not text.
- ``layout`` (w3m, lynx, inscriptis): the page as a terminal shows it: lines wrapped at a
  fixed width with hanging indents, tables as aligned columns or box drawings, indentation
  that means something.
- ``plain`` (BeautifulSoup's ``get_text``, html-text, trafilatura's txt, the bundled
  sample): one line per block (or per text node), no markup.

The decision is made once per document from counts over all its lines, so one odd line
cannot flip it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .lines import SourceLine
from .plain import is_plain_dump

Dialect = Literal["markdown", "layout", "plain"]

# Markdown syntax a plain or layout text does not produce: ATX headings, links and images,
# bold, setext underlines, backslash escapes.
MARKDOWN_SIGNS = re.compile(
    r"^\s{0,3}#{1,6}\s+\S|\]\([^)\s]*\)|!\[|\*\*[^*\s]|__[^_\s]|^\s{0,3}(?:={3,}|-{3,})\s*$"
    r"|\\[-*_.#\[\]()!+`]"
    r"|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$"  # a table's alignment row
)
# A handful of Markdown signs per hundred lines: one stray "**" or "##" is not enough.
MIN_MARKDOWN_SHARE = 0.04
MIN_MARKDOWN_LINES = 2
# Markdown writers separate blocks by blank lines; a text with Markdown signs but one line
# per block (the bundled sample's genre with a "**Name**" here and there) reads as plain,
# whose line grammar knows those signs too.
MIN_BLANK_SHARE = 0.1
# html-text, w3m, lynx and inscriptis print a blank line around every heading and
# paragraph but none between the lines of a menu, a list that lost its markers or a table
# row flattened to one line. One blank line for every five filled lines tells such a text
# (measured on the dev texts: below it, inscriptis texts often print headings without one);
# get_text dumps are left out, their blank lines come from nesting, not from blocks.
MIN_BLANK_LINES_PER_BLOCK = 0.2
BOX_DRAWING = re.compile(r"[│┃├┼┤┌┬┐└┴┘─━]")
# Terminal widths a layout renderer wraps at (w3m and lynx default to 80 columns; lynx
# leaves a margin, so its longest lines are near 74).
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 132
# Share of the lines that must come close to the wrap width for the text to be wrapped:
# in wrapped prose most lines of a paragraph but its last fill the width.
NEAR_WIDTH = 12
MIN_NEAR_WIDTH_SHARE = 0.2
# Lines longer than the width: a URL or a table that could not be broken.
MAX_OVERLONG_SHARE = 0.03
# lynx indents all body text by three columns, inscriptis by the page's layout offset.
MIN_INDENTED_SHARE = 0.5
MIN_LINES_FOR_LAYOUT = 5
# Wrapping is told from many lines ending near one column: a short text's few long lines
# say nothing.
MIN_LINES_FOR_WRAPPING = 12
MIN_NEAR_WIDTH_LINES = 5
SENTENCE_END = re.compile(r"[.!?:;。！？：][\"'”’)]*\s*$")
MIN_OPEN_ENDED_SHARE = 0.5


# East Asian wide and full-width characters all lie from U+1100 on: only those are looked
# up (accented Latin, Cyrillic and Greek text is measured at the speed of ASCII).
WIDE_CANDIDATE = re.compile("[\u1100-\U0010ffff]")


@dataclass(frozen=True)
class TextShape:
    """What the dialect was decided on; the layout reader uses ``wrap_width`` too, and
    ``sets_blocks_apart`` says the text puts a blank line around each block (then a
    heading stands between blank lines)."""

    dialect: Dialect
    wrap_width: int = 0
    sets_blocks_apart: bool = False


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide characters take two.

    >>> display_width("정책 plan")
    9
    """
    if text.isascii():
        return len(text)
    wide = WIDE_CANDIDATE.findall(text)
    return len(text) + sum(1 for char in wide if unicodedata.east_asian_width(char) in "WF")


def detect_dialect(lines: Sequence[SourceLine]) -> TextShape:
    """Decide the dialect of a whole text.

    >>> from policyparse.text.lines import source_lines
    >>> detect_dialect(source_lines("# Plan\\n\\n[a](b)\\n\\n**c**")).dialect
    'markdown'
    >>> detect_dialect([SourceLine(1, "Plan"), SourceLine(2, "- A: b")]).dialect
    'plain'
    """
    filled = [line.text for line in lines if line.text.strip()]
    if not filled:
        return TextShape("plain")
    blank_share = 1 - len(filled) / len(lines)
    if blank_share >= MIN_BLANK_SHARE and _is_markdown(filled):
        return TextShape("markdown")
    plain_dump = is_plain_dump(lines)
    apart = not plain_dump and len(lines) - len(filled) >= MIN_BLANK_LINES_PER_BLOCK * len(filled)
    wrapping = _measure_wrapping(filled)
    wrapped = wrapping is not None and (
        _is_wrapped(wrapping) or (not plain_dump and _is_wrapped_whole_page(wrapping))
    )
    width = wrapping.width if wrapping is not None and wrapped else 0
    if width or _is_layout(filled):
        return TextShape("layout", width, sets_blocks_apart=apart)
    return TextShape("plain", sets_blocks_apart=apart)


def _is_markdown(filled: list[str]) -> bool:
    signs = sum(1 for text in filled if MARKDOWN_SIGNS.search(text))
    return signs >= MIN_MARKDOWN_LINES and signs >= MIN_MARKDOWN_SHARE * len(filled)


def _is_layout(filled: list[str]) -> bool:
    if any(BOX_DRAWING.search(text) for text in filled):
        return True
    indented = sum(1 for text in filled if text.startswith("  "))
    return len(filled) >= MIN_LINES_FOR_LAYOUT and indented >= MIN_INDENTED_SHARE * len(filled)


def wrap_width(filled: Sequence[str]) -> int:
    """The column a renderer wrapped the text at, or 0 when its lines were not wrapped.

    >>> wrap_width(["word " * 15 + "end"] * 8 + ["word " * 15 + "last", "short."] * 2)
    79
    """
    wrapping = _measure_wrapping(filled)
    return wrapping.width if wrapping is not None and _is_wrapped(wrapping) else 0


@dataclass(frozen=True)
class _Wrapping:
    """The lines' widths, measured once: the candidate wrap column and the lines near it."""

    width: int
    measured: int  # lines measured (pipe table rows are as long as their cells: left out)
    near: int  # lines ending within NEAR_WIDTH of the column
    open_ended: int  # of those, lines that stop mid-sentence
    longer: int  # lines at least half the column wide


def _measure_wrapping(filled: Sequence[str]) -> _Wrapping | None:
    if len(filled) < MIN_LINES_FOR_WRAPPING:
        return None
    measured = [(display_width(text), text) for text in filled if "|" not in text]
    if len(measured) < MIN_LINES_FOR_WRAPPING:
        return None
    widths = sorted(value for value, _ in measured)
    width = widths[len(widths) - 1 - int(len(widths) * MAX_OVERLONG_SHARE)]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    near = [text for value, text in measured if width - NEAR_WIDTH <= value <= width]
    # A wrapped line stops mid-sentence; lines that all end sentences were not wrapped.
    open_ended = sum(1 for text in near if not SENTENCE_END.search(text))
    longer = sum(1 for value in widths if value >= width // 2)
    return _Wrapping(width, len(widths), len(near), open_ended, longer)


def _is_wrapped(wrapping: _Wrapping) -> bool:
    enough = wrapping.near >= max(MIN_NEAR_WIDTH_LINES, MIN_NEAR_WIDTH_SHARE * wrapping.measured)
    return enough and wrapping.open_ended >= MIN_OPEN_ENDED_SHARE * wrapping.near


# A whole page rendered (menus, teasers, footer) has more short lines than wrapped ones, so
# the share above misses it. Its wrapped paragraphs still fill a terminal's width: many
# open-ended lines near one column of 64 or more, a fair share of all its longer lines.
# (A get_text dump is not rendered: its long lines are paragraphs of any length.)
MIN_PAGE_WRAP_WIDTH = 64
MIN_PAGE_WRAPPED_LINES = 15
MIN_PAGE_NEAR_WIDTH_SHARE_OF_LONG = 0.2


def _is_wrapped_whole_page(wrapping: _Wrapping) -> bool:
    """
    >>> menu = ["Home", "News", "Sport", "Weather", "Contact us"] * 20
    >>> page = _measure_wrapping(menu + ["word " * 14 + "wrapped", "end."] * 15)
    >>> page.width, _is_wrapped(page), _is_wrapped_whole_page(page)
    (77, False, True)
    >>> _is_wrapped_whole_page(_measure_wrapping(menu + ["word " * 14 + "wrapped", "end."] * 5))
    False
    """
    if wrapping.width < MIN_PAGE_WRAP_WIDTH:
        return False
    wrapped_lines = max(MIN_PAGE_WRAPPED_LINES, MIN_OPEN_ENDED_SHARE * wrapping.near)
    return (
        wrapping.open_ended >= wrapped_lines
        and wrapping.near >= MIN_PAGE_NEAR_WIDTH_SHARE_OF_LONG * wrapping.longer
    )
