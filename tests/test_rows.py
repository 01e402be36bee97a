"""Flat rows and DataFrames of records, and the committed JSON Schema."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from golden import document_cases

import policyparse
from policyparse import MissingDependencyError, PolicyDocument, to_dataframe, to_rows
from policyparse.cli.inputs import Input
from policyparse.cli.writers import StreamWriter
from policyparse.models import json_schema_text
from policyparse.rows import ROW_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schema" / "policydocument.schema.json"


@pytest.fixture(scope="module")
def documents() -> list[PolicyDocument]:
    return [policyparse.parse_file(path) for path, _ in document_cases()]


def test_dataframe_round_trips_the_fixture_records(documents: list[PolicyDocument]) -> None:
    frame = to_dataframe(documents)
    assert tuple(frame.columns) == ROW_COLUMNS
    assert len(frame) == sum(len(d.initiatives) for d in documents)
    rebuilt: dict[tuple[str, str], list[tuple[str, str, str, dict[str, str]]]] = {}
    for row in frame.itertuples(index=False):
        key = (row.path, row.title)
        rebuilt.setdefault(key, []).append(
            (row.pillar, row.name, row.description, json.loads(row.attributes))
        )
    for document in documents:
        expected = [
            (pillar.title, item.name, item.description, dict(item.attributes))
            for pillar in document.pillars
            for item in pillar.initiatives
        ]
        assert rebuilt.get((str(document.source.path), document.title), []) == expected


def test_csv_output_reads_back_as_the_dataframe(documents: list[PolicyDocument]) -> None:
    import pandas

    buffer = io.StringIO()
    writer = StreamWriter(buffer, "csv", single=False, indent=None)
    for document in documents[:20]:
        writer.write(Input("x", "x"), document)
    frame = pandas.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False)
    expected = to_dataframe(documents[:20])
    assert frame.to_dict("records") == expected.to_dict("records")


def test_rows_of_one_document_and_of_none() -> None:
    document = policyparse.parse(
        "Plan\nParts\n- Rail: trains.\n\nLines\n| Line | Work | Cost |\n|---|---|---|\n"
        "| North | A new line to Leeds | €2m |"
    )
    rows = to_rows(document)
    assert [row["origin_kind"] for row in rows] == ["list", "table"]
    assert json.loads(rows[1]["attributes"]) == {"Cost": "€2m"}
    assert to_rows([]) == []
    assert list(to_dataframe([]).columns) == list(ROW_COLUMNS)


def test_to_dataframe_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"policyparse\[pandas\]") as caught:
        to_dataframe([])
    assert isinstance(caught.value, ImportError)


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "the models changed: run `policyparse schema > schema/policydocument.schema.json`"
    )


def test_records_validate_against_the_committed_schema(documents: list[PolicyDocument]) -> None:
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for document in documents:
        assert list(validator.iter_errors(document.model_dump(mode="json"))) == []
    broken = documents[0].model_dump(mode="json") | {"extra": 1}
    assert not validator.is_valid(broken)
