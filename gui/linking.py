"""Linking a quote to its speaker or cue: one key, then a click on a span or a pick list."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from annotate.annotated_text import AnnotatedText
from annotate.model import Relation, Span
from annotate.schema import RelationLabel
from gui.label_words import label_word

MAX_PICK_LIST = 30  # spans offered when linking from a list


class PendingLink:
    """A relation waiting for its tail, and the keys that only work meanwhile."""

    def __init__(self, mode_actions: list[QAction]) -> None:
        self.relation: RelationLabel | None = None
        self.head: str | None = None
        self._mode_actions = mode_actions
        self.cancel()

    @property
    def active(self) -> bool:
        return self.relation is not None

    def start(self, relation: RelationLabel, head: str) -> None:
        self.relation, self.head = relation, head
        for action in self._mode_actions:
            action.setEnabled(True)

    def cancel(self) -> None:
        self.relation = self.head = None
        for action in self._mode_actions:
            action.setEnabled(False)


def candidates(
    annotated: AnnotatedText, relation: RelationLabel, head: str, annotator: str
) -> list[Span]:
    """The annotator's spans that can be the relation's tail, nearest the head first."""
    quote = annotated.span(head)
    allowed = [span for span in annotated.spans() if can_be_tail(relation, head, span, annotator)]
    allowed.sort(key=lambda span: abs(span.start - quote.start))
    return allowed[:MAX_PICK_LIST]


def can_be_tail(relation: RelationLabel, head: str, span: Span, annotator: str) -> bool:
    """Whether the annotator may link head to span by relation."""
    allowed = not relation.tails or span.label in relation.tails
    return span.uid != head and span.annotator == annotator and allowed


def pick(parent: QWidget, choices: list[tuple[str, str]]) -> str | None:
    """A keyboard-driven menu of (uid, text) choices; the chosen uid, or None."""
    menu = QMenu(parent)
    for uid, text in choices:
        action = menu.addAction(text)
        action.setData(uid)
    menu.setActiveAction(menu.actions()[0])
    chosen = menu.exec(parent.mapToGlobal(QPoint(parent.width() // 2, 40)))
    return str(chosen.data()) if chosen is not None else None


def describe(annotated: AnnotatedText, span: Span) -> str:
    """A span in a pick list: its label and its words."""
    label = label_word(span.label, annotated.labels.get(span.label))
    return f"{label}  {' '.join(annotated.covered_text(span).split())}"


def describe_link(annotated: AnnotatedText, relation: Relation) -> str:
    """A link in a pick list: its relation and the words it links to."""
    tail = annotated.span(relation.tail) if annotated.has_span(relation.tail) else None
    said = " ".join(annotated.covered_text(tail).split()) if tail else "?"
    name = label_word(relation.label, annotated.relation_labels.get(relation.label))
    return f"{name}  {said}"
