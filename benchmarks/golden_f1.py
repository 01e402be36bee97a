"""Initiative and pillar F1 of policyparse against hand-written golden records.

A predicted initiative matches a golden one when its pillar title, name and description
each reach token F1 >= 0.9 against the golden (after NFKC, casefold, whitespace
collapse); pillars match on title the same way. Each golden is used once.
Run: python benchmarks/golden_f1.py [GLOB]   (default: fixtures/documents/*.expected.json)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import policyparse
from policyparse.evaluation import Score, count_matches, is_same_text

ROOT = Path(__file__).resolve().parents[1]


def matches(predicted: Sequence[tuple[str, ...]], golden: Sequence[tuple[str, ...]]) -> int:
    """One-to-one matches where every field is the same text (token F1 >= 0.9)."""

    def same(got: tuple[str, ...], want: tuple[str, ...]) -> bool:
        return all(is_same_text(a, b) for a, b in zip(got, want, strict=True))

    return count_matches(list(predicted), list(golden), same)


def f1(hits: int, predicted: int, golden: int) -> float:
    return Score(hits=hits, predicted=predicted, expected=golden).f1


def score(input_path: Path, expected: dict[str, object]) -> tuple[int, int, int, int, int, int]:
    document = policyparse.parse_file(input_path)
    got_items = [(p.title, i.name, i.description) for p in document.pillars for i in p.initiatives]
    gold_pillars = expected["pillars"]
    assert isinstance(gold_pillars, list)
    want_items = [
        (p["title"], i["name"], i["description"]) for p in gold_pillars for i in p["initiatives"]
    ]
    got_pillars = [(p.title,) for p in document.pillars]
    want_pillars = [(p["title"],) for p in gold_pillars]
    return (
        matches(got_items, want_items),
        len(got_items),
        len(want_items),
        matches(got_pillars, want_pillars),
        len(got_pillars),
        len(want_pillars),
    )


def main(argv: list[str]) -> int:
    pattern = argv[0] if argv else "fixtures/documents/*.expected.json"
    totals = [0] * 6
    for expected_path in sorted(ROOT.glob(pattern)):
        stem = expected_path.name.removesuffix(".expected.json")
        inputs = [p for p in expected_path.parent.glob(f"{stem}.*") if not p.name.endswith(".json")]
        counts = score(inputs[0], json.loads(expected_path.read_text(encoding="utf-8")))
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        print(f"{stem:50s} initiatives F1 {f1(*counts[:3]):.2f}  pillars F1 {f1(*counts[3:]):.2f}")
    print(f"overall: initiative F1 {f1(*totals[:3]):.3f}  pillar F1 {f1(*totals[3:]):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
