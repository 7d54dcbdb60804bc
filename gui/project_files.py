"""The File menu's work on files: import (also of files dropped on the window), export and
merge, each with its dialog, progress, refusal and report. Their modules (and the corpus
formats below them) load when first used, not while the window opens."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotate.errors import AnnotateError
from gui.i18n import translate
from gui.plain_text import tell

if TYPE_CHECKING:
    from gui.main_window import MainWindow


@dataclass(frozen=True)
class Work:
    """What the analyst is told of one kind of work on files."""

    title: str  # of its report
    refused: str  # the title of a refusal
    cancelled: str  # the status message once cancelled


def import_work() -> Work:
    return Work(
        translate("ProjectFiles", "Import"),
        translate("ProjectFiles", "Import refused"),
        translate("ProjectFiles", "Import cancelled: nothing was changed"),
    )


def export_work() -> Work:
    return Work(
        translate("ProjectFiles", "Export"),
        translate("ProjectFiles", "Export refused"),
        translate("ProjectFiles", "Export cancelled: nothing was changed"),
    )


def merge_work() -> Work:
    return Work(
        translate("ProjectFiles", "Merge"),
        translate("ProjectFiles", "Merge refused"),
        translate("ProjectFiles", "Merge cancelled: nothing was changed"),
    )


class ProjectFiles:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose_import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self.window, translate("ProjectFiles", "Import files")
        )
        if chosen:
            self.import_files([Path(name) for name in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self.window, translate("ProjectFiles", "Import a folder")
        )
        if chosen:
            self.import_files([Path(chosen)])

    def import_files(self, paths: list[Path]) -> None:
        from gui.corpus_files import ask_import, describe_import, import_with_progress

        request = ask_import(self.window, paths, self.window.annotator)
        if request is None:
            return
        try:
            report = import_with_progress(self.window, self.window.project, request)
        except (AnnotateError, OSError) as error:
            self._refused(import_work(), error)
            return
        self.window.palette_list.show_schema(self.window.project.labels.schema())  # labels it added
        self.window.reopen()
        self._tell(import_work(), describe_import(report), report.notes)

    def export(self) -> None:
        from gui.corpus_files import ask_export, describe_export, export_with_progress

        request = ask_export(self.window, self.window.project.annotators.names())
        if request is None:
            return
        try:
            report = export_with_progress(self.window, self.window.project, request)
        except (AnnotateError, OSError) as error:
            self._refused(export_work(), error)
            return
        self._tell(export_work(), describe_export(report), report.notes)

    def merge_projects(self) -> None:
        from gui.merging import ask_merge_paths, describe_merge, merge_with_progress

        paths = ask_merge_paths(self.window)
        if not paths:
            return
        try:
            report = merge_with_progress(self.window, self.window.project, paths)
        except (AnnotateError, sqlite3.Error) as error:
            self._refused(merge_work(), error)
            return
        self.window.palette_list.show_schema(self.window.project.labels.schema())  # labels it added
        self.window.reopen()
        self._tell(merge_work(), describe_merge(report), report.detail_lines())

    def _refused(self, work: Work, error: Exception) -> None:
        from gui.corpus_files import Cancelled

        if isinstance(error, Cancelled):
            self.window.saved_label.setText(work.cancelled)
        else:
            tell(self.window, QMessageBox.Icon.Warning, work.refused, str(error))

    def _tell(self, work: Work, summary: str, notes: list[str]) -> None:
        self.window.saved_label.setText(summary)
        if notes:
            text = "\n\n".join([summary, *notes])
            tell(self.window, QMessageBox.Icon.Information, work.title, text)
