"""The spans of the open document as a table: label, text, annotator, origin."""

from __future__ import annotations

import bisect
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotate.annotated_text import AnnotatedText, reading_order
from annotate.model import Changes, Origin, Span
from annotate.schema import DEFAULT_COLOUR
from gui.cell_pictures import CellPictures
from gui.comment_marks import Talk
from gui.i18n import shown_name, translate
from gui.layers import annotator_shown
from gui.plain_text import tooltip
from gui.rtl import select_row
from gui.table_model import ModelIndex, RowsModel

TEXT_COLUMN = 1
NOTES_COLUMN = 4  # comments and flags
COLUMN_WIDTHS = {0: 90, 2: 80, 3: 80, 4: 44}
MIN_COLUMN_WIDTH = 40


def span_columns() -> tuple[str, ...]:
    return (
        translate("AnnotationsPanel", "Label"),
        translate("AnnotationsPanel", "Text"),
        translate("AnnotationsPanel", "Annotator"),
        translate("AnnotationsPanel", "Origin"),
        translate("AnnotationsPanel", "Notes"),
    )


def origin_name(origin: Origin) -> str:
    """How a span came to be, in the interface language (the stored value stays)."""
    names = {
        "manual": translate("AnnotationsPanel", "manual"),
        "imported": translate("AnnotationsPanel", "imported"),
        "propagated": translate("AnnotationsPanel", "propagated"),
        "adjudicated": translate("AnnotationsPanel", "adjudicated"),
        "suggested": translate("AnnotationsPanel", "suggested"),
    }
    return names.get(origin, origin)


class SpanTableModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = span_columns()
        self._spans: list[Span] = []
        self._annotated: AnnotatedText | None = None
        self._shown_spans: dict[str, Span] = {}  # the rows' spans by uid
        self._texts: dict[tuple[int, int], str] = {}  # shown text by (start, end)
        self.talk = Talk()

    def set_talk(self, talk: Talk) -> None:
        """The comments and flags of the shown document, after any of them changed."""
        self.talk = talk
        if self._spans:
            last = len(self._spans) - 1
            self.dataChanged.emit(self.index(0, NOTES_COLUMN), self.index(last, NOTES_COLUMN))

    def show(self, annotated: AnnotatedText | None) -> None:
        self.beginResetModel()
        self._annotated = annotated
        self._spans = annotated.spans() if annotated is not None else []
        self._shown_spans = {span.uid: span for span in self._spans}
        self._texts.clear()
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
            del self._shown_spans[self._spans.pop(row).uid]
            self.endRemoveRows()

    def _insert(self, span: Span) -> None:
        row = bisect.bisect(self._spans, reading_order(span), key=reading_order)
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self._shown_spans[span.uid] = span
        self.endInsertRows()

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, uid: str) -> int | None:
        """The span's row, found by its place in reading order (the rows' order)."""
        span = self._shown_spans.get(uid)
        if span is None:
            return None
        return bisect.bisect_left(self._spans, reading_order(span), key=reading_order)

    def rows(self) -> list[Any]:
        return self._spans

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._annotated is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(index.row(), index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(self._colour(index.row()))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NOTES_COLUMN:
            lines = self.talk.lines(self._spans[index.row()].uid)
            return tooltip("\n".join(lines)) if lines else None
        return None

    def look(self, row: int, column: int) -> Hashable:
        """What `data` gives for a cell: its text and, in the first column, its colour."""
        return self._shown(row, column), self._colour(row) if column == 0 else None

    def _shown(self, row: int, column: int) -> str:
        span = self._spans[row]
        match column:
            case 0:
                return self._label_name(span.label)
            case 2:
                return annotator_shown(span.annotator)
            case 3:
                return origin_name(span.origin)
            case 4:
                return self.talk.signs(span.uid)
        text = self._texts.get((span.start, span.end))
        if text is None and self._annotated is not None:
            text = " ".join(self._annotated.covered_text(span).split())
            self._texts[span.start, span.end] = text
        return text or ""

    def _label_name(self, label: str) -> str:
        """The label's Arabic name in Arabic; in English its own name, as the reader's
        hovers and the undo steps give it (its English name is long for the column)."""
        definition = self._annotated.labels.get(label) if self._annotated else None
        return shown_name(definition.name, definition.arabic) if definition else label

    def _colour(self, row: int) -> str:
        definition = self._annotated.labels.get(self._spans[row].label) if self._annotated else None
        return definition.colour if definition else DEFAULT_COLOUR


class AnnotationsPanel(QTableView):
    """Click or move to a row to select its span in the reader."""

    span_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans = SpanTableModel(self)
        self.setModel(self.spans)
        self.setItemDelegate(CellPictures(self.spans, self))
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
        """At least as wide as the column's heading (ملاحظات is wider than Notes)."""
        header = self.horizontalHeader()
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

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

    def selectRow(self, row: int) -> None:
        select_row(self, row)  # Qt's selects nothing in Arabic, right to left

    def _chosen(self, current: QModelIndex) -> None:
        if current.isValid():
            self.span_chosen.emit(self.spans.span_at(current.row()).uid)
