"""Parse options: strictness about repairs, disabled passes, the error contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse import ParseOptions, PolicyParseError, RepairError, parse, parse_file
from policyparse.errors import InternalError
from policyparse.options import STRICT, RepairWarning
from policyparse.repairs import UnknownPassError

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_b051e2b6b6c97c0a.txt"
CLEAN = "Grid Plan\nLines\nThe operator will build new lines.\n- North Link: a new line.\n- South Link: another."


def test_strict_raises_on_inputs_that_need_repair() -> None:
    with pytest.raises(RepairError) as info:
        parse_file(SEED, options=STRICT)
    assert info.value.code == "repair-needed"
    assert "split_leaked_tags" in str(info.value)
    assert parse(CLEAN, options=STRICT).initiatives


def test_warn_mode_warns_once() -> None:
    with pytest.warns(RepairWarning, match="repairs"):
        parse_file(SEED, options=ParseOptions(on_repair="warn"))


def test_disabled_pass_changes_the_result_and_unknown_names_fail() -> None:
    default = parse_file(SEED)
    without = parse_file(
        SEED, options=ParseOptions(disabled_passes=frozenset({"split_glued_headings"}))
    )
    assert len(without.pillars) == len(default.pillars) - 1
    with pytest.raises(UnknownPassError):
        parse(CLEAN, options=ParseOptions(disabled_passes=frozenset({"split_glued_heading"})))


def test_internal_errors_are_typed_and_name_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("policyparse.api.build_structure", broken)
    with pytest.raises(InternalError) as info:
        parse(CLEAN)
    assert isinstance(info.value, PolicyParseError) and isinstance(info.value, RuntimeError)
    assert "sha256=" in str(info.value)
