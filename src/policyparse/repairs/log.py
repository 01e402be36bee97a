"""The repair log every pass writes to."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Span
from ..models import Repair

# Before/after excerpts in repair records are for people skimming a log, not for replay.
MAX_EXCERPT_CHARS = 120


def excerpt(text: str) -> str:
    """Shorten long text for a repair record, keeping its start.

    >>> excerpt("x" * 200)[-1]
    '…'
    """
    if len(text) <= MAX_EXCERPT_CHARS:
        return text
    return text[: MAX_EXCERPT_CHARS - 1] + "…"


@dataclass
class RepairLog:
    """Collects :class:`~policyparse.models.Repair` records in the order passes make them."""

    repairs: list[Repair] = field(default_factory=list)

    def add(self, kind: str, span: Span, before: str, after: str) -> None:
        self.repairs.append(
            Repair(kind=kind, where=span.describe(), before=excerpt(before), after=excerpt(after))
        )
