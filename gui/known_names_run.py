"""Suggestions from the project's known names in every document, in a process of its own
(`annotate suggest --gazetteer --progress-lines`): in a project of thousands of documents
the search takes minutes, and the window stays in the analyst's hands meanwhile. A bar
counts the documents searched; Cancel (or closing the bar) stops the process. It writes
every suggestion in one transaction at its end, so a search stopped before writes none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotate.suggesting import Suggested
from gui.annotate_process import AnnotateProcess, annotate_command, told
from gui.i18n import translate


def known_names_command(project: Path, layer: str) -> list[str]:
    return annotate_command(
        "suggest", str(project), "--gazetteer", "--from", layer, "--progress-lines"
    )


class KnownNamesRun(QProgressDialog):
    succeeded = Signal(object)  # the gazetteer's report (a Suggested)
    failed = Signal(str)  # what went wrong, or that it was cancelled

    def __init__(self, parent: QWidget, project: Path, layer: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("KnownNamesRun", "Suggest from known names"))
        self.setLabelText(translate("KnownNamesRun", "Searching every document for known names…"))
        self.setCancelButtonText(translate("KnownNamesRun", "Cancel"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        # the keys stay with the reader: the analyst goes on annotating as it searches
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setRange(0, 0)  # busy until the first document is told
        self._report: Suggested | None = None
        self._process = AnnotateProcess(self, known_names_command(project, layer))
        self._process.line.connect(self._heard)
        self._process.ended.connect(self._ended)
        self.canceled.connect(self._cancel)

    def start(self) -> None:
        self._process.start()
        self.show()
        window = self.parentWidget()
        if window is not None:  # where some platforms activate what is shown anyway
            window.activateWindow()

    @property
    def running(self) -> bool:
        return self._process.running

    def _heard(self, line: str) -> None:
        said = told(line)
        if said is None:
            return  # not a line of ours
        if "done" in said and "total" in said:
            self.setRange(0, int(said["total"]))
            self.setValue(int(said["done"]))
        elif said.get("suggested"):
            self._report = Suggested(**said["suggested"][0])

    def _ended(self, code: int, said: str) -> None:
        self.hide()
        if code == 0 and self._report is not None:
            self.succeeded.emit(self._report)
        else:
            self.failed.emit(
                said or translate("KnownNamesRun", "The search for known names failed.")
            )

    def reject(self) -> None:
        """Escape cancels, as the button and closing do."""
        self._cancel()
        super().reject()

    def _cancel(self) -> None:
        if self._process.running:
            self._process.kill()
            self.failed.emit(translate("KnownNamesRun", "Cancelled: no suggestions were written."))
