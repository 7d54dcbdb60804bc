"""Whose spans the reader shows (a layer): the analyst's own, one annotator's, the gold
spans review made, or everyone's; remembered for each project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtGui import QColor

from annotate.model import GOLD_ANNOTATOR
from gui.i18n import translate
from gui.recent_projects import project_key
from gui.settings import store_rows, stored_rows
from gui.span_paint import AnnotatorMark

LAYERS_KEY = "projects/layers"
FIELDS = ("project", "layer")
MAX_PROJECTS = 100  # projects remembered; the one left longest ago is forgotten first
ANNOTATOR_PREFIX = "annotator:"  # a one-annotator layer's key, before the name
# Annotators' underlines: dark, saturated, unlike the labels' pale fills and a find's red.
ANNOTATOR_COLOURS = ("#1d3557", "#b5179e", "#007f5f", "#7b2cbf", "#000000", "#7f4f24")
GOLD_COLOUR = "#b8860b"
MAX_LANES = 4  # underlines stacked at the foot of a line, at most

Kind = Literal["mine", "annotator", "gold", "everyone"]


@dataclass(frozen=True)
class Layer:
    kind: Kind
    name: str = ""  # the annotator of a one-annotator layer

    def annotator(self, me: str) -> str | None:
        """Whose spans it shows (None: everyone's, gold's among them)."""
        match self.kind:
            case "mine":
                return me
            case "annotator":
                return self.name
            case "gold":
                return GOLD_ANNOTATOR
        return None

    def editable(self, me: str) -> bool:
        """Whether the analyst can make spans here: where their own spans are shown."""
        return self.annotator(me) in (None, me)

    def title(self, me: str) -> str:
        """The layer's name in the selector."""
        match self.kind:
            case "mine":
                return translate("Layers", "Mine ({me})").format(me=me)
            case "annotator":
                return self.name
            case "gold":
                return translate("Layers", "Gold")
        return translate("Layers", "Everyone")

    def described(self, me: str) -> str:
        """What the status bar says is shown."""
        match self.kind:
            case "mine":
                return translate("Layers", "Showing your spans")
            case "everyone":
                return translate("Layers", "Showing everyone's spans (you change only yours)")
            case "gold":
                shown = translate("Layers", "Showing gold spans")
            case _:
                shown = translate("Layers", "Showing {name}'s spans").format(name=self.name)
        return shown if self.editable(me) else read_only(shown)

    @property
    def key(self) -> str:
        return ANNOTATOR_PREFIX + self.name if self.kind == "annotator" else self.kind


MINE = Layer("mine")
EVERYONE = Layer("everyone")
GOLD = Layer("gold")


def read_only(shown: str) -> str:
    """A layer's title or description, marked as one the analyst cannot change."""
    return translate("Layers", "{shown} (read-only)").format(shown=shown)


def annotator_shown(name: str) -> str:
    """An annotator's name as shown, the gold spans' in the interface's words."""
    return translate("Layers", "gold") if name == GOLD_ANNOTATOR else name


def annotator_layer(name: str) -> Layer:
    return GOLD if name == GOLD_ANNOTATOR else Layer("annotator", name)


def layer_from_key(key: str) -> Layer | None:
    """The layer a key names; None for one that names none (edited by hand)."""
    if key.startswith(ANNOTATOR_PREFIX) and key[len(ANNOTATOR_PREFIX) :]:
        return annotator_layer(key[len(ANNOTATOR_PREFIX) :])
    return next((layer for layer in (MINE, EVERYONE, GOLD) if layer.key == key), None)


def remembered_layer(project: Path) -> Layer:
    """The layer last shown in the project (the analyst's own at first)."""
    key = str(project_key(project))
    for row in stored_rows(LAYERS_KEY, FIELDS):
        if row["project"] == key:
            return layer_from_key(row["layer"]) or MINE
    return MINE


def remember_layer(project: Path, layer: Layer) -> None:
    key = str(project_key(project))
    others = [row for row in stored_rows(LAYERS_KEY, FIELDS) if row["project"] != key]
    store_rows(LAYERS_KEY, [{"project": key, "layer": layer.key}, *others][:MAX_PROJECTS])


def annotator_marks(names: list[str]) -> dict[str, AnnotatorMark]:
    """A colour and an underline lane for each annotator, in the order given, gold last
    in a colour of its own. Lanes repeat after MAX_LANES; colours tell those apart."""
    others = [name for name in names if name != GOLD_ANNOTATOR]
    marks = {
        name: AnnotatorMark(QColor(ANNOTATOR_COLOURS[n % len(ANNOTATOR_COLOURS)]), n % MAX_LANES)
        for n, name in enumerate(others)
    }
    if GOLD_ANNOTATOR in names:
        marks[GOLD_ANNOTATOR] = AnnotatorMark(QColor(GOLD_COLOUR), len(others) % MAX_LANES)
    return marks
