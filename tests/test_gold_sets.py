"""The web gold set stays what it says: its split is the fixed one, every file was reviewed,
and every annotated string is on its page (checked without policyparse)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "fixtures" / "gold" / "web"
sys.path.insert(0, str(ROOT / "scripts"))
from check_gold import problems_of  # noqa: E402

GOLD = sorted(WEB.glob("*/*.gold.json"))


def test_every_page_sits_in_the_split_fixed_before_any_change() -> None:
    split = json.loads((WEB / "SPLIT.json").read_text(encoding="utf-8"))["pages"]
    placed = {path.name.removesuffix(".gold.json"): path.parent.name for path in GOLD}
    assert placed == split
    assert sorted(set(split.values())) == ["dev", "test"]


@pytest.mark.parametrize("path", GOLD, ids=[path.stem for path in GOLD])
def test_gold_file_is_reviewed_and_matches_its_page(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert "Reviewed by a second reader" in gold["notes"]
    assert problems_of(path) == []
