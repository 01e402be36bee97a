"""The repaired content as a document: well-formed HTML or Markdown a user can diff.

Both renderings come from the block stream after the repair passes and the boilerplate
stage — headings, paragraphs, lists nested as read, tables rectangular with their header
rows in ``<thead>`` — so they show exactly what the records are built from.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.html import builder as E

from . import blocks
from .api import read_loaded
from .boilerplate import remove_boilerplate
from .load import load
from .options import DEFAULT, ParseOptions
from .repairs import RepairLog, run_passes

# List nesting rendered at most this deep; deeper items are shown at this depth.
MAX_RENDER_DEPTH = 32
DOCTYPE = "<!DOCTYPE html>"


def repaired_content(
    source: Any, options: ParseOptions = DEFAULT
) -> tuple[str, list[blocks.Block]]:
    """The page title and the article's blocks, repaired, boilerplate removed."""
    loaded = load(source, max_bytes=options.max_bytes)
    reading = read_loaded(loaded)
    repaired = run_passes(reading.blocks, RepairLog(), options.disabled_passes)
    content = remove_boilerplate(repaired).blocks
    title = reading.page_title or next(
        (block.text for block in content if isinstance(block, blocks.Heading)), ""
    )
    return title, content


def repair_html(source: Any, *, options: ParseOptions = DEFAULT) -> str:
    """Clean, well-formed HTML of the article: tables rectangular, lists nested.

    >>> print(repair_html("<h1>Plan<p>Intro<table><tr><th>A<th>B<tr><td colspan=2>x</table>"))
    <!DOCTYPE html>
    <html>
    <head>
    <meta charset="utf-8">
    <title>Plan</title>
    </head>
    <body>
    <h1>Plan</h1>
    <p>Intro</p>
    <table>
    <thead><tr>
    <th>A</th>
    <th>B</th>
    </tr></thead>
    <tbody><tr>
    <td>x</td>
    <td>x</td>
    </tr></tbody>
    </table>
    </body>
    </html>
    <BLANKLINE>
    """
    title, content = repaired_content(source, options)
    body = E.BODY(*(_html_block(block) for block in content))
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(title)), body)
    text = etree.tostring(page, method="html", encoding="unicode", pretty_print=True)
    return f"{DOCTYPE}\n{text}"


def _html_block(block: blocks.Block) -> Any:
    if isinstance(block, blocks.Heading):
        return E.E(f"h{min(max(block.level, 1), 6)}", block.text)
    if isinstance(block, blocks.Paragraph):
        return E.P(block.text)
    if isinstance(block, blocks.ListBlock):
        return _html_list(block.items, block.ordered, 0)
    return _html_table(block)


def _html_list(items: tuple[blocks.ListItem, ...], ordered: bool, depth: int) -> Any:
    element = E.OL() if ordered else E.UL()
    for item in items:
        li = E.LI(item.text)
        if item.children and depth + 1 < MAX_RENDER_DEPTH:
            li.append(_html_list(item.children, False, depth + 1))
        element.append(li)
        if item.children and depth + 1 >= MAX_RENDER_DEPTH:
            element.extend(E.LI(line) for line in _flat_texts(item.children))
    return element


def _flat_texts(items: tuple[blocks.ListItem, ...]) -> list[str]:
    texts, stack = [], list(reversed(items))
    while stack:
        item = stack.pop()
        texts.append(item.text)
        stack.extend(reversed(item.children))
    return texts


def _html_table(table: blocks.Table) -> Any:
    element = E.TABLE()
    if table.caption:
        element.append(E.CAPTION(table.caption))
    rows = _rectangular(table.rows)
    head, body = rows[: table.header_rows], rows[table.header_rows :]
    if head:
        element.append(E.THEAD(*(E.TR(*(E.TH(cell) for cell in row)) for row in head)))
    if body:
        element.append(E.TBODY(*(E.TR(*(E.TD(cell) for cell in row)) for row in body)))
    return element


def _rectangular(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    width = max((len(row) for row in rows), default=0)
    return [row + ("",) * (width - len(row)) for row in rows]


def repair_markdown(source: Any, *, options: ParseOptions = DEFAULT) -> str:
    """The same content as Markdown: headings, paragraphs, nested lists, pipe tables.

    >>> print(repair_markdown("Plan\\nParts\\nName | Use\\nRail | trains\\nBus | roads"), end="")
    # Plan
    <BLANKLINE>
    ## Parts
    <BLANKLINE>
    | Name | Use |
    | --- | --- |
    | Rail | trains |
    | Bus | roads |
    """
    _, content = repaired_content(source, options)
    return "\n\n".join(_markdown_block(block) for block in content) + "\n"


def _markdown_block(block: blocks.Block) -> str:
    if isinstance(block, blocks.Heading):
        return "#" * min(max(block.level, 1), 6) + " " + block.text
    if isinstance(block, blocks.Paragraph):
        return block.text
    if isinstance(block, blocks.ListBlock):
        return "\n".join(_markdown_items(block.items, block.ordered))
    return _markdown_table(block)


def _markdown_items(items: tuple[blocks.ListItem, ...], ordered: bool) -> list[str]:
    lines = []
    stack = [(item, 0, number) for number, item in enumerate(items, 1)][::-1]
    while stack:
        item, depth, number = stack.pop()
        marker = f"{number}." if ordered and depth == 0 else "-"
        indent = "  " * min(depth, MAX_RENDER_DEPTH)
        lines.append(f"{indent}{marker} {item.text}")
        stack.extend((child, depth + 1, 0) for child in reversed(item.children))
    return lines


def _markdown_table(table: blocks.Table) -> str:
    rows = [[cell.replace("|", "\\|") for cell in row] for row in _rectangular(table.rows)]
    if not rows or not rows[0]:
        return ""
    header = rows[0] if table.header_rows else [""] * len(rows[0])
    body = rows[1:] if table.header_rows else rows
    lines = [_pipe_row(header), _pipe_row(["---"] * len(header)), *map(_pipe_row, body)]
    caption = f"*{table.caption}*\n\n" if table.caption else ""
    return caption + "\n".join(lines)


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
