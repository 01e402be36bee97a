"""One input of a batch: its record, or why it has none.

Both ``extract`` engines (the local process pool and Dask) go through
:func:`parse_or_failure`, so a bad input is reported in the same words whichever ran it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api import parse
from .errors import PolicyParseError
from .models import PolicyDocument


@dataclass(frozen=True)
class Failure:
    """Why one input gave no record: the error's class name, stable code and message.

    >>> Failure("InputError", "bad-input", "input is empty").note
    'input is empty [bad-input]'
    """

    type: str
    code: str
    message: str

    @property
    def note(self) -> str:
        """The line ``extract`` prints after the input's path."""
        return f"{self.message} [{self.code}]"

    def to_record(self, path: str) -> dict[str, Any]:
        """The JSON-ready error record of ``path``: what failed, never a traceback.

        >>> Failure("InputError", "bad-input", "input is empty").to_record("a.html")["error"]
        {'type': 'InputError', 'code': 'bad-input', 'message': 'input is empty'}
        """
        return {
            "path": path,
            "error": {"type": self.type, "code": self.code, "message": self.message},
        }


def is_error_record(record: dict[str, Any]) -> bool:
    """Whether a record is an error record (a document never has an ``error`` field)."""
    return "error" in record


def parse_or_failure(source: bytes | Path, input_format: str | None) -> PolicyDocument | Failure:
    """Parse one input; any failure becomes a :class:`Failure`, never an exception."""
    try:
        return parse(source, format=input_format)
    except PolicyParseError as error:
        return Failure(type(error).__name__, error.code, str(error))
    except Exception as error:  # a bug outside parse's own guard: report, go on
        return Failure(type(error).__name__, "internal-error", f"internal error: {error!r}")
