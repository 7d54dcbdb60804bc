"""The project's write-ahead log folded into its file while the analyst pauses, not
inside the commit of a step (see Store.checkpoint_when_idle)."""

from __future__ import annotations

import contextlib
import sqlite3

from PySide6.QtCore import QObject, QTimer

from annotate.store import Store

PAUSE_MS = 2_000  # after the last step


class IdleCheckpoints(QObject):
    def __init__(self, store: Store, parent: QObject) -> None:
        super().__init__(parent)
        self._store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._fold)
        store.checkpoint_when_idle()

    def step_taken(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        """No more checkpoints (the project is about to close, which folds the log in)."""
        self._timer.stop()

    def _fold(self) -> None:
        # A failure loses nothing: every step is in the log, which the next pause or the
        # project's close folds in.
        with contextlib.suppress(sqlite3.Error):
            self._store.checkpoint()
