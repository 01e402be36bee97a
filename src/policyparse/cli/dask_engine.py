"""``extract --engine dask``: the same inputs, records and summary, computed by Dask.

Without ``--scheduler`` Dask's local process scheduler runs the partitions; with it, the
cluster behind that address does. Either way results come back in input order, so the
output is the local engine's byte for byte. ``policyparse.dask`` is imported only here,
when the engine is asked for, so the CLI runs without the extra installed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..errors import MissingDependencyError, UnknownOptionError
from .extract import ExtractRequest, Outcome, available_cpus, outcome_of
from .inputs import Input
from .progress import Progress

# Partitions computed per round on the local scheduler, per worker process: the results of
# a round are held until it ends, so rounds bound memory and let the output stream; a few
# partitions per worker keep the processes busy until the round's last one.
ROUND_PARTITIONS_PER_WORKER = 4
# Seconds to wait for the scheduler at --scheduler before giving up.
CONNECT_TIMEOUT = 10

OrderedCompute = Callable[[Sequence[Any]], Iterator[Any]]
"""Computes Dask objects and yields their results in the order given."""


def dask_outcomes(inputs: list[Input], request: ExtractRequest) -> Iterator[Outcome]:
    """Each input's outcome, in input order, parsed by Dask's workers."""
    from ..dask import extracted_bag

    bag = extracted_bag([item.path for item in inputs], input_format=request.input_format)
    items = iter(inputs)
    with ordered_compute(request) as compute:
        for partition in compute(bag.to_delayed()):
            for _path, result in partition:
                yield outcome_of(next(items), result)


def extract_to_parquet_folder(inputs: list[Input], request: ExtractRequest) -> list[str]:
    """Write the inputs' rows under ``request.output`` as Parquet; return the failed paths."""
    from ..dask import parquet_tasks

    assert request.output is not None  # the CLI checks it: Parquet needs a folder
    paths = [item.path for item in inputs]
    level = request.level
    tasks = parquet_tasks(paths, Path(request.output), level, None, "record", request.input_format)
    failed: list[str] = []
    with (
        Progress(len(inputs), enabled=not request.quiet) as progress,
        ordered_compute(request) as compute,
    ):
        for part in compute(tasks):
            for path, failure in part.failures:
                failed.append(path)
                progress.note(f"policyparse: {path}: {failure.note}")
            progress.advance(part.inputs)
    return failed


@contextlib.contextmanager
def ordered_compute(request: ExtractRequest) -> Iterator[OrderedCompute]:
    """The cluster at ``--scheduler``, or Dask's local process scheduler."""
    if request.scheduler:
        with _connected_client(request.scheduler) as client:
            yield lambda objects: _computed_on_cluster(client, objects)
        return
    workers = request.workers or available_cpus()
    with _local_pool(workers) as pool:
        yield lambda objects: _computed_locally(pool, workers, objects)


@contextlib.contextmanager
def _connected_client(address: str) -> Iterator[Any]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise MissingDependencyError(
            "--scheduler needs distributed: pip install 'policyparse[dask]'"
        ) from exc
    check_address(address)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError) as exc:  # TimeoutError too: the CLI reports a failed run
        raise ConnectionError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        yield client


def check_address(address: str) -> None:
    """A TCP address needs a host and a port. Checked before connecting: a Client that fails
    on a malformed address hangs for 20 s at exit trying to close itself."""
    from distributed.comm.addressing import get_address_host_port, parse_address

    scheme, _ = parse_address(address)
    if scheme not in ("tcp", "tls"):
        return  # other transports: let distributed judge
    try:
        get_address_host_port(address)
    except ValueError as exc:
        raise UnknownOptionError(
            f"--scheduler {address}: not an address like tcp://HOST:PORT ({exc})"
        ) from exc


def _computed_on_cluster(client: Any, objects: Sequence[Any]) -> Iterator[Any]:
    """Submit everything at once (the cluster schedules it), gather in order."""
    futures = client.compute(list(objects))
    try:
        for future in futures:
            yield future.result()
            future.release()  # its result is written: the cluster may forget it
    finally:
        client.cancel(futures)  # an interrupted run leaves no work behind


@contextlib.contextmanager
def _local_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """One process pool for every round (starting processes costs ~0.5 s each time)."""
    from dask.multiprocessing import get_context

    with ProcessPoolExecutor(workers, mp_context=get_context()) as pool:
        yield pool


def _computed_locally(
    pool: ProcessPoolExecutor, workers: int, objects: Sequence[Any]
) -> Iterator[Any]:
    from dask.base import compute

    size = workers * ROUND_PARTITIONS_PER_WORKER
    for start in range(0, len(objects), size):
        # chunksize=1: hand out one partition at a time, so none waits behind a batch.
        batch = objects[start : start + size]
        yield from compute(*batch, scheduler="processes", pool=pool, chunksize=1)
