"""Where ``extract`` writes: one stream (stdout or a file) or one file per input."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol

from ..markdown import to_markdown
from ..models import PolicyDocument
from ..rows import ROW_COLUMNS, to_rows
from .inputs import Input

FORMATS = ("json", "jsonl", "csv", "md")
SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md"}
MARKDOWN_SEPARATOR = "\n---\n\n"


class Writer(Protocol):
    def write(self, item: Input, document: PolicyDocument | None) -> str | None:
        """Write one record; return a problem to report, or None."""


def is_directory_target(output: str) -> bool:
    """``-o`` names a folder when it is one, ends with a slash, or is new and has no suffix."""
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        return True
    return not path.exists() and not path.suffix


@contextlib.contextmanager
def open_writer(
    format: str, output: str | None, single: bool, indent: int | None
) -> Iterator[Writer]:
    if output is None:
        stream = StreamWriter(sys.stdout, format, single, indent)
        yield stream
        stream.close()
    elif is_directory_target(output):
        yield DirectoryWriter(Path(output), format, indent)
    else:
        with _replaced_atomically(Path(output)) as handle:
            stream = StreamWriter(handle, format, single, indent)
            yield stream
            stream.close()


@contextlib.contextmanager
def _replaced_atomically(target: Path) -> Iterator[IO[str]]:
    """A file that takes ``target``'s place only when complete: no half-written output."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def to_json_text(document: PolicyDocument, indent: int | None) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=indent)


class StreamWriter:
    """All records to one stream: a JSON object (one input) or array, lines, CSV or Markdown."""

    def __init__(self, handle: IO[str], format: str, single: bool, indent: int | None) -> None:
        self.handle, self.format, self.single, self.indent = handle, format, single, indent
        self.count = 0
        self.csv = csv.DictWriter(handle, ROW_COLUMNS, lineterminator="\n")
        if format == "csv":
            self.csv.writeheader()

    def write(self, item: Input, document: PolicyDocument | None) -> str | None:
        if document is None:
            return None
        self.handle.write(self._text_of(document))
        self.count += 1
        return None

    def _text_of(self, document: PolicyDocument) -> str:
        if self.format == "jsonl":
            return to_json_text(document, None) + "\n"
        if self.format == "csv":
            self.csv.writerows(to_rows(document))
            return ""
        if self.format == "md":
            return (MARKDOWN_SEPARATOR if self.count else "") + to_markdown(document)
        if self.single:
            return to_json_text(document, self.indent) + "\n"
        return ("[\n" if not self.count else ",\n") + to_json_text(document, self.indent)

    def close(self) -> None:
        if self.format == "json" and not self.single:
            self.handle.write("\n]\n" if self.count else "[]\n")
        self.handle.flush()


class DirectoryWriter:
    """One file per input under ``folder``, mirroring the inputs' relative paths."""

    def __init__(self, folder: Path, format: str, indent: int | None) -> None:
        self.folder, self.format, self.indent = folder, format, indent
        self.written: dict[Path, str] = {}

    def write(self, item: Input, document: PolicyDocument | None) -> str | None:
        if document is None:
            return None
        target = self.folder / (item.name + SUFFIXES[self.format])
        if target in self.written:
            return f"its record {target} was already written for {self.written[target]}"
        self.written[target] = item.path
        try:
            with _replaced_atomically(target) as handle:
                stream = StreamWriter(handle, self.format, True, self.indent)
                stream.write(item, document)
                stream.close()
        except OSError as exc:
            return f"cannot write {target}: {exc.strerror or exc}"
        return None
