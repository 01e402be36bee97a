"""HTML → blocks, on lexbor's browser-conformant tree, walked iteratively.

The tree is built once, the way a browser builds it (misnested tags, cells outside rows
and unclosed elements are resolved by the WHATWG algorithm). The walk turns it into the
flat block stream: headings, paragraphs, lists, tables. Furniture is labelled, not removed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import Block, Heading, Paragraph, Span
from .chrome import chrome_reason
from .lists import read_list
from .tables import is_layout_table, read_table
from .text import BLOCK_TAGS, BOLD_TAGS, SKIP_TAGS, TextRun, text_node_value

HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
PARAGRAPH_TAGS = frozenset({"p", "blockquote", "figcaption", "pre", "address", "summary", "dt", "dd"})
HEADING_CLASS = re.compile(r"(?:^|[-_\s])(?:section-)?(?:title|heading|headline|subtitle|subhead)(?:$|[-_\s])", re.I)
# Element paths show at most this many steps (the deepest ones); deep pages stay cheap.
MAX_PATH_STEPS = 24
# A heading element holding more words than this is a paragraph styled big.
MAX_HEADING_WORDS = 40
# A bold-only paragraph longer than this is emphasis, not a heading.
MAX_BOLD_HEADING_WORDS = 20


@dataclass
class HtmlReading:
    """What the HTML reader found: the blocks and the page's own title candidates."""

    blocks: list[Block]
    h1: str = ""
    meta_title: str = ""


@dataclass
class _Frame:
    """One open element of the walk."""

    node: LexborNode | None
    cursor: LexborNode | None
    step: str
    parent: _Frame | None
    chrome: str
    links: int = 0
    role: str = "container"  # container | heading | paragraph | inline
    level: int = 0
    child_counts: Counter[str] = field(default_factory=Counter)

    def path(self) -> str:
        """The element path, built on demand from the open frames (deepest steps only)."""
        steps: list[str] = []
        frame: _Frame | None = self
        while frame is not None and len(steps) < MAX_PATH_STEPS:
            steps.append(frame.step)
            frame = frame.parent
        prefix = "…/" if frame is not None else ""
        return prefix + "/".join(reversed(steps))


def read_html(text: str) -> HtmlReading:
    tree = LexborHTMLParser(text)
    reader = _Reader()
    body = tree.body
    if body is not None:
        reader.walk(body)
    return HtmlReading(blocks=reader.blocks, h1=reader.h1, meta_title=_meta_title(tree))


def _meta_title(tree: LexborHTMLParser) -> str:
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        node = tree.css_first(selector)
        content = node.attributes.get("content") if node is not None else None
        if content and content.strip():
            return content
    node = tree.css_first("title")
    return node.text() if node is not None else ""


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.h1 = ""
        self.run = TextRun()
        self.run_bold: LexborNode | None = None

    def walk(self, body: LexborNode) -> None:
        root = _Frame(node=body, cursor=body.child, step="body", parent=None, chrome=chrome_reason(body))
        stack = [root]
        while stack:
            frame = stack[-1]
            node = frame.cursor
            if node is None:
                stack.pop()
                self._leave(frame)
                continue
            frame.cursor = node.next
            child = self._enter(node, frame)
            if child is not None:
                stack.append(child)

    # --- entering and leaving elements ------------------------------------------------

    def _enter(self, node: LexborNode, parent: _Frame) -> _Frame | None:
        tag = node.tag or ""
        if tag == "-text":
            self.run.add(text_node_value(node), in_link=parent.links > 0)
            return None
        if tag in SKIP_TAGS or tag.startswith("_") or tag.startswith("!"):
            return None
        if tag == "br":
            self.run.add_break()
            return None
        parent.child_counts[tag] += 1
        step = f"{tag}[{parent.child_counts[tag]}]"
        chrome = parent.chrome or chrome_reason(node)
        if tag in LIST_TAGS:
            self._flush(parent)
            self._emit(read_list(node, f"{parent.path()}/{step}", chrome))
            return None
        if tag == "table" and not is_layout_table(node):
            self._flush(parent)
            self._emit(read_table(node, f"{parent.path()}/{step}", chrome))
            return None
        return self._open(node, tag, step, chrome, parent)

    def _open(self, node: LexborNode, tag: str, step: str, chrome: str, parent: _Frame) -> _Frame:
        frame = _Frame(
            node=node, cursor=node.child, step=step, parent=parent, chrome=chrome, links=parent.links
        )
        if tag == "a":
            frame.links += 1
        if tag in BOLD_TAGS and self.run.is_blank() and self.run_bold is None:
            self.run_bold = node
        if tag in BLOCK_TAGS or tag in HEADING_LEVELS:
            self._flush(parent)
            frame.role, frame.level = _block_role(node, tag)
        else:
            frame.role = "inline"
        return frame

    def _leave(self, frame: _Frame) -> None:
        if frame.node is not None and frame.node is self.run_bold:
            self.run.lead = self.run.text().strip()
            self.run.lead_closed = True
        if frame.role != "inline":
            self._flush(frame)

    # --- turning text runs into blocks ------------------------------------------------

    def _flush(self, frame: _Frame) -> None:
        run, self.run, self.run_bold = self.run, TextRun(), None
        if run.is_blank():
            return
        span = Span(path=frame.path())
        common = {"span": span, "chrome": frame.chrome, "link_ratio": run.link_ratio()}
        text = " ".join(run.text().split())
        if frame.role == "heading" and len(text.split()) <= MAX_HEADING_WORDS:
            if frame.level == 1 and not self.h1 and not frame.chrome:
                self.h1 = text
            self.blocks.append(Heading(text=text, level=frame.level, **common))
            return
        lines = [line for line in run.text().split("\n") if line.strip()]
        lead = run.lead if run.lead_closed else ""
        for index, line in enumerate(lines):
            line_lead = lead if index == 0 else ""
            if _is_bold_heading(line, line_lead):
                self.blocks.append(Heading(text=line.strip(), level=4, **common))
            else:
                self.blocks.append(Paragraph(text=line, lead=line_lead, **common))

    def _emit(self, blocks: list[Block]) -> None:
        self.blocks.extend(blocks)


def _block_role(node: LexborNode, tag: str) -> tuple[str, int]:
    if tag in HEADING_LEVELS:
        return "heading", HEADING_LEVELS[tag]
    attributes = node.attributes
    if attributes.get("role") == "heading":
        level = attributes.get("aria-level") or "3"
        return "heading", int(level) if level.isdigit() and 0 < int(level) < 7 else 3
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    if tag in ("div", "p") and HEADING_CLASS.search(names):
        return "heading", 3
    return ("paragraph", 0) if tag in PARAGRAPH_TAGS else ("container", 0)


def _is_bold_heading(line: str, lead: str) -> bool:
    """A paragraph whose whole text is bold reads as a heading ("<p><b>Next steps</b></p>")."""
    text = line.strip()
    if not lead or lead.strip() != text:
        return False
    return len(text.split()) <= MAX_BOLD_HEADING_WORDS and text[-1:] not in ".:;,"
