"""Who is annotating: asked on first run, remembered, switchable."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from gui.settings import app_settings

ANNOTATOR_KEY = "annotator/name"


def remembered_annotator() -> str | None:
    name = app_settings().value(ANNOTATOR_KEY, "")
    return name.strip() if isinstance(name, str) and name.strip() else None


def remember_annotator(name: str) -> None:
    app_settings().setValue(ANNOTATOR_KEY, name)


def ask_annotator(parent: QWidget | None, current: str | None = None) -> str | None:
    """Ask for the annotator's name; None when the analyst cancels or gives none."""
    name, accepted = QInputDialog.getText(
        parent,
        "Annotator",
        "Your name as an annotator (it marks every span you make):",
        text=current or "",
    )
    name = name.strip()
    return name if accepted and name else None
