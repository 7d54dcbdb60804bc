"""Changing a label from the palette's context menu (or Annotate > Change label…):
rename, colour, attribute values, retire or offer again; every span is kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu, QWidget

from annotate.errors import AnnotateError
from annotate.label_changes import (
    add_attribute_values,
    recolour_label,
    rename_label,
    retire_label,
)
from annotate.project import Project

Done = Callable[[str], None]  # told what changed, after the change


class LabelEditing(QObject):
    def __init__(
        self, parent: QWidget, project: Project, changed: Done, refused: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._project = project
        self._changed = changed
        self._refused = refused

    def menu_for(self, name: str) -> QMenu:
        label = self._project.labels.span_label(name)
        menu = QMenu(self._parent)
        menu.addAction("&Rename…", lambda: self.rename(name))
        menu.addAction("&Colour…", lambda: self.recolour(name))
        menu.addAction("Add attribute &values…", lambda: self.add_values(name))
        if label is not None and label.retired:
            menu.addAction("&Offer again", lambda: self.retire(name, False))
        else:
            menu.addAction("R&etire", lambda: self.retire(name, True))
        return menu

    def show_menu(self, name: str, at: QPoint | None = None) -> None:
        self.menu_for(name).exec(at or QCursor.pos())

    def rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self._parent, "Rename label", f"New name for {name}:")
        if ok:
            self._run(lambda: rename_label(self._project, name, new.strip()), f"{name} → {new}")

    def recolour(self, name: str) -> None:
        label = self._project.labels.span_label(name)
        start = QColor(label.colour if label else "#b0b0b0")
        chosen = QColorDialog.getColor(start, self._parent, f"Colour of {name}")
        if chosen.isValid():
            colour = chosen.name()
            self._run(lambda: recolour_label(self._project, name, colour), f"{name} {colour}")

    def add_values(self, name: str) -> None:
        typed, ok = QInputDialog.getText(
            self._parent,
            "Add attribute values",
            f"Attribute of {name} and the values to add, e.g.  kind: mixed, partial",
        )
        if not ok:
            return
        attribute, _, values = typed.partition(":")
        chosen = [value.strip() for value in values.split(",")] if values.strip() else []
        self._run(
            lambda: add_attribute_values(self._project, name, attribute.strip(), chosen),
            f"{name} {attribute.strip()}: {', '.join(chosen)}",
        )

    def retire(self, name: str, retired: bool) -> None:
        told = f"retired {name}: its spans keep it" if retired else f"{name} is offered again"
        self._run(lambda: retire_label(self._project, name, retired), told)

    def _run(self, change: Callable[[], object], told: str) -> None:
        try:
            change()
        except AnnotateError as error:
            self._refused(str(error))
            return
        self._changed(told)
