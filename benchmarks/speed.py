"""Speed: policyparse.parse vs. lxml.html.fromstring on the same pages, in one process.

Corpus: the 181 pages of ../shared/corpus/article-extraction-benchmark, loaded once.
For each page, both are timed interleaved, best of 3 after a warm-up; the figures are
ratios to lxml's parse (the baseline), so they hold across machines.

Run: python benchmarks/speed.py [--limit N] [--peers] [--scaling]
  --peers    also trafilatura.extract and BeautifulSoup(lxml) on the same pages, same run
             (pip install 'policyparse[bench]')
  --scaling  time and peak memory against input size at 1x, 4x, 16x: one 20 MB page of all
             bodies concatenated (and its first 1.25 MB repeated), a 50k-row table, a
             5 MB scraped text
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import lxml.html

import policyparse

CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "article-extraction-benchmark"
    / "html"
)
REPEATS = 3
SLOWEST = 5
BODY = re.compile(rb"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
# The scaling cases at their largest (16x): 20 MB of page bodies, 50k table rows, 5 MB of
# text; 1x and 4x are 1/16 and 1/4 of them.
SCALING_BYTES = 20_000_000
TABLE_ROWS = 50_000
TEXT_BYTES = 5_000_000
# A scaling run this long is timed once: its noise is small next to its length.
LONG_RUN_SECONDS = 2.0
TEXT_BYTES = SCALING_BYTES // 4  # the 5 MB text input


def best_time(function: Callable[[bytes], object], page: bytes) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        function(page)
        best = min(best, time.perf_counter() - start)
    return best


def peers() -> dict[str, Callable[[bytes], object]]:
    """The extractors installed beside policyparse, by name."""
    found: dict[str, Callable[[bytes], object]] = {}
    try:
        import trafilatura

        found["trafilatura.extract"] = trafilatura.extract
    except ImportError:
        print("(trafilatura not installed: pip install 'policyparse[bench]')")
    from bs4 import BeautifulSoup

    found["BeautifulSoup(lxml)"] = lambda page: BeautifulSoup(page, "lxml")
    return found


def corpus_run(pages: list[bytes], names: list[str], with_peers: bool) -> None:
    others = peers() if with_peers else {}
    for page in pages[:5]:  # warm-up: imports, caches, allocator
        lxml.html.fromstring(page)
        policyparse.parse(page)
        for function in others.values():
            function(page)
    baseline, ours = [], []
    theirs: dict[str, list[float]] = {name: [] for name in others}
    for page in pages:
        baseline.append(best_time(lxml.html.fromstring, page))
        ours.append(best_time(policyparse.parse, page))
        for name, function in others.items():
            theirs[name].append(best_time(function, page))
    _report(pages, names, baseline, ours, theirs)


def _report(
    pages: list[bytes],
    names: list[str],
    baseline: list[float],
    ours: list[float],
    theirs: dict[str, list[float]],
) -> None:
    ratios = [o / b for o, b in zip(ours, baseline, strict=True)]
    ordered = sorted(ratios)
    megabytes = sum(len(page) for page in pages) / 1e6
    print(f"pages {len(pages)} ({megabytes:.1f} MB)")
    print(f"median per-page ratio parse/lxml.fromstring: {statistics.median(ratios):.2f}x")
    print(f"p90 per-page ratio: {ordered[int(0.9 * (len(ordered) - 1))]:.2f}x")
    print(f"total time ratio: {sum(ours) / sum(baseline):.2f}x")
    print(
        f"throughput: policyparse {megabytes / sum(ours):.1f} MB/s,"
        f" lxml {megabytes / sum(baseline):.1f} MB/s"
    )
    for name, times in theirs.items():
        median = statistics.median(t / b for t, b in zip(times, baseline, strict=True))
        print(
            f"{name}: median ratio to lxml {median:.2f}x, total time "
            f"{sum(times) / sum(ours):.2f}x policyparse's"
        )
    slowest = sorted(zip(ratios, names, ours, strict=True), reverse=True)[:SLOWEST]
    for ratio, name, seconds in slowest:
        print(f"  slow: {ratio:6.1f}x  {seconds * 1000:7.1f} ms  {name[:40]}")
    print(f"peak traced memory, largest page: {_peak_memory(max(pages, key=len))}")


def _peak_memory(page: bytes) -> str:
    tracemalloc.start()
    policyparse.parse(page)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return f"{peak / 1e6:.1f} MB for a {len(page) / 1e6:.1f} MB page ({peak / len(page):.1f}x)"


def scaling_run(pages: list[bytes]) -> None:
    bodies = b"".join(match.group(1) for page in pages if (match := BODY.search(page)))
    unit = bodies[: SCALING_BYTES // 16]
    cases: dict[str, Callable[[int], bytes]] = {
        # The case: a prefix at 1x and 4x, so the sizes also differ in which
        # pages they hold (some cost more per byte than others: an unclosed list).
        "one page of all bodies": lambda share: _bodies_page(bodies[: SCALING_BYTES // share]),
        # The same bodies 1, 4 and 16 times over: only the size changes.
        "the first bodies repeated": lambda share: _bodies_page(unit * (16 // share)),
        f"a table of {TABLE_ROWS:,} rows": lambda share: _table(TABLE_ROWS // share),
        "a scraped text": lambda share: _text(TEXT_BYTES // share),
    }
    options = policyparse.ParseOptions(max_bytes=4 * SCALING_BYTES)
    for name, make in cases.items():
        points = [_scaling_point(make(share), options) for share in (16, 4, 1)]
        size, seconds, _ = points[0]
        line = "; ".join(
            f"{n / 1e6:.1f} MB {t:.2f} s ({t / (seconds * n / size):.2f}x linear) "
            f"peak {p / n:.1f}x input"
            for n, t, p in points
        )
        print(f"{name}: {line}")


def _scaling_point(data: bytes, options: policyparse.ParseOptions) -> tuple[int, float, int]:
    """Size, best time (of 3 while a run is short) and peak traced memory for one input."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        policyparse.parse(data, options=options)
        best = min(best, time.perf_counter() - start)
        if best > LONG_RUN_SECONDS:
            break
    # Memory in a separate run: tracing slows the parse several times over.
    tracemalloc.start()
    policyparse.parse(data, options=options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return len(data), best, peak


def _table(rows: int) -> bytes:
    row = "<tr><td>Item {0}<td>Does thing {0} for the region.".format
    cells = "".join(row(index) for index in range(rows))
    return f"<table><tr><th>Name<th>Description{cells}</table>".encode()


def _text(size: int) -> bytes:
    line = "- Measure {0}: funds the thing number {0} in every region.\n".format
    lines, total, index = ["Plan\n", "Measures\n"], 0, 0
    while total < size:
        lines.append(line(index))
        total += len(lines[-1])
        index += 1
    return "".join(lines).encode()


def _bodies_page(bodies: bytes) -> bytes:
    return b"<html><head><meta charset=utf-8></head><body>" + bodies + b"</body></html>"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--peers", action="store_true")
    parser.add_argument("--scaling", action="store_true")
    args = parser.parse_args(argv)
    files = sorted(CORPUS.glob("*.html.gz"))[: args.limit or None]
    pages = [gzip.decompress(path.read_bytes()) for path in files]
    if args.scaling:
        scaling_run(pages)
    else:
        corpus_run(pages, [path.name for path in files], args.peers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
