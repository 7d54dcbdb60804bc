"""The reader's layer selector: the "Show" toolbar (a choice of layers, and in "everyone"
a legend of the annotators' underlines), the same choices in View › Show, and a line in
the status bar saying what is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMainWindow, QMenu, QToolBar, QWidget

from annotate.model import GOLD_ANNOTATOR
from gui.i18n import translate
from gui.layers import (
    EVERYONE,
    GOLD,
    MINE,
    Layer,
    annotator_layer,
    annotator_marks,
    annotator_shown,
    read_only,
    remember_layer,
    remembered_layer,
)
from gui.plain_text import plain_label
from gui.span_paint import SWATCH, AnnotatorMark

REMEMBER_AFTER_MS = 1_000  # a choice is written to the settings file this long after it
MINE_KEYS = "Ctrl+Shift+M"
EVERYONE_KEYS = "Ctrl+Shift+O"
LEGEND_SPACING = 6


class LayerSelector(QObject):
    chosen = Signal(object)  # the Layer the analyst chose

    def __init__(self, window: QMainWindow, project: Path, me: str) -> None:
        super().__init__(window)
        self._window, self._project, self._me = window, project, me
        self._names: list[str] = []  # the project's annotators
        self.layer = remembered_layer(project)
        self.marks: dict[str, AnnotatorMark] = {}
        self.combo = QComboBox(window)
        self.combo.setAccessibleName(translate("LayerSelector", "Show"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.legend = Legend(window)
        self.status = plain_label(parent=window)
        self.toolbar = QToolBar(translate("LayerSelector", "Show"), window)
        self.toolbar.setObjectName("show")
        self.toolbar.addWidget(plain_label(translate("LayerSelector", "Show:"), window))
        self.toolbar.addWidget(self.combo)
        self._legend_shown = self.toolbar.addWidget(self.legend)
        self.menu = QMenu(translate("LayerSelector", "S&how"), window)
        self._group = QActionGroup(self)
        self._fixed = {
            MINE: self._add_action(MINE_KEYS),
            EVERYONE: self._add_action(EVERYONE_KEYS),
            GOLD: self._add_action(),
        }
        self._named: dict[Layer, QAction] = {}
        self.combo.currentIndexChanged.connect(self._combo_chosen)
        # Writing the settings file takes a few ms: not between a choice and its frame.
        self._remembering = QTimer(self)
        self._remembering.setSingleShot(True)
        self._remembering.setInterval(REMEMBER_AFTER_MS)
        self._remembering.timeout.connect(self._write)

    def _add_action(self, keys: str = "") -> QAction:
        action = QAction(self._window)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda: self.choose(self._layer_of(action)))
        self._group.addAction(action)
        self._window.addAction(action)  # its keys work wherever the focus is
        return action

    def action(self, layer: Layer) -> QAction:
        """The View › Show item of a layer offered."""
        return {**self._fixed, **self._named}[layer]

    def _layer_of(self, action: QAction) -> Layer:
        every = {**self._fixed, **self._named}
        return next(layer for layer, shown in every.items() if shown is action)

    # -- what can be chosen -------------------------------------------------------------

    def set_annotators(self, me: str, names: list[str]) -> None:
        """Offer the layers of the project's annotators, for the analyst `me` (whose own
        layer is Mine). A layer whose annotator is gone (or now `me`) becomes Mine."""
        names = sorted({*names, me})  # the analyst's own, before their first span
        if (me, names) == (self._me, self._names) and self.combo.count():
            return
        self._me, self._names = me, names
        self.marks = annotator_marks(self._names)
        self.layer = self._offered(self.layer)
        self._fill_menu()
        self._fill_combo()
        self._show_chosen()

    def layers(self) -> list[Layer]:
        """The layers offered, in the selector's order."""
        others = [annotator_layer(n) for n in self._names if n not in (self._me, GOLD_ANNOTATOR)]
        return [MINE, EVERYONE, GOLD, *others]

    def _offered(self, layer: Layer) -> Layer:
        if layer == annotator_layer(self._me):
            return MINE
        return layer if layer in self.layers() else MINE

    def _fill_menu(self) -> None:
        for action in self._named.values():
            self._group.removeAction(action)
            action.deleteLater()
        self._named.clear()
        self.menu.clear()
        for layer, action in self._fixed.items():  # by letters of their own
            action.setText(_fixed_menu_title(layer, self._me))
            self.menu.addAction(action)
        self.menu.addSeparator()
        for number, layer in enumerate(self.layers()[3:], start=1):  # by their numbers
            mnemonic = f"&{number} " if number < 10 else ""
            self._named[layer] = self._add_action()
            self._named[layer].setText(mnemonic + _menu_text(layer_title(layer, self._me)))
            self.menu.addAction(self._named[layer])

    def _fill_combo(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for layer in self.layers():
            self.combo.addItem(layer_title(layer, self._me), layer.key)
        self.combo.blockSignals(False)

    # -- choosing -------------------------------------------------------------------------

    def choose(self, layer: Layer) -> None:
        """Show a layer (from the combo box, the menu or the window), remembered for the
        project a moment later."""
        layer = self._offered(layer)
        if layer == self.layer:
            return
        self.layer = layer
        self._remembering.start()
        self._show_chosen()
        self.chosen.emit(layer)

    def remember(self) -> None:
        """Write the layer chosen to the settings now, if it is still to be (the window
        is closing)."""
        if self._remembering.isActive():
            self._remembering.stop()
            self._write()

    def _write(self) -> None:
        remember_layer(self._project, self.layer)

    def _combo_chosen(self, index: int) -> None:
        layers = self.layers()
        if 0 <= index < len(layers):
            self.choose(layers[index])

    def _show_chosen(self) -> None:
        """The combo box, the menu, the legend and the status bar say which layer is shown."""
        layers = self.layers()
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(layers.index(self.layer))
        self.combo.blockSignals(False)
        self.action(self.layer).setChecked(True)
        everyone = self.layer == EVERYONE
        self.legend.show_marks(self.marks if everyone else {}, self._me)
        self._legend_shown.setVisible(everyone)
        self.status.setText(self.layer.described(self._me))

    def shown_marks(self) -> dict[str, AnnotatorMark] | None:
        """The annotators' underlines, while everyone's spans are shown."""
        return self.marks if self.layer == EVERYONE else None


def layer_title(layer: Layer, me: str) -> str:
    """A layer as the combo box lists it."""
    title = layer.title(me)
    return title if layer.editable(me) else read_only(title)


def _fixed_menu_title(layer: Layer, me: str) -> str:
    """Mine, Everyone or Gold as View › Show lists them, each with its own mnemonic."""
    titles = {
        MINE: translate("LayerSelector", "&Mine ({me})").format(me=_menu_text(me)),
        EVERYONE: translate("LayerSelector", "&Everyone"),
        GOLD: translate("LayerSelector", "&Gold"),
    }
    return titles[layer] if layer.editable(me) else read_only(titles[layer])


class Legend(QWidget):
    """Each annotator's underline colour beside their name (the analyst's marked "you")."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setToolTip(
            translate(
                "LayerSelector",
                "Each span is underlined in its annotator's colour, in that annotator's row"
                " at the foot of the line. Hover a span to see whose it is.",
            )
        )
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(LEGEND_SPACING, 0, 0, 0)
        self._row.setSpacing(LEGEND_SPACING)
        self.shown: list[tuple[str, str]] = []  # (colour, name) in order

    def show_marks(self, marks: dict[str, AnnotatorMark], me: str) -> None:
        shown = [(mark.colour.name(), _legend_name(name, me)) for name, mark in marks.items()]
        if shown == self.shown:
            return
        self.shown = shown
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for colour, name in shown:
            swatch = plain_label(SWATCH, self)
            swatch.setStyleSheet(f"color: {colour}")
            self._row.addWidget(swatch)
            self._row.addWidget(plain_label(name, self))
            self._row.addSpacing(LEGEND_SPACING)


def _legend_name(name: str, me: str) -> str:
    """An annotator beside their colour: the analyst marked, gold in the interface's words."""
    if name == me:
        return translate("LayerSelector", "{name} (you)").format(name=name)
    return annotator_shown(name)


def _menu_text(name: str) -> str:
    """A name in a menu item, its ampersands shown rather than taken for mnemonics."""
    return name.replace("&", "&&")
