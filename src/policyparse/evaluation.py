"""Quality against hand-annotated gold files: initiative and pillar F1, titles, leaks.

A gold file ``NAME.gold.json`` names its input (``input``, relative to the gold file) and
holds what a careful reader writes down: the title, the pillars (title, phrases their
description must contain, initiatives with name and description) and strings that must
not appear (boilerplate). Texts are compared after NFKC, case folding and whitespace
collapse; names and descriptions match fuzzily, by token F1 ≥ ``MATCH_F1``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from .api import parse
from .errors import PolicyParseError
from .models import PolicyDocument
from .textutil import comparable_text
from .validation.rules import RULES as VALIDATION_RULES
from .validation.rules import text_fields

# Token F1 at which two texts count as the same (a dropped word or a typo, not a new text).
MATCH_F1 = 0.9
LEAK_RULES = ("leaked-markup", "leaked-entity", "separator-pipe")
GOLD_SUFFIX = ".gold.json"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Score(_Frozen):
    """Counts behind precision, recall and F1 (both empty: a perfect 1.0)."""

    hits: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else float(not self.expected)

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else float(not self.predicted)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            hits=self.hits + other.hits,
            predicted=self.predicted + other.predicted,
            expected=self.expected + other.expected,
        )


class DocumentScore(_Frozen):
    gold: str
    initiatives: Score
    pillars: Score
    title_correct: bool
    leaked_markup: int
    boilerplate_survived: list[str]
    error: str | None = None


class EvaluationReport(_Frozen):
    documents: list[DocumentScore]

    @property
    def initiatives(self) -> Score:
        return sum((d.initiatives for d in self.documents), Score())

    @property
    def pillars(self) -> Score:
        return sum((d.pillars for d in self.documents), Score())

    @property
    def title_accuracy(self) -> float:
        return sum(d.title_correct for d in self.documents) / max(len(self.documents), 1)

    def summary(self) -> dict[str, float | int]:
        return {
            "documents": len(self.documents),
            "initiative_precision": round(self.initiatives.precision, 4),
            "initiative_recall": round(self.initiatives.recall, 4),
            "initiative_f1": round(self.initiatives.f1, 4),
            "pillar_f1": round(self.pillars.f1, 4),
            "title_accuracy": round(self.title_accuracy, 4),
            "leaked_markup": sum(d.leaked_markup for d in self.documents),
            "boilerplate_survived": sum(len(d.boilerplate_survived) for d in self.documents),
            "errors": sum(d.error is not None for d in self.documents),
        }

    def to_text(self) -> str:
        lines = [
            f"{d.gold}: initiatives P {d.initiatives.precision:.2f} R {d.initiatives.recall:.2f}"
            f" F1 {d.initiatives.f1:.2f} ({d.initiatives.hits}/{d.initiatives.expected})"
            f" · pillars F1 {d.pillars.f1:.2f} · title {'ok' if d.title_correct else 'WRONG'}"
            f" · leaks {d.leaked_markup} · boilerplate {len(d.boilerplate_survived)}"
            + (f" · error {d.error}" if d.error else "")
            for d in self.documents
        ]
        summary = " · ".join(f"{key} {value}" for key, value in self.summary().items())
        return "\n".join([*lines, f"overall: {summary}"]) + "\n"


def token_f1(first: str, second: str) -> float:
    """Token-level F1 of two texts after normalisation (both empty: 1.0).

    >>> round(token_f1("Rail Fund builds lines", "rail fund builds new lines"), 3)
    0.889
    """
    a, b = Counter(comparable_text(first).split()), Counter(comparable_text(second).split())
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def is_same_text(first: str, second: str) -> bool:
    return token_f1(first, second) >= MATCH_F1


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """``*.gold.json`` files: the paths given, folders searched recursively, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += sorted(path.rglob(f"*{GOLD_SUFFIX}")) if path.is_dir() else [path]
    return found


def evaluate(paths: Iterable[str | Path]) -> EvaluationReport:
    """Parse each gold file's input and score the record against the gold."""
    return EvaluationReport(documents=[_evaluate_one(path) for path in gold_files(paths)])


def _evaluate_one(gold_path: Path) -> DocumentScore:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    try:
        document = parse(gold_path.parent / gold["input"])
    except (PolicyParseError, KeyError) as error:
        return _failed(gold_path, gold, str(error))
    return score_document(document, gold, name=str(gold_path))


def _failed(gold_path: Path, gold: dict[str, Any], error: str) -> DocumentScore:
    expected = sum(len(p.get("initiatives", [])) for p in gold.get("pillars", []))
    return DocumentScore(
        gold=str(gold_path),
        initiatives=Score(expected=expected),
        pillars=Score(expected=len(gold.get("pillars", []))),
        title_correct=False,
        leaked_markup=0,
        boilerplate_survived=[],
        error=error,
    )


def score_document(document: PolicyDocument, gold: dict[str, Any], name: str = "") -> DocumentScore:
    """Score one record against one gold annotation (the dict of a gold file)."""
    record = document.model_dump(mode="json")
    return DocumentScore(
        gold=name,
        initiatives=_initiative_score(document, gold),
        pillars=_pillar_score(document, gold),
        title_correct=is_same_text(document.title, gold.get("title", "")),
        leaked_markup=_leak_count(record),
        boilerplate_survived=_surviving_boilerplate(record, gold.get("must_not_contain", [])),
    )


def _gold_pillar_titles(document: PolicyDocument, gold: dict[str, Any]) -> list[str]:
    """Each predicted pillar's title as the gold writes it. Initiatives standing before any
    heading go to a pillar named after the document in the record; gold files write that
    pillar's title as "" (the lede). Compared as such when the gold has such a pillar and
    no section of that name."""
    gold_titles = {comparable_text(pillar["title"]) for pillar in gold.get("pillars", [])}
    lede_in_gold = "" in gold_titles

    def as_gold(title: str) -> str:
        named = title == document.title and comparable_text(title) not in gold_titles
        return "" if lede_in_gold and named else title

    return [as_gold(pillar.title) for pillar in document.pillars]


def _initiative_score(document: PolicyDocument, gold: dict[str, Any]) -> Score:
    titles = _gold_pillar_titles(document, gold)
    predicted = [
        (title, item.name, item.description)
        for pillar, title in zip(document.pillars, titles, strict=True)
        for item in pillar.initiatives
    ]
    expected = [
        (pillar["title"], item["name"], item["description"])
        for pillar in gold.get("pillars", [])
        for item in pillar.get("initiatives", [])
    ]
    hits = count_matches(predicted, expected, _same_initiative)
    return Score(hits=hits, predicted=len(predicted), expected=len(expected))


def _same_initiative(got: tuple[str, str, str], want: tuple[str, str, str]) -> bool:
    return all(is_same_text(a, b) for a, b in zip(got, want, strict=True))


def _pillar_score(document: PolicyDocument, gold: dict[str, Any]) -> Score:
    expected = gold.get("pillars", [])
    predicted = list(zip(document.pillars, _gold_pillar_titles(document, gold), strict=True))

    def same(got: tuple[Any, str], want: dict[str, Any]) -> bool:
        pillar, title = got
        description = comparable_text(pillar.description)
        phrases = want.get("description_phrases", [])
        return is_same_text(title, want["title"]) and all(
            comparable_text(phrase) in description for phrase in phrases
        )

    return Score(
        hits=count_matches(predicted, expected, same),
        predicted=len(predicted),
        expected=len(expected),
    )


def count_matches(predicted: list[Any], expected: list[Any], same: Any) -> int:
    """One-to-one matches, each gold item taking the first unused prediction it matches."""
    used: set[int] = set()
    hits = 0
    for want in expected:
        match = next(
            (i for i, got in enumerate(predicted) if i not in used and same(got, want)), None
        )
        if match is not None:
            used.add(match)
            hits += 1
    return hits


def _leak_count(record: dict[str, Any]) -> int:
    rules = [rule for rule in VALIDATION_RULES if rule.code in LEAK_RULES]
    return sum(1 for rule in rules for _ in rule.check(record))


def _surviving_boilerplate(record: dict[str, Any], strings: list[str]) -> list[str]:
    texts = [comparable_text(text) for _, text in text_fields(record)]
    return [s for s in strings if any(comparable_text(s) in text for text in texts)]
