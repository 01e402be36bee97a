"""Text conservation: does every visible character of the input land in the record?

"In the record" is the title, the lede, a pillar's title or description, an initiative's
name, description or attributes — or ``dropped``, with the reason it was left out.
Characters are compared as a multiset of case-folded letters and digits (NFKC), so spacing,
punctuation and word order do not count; markup that a repair removes on purpose (leaked
``td >`` fragments, Markdown link targets) is not visible text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .api import parse
from .html.chrome import is_hidden
from .html.depth import guarded_markup
from .html.text import SKIP_TAGS
from .load import load
from .models import PolicyDocument
from .options import DEFAULT, ParseOptions
from .textutil import INVISIBLE
from .validation.rules import TAG_FRAGMENT

CHARACTER = re.compile(r"[^\W_]")
# "[text](https://…)": the link target of Markdown is not shown.
MARKDOWN_TARGET = re.compile(r"\]\([^)\s]*\)")
# Words that are markup when they stand in scraped text: leaked table tags.


@dataclass(frozen=True)
class Conservation:
    """How many of the input's visible words the record kept or reported as dropped."""

    input_chars: int
    kept_chars: int
    missing: Counter[str]

    @property
    def ratio(self) -> float:
        return self.kept_chars / self.input_chars if self.input_chars else 1.0


def measure_conservation(source: Any, options: ParseOptions = DEFAULT) -> Conservation:
    """Parse ``source`` and compare its visible characters with the record's."""
    loaded = load(source, max_bytes=options.max_bytes)
    document = parse(source, options=options)
    shown = visible_html_text(loaded.text) if loaded.format == "html" else loaded.text
    seen = _characters(TAG_FRAGMENT.sub(" ", MARKDOWN_TARGET.sub("]", shown)))
    found = _characters("\n".join(record_texts(document)))
    missing = seen - found
    return Conservation(sum(seen.values()), sum(seen.values()) - sum(missing.values()), missing)


def visible_html_text(html: str) -> str:
    """The text a browser shows: the body without scripts, styles, form controls, hidden
    elements and the like."""
    tree = LexborHTMLParser(guarded_markup(html)[0])
    body = tree.body
    if body is None:
        return ""
    parts: list[str] = []
    stack = [body]
    while stack:
        node = stack.pop()
        tag = node.tag or ""
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in SKIP_TAGS or tag.startswith(("_", "!")) or (tag != "-text" and is_hidden(node)):
            continue
        child = node.last_child
        while child is not None:
            stack.append(child)
            child = child.prev
    return " ".join(parts)


def record_texts(document: PolicyDocument, *, with_dropped: bool = True) -> list[str]:
    """Every text of a record: title, lede, pillars, initiatives with their attributes, and
    (``with_dropped``) what was left out."""
    texts = [document.title, document.lede]
    for pillar in document.pillars:
        texts += [pillar.title, pillar.description]
        for item in pillar.initiatives:
            texts += [
                item.name,
                item.description,
                *item.attributes.keys(),
                *item.attributes.values(),
            ]
    if with_dropped:
        texts += [dropped.text for dropped in document.dropped]
    return texts


def _characters(text: str) -> Counter[str]:
    normal = unicodedata.normalize("NFKC", text.translate(INVISIBLE)).casefold()
    return Counter(CHARACTER.findall(normal))
