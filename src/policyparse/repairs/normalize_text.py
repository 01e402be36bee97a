"""Normalise every string: entity text decoded, invisibles removed, whitespace collapsed."""

from __future__ import annotations

import re
from dataclasses import replace

from ..blocks import Block, Heading, ListBlock, Paragraph, map_item_texts
from ..textutil import clean_text, decode_entity_text, has_entity_text
from .log import RepairLog

# "**Name**" left by a Markdown scraper; unpaired asterisks (censored "N**") are text. A
# bold standfirst is a whole paragraph, so the span may be long (bounded: linear scans).
MARKDOWN_BOLD = re.compile(r"\*\*(?=\S)([^*]{1,2000}?)(?<=\S)\*\*")
# "[text](https://…)" from html2text/markdownify: the reader sees the text. Images go.
MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\s]{0,2000}\)")
MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:https?://|/|#|\.|mailto:)[^)\s]{0,2000}\)")


def normalize_text(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Clean every text of every block; decoding leftover entity text is logged.

    >>> from policyparse.blocks import Paragraph
    >>> log = RepairLog()
    >>> normalize_text([Paragraph(text="R&amp;D\\u00a0 plan\\u200b")], log)[0].text
    'R&D plan'
    >>> [repair.kind for repair in log.repairs]
    ['decode_entity_text']
    """
    return [_normalize_block(block, log) for block in blocks]


def _normalize_block(block: Block, log: RepairLog) -> Block:
    def fix(text: str) -> str:
        return _fix(text, block, log)

    if isinstance(block, Paragraph):
        text, lead = fix(block.text), fix(block.lead)
        unchanged = text == block.text and lead == block.lead
        return block if unchanged else replace(block, text=text, lead=lead)
    if isinstance(block, Heading):
        text = fix(block.text)
        return block if text == block.text else replace(block, text=text)
    if isinstance(block, ListBlock):
        return replace(block, items=map_item_texts(block.items, fix))
    rows = tuple(tuple(fix(cell) for cell in row) for row in block.rows)
    return replace(block, rows=rows, caption=fix(block.caption))


def _fix(text: str, block: Block, log: RepairLog) -> str:
    if has_entity_text(text):
        decoded = decode_entity_text(text)
        log.add("decode_entity_text", block.span, text, decoded)
        text = decoded
    if "**" in text:
        text = _strip_markup(MARKDOWN_BOLD, r"\1", text, "strip_markdown_bold", block, log)
    if "](" in text:
        text = _strip_markup(MARKDOWN_IMAGE, "", text, "strip_markdown_links", block, log)
        text = _strip_markup(MARKDOWN_LINK, r"\1", text, "strip_markdown_links", block, log)
    return clean_text(text)


def _strip_markup(
    pattern: re.Pattern[str], keep: str, text: str, kind: str, block: Block, log: RepairLog
) -> str:
    plain = pattern.sub(keep, text)
    if plain != text:
        log.add(kind, block.span, text, plain)
    return plain
