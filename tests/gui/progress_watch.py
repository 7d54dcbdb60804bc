"""What a quiet progress dialog shows while the work it follows runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from gui import work_progress


def watch_progress(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]]:
    """Progress shows at once; at the first events the work lets through (a modal dialog
    handles events when it moves on), note its label, value and maximum. Call it just
    before the work, when nothing else will run events first."""
    monkeypatch.setattr(work_progress, "SHOW_AFTER_MS", 0)
    seen: list[tuple[str, int, int]] = []

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, QProgressDialog):
            seen.append((shown.labelText(), shown.value(), shown.maximum()))

    QTimer.singleShot(0, look)
    return seen
