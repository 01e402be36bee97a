"""What ``validate`` returns: findings grouped by record, rendered for people and for CI."""

from __future__ import annotations

import json
from typing import Literal
from xml.etree import ElementTree

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Finding(_Frozen):
    """One problem in one record: a stable ``code``, where it is, and what is wrong."""

    code: str
    severity: Severity = "error"
    message: str
    record: str
    """How the record is named in reports: ``out/a.json``, ``all.jsonl:3``, ``records[2]``."""
    file: str | None = None
    line: int | None = None
    location: str = ""
    """Where in the record, e.g. ``pillars[1].initiatives[0].name``; empty for the whole."""


class RecordResult(_Frozen):
    """One record checked: its name, the input it was extracted from, and its findings."""

    record: str
    file: str | None = None
    line: int | None = None
    input: str | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def failed(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)


class ValidationReport(_Frozen):
    """Every record checked, in the order given. ``ok`` is false when any error was found."""

    records: tuple[RecordResult, ...] = ()
    strict: bool = False
    """Warnings count as failures too (``--strict``)."""

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.records for finding in result.findings]

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if self._fails(finding)]

    @property
    def ok(self) -> bool:
        return not self.errors

    def _fails(self, finding: Finding) -> bool:
        return finding.severity == "error" or self.strict

    def failed_records(self) -> list[RecordResult]:
        return [result for result in self.records if any(map(self._fails, result.findings))]

    def summary(self) -> str:
        """One line: how many records, how many failed, how many errors and warnings."""
        findings = self.findings
        errors = sum(finding.severity == "error" for finding in findings)
        warnings = len(findings) - errors
        failed = len(self.failed_records())
        return (
            f"{len(self.records)} records checked: {len(self.records) - failed} passed, "
            f"{failed} failed ({_count(errors, 'error')}, {_count(warnings, 'warning')})"
        )

    def to_text(self) -> str:
        """Human report: one line per finding, then the summary line."""
        lines = [_text_line(finding) for finding in self.findings]
        return "\n".join([*lines, self.summary()]) + "\n"

    def to_json(self) -> str:
        """Machine report: the records with their findings, plus ``ok`` and the summary."""
        body = {"ok": self.ok, "summary": self.summary(), **self.model_dump(mode="json")}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"

    def to_github(self) -> str:
        """GitHub Actions workflow commands: one ``::error``/``::warning`` line per finding."""
        return "".join(_github_line(finding, self.strict) + "\n" for finding in self.findings)

    def to_junit(self) -> str:
        """JUnit XML: one testcase per record, a ``failure`` element for each failed one."""
        suite = ElementTree.Element(
            "testsuite",
            name="policyparse.validate",
            tests=str(len(self.records)),
            failures=str(len(self.failed_records())),
            errors="0",
            skipped="0",
        )
        for result in self.records:
            suite.append(self._junit_case(result))
        ElementTree.indent(suite)
        return ElementTree.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"

    def _junit_case(self, result: RecordResult) -> ElementTree.Element:
        case = ElementTree.Element("testcase", classname="policyparse.validate", name=result.record)
        if result.file:
            case.set("file", result.file)
        failing = [finding for finding in result.findings if self._fails(finding)]
        if failing:
            failure = ElementTree.SubElement(
                case, "failure", message=_junit_message(failing), type=failing[0].code
            )
            failure.text = "\n".join(_text_line(finding) for finding in failing)
        notes = [finding for finding in result.findings if not self._fails(finding)]
        if notes:
            ElementTree.SubElement(case, "system-out").text = "\n".join(map(_text_line, notes))
        return case


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _text_line(finding: Finding) -> str:
    where = f" {finding.location}" if finding.location else ""
    return f"{finding.record}: {finding.severity} {finding.code}{where}: {finding.message}"


def _junit_message(failing: list[Finding]) -> str:
    codes = sorted({finding.code for finding in failing})
    return f"{_count(len(failing), 'finding')}: {', '.join(codes)}"


def _github_line(finding: Finding, strict: bool) -> str:
    level = "error" if finding.severity == "error" or strict else "warning"
    properties = [f"title={_escape_property(f'policyparse {finding.code}')}"]
    if finding.file:
        properties.insert(0, f"file={_escape_property(finding.file)}")
        if finding.line:
            properties.insert(1, f"line={finding.line}")
    where = f"{finding.location}: " if finding.location else ""
    message = f"{finding.record}: {where}{finding.message}"
    return f"::{level} {','.join(properties)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping: %, CR and LF in the message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
