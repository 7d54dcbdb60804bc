"""Who is annotating: asked on first run, remembered, switchable."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from annotate.errors import InputError
from annotate.names import checked_name
from gui.i18n import translate
from gui.plain_text import tell
from gui.settings import app_settings

ANNOTATOR_KEY = "annotator/name"


def remembered_annotator() -> str | None:
    """The name remembered, unless a project would refuse it (then it is asked again)."""
    name = app_settings().value(ANNOTATOR_KEY, "")
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return checked_name(name.strip(), "annotator")
    except InputError:
        return None


def remember_annotator(name: str) -> None:
    app_settings().setValue(ANNOTATOR_KEY, name)


def ask_annotator(parent: QWidget | None, current: str | None = None) -> str | None:
    """Ask for the annotator's name, again while it is one a project refuses; None when
    the analyst cancels or gives none."""
    title = translate("Identity", "Annotator")
    question = translate("Identity", "Your name as an annotator (it marks every span you make):")
    while True:
        name, accepted = QInputDialog.getText(parent, title, question, text=current or "")
        name = name.strip()
        if not accepted or not name:
            return None
        try:
            return checked_name(name, "annotator")
        except InputError as error:
            tell(parent, QMessageBox.Icon.Warning, title, error.message)
            current = name
