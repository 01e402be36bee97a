"""Parse settings: one frozen object, with named presets; nothing is read at import time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# 50 MB: ten times the largest real article page we have seen; past it a page is a dump.
DEFAULT_MAX_BYTES = 50_000_000

OnRepair = Literal["ignore", "warn", "raise"]


@dataclass(frozen=True)
class ParseOptions:
    """How :func:`policyparse.parse` behaves.

    ``disabled_passes`` names repair passes to skip (an unknown name is an error);
    ``on_repair`` says what a needed repair does: nothing (``ignore``, the default), a
    :class:`RepairWarning` (``warn``) or a :class:`~policyparse.errors.RepairError` (``raise``),
    so CI can insist on inputs that need no repair.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    disabled_passes: frozenset[str] = field(default_factory=frozenset)
    on_repair: OnRepair = "ignore"


DEFAULT = ParseOptions()
STRICT = ParseOptions(on_repair="raise")


class RepairWarning(UserWarning):
    """Issued once per parse when ``on_repair="warn"`` and the input needed repairs."""
