"""Extract a corpus on Dask: a bag of records, or Parquet files written by the workers.

Needs ``pip install 'policyparse[dask]'`` (dask, distributed and pyarrow). Runs on whatever
scheduler is current: Dask's local one by default, a ``distributed.LocalCluster``, or a
cluster (``Client("tcp://…")``). Workers read the inputs by path, so on a cluster the
inputs must be where every worker can read them (a shared or network file system).

>>> import policyparse.dask
>>> bag = policyparse.dask.extract_bag("samples/*.txt")
>>> [len(record["pillars"]) for record in bag.compute(scheduler="sync")]
[4]
"""

from __future__ import annotations

import glob
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, MissingDependencyError, UnknownOptionError

try:
    import dask
    import dask.bag
    from dask.base import compute
    from dask.delayed import Delayed, delayed
    from dask.utils import parse_bytes
except ImportError as exc:  # the extra is optional: say how to get it
    raise MissingDependencyError(
        "policyparse.dask needs dask: pip install 'policyparse[dask]'"
    ) from exc

from .api import parse
from .batch import Failure, is_error_record, parse_or_failure
from .cli.inputs import DEFAULT_GLOBS, STDIN, discover
from .models import PolicyDocument
from .parquet import Level, check_level, part_name, remove_old_parts, write_part

__all__ = [
    "DEFAULT_GLOBS",
    "ParquetSummary",
    "expand_inputs",
    "extract_bag",
    "extract_to_parquet",
    "is_error_record",
]

ErrorMode = Literal["record", "raise"]
ERROR_MODES: tuple[ErrorMode, ...] = ("record", "raise")
Extracted = tuple[str, PolicyDocument | Failure]
"""One input's path and its document, or why it has none."""
PathsOrGlob = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
"""A path, a folder or a glob, or a list of them."""

# Without a blocksize, inputs are split by count: about this many partitions, so a small
# corpus still spreads over every worker...
TARGET_PARTITIONS = 100
# ...but no more inputs than this in one partition, so a big corpus makes small tasks (a
# page takes ~10 ms) that balance well and hold little memory each.
MAX_INPUTS_PER_PARTITION = 16


@dataclass(frozen=True)
class ParquetSummary:
    """What :func:`extract_to_parquet` wrote: counts, part files, and the inputs that failed."""

    inputs: int
    documents: int
    rows: int
    files: tuple[str, ...]
    errors: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class PartWritten:
    """What one worker wrote: one part file's inputs, rows and failures."""

    file: str
    inputs: int
    rows: int
    failures: tuple[tuple[str, Failure], ...] = ()


def extract_bag(
    paths_or_glob: PathsOrGlob,
    *,
    blocksize: int | str | None = None,
    errors: ErrorMode = "record",
    globs: tuple[str, ...] = DEFAULT_GLOBS,
    input_format: str | None = None,
) -> dask.bag.Bag:
    """A bag of JSON-ready records, one per input, in input order.

    A record is ``PolicyDocument.model_dump(mode="json")``: the JSON ``parse`` gives, with
    the input's path in ``record["source"]["path"]``. An input that fails becomes an error
    record, ``{"path": ..., "error": {"type": ..., "code": ..., "message": ...}}`` (see
    :func:`is_error_record`), unless ``errors="raise"``: then the first failure stops the
    computation with its exception.

    ``paths_or_glob`` is a path, a glob (``"crawl/**/*.html"``) or a list of them; folders
    are searched for ``globs`` as ``policyparse extract`` does. ``blocksize`` is the input
    bytes per partition (``64_000_000`` or ``"64 MiB"``); by default inputs are split by
    count (see ``TARGET_PARTITIONS``).
    """
    check_error_mode(errors)
    paths = expand_inputs(paths_or_glob, globs)
    bag = extracted_bag(paths, blocksize=blocksize, errors=errors, input_format=input_format)
    records: dask.bag.Bag = bag.map(record_of)
    return records


def extract_to_parquet(
    paths_or_glob: PathsOrGlob,
    out_dir: str | os.PathLike[str],
    *,
    level: Level = "initiative",
    blocksize: int | str | None = None,
    errors: ErrorMode = "record",
    globs: tuple[str, ...] = DEFAULT_GLOBS,
    input_format: str | None = None,
) -> ParquetSummary:
    """Extract the inputs and write their rows to ``out_dir`` as Parquet, one
    ``part.NNNNN.parquet`` file per partition, written by the workers in parallel.

    ``level="initiative"``: one row per initiative, the CSV output's columns
    (:data:`policyparse.rows.ROW_COLUMNS`); ``level="document"``: one row per document
    (:data:`policyparse.rows.DOCUMENT_COLUMNS`, the whole record in ``record``). Part files
    of an earlier run in ``out_dir`` are replaced. Inputs that fail are left out of the
    rows and listed in the summary's ``errors`` (or raised, with ``errors="raise"``).
    ``pandas.read_parquet(out_dir)`` reads the rows back in input order.
    """
    check_error_mode(errors)
    paths = expand_inputs(paths_or_glob, globs)
    tasks = parquet_tasks(paths, Path(out_dir), level, blocksize, errors, input_format)
    return summarize(compute(*tasks))


def expand_inputs(
    paths_or_glob: PathsOrGlob,
    globs: tuple[str, ...] = DEFAULT_GLOBS,
) -> list[str]:
    """The input files, in order: each path as given, each glob's matches sorted, each
    folder's files matching ``globs`` in sorted order (as ``policyparse extract`` reads
    them). A path or glob that finds nothing is kept, so it fails as a missing input.
    """
    given = [paths_or_glob] if isinstance(paths_or_glob, str | os.PathLike) else paths_or_glob
    return [path for entry in given for path in _expand_one(os.fspath(entry), globs)]


def _expand_one(entry: str, globs: tuple[str, ...]) -> list[str]:
    if entry == STDIN:
        raise InputError("Dask workers cannot read stdin: give files or folders")
    matches = [entry]
    if is_pattern(entry) and not os.path.exists(entry):
        matches = sorted(glob.glob(entry, recursive=True)) or [entry]
    found = discover(matches, globs)
    return [item.path for item in found.inputs] + found.missing


def is_pattern(entry: str) -> bool:
    """Whether ``entry`` is a glob rather than a plain path (``glob`` expands these).

    >>> is_pattern("crawl/**/*.html"), is_pattern("crawl/plan.html")
    (True, False)
    """
    return any(char in entry for char in "*?[")


def check_error_mode(errors: str) -> None:
    if errors not in ERROR_MODES:
        raise UnknownOptionError(
            f"unknown errors mode {errors!r}: choose one of {', '.join(ERROR_MODES)}"
        )


def extracted_bag(
    paths: Sequence[str],
    *,
    blocksize: int | str | None = None,
    errors: ErrorMode = "record",
    input_format: str | None = None,
) -> dask.bag.Bag:
    """A bag of :data:`Extracted` pairs, one per path, in order (one group per partition)."""
    groups = partition_inputs(paths, blocksize)
    bag = dask.bag.from_sequence(groups, partition_size=1)
    extracted: dask.bag.Bag = bag.map_partitions(
        extract_groups, errors=errors, input_format=input_format
    )
    return extracted


def partition_inputs(paths: Sequence[str], blocksize: int | str | None) -> list[list[str]]:
    """Consecutive groups of ``paths``: by count, or by input bytes when ``blocksize`` is set.

    >>> partition_inputs([f"{n}.html" for n in range(5)], None)
    [['0.html'], ['1.html'], ['2.html'], ['3.html'], ['4.html']]
    """
    if blocksize is None:
        size = min(MAX_INPUTS_PER_PARTITION, max(1, math.ceil(len(paths) / TARGET_PARTITIONS)))
        return [list(paths[start : start + size]) for start in range(0, len(paths), size)]
    return _groups_by_bytes(paths, _bytes_of(blocksize))


def _groups_by_bytes(paths: Sequence[str], blocksize: int) -> list[list[str]]:
    """Start a new group when the next input would take this one past ``blocksize``."""
    groups: list[list[str]] = []
    group_bytes = 0
    for path in paths:
        size = _size_of(path)
        if not groups or (group_bytes + size > blocksize and groups[-1]):
            groups.append([])
            group_bytes = 0
        groups[-1].append(path)
        group_bytes += size
    return groups


def _bytes_of(blocksize: int | str) -> int:
    count = parse_bytes(blocksize) if isinstance(blocksize, str) else blocksize
    if count < 1:
        raise UnknownOptionError(f"blocksize must be at least one byte, not {blocksize!r}")
    return count


def _size_of(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # missing or unreadable: its worker reports it
        return 0


def extract_groups(
    groups: Iterable[list[str]], *, errors: ErrorMode, input_format: str | None
) -> list[Extracted]:
    """Run on a worker: parse each input of a partition's groups."""
    return [(path, extract_path(path, errors, input_format)) for group in groups for path in group]


def extract_path(
    path: str, errors: ErrorMode, input_format: str | None
) -> PolicyDocument | Failure:
    if errors == "raise":
        return parse(Path(path), format=input_format)
    return parse_or_failure(Path(path), input_format)


def record_of(extracted: Extracted) -> dict[str, Any]:
    """The JSON-ready record of one input: its document, or its error record."""
    path, result = extracted
    if isinstance(result, Failure):
        return result.to_record(path)
    return result.model_dump(mode="json")


def parquet_tasks(
    paths: Sequence[str],
    out_dir: Path,
    level: Level,
    blocksize: int | str | None,
    errors: ErrorMode,
    input_format: str | None,
) -> list[Delayed]:
    """One task per partition, each writing its part file and returning a PartWritten.

    With no input at all one empty part is still written, so the folder reads back as an
    empty table with the right columns.
    """
    check_level(level)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_old_parts(out_dir)
    groups = partition_inputs(paths, blocksize) or [[]]
    write = delayed(write_group, pure=True)
    return [
        write(group, str(out_dir / part_name(index, len(groups))), level, errors, input_format)
        for index, group in enumerate(groups)
    ]


def write_group(
    paths: list[str], target: str, level: Level, errors: ErrorMode, input_format: str | None
) -> PartWritten:
    """Run on a worker: parse a group of inputs and write their rows to ``target``."""
    extracted = extract_groups([paths], errors=errors, input_format=input_format)
    documents = [result for _, result in extracted if isinstance(result, PolicyDocument)]
    failures = tuple((path, result) for path, result in extracted if isinstance(result, Failure))
    rows = write_part(documents, Path(target), level)
    return PartWritten(target, len(paths), rows, failures)


def summarize(parts: Iterable[PartWritten]) -> ParquetSummary:
    parts = list(parts)
    failures = [(path, failure) for part in parts for path, failure in part.failures]
    inputs = sum(part.inputs for part in parts)
    return ParquetSummary(
        inputs=inputs,
        documents=inputs - len(failures),
        rows=sum(part.rows for part in parts),
        files=tuple(part.file for part in parts),
        errors=tuple(failure.to_record(path) for path, failure in failures),
    )
