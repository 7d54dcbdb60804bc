"""The labels of the schema with their colour, key and names; a click applies one, and
hovering one shows its definition. Each line ("[p / ح]  Person · شخص": the key, with the
letter it types on the Arabic layout, then the names, the interface language's first)
reads in the window's direction, led by its key, whichever name is the longer. A retired
label is shown struck through and greyed: its spans keep it, and a click on it is refused
with the reason."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotate.schema import Schema, SpanLabel
from gui.arabic_keys import both_keys
from gui.guidelines_panel import tooltip_html
from gui.i18n import is_arabic, translate

SWATCH_SIZE = 14
RETIRED_GREY = QColor("#8a8a8a")


class LabelPalette(QListWidget):
    label_chosen = Signal(str)
    label_pointed = Signal(str)  # the label made current, to show its guideline
    menu_wanted = Signal(str, QPoint)  # a label's context menu, at a global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must not take the selection
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.itemClicked.connect(lambda item: self.label_chosen.emit(item.data(LABEL_ROLE)))
        self.currentItemChanged.connect(self._point)
        self.customContextMenuRequested.connect(self._want_menu)

    def show_schema(self, schema: Schema) -> None:
        self.clear()
        for label in schema.labels:
            self.addItem(palette_item(label))

    def item_named(self, name: str) -> QListWidgetItem | None:
        found = (self.item(row) for row in range(self.count()))
        return next((item for item in found if item.data(LABEL_ROLE) == name), None)

    def _point(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.label_pointed.emit(item.data(LABEL_ROLE))

    def _want_menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is not None:
            self.menu_wanted.emit(item.data(LABEL_ROLE), self.viewport().mapToGlobal(position))


def palette_item(label: SpanLabel) -> QListWidgetItem:
    key = f"[{both_keys(label.key)}]  " if label.key else ""
    retired = translate("LabelPalette", "  (retired)") if label.retired else ""
    item = QListWidgetItem(f"{key}{_names(label)}{retired}")
    swatch = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    swatch.fill(QColor(label.colour))
    item.setIcon(swatch)
    item.setData(LABEL_ROLE, label.name)
    tip = tooltip_html(label)
    if label.retired:
        font = item.font()
        font.setStrikeOut(True)
        item.setFont(font)
        item.setForeground(RETIRED_GREY)
        said = translate("LabelPalette", "Retired: its spans keep it; no new span takes it.")
        tip += f"<p><i>{said}</i></p>"
    item.setToolTip(tip)
    return item


def _names(label: SpanLabel) -> str:
    """Both names, the interface language's first (one alone when the other is missing)."""
    first, second = (label.arabic, label.english) if is_arabic() else (label.english, label.arabic)
    return " · ".join(name for name in (first, second) if name)


LABEL_ROLE = Qt.ItemDataRole.UserRole
