"""The command line: data on stdout, diagnostics on stderr, documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policyparse.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "seed-korea-diplomacy.txt"


def test_extract_one_file_prints_one_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["schema_version"] == "1.0"
    assert len(record["pillars"]) == 4


def test_extract_several_files_and_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7 binary")
    assert main(["extract", str(SAMPLE), str(binary)]) == 1
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1
    assert "scan.pdf" in captured.err and "bad-input" in captured.err


def test_usage_error_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    assert main(["schema"]) == 0
    assert "PolicyDocument" in capsys.readouterr().out


def test_module_entry_point_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "policyparse", "extract", "-"],
        input=b"Plan\nParts\n- Rail: trains.\n",
        capture_output=True,
        check=True,
    )
    assert json.loads(result.stdout)["pillars"][0]["initiatives"][0]["name"] == "Rail"
