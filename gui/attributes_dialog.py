"""A small dialog to choose a span's attribute values (QUOTE: kind = direct | indirect)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from annotate.model import Span
from annotate.schema import SpanLabel
from gui.plain_text import plain_label

UNSET = "(none)"


class AttributesDialog(QDialog):
    def __init__(self, parent: QWidget | None, span: Span, definition: SpanLabel) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{span.label} attributes")
        layout = QFormLayout(self)
        self.choices: dict[str, QComboBox] = {}
        for name, values in definition.attributes.items():
            choice = QComboBox(self)
            choice.addItems([UNSET, *values])
            choice.setCurrentText(str(span.attrs.get(name, UNSET)))
            layout.addRow(plain_label(f"{name}:", self), choice)
            self.choices[name] = choice
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            name: choice.currentText()
            for name, choice in self.choices.items()
            if choice.currentText() != UNSET
        }


def edit_attributes(
    parent: QWidget | None, span: Span, definition: SpanLabel
) -> dict[str, Any] | None:
    """The attributes the analyst chose, or None when they cancelled."""
    dialog = AttributesDialog(parent, span, definition)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
