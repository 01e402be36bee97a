"""A cap on nesting depth, applied before the parser sees the markup.

Lexbor, like any HTML tree builder, walks its stack of open elements for many tags (an end
tag looks for its element in scope, ``<p>`` and ``<li>`` look for one to close). On a
deep stack that is quadratic: 40,000 unclosed ``<x>`` followed by 40,000 stray ``</p>``
took 5 s, 4,000 ``<div>`` and a million ``</p>`` 14 s. No real page leaves more than a few
hundred elements open, so past ``MAX_OPEN_ELEMENTS`` open ones, further opening tags are
dropped from the markup, and end tags that close nothing (more ``</x>`` than ``<x>`` so
far) are dropped too, as a browser ignores them. Text always stays where it was.
"""

from __future__ import annotations

import re

from .attributes import CappedTag, cap_attributes

# Open elements kept (of the kinds that nest); past this, their opening tags are ignored.
MAX_OPEN_ELEMENTS = 512
# Below this many (possible open elements × tags), the stack walks cost at most a fraction
# of a second, so the scan is not needed: nearly every real page.
SAFE_STACK_WORK = 50_000_000
# Elements that never hold others (they do not stack up), and elements whose end tag the
# parser implies when a sibling starts (<p>, <li>, cells: they do not stack up either).
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)
IMPLIED_END_TAGS = frozenset(
    """p li dt dd option optgroup tr td th tbody thead tfoot caption colgroup rb rt rtc rp
    html head body""".split()
)
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?=[\s/>])[^<>]*>")


def guarded_markup(html: str) -> tuple[str, list[CappedTag]]:
    """The markup as the parser may safely see it: attributes past the cap dropped from
    crowded tags (reported), then opening tags past the depth cap."""
    html, capped = cap_attributes(html)
    return cap_open_elements(html), capped


def cap_open_elements(html: str) -> str:
    """The markup with opening tags past ``MAX_OPEN_ELEMENTS`` open ones removed, and end
    tags that close nothing.

    >>> import policyparse.html.depth as depth
    >>> depth.MAX_OPEN_ELEMENTS, saved = 2, depth.MAX_OPEN_ELEMENTS
    >>> depth.SAFE_STACK_WORK, saved_work = 0, depth.SAFE_STACK_WORK
    >>> depth.cap_open_elements("<div>a<span>b<div>c<x>d</x></span></div></i><p>e</p>")
    '<div>a<span>bcd</span></div><p>e</p>'
    >>> depth.MAX_OPEN_ELEMENTS, depth.SAFE_STACK_WORK = saved, saved_work
    """
    if _stack_work_bound(html) <= SAFE_STACK_WORK:
        return html
    stack = _OpenElements()
    parts: list[str] = []
    position = 0
    for match in TAG.finditer(html):
        if not stack.keeps(match.group(2).lower(), is_end=bool(match.group(1))):
            parts.append(html[position : match.start()])
            position = match.end()
    if not parts:
        return html
    parts.append(html[position:])
    return "".join(parts)


class _OpenElements:
    """How many elements of each kind the markup has opened and not closed so far."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.depth = 0

    def keeps(self, name: str, *, is_end: bool) -> bool:
        """Whether the tag stays: not an opening past the cap, not an end tag that closes
        nothing. <p> is counted only to find stray "</p>" (each would add an empty <p>)."""
        if name in VOID_TAGS or (name in IMPLIED_END_TAGS and name != "p"):
            return True
        count = self.counts.get(name, 0)
        if is_end:
            if not count:
                return False
            self.counts[name] = count - 1
            self.depth -= name != "p"
            return True
        if name != "p" and self.depth >= MAX_OPEN_ELEMENTS:
            return False
        self.counts[name] = count + 1
        self.depth += name != "p"
        return True


def _stack_work_bound(html: str) -> int:
    """More than the parser's stack walks can cost: every tag walking a stack as deep as
    the page has opening tags (openings: "<" not followed by "/")."""
    tags = html.count("<")
    if tags * tags <= SAFE_STACK_WORK:
        return tags * tags  # every page of the corpus: counting "</" costs 3x more
    return (tags - html.count("</")) * tags
