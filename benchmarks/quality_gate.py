"""The quality gate: extraction quality may rise freely; a fall below a pinned floor fails.

Metrics: the dev and held-out gold sets and the web gold set's dev and test splits
(``policyparse eval``), main-content token F1 (with and without the title) on
the 181 pages of article-extraction-benchmark, and per scraper the text path's figures on
the scraped texts of the gold pages (``benchmarks/scrapers.py``). Floors live in
``quality/floors.json`` with a hash of each corpus, so a changed corpus is noticed instead
of silently moving the bar.

Run:   python benchmarks/quality_gate.py                  check (exit 1 below a floor)
       python benchmarks/quality_gate.py --show-held-out  print the held-out figures too
       python benchmarks/quality_gate.py --update-floors  raise floors to today's figures
       python benchmarks/quality_gate.py --update-floors --allow-lower   lower them too
CI runs the check through tests/test_quality_gate.py.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import policyparse
from policyparse.evaluation import evaluate, gold_files

sys.path.insert(0, str(Path(__file__).resolve().parent))
from content_f1 import CORPUS as CONTENT_CORPUS
from content_f1 import kept_text, token_scores
from scrapers import GOLD_SETS as SCRAPER_GOLD_SETS
from scrapers import SCRAPED
from scrapers import SPLITS as SCRAPER_SPLITS
from scrapers import measure as measure_scrapers

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "quality" / "floors.json"
GOLD = ROOT / "fixtures" / "gold"
GOLD_SETS = {
    "dev": GOLD / "dev",
    "test": GOLD / "test",
    # The web gold set (100 real full pages, 16 languages), split before any change.
    "web_dev": GOLD / "web" / "dev",
    "web_test": GOLD / "web" / "test",
}
# Run-to-run noise: the pipeline is deterministic, so this only absorbs float rounding.
EPSILON = 0.001
# Counts that should go down, not up: their pin is a ceiling.
CEILINGS = ("leaked_markup", "boilerplate_survived", "errors")


@dataclass(frozen=True)
class Check:
    metric: str
    value: float
    pinned: float
    passed: bool


def measure() -> dict[str, float]:
    """Every gated figure, by name (``dev.initiative_f1``, ``content.f1``…)."""
    figures: dict[str, float] = {}
    for name, folder in GOLD_SETS.items():
        summary = evaluate([folder]).summary()
        figures.update({f"{name}.{key}": float(value) for key, value in summary.items()})
    figures.update(_content_figures())
    figures.update(_scraper_figures())
    return figures


# Per scraper and split: what the text path reads from each scraper's text of the pages.
SCRAPER_METRICS = ("initiative_f1", "pillar_f1", "title_accuracy_printed")


def _scraper_figures() -> dict[str, float]:
    figures = {}
    for split in SCRAPER_SPLITS:
        for scraper, summary in measure_scrapers(split).items():
            for metric in SCRAPER_METRICS:
                figures[f"scrapers.{split}.{scraper}.{metric}"] = float(summary[metric])
    return figures


def _content_figures() -> dict[str, float]:
    truth = json.loads((CONTENT_CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    scores, bodies = [], []
    for key in sorted(truth):
        raw = gzip.decompress((CONTENT_CORPUS / "html" / f"{key}.html.gz").read_bytes())
        document, want = policyparse.parse(raw), truth[key]["articleBody"]
        scores.append(token_scores(kept_text(document), want))
        bodies.append(token_scores(kept_text(document, with_title=False), want))
    figures = {}
    for prefix, triples in (("content", scores), ("content.body", bodies)):
        for index, name in enumerate(("precision", "recall", "f1")):
            figures[f"{prefix}.{name}"] = round(statistics.mean(t[index] for t in triples), 4)
    return figures


def corpus_hashes() -> dict[str, str]:
    """sha256 of every file each metric reads: gold files, their inputs, the benchmark."""
    hashes = {}
    for name, folder in GOLD_SETS.items():
        files = []
        for gold in gold_files([folder]):
            files += [gold, gold.parent / json.loads(gold.read_text(encoding="utf-8"))["input"]]
        hashes[name] = _digest(files)
    content = [CONTENT_CORPUS / "ground-truth.json", *sorted((CONTENT_CORPUS / "html").iterdir())]
    hashes["content"] = _digest(content)
    scraped = [path for path in SCRAPED.rglob("*") if path.is_file()]
    scraped += SCRAPER_GOLD_SETS["extra"].glob("*.json")  # the extra split's own gold
    hashes["scraped"] = _digest(sorted(scraped))
    return hashes


def _digest(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def is_ceiling(metric: str) -> bool:
    return metric.rsplit(".", 1)[-1] in CEILINGS


def check(figures: dict[str, float], pinned: dict[str, float]) -> list[Check]:
    checks = []
    for metric, floor in sorted(pinned.items()):
        value = figures.get(metric)
        if value is None:
            checks.append(Check(metric, float("nan"), floor, False))
        elif is_ceiling(metric):
            checks.append(Check(metric, value, floor, value <= floor + EPSILON))
        else:
            checks.append(Check(metric, value, floor, value >= floor - EPSILON))
    return checks


def update(figures: dict[str, float], pinned: dict[str, float], allow_lower: bool) -> list[str]:
    """Raise the pins to today's figures (a pin never moves down by noise within epsilon).

    Returns the metrics that got worse by more than epsilon — and pins nothing — unless
    ``allow_lower``.
    """
    failed = {check.metric for check in check(figures, pinned) if not check.passed}
    if failed and not allow_lower:
        return sorted(failed)
    for metric, value in figures.items():
        old = pinned.get(metric)
        if old is None or metric in failed:
            pinned[metric] = value
        else:
            pinned[metric] = min(old, value) if is_ceiling(metric) else max(old, value)
    return []


def load_floors() -> dict[str, object]:
    return json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument(
        "--allow-lower", action="store_true", help="let --update-floors lower a floor"
    )
    parser.add_argument(
        "--show-held-out",
        action="store_true",
        help="print the held-out splits' figures (hidden while they pass: rules are tuned on dev)",
    )
    args = parser.parse_args(argv)
    stored = load_floors()
    pinned = dict(stored.get("floors", {}))  # type: ignore[call-overload]
    figures = measure()
    hashes = corpus_hashes()
    if args.update_floors:
        worse = update(figures, pinned, args.allow_lower)
        if worse:
            print(f"refusing to lower {', '.join(sorted(worse))}; pass --allow-lower to mean it")
            return 1
        FLOORS.parent.mkdir(exist_ok=True)
        body = {"corpus_sha256": hashes, "epsilon": EPSILON, "floors": dict(sorted(pinned.items()))}
        FLOORS.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        print(f"pinned {len(pinned)} figures in {FLOORS.relative_to(ROOT)}")
        return 0
    checks = check(figures, pinned)
    return report(checks, stored.get("corpus_sha256", {}), hashes, args.show_held_out)  # type: ignore[arg-type]


# The held-out splits: scored to check that nothing fell, not to tune on. While they pass
# the gate does not print their figures, so a developer running it between two changes
# does not read them; a fall is printed, since it stops the change.
HELD_OUT_PREFIXES = ("test.", "web_test.", "scrapers.test.", "scrapers.web-test.")


def is_held_out(metric: str) -> bool:
    """
    >>> is_held_out("scrapers.web-test.w3m.pillar_f1"), is_held_out("web_dev.initiative_f1")
    (True, False)
    """
    return metric.startswith(HELD_OUT_PREFIXES)


def report(
    checks: list[Check],
    pinned_hashes: dict[str, str],
    hashes: dict[str, str],
    show_held_out: bool = False,
) -> int:
    changed = sorted(name for name, digest in hashes.items() if pinned_hashes.get(name) != digest)
    hidden = 0
    for item in checks:
        if item.passed and is_held_out(item.metric) and not show_held_out:
            hidden += 1
            continue
        sign = "≤" if is_ceiling(item.metric) else "≥"
        status = "ok  " if item.passed else "FAIL"
        print(f"{status} {item.metric:32s} {item.value:8.4f}  pinned {sign} {item.pinned:.4f}")
    if hidden:
        print(
            f"ok   {hidden} held-out figures at or above their floors (--show-held-out prints them)"
        )
    if changed:
        print(
            f"FAIL corpus changed since the floors were pinned: {', '.join(changed)} "
            "(review, then --update-floors)"
        )
    failed = [item.metric for item in checks if not item.passed]
    return 1 if failed or changed or not checks else 0


if __name__ == "__main__":
    sys.exit(main())
