"""Flat views of records: one row per initiative, for CSV files, spreadsheets and pandas."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import MissingDependencyError
from .models import PolicyDocument

if TYPE_CHECKING:  # pandas is an optional extra
    import pandas

ROW_COLUMNS = ("path", "title", "pillar", "name", "description", "origin_kind", "attributes")
"""The columns of :func:`to_rows`, the CSV output and :func:`to_dataframe`, in order."""
DOCUMENT_COLUMNS = ("path", "title", "lede", "pillars", "initiatives", "record")
"""The columns of :func:`to_document_rows` (Parquet output at the document level), in order."""
COUNT_COLUMNS = frozenset({"pillars", "initiatives"})
"""The columns of :data:`DOCUMENT_COLUMNS` that hold integers; every other column is text."""


def to_rows(documents: PolicyDocument | Iterable[PolicyDocument]) -> list[dict[str, str]]:
    """One row per initiative: the document's input path and title, the pillar, the
    initiative's name and description, its origin kind (list or table) and its further
    attributes as a JSON object. A document without initiatives gives no row.

    >>> import policyparse
    >>> doc = policyparse.parse("Plan\\nParts\\n- Rail: trains.", url="https://example.org")
    >>> to_rows(doc)[0]["name"], to_rows(doc)[0]["attributes"]
    ('Rail', '{}')
    """
    if isinstance(documents, PolicyDocument):
        documents = [documents]
    return [row for document in documents for row in _rows_of(document)]


def _rows_of(document: PolicyDocument) -> list[dict[str, str]]:
    path = document.source.path or document.source.url or ""
    return [
        {
            "path": path,
            "title": document.title,
            "pillar": pillar.title,
            "name": item.name,
            "description": item.description,
            "origin_kind": item.origin.kind,
            "attributes": json.dumps(item.attributes, ensure_ascii=False, sort_keys=True),
        }
        for pillar in document.pillars
        for item in pillar.initiatives
    ]


def to_document_rows(
    documents: PolicyDocument | Iterable[PolicyDocument],
) -> list[dict[str, str | int]]:
    """One row per document: its input path, title and lede, how many pillars and
    initiatives it has, and the whole record as JSON text (the line ``--format jsonl``
    writes, so ``PolicyDocument.model_validate_json`` gives the record back).

    >>> import policyparse
    >>> doc = policyparse.parse("Plan\\nParts\\n- Rail: trains.", url="https://example.org")
    >>> row = to_document_rows(doc)[0]
    >>> row["title"], row["pillars"], row["initiatives"]
    ('Plan', 1, 1)
    """
    if isinstance(documents, PolicyDocument):
        documents = [documents]
    return [_document_row(document) for document in documents]


def _document_row(document: PolicyDocument) -> dict[str, str | int]:
    return {
        "path": document.source.path or document.source.url or "",
        "title": document.title,
        "lede": document.lede,
        "pillars": len(document.pillars),
        "initiatives": sum(len(pillar.initiatives) for pillar in document.pillars),
        "record": json.dumps(document.model_dump(mode="json"), ensure_ascii=False),
    }


def to_dataframe(documents: PolicyDocument | Iterable[PolicyDocument]) -> pandas.DataFrame:
    """The rows of :func:`to_rows` as a pandas DataFrame (needs ``policyparse[pandas]``).

    Every column holds strings; ``attributes`` is JSON text (``json.loads`` gives the dict).
    """
    pandas = import_pandas("to_dataframe")
    return pandas.DataFrame(to_rows(documents), columns=list(ROW_COLUMNS))


def import_pandas(feature: str) -> Any:
    """pandas, or a :class:`MissingDependencyError` saying which extra brings it."""
    try:
        import pandas
    except ImportError as exc:
        raise MissingDependencyError(
            f"{feature} needs pandas: pip install 'policyparse[pandas]'"
        ) from exc
    return pandas
