"""The list of a project's documents."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotate.model import DocumentSummary, Status
from annotate.text import base_direction
from gui.cell_pictures import CellPictures
from gui.i18n import translate
from gui.rtl import select_row
from gui.table_model import ModelIndex, RowsModel
from gui.vocabulary import status_name

TITLE_COLUMN = 1
FITTED = (0, 2, 3, 4)  # columns as wide as what they show; the title takes the rest


def document_columns() -> tuple[str, ...]:
    return (
        "#",
        translate("DocumentList", "Title"),
        translate("DocumentList", "Characters"),
        translate("DocumentList", "Spans"),
        translate("DocumentList", "Status"),
    )


class DocumentTableModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = document_columns()
        self._documents: list[DocumentSummary] = []
        self._rows: dict[str, int] = {}  # by uid

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self._rows = {document.uid: row for row, document in enumerate(self._documents)}
        self.endResetModel()

    def document(self, row: int) -> DocumentSummary:
        return self._documents[row]

    def listed(self) -> list[DocumentSummary]:
        return list(self._documents)

    def update_document(self, summary: DocumentSummary) -> None:
        """Show one document's new counts and statuses in place."""
        row = self._rows.get(summary.uid)
        if row is not None:
            self._documents[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def rows(self) -> list[Any]:
        return self._documents

    def look(self, row: int, column: int) -> Hashable:
        """What `data` gives for a cell that shows: its text and its alignment."""
        document = self._documents[row]
        return self._display(document, column), self._alignment(document, column).value

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(document, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(document, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.uid
        return None

    @staticmethod
    def _alignment(document: DocumentSummary, column: int) -> Qt.AlignmentFlag:
        numeric = column in (0, 2, 3)
        right = numeric or (column == TITLE_COLUMN and base_direction(document.title) == "rtl")
        horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        return horizontal | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter

    @staticmethod
    def _display(document: DocumentSummary, column: int) -> str:
        match column:
            case 0:
                return str(document.position)
            case 1:
                return document.title
            case 2:
                return f"{document.char_count:,}"
            case 3:
                return f"{document.span_count:,}"
        return statuses_shown(document.statuses)


def statuses_shown(statuses: dict[str, Status]) -> str:
    """Each annotator's status of a document ("ali: done, sara: new"); new when none has one."""
    if not statuses:
        return status_name("new")
    each = translate("DocumentList", "{annotator}: {status}")
    return translate("DocumentList", ", ", "between the annotators' statuses").join(
        each.format(annotator=name, status=status_name(status)) for name, status in statuses.items()
    )


class DocumentList(QTableView):
    """Keyboard-navigable table of documents; Arabic titles read right to left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = DocumentTableModel(self)
        self.setModel(self.documents)
        self.setItemDelegate(CellPictures(self.documents, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.documents.dataChanged.connect(self._widen)

    def show_documents(self, documents: list[DocumentSummary], current: str | None = None) -> None:
        """List the documents, with the one whose uid is `current` (or else the first)
        selected."""
        self.documents.set_documents(documents)
        for column in FITTED:
            self.resizeColumnToContents(column)
        rows = [row for row, document in enumerate(documents) if document.uid == current]
        if documents:
            self.selectRow(rows[0] if rows else 0)

    def selectRow(self, row: int) -> None:
        select_row(self, row)  # Qt's selects nothing in Arabic, right to left

    def _widen(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """Give changed rows the room they need. The columns are fitted to every row only
        when the list is filled: fitting them at each change (Qt's ResizeToContents) read
        a thousand rows, 0.2 s of every label key in a project of 5,000 documents."""
        header, grid = self.horizontalHeader(), 1 if self.showGrid() else 0
        for column in FITTED:
            needed = grid + max(
                self.sizeHintForIndex(self.documents.index(row, column)).width()
                for row in range(top_left.row(), bottom_right.row() + 1)
            )
            if needed > header.sectionSize(column):
                header.resizeSection(column, needed)

    def current_uid(self) -> str | None:
        row = self.currentIndex().row()
        return self.documents.document(row).uid if row >= 0 else None
