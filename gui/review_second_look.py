"""The review's second look: a document's places where a trained model confidently reads
it otherwise than its analysts (annotate.review.second_look), a row each, and each
document's count of them for the list of documents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from annotate.review.second_look import Place
from annotate.suggestions import State
from gui.i18n import translate
from gui.plain_text import tooltip
from gui.review_models import NOTHING, ShownNames
from gui.table_model import ModelIndex, RowsModel


def place_words(place: Place) -> str:
    """What kind of place it is, as the list says it."""
    words = {
        "miss": translate("ReviewSecondLook", "possible miss"),
        "label": translate("ReviewSecondLook", "possible error: other label"),
        "bounds": translate("ReviewSecondLook", "possible error: other bounds"),
    }
    return words[place.why]


def decision_words(place: Place) -> str:
    """What the analysts decided about the suggestion, if anyone did: "rejected by huda,
    omar; accepted by ali"."""
    suggested = place.suggestion
    said: dict[State, str] = {
        "rejected": translate("ReviewSecondLook", "rejected by {annotators}"),
        "accepted": translate("ReviewSecondLook", "accepted by {annotators}"),
    }
    separator = translate("ReviewSecondLook", ", ")
    parts = [
        words.format(annotators=separator.join(names))
        for state, words in said.items()
        if (names := suggested.decided_by(state))
    ]
    return translate("ReviewSecondLook", "; ").join(parts)


def tab_title(count: int) -> str:
    return translate("ReviewSecondLook", "Second look: {count}").format(count=count)


class SecondLookModel(RowsModel):
    """One row per place: what kind, its text, whose span with which label (none for a
    miss), what the model read there, its score and what an analyst decided of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places: list[Place] = []
        self.text = ""  # of the document the places are in
        self.names = ShownNames()
        self.columns = (
            translate("ReviewSecondLook", "Place"),
            translate("ReviewSecondLook", "Text"),
            translate("ReviewSecondLook", "Analyst"),
            translate("ReviewSecondLook", "Label"),
            translate("ReviewSecondLook", "Model"),
            translate("ReviewSecondLook", "Score"),
            translate("ReviewSecondLook", "Suggestion"),
        )

    def set_places(self, text: str, places: list[Place], names: ShownNames) -> None:
        self.beginResetModel()
        self.text, self._places, self.names = text, places, names
        self.endResetModel()

    def place(self, row: int) -> Place:
        return self._places[row]

    def rows(self) -> list[Place]:
        return self._places

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(self._places[index.row()], index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 4):
            return tooltip(self._cell(self._places[index.row()], index.column()))
        return None

    def _cell(self, place: Place, column: int) -> str:
        suggested = place.suggestion
        if column == 0:
            return place_words(place)
        if column == 1:
            return " ".join(place.text.split())
        if column == 2:
            return place.annotator or NOTHING
        if column == 3:
            return self.names.label(place.label) if place.kind == "error" else NOTHING
        if column == 4:
            return self._suggested(place)
        if column == 5:
            return NOTHING if suggested.score is None else f"{suggested.score:.2f}"
        return decision_words(place)

    def _suggested(self, place: Place) -> str:
        """The model's label, with the words it takes when they are not the place's."""
        suggested = place.suggestion
        label = self.names.label(suggested.label)
        if place.why != "bounds":
            return label
        words = " ".join(self.text[suggested.start : suggested.end].split())
        return translate("ReviewSecondLook", "{label}: {words}").format(label=label, words=words)
