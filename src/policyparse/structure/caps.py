"""Bounds on one record, so a hostile page yields a bounded record: what lies past them
goes to ``dropped`` with the reason, never silently."""

from __future__ import annotations

from ..models import Dropped, Pillar
from .draft import PillarDraft

# Bounds on one record, far past any real article, so a hostile page yields a bounded
# record: what lies past them goes to ``dropped`` with the reason, never silently.
MAX_INITIATIVES_PER_PILLAR = 100_000

MAX_FIELD_CHARS = 1_000_000


def cap_field(text: str, where: str) -> tuple[str, list[Dropped]]:
    """``text`` cut at ``MAX_FIELD_CHARS``, and the rest as a dropped entry.

    >>> cap_field("short", "lede")
    ('short', [])
    """
    if len(text) <= MAX_FIELD_CHARS:
        return text, []
    reason = f"past {MAX_FIELD_CHARS:,} characters in one field"
    return text[:MAX_FIELD_CHARS], [
        Dropped(text=text[MAX_FIELD_CHARS:], reason=reason, where=where)
    ]


def capped_pillar(draft: PillarDraft, number: int) -> tuple[Pillar, list[Dropped]]:
    where = f"pillar {number + 1}"
    description, dropped = cap_field("\n".join(draft.lines), where)
    kept = draft.initiatives[:MAX_INITIATIVES_PER_PILLAR]
    reason = f"past {MAX_INITIATIVES_PER_PILLAR:,} initiatives in one pillar"
    dropped += [
        Dropped(text=f"{item.name}: {item.description}", reason=reason, where=where)
        for item in draft.initiatives[MAX_INITIATIVES_PER_PILLAR:]
    ]
    initiatives = []
    for item in kept:
        name, over_name = cap_field(item.name, where)
        text, over_text = cap_field(item.description, where)
        dropped += over_name + over_text
        changed = over_name or over_text
        initiatives.append(
            item.model_copy(update={"name": name, "description": text}) if changed else item
        )
    pillar = Pillar(title=draft.title, description=description, initiatives=tuple(initiatives))
    return pillar, dropped
