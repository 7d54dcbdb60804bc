"""The suggestion-keys scenario's analysts at the app's main window: every action counted is
a real key pressed or a mouse drag made in the reader, and each is checked to have done
what the analyst meant (the words selected, the suggestion decided, the span stored).

A drag presses at the edge where the entity's first character begins and releases at the
edge where its last one ends, at pixels taken from Qt's text layout (as the gesture tests
drag); the label's key then makes a span of it, snapped to words by the app's rules (a
proclitic left out). Tab chooses the next suggestion; Y accepts it, a label's key accepts
it as that label, R rejects it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotate.project import Project
from annotate.suggesting import suggest
from annotate.suggestions import Suggestion
from annotate.training.options import TrainingOptions
from annotate.training.trainer import train
from bench.suggestion_bench import (
    SAMPLE_ANNOTATOR,
    WITH,
    WITHOUT,
    Actions,
    Entity,
    figures,
    layer,
    seed_document,
    target_entities,
)
from gui.main_window import MainWindow
from gui.suggestion_marks import ACCEPT_KEY, NEXT_KEY, REJECT_KEY
from tests.gui.layout_geometry import reading_edges

WINDOW_SIZE = (1400, 900)
LEFT = Qt.MouseButton.LeftButton


class WindowAnalyst:
    """One analyst's main window on one document, the reader focused, the caret at its
    start; counts what they press and drag."""

    def __init__(self, window: MainWindow, document: str) -> None:
        self.window, self.reader, self.document = window, window.reader, document
        self.project = window.project
        self.annotator = window.annotating.annotator
        self.keys = {label.name: label.key for label in self.project.labels.schema().labels}
        self.actions_taken = 0  # keys pressed and drags made
        window.resize(*WINDOW_SIZE)
        window.show()
        window.open_document(document)
        window.activateWindow()
        self.reader.setFocus()
        while self.reader.loading or not self.reader.hasFocus():
            QApplication.processEvents()
        self.reader.put_caret(0)

    def press(self, key: str) -> None:
        """One key, as its shortcut (a letter, or Qt's name of a key such as "Tab")."""
        QTest.keyClick(self.reader, _qt_key(key))
        QApplication.processEvents()
        self.actions_taken += 1

    def drag(self, start: int, end: int) -> None:
        """A drag over [start, end), which must then be exactly what the reader selects."""
        QApplication.processEvents()
        self.reader.scroll_to(start)
        self.reader.viewport().repaint()
        begin, finish = reading_edges(self.reader, start, end)
        viewport = self.reader.viewport()
        QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, begin)
        QTest.mouseMove(viewport, QPoint((begin.x() + finish.x()) // 2, begin.y()))
        QTest.mouseMove(viewport, finish)
        QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, finish)
        self.actions_taken += 1
        selected = self.reader.selected_range()
        if selected != (start, end):
            raise RuntimeError(f"a drag over {start}-{end} selected {selected}")

    def draw(self, label: str, start: int, end: int) -> None:
        """A drag over the entity and its label's key: the span must be stored."""
        self.drag(start, end)
        self.press(self.keys[label])
        if self.project.spans.find(self.document, self.annotator, label, start, end) is None:
            stored = self._layer()
            raise RuntimeError(f"{label} {start}-{end} was not stored from a drag: {stored}")

    def choose_next(self) -> Suggestion:
        """Tab, and the suggestion it chose."""
        self.press(NEXT_KEY)
        chosen = self.reader.chosen_suggestion()
        if chosen is None:
            raise RuntimeError(f"Tab chose no suggestion of {len(self.reader.suggestions)} open")
        return chosen

    def decide(self, suggestion: Suggestion, key: str) -> None:
        """A key on the chosen suggestion: it must be decided then."""
        self.press(key)
        if self.project.suggestions.get(suggestion.uid).decision_of(self.annotator) is None:
            raise RuntimeError(f"{key} left the {suggestion.label} suggestion open")

    def _layer(self) -> list[Entity]:
        spans = self.project.spans.for_document(self.document, self.annotator)
        return sorted((s.label, s.start, s.end) for s in spans)


def count(project: Project, model: Path) -> tuple[dict[str, float], int]:
    """The analyst "without" marks the seed article's target by hand; a model is trained
    on the sample ("sample"'s spans) and suggests in it with the sample's known mentions;
    the analyst "with" marks the target with them. Both layers must be the target."""
    document = seed_document(project)
    target = target_entities(project.documents.get(document).text)
    by_hand = _analyst(project, WITHOUT, document)
    without = without_suggestions(by_hand, target)
    by_hand.window.hide()
    train(project, model, TrainingOptions(source=SAMPLE_ANNOTATOR, eval_split=0.0))
    by_model, by_gazetteer = suggest(project, [document], model, SAMPLE_ANNOTATOR)
    with_them = with_suggestions(_analyst(project, WITH, document), target)
    for annotator in (WITHOUT, WITH):
        if layer(project, document, annotator) != target:
            raise RuntimeError(f"{annotator} suggestions: the layer is not the target")
    return figures(without, with_them, (by_model.added, by_gazetteer.added)), len(target)


def _analyst(project: Project, annotator: str, document: str) -> WindowAnalyst:
    return WindowAnalyst(MainWindow(project, annotator), document)


def without_suggestions(analyst: WindowAnalyst, target: list[Entity]) -> Actions:
    for label, start, end in target:
        analyst.draw(label, start, end)
    return _counted(analyst, Actions(drawn=len(target), entities=len(target)))


def with_suggestions(analyst: WindowAnalyst, target: list[Entity]) -> Actions:
    """Tab to each open suggestion in turn and decide it; then draw the entities none gave.
    At one entity's bounds the suggestion of its label is the one accepted: a suggestion
    of another label there is rejected when one of the right label is open too, else
    accepted as the right label."""
    actions = Actions(entities=len(target))
    wanted = {(start, end): label for label, start, end in target}
    while len(analyst.reader.suggestions):
        suggestion = analyst.choose_next()
        bounds = (suggestion.start, suggestion.end)
        label = wanted.get(bounds)
        if label is None or (label != suggestion.label and _offered(analyst, bounds, label)):
            analyst.decide(suggestion, REJECT_KEY)
            actions.rejected += 1
        elif label == suggestion.label:
            analyst.decide(suggestion, ACCEPT_KEY)
            actions.accepted += 1
            del wanted[bounds]
        else:
            analyst.decide(suggestion, analyst.keys[label])
            actions.relabelled += 1
            del wanted[bounds]
    for (start, end), label in sorted(wanted.items()):
        analyst.draw(label, start, end)
        actions.drawn += 1
    return _counted(analyst, actions)


def _counted(analyst: WindowAnalyst, actions: Actions) -> Actions:
    """The actions by kind, which must add up to the keys and drags the analyst made."""
    if actions.count != analyst.actions_taken:
        raise RuntimeError(f"{actions} count {actions.count}, {analyst.actions_taken} were made")
    return actions


def _offered(analyst: WindowAnalyst, bounds: tuple[int, int], label: str) -> bool:
    return any((s.start, s.end) == bounds and s.label == label for s in analyst.reader.suggestions)


def _qt_key(key: str) -> Qt.Key:
    if len(key) == 1:
        return Qt.Key(ord(key.upper()))
    named: Qt.Key = getattr(Qt.Key, f"Key_{key}")
    return named
