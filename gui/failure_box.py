"""Failures the analyst must see: a write the project refused, and anything unexpected.

A refused write is told in a box that must be dismissed, because the work it carried was
not saved; a refusal of the analyst's own making (no selection, a read-only project whose
banner already says so) stays a status message."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from annotate.errors import AnnotateError
from annotate.failures import WriteFailed, is_system_failure, what_failed
from gui.i18n import translate
from gui.plain_text import plain_label, tell

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def read_only_text() -> str:
    return translate(
        "FailureBox",
        "Read-only: this project's file or its folder cannot be written. You can read, search"
        " and export it; to annotate, copy it to a folder you can write to and open the copy.",
    )


def read_only_banner(parent: QWidget, shown: bool) -> QLabel:
    banner = plain_label(read_only_text(), parent)
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet("QLabel { background: #fff3c4; color: #5c4400; padding: 6px; }")
    banner.setVisible(shown)
    return banner


def show_failure(parent: QWidget | None, title: str, text: str) -> None:
    tell(parent, QMessageBox.Icon.Critical, title, text)


def tell_refusal(
    error: AnnotateError, parent: QWidget | None, status: Callable[[str], None]
) -> None:
    """A refused action: a write the project could not make in a box, any other refusal
    in the status bar."""
    if isinstance(error, WriteFailed):
        status(translate("FailureBox", "Not saved: {error}").format(error=error))
        show_failure(parent, translate("FailureBox", "Not saved"), str(error))
    else:
        status(str(error))


def unexpected_error_hook(
    window: Callable[[], QWidget | None], project: Callable[[], Path]
) -> ExceptHook:
    """An except hook that still prints the traceback, then shows what failed: a failure
    of the project's database (the one open now) as what to do about it, anything else
    as a fault."""
    printed = sys.excepthook

    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        printed(kind, error, traceback)
        if isinstance(error, sqlite3.Error) and is_system_failure(error):
            title = translate("FailureBox", "Project failed")
            show_failure(window(), title, what_failed(error, project()))
        elif isinstance(error, AnnotateError | OSError | sqlite3.Error):
            show_failure(window(), translate("FailureBox", "Failed"), str(error))
        elif isinstance(error, Exception):
            fault = translate(
                "FailureBox",
                "{kind}: {error}\n\nThe details are on the terminal; please report them."
                " Everything saved before this is safe in the project.",
            )
            title = translate("FailureBox", "Unexpected error")
            show_failure(window(), title, fault.format(kind=kind.__name__, error=error))

    return hook
