"""Import and export of corpus files from the app: the dialogs and the work with progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotate.corpus.export_files import ExportReport, export_corpus
from annotate.corpus.formats import EXPORT_FORMATS
from annotate.corpus.importing import (
    FORMATS,
    ImportReport,
    import_records,
    read_paths,
    read_records,
)
from annotate.errors import AnnotateError
from annotate.model import GOLD_ANNOTATOR, STATUS_FILTERS
from annotate.project import Project
from gui.plain_text import plain_label

AS_IN_THE_FILES = "As named in the files, else {analyst}"
SOURCES = ("all", GOLD_ANNOTATOR)
T = TypeVar("T")


class Cancelled(AnnotateError):
    """The user stopped the work; its transaction or partial file is undone."""


@dataclass(frozen=True)
class ImportRequest:
    paths: list[Path]
    fmt: str
    annotator: str | None  # for every record, or None: as the records name it
    unnamed: str  # for the records that name nobody
    add_labels: bool
    repair_iob: bool


@dataclass(frozen=True)
class ExportRequest:
    out: Path
    fmt: str
    source: str
    status: str
    split: str | None
    seed: int


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, paths: list[Path], annotator: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import")
        self.paths = paths
        self.analyst = annotator
        self.as_named = AS_IN_THE_FILES.format(analyst=annotator)
        self.format = QComboBox(self)
        self.format.addItems(list(FORMATS))
        self.annotator = QComboBox(self)
        self.annotator.setEditable(True)
        self.annotator.addItems([self.as_named, annotator])
        self.annotator.setToolTip(
            "Whose annotations the files hold: the annotators the files name (a brat folder"
            " of annotator subfolders, JSONL records), or one name for all of them"
        )
        self.add_labels = QCheckBox("Add labels the project does not know", self)
        self.repair_iob = QCheckBox("CoNLL: read an I- tag that continues no span as B-", self)
        form = QFormLayout(self)
        names = "\n".join(str(path) for path in paths)
        form.addRow("Files:", plain_label(names, self))
        form.addRow("&Format:", self.format)
        form.addRow("&Annotator:", self.annotator)
        form.addRow(self.add_labels)
        form.addRow(self.repair_iob)
        form.addRow(_buttons(self, "&Import"))

    def request(self) -> ImportRequest:
        name = self.annotator.currentText().strip()
        return ImportRequest(
            paths=self.paths,
            fmt=self.format.currentText(),
            annotator=None if name in ("", self.as_named) else name,
            unnamed=self.analyst,
            add_labels=self.add_labels.isChecked(),
            repair_iob=self.repair_iob.isChecked(),
        )


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, annotators: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.format = QComboBox(self)
        self.format.addItems(list(EXPORT_FORMATS))
        self.source = QComboBox(self)
        self.source.addItems([*SOURCES, *(a for a in annotators if a not in SOURCES)])
        self.status = QComboBox(self)
        self.status.addItems(list(STATUS_FILTERS))
        self.split = QLineEdit(self)
        self.split.setPlaceholderText("none, or e.g. train=0.8,dev=0.1,test=0.1")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.out = QLineEdit(self)
        choose = QPushButton("&Choose…", self)
        choose.clicked.connect(self._choose_out)
        where = QHBoxLayout()
        where.addWidget(self.out)
        where.addWidget(choose)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow("&Source:", self.source)
        form.addRow("S&tatus:", self.status)
        form.addRow("Sp&lit by document:", self.split)
        form.addRow("S&eed:", self.seed)
        written_to = QLabel("&Write to:", self)
        written_to.setBuddy(self.out)
        form.addRow(written_to, where)
        form.addRow(_buttons(self, "&Export"))
        self.resize(560, self.sizeHint().height())

    def writes_folder(self) -> bool:
        return (
            bool(self.split.text().strip()) or not EXPORT_FORMATS[self.format.currentText()].suffix
        )

    def _choose_out(self) -> None:
        if self.writes_folder():
            chosen = QFileDialog.getExistingDirectory(self, "Export into an empty folder")
        else:
            suffix = EXPORT_FORMATS[self.format.currentText()].suffix
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export to", f"corpus{suffix}", f"*{suffix}"
            )
        if chosen:
            self.out.setText(chosen)

    def request(self) -> ExportRequest:
        return ExportRequest(
            out=Path(self.out.text().strip()),
            fmt=self.format.currentText(),
            source=self.source.currentText(),
            status=self.status.currentText(),
            split=self.split.text().strip() or None,
            seed=self.seed.value(),
        )


def _buttons(dialog: QDialog, action: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask_import(parent: QWidget, paths: list[Path], annotator: str) -> ImportRequest | None:
    dialog = ImportDialog(parent, paths, annotator)
    return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_export(parent: QWidget, annotators: list[str]) -> ExportRequest | None:
    dialog = ExportDialog(parent, annotators)
    return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ProgressBox:
    """A modal progress dialog; Cancel stops the work at the next step it reports."""

    def __init__(self, parent: QWidget, title: str) -> None:
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setLabel(plain_label(title, self.dialog))  # it names the files read
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)

    def step(self, text: str, done: int, total: int) -> None:
        self.dialog.setLabelText(text)
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        QApplication.processEvents()
        if self.dialog.wasCanceled():
            raise Cancelled("cancelled: nothing was changed")

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def with_progress(parent: QWidget, title: str, work: Callable[[ProgressBox], T]) -> T:
    progress = ProgressBox(parent, title)
    try:
        return work(progress)
    finally:
        progress.close()


def import_with_progress(parent: QWidget, project: Project, request: ImportRequest) -> ImportReport:
    """Read every file once to count its documents and spans (the count of documents read
    shows), then read them again and write them, a batch at a time, in one transaction:
    the bar moves with the spans written, also within a document of many spans. Cancel
    rolls the transaction back."""

    def work(progress: ProgressBox) -> ImportReport:
        records, spans = _count(request, progress)

        def step(records_done: int, spans_done: int) -> None:
            done = records_done + spans_done
            text = f"Importing {records_done} of {records}"
            if spans:
                text += f", {spans_done:,} of {spans:,} spans"
            progress.step(text, done, max(done, records + spans))

        return import_records(
            project,
            read_paths(request.paths, request.fmt, repair_iob=request.repair_iob),
            request.annotator,
            request.add_labels,
            step,
            request.unnamed,
        )

    return with_progress(parent, "Import", work)


def _count(request: ImportRequest, progress: ProgressBox) -> tuple[int, int]:
    """The records and spans of the files, none of them kept."""
    records = spans = 0
    for path in request.paths:
        for record in read_records(path, request.fmt, repair_iob=request.repair_iob):
            records += 1
            spans += len(record.spans)
            progress.step(f"Reading {path.name}: {records} documents", 0, 0)
    return records, spans


def export_with_progress(parent: QWidget, project: Project, request: ExportRequest) -> ExportReport:
    def work(progress: ProgressBox) -> ExportReport:
        return export_corpus(
            project,
            request.out,
            request.fmt,
            request.source,
            request.status,
            request.split,
            request.seed,
            lambda done, total: progress.step(f"Exporting {done} of {total}", done, total),
        )

    return with_progress(parent, "Export", work)


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders being dropped; nothing if anything else comes along."""
    urls = mime.urls() if mime.hasUrls() else []
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def describe_import(report: ImportReport) -> str:
    text = (
        f"Imported {report.documents_added} documents ({report.documents_present} already "
        f"there), {report.spans_added} spans, {report.relations_added} relations"
    )
    if report.spans_updated:
        text += f"; {report.spans_updated} spans already there took new attribute values"
    if report.labels_added:
        text += f"; labels added: {', '.join(report.labels_added)}"
    return text


def describe_export(report: ExportReport) -> str:
    written = ", ".join(path.name for path in report.written)
    return f"Exported {report.records} records to {written}"
