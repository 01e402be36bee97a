"""The validator: schema, each rule on a record that breaks only it, goldens, reports."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

import policyparse
from policyparse import PolicyDocument, validate
from policyparse.errors import UnknownRuleError
from policyparse.validation import RULE_CODES

ARTICLE = """Rail Plan for the North

The plan funds three lines.

New lines
- Metro Link: A new line from the airport to the centre.
- Tram Loop: A loop around the old town.

Stations
| Station | Work | Budget |
|---|---|---|
| Central | New roof and lifts | €4m |
| Harbour | Second entrance | €2m |
"""


@pytest.fixture()
def record() -> dict[str, Any]:
    document = policyparse.parse(ARTICLE, url="https://example.org/rail")
    assert [p.title for p in document.pillars] == ["New lines", "Stations"]
    return document.model_dump(mode="json")


def codes(report: policyparse.ValidationReport) -> list[str]:
    return [finding.code for finding in report.findings]


def test_a_clean_record_passes(record: dict[str, Any]) -> None:
    report = validate([record])
    assert report.ok and report.findings == []
    assert report.summary() == "1 records checked: 1 passed, 0 failed (0 errors, 0 warnings)"


def test_every_rule_has_a_breaking_case() -> None:
    assert set(RULE_CODES) == set(BREAKERS)


def _set(path: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


DELETE = object()
FIRST = "pillars.0.initiatives.0"
BREAKERS = {
    "empty-name": (_set(f"{FIRST}.name", " "), f"{FIRST}.name"),
    "empty-description": (_set(f"{FIRST}.description", ""), f"{FIRST}.description"),
    "leaked-markup": (_set(f"{FIRST}.description", "A new line</td><td>"), f"{FIRST}.description"),
    "leaked-entity": (_set("pillars.1.title", "Stations &amp; depots"), "pillars.1.title"),
    "separator-pipe": (_set("lede", "The plan | funds three lines."), "lede"),
    "duplicate-initiative": (
        _set("pillars.0.initiatives.1.name", "metro  LINK"),
        "pillars.0.initiatives.1",
    ),
    "missing-origin": (_set(f"{FIRST}.origin", DELETE), f"{FIRST}.origin"),
    "untitled-pillar": (_set("pillars.1.title", ""), "pillars.1.title"),
}
LOCATIONS = {
    "pillars.0.initiatives.0": "pillars[0].initiatives[0]",
    "pillars.0.initiatives.1": "pillars[0].initiatives[1]",
    "pillars.1": "pillars[1]",
}


def _location(path: str) -> str:
    for dotted, bracketed in LOCATIONS.items():
        path = path.replace(dotted, bracketed)
    return path


@pytest.mark.parametrize("code", sorted(BREAKERS))
def test_a_record_breaking_one_rule_is_reported_with_its_code(
    record: dict[str, Any], code: str
) -> None:
    change, where = BREAKERS[code]
    broken = copy.deepcopy(record)
    change(broken)
    report = validate([broken])
    assert codes(report) == [code]
    assert report.findings[0].location == _location(where)
    assert report.ok is (code == "empty-description")  # the one warning
    # Skipped, the rule is silent; a fault the models also reject is then a schema error.
    skipped = codes(validate([broken], skip_rules=[code]))
    assert skipped == (["schema"] if code == "missing-origin" else [])


def test_strict_makes_warnings_fail(record: dict[str, Any]) -> None:
    BREAKERS["empty-description"][0](record)
    assert validate([record]).ok
    assert not validate([record], strict=True).ok


def test_choosing_rules_and_unknown_codes(record: dict[str, Any]) -> None:
    BREAKERS["leaked-entity"][0](record)
    assert codes(validate([record], rules=["empty-name"])) == []
    assert codes(validate([record], rules=["leaked-entity"])) == ["leaked-entity"]
    with pytest.raises(UnknownRuleError, match="leaked-entities"):
        validate([record], skip_rules=["leaked-entities"])


def test_separator_pipe_rule_spares_pipes_inside_tokens(record: dict[str, Any]) -> None:
    record["lede"] = "See https://example.org/a|b and the x|y option."
    assert validate([record]).ok


def test_schema_errors_are_located(record: dict[str, Any]) -> None:
    record["pillars"][0]["initiatives"][1]["origin"]["kind"] = "paragraph"
    record["unexpected"] = 1
    report = validate([record])
    assert codes(report) == ["schema", "schema"]
    assert {f.location for f in report.findings} == {
        "pillars[0].initiatives[1].origin.kind",
        "unexpected",
    }


def test_an_older_schema_version_says_to_re_extract(record: dict[str, Any]) -> None:
    record["schema_version"] = "0.9"
    (finding,) = validate([record]).findings
    assert finding.code == "schema-version"
    assert "re-extract" in finding.message and "policyparse extract" in finding.message
    record["schema_version"] = "2.0"
    assert "upgrade policyparse" in validate([record]).findings[0].message


def test_records_from_files_folders_and_jsonl(tmp_path: Path, record: dict[str, Any]) -> None:
    broken = copy.deepcopy(record)
    BREAKERS["leaked-entity"][0](broken)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.json").write_text(json.dumps(record), encoding="utf-8")
    lines = [json.dumps(record), "", json.dumps(broken), "{not json"]
    (tmp_path / "all.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([record, broken]), encoding="utf-8")
    report = validate([tmp_path, tmp_path / "missing.json"])
    failed = {
        (r.record.replace(str(tmp_path), "T"), r.findings[0].code) for r in report.failed_records()
    }
    assert failed == {
        ("T/all.jsonl:3", "leaked-entity"),
        ("T/all.jsonl:4", "unreadable"),
        ("T/list.json[1]", "leaked-entity"),
        ("T/missing.json", "unreadable"),
    }
    assert len(report.records) == 7
    assert report.failed_records()[0].findings[0].line == 3


# -- golden ---------------------------------------------------------------------------------


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_golden_diff_reports_added_removed_and_changed(
    tmp_path: Path, record: dict[str, Any]
) -> None:
    record["source"]["path"] = "crawl/rail.html"
    golden = _write(tmp_path / "golden" / "rail.json", record)
    actual = copy.deepcopy(record)
    items = actual["pillars"][0]["initiatives"]
    removed = items.pop(1)  # Tram Loop is gone
    items[0]["description"] = "A new line from the airport."  # Metro Link changed
    added = copy.deepcopy(removed) | {"name": "Bus Lanes", "description": "Faster buses."}
    items.append(added)
    actual["pillars"][1]["initiatives"][0]["attributes"]["Budget"] = "€5m"
    report = validate([actual], golden=golden.parent)
    found = {(f.code, f.location): f.message for f in report.findings}
    assert set(found) == {
        ("initiative-changed", "pillars[0].initiatives[0]"),
        ("initiative-changed", "pillars[1].initiatives[0]"),
        ("initiative-removed", "golden pillars[0].initiatives[1]"),
        ("initiative-added", "pillars[0].initiatives[1]"),
    }
    assert (
        "description 'A new line from the airport to the centre.' → 'A new line from the airport.'"
        in (found[("initiative-changed", "pillars[0].initiatives[0]")])
    )
    assert (
        "attributes.Budget '€4m' → '€5m'"
        in found[("initiative-changed", "pillars[1].initiatives[0]")]
    )
    assert "'Tram Loop'" in found[("initiative-removed", "golden pillars[0].initiatives[1]")]
    assert not report.ok


def test_golden_sees_a_moved_initiative_as_a_pillar_change(
    tmp_path: Path, record: dict[str, Any]
) -> None:
    record["source"]["path"] = "rail.txt"
    golden = _write(tmp_path / "golden" / "rail.json", record)
    moved = record["pillars"][0]["initiatives"].pop(1)
    record["pillars"][1]["initiatives"].append(moved)
    (finding,) = validate([record], golden=golden.parent).findings
    assert finding.code == "initiative-changed"
    assert "pillar 'New lines' → 'Stations'" in finding.message


def test_golden_matching_by_input_name_and_by_file_path(
    tmp_path: Path, record: dict[str, Any]
) -> None:
    record["source"]["path"] = "/data/crawl/gov/rail.html.gz"
    golden = tmp_path / "golden"
    _write(golden / "gov" / "rail.json", record)
    assert validate([record], golden=golden).ok  # by the input's name
    records = tmp_path / "records"
    record["source"]["path"] = None
    _write(records / "gov" / "rail.json", record)
    assert validate([records], golden=golden).ok  # by the record file's relative path
    (finding,) = validate([record], golden=golden).findings
    assert finding.code == "golden-missing"


def test_a_golden_identical_but_for_the_audit_trail_passes(tmp_path: Path) -> None:
    first = policyparse.parse(ARTICLE.encode("utf-8"))
    second = policyparse.parse(ARTICLE.replace("funds", "funds\u00a0").encode("utf-8"))
    assert first.source.sha256 != second.source.sha256
    _write(
        tmp_path / "g" / "doc.json",
        first.model_dump(mode="json") | {"source": first.source.model_dump() | {"path": "doc.txt"}},
    )
    data = second.model_dump(mode="json")
    data["source"]["path"] = "doc.txt"
    assert validate([data], golden=tmp_path / "g").ok


def test_an_invalid_golden_is_reported(tmp_path: Path, record: dict[str, Any]) -> None:
    record["source"]["path"] = "rail.html"
    (tmp_path / "rail.json").write_text('{"title": 1}', encoding="utf-8")
    (finding,) = validate([record], golden=tmp_path).findings
    assert finding.code == "golden-invalid"


# -- reports --------------------------------------------------------------------------------


def _two_record_report(tmp_path: Path, record: dict[str, Any]) -> policyparse.ValidationReport:
    broken = copy.deepcopy(record)
    BREAKERS["leaked-markup"][0](broken)
    BREAKERS["separator-pipe"][0](broken)
    _write(tmp_path / "good.json", record)
    _write(tmp_path / "bad.json", broken)
    return validate([tmp_path])


def test_junit_report_has_one_testcase_per_record(tmp_path: Path, record: dict[str, Any]) -> None:
    report = _two_record_report(tmp_path, record)
    suite = ElementTree.fromstring(report.to_junit())
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = {case.get("name", "").rsplit("/", 1)[1]: case for case in suite.iter("testcase")}
    assert cases["good.json"].find("failure") is None
    failure = cases["bad.json"].find("failure")
    assert failure is not None
    assert failure.get("message") == "2 findings: leaked-markup, separator-pipe"


def test_github_report_lines_are_workflow_commands(tmp_path: Path, record: dict[str, Any]) -> None:
    report = _two_record_report(tmp_path, record)
    lines = report.to_github().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        f"::error file={tmp_path}/bad.json,title=policyparse leaked-markup::"
    )
    assert lines[1].startswith("::error file=") and "separator-pipe" in lines[1]


def test_github_escaping() -> None:
    from policyparse.validation.report import _escape_data, _escape_property

    assert _escape_data("100%\r\nsure") == "100%25%0D%0Asure"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"


def test_json_report_round_trips(tmp_path: Path, record: dict[str, Any]) -> None:
    report = _two_record_report(tmp_path, record)
    data = json.loads(report.to_json())
    assert data["ok"] is False and len(data["records"]) == 2
    assert (
        policyparse.ValidationReport.model_validate(
            {key: data[key] for key in ("records", "strict")}
        )
        == report
    )


def test_records_as_models_and_json_text(record: dict[str, Any]) -> None:
    document = PolicyDocument.model_validate(record)
    report = validate([document, json.dumps(record), "[1, 2"])
    assert [r.record for r in report.records] == ["records[0]", "records[1]", "records[2]"]
    assert codes(report) == ["unreadable"]
