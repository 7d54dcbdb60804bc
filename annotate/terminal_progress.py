"""A progress bar with the time left, on stderr, for work whose length is known only once
it has begun (the batches of a training, counted after its data is read)."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

import click


class TerminalProgress:
    def __init__(self, label: str) -> None:
        self.label = label
        self._bar: Any = None  # click's ProgressBar, made at the first call of show

    def show(self, done: int, total: int) -> None:
        """Drawn where someone watches it; in a file or a pipe, nothing."""
        if not sys.stderr.isatty():
            return
        if self._bar is None:
            self._bar = click.progressbar(
                length=total, label=self.label, file=sys.stderr, show_eta=True, show_pos=True
            )
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, traceback)
