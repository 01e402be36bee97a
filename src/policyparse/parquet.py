"""Rows of records as Parquet files (pyarrow), one file per Dask partition.

The columns are those of the CSV output (:data:`~policyparse.rows.ROW_COLUMNS`, one row per
initiative) or of :data:`~policyparse.rows.DOCUMENT_COLUMNS` (one row per document), so a
Parquet folder and a CSV file of the same inputs hold the same table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from .errors import MissingDependencyError, UnknownOptionError
from .models import PolicyDocument
from .rows import COUNT_COLUMNS, DOCUMENT_COLUMNS, ROW_COLUMNS, to_document_rows, to_rows

Level = Literal["initiative", "document"]
LEVELS: tuple[Level, ...] = ("initiative", "document")
PART_PATTERN = "part.*.parquet"
# Part numbers are zero-padded so that sorting file names (as pyarrow and pandas do when
# they read a folder) keeps the input order.
PART_DIGITS = 5


def columns_of(level: Level) -> tuple[str, ...]:
    """The columns written at ``level``, in order.

    >>> columns_of("initiative")[:4]
    ('path', 'title', 'pillar', 'name')
    """
    check_level(level)
    return ROW_COLUMNS if level == "initiative" else DOCUMENT_COLUMNS


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise UnknownOptionError(
            f"unknown Parquet level {level!r}: choose one of {', '.join(LEVELS)}"
        )


def rows_of(documents: Sequence[PolicyDocument], level: Level) -> list[dict[str, Any]]:
    if level == "initiative":
        return list(to_rows(documents))
    return list(to_document_rows(documents))


def part_name(index: int, count: int) -> str:
    """The file name of part ``index`` of ``count``.

    >>> part_name(7, 91), part_name(7, 123456)
    ('part.00007.parquet', 'part.000007.parquet')
    """
    digits = max(PART_DIGITS, len(str(count - 1)))
    return f"part.{index:0{digits}d}.parquet"


def remove_old_parts(folder: Path) -> None:
    """Remove the part files an earlier run left in ``folder``; other files stay."""
    for old in folder.glob(PART_PATTERN):
        old.unlink()


def write_part(documents: Sequence[PolicyDocument], target: Path, level: Level) -> int:
    """Write the rows of ``documents`` to ``target``; return how many rows.

    A part without rows is still written, with the columns and their types, so a folder
    always reads back as the same table (empty or not).
    """
    pyarrow = import_pyarrow()
    from pyarrow import parquet

    rows = rows_of(documents, level)
    table = pyarrow.Table.from_pylist(rows, schema=schema_of(level))
    parquet.write_table(table, target)
    return len(rows)


def schema_of(level: Level) -> Any:
    pyarrow = import_pyarrow()
    return pyarrow.schema(
        [
            (name, pyarrow.int64() if name in COUNT_COLUMNS else pyarrow.string())
            for name in columns_of(level)
        ]
    )


def import_pyarrow() -> Any:
    """pyarrow, or a :class:`MissingDependencyError` saying which extra brings it."""
    try:
        import pyarrow
    except ImportError as exc:
        raise MissingDependencyError(
            "Parquet output needs pyarrow: pip install 'policyparse[dask]'"
        ) from exc
    return pyarrow
