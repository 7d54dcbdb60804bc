"""The tables of the progress dashboard: the analysts, and the documents with each analyst's
work on them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from annotate.progress import AnalystProgress, DocumentProgress, ProgressReport, Work
from annotate.reviewed import ReviewProgress
from annotate.text import base_direction
from annotate.work_time import hours_and_minutes
from gui.i18n import translate
from gui.table_model import ModelIndex, RowsModel
from gui.vocabulary import state_name

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class AnalystsModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysts: list[AnalystProgress] = []
        self.columns = (
            translate("ProgressModels", "Analyst"),
            translate("ProgressModels", "Assigned"),
            translate("ProgressModels", "Not started"),
            translate("ProgressModels", "In progress"),
            translate("ProgressModels", "Done"),
            translate("ProgressModels", "Reviewed"),
            translate("ProgressModels", "Spans"),
            translate("ProgressModels", "Time"),
        )

    def show_report(self, report: ProgressReport) -> None:
        self.beginResetModel()
        self._analysts = list(report.analysts)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return self._analysts

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(RIGHT)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        a = self._analysts[index.row()]
        cells = (
            a.annotator,
            a.assigned,
            a.not_started,
            a.in_progress,
            a.done,
            a.reviewed,
            f"{a.spans:,}",
            shown_time(a.seconds),
        )
        return str(cells[index.column()])


class DocumentsModel(RowsModel):
    """A row per document; after its own columns, one per analyst with their work on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: list[DocumentProgress] = []
        self.analysts: list[str] = []
        self.fixed = (
            "#",
            translate("ProgressModels", "Title"),
            translate("ProgressModels", "State"),
            translate("ProgressModels", "Assigned to"),
            translate("ProgressModels", "Decided"),
            translate("ProgressModels", "Undecided"),
        )
        self.columns = self.fixed

    def show_report(self, report: ProgressReport) -> None:
        self.beginResetModel()
        self._documents = list(report.documents)
        self.analysts = [analyst.annotator for analyst in report.analysts]
        self.columns = (*self.fixed, *self.analysts)
        self.endResetModel()

    def document(self, row: int) -> DocumentProgress:
        return self._documents[row]

    def row_of(self, uid: str) -> int:
        return next((row for row, d in enumerate(self._documents) if d.uid == uid), -1)

    def rows(self) -> list[Any]:
        return self._documents

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_alignment(document, index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.uid
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() >= len(self.fixed):
            name = self.analysts[index.column() - len(self.fixed)]
            return work_cell(next((w for w in document.work if w.annotator == name), None))
        return _document_cells(document)[index.column()]


def _alignment(document: DocumentProgress, column: int) -> Qt.AlignmentFlag:
    """Numbers, and titles that read right to left, flush right."""
    rtl_title = column == 1 and base_direction(document.title) == "rtl"
    horizontal = (
        Qt.AlignmentFlag.AlignRight if column == 0 or rtl_title else Qt.AlignmentFlag.AlignLeft
    )
    return horizontal | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def _document_cells(document: DocumentProgress) -> tuple[str, ...]:
    return (
        str(document.number),
        document.title,
        state_name(document.state),
        translate("ProgressModels", ", ").join(document.assigned_to) or "—",
        *review_cells(document.review),
    )


def review_cells(review: ReviewProgress | None) -> tuple[str, str]:
    """How many of the document's review items are decided ("3 of 7"), and what is left:
    "2 disagreements, 2 agreed" ("—" where there is nothing to review)."""
    if review is None:
        return ("—", "—")
    decided = translate("ProgressModels", "{decided} of {items}").format(
        decided=review.decided, items=review.items
    )
    if review.reviewed:
        return (decided, translate("ProgressModels", "none: reviewed"))
    left = translate("ProgressModels", "{disagreements} disagreements, {agreed} agreed").format(
        disagreements=review.undecided_disagreements, agreed=review.undecided_agreed
    )
    return (decided, left)


def work_cell(work: Work | None) -> str:
    """An analyst's work on a document: "done · 12 spans · 14 min", "not started" (assigned,
    as the Assigned to column says), or nothing."""
    if work is None:
        return ""
    parts = [state_name(work.state)]
    if work.spans == 1:
        parts.append(translate("ProgressModels", "1 span"))
    elif work.spans:
        parts.append(translate("ProgressModels", "{count} spans").format(count=f"{work.spans:,}"))
    if work.seconds:
        parts.append(shown_time(work.seconds))
    return " · ".join(parts)


def shown_time(seconds: int) -> str:
    """The time as a person reads it: —, < 1 min, 14 min, 2 h 05 min."""
    if seconds <= 0:
        return "—"
    if seconds < 60:
        return translate("ProgressModels", "< 1 min")
    hours, minutes = hours_and_minutes(seconds)
    if not hours:
        return translate("ProgressModels", "{minutes} min").format(minutes=minutes)
    said = translate("ProgressModels", "{hours} h {minutes} min")
    return said.format(hours=hours, minutes=f"{minutes:02d}")
