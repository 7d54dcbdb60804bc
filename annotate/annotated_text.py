"""One document's text with the spans and relations shown on it, ready for a reader."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from annotate.intervals import IntervalIndex
from annotate.model import Changes, Document, Relation, Span
from annotate.project import Project
from annotate.schema import (
    SPEAKER_RELATION,
    RelationLabel,
    Schema,
    SpanLabel,
    passage_labels,
)

CHUNK_SIZE = 15_000  # characters whose spans `load_next` reads at once (a few ms)
FIRST_WINDOW = 12_000  # characters whose spans `begin` reads: more than a screen holds


@dataclass(frozen=True)
class Linked:
    """A relation seen from its head span: the relation and the span it points to."""

    relation: Relation
    tail: Span


@dataclass
class Redraw:
    """What a change means for a view: stretches of text to draw again, and the passages
    whose speakers may read differently now."""

    stretches: list[tuple[int, int]] = field(default_factory=list)
    passages: set[str] = field(default_factory=set)


class AnnotatedText:
    """The spans of one document (all annotators, or one), indexed by position.

    Passage labels are the labels the schema lets a SPEAKER relation start from (QUOTE in
    the default schema): they cover sentences rather than names, so readers draw them
    differently.

    `load` reads every span at once. `begin` reads only those near the start, so a long
    document shows at once; `load_next` then reads the rest a chunk at a time.
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
        self.relation_labels: dict[str, RelationLabel] = {r.name: r for r in schema.relations}
        self.passage_labels = passage_labels(schema)
        self._spans: dict[str, Span] = {}
        self._passages: set[str] = set()
        self._index: IntervalIndex[str] = IntervalIndex()
        self._relations: dict[str, Relation] = {}
        self._by_head: defaultdict[str, set[str]] = defaultdict(set)
        self._by_tail: defaultdict[str, set[str]] = defaultdict(set)
        self._unread_chunks: set[int] = set()
        self._take(spans, relations)

    @classmethod
    def load(cls, project: Project, document: str, annotator: str | None = None) -> AnnotatedText:
        return cls(
            project.documents.get(document),
            project.labels.schema(),
            project.spans.for_document(document, annotator),
            project.relations.for_document(document, annotator),
            annotator,
        )

    @classmethod
    def begin(
        cls, project: Project, document: str, annotator: str | None = None, near: int = 0
    ) -> AnnotatedText:
        """The document with the spans of the FIRST_WINDOW characters from a little
        before `near` (where the view is)."""
        return cls._begin(project, project.documents.get(document), annotator, near)

    def layer(self, project: Project, annotator: str | None, near: int = 0) -> AnnotatedText:
        """The same document with another layer's spans (one annotator's, or everyone's
        when None), read as `begin` reads them. Its text is this one's, not read again: a
        document's text never changes, as its uid is made from it."""
        return self._begin(project, self.document, annotator, near)

    @classmethod
    def _begin(
        cls, project: Project, document: Document, annotator: str | None, near: int
    ) -> AnnotatedText:
        start = max(near - FIRST_WINDOW // 4, 0)
        spans = project.spans.overlapping(document.uid, start, start + FIRST_WINDOW, annotator)
        relations = project.relations.with_heads(span.uid for span in spans)
        annotated = cls(document, project.labels.schema(), spans, relations, annotator)
        if len(annotated.text) > FIRST_WINDOW:
            annotated._unread_chunks = set(range(len(annotated.text) // CHUNK_SIZE + 1))
        return annotated

    @property
    def complete(self) -> bool:
        return not self._unread_chunks

    def load_next(self, project: Project, near: int = 0) -> Redraw:
        """Read the spans starting in the unread chunk nearest to `near`."""
        if not self._unread_chunks:
            return Redraw()
        chunk = min(self._unread_chunks, key=lambda n: (_distance(n, near), n))
        self._unread_chunks.discard(chunk)
        start = chunk * CHUNK_SIZE
        spans = project.spans.starting_in(
            self.document.uid, start, start + CHUNK_SIZE, self.annotator
        )
        relations = project.relations.with_heads(span.uid for span in spans)
        return self._take(spans, relations)

    def span(self, uid: str) -> Span:
        return self._spans[uid]

    def has_span(self, uid: str) -> bool:
        return uid in self._spans

    def spans(self) -> list[Span]:
        return sorted(self._spans.values(), key=reading_order)

    def passages(self) -> list[Span]:
        return sorted((self._spans[uid] for uid in self._passages), key=reading_order)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing a character with [start, end), in reading order."""
        found = (self._spans[uid] for uid in self._index.overlapping(start, end))
        return sorted(found, key=reading_order)

    def at(self, position: int) -> list[Span]:
        """Spans covering the character at position, innermost (shortest) first."""
        found = (self._spans[uid] for uid in self._index.at(position))
        return sorted(found, key=lambda s: (s.end - s.start, s.start, s.label, s.uid))

    def is_passage(self, span: Span) -> bool:
        return span.label in self.passage_labels

    def linked_from(self, head: str) -> list[Linked]:
        """The relations that start at this span, by label and then position."""
        relations = (self._relations[uid] for uid in self._by_head.get(head, ()))
        links = [Linked(r, self._spans[r.tail]) for r in relations if r.tail in self._spans]
        return sorted(links, key=lambda link: (link.relation.label, link.tail.start))

    def speakers(self, quote: str) -> list[Span]:
        return [
            link.tail for link in self.linked_from(quote) if link.relation.label == SPEAKER_RELATION
        ]

    def covered_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def apply(self, project: Project, changes: Changes) -> Redraw:
        """Take in what an operation changed (already committed)."""
        redraw = Redraw()
        for uid in changes.relations_removed:
            self._drop_relation(uid, redraw)
        for uid in changes.spans_removed:
            self._drop_span(uid, redraw)
        for uid in changes.spans_changed:
            if uid in self._spans:
                self._replace_span(project.spans.get(uid), redraw)
        added = [project.spans.get(uid) for uid in changes.spans_added]
        relations = [project.relations.get(uid) for uid in changes.relations_added]
        taken = self._take([span for span in added if self._shows(span)], relations)
        return Redraw(redraw.stretches + taken.stretches, redraw.passages | taken.passages)

    def _take(self, spans: list[Span], relations: list[Relation]) -> Redraw:
        redraw = Redraw()
        for span in spans:
            if span.uid not in self._spans:
                self._add_span(span, redraw)
        for relation in relations:
            if relation.head in self._spans and relation.uid not in self._relations:
                self._add_relation(relation, redraw)
        return redraw

    def _shows(self, span: Span) -> bool:
        return span.document == self.document.uid and self.annotator in (None, span.annotator)

    def _add_span(self, span: Span, redraw: Redraw) -> None:
        self._spans[span.uid] = span
        self._index.add(span.uid, span.start, span.end)
        redraw.stretches.append((span.start, span.end))
        if self.is_passage(span):
            self._passages.add(span.uid)
            redraw.passages.add(span.uid)
        redraw.passages.update(self._relations[r].head for r in self._by_tail.get(span.uid, ()))

    def _replace_span(self, span: Span, redraw: Redraw) -> None:
        """A span with a new label, offsets or attributes; its relations stay."""
        old = self._spans[span.uid]
        redraw.stretches.append((old.start, old.end))
        self._passages.discard(span.uid)
        redraw.passages.add(span.uid)
        self._add_span(span, redraw)

    def _drop_span(self, uid: str, redraw: Redraw) -> None:
        span = self._spans.pop(uid, None)
        if span is None:
            return
        self._index.remove(uid)
        self._passages.discard(uid)
        redraw.stretches.append((span.start, span.end))
        redraw.passages.add(uid)
        for relation in list(self._by_head.get(uid, ())) + list(self._by_tail.get(uid, ())):
            self._drop_relation(relation, redraw)

    def _add_relation(self, relation: Relation, redraw: Redraw) -> None:
        self._relations[relation.uid] = relation
        self._by_head[relation.head].add(relation.uid)
        self._by_tail[relation.tail].add(relation.uid)
        redraw.stretches += self._stretches_of(relation)
        redraw.passages.add(relation.head)

    def _drop_relation(self, uid: str, redraw: Redraw) -> None:
        relation = self._relations.pop(uid, None)
        if relation is None:
            return
        self._by_head[relation.head].discard(uid)
        self._by_tail[relation.tail].discard(uid)
        redraw.stretches += self._stretches_of(relation)
        redraw.passages.add(relation.head)

    def _stretches_of(self, relation: Relation) -> list[tuple[int, int]]:
        ends = (self._spans.get(relation.head), self._spans.get(relation.tail))
        return [(span.start, span.end) for span in ends if span is not None]


def _distance(chunk: int, offset: int) -> int:
    """How far an offset lies outside a chunk (0 inside it)."""
    start = chunk * CHUNK_SIZE
    return max(0, start - offset, offset - (start + CHUNK_SIZE - 1))


def reading_order(span: Span) -> tuple[int, int, str, str]:
    return (span.start, -span.end, span.label, span.uid)
