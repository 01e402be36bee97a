"""Markdown as html2text, markdownify and trafilatura write it → one logical line per block.

What the writers do that the line grammar must undo:
- a paragraph is wrapped over several lines (html2text at 78 columns), a list item goes on
  on lines indented under it, and a ``**bold**`` may open on one line and close on the
  next: the lines of one block are joined (a blank line, a new block's start or a hard
  break — two trailing spaces or a backslash, what ``<br>`` becomes — end a block);
- headings may be underlined (setext: ``===`` or ``---`` under the text);
- ``[text](url)`` links keep their text; images, bare URL lines and reference definitions
  are not article text and are recorded as skipped; ``\\-``, ``\\*``, ``\\_``… are escapes;
  ``*emphasis*`` and ``_emphasis_`` markers go (``**bold**`` stays: it marks names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import SourceLine

Skipped = tuple[str, str, str]

# A link target: no spaces, balanced parentheses one level deep, an optional "title".
_TARGET = r"\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]{0,500})\]" + _TARGET)
LINK = re.compile(r"\[(?P<text>[^\[\]\n]{0,1000})\]" + _TARGET)
REFERENCE_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,1000})\]\[[^\[\]\n]{0,100}\]")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]{1,200}\]:\s*\S+")
AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]{1,2000})>")
URL_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?<?(?:https?://|www\.)\S+>?\s*$")
# Single emphasis: "*word*" and "_word_" (not "**", not a bullet's "* ", not snake_case).
EMPHASIS = re.compile(
    r"(?<![\w*\\])\*(?=[^\s*])(?P<a>[^*\n]{1,500}?)(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])(?P<b>[^_\n]{1,500}?)(?<=[^\s_\\])_(?!\w)"
)
STRONG_UNDERSCORE = re.compile(r"(?<![\w\\])__(?=\S)(?P<text>[^_\n]{1,500}?)(?<=\S)__(?!\w)")
# CommonMark: any ASCII punctuation may be backslash-escaped.
ESCAPE = re.compile(r"\\(?P<char>[!-/:-@\[-`{-~])")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?P<mark>=+|-+)\s*$")
THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
BLOCK_START = re.compile(
    r"^\s{0,3}(?:#{1,6}\s|>|```|~~~)"  # heading, quote, fence
    r"|^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S"  # a list item
    r"|\|"  # a table row
)
QUOTE = re.compile(r"^\s{0,3}>\s?")
PLUS_BULLET = re.compile(r"^(?P<indent>\s*)\+(?=\s+\S)")


def read_markdown_lines(lines: Sequence[SourceLine]) -> tuple[list[SourceLine], list[Skipped]]:
    """One logical line per block, Markdown syntax that is not text removed.

    ``lines`` keep their trailing spaces (a hard break is two of them).

    >>> out, skipped = read_markdown_lines([
    ...     SourceLine(1, "Plan"), SourceLine(2, "===="), SourceLine(3, ""),
    ...     SourceLine(4, "  * **Rail Fund** \\\\- builds [new lines](/x)"),
    ...     SourceLine(5, "    across the north."), SourceLine(6, "![map](/m.png)")])
    >>> [line.text for line in out]
    ['# Plan', '  * **Rail Fund** - builds new lines across the north.']
    >>> skipped[0][1]
    'image'
    """
    skipped: list[Skipped] = []
    kept = [_without_link_lines(line, skipped) for line in _split_glued_items(lines)]
    # Inline syntax is read on whole blocks: a wrapped link or image spans two lines.
    blocks = _join_blocks(_underlined_headings(kept))
    cleaned = [_clean_inline(line, skipped) for line in blocks]
    return [line for line in cleaned if line.text.strip()], skipped


# markdownify glues list items when the page put no white space between them:
# "* Wind Farms – 8 GW of capacity.* Rooftop Solar – Panels…". A bullet right after a
# sentence's end inside an item starts the next item.
GLUED_ITEM = re.compile(r"(?<=[.!?:;)»”\"])\* (?=\S)")
ITEM_START = re.compile(r"^(?P<indent>\s*)\* \S")


def _split_glued_items(lines: Sequence[SourceLine]) -> list[SourceLine]:
    result: list[SourceLine] = []
    for line in lines:
        start = ITEM_START.match(line.text)
        pieces = GLUED_ITEM.split(line.text) if start else [line.text]
        result.append(SourceLine(line.number, pieces[0], line.last))
        indent = start.group("indent") if start else ""
        result += [SourceLine(line.number, f"{indent}* {piece}", line.last) for piece in pieces[1:]]
    return result


def _without_link_lines(line: SourceLine, skipped: list[Skipped]) -> SourceLine:
    """A line that is only a URL or a reference definition is not text."""
    text = line.text
    if REFERENCE_DEFINITION.match(text) or URL_ONLY.match(text):
        skipped.append((text.strip(), "link", f"line {line.number}"))
        return SourceLine(line.number, "", line.last)
    if THEMATIC_BREAK.match(text) and not SETEXT_UNDERLINE.match(text):
        return SourceLine(line.number, "", line.last)
    return SourceLine(line.number, PLUS_BULLET.sub(_dash_bullet, QUOTE.sub("", text)), line.last)


def _dash_bullet(match: re.Match[str]) -> str:
    return f"{match.group('indent')}-"


def _clean_inline(line: SourceLine, skipped: list[Skipped]) -> SourceLine:
    text = line.text
    where = line.span().describe()
    for image in IMAGE.finditer(text):
        skipped.append((image.group(0), "image", where))
    text = IMAGE.sub("", text)
    text = LINK.sub(lambda match: match.group("text"), text)
    text = REFERENCE_LINK.sub(lambda match: match.group("text"), text)
    text = AUTOLINK.sub(lambda match: match.group("url"), text)
    text = STRONG_UNDERSCORE.sub(lambda match: f"**{match.group('text')}**", text)
    text = EMPHASIS.sub(lambda match: match.group("a") or match.group("b") or "", text)
    return SourceLine(line.number, unescape(text).rstrip(), line.last)


def _underlined_headings(lines: list[SourceLine]) -> list[SourceLine]:
    """'Plan' over '====' is '# Plan'; over '----' '## Plan' (a one-line paragraph only)."""
    result = list(lines)
    for index in range(1, len(lines)):
        underline = SETEXT_UNDERLINE.match(lines[index].text)
        above = result[index - 1]
        before = result[index - 2].text if index >= 2 else ""
        if not underline or not above.text.strip() or before.strip():
            continue
        if BLOCK_START.match(above.text) or "|" in above.text:
            continue
        hashes = "#" if underline.group("mark")[0] == "=" else "##"
        result[index - 1] = SourceLine(above.number, f"{hashes} {above.text.strip()}", index + 1)
        result[index] = SourceLine(lines[index].number, "")
    return result


def _join_blocks(lines: list[SourceLine]) -> list[SourceLine]:
    """Join each block's lines; blank lines carry nothing once blocks are whole."""
    result: list[SourceLine] = []
    open_block = False  # is the last result line a paragraph or item that may go on?
    spaced_rows = False  # in a table whose rows end with two spaces (html2text's)?
    for line in lines:
        text = line.text
        if not text.strip() or THEMATIC_BREAK.match(text):
            open_block = spaced_rows = False
            continue
        if (
            open_block
            and result
            and not result[-1].is_full
            and (spaced_rows or not _starts_block(text))
        ):
            result[-1] = result[-1].joined(line)
        else:
            result.append(SourceLine(line.number, text.rstrip(), line.last))
        spaced_rows = spaced_rows or bool(SPACED_SEPARATOR_ROW.match(text))
        open_block = not text.endswith("  ") if spaced_rows else not _ends_block(text)
        # "**Achtung Redaktion:  " / "Fotos zum Download** finden Sie hier": a hard break
        # inside bold text (a <br> in a <strong>) does not end the block the bold opened.
        if not open_block and not spaced_rows and _opens_bold(result[-1].text):
            open_block = "|" not in text
    return result


def _opens_bold(text: str) -> bool:
    """Is a ``**`` left open at the end of ``text`` (an odd number of them)?"""
    return text.count("**") % 2 == 1


# html2text ends every table row with two spaces and wraps a long row over several lines:
# in a table whose alignment row ends so, a row goes on until a line ends with two spaces.
SPACED_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?  $")


def _starts_block(text: str) -> bool:
    return bool(BLOCK_START.match(text) or SETEXT_UNDERLINE.match(text))


def _ends_block(text: str) -> bool:
    """A table row or a hard break ends the block on its own line. (A heading does not:
    writers put a blank line after it, so a line right under it is the rest of a heading
    html2text wrapped.)"""
    return "|" in text or text.endswith("  ") or (text.endswith("\\") and not text.endswith("\\\\"))


def unescape(text: str) -> str:
    """Markdown's backslash escapes as the characters they stand for.

    >>> unescape(r"Name \\- text \\*not bold\\* 3\\. item")
    'Name - text *not bold* 3. item'
    """
    return ESCAPE.sub(lambda match: match.group("char"), text)
