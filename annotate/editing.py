"""What an analyst does to one layer of annotations, as undoable named steps."""

from __future__ import annotations

from typing import Any, Literal

from annotate.annotations import new_uid
from annotate.errors import InputError
from annotate.history import History, named_step
from annotate.lexicon import Lexicon
from annotate.model import Changes, Origin, Relation, Span
from annotate.project import Project
from annotate.searching import project_lexicon
from annotate.snapping import with_proclitics, without_proclitics
from annotate.suggestion_steps import accept_all_step, accept_step, reject_step
from annotate.words import (
    next_char,
    next_word_end,
    next_word_start,
    previous_char,
    previous_word_end,
    previous_word_start,
    strip_article,
)

Edge = Literal["start", "end"]
NAME_LENGTH = 30  # characters of span text quoted in a step's name
Name = tuple[str, dict[str, str]]  # a step's name: its pattern and the values it takes
RESIZE_NAMES: dict[tuple[Edge, bool], str] = {  # by edge, and whether it grows
    ("start", True): "Grow {label} at its start",
    ("start", False): "Shrink {label} at its start",
    ("end", True): "Grow {label} at its end",
    ("end", False): "Shrink {label} at its end",
}


class Editor:
    """One annotator's edits to a project; every method commits before it returns."""

    def __init__(self, project: Project, annotator: str) -> None:
        self.project = project
        self.annotator = annotator
        self.history = History(project)
        self._read: tuple[str, str] | None = None  # the last document's uid and text

    def add_span(
        self,
        document: str,
        label: str,
        start: int,
        end: int,
        attrs: dict[str, Any] | None = None,
    ) -> Changes:
        self.project.labels.offered(label)
        uid = new_uid()
        text = self._document_text(document)[start:end]
        annotator = self.annotator
        return self.history.take(
            named_step(
                "Add {label} ‘{text}’",
                {"label": label, "text": _short(text)},
                lambda p: p.spans.add(document, annotator, label, start, end, attrs, uid=uid),
                lambda p: p.spans.remove(uid),
                document,
            )
        )

    def add_spans(
        self, document: str, label: str, stretches: list[tuple[int, int]], origin: Origin
    ) -> Changes:
        """Several spans of one label in one document as one step."""
        return self.add_spans_across(
            label, [(document, start, end) for start, end in stretches], origin
        )

    def add_spans_across(
        self, label: str, places: list[tuple[str, int, int]], origin: Origin
    ) -> Changes:
        """Spans of one label at (document, start, end) places, in any documents, as one
        step (annotating every mention at once)."""
        if not places:
            raise InputError("no spans to add", field="spans")
        self.project.labels.offered(label)
        uids = [new_uid() for _ in places]
        annotator = self.annotator

        def add(project: Project) -> Changes:
            changes = Changes()
            for uid, (document, start, end) in zip(uids, places, strict=True):
                changes += project.spans.add(
                    document, annotator, label, start, end, origin=origin, uid=uid
                )
            return changes

        def remove(project: Project) -> Changes:
            changes = Changes()
            for uid in uids:
                changes += project.spans.remove(uid)
            return changes

        pattern = "Add {count} {label} spans" if len(places) > 1 else "Add {count} {label} span"
        values = {"count": str(len(places)), "label": label}
        return self.history.take(named_step(pattern, values, add, remove, places[0][0]))

    def remove_span(self, uid: str) -> Changes:
        span = self._own(uid)
        relations = self.project.relations.touching(uid)
        return self.history.take(
            named_step(
                "Delete {label} ‘{text}’",
                {"label": span.label, "text": _short(self._text(span))},
                lambda p: p.spans.remove(uid),
                lambda p: restore_span(p, span, relations),
                span.document,
            )
        )

    def relabel(self, uid: str, label: str) -> Changes:
        span = self._own(uid)
        if label == span.label:
            raise InputError(f"the span is already {label}", field="label")
        self.project.labels.offered(label)
        return self._update(
            span,
            ("Relabel {label} → {new}", {"new": label}),
            {"label": label},
            {"label": span.label},
        )

    def set_attrs(self, uid: str, attrs: dict[str, Any]) -> Changes:
        span = self._own(uid)
        return self._update(
            span, ("Edit attributes of {label}", {}), {"attrs": attrs}, {"attrs": span.attrs}
        )

    def resize(self, uid: str, edge: Edge, grow: bool, by_word: bool = False) -> Changes:
        """Move one edge of a span out (grow) or in by a character or a word."""
        span = self._own(uid)
        text = self._document_text(span.document)
        start, end = moved_edge(text, span.start, span.end, edge, grow, by_word)
        if (start, end) == (span.start, span.end):
            raise InputError(f"the span cannot {'grow' if grow else 'shrink'} there", field=edge)
        return self._update(
            span,
            (RESIZE_NAMES[edge, grow], {}),
            {"start": start, "end": end},
            {"start": span.start, "end": span.end},
        )

    def set_bounds(self, uid: str, start: int, end: int) -> Changes:
        span = self._own(uid)
        return self._update(
            span,
            ("Move {label} edges", {}),
            {"start": start, "end": end},
            {"start": span.start, "end": span.end},
        )

    def toggle_proclitics(self, uid: str, words: Lexicon | None = None) -> Changes:
        """Leave the conjunction and preposition of a span's first word out of it (وبوتين:
        بوتين), or, when they are already left out, put them back. `words` is the evidence
        for the rule (annotate.clitics); by default the project's."""
        span = self._own(uid)
        text = self._document_text(span.document)
        whole = with_proclitics(text, span.start)
        if whole is not None:
            put = {"letters": _short(text[whole : span.start])}
            return self._move_start(span, whole, ("Put ‘{letters}’ back on {label}", put))
        words = words or self._evidence(span.document)
        stem = without_proclitics(text, span.start, span.end, words)
        if stem is None:
            word = text[span.start : next_word_end(text, span.start)]
            raise InputError(f"{_quoted(word)} has no attached letter to take off: {_why(word)}")
        taken = {"letters": _short(text[span.start : stem])}
        return self._move_start(span, stem, ("Take ‘{letters}’ off {label}", taken))

    def strip_article(self, uid: str) -> Changes:
        span = self._own(uid)
        text = self._document_text(span.document)
        start = strip_article(text, span.start, span.end)
        if start is None:
            raise InputError(f"{_quoted(text[span.start : span.end])} has no article to remove")
        removed = {"letters": _short(text[span.start : start])}
        return self._move_start(span, start, ("Remove ‘{letters}’ from {label}", removed))

    def _move_start(self, span: Span, start: int, name: Name) -> Changes:
        return self._update(span, name, {"start": start}, {"start": span.start})

    def _evidence(self, document: str) -> Lexicon:
        """The word list, the texts of the document's spans, and the corpus."""
        text = self._document_text(document)
        mentions = [text[s.start : s.end] for s in self.project.spans.for_document(document)]
        return project_lexicon(self.project, mentions)

    def link(self, label: str, head: str, tail: str) -> Changes:
        document = self._own(head).document
        self._own(tail)
        if self.project.relations.find(label, head, tail):
            raise InputError(f"the {label} link is already there", field="label")
        uid = new_uid()
        return self.history.take(
            named_step(
                "Link {relation}",
                {"relation": label},
                lambda p: p.relations.add(label, head, tail, uid=uid),
                lambda p: p.relations.remove(uid),
                document,
            )
        )

    def unlink(self, uid: str) -> Changes:
        relation = self.project.relations.get(uid)
        head = self._own(relation.head)
        return self.history.take(
            named_step(
                "Unlink {relation}",
                {"relation": relation.label},
                lambda p: p.relations.remove(uid),
                lambda p: _relink(p, relation),
                head.document,
            )
        )

    def accept_suggestion(self, uid: str, label: str | None = None) -> Changes:
        """A suggestion this annotator has not decided made their span (of `label`, by
        default the suggestion's own), origin "suggested", and their decision; undone, the
        suggestion is open for them again (other analysts' decisions are theirs)."""
        suggestion = self.project.suggestions.get(uid)
        quoted = self._quoted(suggestion.document, suggestion.start, suggestion.end)
        step = accept_step(self.project, self.annotator, suggestion, label, quoted)
        return self.history.take(step)

    def reject_suggestion(self, uid: str) -> Changes:
        """A suggestion this annotator has not decided rejected by them."""
        suggestion = self.project.suggestions.get(uid)
        quoted = self._quoted(suggestion.document, suggestion.start, suggestion.end)
        return self.history.take(reject_step(self.annotator, suggestion, quoted))

    def accept_suggestions(self, document: str, start: int, end: int) -> Changes:
        """Every suggestion open for this annotator within [start, end) (a paragraph),
        accepted as one step."""
        step = accept_all_step(self.project, self.annotator, document, start, end)
        return self.history.take(step)

    def _quoted(self, document: str, start: int, end: int) -> str:
        return _short(self._document_text(document)[start:end])

    def _update(
        self, span: Span, name: Name, after: dict[str, Any], before: dict[str, Any]
    ) -> Changes:
        """A change to one span, named by the pattern and values of `name` followed by the
        span's label and text."""
        pattern, values = name
        return self.history.take(
            named_step(
                pattern + " ‘{text}’",
                {**values, "label": span.label, "text": _short(self._text(span))},
                lambda p: p.spans.update(span.uid, **after),
                lambda p: p.spans.update(span.uid, **before),
                span.document,
            )
        )

    def _own(self, uid: str) -> Span:
        span = self.project.spans.get(uid)
        if span.annotator != self.annotator:
            raise InputError(f"this span is {span.annotator}'s; you annotate as {self.annotator}")
        return span

    def _text(self, span: Span) -> str:
        return self._document_text(span.document)[span.start : span.end]

    def _document_text(self, document: str) -> str:
        """The text of the document edited last, read once: a document's text never changes
        (its uid is the text's hash), and reading one of 500,000 characters took 2.5 ms of
        every step."""
        if self._read is None or self._read[0] != document:
            self._read = (document, self.project.documents.get(document).text)
        return self._read[1]


def moved_edge(
    text: str, start: int, end: int, edge: Edge, grow: bool, by_word: bool
) -> tuple[int, int]:
    """The span's offsets after moving one edge; an edge never passes the other."""
    if edge == "start":
        if grow:
            moved = previous_word_start(text, start) if by_word else previous_char(text, start)
        else:
            moved = next_word_start(text, start) if by_word else next_char(text, start)
        return (moved, end) if moved < end else (start, end)
    if grow:
        moved = next_word_end(text, end) if by_word else next_char(text, end)
    else:
        moved = previous_word_end(text, end) if by_word else previous_char(text, end)
    return (start, moved) if moved > start else (start, end)


def restore_span(project: Project, span: Span, relations: list[Relation]) -> Changes:
    """A removed span back as it was, uid and all, with the relations given."""
    changes = project.spans.add(
        span.document,
        span.annotator,
        span.label,
        span.start,
        span.end,
        span.attrs,
        span.origin,
        span.uid,
    )
    for relation in relations:
        changes += _relink(project, relation)
    return changes


def _relink(project: Project, relation: Relation) -> Changes:
    return project.relations.add(
        relation.label, relation.head, relation.tail, relation.origin, relation.uid
    )


def _why(word: str) -> str:
    if word[:1] not in "وفبلك":
        return "it does not begin with و ف ب ل ك"
    return f"{word[0]} belongs to the word"


def _quoted(text: str) -> str:
    return f"‘{_short(text)}’"


def _short(text: str) -> str:
    """A span's text as a step's name quotes it: on one line, and not too long."""
    short = text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1] + "…"
    return " ".join(short.split())
