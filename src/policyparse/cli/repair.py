"""``policyparse repair``: the repaired content of one input."""

from __future__ import annotations

import json
from typing import Any

from ..grids import read_lists, read_tables
from ..repaired import repair_html, repair_markdown


def render_repaired(source: Any, format: str) -> str:
    if format == "html":
        return repair_html(source)
    if format == "md":
        return repair_markdown(source)
    data = {
        "tables": [
            table.model_dump(mode="json") for table in read_tables(source, include_layout=True)
        ],
        "lists": [found.model_dump(mode="json") for found in read_lists(source)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
