"""Make every table rectangular: trailing empty cells dropped, short rows padded."""

from __future__ import annotations

from dataclasses import replace

from ..blocks import Block, Table
from .log import RepairLog


def rebuild_ragged_rows(blocks: list[Block], log: RepairLog) -> list[Block]:
    """Trim trailing empty cells (``| |||||``), pad short rows, drop columns empty everywhere.

    >>> from policyparse.blocks import Table
    >>> table = Table(rows=(("Plan", "Goal", "", "", ""), ("A", "x", ""), ("B",)))
    >>> rebuild_ragged_rows([table], RepairLog())[0].rows
    (('Plan', 'Goal'), ('A', 'x'), ('B', ''))
    """
    return [_rebuild(block, log) if isinstance(block, Table) else block for block in blocks]


def _rebuild(table: Table, log: RepairLog) -> Table:
    trimmed = [_trim_trailing_empty(row) for row in table.rows]
    width = max((len(row) for row in trimmed), default=0)
    padded = [row + ("",) * (width - len(row)) for row in trimmed]
    kept_columns = [col for col in range(width) if any(row[col] for row in padded)]
    rows = tuple(tuple(row[col] for col in kept_columns) for row in padded)
    if rows != table.rows:
        shape = f"{len(table.rows)} rows of {sorted({len(r) for r in table.rows})} cells"
        log.add(
            "rebuild_ragged_rows",
            table.span,
            shape,
            f"{len(rows)} rows of {len(kept_columns)} cells",
        )
    return replace(table, rows=rows)


def _trim_trailing_empty(row: tuple[str, ...]) -> tuple[str, ...]:
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]
