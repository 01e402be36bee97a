"""Main-content benchmark: the text policyparse keeps vs. human-annotated article bodies.

Corpus: ../shared/corpus/article-extraction-benchmark (181 news pages + ground-truth.json).
Measure: the benchmark's own token-level precision/recall/F1 (bag of whitespace tokens),
on the body (title left out, as the benchmark's bodies leave it out) and with the title.
Run: python benchmarks/content_f1.py [--limit N] [--worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

import policyparse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "article-extraction-benchmark"


def kept_text(document: policyparse.PolicyDocument, *, with_title: bool = True) -> str:
    """Title, lede, then each pillar's title, description and initiatives, in order. The
    benchmark's bodies leave the headline out; ``with_title=False`` compares like with like."""
    parts = [document.title if with_title else "", document.lede]
    for pillar in document.pillars:
        parts += [pillar.title, pillar.description]
        for item in pillar.initiatives:
            parts += [item.name, item.description, *item.attributes.values()]
    return "\n".join(part for part in parts if part)


def token_scores(predicted: str, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 over token multisets (the benchmark's measure)."""
    got, want = Counter(predicted.split()), Counter(truth.split())
    common = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0, 1.0
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--worst", type=int, default=5)
    args = parser.parse_args(argv)
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    scores, bodies = [], []
    for key in keys:
        raw = gzip.decompress((CORPUS / "html" / f"{key}.html.gz").read_bytes())
        document = policyparse.parse(raw)
        want = truth[key]["articleBody"]
        scores.append((token_scores(kept_text(document), want), key))
        bodies.append(token_scores(kept_text(document, with_title=False), want))
    for label, triples in (("body", bodies), ("with title", [s[0] for s in scores])):
        precision, recall, f1 = (statistics.mean(t[i] for t in triples) for i in range(3))
        figures = f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
        print(f"{label:>10}: pages {len(triples)}  {figures}")
    for (p, r, f), key in sorted(scores, key=lambda s: s[0][2])[: args.worst]:
        print(f"  worst F1 {f:.3f} (P {p:.2f} R {r:.2f})  {truth[key]['url'][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
