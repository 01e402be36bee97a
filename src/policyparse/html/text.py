"""Collect the visible text of an HTML subtree, iteratively, the way a reader sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from .chrome import is_hidden

# Elements whose content is never visible article text.
SKIP_TAGS = frozenset(
    """
    script style noscript template svg math iframe object embed canvas select button
    input textarea head title meta link video audio map area source track param datalist
    _comment !doctype
    """.split()
)
BOLD_TAGS = frozenset({"b", "strong"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
BLOCK_TAGS = frozenset(
    """
    address article aside blockquote center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol
    p pre section summary table tbody td tfoot th thead tr ul caption body html
    """.split()
)
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
LINE_BREAK = "\n"
# Wikipedia-style markers that point elsewhere ("[edit]", "^ a b" back-links): not text.
MARKER_CLASS = re.compile(r"(?:^|\s)(?:mw-editsection|mw-cite-backlink|editsection)(?:\s|$)")


def is_marker(node: LexborNode) -> bool:
    names = node.attributes.get("class") or ""
    return MARKER_CLASS.search(names) is not None


# "…a year.4", "…[12]": footnote references, which a reader skips. "km²" stays: a unit
# right before the superscript makes it a power.
FOOTNOTE_MARK = re.compile(r"^(?:\[?\d{1,3}\]?|\[[a-z]\]|[*†‡§¶]{1,3})$")
UNIT_BEFORE_POWER = re.compile(r"\b(?:[kcmd]?m|ft|in|mi|x)\s*$")


@dataclass
class TextRun:
    """Inline text being gathered: its pieces, the bold lead it opens with, link share."""

    parts: list[str] = field(default_factory=list)
    lead: str = ""
    lead_closed: bool = False
    link_chars: int = 0
    bold_chars: int = 0
    chars: int = 0
    # Whitespace-collapsed texts of the bold elements closed in this run.
    bold_lines: set[str] = field(default_factory=set)

    def add(self, text: str, *, in_link: bool, in_bold: bool = False) -> None:
        if not text:
            return
        self.parts.append(text)
        visible = len(text.strip())
        self.chars += visible
        if in_link:
            self.link_chars += visible
        if in_bold:
            self.bold_chars += visible

    def is_all_bold(self) -> bool:
        """Every visible character sits in bold ("<b>4. Plans </b><b>for 2025</b>")."""
        return self.chars > 0 and self.bold_chars == self.chars

    def add_break(self) -> None:
        self.parts.append(LINE_BREAK)

    def text(self) -> str:
        return "".join(self.parts)

    def is_blank(self) -> bool:
        return self.chars == 0

    def link_ratio(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


def is_footnote_marker(node: LexborNode, run: TextRun) -> bool:
    """A ``<sup>`` holding a footnote reference rather than an exponent."""
    if not FOOTNOTE_MARK.match(node.text(deep=True).strip()):
        return False
    before = run.parts[-1] if run.parts else ""
    return not UNIT_BEFORE_POWER.search(before)


def text_node_value(node: LexborNode) -> str:
    """A text node's characters, with source newlines turned into spaces (HTML rules)."""
    value = node.text_content or ""
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def subtree_text(
    root: LexborNode,
    *,
    stop_tags: frozenset[str] = frozenset(),
    halt_tags: frozenset[str] = frozenset(),
) -> tuple[TextRun, list[LexborNode]]:
    """Text of ``root``'s subtree and the ``stop_tags`` elements met (not descended into).

    Meeting a ``halt_tags`` element ends the walk: it is returned last in the list, and
    the text from it on is not in the run. Block elements inside separate their text
    with a space, so a cell holding two paragraphs does not glue their words together.
    The walk is iterative.
    """
    run = TextRun()
    stopped: list[LexborNode] = []
    # Each entry: (node, is_exit_marker, link_depth).
    stack: list[tuple[LexborNode, bool, int]] = []
    _push_children(stack, root, 0)
    bold_open: LexborNode | None = None
    while stack:
        node, is_exit, links = stack.pop()
        tag = node.tag or ""
        if is_exit:
            if same_node(node, bold_open):
                bold_open = bold_lead_goes_on(node, run)
            if tag in BLOCK_TAGS:
                run.add(" ", in_link=False)
            continue
        if tag == "-text":
            run.add(text_node_value(node), in_link=links > 0)
            continue
        if tag in SKIP_TAGS or tag.startswith("_") or is_hidden(node):
            continue
        if (tag == "sup" and is_footnote_marker(node, run)) or is_marker(node):
            continue
        if tag in halt_tags:
            stopped.append(node)
            break
        if tag in stop_tags:
            stopped.append(node)
            run.add(" ", in_link=False)
            continue
        if tag == "br":
            run.add(" ", in_link=False)
            continue
        if tag in BOLD_TAGS and run.is_blank() and not run.lead_closed and bold_open is None:
            bold_open = node
        if tag in BLOCK_TAGS:
            run.add(" ", in_link=False)
        stack.append((node, True, links))
        _push_children(stack, node, links + (tag == "a"))
    return run, stopped


def same_node(node: LexborNode, other: LexborNode | None) -> bool:
    """selectolax makes a new wrapper object at each access: compare the nodes themselves."""
    return other is not None and node.mem_id == other.mem_id


def bold_lead_goes_on(node: LexborNode, run: TextRun) -> LexborNode | None:
    """At the end of the bold element ``node`` that holds ``run``'s lead: the bold element
    that continues the lead, or None once the lead is closed (and recorded in ``run``)."""
    following = next_bold_sibling(node, run)
    if following is None:
        run.lead = run.text().strip()
        run.lead_closed = True
    return following


# Separators that close a bold lead: "<b>Name:</b>" is complete, whatever bold follows.
LEAD_SEPARATORS = (":", "：", "–", "—", " -")


def next_bold_sibling(node: LexborNode, run: TextRun) -> LexborNode | None:
    """The bold element that continues the bold lead closed at ``node``, if any.

    "<b>1.</b> <b>Name</b>" and "<strong>Choose how much</strong> <strong>to give</strong>"
    are one bold lead split by the editor, not a lead and its text: bold right after bold,
    past whitespace only. A lead that already ends in its separator ("<b>Name: </b><b>text
    in bold too</b>") is complete.
    """
    if run.text().rstrip().endswith(LEAD_SEPARATORS):
        return None
    following = node.next
    while following is not None and following.tag == "-text":
        if (following.text_content or "").strip():
            return None
        following = following.next
    return following if following is not None and following.tag in BOLD_TAGS else None


def _push_children(stack: list[tuple[LexborNode, bool, int]], node: LexborNode, links: int) -> None:
    children: list[LexborNode] = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    for child in reversed(children):
        stack.append((child, False, links))


# Element paths show at most this many steps (the deepest ones); deep pages stay cheap.
MAX_PATH_STEPS = 24
PATH_ELISION = "…/"


def join_path(parent: str, step: str) -> str:
    """Append a step to an element path, keeping only the deepest ``MAX_PATH_STEPS`` steps.

    >>> join_path("body/div[1]", "ul[2]")
    'body/div[1]/ul[2]'
    """
    path = f"{parent}/{step}"
    if path.count("/") < MAX_PATH_STEPS + 1:
        return path
    steps = path.removeprefix(PATH_ELISION).split("/")
    return PATH_ELISION + "/".join(steps[-MAX_PATH_STEPS:])
