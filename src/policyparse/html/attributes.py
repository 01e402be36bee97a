"""A cap on the attributes of one tag, applied before the parser sees the markup.

Lexbor (lxml's libxml2 too) checks each new attribute of an element against the ones it
already has, so one tag with many distinct attribute names costs the square of their
number: 40,000 took 2.8 s, 100,000 about 40 s, 300,000 several minutes. Real pages carry a
few dozen at most. Past ``MAX_ATTRIBUTES`` distinct names in one start tag, the further
attributes are dropped from the markup; the element and its text stay, and each capped tag
is reported so the record can say so.

Finding such a tag must not cost a second parse: one regular expression looks, at C speed,
for start tags with ``MAX_ATTRIBUTES`` or more separators (whitespace runs and quoted
values, so a ``>`` inside a quoted value does not end the tag early); only the few tags it
finds are read attribute by attribute. Which of them the parser took for elements (not
text in a script or a comment) is told after parsing, by ``elements_capped``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

MAX_ATTRIBUTES = 256
# Below this many characters a tag cannot hold enough attributes for their checks to cost
# more than a fraction of a second (four characters at least per distinct name: 8,000
# names at most, about 0.1 s).
MIN_GUARDED_CHARS = 32_000
# A start tag with this many separators after its name may hold too many attributes
# (whitespace, "/" and quoted values separate them; "<" may stand in a name).
CROWDED_TAG = re.compile(
    rf"<[A-Za-z](?:[^\s\"'>/]*+(?:[\s/]++|\"[^\"]*+\"|'[^']*+')){{{MAX_ATTRIBUTES}}}"
)
# What looks like a crowded tag may be the text of a script or a comment. Capping it there
# is harmless (the parser reads it as text, which is never shown) unless what looks like
# its attributes runs over the element's end tag or the comment's end: cut off, that end
# would take the text after it into the script. Such a "tag" is left alone.
RAW_TEXT_END = re.compile(
    r"</(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)|-->",
    re.IGNORECASE,
)
TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*")
# One attribute as the tokenizer reads it: separators ("/" between attributes is skipped
# too), a name (it may start with "="), then maybe "=" and a value, quoted or not.
ATTRIBUTE = re.compile(r"[\s/]*(?P<name>=?[^\s/>=]*)(?:\s*=\s*(?:\"[^\"]*\"?|'[^']*'?|[^\s>]*))?")


@dataclass(frozen=True)
class CappedTag:
    """One start tag whose attributes past the cap were dropped."""

    line: int
    name: str
    kept: int
    dropped: int


def cap_attributes(html: str) -> tuple[str, list[CappedTag]]:
    """The markup with the attributes past ``MAX_ATTRIBUTES`` distinct names of any start
    tag removed, and the tags that lost some.

    >>> page = "<p>a</p><div " + " ".join(f"a{i}" for i in range(300)) + ">text</div>"
    >>> import policyparse.html.attributes as attributes
    >>> attributes.MIN_GUARDED_CHARS, saved = 0, attributes.MIN_GUARDED_CHARS
    >>> html, capped = cap_attributes(page)
    >>> capped, html.endswith("a255>text</div>")
    ([CappedTag(line=1, name='div', kept=256, dropped=44)], True)
    >>> attributes.MIN_GUARDED_CHARS = saved
    """
    if len(html) < MIN_GUARDED_CHARS:
        return html, []
    crowded = [match.start() for match in CROWDED_TAG.finditer(html)]
    if not crowded:
        return html, []
    parts: list[str] = []
    capped: list[CappedTag] = []
    position = 0
    for start in crowded:
        tag = _capped_tag(html, start) if start >= position else None
        if tag is None or RAW_TEXT_END.search(html, start, tag.end):
            continue
        parts += [html[position:start], tag.text]
        position = tag.end
        capped.append(CappedTag(html.count("\n", 0, start) + 1, tag.name, tag.kept, tag.dropped))
    if not capped:
        return html, []
    parts.append(html[position:])
    return "".join(parts), capped


@dataclass(frozen=True)
class _Rewritten:
    end: int  # where the start tag ended in the markup
    text: str  # the tag with its first MAX_ATTRIBUTES distinct attributes
    name: str
    kept: int
    dropped: int


def _capped_tag(html: str, start: int) -> _Rewritten | None:
    """The start tag at ``start`` rewritten, or None when it has no more than
    ``MAX_ATTRIBUTES`` distinct names."""
    name = TAG_NAME.match(html, start)
    if name is None:
        return None
    seen: set[str] = set()
    kept_end = position = name.end()
    dropped = 0
    while position < len(html) and html[position] != ">":
        attribute = ATTRIBUTE.match(html, position)
        if attribute is None or attribute.end() == position:
            position += 1  # a character the tokenizer skips ("<" or a stray quote)
            continue
        position = attribute.end()
        key = attribute.group("name").lower()
        if not key:
            continue
        if len(seen) < MAX_ATTRIBUTES or key in seen:
            seen.add(key)
            if not dropped:
                kept_end = position
            continue
        dropped += 1
    if not dropped:
        return None
    tag_name = name.group()[1:].lower()
    end = min(position + 1, len(html))
    return _Rewritten(end, html[start:kept_end] + ">", tag_name, len(seen), dropped)


def elements_capped(capped: list[CappedTag], tree: LexborHTMLParser) -> list[CappedTag]:
    """The capped tags that the parser made elements of (a crowded "tag" in a script's text
    is text): matched, by name and in document order, to elements left with the cap's
    number of attributes."""
    if not capped:
        return []
    full = [
        node.tag
        for node in tree.root.traverse()  # type: ignore[union-attr]
        if node.tag and len(node.attributes) >= MAX_ATTRIBUTES
    ]
    found: list[CappedTag] = []
    for tag in capped:
        if tag.name in full:
            full.remove(tag.name)
            found.append(tag)
    return found
