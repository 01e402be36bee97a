"""The repair passes, in the order they run. Each has the same signature:
``(blocks, log) -> blocks``; each logs what it changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..blocks import Block
from ..errors import PolicyParseError
from .group_bullet_paragraphs import group_bullet_paragraphs
from .log import RepairLog
from .mark_header_rows import mark_header_rows
from .normalize_text import normalize_text
from .rebuild_ragged_rows import rebuild_ragged_rows
from .split_glued_headings import split_glued_headings
from .split_leaked_tags import split_leaked_tags
from .split_separator_pipes import split_separator_pipes

Pass = Callable[[list[Block], RepairLog], list[Block]]

DEFAULT_PASSES: tuple[tuple[str, Pass], ...] = (
    # Entities first: "&lt;/td&gt;" must be "</td>" before leaked tags are looked for.
    ("normalize_text", normalize_text),
    ("split_leaked_tags", split_leaked_tags),
    ("rebuild_ragged_rows", rebuild_ragged_rows),
    # After the leaked breaks, so the glued text sits in the real last cell.
    ("split_glued_headings", split_glued_headings),
    # After glued headings (which may sit in a cell), before lists are grouped.
    ("split_separator_pipes", split_separator_pipes),
    ("group_bullet_paragraphs", group_bullet_paragraphs),
    ("mark_header_rows", mark_header_rows),
)
PASS_NAMES = frozenset(name for name, _ in DEFAULT_PASSES)


class UnknownPassError(PolicyParseError, ValueError):
    """A pass was named that does not exist (a typo would otherwise disable nothing)."""

    code = "unknown-pass"


def check_pass_names(names: Iterable[str]) -> None:
    unknown = sorted(set(names) - PASS_NAMES)
    if unknown:
        raise UnknownPassError(
            f"unknown repair pass {', '.join(unknown)}; known: {', '.join(sorted(PASS_NAMES))}"
        )


def run_passes(
    blocks: list[Block], log: RepairLog, disabled: frozenset[str] = frozenset()
) -> list[Block]:
    check_pass_names(disabled)
    for name, repair in DEFAULT_PASSES:
        if name not in disabled:
            blocks = repair(blocks, log)
    return blocks


__all__ = ["DEFAULT_PASSES", "PASS_NAMES", "RepairLog", "UnknownPassError", "run_passes"]
