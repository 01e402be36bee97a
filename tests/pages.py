"""The real pages kept as fixtures (fixtures/pages/, sources in its SOURCE.md), for tests."""

from __future__ import annotations

from pathlib import Path

from policyparse import PolicyDocument, parse_file

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def parse_page(name: str) -> PolicyDocument:
    """The record of ``fixtures/pages/<name>.html``."""
    return parse_file(PAGES / f"{name}.html")
