"""The command line, run as users run it (a subprocess), on the golden fixtures."""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from policyparse import PolicyDocument
from policyparse.cli import main
from policyparse.cli.progress import Progress
from policyparse.rows import ROW_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "seed-korea-diplomacy.txt"
DOCUMENTS = ROOT / "fixtures" / "documents"
SCHEMA_FILE = ROOT / "schema" / "policydocument.schema.json"
PICKED = ("html2_canada_dental_care.html", "text5_ghana_party_manifesto.txt")


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small crawl: two fixtures at the top, one in a subfolder, one gzipped, one ignored."""
    folder = tmp_path_factory.mktemp("crawl")
    for name in PICKED:
        shutil.copy(DOCUMENTS / name, folder / name)
    (folder / "gov").mkdir()
    shutil.copy(DOCUMENTS / "html3_austria_care_reform.html", folder / "gov" / "care.html")
    raw = (DOCUMENTS / "text3_colombia_road_safety.txt").read_bytes()
    (folder / "gov" / "smart.html.gz").write_bytes(gzip.compress(raw))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7 not taken by the default globs")
    return folder


def records_of(output: str) -> list[dict[str, Any]]:
    data = json.loads(output)
    return data if isinstance(data, list) else [data]


def test_json_jsonl_csv_and_md_carry_the_same_records(corpus: Path) -> None:
    as_json = records_of(run("extract", str(corpus)).stdout)
    assert [Path(r["source"]["path"]).name for r in as_json] == [
        "care.html",
        "smart.html.gz",
        *PICKED,
    ]  # folder order: sorted relative paths
    lines = run("extract", str(corpus), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    rows = list(csv.DictReader(io.StringIO(run("extract", str(corpus), "--format", "csv").stdout)))
    assert tuple(rows[0]) == ROW_COLUMNS
    names = [i["name"] for r in as_json for p in r["pillars"] for i in p["initiatives"]]
    assert [row["name"] for row in rows] == names
    markdown = run("extract", str(corpus), "--format", "md").stdout
    assert [line[2:] for line in markdown.splitlines() if line.startswith("# ")] == [
        r["title"] for r in as_json
    ]
    assert markdown.count("\n---\n") == len(as_json) - 1


def test_one_file_gives_one_object(corpus: Path) -> None:
    record = json.loads(run("extract", str(corpus / PICKED[0])).stdout)
    assert isinstance(record, dict)
    PolicyDocument.model_validate(record)


def test_output_folder_mirrors_relative_paths(corpus: Path, tmp_path: Path) -> None:
    result = run("extract", str(corpus), "-o", str(tmp_path / "records"))
    assert result.returncode == 0, result.stderr
    written = sorted(
        p.relative_to(tmp_path / "records").as_posix()
        for p in (tmp_path / "records").rglob("*.json")
    )
    assert written == [
        "gov/care.json",
        "gov/smart.json",
        "html2_canada_dental_care.json",
        "text5_ghana_party_manifesto.json",
    ]
    assert "4 inputs extracted" in result.stderr


def test_output_file(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "all.jsonl"
    assert run("extract", str(corpus), "--format", "jsonl", "-o", str(target)).returncode == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4
    assert [p.name for p in target.parent.iterdir()] == ["all.jsonl"]  # no temporary left


def test_stdin() -> None:
    result = run("extract", "-", stdin=b"Plan\nParts\n- Rail: trains.\n")
    assert json.loads(result.stdout)["pillars"][0]["initiatives"][0]["name"] == "Rail"


def test_two_workers_give_the_same_output_as_one() -> None:
    one = run("extract", str(DOCUMENTS), "--format", "jsonl", "--workers", "1", "-q")
    two = run("extract", str(DOCUMENTS), "--format", "jsonl", "--workers", "2", "-q")
    assert one.returncode == two.returncode == 0
    assert len(one.stdout.splitlines()) == len(list(DOCUMENTS.glob("*.expected.json")))
    assert one.stdout == two.stdout


def test_a_bad_input_among_good_ones(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "in" / "scan.html"
    bad.parent.mkdir()
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "records"
    result = run(
        "extract",
        str(corpus / PICKED[0]),
        str(bad),
        str(corpus / PICKED[1]),
        "-o",
        str(out),
        "--workers",
        "2",
    )
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(
        Path(n).with_suffix(".json").name for n in PICKED
    )
    assert f"{bad}: " in result.stderr and "[bad-input]" in result.stderr
    assert (
        result.stderr.strip().splitlines()[-1]
        == f"policyparse: 3 inputs, 2 extracted, 1 failed: {bad}"
    )


def test_a_missing_path_is_one_line_not_a_traceback(corpus: Path) -> None:
    result = run("extract", str(corpus / PICKED[0]), "no/such/page.html")
    assert result.returncode == 1
    assert "no/such/page.html: no such file or folder" in result.stderr
    assert len(records_of(result.stdout)) == 1


def test_usage_errors_exit_2() -> None:
    assert run("extract").returncode == 2
    assert run("extract", "x", "--format", "xml").returncode == 2
    assert run("extract", "x", "--workers", "0").returncode == 2
    assert run("nonsense").returncode == 2


def test_version_and_help_with_examples() -> None:
    assert run("--version").stdout.startswith("policyparse 0.")
    for command in ("extract", "validate", "schema", "repair", "eval"):
        help_text = run(command, "--help").stdout
        assert "example" in help_text and f"policyparse {command}" in help_text


def test_eval_command(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("Plan\nParts\n- Rail: trains.\n", encoding="utf-8")
    gold = {
        "input": "page.txt",
        "title": "Plan",
        "pillars": [
            {
                "title": "Parts",
                "description_phrases": [],
                "initiatives": [{"name": "Rail", "description": "trains."}],
            }
        ],
        "must_not_contain": [],
    }
    (tmp_path / "page.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = run("eval", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["overall"]["initiative_f1"] == 1.0


def test_schema_command_prints_the_committed_schema() -> None:
    assert run("schema").stdout == SCHEMA_FILE.read_text(encoding="utf-8")


# -- validate -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def records(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("records")
    assert run("extract", str(corpus), "-o", f"{folder}/").returncode == 0
    return folder


def test_validate_clean_records_passes(records: Path) -> None:
    result = run("validate", str(records))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("4 records checked: 4 passed, 0 failed")


def test_validate_reports_and_exit_code(records: Path, tmp_path: Path) -> None:
    broken = json.loads((records / "gov" / "care.json").read_text(encoding="utf-8"))
    broken["pillars"][0]["title"] = "Care &amp; support"
    (tmp_path / "care.json").write_text(json.dumps(broken), encoding="utf-8")
    junit = tmp_path / "reports" / "validate.xml"
    result = run(
        "validate",
        str(records),
        str(tmp_path / "care.json"),
        "--report",
        "github",
        "--report",
        f"junit={junit}",
    )
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert annotations[0].startswith("::warning file=") and "empty-description" in annotations[0]
    assert annotations[1].startswith(
        f"::error file={tmp_path}/care.json,title=policyparse leaked-entity::"
    )
    suite = ElementTree.parse(junit).getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("5", "1")
    assert "5 records checked: 4 passed, 1 failed" in result.stderr
    as_json = json.loads(run("validate", str(tmp_path / "care.json"), "--report", "json").stdout)
    assert as_json["ok"] is False
    assert (
        run("validate", str(tmp_path / "care.json"), "--no-rule", "leaked-entity").returncode == 0
    )


def test_validate_golden_diff(records: Path, tmp_path: Path) -> None:
    golden = tmp_path / "golden"
    shutil.copytree(records, golden)
    care = golden / "gov" / "care.json"
    data = json.loads(care.read_text(encoding="utf-8"))
    pillar = next(p for p in data["pillars"] if p["initiatives"])
    pillar["initiatives"] = pillar["initiatives"][:-1]
    care.write_text(json.dumps(data), encoding="utf-8")
    assert run("validate", str(records), "--golden", str(records)).returncode == 0
    result = run("validate", str(records), "--golden", str(golden))
    assert result.returncode == 1
    assert "initiative-added" in result.stdout and "gov/care.json" in result.stdout


def test_validate_usage_errors(records: Path) -> None:
    assert run("validate", str(records), "--rule", "no-such-rule").returncode == 2
    assert run("validate", str(records), "--report", "xml").returncode == 2
    assert run("validate", str(records), "--golden", "no/such/folder").returncode == 2
    assert run("validate").returncode == 2
    listing = run("validate", "--list-rules").stdout
    assert "duplicate-initiative" in listing and "warning" in listing


def test_validate_missing_records_file() -> None:
    result = run("validate", "no/such/records.json")
    assert result.returncode == 1 and "unreadable" in result.stdout


# -- in-process: progress and pipes ---------------------------------------------------------


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    with Progress(3) as progress:
        assert progress._bar is None  # not a TTY
    monkeypatch.setattr(stream, "isatty", lambda: True, raising=False)
    with Progress(3) as progress:
        progress.advance()
        assert progress._bar is not None
    with Progress(3, enabled=False) as progress:
        assert progress._bar is None
    with Progress(1) as progress:
        assert progress._bar is None
    assert "1/3" in stream.getvalue()


def test_main_returns_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7 binary")
    assert main(["extract", str(SAMPLE), str(binary)]) == 1
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1
    assert "scan.pdf" in captured.err and "bad-input" in captured.err
    assert main(["no-such-command"]) == 2
