"""F1: every key of the window, in one table, so nothing needs the mouse; a letter key
with the letter the same key types on the Arabic layout ("p / ح")."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.arabic_keys import both_keys
from gui.i18n import translate
from gui.rtl import direct_cells


class KeysOverlay(QDialog):
    def __init__(self, parent: QWidget | None, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("KeysOverlay", "Keys"))
        table = QTableWidget(0, 2, self)
        table.setHorizontalHeaderLabels(
            [translate("KeysOverlay", "Key"), translate("KeysOverlay", "Does")]
        )
        table.verticalHeader().hide()
        direct_cells(table)
        for action in actions:
            keys = ", ".join(
                both_keys(key.toString(QKeySequence.SequenceFormat.NativeText))
                for key in action.shortcuts()
            )
            if not keys:
                continue
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(keys))
            does = action.text().replace("&", "")
            hint = action.statusTip()  # a label key's: the first line of its definition
            with_hint = translate("KeysOverlay", "{does}: {hint}").format(does=does, hint=hint)
            table.setItem(row, 1, QTableWidgetItem(with_hint if hint else does))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.table = table
        self.resize(560, 640)

    def rows(self) -> list[tuple[str, str]]:
        return [(self._cell(row, 0), self._cell(row, 1)) for row in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
