"""Progress for work that reads and changes nothing: shown only when it lasts, no Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 400

Step = Callable[[int, int], None]  # done, of all


@contextmanager
def quiet_progress(parent: QWidget, text: str, title: str) -> Iterator[Step]:
    """A step function for the work to call; the dialog shows once the work has taken
    SHOW_AFTER_MS and is gone when the block ends."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)

    def step(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)  # a modal dialog handles events here, so the app repaints

    try:
        yield step
    finally:
        dialog.close()
        dialog.deleteLater()
