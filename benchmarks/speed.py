"""Speed: policyparse.parse vs. lxml.html.fromstring on the same pages, in one process.

Corpus: the 181 pages of ../shared/corpus/article-extraction-benchmark, loaded once.
For each page, both are timed interleaved, best of 3 after a warm-up; the figures are
ratios to lxml's parse (the baseline), so they hold across machines.
Run: python benchmarks/speed.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
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


def best_time(function: Callable[[bytes], object], page: bytes) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        function(page)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))][
        : args.limit or None
    ]
    for page in pages[:5]:  # warm-up: imports, caches, allocator
        lxml.html.fromstring(page)
        policyparse.parse(page)
    baseline, ours = [], []
    for page in pages:
        baseline.append(best_time(lxml.html.fromstring, page))
        ours.append(best_time(policyparse.parse, page))
    ratios = sorted(o / b for o, b in zip(ours, baseline, strict=True))
    megabytes = sum(len(page) for page in pages) / 1e6
    print(f"pages {len(pages)} ({megabytes:.1f} MB)")
    print(f"median per-page ratio parse/lxml.fromstring: {statistics.median(ratios):.2f}x")
    print(f"p90 per-page ratio: {ratios[int(0.9 * (len(ratios) - 1))]:.2f}x")
    print(f"total time ratio: {sum(ours) / sum(baseline):.2f}x")
    print(
        f"throughput: policyparse {megabytes / sum(ours):.1f} MB/s,"
        f" lxml {megabytes / sum(baseline):.1f} MB/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
