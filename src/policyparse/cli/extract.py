"""``policyparse extract``: many inputs, in parallel, to one output or one file per input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ..batch import Failure, parse_or_failure
from ..models import PolicyDocument
from ..parquet import Level
from .exits import EXIT_FAILED, EXIT_OK
from .inputs import Input, discover
from .progress import Progress
from .writers import Writer, open_writer

# Inputs handed to a worker at a time: enough to amortise the pickling, few enough that
# the progress bar moves and the output streams.
CHUNK_SIZE = 4
# How many failed inputs the summary line names before it says "and N more".
SUMMARY_NAMES = 10


@dataclass(frozen=True)
class ExtractRequest:
    paths: list[str]
    globs: tuple[str, ...]
    format: str
    output: str | None
    workers: int | None
    input_format: str | None
    indent: int | None
    quiet: bool
    engine: str = "local"
    scheduler: str | None = None
    """A Dask scheduler's address (``--engine dask``); None: Dask's local scheduler."""
    level: Level = "initiative"
    """Rows of ``--format parquet``: one per initiative or one per document."""


@dataclass(frozen=True)
class Outcome:
    input: Input
    document: PolicyDocument | None = None
    error: str | None = None


def run_extract(request: ExtractRequest) -> int:
    found = discover(request.paths, request.globs)
    for path in found.missing:
        print(f"policyparse: {path}: no such file or folder", file=sys.stderr)
    single = found.only_files and len(request.paths) == 1 and len(found.inputs) == 1
    if request.format == "parquet":
        from .dask_engine import extract_to_parquet_folder

        failed = extract_to_parquet_folder(found.inputs, request)
    else:
        with open_writer(request.format, request.output, single, request.indent) as writer:
            failed = _extract_all(found.inputs, request, writer)
    failed = found.missing + failed
    _print_summary(len(found.inputs) + len(found.missing), failed, request.quiet)
    return EXIT_FAILED if failed else EXIT_OK


def _extract_all(inputs: list[Input], request: ExtractRequest, writer: Writer) -> list[str]:
    failed: list[str] = []
    with Progress(len(inputs), enabled=not request.quiet) as progress:
        for outcome in _outcomes(inputs, request):
            problem = outcome.error or writer.write(outcome.input, outcome.document)
            if problem:
                failed.append(outcome.input.path)
                progress.note(f"policyparse: {outcome.input.path}: {problem}")
            progress.advance()
    return failed


def _outcomes(inputs: list[Input], request: ExtractRequest) -> Iterator[Outcome]:
    """Each input's outcome, in input order, from a process pool when it pays."""
    if request.engine == "dask":
        from .dask_engine import dask_outcomes

        yield from dask_outcomes(inputs, request)
        return
    workers = min(request.workers or available_cpus(), len(inputs))
    tasks = [(item, request.input_format) for item in inputs]
    if workers <= 1 or any(item.is_stdin for item in inputs):
        yield from map(extract_one, tasks)
        return
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for outcome in pool.map(extract_one, tasks, chunksize=CHUNK_SIZE):
                done += 1
                yield outcome
    except BrokenProcessPool as exc:
        # A worker died (killed for memory, a crash in C code): the rest are reported
        # failed, not silently missing.
        for item in inputs[done:]:
            yield Outcome(item, error=f"worker process died before this input finished ({exc})")


def extract_one(task: tuple[Input, str | None]) -> Outcome:
    """Parse one input; any failure becomes the outcome's error, never an exception."""
    item, input_format = task
    source = sys.stdin.buffer.read() if item.is_stdin else Path(item.path)
    return outcome_of(item, parse_or_failure(source, input_format))


def outcome_of(item: Input, result: PolicyDocument | Failure) -> Outcome:
    if isinstance(result, Failure):
        return Outcome(item, error=result.note)
    return Outcome(item, document=result)


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _print_summary(total: int, failed: list[str], quiet: bool) -> None:
    if not failed:
        if total > 1 and not quiet:
            print(f"policyparse: {total} inputs extracted", file=sys.stderr)
        return
    names = ", ".join(failed[:SUMMARY_NAMES])
    more = f" and {len(failed) - SUMMARY_NAMES} more" if len(failed) > SUMMARY_NAMES else ""
    print(
        f"policyparse: {total} inputs, {total - len(failed)} extracted, "
        f"{len(failed)} failed: {names}{more}",
        file=sys.stderr,
    )
