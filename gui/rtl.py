"""Text in item views (table cells, list items), each laid out in its own direction.

Qt lays out a cell's text in the view's direction by its first strong character: in an
English window "NATO قال ..." comes out with NATO on the left. A leading right-to-left
mark made that read right to left but put both guillemets of «سنعود قريبًا» at one end,
and went with the text when a cell was copied. `DirectedCells` paints each cell's text
isolated in the direction it mostly reads in (RLI ... PDI for Arabic, LRI ... PDI for
Latin), Arabic flush right; the model's text is left alone, so a cell copied with Ctrl+C
has no marks in it (and the isolates some cells hold, a review item's "SPEAKER ⁨والتز⁩",
are taken out of the copy).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from annotate.text import base_direction, strong_letters

HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask
FLUSH_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ISOLATES = dict.fromkeys(map(ord, LRI + RLI + FSI + PDI))


def without_isolates(text: str) -> str:
    return text.translate(ISOLATES)


def right_to_left(text: str) -> bool:
    return base_direction(text) == "rtl"


def isolated(text: str) -> str:
    """The text in an isolate of the direction it mostly reads in; a text without letters
    (a number) as it is, in the view's direction."""
    if not any(strong_letters(text)):
        return text
    return (RLI if right_to_left(text) else LRI) + text + PDI


class DirectedCells(QStyledItemDelegate):
    """Qt's own delegate, painting each cell's text in the direction it reads in. The
    cell's check box and icon stay where the view puts them (the option's direction
    would move them too)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        return event.matches(QKeySequence.StandardKey.Copy) and self._copy()

    def _copy(self) -> bool:
        """Ctrl+C as Qt's views do it (the current cell's text), without isolates."""
        text = self._view.currentIndex().data(Qt.ItemDataRole.DisplayRole)
        if text is None:
            return False
        QGuiApplication.clipboard().setText(without_isolates(str(text)))
        return True

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if right_to_left(option.text):
            option.displayAlignment = (option.displayAlignment & ~HORIZONTAL) | FLUSH_RIGHT
        option.text = isolated(option.text)


def direct_cells(view: QAbstractItemView) -> QAbstractItemView:
    """Give the view a delegate that lays each cell out in its own direction."""
    view.setItemDelegate(DirectedCells(view))
    return view


def select_row(view: QTableView, row: int) -> None:
    """Make a row of a one-row-at-a-time table current and selected, in either direction.
    Qt's QTableView.selectRow looks for the row's first cell one pixel past the viewport's
    edge in a right-to-left view, finds none and selects nothing (Qt 6.11)."""
    rows = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), rows)
