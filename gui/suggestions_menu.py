"""The Suggestions menu: the keys that decide suggestions, suggestions from the project's
known names (no training needed) or from a trained model, training one, clearing a
document's open suggestions, and how analysts decided per label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow

from annotate.errors import AnnotateError
from gui.annotating import Annotating
from gui.failure_box import tell_refusal
from gui.i18n import translate

# The commands' own modules load when one is first chosen, not at the app's start.
if TYPE_CHECKING:
    from annotate.suggesting import Suggested
    from gui.known_names_run import KnownNamesRun
    from gui.suggestion_stats import SuggestionStats
    from gui.training_dialog import TrainingDialog


class SuggestionsMenu(QObject):
    def __init__(self, window: QMainWindow, annotating: Annotating) -> None:
        super().__init__(window)
        self.window = window
        self.annotating = annotating
        self.project = annotating.project
        self.training: TrainingDialog | None = None
        self.searching: KnownNamesRun | None = None  # known names in every document
        self.stats: SuggestionStats | None = None
        self.menu = window.menuBar().addMenu(translate("SuggestionsMenu", "S&uggestions"))
        self.menu.addActions(annotating.actions.group("suggestion"))
        self.menu.addSeparator()
        self._add(translate("SuggestionsMenu", "Suggest from &known names"), self.from_known_names)
        self._add(
            translate("SuggestionsMenu", "Suggest from known names in &all documents"),
            lambda: self.from_known_names(everywhere=True),
        )
        self.from_model_action = self._add(
            translate("SuggestionsMenu", "Suggest from the trained &model"), self.from_model
        )
        self._add(translate("SuggestionsMenu", "&Train suggestion model…"), self.train)
        self.menu.addSeparator()
        self._add(
            translate("SuggestionsMenu", "&Clear open suggestions in this document"), self.clear
        )
        self._add(translate("SuggestionsMenu", "Suggestion &statistics…"), self.show_stats)
        self.menu.aboutToShow.connect(self._enable)

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _enable(self) -> None:
        self.from_model_action.setEnabled(self.model_dir.is_dir())

    @property
    def model_dir(self) -> Path:
        from gui.training_run import model_folder

        return model_folder(self.project.path)

    # -- commands ---------------------------------------------------------------------

    def from_known_names(self, everywhere: bool = False) -> None:
        """Suggestions from the known names of the reviewed reference (or, where it has no
        span, of everyone), for the open document here, or for all of them in a process
        of its own (gui/known_names_run.py)."""
        from annotate.gazetteer import usual_layer
        from annotate.suggesting import suggest

        layer = usual_layer(self.project)
        if everywhere:
            self._search_everywhere(layer)
            return
        document = self.annotating.document
        if document is None:
            self._say(translate("SuggestionsMenu", "Open a document first."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            (report,) = suggest(self.project, [document], gazetteer_from=layer)
        except AnnotateError as error:
            tell_refusal(error, self.window, self._say)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.suggestions_written()
        self._say(self._added_text(report, layer, everywhere=False))

    def _search_everywhere(self, layer: str) -> None:
        """One search at a time: one under way is shown again."""
        from gui.known_names_run import KnownNamesRun

        if self.searching is not None and self.searching.running:
            self.searching.show()
            self.searching.raise_()
            return
        try:
            self.project.store.check_writable()  # said now, not after minutes of search
        except AnnotateError as error:
            tell_refusal(error, self.window, self._say)
            return
        if self.searching is not None:
            self.searching.deleteLater()
        run = self.searching = KnownNamesRun(self.window, self.project.path, layer)
        run.succeeded.connect(lambda report: self._searched(report, layer))
        run.failed.connect(self._say)
        run.start()

    def _searched(self, report: Suggested, layer: str) -> None:
        self.suggestions_written()
        self._say(self._added_text(report, layer, everywhere=True))

    def _added_text(self, report: Suggested, layer: str, everywhere: bool) -> str:
        known = (
            translate("SuggestionsMenu", "the reference's names")
            if layer == "gold"
            else translate("SuggestionsMenu", "everyone's names")
        )
        if everywhere:
            said = translate(
                "SuggestionsMenu", "Suggestions from {known}: {added} in {documents} documents."
            )
        else:
            said = translate(
                "SuggestionsMenu", "Suggestions from {known}: {added} in this document."
            )
        return said.format(known=known, added=report.added, documents=report.documents)

    def from_model(self) -> None:
        """The trained model's suggestions for the open document, in a process of its own."""
        if self.annotating.document is None:
            self._say(translate("SuggestionsMenu", "Open a document first."))
            return
        self._open_training(train=False)

    def train(self) -> None:
        self._open_training(train=True)

    def _open_training(self, train: bool) -> None:
        """The training dialog, one at a time: a training under way is shown again."""
        from gui.training_dialog import TrainingDialog

        shown = self.training
        if shown is None or not shown.busy():
            if shown is not None:
                shown.deleteLater()
            shown = self.training = TrainingDialog(
                self.window, self.project, self.annotating.document
            )
            shown.suggested.connect(self.suggestions_written)
            shown.message.connect(self._say)
            if not train:
                shown.suggest_only()
        shown.show()
        shown.raise_()

    def clear(self) -> None:
        document = self.annotating.document
        if document is None:
            self._say(translate("SuggestionsMenu", "Open a document first."))
            return
        count = self.project.suggestions.count_open(document)
        try:
            self.project.suggestions.clear(document)
        except AnnotateError as error:
            tell_refusal(error, self.window, self._say)
            return
        self.suggestions_written()
        said = translate("SuggestionsMenu", "Open suggestions removed from this document: {count}.")
        self._say(said.format(count=count))

    def show_stats(self) -> None:
        from gui.suggestion_stats import SuggestionStats

        if self.stats is None:
            self.stats = SuggestionStats(self.window, self.project)
        self.stats.refresh()
        self.stats.show()
        self.stats.raise_()

    def suggestions_written(self) -> None:
        """Suggestions were written or removed (here or by a process): outline them anew."""
        self.annotating.suggestion_keys.show_document()
        if self.stats is not None and self.stats.isVisible():
            self.stats.refresh()

    def _say(self, text: str) -> None:
        self.annotating.message.emit(text)
