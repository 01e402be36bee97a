"""Documents whose sections are numbered, not marked up: Chinese government documents and
reports number their sections "第一章", "一、", "（一）" and often print the heading as a
plain line (bold only through CSS, or not at all). Such a line, short and standing alone
without a sentence's punctuation, is a section heading. (A numbered paragraph that goes
on after its lead sentence, "（三）加快…。text", is not: it is a measure of the section.)

Latin numbering ("1. Sozialer Ausgleich", "I. Title") stays as it is: there a plain
numbered line is as often an item of a list written as paragraphs.
"""

from __future__ import annotations

import re

from ..blocks import Block, Heading, Paragraph

_NUMERAL = "一二三四五六七八九十百"
# Deeper numbering, deeper heading: 第一章 > 一、 > （一）.
SECTION_LEVELS = (
    (re.compile(rf"^第[{_NUMERAL}\d]+[章节部篇编]\s*\S"), 2),
    (re.compile(rf"^[{_NUMERAL}]+、\s*\S"), 3),
    (re.compile(rf"^[（(][{_NUMERAL}]+[）)]\s*\S"), 4),
)
MAX_SECTION_LINE_CHARS = 40
SENTENCE_PUNCTUATION = re.compile(r"[。！？；!?;]")


def numbered_headings(blocks: list[Block]) -> list[Block]:
    """The blocks with each numbered section line read as a heading."""
    return [_as_heading(block) for block in blocks]


def section_level(text: str) -> int:
    """The heading level of a numbered section line, or 0 when ``text`` is not one.

    >>> section_level("一、百年征程铸就时代新辉煌"), section_level("（二）提质挖潜")
    (3, 4)
    >>> section_level("（三）加快推进产业升级。各地要…"), section_level("1. Sozialer Ausgleich")
    (0, 0)
    """
    if len(text) > MAX_SECTION_LINE_CHARS or SENTENCE_PUNCTUATION.search(text):
        return 0
    return next((level for pattern, level in SECTION_LEVELS if pattern.match(text)), 0)


def _as_heading(block: Block) -> Block:
    if not isinstance(block, Paragraph) or block.chrome:
        return block
    level = section_level(block.text.strip())
    if not level:
        return block
    return Heading(
        text=block.text.strip(),
        level=level,
        span=block.span,
        chrome=block.chrome,
        link_ratio=block.link_ratio,
    )
