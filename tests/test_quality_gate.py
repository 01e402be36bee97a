"""The quality gate in CI: no figure may fall below its pinned floor (quality/floors.json)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import quality_gate


# Every gold set through the HTML path and ten scrapers' texts: about 45 s on the CI machine,
# so past the suite's default 60 s cap on a slower one.
@pytest.mark.timeout(600)
def test_no_figure_falls_below_its_floor() -> None:
    stored = quality_gate.load_floors()
    checks = quality_gate.check(quality_gate.measure(), stored["floors"])  # type: ignore[arg-type]
    failed = [f"{c.metric}: {c.value:.4f} vs pinned {c.pinned:.4f}" for c in checks if not c.passed]
    assert checks and not failed, "quality fell: " + "; ".join(failed)


def test_the_corpus_is_the_one_the_floors_were_pinned_on() -> None:
    pinned = quality_gate.load_floors()["corpus_sha256"]
    assert quality_gate.corpus_hashes() == pinned, (
        "a gold set or the benchmark changed: review it, then run "
        "`python benchmarks/quality_gate.py --update-floors`"
    )


def test_update_refuses_to_lower_a_floor_unless_told() -> None:
    pinned = {"dev.initiative_f1": 0.9, "dev.leaked_markup": 0.0}
    worse = {"dev.initiative_f1": 0.85, "dev.leaked_markup": 2.0}
    assert sorted(quality_gate.update(worse, dict(pinned), allow_lower=False)) == sorted(pinned)
    lowered = dict(pinned)
    assert quality_gate.update(worse, lowered, allow_lower=True) == []
    assert lowered == worse
    better = {"dev.initiative_f1": 0.95, "dev.leaked_markup": 0.0}
    raised = dict(pinned)
    assert quality_gate.update(better, raised, allow_lower=False) == [] and raised == better
    noise = {"dev.initiative_f1": 0.9 - quality_gate.EPSILON / 2, "dev.leaked_markup": 0.0}
    kept = dict(pinned)
    assert quality_gate.update(noise, kept, allow_lower=False) == [] and kept == pinned


@pytest.mark.parametrize(
    ("metric", "value", "passed"),
    [
        ("content.f1", 0.9190, False),  # below the floor by more than epsilon
        ("content.f1", 0.9200, True),  # within epsilon of it
        ("content.f1", 0.9300, True),
        ("dev.leaked_markup", 1.0, False),
        ("dev.leaked_markup", 0.0, True),
    ],
)
def test_check_directions_and_epsilon(metric: str, value: float, passed: bool) -> None:
    pinned = {"content.f1": 0.9205, "dev.leaked_markup": 0.0}
    (result,) = [c for c in quality_gate.check({metric: value}, pinned) if c.metric == metric]
    assert result.passed is passed


def test_the_report_hides_passing_held_out_figures_and_prints_a_fall(
    capsys: pytest.CaptureFixture[str],
) -> None:
    checks = [
        quality_gate.Check("web_dev.initiative_f1", 0.70, 0.68, True),
        quality_gate.Check("web_test.initiative_f1", 0.31, 0.30, True),
        quality_gate.Check("scrapers.test.w3m.pillar_f1", 0.50, 0.56, False),
    ]
    assert quality_gate.report(checks, {}, {}) == 1
    out = capsys.readouterr().out
    assert "web_dev.initiative_f1" in out and "0.7000" in out
    assert "web_test.initiative_f1" not in out and "1 held-out figures" in out
    assert "FAIL scrapers.test.w3m.pillar_f1" in out and "0.5000" in out
    quality_gate.report(checks, {}, {}, show_held_out=True)
    assert "web_test.initiative_f1" in capsys.readouterr().out
