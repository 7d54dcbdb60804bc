"""Data shown as text, never as markup. QLabel and QMessageBox take text with a tag before
its first line break (or an "&lt;") for HTML, and a message box opens the links in it;
titles, names, file names and error messages are data, so these widgets show them plain."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box with an OK button, as QMessageBox.warning and its kind show one."""
    _answer(_box(parent, icon, title, text, Button.Ok))


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes or No, as QMessageBox.question asks; True for Yes."""
    box = _box(parent, QMessageBox.Icon.Question, title, question, Button.Yes | Button.No)
    return _answer(box) == Button.Yes


def tooltip(text: str) -> str:
    """Text a tooltip shows as it is: a tooltip has no plain-text setting, and takes
    what looks like HTML for HTML."""
    return QtGui.Qt.convertFromPlainText(text)


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _answer(box: QMessageBox) -> QMessageBox.StandardButton:
    box.exec()
    clicked = box.clickedButton()  # none when the box was closed otherwise
    box.deleteLater()
    return box.standardButton(clicked) if clicked is not None else Button.NoButton
