"""Changing a label from the palette's context menu (or Annotate > Change label…):
rename, colour, attribute values, retire or offer again; every span is kept."""

from __future__ import annotations

import re
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
from gui.i18n import translate
from gui.label_words import label_word

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
        menu.addAction(translate("LabelEditing", "&Rename…"), lambda: self.rename(name))
        menu.addAction(translate("LabelEditing", "&Colour…"), lambda: self.recolour(name))
        menu.addAction(
            translate("LabelEditing", "Add attribute &values…"), lambda: self.add_values(name)
        )
        if label is not None and label.retired:
            menu.addAction(
                translate("LabelEditing", "&Offer again"), lambda: self.retire(name, False)
            )
        else:
            menu.addAction(translate("LabelEditing", "R&etire"), lambda: self.retire(name, True))
        return menu

    def show_menu(self, name: str, at: QPoint | None = None) -> None:
        self.menu_for(name).exec(at or QCursor.pos())

    def rename(self, name: str) -> None:
        # A new name for the data (PERSON): the Arabic prompt gives the one it has now.
        asked = translate("LabelEditing", "New name for {label}:")
        new, ok = QInputDialog.getText(
            self._parent,
            translate("LabelEditing", "Rename label"),
            asked.format(label=self._word(name), name=name),
        )
        if ok:
            told = translate("LabelEditing", "{old} → {new}").format(
                old=self._word(name), new=new.strip()
            )
            self._run(lambda: rename_label(self._project, name, new.strip()), told)

    def recolour(self, name: str) -> None:
        label = self._project.labels.span_label(name)
        start = QColor(label.colour if label else "#b0b0b0")
        title = translate("LabelEditing", "Colour of {label}").format(label=self._word(name))
        chosen = QColorDialog.getColor(start, self._parent, title)
        if chosen.isValid():
            colour = chosen.name()
            told = f"{self._word(name)} {colour}"
            self._run(lambda: recolour_label(self._project, name, colour), told)

    def add_values(self, name: str) -> None:
        asked = translate(
            "LabelEditing", "Attribute of {label} and the values to add, e.g.  kind: mixed, partial"
        )
        typed, ok = QInputDialog.getText(
            self._parent,
            translate("LabelEditing", "Add attribute values"),
            asked.format(label=self._word(name)),
        )
        if not ok:
            return
        attribute, _, values = typed.partition(":")
        chosen = [value.strip() for value in re.split("[,،]", values)] if values.strip() else []
        listed = translate("LabelEditing", ", ", "between the values of an attribute")
        self._run(
            lambda: add_attribute_values(self._project, name, attribute.strip(), chosen),
            f"{self._word(name)} {attribute.strip()}: {listed.join(chosen)}",
        )

    def retire(self, name: str, retired: bool) -> None:
        told = (
            translate("LabelEditing", "retired {label}: its spans keep it")
            if retired
            else translate("LabelEditing", "{label} is offered again")
        )
        told = told.format(label=self._word(name))
        self._run(lambda: retire_label(self._project, name, retired), told)

    def _word(self, name: str) -> str:
        return label_word(name, self._project.labels.span_label(name))

    def _run(self, change: Callable[[], object], told: str) -> None:
        try:
            change()
        except AnnotateError as error:
            self._refused(str(error))
            return
        self._changed(told)
