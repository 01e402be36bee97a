"""Read pipes left in running text as the separators they are.

Outside tables a pipe separates: menu entries ("Sign in | Register"), a kicker from a
headline ("New York|Manhole Fires…"), a date from a time ("8 May 2022 | 6:00"). A
paragraph splits into one paragraph per part; in a heading or list item the pipe becomes
" / ", which separates without looking like a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..blocks import Block, ListBlock, Paragraph, Table, map_item_texts
from .log import RepairLog

# Leading space only from the start of a whitespace run: linear in long runs.
PIPE_CHARS = "|｜¦"
PIPE = re.compile(rf"(?:(?<!\s)\s+)?[{PIPE_CHARS}]+\s*")


def has_pipe(text: str) -> bool:
    """A substring test first: the pattern's optional leading space makes it slow to
    search text that holds no pipe at all, which is nearly all text."""
    return any(char in text for char in PIPE_CHARS)


def split_separator_pipes(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Split paragraphs at pipes; turn pipes in items and cells into slashes.

    Headings keep theirs: any heading may turn out to be the title, whose " | Site" tail
    the title rule strips; the structure builder shows the others' pipes as slashes.

    >>> from policyparse.blocks import Paragraph
    >>> blocks = [Paragraph(text="Updated 8 May | 6:00 h")]
    >>> [block.text for block in split_separator_pipes(blocks, RepairLog())]
    ['Updated 8 May', '6:00 h']
    """
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and has_pipe(block.text):
            result.extend(_split_paragraph(block, log))
        elif isinstance(block, Table):
            rows = tuple(tuple(_slashed(cell, block, log) for cell in row) for row in block.rows)
            result.append(replace(block, rows=rows) if rows != block.rows else block)
        elif isinstance(block, ListBlock):
            result.append(replace(block, items=map_item_texts(block.items, _slasher(block, log))))
        else:
            result.append(block)
    return result


def _slasher(block: Block, log: RepairLog) -> Callable[[str], str]:
    def slash(text: str) -> str:
        return _slashed(text, block, log)

    return slash


def _split_paragraph(block: Paragraph, log: RepairLog) -> list[Block]:
    parts = [part for part in PIPE.split(block.text) if part]
    log.add("split_separator_pipes", block.span, block.text, " / ".join(parts))
    return [
        replace(block, text=part, lead=block.lead if i == 0 else "") for i, part in enumerate(parts)
    ]


def _slashed(text: str, block: Block, log: RepairLog) -> str:
    fixed = slash_pipes(text)
    if fixed != text:
        log.add("split_separator_pipes", block.span, text, fixed)
    return fixed


def slash_pipes(text: str) -> str:
    """'Sign in | Register' → 'Sign in / Register'.

    >>> slash_pipes("a|b | c")
    'a / b / c'
    """
    if not has_pipe(text):
        return text
    return " / ".join(part for part in PIPE.split(text) if part)
