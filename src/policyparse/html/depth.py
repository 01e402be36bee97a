"""A cap on nesting depth, applied before the parser sees the markup.

Lexbor builds the tree in time that grows with the square of the nesting depth (100,000
unclosed ``<div>`` take about 15 seconds). No real page leaves more than a few hundred
elements of one kind open; past ``MAX_OPEN_ELEMENTS`` of one kind, further opening tags
of that kind are dropped from the markup. Their text stays where it was.
"""

from __future__ import annotations

import re

# Open elements of one kind kept; past this, opening tags of that kind are ignored.
MAX_OPEN_ELEMENTS = 5000
# Elements whose end tag a parser never implies, so each opening tag nests deeper.
NESTING_TAGS = (
    "div|span|section|article|main|aside|header|footer|nav|font|b|i|u|s|em|strong|small|big"
    "|a|blockquote|center|q|sub|sup|mark|abbr|cite|code|del|ins|kbd|label|form|fieldset"
    "|ul|ol|dl|table"
)
TAG = re.compile(rf"<(/?)({NESTING_TAGS})(?=[\s/>])[^<>]*>", re.IGNORECASE)


def cap_open_elements(html: str) -> str:
    """The markup with opening tags past ``MAX_OPEN_ELEMENTS`` open ones of a kind removed.

    >>> import policyparse.html.depth as depth
    >>> depth.MAX_OPEN_ELEMENTS, saved = 2, depth.MAX_OPEN_ELEMENTS
    >>> depth.cap_open_elements("<div>a<div>b<div>c<div>d</div>")
    '<div>a<div>bcd</div>'
    >>> depth.MAX_OPEN_ELEMENTS = saved
    """
    # Openings minus closings ("</" holds a "<" too): unless the page leaves more than the
    # cap open in all, no kind can pass it. The common case costs two counts.
    if html.count("<") - 2 * html.count("</") <= MAX_OPEN_ELEMENTS:
        return html
    open_counts: dict[str, int] = {}
    parts: list[str] = []
    position = 0
    for match in TAG.finditer(html):
        name = match.group(2).lower()
        count = open_counts.get(name, 0)
        if match.group(1):
            open_counts[name] = max(count - 1, 0)
            continue
        if count >= MAX_OPEN_ELEMENTS:
            parts.append(html[position : match.start()])
            position = match.end()
            continue
        open_counts[name] = count + 1
    if not parts:
        return html
    parts.append(html[position:])
    return "".join(parts)
