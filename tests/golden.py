"""Shared helpers for golden-document tests: load an expected record, compare a parse."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from policyparse import PolicyDocument
from policyparse.conservation import record_texts
from policyparse.validation.rules import ENTITY_TEXT, MARKDOWN_BOLD, TAG_FRAGMENT

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DOCUMENTS = ROOT / "fixtures" / "documents"
SEED_EXPECTED = ROOT / "fixtures" / "seeds"
INPUT_SUFFIXES = (".html", ".txt")

# What must never appear in output text: tag fragments, separator pipes, Markdown bold,
# entity text.
LEAK_PATTERNS = {
    "tag fragment": TAG_FRAGMENT,
    # Stricter than the validator's separator-pipe rule: no pipe at all in our outputs.
    "pipe": re.compile(r"\|"),
    "markdown bold": MARKDOWN_BOLD,
    "entity text": ENTITY_TEXT,
}


def document_cases() -> list[tuple[Path, Path]]:
    cases = []
    for expected in sorted(DOCUMENTS.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        inputs = [DOCUMENTS / f"{stem}{suffix}" for suffix in INPUT_SUFFIXES]
        found = [path for path in inputs if path.exists()]
        assert found, f"{expected.name} has no input file"
        cases.append((found[0], expected))
    return cases


def summarise(document: PolicyDocument) -> dict[str, Any]:
    """The part of a record a golden file pins down."""
    return {
        "title": document.title,
        "lede": document.lede,
        "pillars": [
            {
                "title": pillar.title,
                "description": pillar.description,
                "initiatives": [
                    {
                        "name": item.name,
                        "description": item.description,
                        "kind": item.origin.kind,
                        "attributes": dict(item.attributes),
                    }
                    for item in pillar.initiatives
                ],
            }
            for pillar in document.pillars
        ],
    }


def expected_summary(expected: dict[str, Any]) -> dict[str, Any]:
    return {key: expected[key] for key in ("title", "lede", "pillars")}


def output_strings(document: PolicyDocument) -> list[str]:
    return record_texts(document, with_dropped=False)


def leaks_in(document: PolicyDocument) -> list[str]:
    found = []
    for text in output_strings(document):
        for name, pattern in LEAK_PATTERNS.items():
            match = pattern.search(text)
            if match:
                found.append(f"{name}: {match.group()!r} in {text[:80]!r}")
    return found


def load_expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def expected_table_rows(page: str) -> list[tuple[str, str]]:
    """The (name, description) of each initiative a golden document's tables give."""
    expected = load_expected(DOCUMENTS / f"{page}.expected.json")
    return [
        (item["name"], item["description"])
        for pillar in expected["pillars"]
        for item in pillar["initiatives"]
        if item["kind"] == "table"
    ]
