"""A small dialog to choose a span's attribute values (QUOTE: kind = direct | indirect)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from annotate.model import Span
from annotate.schema import SpanLabel
from gui.i18n import translate
from gui.label_words import label_word
from gui.plain_text import plain_label


class AttributesDialog(QDialog):
    def __init__(self, parent: QWidget | None, span: Span, definition: SpanLabel) -> None:
        super().__init__(parent)
        title = translate("AttributesDialog", "{label} attributes")
        self.setWindowTitle(title.format(label=label_word(span.label, definition)))
        layout = QFormLayout(self)
        self.choices: dict[str, QComboBox] = {}
        for name, values in definition.attributes.items():
            # each item's data is the value (None: unset); the attribute names and values
            # are the schema's, shown as they are
            choice = QComboBox(self)
            choice.addItem(translate("AttributesDialog", "(none)"), None)
            for value in values:
                choice.addItem(value, value)
            choice.setCurrentIndex(max(choice.findData(span.attrs.get(name)), 0))
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
            name: choice.currentData()
            for name, choice in self.choices.items()
            if choice.currentData() is not None
        }


def edit_attributes(
    parent: QWidget | None, span: Span, definition: SpanLabel
) -> dict[str, Any] | None:
    """The attributes the analyst chose, or None when they cancelled."""
    dialog = AttributesDialog(parent, span, definition)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
