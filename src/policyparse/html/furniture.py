"""Page furniture read whole: the blocks of a menu, sidebar or footer without the walk.

Half of a news page's elements are furniture, and all of it is dropped, so the reader's
per-element bookkeeping (paths, links, bold leads, markers, lists, tables) is wasted on it.
Its text is read in one cheap pass instead, a line per block element, and split at its
headings only: those still matter downstream (an ``<h1>`` is a title candidate, and a
sidebar's "Related" heading covers the teasers that follow it).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ..blocks import Block, Heading, Paragraph, Span
from .chrome import is_site_name_heading
from .text import BLOCK_TAGS, HEADING_LEVELS, LINE_BREAK


def furniture_blocks(root: LexborNode, span: Span, chrome: str) -> list[Block]:
    """Paragraphs of the furniture's text, with its headings as headings between them.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser("<ul><li><a>#</a>Tax</li></ul><h3><a>Related</a></h3>x")
    >>> [(type(b).__name__, b.text) for b in furniture_blocks(tree.body, Span(), "aside")]
    [('Paragraph', '#Tax'), ('Heading', 'Related'), ('Paragraph', 'x')]
    """
    return _read(root, span, chrome, split_at_headings=True)


def plain_text(root: LexborNode) -> str:
    """The subtree's text, a line per block element, whitespace collapsed in each line.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> plain_text(LexborHTMLParser("<p>a <b>b</b></p>c<br>d").body).split(LINE_BREAK)
    ['a b', 'c', 'd']
    """
    blocks = _read(root, Span(), "", split_at_headings=False)
    return LINE_BREAK.join(block.text for block in blocks if isinstance(block, Paragraph))


def _read(root: LexborNode, span: Span, chrome: str, *, split_at_headings: bool) -> list[Block]:
    blocks: list[Block] = []
    parts: list[str] = []
    walker = root.traverse(include_text=True)
    for node in walker:
        tag = node.tag
        if tag == "-text":
            previous = node.prev
            if previous is not None and previous.tag in BLOCK_TAGS:
                parts.append(LINE_BREAK)  # text after a block ends, on a line of its own
            parts.append(node.text_content or "")
        elif split_at_headings and tag in HEADING_LEVELS and not is_site_name_heading(node):
            _add_paragraph(blocks, parts, span, chrome)
            parts = []
            blocks.append(_heading(node, HEADING_LEVELS[tag], span, chrome))
            for _ in range(_descendants(node)):
                next(walker)  # read with the heading
        elif tag in BLOCK_TAGS or tag == "br":
            parts.append(LINE_BREAK)
    _add_paragraph(blocks, parts, span, chrome)
    return blocks


def _lines(parts: list[str]) -> str:
    lines = "".join(parts).split(LINE_BREAK)
    return LINE_BREAK.join(" ".join(line.split()) for line in lines if line.strip())


def _add_paragraph(blocks: list[Block], parts: list[str], span: Span, chrome: str) -> None:
    text = _lines(parts)
    if text:
        blocks.append(Paragraph(text=text, span=span, chrome=chrome))


def _heading(node: LexborNode, level: int, span: Span, chrome: str) -> Heading:
    text = " ".join(plain_text(node).split())
    link_chars = sum(len("".join(link.text(deep=True).split())) for link in node.css("a"))
    chars = len("".join(text.split()))
    ratio = min(link_chars / chars, 1.0) if chars else 0.0
    return Heading(text=text, level=level, span=span, chrome=chrome, link_ratio=ratio)


def _descendants(node: LexborNode) -> int:
    return sum(1 for _ in node.traverse(include_text=True)) - 1
