"""Table cells painted once, then copied.

Qt lays out and shapes a cell's text each time it paints the cell, several times over in
the style's item painting (45 µs for a short Arabic name in the bundled Amiri, 0.27 ms
for a long quote), and a table paints every row in view again when a row is inserted or
removed or the selection moves. `CellPictures` keeps the picture of each cell as Qt's own
delegate painted it (its text in its own direction, which the text decides), over the
background the view paints under it, under everything that decides how the cell looks:
what the model shows in it (its `look`), its size, its state (selected, current, hovered,
the window active), the palette and the screen's pixel ratio. The view's font and style
are not in that key: when either changes, every picture goes.
A cell that only moves to another row is copied, not painted again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from gui.rtl import DirectedCells

MAX_PICTURES = 600  # a dozen screens of a 4-column table; a few MB at most
RESTYLED = (QEvent.Type.FontChange, QEvent.Type.StyleChange)


class Looks(Protocol):
    def look(self, row: int, column: int) -> Hashable:
        """Everything the model's data gives for the cell, in every role: cells with equal
        looks are painted alike."""
        ...


class CellPictures(DirectedCells):
    """Paints the cells of `view` (over a `Looks` model) from the pictures kept when each
    was first painted, the MAX_PICTURES used last."""

    def __init__(self, looks: Looks, view: QAbstractItemView) -> None:
        super().__init__(view)  # which watches the view's events
        self._looks = looks
        self._pictures: OrderedDict[Hashable, QPixmap] = OrderedDict()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in RESTYLED:
            self._pictures.clear()
        return super().eventFilter(watched, event)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        key = (
            self._looks.look(index.row(), index.column()),
            rect.width(),
            rect.height(),
            option.state.value,
            option.features.value,
            option.palette.cacheKey(),
            ratio,
        )
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._picture(option, index, ratio)
            self._pictures[key] = picture
            if len(self._pictures) > MAX_PICTURES:
                self._pictures.popitem(last=False)
        else:
            self._pictures.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), picture)

    def _picture(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        ratio: float,
    ) -> QPixmap:
        """The cell as the view paints it: the view's base, the row's panel (which the
        style may draw for alternate or selected rows), then Qt's own delegate."""
        placed = QStyleOptionViewItem(option)
        size = placed.rect.size()
        placed.rect = QRect(QPoint(0, 0), size)
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(placed.palette.color(QPalette.ColorRole.Base))
        widget = placed.widget
        painter = QPainter(picture)
        try:
            widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewRow, placed, painter, widget
            )
            super().paint(painter, placed, index)
        finally:
            painter.end()
        return picture
