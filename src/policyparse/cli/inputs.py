"""Which inputs an ``extract`` run reads, and the name each one's record gets."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from ..names import strip_input_suffixes

DEFAULT_GLOBS = ("*.html", "*.htm", "*.txt", "*.html.gz")
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One input: ``path`` as the user will see it, ``name`` the record's relative name."""

    path: str
    name: str

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


@dataclass(frozen=True)
class Discovery:
    inputs: list[Input]
    missing: list[str]
    only_files: bool
    """Every path given was a file (or stdin), not a folder: one input gives one record."""


def discover(paths: list[str], globs: tuple[str, ...] = DEFAULT_GLOBS) -> Discovery:
    """Expand folders (recursively, by ``globs``, sorted); keep files and ``-`` as given."""
    inputs: list[Input] = []
    missing: list[str] = []
    only_files = True
    for given in paths:
        path = Path(given)
        if given == STDIN:
            inputs.append(Input(STDIN, "stdin"))
        elif path.is_dir():
            only_files = False
            inputs += [_input(file, file.relative_to(path)) for file in files_in(path, globs)]
        elif path.is_file():
            inputs.append(_input(path, Path(path.name)))
        else:
            missing.append(given)
    return Discovery(inputs, missing, only_files)


def files_in(folder: Path, globs: tuple[str, ...]) -> list[Path]:
    """Files under ``folder`` whose name matches a glob, hidden folders skipped, sorted."""
    found = [
        file
        for file in folder.rglob("*")
        if any(fnmatch.fnmatch(file.name.lower(), pattern.lower()) for pattern in globs)
        and not any(part.startswith(".") for part in file.relative_to(folder).parts)
        and file.is_file()
    ]
    return sorted(found, key=lambda file: file.relative_to(folder).as_posix())


def _input(file: Path, relative: Path) -> Input:
    name = (relative.parent / strip_input_suffixes(relative.name)).as_posix()
    return Input(str(file), name)
