"""The labels of the schema with their colour, key and names; a click applies one, and
hovering one shows its definition."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotate.schema import Schema
from gui.guidelines_panel import tooltip_html

SWATCH_SIZE = 14


class LabelPalette(QListWidget):
    label_chosen = Signal(str)
    label_pointed = Signal(str)  # the label made current, to show its guideline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must not take the selection
        self.itemClicked.connect(lambda item: self.label_chosen.emit(item.data(LABEL_ROLE)))
        self.currentItemChanged.connect(self._point)

    def show_schema(self, schema: Schema) -> None:
        self.clear()
        for label in schema.labels:
            key = f"[{label.key}]  " if label.key else ""
            item = QListWidgetItem(f"{key}{label.english} · {label.arabic}")
            swatch = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
            swatch.fill(QColor(label.colour))
            item.setIcon(swatch)
            item.setData(LABEL_ROLE, label.name)
            item.setToolTip(tooltip_html(label))
            self.addItem(item)

    def _point(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.label_pointed.emit(item.data(LABEL_ROLE))


LABEL_ROLE = Qt.ItemDataRole.UserRole
