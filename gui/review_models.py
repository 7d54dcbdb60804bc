"""The tables of a review: documents by what is left to decide, and one document's items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from annotate.review.adjudication import Decision
from annotate.review.counts import ReviewCount
from annotate.review.disagreements import Item
from gui.review_lanes import look
from gui.rtl import with_direction
from gui.table_model import ModelIndex, RowsModel

NOTHING = "—"


class ReviewDocumentsModel(RowsModel):
    columns = ("Title", "Disagreements", "Undecided")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: list[ReviewCount] = []

    def set_documents(self, documents: list[ReviewCount]) -> None:
        self.beginResetModel()
        self._documents = sorted(documents, key=lambda d: (-d.disagreements, -d.undecided))
        self.endResetModel()

    def document(self, row: int) -> ReviewCount:
        return self._documents[row]

    def replace(self, row: int, document: ReviewCount) -> None:
        """New counts for one document, in place (the order changes on the next refresh)."""
        self._documents[row] = document
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def row_of(self, uid: str) -> int:
        return next((row for row, d in enumerate(self._documents) if d.uid == uid), -1)

    def rows(self) -> list[Any]:
        return self._documents

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        document = self._documents[index.row()]
        return (with_direction(document.title), document.disagreements, document.undecided)[
            index.column()
        ]


class ItemsModel(RowsModel):
    """One row per item: its state (symbol and words), its text, each annotator's labels
    and the decision taken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._decisions: dict[str, Decision] = {}
        self.text = ""  # the text of the document the items are in
        self.columns = ("State", "Text", "Decision")

    def show_items(
        self, text: str, items: list[Item], decisions: dict[str, Decision], annotators: list[str]
    ) -> None:
        self.beginResetModel()
        self.text, self._items, self._decisions = text, items, decisions
        numbered = [f"{number} {name}" for number, name in enumerate(annotators, start=1)]
        self.columns = ("State", "Text", *numbered, "Decision")
        self.endResetModel()

    def set_decisions(self, decisions: dict[str, Decision]) -> None:
        self._decisions = decisions
        last = len(self.columns) - 1
        self.dataChanged.emit(self.index(0, last), self.index(len(self._items) - 1, last))

    def item(self, row: int) -> Item:
        return self._items[row]

    def items(self) -> list[Item]:
        return list(self._items)

    def decided(self, item: Item) -> bool:
        return item.key in self._decisions

    def rows(self) -> list[Any]:
        return self._items

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QColor(look(item.state).colour)
        return None

    def _display(self, item: Item, column: int) -> str:
        if column == 0:
            chosen = look(item.state)
            return f"{chosen.symbol} {chosen.name}"
        if column == 1:
            return with_direction(" ".join(self.text[item.start : item.end].split()))
        if column == len(self.columns) - 1:
            decision = self._decisions.get(item.key)
            return decision.verdict if decision else ""
        version = item.versions[column - 2]
        return ", ".join(span.label for span in version.spans) or NOTHING
