"""Block stream → title, lede, pillars and initiatives (the record's shape).

One module per decision: ``title`` (which text is the title, what stands above it),
``names`` (is an item a named measure, where its name ends), ``numbered`` (numbered
section lines are headings), ``lists`` and ``tables``
(items and rows → initiatives), ``caps`` (bounds on one record); this module walks the
blocks and opens a pillar at each heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..blocks import Block, Heading, ListBlock, Paragraph
from ..models import Dropped, Pillar
from ..repairs.split_separator_pipes import slash_pipes
from .caps import cap_field, capped_pillar
from .draft import PillarDraft
from .lists import add_list, field_labels, read_list
from .names import Split, split_name
from .numbered import numbered_headings
from .tables import add_table
from .title import choose_title, drop_kickers, strip_pipe_site_suffix, strip_site_suffix

__all__ = [
    "Split",
    "Structure",
    "build_structure",
    "cap_field",
    "choose_title",
    "split_name",
    "strip_pipe_site_suffix",
    "strip_site_suffix",
]


@dataclass
class Structure:
    title: str
    lede: str
    pillars: list[Pillar]
    dropped: list[Dropped]


def build_structure(
    blocks: list[Block], fallback_title: str, title_candidates: Sequence[str] = ()
) -> Structure:
    blocks = numbered_headings(blocks)
    choice = choose_title(blocks, fallback_title, title_candidates)
    title = choice.title
    body, dropped = drop_kickers(choice.body, choice.title_at)
    lede = PillarDraft(title="")
    pillars: list[PillarDraft] = []
    lists = {
        index: read_list(block) for index, block in enumerate(body) if isinstance(block, ListBlock)
    }
    labels = field_labels(lists.values())
    for index, block in enumerate(body):
        if isinstance(block, Heading):
            pillars.append(PillarDraft(title=slash_pipes(block.text)))
            continue
        target = pillars[-1] if pillars else lede
        if isinstance(block, Paragraph):
            target.lines.append(block.text)
        elif isinstance(block, ListBlock):
            add_list(target, block, index, labels, lists[index])
        else:
            dropped.extend(add_table(target, block, index))
        if target is lede and lede.initiatives:
            # Initiatives before any heading belong to a pillar named after the document.
            pillars.append(PillarDraft(title=title, initiatives=lede.initiatives))
            lede.initiatives = []
    title, over_title = cap_field(title, "title")
    lede_text, over = cap_field("\n".join(lede.lines), "lede")
    dropped.extend(over_title + over)
    frozen = []
    for number, pillar in enumerate(pillars):
        capped, over = capped_pillar(pillar, number)
        frozen.append(capped)
        dropped.extend(over)
    return Structure(title=title, lede=lede_text, pillars=frozen, dropped=dropped)
