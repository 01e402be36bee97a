"""Validate records in CI: schema, record rules, and differences from golden records."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..models import PolicyDocument
from .golden import GoldenIndex, diff_documents
from .records import RecordEntry, iter_entries
from .report import Finding, RecordResult, Severity, ValidationReport
from .rules import RULE_CODES, RULES, Rule, select_rules
from .schema import check_schema

__all__ = [
    "RULES",
    "RULE_CODES",
    "Finding",
    "RecordResult",
    "Rule",
    "ValidationReport",
    "validate",
]


def validate(
    records: Iterable[Any],
    *,
    rules: Iterable[str] | None = None,
    skip_rules: Iterable[str] = (),
    golden: str | Path | None = None,
    strict: bool = False,
) -> ValidationReport:
    """Check records against the schema, the rules and (optionally) golden records.

    ``records`` holds paths (``.json``/``.jsonl`` files or folders of them), PolicyDocuments,
    dicts or JSON strings. ``rules`` chooses rule codes (all when None), ``skip_rules``
    removes some; an unknown code raises :class:`~policyparse.errors.UnknownRuleError`.
    ``golden`` is a folder of expected records. With ``strict``, warnings fail too.

    >>> import policyparse
    >>> doc = policyparse.parse("Plan\\nParts\\n- Rail: trains.\\n- Rail: more trains.")
    >>> report = validate([doc])
    >>> report.ok, [finding.code for finding in report.findings]
    (False, ['duplicate-initiative'])
    """
    chosen = select_rules(frozenset(rules) if rules is not None else None, frozenset(skip_rules))
    index = GoldenIndex.of(Path(golden)) if golden is not None else None
    results = tuple(_check_entry(entry, chosen, index) for entry in iter_entries(records))
    return ValidationReport(records=results, strict=strict)


def _check_entry(
    entry: RecordEntry, rules: tuple[Rule, ...], golden: GoldenIndex | None
) -> RecordResult:
    data = entry.data if isinstance(entry.data, dict) else {}
    input_path = _input_of(data)
    result = RecordResult(record=entry.label, file=entry.file, line=entry.line, input=input_path)
    if entry.problem:
        return _with(result, [("unreadable", "error", "", entry.problem)])
    claimed = [claim for rule in rules for claim in rule.claims]
    schema = check_schema(entry.data, claimed)
    found: list[tuple[str, Severity, str, str]] = [
        (problem.code, "error", problem.location, problem.message) for problem in schema.problems
    ]
    if data and not any(problem.code == "schema-version" for problem in schema.problems):
        for rule in rules:
            found += [
                (rule.code, rule.severity, where, message) for where, message in rule.check(data)
            ]
    if golden is not None and schema.document is not None:
        found += _golden_findings(schema.document, entry, input_path, golden)
    return _with(result, found)


def _with(result: RecordResult, found: list[tuple[str, Severity, str, str]]) -> RecordResult:
    findings = tuple(
        Finding(
            code=code,
            severity=severity,
            message=message,
            record=result.record,
            file=result.file,
            line=result.line,
            location=location,
        )
        for code, severity, location, message in found
    )
    return result.model_copy(update={"findings": findings})


def _input_of(data: dict[str, Any]) -> str | None:
    source = data.get("source")
    path = source.get("path") if isinstance(source, dict) else None
    return path if isinstance(path, str) else None


def _golden_findings(
    document: PolicyDocument, entry: RecordEntry, input_path: str | None, index: GoldenIndex
) -> list[tuple[str, Severity, str, str]]:
    path = index.find(entry.relative, input_path)
    if path is None:
        named = f" for input {input_path!r}" if input_path else ""
        return [("golden-missing", "error", "", f"no golden record{named} in {index.folder}")]
    expected = index.load(path)
    if isinstance(expected, str):
        return [("golden-invalid", "error", "", f"golden {path}: {expected}")]
    return [
        (difference.code, "error", difference.location, difference.message)
        for difference in diff_documents(document, expected)
    ]
