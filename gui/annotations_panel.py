"""The spans of the open document as a table: label, text, annotator, origin."""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotate.annotated_text import AnnotatedText, reading_order
from annotate.model import Changes, Span
from annotate.schema import DEFAULT_COLOUR
from gui.rtl import with_direction
from gui.table_model import ModelIndex, RowsModel

COLUMNS = ("Label", "Text", "Annotator", "Origin")
TEXT_COLUMN = 1
COLUMN_WIDTHS = {0: 90, 2: 80, 3: 80}
MIN_COLUMN_WIDTH = 40


class SpanTableModel(RowsModel):
    columns = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spans: list[Span] = []
        self._annotated: AnnotatedText | None = None

    def show(self, annotated: AnnotatedText | None) -> None:
        self.beginResetModel()
        self._annotated = annotated
        self._spans = annotated.spans() if annotated is not None else []
        self.endResetModel()

    def apply(self, changes: Changes) -> None:
        """Take in one step's changes row by row (a reset would cost a whole re-read)."""
        annotated = self._annotated
        if annotated is None:
            return
        for uid in (*changes.spans_removed, *changes.spans_changed):
            self._remove(uid)
        for uid in (*changes.spans_changed, *changes.spans_added):
            if annotated.has_span(uid):
                self._insert(annotated.span(uid))

    def _remove(self, uid: str) -> None:
        row = self.row_of(uid)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._spans[row]
            self.endRemoveRows()

    def _insert(self, span: Span) -> None:
        row = bisect.bisect(self._spans, reading_order(span), key=reading_order)
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self.endInsertRows()

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, uid: str) -> int | None:
        return next((row for row, span in enumerate(self._spans) if span.uid == uid), None)

    def rows(self) -> list[Any]:
        return self._spans

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._annotated is None:
            return None
        span = self._spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(self._annotated.covered_text(span).split())
            return (span.label, with_direction(text), span.annotator, span.origin)[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            definition = self._annotated.labels.get(span.label)
            return QColor(definition.colour if definition else DEFAULT_COLOUR)
        return None


class AnnotationsPanel(QTableView):
    """Click or move to a row to select its span in the reader."""

    span_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans = SpanTableModel(self)
        self.setModel(self.spans)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        # Fixed widths: sizing columns to their contents reads every row, which costs
        # tens of milliseconds per edit on a document with thousands of spans.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(MIN_COLUMN_WIDTH)  # the style's minimum is far wider
        self._fix_widths()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.selectionModel().currentRowChanged.connect(self._chosen)
        self.clicked.connect(self._chosen)  # also the row already current

    def apply(self, changes: Changes, selected: str | None) -> None:
        """Take in a step's changes. Removing a changed row makes the table choose another
        current row; nobody may hear of that, or the reader would select a span the
        analyst never chose (and the next key would act on it)."""
        with QSignalBlocker(self.selectionModel()):
            self.spans.apply(changes)
        self.mark(selected)

    def _fix_widths(self) -> None:
        for column, width in COLUMN_WIDTHS.items():
            self.horizontalHeader().resizeSection(column, width)

    def show_spans(self, annotated: AnnotatedText | None, selected: str | None) -> None:
        with QSignalBlocker(self), QSignalBlocker(self.selectionModel()):
            self.spans.show(annotated)
            self._fix_widths()  # a model reset forgets them
        self.mark(selected)

    def mark(self, uid: str | None) -> None:
        """Select the span's row without telling anyone (the reader already knows)."""
        row = self.spans.row_of(uid) if uid else None
        with QSignalBlocker(self.selectionModel()):
            if row is None:
                self.clearSelection()
            else:
                self.selectRow(row)
                self.scrollTo(self.spans.index(row, 0))

    def _chosen(self, current: QModelIndex) -> None:
        if current.isValid():
            self.span_chosen.emit(self.spans.span_at(current.row()).uid)
