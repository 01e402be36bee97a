"""``policyparse validate``: check records in CI and report in the formats CI tools read."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..validation import RULES, ValidationReport, validate
from .exits import EXIT_FAILED, EXIT_OK

REPORT_KINDS = ("text", "json", "github", "junit")


@dataclass(frozen=True)
class ReportTarget:
    kind: str
    file: Path | None


def parse_report_target(spec: str) -> ReportTarget:
    """``junit=out.xml`` → junit to that file; ``github`` → to stdout."""
    kind, _, file = spec.partition("=")
    if kind not in REPORT_KINDS:
        raise ValueError(f"unknown report {kind!r}; choose from {', '.join(REPORT_KINDS)}")
    return ReportTarget(kind, Path(file) if file else None)


def rules_listing() -> str:
    width = max(len(rule.code) for rule in RULES)
    lines = [f"{rule.code:<{width}}  {rule.severity:<7}  {rule.summary}" for rule in RULES]
    return "\n".join(lines) + "\n"


def run_validate(
    records: list[str],
    *,
    rules: list[str] | None,
    skip_rules: list[str],
    golden: str | None,
    reports: list[ReportTarget],
    strict: bool,
) -> int:
    report = validate(records, rules=rules, skip_rules=skip_rules, golden=golden, strict=strict)
    to_stdout = [target for target in reports if target.file is None]
    if not to_stdout:
        to_stdout = [ReportTarget("text", None)]
    for target in [*to_stdout, *(target for target in reports if target.file)]:
        _emit(report, target)
    if all(target.kind != "text" for target in to_stdout):
        print(f"policyparse: {report.summary()}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED


def _emit(report: ValidationReport, target: ReportTarget) -> None:
    render = {
        "text": report.to_text,
        "json": report.to_json,
        "github": report.to_github,
        "junit": report.to_junit,
    }[target.kind]
    if target.file is None:
        sys.stdout.write(render())
        return
    target.file.parent.mkdir(parents=True, exist_ok=True)
    target.file.write_text(render(), encoding="utf-8")
