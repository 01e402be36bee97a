"""Speed of the text path: each scraper's texts of the gold pages against the HTML of the
same pages, parsed in the same process (best of 3 rounds; ratios, not seconds, are the
figures to compare across machines).

Run: python benchmarks/text_speed.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import policyparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scrapers import SCRAPED, SCRAPERS, load_pages

ROUNDS = 3


def best_time(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    pages = load_pages()
    html = [page.html.read_bytes() for page in pages]
    html_time = best_time(lambda: [policyparse.parse(raw) for raw in html])
    print(f"{'input':22s} {'MB':>6s} {'seconds':>8s} {'MB/s':>6s} {'x HTML path':>11s}")
    print(f"{'html':22s} {sum(map(len, html)) / 1e6:6.2f} {html_time:8.2f}")
    for scraper in SCRAPERS:
        texts = [(SCRAPED / scraper / f"{page.name}.txt").read_bytes() for page in pages]
        seconds = best_time(
            lambda texts=texts: [policyparse.parse(t, format="text") for t in texts]
        )
        size = sum(map(len, texts)) / 1e6
        print(
            f"{scraper:22s} {size:6.2f} {seconds:8.2f} {size / seconds:6.2f} "
            f"{seconds / html_time:11.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
