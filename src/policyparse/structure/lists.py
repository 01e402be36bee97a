"""A list's items → initiatives (named items) or prose lines (plain sentences)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..blocks import ListBlock, ListItem, iter_items
from ..cues import entries
from ..models import Initiative, Origin
from ..textutil import comparable_text
from .draft import PillarDraft
from .names import (
    MIN_ACRONYM_ITEMS,
    Split,
    bare_name,
    is_value_box,
    period_split,
    split_name,
)

CITATION_MARK = re.compile("|".join(entries("citation_marks")))
MIN_CITATIONS = 2


@dataclass(frozen=True)
class ListReading:
    """A list's items (empty wrappers unwrapped) and each item's split read on its own.
    Read once per list: the document-wide field labels and the list's own initiatives
    both start from it."""

    items: list[ListItem]
    splits: list[Split | None]


def read_list(block: ListBlock) -> ListReading:
    items = _without_empty_wrappers(block.items)
    return ListReading(items, [split_name(item.text, item.lead) for item in items])


def add_list(
    target: PillarDraft,
    block: ListBlock,
    index: int,
    field_labels: frozenset[str] = frozenset(),
    reading: ListReading | None = None,
) -> None:
    reading = reading or read_list(block)
    items = reading.items
    splits = [None] * len(items) if is_reference_list(items) else _named(reading)
    splits = [None if found and _key(found.name) in field_labels else found for found in splits]
    if is_value_box([found.description for found in splits if found]):
        splits = [None] * len(items)
    for row, (item, found) in enumerate(zip(items, splits, strict=True)):
        details = _descendant_lines(item)
        if found is None:
            target.lines.extend(line for line in (item.text, *details) if line)
            continue
        description = "\n".join([found.description, *details])
        origin = Origin(
            kind="list", block=index, row=row, lines=item.span.lines, path=item.span.path
        )
        target.initiatives.append(
            Initiative(name=found.name, description=description, origin=origin)
        )


def _named(reading: ListReading) -> list[Split | None]:
    """Each item's name and description, or None for a plain sentence."""
    items, splits = reading.items, reading.splits
    # "The Agency (EA) publishes…" is a sentence; it names a programme only when its
    # list holds two or more items of that shape (a list of funds, not a list of facts).
    # Likewise "<b>App IO</b>, scaricata…" (an apposition when alone).
    for weak in ("acronym", "comma"):
        if sum(1 for found in splits if found and found.by == weak) < MIN_ACRONYM_ITEMS:
            splits = [None if found and found.by == weak else found for found in splits]
    # In a list of named measures, an item named in sentence case ("High quality jobs in
    # the longer term – we recognise…") is one too, and a bare name ("Digital ID") is a
    # measure not yet described.
    if not any(splits) and _may_have_lost_bold(items):
        periods = [period_split(item.text) for item in items]
        splits = periods if all(periods) else splits
    if sum(1 for found in splits if found) * 2 >= len(splits):
        splits = [
            found or split_name(item.text, item.lead, in_named_list=True) or bare_name(item.text)
            for item, found in zip(items, splits, strict=True)
        ]
    return splits


MIN_PERIOD_ITEMS = 2


def _may_have_lost_bold(items: list[ListItem]) -> bool:
    """A list read from scraped text, no item with a bold lead: if every item opens with a
    short name and a full stop ('Layoffs. Just over a week…' / 'Content moderation.
    Shortly after…'), it is a list of bold-lead items whose bold the scraper dropped. (In
    HTML the bold is still there, and a list of short imperative sentences must not
    become names.)"""
    return len(items) >= MIN_PERIOD_ITEMS and all(
        item.span.path is None and not item.lead for item in items
    )


# A name heading items in this many different lists labels a field of a repeated card
# ("Why it matters:", "Cost:" under every certification; "Proof:" under every theorem).
MIN_FIELD_LABEL_LISTS = 3


def field_labels(readings: Iterable[ListReading]) -> frozenset[str]:
    """Item names that recur across lists: the fields of a template, not measures."""
    counts: Counter[str] = Counter()
    for reading in readings:
        counts.update({_key(found.name) for found in reading.splits if found})
    return frozenset(name for name, count in counts.items() if count >= MIN_FIELD_LABEL_LISTS)


def _key(name: str) -> str:
    return comparable_text(name)


def is_reference_list(items: list[ListItem]) -> bool:
    """Most items cite a source (a retrieval or archive date, an ISBN): the references of
    an encyclopedia article or a report, whose "Author (2007). Title" items are not named
    measures. They stay the section's text."""
    cited = sum(1 for item in items if CITATION_MARK.search(item.text.casefold()))
    return bool(items) and cited * 2 >= len(items) and cited >= MIN_CITATIONS


def _without_empty_wrappers(items: tuple[ListItem, ...]) -> list[ListItem]:
    """An item with no text of its own (<li><ul>…</ul></li>) stands for its children."""
    result: list[ListItem] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        if item.text:
            result.append(item)
        else:
            stack.extend(reversed(item.children))
    return result


def _descendant_lines(item: ListItem) -> list[str]:
    return [child.text for child in iter_items(item.children) if child.text]
