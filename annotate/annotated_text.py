"""One document's text with the spans and relations shown on it, ready for a reader."""

from __future__ import annotations

from dataclasses import dataclass

from annotate.intervals import IntervalIndex
from annotate.model import Changes, Document, Relation, Span
from annotate.project import Project
from annotate.schema import Schema, SpanLabel

SPEAKER_RELATION = "SPEAKER"


@dataclass(frozen=True)
class Linked:
    """A relation seen from its head span: the relation and the span it points to."""

    relation: Relation
    tail: Span


class AnnotatedText:
    """The spans of one document (all annotators, or one), indexed by position.

    Passage labels (QUOTE in the default schema) are the labels a relation starts from:
    they cover sentences rather than names, so readers draw them differently.
    """

    def __init__(
        self,
        document: Document,
        schema: Schema,
        spans: list[Span],
        relations: list[Relation],
        annotator: str | None = None,
    ) -> None:
        self.document = document
        self.text = document.text
        self.annotator = annotator
        self.labels: dict[str, SpanLabel] = {label.name: label for label in schema.labels}
        self.passage_labels = frozenset(h for r in schema.relations for h in r.heads)
        self._spans: dict[str, Span] = {}
        self._passages: set[str] = set()
        self._index: IntervalIndex[str] = IntervalIndex()
        self._relations: dict[str, Relation] = {}
        for span in spans:
            self._add_span(span)
        for relation in relations:
            self._relations[relation.uid] = relation

    @classmethod
    def load(cls, project: Project, document: str, annotator: str | None = None) -> AnnotatedText:
        return cls(
            project.documents.get(document),
            project.labels.schema(),
            project.spans.for_document(document, annotator),
            project.relations.for_document(document, annotator),
            annotator,
        )

    def span(self, uid: str) -> Span:
        return self._spans[uid]

    def has_span(self, uid: str) -> bool:
        return uid in self._spans

    def spans(self) -> list[Span]:
        return sorted(self._spans.values(), key=_reading_order)

    def passages(self) -> list[Span]:
        return sorted((self._spans[uid] for uid in self._passages), key=_reading_order)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing a character with [start, end), in reading order."""
        found = (self._spans[uid] for uid in self._index.overlapping(start, end))
        return sorted(found, key=_reading_order)

    def at(self, position: int) -> list[Span]:
        """Spans covering the character at position, innermost (shortest) first."""
        found = (self._spans[uid] for uid in self._index.at(position))
        return sorted(found, key=lambda s: (s.end - s.start, s.start, s.label, s.uid))

    def is_passage(self, span: Span) -> bool:
        return span.label in self.passage_labels

    def linked_from(self, head: str) -> list[Linked]:
        """The relations that start at this span, in schema order of their labels."""
        links = [
            Linked(relation, self._spans[relation.tail])
            for relation in self._relations.values()
            if relation.head == head and relation.tail in self._spans
        ]
        return sorted(links, key=lambda link: (link.relation.label, link.tail.start))

    def speakers(self, quote: str) -> list[Span]:
        return [
            link.tail for link in self.linked_from(quote) if link.relation.label == SPEAKER_RELATION
        ]

    def covered_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def apply(self, project: Project, changes: Changes) -> list[tuple[int, int]]:
        """Take in what an operation changed; return the stretches of text to redraw."""
        stretches: list[tuple[int, int]] = []
        for uid in changes.spans_removed:
            removed = self._spans.pop(uid, None)
            if removed is not None:
                self._index.remove(uid)
                self._passages.discard(uid)
                stretches.append((removed.start, removed.end))
        for uid in changes.relations_removed:
            removed_relation = self._relations.pop(uid, None)
            if removed_relation is not None:
                stretches += self._stretches_of(removed_relation)
        for uid in changes.spans_added:
            span = project.spans.get(uid)
            if self._shows(span):
                self._add_span(span)
                stretches.append((span.start, span.end))
        for uid in changes.relations_added:
            relation = project.relations.get(uid)
            if relation.head in self._spans:
                self._relations[uid] = relation
                stretches += self._stretches_of(relation)
        return stretches

    def _shows(self, span: Span) -> bool:
        return span.document == self.document.uid and self.annotator in (None, span.annotator)

    def _add_span(self, span: Span) -> None:
        self._spans[span.uid] = span
        self._index.add(span.uid, span.start, span.end)
        if self.is_passage(span):
            self._passages.add(span.uid)

    def _stretches_of(self, relation: Relation) -> list[tuple[int, int]]:
        ends = (self._spans.get(relation.head), self._spans.get(relation.tail))
        return [(span.start, span.end) for span in ends if span is not None]


def _reading_order(span: Span) -> tuple[int, int, str, str]:
    return (span.start, -span.end, span.label, span.uid)
