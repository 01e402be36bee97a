"""Golden documents: each fixture input parses to the record a person wrote down for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import (
    SEED_EXPECTED,
    SHARED,
    document_cases,
    expected_summary,
    leaks_in,
    load_expected,
    summarise,
)

from policyparse import parse_file

CASES = document_cases()
SEED = SHARED / "seeds" / "000_b051e2b6b6c97c0a.txt"


def _check(input_path: Path, expected_path: Path) -> None:
    expected = load_expected(expected_path)
    document = parse_file(input_path)
    assert summarise(document) == expected_summary(expected)
    dropped = [entry.text for entry in document.dropped]
    for fragment in expected["dropped"]:
        assert any(fragment in text for text in dropped), f"not dropped: {fragment!r}"
    assert leaks_in(document) == []


@pytest.mark.parametrize(("input_path", "expected_path"), CASES, ids=[c[0].name for c in CASES])
def test_document_matches_golden(input_path: Path, expected_path: Path) -> None:
    _check(input_path, expected_path)


def test_seed_matches_golden() -> None:
    _check(SEED, SEED_EXPECTED / "000_b051e2b6b6c97c0a.expected.json")


def test_seed_has_four_pillars_and_twelve_initiatives() -> None:
    document = parse_file(SEED)
    assert len(document.pillars) == 4
    assert len(document.initiatives) == 12
    # The unrelated trailing headline, and the two tables' header rows (column labels).
    assert [entry.reason for entry in document.dropped] == [
        "trailing headline unrelated to the article",
        "table header row (column labels)",
        "table header row (column labels)",
    ]


def test_there_are_enough_golden_documents() -> None:
    inputs = [case[0] for case in CASES]
    assert len(inputs) >= 12
    assert any(path.suffix == ".html" for path in inputs)
    assert any(path.suffix == ".txt" for path in inputs)
