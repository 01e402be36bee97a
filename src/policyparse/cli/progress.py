"""A progress bar on stderr for long runs, and messages that do not tear it."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class Progress:
    """tqdm's bar when there is more than one input and stderr is a terminal, else nothing.

    ``note`` prints a diagnostic line above the bar (or plainly when there is no bar).
    """

    def __init__(self, total: int, *, enabled: bool = True) -> None:
        self._bar: Any = None
        if enabled and total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=sys.stderr, unit="input", dynamic_ncols=True)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def note(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)
