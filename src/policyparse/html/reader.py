"""HTML → blocks, on lexbor's browser-conformant tree, walked iteratively.

The tree is built once, the way a browser builds it (misnested tags, cells outside rows
and unclosed elements are resolved by the WHATWG algorithm). The walk turns it into the
flat block stream: headings, paragraphs, lists, tables. Furniture is labelled, not removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import Block, Heading, Paragraph, Reading, Span
from .attributes import CappedTag, elements_capped
from .chrome import CHROME_TAGS, chrome_reason, element_names, is_dialog
from .depth import guarded_markup
from .furniture import furniture_blocks
from .lists import card_heading, read_items, read_list
from .main_content import story_nodes
from .tables import is_layout_table, read_table
from .text import (
    BLOCK_TAGS,
    BOLD_TAGS,
    HEADING_LEVELS,
    LIST_TAGS,
    MAX_PATH_STEPS,
    SKIP_TAGS,
    TextRun,
    bold_lead_goes_on,
    is_footnote_marker,
    is_marker,
    join_path,
    same_node,
    text_node_value,
)

PARAGRAPH_TAGS = frozenset(
    {"p", "blockquote", "figcaption", "pre", "address", "summary", "dt", "dd"}
)
# Matched against element_names(), which lower-cases: no IGNORECASE (slower in Python's re).
HEADING_CLASS = re.compile(
    r"(?:^|[-_\s])(?:section-)?(?:title|heading|headline|subtitle|subhead)(?:$|[-_\s])"
)
# A heading element holding more words than this is a paragraph styled big.
MAX_HEADING_WORDS = 40
MAX_HEADING_LINK_RATIO = 0.5
# Bold-only paragraphs act as minor headings, below the page's own h2/h3.
BOLD_HEADING_LEVEL = 4
# A bold-only paragraph longer than this is emphasis, not a heading.
MAX_BOLD_HEADING_WORDS = 20


@dataclass
class _Frame:
    """One open element of the walk."""

    node: LexborNode | None
    cursor: LexborNode | None
    step: str
    parent: _Frame | None
    chrome: str
    links: int = 0
    bolds: int = 0
    role: str = "container"  # container | heading | paragraph | inline
    level: int = 0
    # A heading of one line's length (not an unclosed one swallowing the page), or inside
    # one: blocks there are parts of its line.
    in_short_heading: bool = False
    # (A plain dict: a Counter per open element costs more than the walk's own work.)
    child_counts: dict[str, int] = field(default_factory=dict)
    # For <b>/<strong>: the run and the position in it where the bold text began.
    bold_run: TextRun | None = None
    bold_from: int = 0

    def path(self) -> str:
        """The element path, built on demand from the open frames (deepest steps only)."""
        steps: list[str] = []
        frame: _Frame | None = self
        while frame is not None and len(steps) < MAX_PATH_STEPS:
            steps.append(frame.step)
            frame = frame.parent
        prefix = "…/" if frame is not None else ""
        return prefix + "/".join(reversed(steps))


# The main-content element must hold at least this share of the page's text (and this
# many characters) to be trusted; a smaller <article> is a teaser card, not the story.
MIN_MAIN_SHARE = 0.25
INVISIBLE_TAGS = ("script", "style", "noscript", "template")
MIN_MAIN_CHARS = 400
# Candidates side by side hold the page's text at most once; only nested ones hold more.
MAIN_SIZE_BUDGET = 2
ARTICLE_BODY = '[itemprop="articleBody"]'
MAIN_SELECTORS = (ARTICLE_BODY, "article", "main, [role=main]")
# The share a main element needs when schema.org names it or it holds the <h1>.
MIN_MARKED_MAIN_SHARE = 0.08
OUTSIDE_MAIN = "outside the main article"
# Scored (unmarked) story parts must hold this share of the page's text to be trusted.
MIN_SCORED_MAIN_SHARE = 0.15


# An element whose class names furniture but holds more than this share of the story's
# text is a wrapper ("theiaStickySidebar", "field--label-hidden" around the body text).
MAX_CHROME_SHARE = 0.5
# Size checks read the element's text; they may read this many times the page's text in
# all (furniture is small, so they are cheap), then labels are trusted as they are.
SIZE_CHECK_BUDGET = 8
MIN_PROSE_WRAPPER_CHARS = 1500
MAX_PROSE_LINK_SHARE = 0.25
COMMENTS = re.compile(r"comment|disqus|repl(?:y|ies)")  # on element_names(): lower-cased


def read_html(text: str) -> Reading:
    markup, capped = guarded_markup(text)
    tree = LexborHTMLParser(markup)
    # Never shown, and their text (JSON, code) would count as page text when the reader
    # weighs the article against the rest of the page.
    tree.strip_tags(list(INVISIBLE_TAGS), recursive=True)
    body = tree.body
    page_chars = _text_length(body)
    reader = _Reader(main=_main_content(tree, body, page_chars), page_chars=page_chars)
    if body is not None:
        reader.walk(body)
    return Reading(
        blocks=reader.blocks,
        furniture_h1=reader.furniture_h1,
        page_title=_meta_title(tree),
        skipped=reader.skipped,
        repairs=[_capped_repair(tag) for tag in elements_capped(capped, tree)],
    )


def _capped_repair(tag: CappedTag) -> tuple[str, str, str, str]:
    before = f"<{tag.name}> with {tag.kept + tag.dropped} attributes"
    after = f"<{tag.name}> with its first {tag.kept} ({tag.dropped} dropped: too many to parse)"
    return "cap_attributes", f"line {tag.line}", before, after


def _meta_title(tree: LexborHTMLParser) -> str:
    for selector in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        node = tree.css_first(selector)
        content = node.attributes.get("content") if node is not None else None
        if content and content.strip():
            return content
    node = tree.css_first("title")
    return node.text() if node is not None else ""


def _text_length(node: LexborNode | None) -> int:
    """Visible characters, whitespace left out: a page indented with thousands of spaces
    must not weigh more than its words."""
    return _ink(node.text(deep=True)) if node is not None else 0


def _ink(text: str) -> int:
    return len(text) - sum(text.count(space) for space in " \n\t\r\xa0")


def _sized_candidates(nodes: list[LexborNode], budget: int) -> list[tuple[int, LexborNode]]:
    """Candidates with their sizes, in document order, until their text adds up to
    ``budget``: unclosed ``<article>`` tags nest, and measuring every one of a nest would
    read the page once per level. Outer elements come first and are the larger."""
    sized = []
    for node in nodes:
        chars = _text_length(node)
        sized.append((chars, node))
        budget -= chars
        if budget <= 0:
            break
    return sized


def _main_content(
    tree: LexborHTMLParser, body: LexborNode | None, page_chars: int
) -> list[LexborNode]:
    """The elements that hold the story: the one the page marks (``articleBody``, the
    largest ``<article>``, ``<main>``), else the best-scoring prose container with its
    sibling parts (``main_content``, Readability's scoring).

    Everything outside them is labelled furniture (an ``<h1>`` there stays a title candidate).
    """
    if body is None:
        return []
    marked = _marked_main(tree, page_chars)
    if marked is not None:
        return [marked]
    parts = story_nodes(body)
    chars = sum(_text_length(part) for part in parts)
    if chars < MIN_MAIN_CHARS or chars < MIN_SCORED_MAIN_SHARE * page_chars:
        return []  # too little to trust (Readability wants 500 characters)
    return parts


def _marked_main(tree: LexborHTMLParser, page_chars: int) -> LexborNode | None:
    for selector in MAIN_SELECTORS:
        sized = _sized_candidates(tree.css(selector), MAIN_SIZE_BUDGET * max(page_chars, 1))
        if not sized:
            continue
        chars, node = max(sized, key=lambda pair: pair[0])
        if chars < MIN_MAIN_CHARS:
            continue
        if chars >= MIN_MAIN_SHARE * page_chars:
            return node
        # A small share of a page heavy with teasers: still the story when it says so,
        # by schema.org markup or by holding the headline.
        is_marked = selector == ARTICLE_BODY or node.css_first("h1") is not None
        if is_marked and chars >= MIN_MARKED_MAIN_SHARE * page_chars:
            return node
    return None


class _Reader:
    def __init__(self, main: list[LexborNode], page_chars: int) -> None:
        self.main = main
        # Wrappers are made afresh for each access, so elements are compared by identity id.
        self.main_ids = frozenset(part.mem_id for part in main)
        self.main_ancestors = frozenset().union(*(_ancestor_ids(part) for part in main))
        # Furniture is small next to the story: the reference is the main elements' text,
        # or the page's when no main element was found.
        self.story_chars = sum(_text_length(part) for part in main) if main else page_chars
        self.size_budget = SIZE_CHECK_BUDGET * max(page_chars, 1)
        self.blocks: list[Block] = []
        self.furniture_h1: list[str] = []
        # Marks the reader leaves out of the text (footnote numbers, "[edit]"), kept so
        # nothing disappears without a record: (text, reason, where).
        self.skipped: list[tuple[str, str, str]] = []
        self.run = TextRun()
        self.run_bold: LexborNode | None = None

    def walk(self, body: LexborNode) -> None:
        # The body's classes describe the page layout ("no-sidebar", "has-navigation"),
        # never furniture: the page itself is not dropped.
        chrome = OUTSIDE_MAIN if self.main else ""
        root = _Frame(node=body, cursor=body.child, step="body", parent=None, chrome=chrome)
        stack = [root]
        while stack:
            frame = stack[-1]
            node = frame.cursor
            if node is None:
                stack.pop()
                self._leave(frame)
                continue
            frame.cursor = node.next
            stack.extend(self._enter(node, frame))

    # --- entering and leaving elements ------------------------------------------------

    def _enter(self, node: LexborNode, parent: _Frame) -> list[_Frame]:
        tag = node.tag or ""
        if tag == "-text":
            self.run.add(text_node_value(node), in_link=parent.links > 0, in_bold=parent.bolds > 0)
            return []
        if tag == "button" and _is_disclosure_button(node):
            tag = "summary"  # an accordion's label: read as <details>' <summary> is
        elif tag in SKIP_TAGS or tag.startswith("_") or tag.startswith("!"):
            return []
        if tag == "br":
            self.run.add_break()
            return []
        if (tag == "sup" and is_footnote_marker(node, self.run)) or is_marker(node):
            self._skip(
                node, parent, "footnote marker" if tag == "sup" else "edit or back-link marker"
            )
            return []
        position = parent.child_counts.get(tag, 0) + 1
        parent.child_counts[tag] = position
        step = f"{tag}[{position}]"
        chrome = self._chrome_of(node, parent)
        if self._is_furniture_block(node, tag, chrome, parent):
            self._flush(parent)
            self._drop_furniture(node, join_path(parent.path(), step), chrome)
            return []
        if _is_loose_item(node, parent):
            self._flush(parent)
            run = _sibling_run(node, parent)
            self._emit(
                read_items(run, join_path(parent.path(), step), chrome, ordered=False, loose=True)
            )
            return []
        if tag in LIST_TAGS:
            self._flush(parent)
            self._emit(read_list(node, join_path(parent.path(), step), chrome))
            return []
        if tag == "table" and not is_layout_table(node):
            self._flush(parent)
            reading = read_table(node, join_path(parent.path(), step), chrome)
            self._emit(reading.blocks)
            return self._overflow_frames(reading.overflow, parent, step, chrome)
        return [self._open(node, tag, step, chrome, parent)]

    def _is_furniture_block(self, node: LexborNode, tag: str, chrome: str, parent: _Frame) -> bool:
        """Furniture that starts a block of its own, where the walk would start one: not an
        inline element inside a furniture heading or line (its text belongs to that line),
        and not an element on the way to the article."""
        if not chrome or node.mem_id in self.main_ancestors:
            return False
        return tag in BLOCK_TAGS or chrome != parent.chrome

    def _drop_furniture(self, node: LexborNode, path: str, chrome: str) -> None:
        """A furniture element is dropped whole: read in one cheap pass, not walked."""
        for block in furniture_blocks(node, Span(path=path), chrome):
            if isinstance(block, Heading) and len(block.text.split()) > MAX_HEADING_WORDS:
                block = Paragraph(text=block.text, span=block.span, chrome=chrome)
            elif isinstance(block, Heading) and block.level == 1:
                self.furniture_h1.append(block.text)
            self.blocks.append(block)

    def _skip(self, node: LexborNode, parent: _Frame, reason: str) -> None:
        text = " ".join(node.text(deep=True).split())
        if text:
            self.skipped.append((text, reason, join_path(parent.path(), node.tag or "")))

    def _overflow_frames(
        self,
        overflow: list[tuple[LexborNode, LexborNode]],
        parent: _Frame,
        step: str,
        chrome: str,
    ) -> list[_Frame]:
        """Frames that walk what an unclosed table swallowed: from the first swallowed
        element to the end of its cell, level by level (outermost pushed first)."""
        frames: list[_Frame] = []
        for start, cell in reversed(overflow):
            levels = [start]
            while levels[-1].parent is not None and levels[-1].parent.mem_id != cell.mem_id:
                levels.append(levels[-1].parent)
            for depth, node in enumerate(reversed(levels)):
                cursor = node if depth == len(levels) - 1 else node.next
                frames.append(
                    _Frame(node=None, cursor=cursor, step=f"{step}/…", parent=parent, chrome=chrome)
                )
        return frames

    def _chrome_of(self, node: LexborNode, parent: _Frame) -> str:
        if node.mem_id in self.main_ids:
            return ""
        if parent.chrome and parent.chrome != OUTSIDE_MAIN:
            return parent.chrome
        reason = chrome_reason(node)
        if reason and self._wraps_the_article(node):
            reason = ""
        return reason or parent.chrome

    def _wraps_the_article(self, node: LexborNode) -> bool:
        if node.mem_id in self.main_ancestors:
            return True
        if node.tag in CHROME_TAGS or self.size_budget <= 0 or is_dialog(node):
            # <nav>, <footer>, <aside>, role="dialog": furniture by the author's own markup
            return False
        chars = _text_length(node)
        self.size_budget -= chars
        if chars > MAX_CHROME_SHARE * self.story_chars:
            return True
        # Long running text with few links is prose, whatever the class says; furniture
        # is menus and link lists. (Comment threads are prose too: they are caught by name.)
        if chars < MIN_PROSE_WRAPPER_CHARS or COMMENTS.search(element_names(node)):
            return False
        self.size_budget -= chars
        return _link_chars(node) < MAX_PROSE_LINK_SHARE * chars

    def _open(self, node: LexborNode, tag: str, step: str, chrome: str, parent: _Frame) -> _Frame:
        frame = _Frame(
            node=node,
            cursor=node.child,
            step=step,
            parent=parent,
            chrome=chrome,
            links=parent.links,
            bolds=parent.bolds + (tag in BOLD_TAGS),
            in_short_heading=parent.in_short_heading,
        )
        if tag == "a":
            frame.links += 1
        if tag in BOLD_TAGS:
            if self.run.is_blank() and self.run_bold is None:
                self.run_bold = node
            frame.bold_run, frame.bold_from = self.run, len(self.run.parts)
        if tag == "q":  # browsers draw the quotation marks of <q> themselves
            self.run.add("“", in_link=False)
        if frame.in_short_heading and tag == "div":
            # <h1><div>Title</div><div>icon</div></h1>: CMS wrappers inside a heading are
            # parts of its one line, not paragraphs of their own. (A <p> or a table there is
            # an unclosed heading swallowing the text after it: those stay blocks.)
            self.run.add_break()
            frame.role = "inline"
        elif tag in BLOCK_TAGS or tag in HEADING_LEVELS:
            self._flush(parent)
            frame.role, frame.level = _block_role(node, tag)
            if frame.role == "heading":
                frame.in_short_heading = len(node.text(deep=True).split()) <= MAX_HEADING_WORDS
        elif chrome and chrome != parent.chrome:
            # A furniture <span> (a kicker, a date) inside article text: its own block, so
            # that it can be dropped without taking the sentence around it along.
            self._flush(parent)
            frame.role = "container"
        else:
            frame.role = "inline"
        return frame

    def _leave(self, frame: _Frame) -> None:
        if frame.node is not None and same_node(frame.node, self.run_bold):
            self.run_bold = bold_lead_goes_on(frame.node, self.run)
        if frame.bold_run is self.run:
            bold = "".join(self.run.parts[frame.bold_from :])
            self.run.bold_lines.add(" ".join(bold.split()))
        if frame.node is not None and frame.node.tag == "q":
            self.run.add("”", in_link=False)
        if frame.role != "inline":
            self._flush(frame)

    # --- turning text runs into blocks ------------------------------------------------

    def _flush(self, frame: _Frame) -> None:
        run, self.run, self.run_bold = self.run, TextRun(), None
        if run.is_blank():
            return
        base = Paragraph(
            text="", span=Span(path=frame.path()), chrome=frame.chrome, link_ratio=run.link_ratio()
        )
        text = " ".join(run.text().split())
        if frame.role == "heading" and len(text.split()) <= MAX_HEADING_WORDS:
            if frame.level == 1 and frame.chrome:
                self.furniture_h1.append(text)
            self.blocks.append(_heading_like(base, text, frame.level))
            return
        lines = [line for line in run.text().split("\n") if line.strip()]
        lead = run.lead if run.lead_closed else ""
        for index, line in enumerate(lines):
            line_lead = lead if index == 0 else ""
            # "…<br><b>Clean-up campaigns</b><br>…": a bold line inside a run is a heading too.
            bold_line = " ".join(line.split())
            heading_lead = bold_line if bold_line in run.bold_lines else line_lead
            if len(lines) == 1 and run.is_all_bold():
                heading_lead = line
            if _is_bold_heading(line, heading_lead, run.link_ratio()):
                self.blocks.append(_heading_like(base, line.strip(), BOLD_HEADING_LEVEL))
            else:
                self.blocks.append(replace(base, text=line, lead=line_lead))

    def _emit(self, blocks: list[Block]) -> None:
        self.blocks.extend(blocks)


def _link_chars(node: LexborNode) -> int:
    return sum(_ink(link.text(deep=True)) for link in node.css("a"))


# "programme-card", "card": a box that names one programme in a heading and describes it.
CARD_CLASS = re.compile(r"(?:^|\s)(?:[\w-]+[-_])?card(?:\s|$)", re.IGNORECASE)
LOOSE_ITEM_PARENTS = frozenset({"ul", "ol", "menu"})


def _is_loose_item(node: LexborNode, parent: _Frame) -> bool:
    """An item outside a list: a stray ``<li>``, or a programme card with a heading."""
    if node.tag == "li":
        return parent.node is None or parent.node.tag not in LOOSE_ITEM_PARENTS
    return _is_card(node)


def _is_card(node: LexborNode) -> bool:
    names = node.attributes.get("class") or ""
    return bool(names) and CARD_CLASS.search(names) is not None and bool(card_heading(node))


def _sibling_run(node: LexborNode, parent: _Frame) -> list[LexborNode]:
    """``node`` and the following siblings of its kind; the walk resumes after them."""
    run = [node]
    following = node.next
    while following is not None:
        if following.tag == "-text" and not (following.text_content or "").strip():
            following = following.next
            continue
        if following.tag != node.tag or (node.tag != "li" and not _is_card(following)):
            break
        run.append(following)
        following = following.next
    parent.cursor = run[-1].next
    return run


def _ancestor_ids(node: LexborNode | None) -> frozenset[int]:
    ids = set()
    current = node.parent if node is not None else None
    while current is not None:
        ids.add(current.mem_id)
        current = current.parent
    return frozenset(ids)


def _is_disclosure_button(node: LexborNode) -> bool:
    """'<button aria-controls="panel-7" aria-expanded="false">Two lines of intervention
    </button>' right before '<div id="panel-7">': an accordion's section label (Bootstrap,
    React UI kits), the one place a page names the section it folds away. A button that
    opens something elsewhere (a menu, a search box) is a control, not text."""
    attributes = node.attributes
    target = attributes.get("aria-controls")
    if not target or "aria-expanded" not in attributes:
        return False
    for anchor in (node, node.parent):
        following = anchor.next if anchor is not None else None
        while following is not None and following.tag in ("-text", "_comment"):
            following = following.next
        if following is not None and following.attributes.get("id") == target:
            return True
    return False


ANY_HEADING = ", ".join(HEADING_LEVELS)


def _block_role(node: LexborNode, tag: str) -> tuple[str, int]:
    if tag in HEADING_LEVELS:
        return "heading", HEADING_LEVELS[tag]
    if tag == "summary" and node.css_first(ANY_HEADING) is None:
        return "heading", 3  # (a heading inside the label is read as that heading)
    attributes = node.attributes
    if attributes.get("role") == "heading":
        level = attributes.get("aria-level") or "3"
        return "heading", int(level) if level.isdigit() and 0 < int(level) < 7 else 3
    if tag in ("div", "p") and HEADING_CLASS.search(element_names(node)):
        return "heading", 3
    return ("paragraph", 0) if tag in PARAGRAPH_TAGS else ("container", 0)


def _heading_like(base: Paragraph, text: str, level: int) -> Heading:
    return Heading(
        text=text, level=level, span=base.span, chrome=base.chrome, link_ratio=base.link_ratio
    )


def _is_bold_heading(line: str, lead: str, link_ratio: float = 0.0) -> bool:
    """A paragraph whose whole text is bold reads as a heading ("<p><b>Next steps</b></p>");
    a bold row of links is a menu."""
    text = line.strip()
    if not lead or lead.strip() != text or link_ratio >= MAX_HEADING_LINK_RATIO:
        return False
    if SECTION_NUMBER.match(text):
        return True  # "<p><b>II.</b></p>": a speech's or report's numbered part
    return len(text.split()) <= MAX_BOLD_HEADING_WORDS and text[-1:] not in ".;,"


# A part number standing alone: "I.", "IV.", "3.", "B."
SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,7}|\d{1,2}|[A-Z])\.$")
