"""Section headings a scraper printed as plain lines with their page's edit link.

Wikipedia and other wikis end every section heading with an edit link ("History[edit]",
"历史沿革[编辑]"); w3m, lynx and the plain dumps print it as text and lose the heading's
markup, the Markdown writers keep the link ("History[[edit](/w/…)]"). The marker is how
the reader knows the line is a heading, and it is not part of the heading's text.
"""

from __future__ import annotations

import re

from ..cues import entries
from ..textutil import length_in_words
from .lines import SourceLine

# "[edit]", "[ edit | edit source ]", "[编辑]": the wiki's labels, one table per language.
_LABEL = "|".join(re.escape(label) for label in entries("edit_marks"))
EDIT_MARK = re.compile(rf"\s*\[\s*(?:{_LABEL})(?:\s*\|\s*(?:{_LABEL}))*\s*\]\s*$", re.IGNORECASE)
MARKDOWN_HASHES = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+")
# A section heading is short; a longer line ending so is a sentence that quotes a link.
MAX_HEADING_WORDS = 15


def wiki_section_headings(lines: list[SourceLine]) -> list[SourceLine]:
    """Each line ending in an edit link as a Markdown heading without the link.

    >>> [line.text for line in wiki_section_headings(
    ...     [SourceLine(1, "History[edit]"), SourceLine(2, "### 交通[编辑]"),
    ...      SourceLine(3, "The rules changed.")])]
    ['## History', '### 交通', 'The rules changed.']
    """
    return [_as_heading(line) if line.text.endswith("]") else line for line in lines]


def _as_heading(line: SourceLine) -> SourceLine:
    mark = EDIT_MARK.search(line.text)
    if mark is None:
        return line
    text = line.text[: mark.start()]
    hashes = MARKDOWN_HASHES.match(text)
    title = text[hashes.end() :] if hashes else text.strip()
    if not title or length_in_words(title) > MAX_HEADING_WORDS:
        return line
    return SourceLine(
        line.number, f"{hashes.group('hashes') if hashes else '##'} {title}", line.last
    )
