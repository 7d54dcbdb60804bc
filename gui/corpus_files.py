"""Import and export of corpus files from the app: the dialogs and the work with progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
from gui.i18n import translate
from gui.plain_text import plain_label
from gui.rtl import LRI, PDI

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
        self.setWindowTitle(translate("CorpusFiles", "Import"))
        self.paths = paths
        self.analyst = annotator
        as_named = translate("CorpusFiles", "As named in the files, else {analyst}")
        self.as_named = as_named.format(analyst=annotator)
        self.format = format_choice(self, FORMATS)
        self.annotator = QComboBox(self)
        self.annotator.setEditable(True)
        self.annotator.addItems([self.as_named, annotator])
        self.annotator.setToolTip(
            translate(
                "CorpusFiles",
                "Whose annotations the files hold: the annotators the files name (a brat"
                " folder of annotator subfolders, JSONL records), or one name for all of them",
            )
        )
        self.add_labels = QCheckBox(
            translate("CorpusFiles", "Add labels the project does not know"), self
        )
        self.repair_iob = QCheckBox(
            translate("CorpusFiles", "CoNLL: read an I- tag that continues no span as B-"), self
        )
        form = QFormLayout(self)
        # each path left to right (its folders before its file), in an Arabic dialog too
        names = "\n".join(f"{LRI}{path}{PDI}" for path in paths)
        form.addRow(translate("CorpusFiles", "Files:"), plain_label(names, self))
        form.addRow(translate("CorpusFiles", "&Format:"), self.format)
        form.addRow(translate("CorpusFiles", "&Annotator:"), self.annotator)
        form.addRow(self.add_labels)
        form.addRow(self.repair_iob)
        form.addRow(_buttons(self, translate("CorpusFiles", "&Import")))

    def request(self) -> ImportRequest:
        name = self.annotator.currentText().strip()
        return ImportRequest(
            paths=self.paths,
            fmt=self.format.currentData(),
            annotator=None if name in ("", self.as_named) else name,
            unnamed=self.analyst,
            add_labels=self.add_labels.isChecked(),
            repair_iob=self.repair_iob.isChecked(),
        )


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, annotators: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CorpusFiles", "Export"))
        self.format = format_choice(self, EXPORT_FORMATS)
        self.source = source_choice(self, annotators)
        self.status = status_choice(self)
        self.split = QLineEdit(self)
        self.split.setPlaceholderText(
            translate("CorpusFiles", "none, or e.g. train=0.8,dev=0.1,test=0.1")
        )
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.out = QLineEdit(self)
        choose = QPushButton(translate("CorpusFiles", "&Choose…"), self)
        choose.clicked.connect(self._choose_out)
        where = QHBoxLayout()
        where.addWidget(self.out)
        where.addWidget(choose)
        form = QFormLayout(self)
        form.addRow(translate("CorpusFiles", "&Format:"), self.format)
        form.addRow(translate("CorpusFiles", "&Source:"), self.source)
        form.addRow(translate("CorpusFiles", "S&tatus:"), self.status)
        form.addRow(translate("CorpusFiles", "Sp&lit by document:"), self.split)
        form.addRow(translate("CorpusFiles", "S&eed:"), self.seed)
        written_to = QLabel(translate("CorpusFiles", "&Write to:"), self)
        written_to.setBuddy(self.out)
        form.addRow(written_to, where)
        form.addRow(_buttons(self, translate("CorpusFiles", "&Export")))
        self.resize(560, self.sizeHint().height())

    def writes_folder(self) -> bool:
        return (
            bool(self.split.text().strip()) or not EXPORT_FORMATS[self.format.currentData()].suffix
        )

    def _choose_out(self) -> None:
        if self.writes_folder():
            title = translate("CorpusFiles", "Export into an empty folder")
            chosen = QFileDialog.getExistingDirectory(self, title)
        else:
            suffix = EXPORT_FORMATS[self.format.currentData()].suffix
            chosen, _ = QFileDialog.getSaveFileName(
                self, translate("CorpusFiles", "Export to"), f"corpus{suffix}", f"*{suffix}"
            )
        if chosen:
            self.out.setText(chosen)

    def request(self) -> ExportRequest:
        return ExportRequest(
            out=Path(self.out.text().strip()),
            fmt=self.format.currentData(),
            source=self.source.currentData(),
            status=self.status.currentData(),
            split=self.split.text().strip() or None,
            seed=self.seed.value(),
        )


def format_choice(parent: QWidget, formats: Iterable[str]) -> QComboBox:
    """The formats by their names, which stay as they are in every language (jsonl,
    conll, brat...), but "auto" and "txt", shown in words; each item's data is the name."""
    words = {"auto": translate("CorpusFiles", "auto"), "txt": translate("CorpusFiles", "txt")}
    return _choice(parent, [(words.get(name, name), name) for name in formats])


def source_choice(parent: QWidget, annotators: list[str]) -> QComboBox:
    """Whose spans to export: everyone's, the gold ones, or one annotator's."""
    words = [translate("CorpusFiles", "all"), translate("CorpusFiles", "gold")]
    named = [(name, name) for name in annotators if name not in SOURCES]
    return _choice(parent, [*zip(words, SOURCES, strict=True), *named])


def status_choice(parent: QWidget) -> QComboBox:
    """Which documents to export: any, or those done."""
    words = {"any": translate("CorpusFiles", "any"), "done": translate("CorpusFiles", "done")}
    return _choice(parent, [(words[status], status) for status in STATUS_FILTERS])


def _choice(parent: QWidget, items: list[tuple[str, str]]) -> QComboBox:
    """A combo box showing each item's text, its value as the item's data."""
    combo = QComboBox(parent)
    for text, value in items:
        combo.addItem(text, value)
    return combo


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
        cancel = translate("CorpusFiles", "Cancel")
        self.dialog = QProgressDialog(title, cancel, 0, 0, parent)
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
            progress.step(
                _importing(records_done, records, spans_done, spans),
                done,
                max(done, records + spans),
            )

        return import_records(
            project,
            read_paths(request.paths, request.fmt, repair_iob=request.repair_iob),
            request.annotator,
            request.add_labels,
            step,
            request.unnamed,
        )

    return with_progress(parent, translate("CorpusFiles", "Import"), work)


def _importing(records_done: int, records: int, spans_done: int, spans: int) -> str:
    """How far an import is: its documents, and its spans when the files hold any."""
    if not spans:
        text = translate("CorpusFiles", "Importing {done} of {total}")
        return text.format(done=records_done, total=records)
    text = translate("CorpusFiles", "Importing {done} of {total}, {spans_done} of {spans} spans")
    return text.format(
        done=records_done, total=records, spans_done=f"{spans_done:,}", spans=f"{spans:,}"
    )


def _count(request: ImportRequest, progress: ProgressBox) -> tuple[int, int]:
    """The records and spans of the files, none of them kept."""
    records = spans = 0
    for path in request.paths:
        for record in read_records(path, request.fmt, repair_iob=request.repair_iob):
            records += 1
            spans += len(record.spans)
            reading = translate("CorpusFiles", "Reading {file}: {count} documents")
            progress.step(reading.format(file=path.name, count=records), 0, 0)
    return records, spans


def export_with_progress(parent: QWidget, project: Project, request: ExportRequest) -> ExportReport:
    exporting = translate("CorpusFiles", "Exporting {done} of {total}")

    def work(progress: ProgressBox) -> ExportReport:
        return export_corpus(
            project,
            request.out,
            request.fmt,
            request.source,
            request.status,
            request.split,
            request.seed,
            lambda done, total: progress.step(
                exporting.format(done=done, total=total), done, total
            ),
        )

    return with_progress(parent, translate("CorpusFiles", "Export"), work)


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders being dropped; nothing if anything else comes along."""
    urls = mime.urls() if mime.hasUrls() else []
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def describe_import(report: ImportReport) -> str:
    text = translate(
        "CorpusFiles",
        "Imported {documents} documents ({present} already there), {spans} spans,"
        " {relations} relations",
    ).format(
        documents=report.documents_added,
        present=report.documents_present,
        spans=report.spans_added,
        relations=report.relations_added,
    )
    if report.spans_updated:
        updated = translate(
            "CorpusFiles", "; {count} spans already there took new attribute values"
        )
        text += updated.format(count=report.spans_updated)
    if report.labels_added:
        added = translate("CorpusFiles", "; labels added: {labels}")
        text += added.format(labels=", ".join(report.labels_added))
    return text


def describe_export(report: ExportReport) -> str:
    written = ", ".join(path.name for path in report.written)
    exported = translate("CorpusFiles", "Exported {records} records to {files}")
    return exported.format(records=report.records, files=written)
