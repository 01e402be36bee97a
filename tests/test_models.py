"""The records: strict, frozen, exact JSON round trip, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from policyparse import Initiative, Origin, PolicyDocument, parse_file

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_b051e2b6b6c97c0a.txt"


def test_json_round_trip_is_exact() -> None:
    document = parse_file(SEED)
    text = document.model_dump_json()
    again = PolicyDocument.model_validate_json(text)
    assert again == document
    assert again.model_dump_json() == text


def test_unknown_fields_are_rejected_and_records_are_frozen() -> None:
    data = json.loads(parse_file(SEED).model_dump_json())
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        PolicyDocument.model_validate(data)
    item = Initiative(name="A", description="b", origin=Origin(kind="list", block=0, row=0))
    with pytest.raises(ValidationError):
        item.name = "B"  # type: ignore[misc]


def test_schema_version_and_origin_kind_are_checked() -> None:
    data = json.loads(parse_file(SEED).model_dump_json())
    with pytest.raises(ValidationError):
        PolicyDocument.model_validate({**data, "schema_version": "0.9"})
    with pytest.raises(ValidationError):
        Origin(kind="paragraph", block=0, row=0)  # type: ignore[arg-type]


def test_json_schema_names_the_records() -> None:
    schema = PolicyDocument.model_json_schema()
    assert {"Pillar", "Initiative", "Origin", "Repair", "Dropped", "Source"} <= set(schema["$defs"])


def test_document_lists_initiatives_in_order() -> None:
    document = parse_file(SEED)
    assert [i.name for i in document.initiatives][:2] == [
        "Direct Negotiations",
        "Humanitarian Support",
    ]
