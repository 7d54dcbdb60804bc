"""Train suggestion model…: what to learn from and for how long, then the training's
progress with the time left and a Cancel button, then its scores. It runs in processes of
their own (gui/training_run.py): the reader goes on answering, and the dialog may be left
open beside it. Once trained, the model suggests in the open document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotate.gazetteer import EVERY_LAYER
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.suggestions import model_source
from annotate.training.data import documents_with_spans
from annotate.training.options import EPOCHS
from gui.i18n import translate
from gui.label_words import label_word
from gui.plain_text import plain_label
from gui.rtl import direct_cells
from gui.training_run import (
    Eta,
    SuggestCommand,
    TrainCommand,
    TrainingRun,
    model_folder,
)

MAX_EPOCHS = 200
SCORES = ("precision", "recall", "f1")
MIN_COLUMN = 48  # pixels
# Fewer annotated documents than this: the model learns from all of them, and is not
# scored (a fifth of them would be one document or none).
FEW_DOCUMENTS = 10

__all__ = ["TrainingDialog", "model_folder"]


def stage_text(stage: str) -> str:
    return {
        "training": translate("TrainingDialog", "Training on the project's spans…"),
        "saving": translate("TrainingDialog", "Scoring on the held-out part and saving…"),
        "suggesting": translate("TrainingDialog", "Finding suggestions in the open document…"),
    }.get(stage, "")


def time_left(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return translate("TrainingDialog", "About {time} left").format(time=f"{minutes}:{rest:02}")


class TrainingDialog(QDialog):
    suggested = Signal()  # the model wrote suggestions: show them
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        parent: QWidget | None,
        project: Project,
        document: str | None,
        train: TrainCommand | None = None,
        suggest: SuggestCommand | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.document = document
        self.setWindowTitle(translate("TrainingDialog", "Train suggestion model"))
        self.run = TrainingRun(self, project.path, document, train, suggest)
        self.run.progressed.connect(self._progressed)
        self.run.stage_changed.connect(self._stage_changed)
        self.run.trained.connect(self._trained)
        self.run.finished.connect(self._finished)
        self.run_eta = Eta()
        self._close_when_done = False  # only suggesting: the status bar says how it went
        self._build()
        self.resize(520, 360)

    def _build(self) -> None:
        self.source = QComboBox(self)
        self.source.addItem(translate("TrainingDialog", "Everyone's spans"), EVERY_LAYER)
        self.source.addItem(translate("TrainingDialog", "The reference (gold)"), GOLD_ANNOTATOR)
        for name in self.project.annotators.names():
            if name != GOLD_ANNOTATOR:
                shown = translate("TrainingDialog", "The spans of {name}").format(name=name)
                self.source.addItem(shown, name)
        self.epochs = QSpinBox(self)
        self.epochs.setRange(1, MAX_EPOCHS)
        self.epochs.setValue(EPOCHS)
        self.options = QWidget(self)
        form = QFormLayout(self.options)
        form.addRow(translate("TrainingDialog", "Learn from:"), self.source)
        form.addRow(translate("TrainingDialog", "Passes over the spans (epochs):"), self.epochs)
        where = translate("TrainingDialog", "The model is kept in {folder}.")
        form.addRow(plain_label(where.format(folder=str(model_folder(self.project.path)))))
        self.stage = plain_label(parent=self)
        self.bar = QProgressBar(self)
        self.eta = plain_label(parent=self)
        self.outcome = plain_label(parent=self)
        self.outcome.setWordWrap(True)
        self.scores = QTableWidget(0, 4, self)
        self.scores.setHorizontalHeaderLabels(
            [
                translate("TrainingDialog", "Label"),
                translate("TrainingDialog", "Precision"),
                translate("TrainingDialog", "Recall"),
                translate("TrainingDialog", "F1"),
            ]
        )
        self.scores.verticalHeader().hide()
        header = self.scores.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(MIN_COLUMN)  # Qt's default comes out at 187 px here
        direct_cells(self.scores)
        buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(translate("TrainingDialog", "&Train"), self)
        self.cancel_button = QPushButton(translate("TrainingDialog", "&Cancel"), self)
        self.close_button = QPushButton(translate("TrainingDialog", "C&lose"), self)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (self.options, self.stage, self.bar, self.eta, self.outcome, self.scores):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addWidget(buttons)
        self._show_parts(asking=True)

    def _show_parts(self, asking: bool = False, running: bool = False) -> None:
        self.options.setVisible(asking)
        self.start_button.setVisible(asking)
        for widget in (self.stage, self.bar, self.eta):
            widget.setVisible(running)
        self.cancel_button.setVisible(running)
        self.close_button.setVisible(not running)
        self.outcome.setVisible(not asking and not running)
        self.scores.setVisible(not asking and not running and self.scores.rowCount() > 0)

    def busy(self) -> bool:
        return self.run.running

    # -- commands ---------------------------------------------------------------------

    def start(self) -> None:
        source = str(self.source.currentData())
        options = ["--source", source, "--epochs", str(self.epochs.value())]
        if documents_with_spans(self.project, source) < FEW_DOCUMENTS:
            options += ["--eval-split", "0"]  # a share of a few holds none, or one, out
        self.bar.setRange(0, 0)  # busy until the first step is told
        self.eta.setText(translate("TrainingDialog", "Starting…"))
        self._show_parts(running=True)
        self.run.start_training(options)

    def suggest_only(self) -> None:
        """Suggest in the open document with the model trained before, no training."""
        self.setWindowTitle(translate("TrainingDialog", "Suggest from the trained model"))
        self._close_when_done = True
        self.bar.setRange(0, 0)
        self.eta.setText("")
        self._show_parts(running=True)
        self.run.start_suggesting()

    def cancel(self) -> None:
        suggesting = self.run.stage == "suggesting"  # the model is in place by then
        self.run.cancel()
        if suggesting:
            said = translate(
                "TrainingDialog", "Cancelled: the model is kept; no suggestions were written."
            )
        elif model_folder(self.project.path).is_dir():
            said = translate("TrainingDialog", "Cancelled: the model is as it was before.")
        else:
            said = translate("TrainingDialog", "Cancelled: no model was written.")
        self.outcome.setText(said)
        self._show_parts()
        self.message.emit(self.outcome.text())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the dialog while it runs cancels, as Cancel does."""
        if self.busy():
            self.cancel()
        super().closeEvent(event)

    # -- what the run tells ------------------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        left = self.run_eta.left(done, total)
        if left is not None:
            self.eta.setText(time_left(left))

    def _stage_changed(self, stage: str) -> None:
        self.stage.setText(stage_text(stage))
        if stage == "training":
            self.run_eta = Eta()
        if stage in ("saving", "suggesting"):
            self.bar.setRange(0, 0)
            self.eta.setText("")

    def _trained(self, report: dict[str, Any]) -> None:
        self._show_scores(report.get("scores"))
        self.outcome.setText(self._trained_text(report))

    def _trained_text(self, report: dict[str, Any]) -> str:
        sentences = report.get("train_sentences", 0)
        scores = report.get("scores")
        if not scores:
            said = translate(
                "TrainingDialog", "Trained on {sentences} sentences; none held out to score it."
            )
            return said.format(sentences=sentences)
        overall = scores["overall"]
        said = translate(
            "TrainingDialog",
            "Trained on {sentences} sentences; on {held_out} held out, F1 {f1}.",
        )
        return said.format(
            sentences=sentences,
            held_out=report.get("held_out_sentences", 0),
            f1=_figure(overall.get("f1")),
        )

    def _show_scores(self, scores: dict[str, Any] | None) -> None:
        rows = []
        if scores:
            labels = self.project.labels
            for name, score in scores.get("labels", {}).items():
                rows.append((label_word(name, labels.span_label(name)), score))
            rows.append((translate("TrainingDialog", "All labels"), scores["overall"]))
        self.scores.setRowCount(len(rows))
        for row, (name, score) in enumerate(rows):
            self.scores.setItem(row, 0, QTableWidgetItem(name))
            for column, key in enumerate(SCORES, start=1):
                self.scores.setItem(row, column, QTableWidgetItem(_figure(score.get(key))))

    def _finished(self, ok: bool, said: str) -> None:
        if not ok:
            failed = translate("TrainingDialog", "It did not work: {error}")
            self.outcome.setText(failed.format(error=said or "?"))
        elif self.document is not None:
            count = self.project.suggestions.count_open(
                self.document, model_source(self.run.model_dir)
            )
            found = translate(
                "TrainingDialog", "Suggestions from the model in the open document: {count}."
            ).format(count=count)
            text = self.outcome.text()
            self.outcome.setText(f"{text}\n{found}" if text else found)
            self.suggested.emit()
        self._show_parts()
        self.message.emit(self.outcome.text().replace("\n", " "))
        if ok and self._close_when_done:
            self.close()


def _figure(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, int | float) else "–"
