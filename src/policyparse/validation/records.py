"""Where records come from: JSON and JSON Lines files, folders of them, or objects in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

RECORD_SUFFIXES = (".json", ".jsonl")


@dataclass(frozen=True)
class RecordEntry:
    """One record to check, or the reason it could not be read (``problem``)."""

    label: str
    data: Any = None
    file: str | None = None
    line: int | None = None
    relative: str | None = None
    """The record file's path under the folder given, without suffix: how goldens are named."""
    problem: str | None = None


def iter_entries(records: Iterable[Any]) -> Iterator[RecordEntry]:
    """Entries for paths (files or folders), PolicyDocuments, dicts or JSON strings."""
    for index, item in enumerate(records):
        if isinstance(item, str | Path) and _is_path_like(item):
            yield from _entries_of_path(Path(item))
        elif isinstance(item, BaseModel):
            yield RecordEntry(f"records[{index}]", item.model_dump(mode="json"))
        elif isinstance(item, str | bytes):
            yield _entry_of_json(item, f"records[{index}]")
        else:
            yield RecordEntry(f"records[{index}]", item)


def _is_path_like(item: str | Path) -> bool:
    # A str is JSON when it starts like JSON; anything else names a file or folder.
    return isinstance(item, Path) or not item.lstrip().startswith(("{", "["))


def _entry_of_json(text: str | bytes, label: str) -> RecordEntry:
    try:
        return RecordEntry(label, json.loads(text))
    except ValueError as exc:
        return RecordEntry(label, problem=f"not JSON: {exc}")


def _entries_of_path(path: Path) -> Iterator[RecordEntry]:
    if path.is_dir():
        for file in record_files(path):
            relative = file.relative_to(path).with_suffix("").as_posix()
            yield from _entries_of_file(file, relative)
    elif path.exists():
        yield from _entries_of_file(path, path.with_suffix("").name)
    else:
        yield RecordEntry(str(path), file=str(path), problem="no such file or folder")


def record_files(folder: Path) -> list[Path]:
    """The ``.json`` and ``.jsonl`` files under ``folder``, recursively, in sorted order."""
    files = (file for file in folder.rglob("*") if file.suffix in RECORD_SUFFIXES)
    return sorted(file for file in files if file.is_file() and not _is_hidden(file, folder))


def _is_hidden(file: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(folder).parts)


def _entries_of_file(file: Path, relative: str) -> Iterator[RecordEntry]:
    name = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield RecordEntry(name, file=name, problem=f"cannot read: {exc}")
        return
    if file.suffix == ".jsonl":
        yield from _entries_of_lines(text, name)
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield RecordEntry(name, file=name, problem=f"not JSON: {exc}")
        return
    if isinstance(data, list):
        # A list file (what `extract --format json` writes for several inputs).
        for index, item in enumerate(data):
            yield RecordEntry(f"{name}[{index}]", item, file=name)
    else:
        yield RecordEntry(name, data, file=name, relative=relative)


def _entries_of_lines(text: str, name: str) -> Iterator[RecordEntry]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{name}:{number}"
        try:
            yield RecordEntry(label, json.loads(line), file=name, line=number)
        except ValueError as exc:
            yield RecordEntry(label, file=name, line=number, problem=f"not JSON: {exc}")
