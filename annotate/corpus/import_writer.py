"""Import records written in bulk, a batch of records at a time.

Each span and relation is checked as ``Spans.add`` and ``Relations.add`` check them and
written as they write it (origin, created and updated times), but the look-ups are made
once per batch (which documents and which kept ids the project holds) or once per layer,
one annotator's spans in one document, and the rows go in with executemany.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotate.annotations import (
    NumberedSpanRow,
    RelationRow,
    StoredSpan,
    check_span_fields,
    new_uid,
    to_json,
)
from annotate.comments import CommentRow, FlagRow
from annotate.corpus.import_labels import LabelsUnknown, add_label, unknown_labels
from annotate.corpus.record_comments import RecordComment, RecordFlag
from annotate.corpus.records import Record, RecordSpan
from annotate.errors import AnnotateError, InputError
from annotate.model import now
from annotate.project import Project
from annotate.schema import RelationLabel, SpanLabel

ORIGIN = "imported"
WRITE_EVERY = 2000  # spans checked before they are written
Progress = Callable[[int, int], None]  # (records checked, spans checked)
SpanKey = tuple[str, int, int]  # label, start, end: one span of a layer
SpanRef = str | tuple[str, int]  # a span as a record's relations name it: id, or ("#", index)


@dataclass
class ImportReport:
    documents_added: int = 0
    documents_present: int = 0
    spans_added: int = 0
    spans_updated: int = 0  # already there; the file gave other attribute values
    spans_skipped: int = 0
    relations_added: int = 0
    relations_skipped: int = 0
    comments_added: int = 0  # new, or resolved later than the project's
    flags_set: int = 0
    labels_added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what reading repaired


@dataclass(slots=True)
class _Span:
    uid: str
    label: str
    attrs: dict[str, Any]  # as stored, once this import's rows are written
    # Stored by this import: every value it holds is one this import gave, so a value that
    # differs is one given twice. A span stored before holds values the file may change.
    new: bool


@dataclass
class _Layer:
    """One annotator's spans in one document, as this import leaves them so far."""

    document: str
    annotator: str
    spans: dict[SpanKey, _Span]
    relations: set[tuple[str, str, str]] | None = None  # (label, head, tail); None: unread


class ImportWriter:
    """Writes batches of records in the transaction the caller holds; the report counts
    what it did."""

    def __init__(
        self,
        project: Project,
        annotator: str | None,
        unnamed: str | None,
        add_labels: bool,
        progress: Progress | None,
    ) -> None:
        self.project = project
        self.report = ImportReport()
        self._annotator = annotator
        self._unnamed = unnamed
        self._add_labels = add_labels
        self._progress = progress
        self._span_labels: dict[str, SpanLabel] = {}
        self._relation_labels: dict[str, RelationLabel] = {}
        self._read_schema()
        self._annotators: set[str] = set()  # made sure of in this import
        self._last_rowid = project.spans.last_rowid()  # before this import
        # One byte for each document there before, set once a record brings it again
        self._present_before = bytearray(project.documents.last_position() + 1)
        self._given: dict[str, dict[str, Any]] = {}  # spans there before: values given
        self._records_done = 0
        self._spans_done = 0
        # What one batch needs: reset by each
        self._layers: dict[tuple[str, str], _Layer] = {}
        self._new_documents: set[str] = set()
        self._numbers: dict[str, int] = {}  # the batch's documents: uid to number
        self._span_uids: set[str] = set()  # in use: kept ids would be taken
        self._relation_uids: set[str] = set()
        self._span_rows: list[NumberedSpanRow] = []
        self._attr_rows: list[tuple[str, str, str]] = []
        self._relation_rows: list[RelationRow] = []
        self._comment_rows: list[CommentRow] = []
        self._flag_rows: list[FlagRow] = []

    def add(self, batch: list[Record]) -> None:
        """Write a batch of records; LabelsUnknown when one uses a label the schema lacks
        and labels may not be added."""
        self._start_batch(batch)
        for number, record in enumerate(batch):
            self.report.notes.extend(record.notes)
            try:
                self._record(record, batch, number)
            except InputError as error:
                raise error.at(file=record.file, line=record.line) from None
            self._records_done += 1
            if self._pending() >= WRITE_EVERY:
                self._write()
            self._tell()
        self._write()

    def _start_batch(self, batch: list[Record]) -> None:
        documents = self.project.documents
        uids = list(dict.fromkeys(record.uid for record in batch))
        there = documents.positions(uids)
        added = documents.add_in_bulk(
            (record.uid, record.text, record.title, record.meta)
            for record in batch
            if record.uid not in there
        )
        self.report.documents_added += len(added)
        for position in there.values():
            if position < len(self._present_before) and not self._present_before[position]:
                self._present_before[position] = 1
                self.report.documents_present += 1
        self._new_documents = set(added)
        self._numbers = {**there, **added}
        self._layers = {}
        kept = [record for record in batch if record.keeps_ids]
        span_ids = [span.id for record in kept for span in record.spans if span.id]
        relation_ids = [item.id for record in kept for item in record.relations if item.id]
        self._span_uids = self.project.spans.taken(span_ids) if span_ids else set()
        self._relation_uids = self.project.relations.taken(relation_ids) if relation_ids else set()

    def _record(self, record: Record, batch: list[Record], number: int) -> None:
        whose = self._annotator or record.annotator or self._unnamed
        if (record.spans or record.relations) and not whose:
            raise record.error("spans need an annotator: add one or use --annotator", "annotator")
        if self._renamed:
            for span in record.spans:  # a label renamed in the project since the file was made
                span.label = self._renamed.get(span.label, span.label)
        self._bring_labels(record, batch, number)
        self._talk(record, "", record.comments, record.flags)
        if whose is None:
            return
        if whose not in self._annotators:
            self.project.annotators.ensure(whose)
            self._annotators.add(whose)
        if not record.spans:
            return
        layer = self._layer(record.uid, whose)
        spans = self._spans(record, whose, layer)
        self._relations(record, layer, spans)

    def _bring_labels(self, record: Record, batch: list[Record], number: int) -> None:
        for label in unknown_labels([record], self._span_labels, self._relation_labels):
            if not self._add_labels:
                raise LabelsUnknown(label, batch[number:])
            add_label(self.project, label)
            self.report.labels_added.append(label.name)
            self._read_schema()

    def _read_schema(self) -> None:
        schema = self.project.labels.schema()
        self._span_labels = {label.name: label for label in schema.labels}
        self._relation_labels = {relation.name: relation for relation in schema.relations}
        self._renamed = self.project.labels.renames()

    def _layer(self, document: str, annotator: str) -> _Layer:
        layer = self._layers.get((document, annotator))
        if layer is None:
            if document in self._new_documents:  # added by this batch: nobody's spans yet
                layer = _Layer(document, annotator, {}, set())
            else:
                stored = self.project.spans.layer(document, annotator)
                spans = {(s.label, s.start, s.end): self._stored(s) for s in stored}
                layer = _Layer(document, annotator, spans)
            self._layers[document, annotator] = layer
        return layer

    def _stored(self, span: StoredSpan) -> _Span:
        attrs = {} if span.attrs == "{}" else json.loads(span.attrs)
        return _Span(span.uid, span.label, attrs, new=span.rowid > self._last_rowid)

    def _spans(self, record: Record, annotator: str, layer: _Layer) -> dict[SpanRef, _Span]:
        """Each of the record's spans, added or found in the layer, by how its relations
        name it."""
        found: dict[SpanRef, _Span] = {}
        stamp = now()
        for span in record.spans:
            key = (span.label, span.start, span.end)
            try:
                stored = layer.spans.get(key)
                if stored is None:
                    stored = layer.spans[key] = self._new_span(record, annotator, span, stamp)
                else:
                    self._bring_attributes(stored, span)
            except AnnotateError as error:
                where = f"spans[{span.index}].{getattr(error, 'field', '')}".rstrip(".")
                raise record.error(
                    getattr(error, "message", str(error)), where, span.line
                ) from None
            found[span.id if span.id is not None else ("#", span.index)] = stored
            if span.comments or span.flags:
                self._talk(record, stored.uid, span.comments, span.flags)
            self._spans_done += 1
            if len(self._span_rows) >= WRITE_EVERY:
                self._write()
                self._tell()
        return found

    def _new_span(self, record: Record, annotator: str, span: RecordSpan, stamp: str) -> _Span:
        definition = self._span_labels.get(span.label)
        check_span_fields(definition, span.label, span.start, span.end, span.attrs, ORIGIN)
        if span.end > len(record.text):
            raise InputError(f"end {span.end} is beyond the end of the text", field="end")
        kept = span.id if record.keeps_ids else None
        uid = kept if kept and kept not in self._span_uids else new_uid()
        self._span_uids.add(uid)
        attrs = to_json(span.attrs)
        number = self._numbers[record.uid]
        row = (uid, number, annotator, span.label, span.start, span.end, attrs, ORIGIN)
        self._span_rows.append((*row, stamp, stamp))
        self.report.spans_added += 1
        return _Span(uid, span.label, dict(span.attrs), True)

    def _bring_attributes(self, stored: _Span, span: RecordSpan) -> None:
        """A span already there takes the attribute values the file gives (validated like an
        edit in the app, and dated, so a merge sees the newer change); those the file leaves
        out stay, as a format that holds no attributes must not wipe them. Two mentions of
        the span in one import must not give one attribute two values, whatever is stored."""
        given = stored.attrs if stored.new else self._given.get(stored.uid, {})
        clash = next(
            (key for key, value in span.attrs.items() if given.get(key, value) != value), None
        )
        if clash is not None:
            raise InputError(
                f"the same span comes earlier in this import with another value of {clash!r}",
                field="attrs",
            )
        if span.attrs and not stored.new:  # only the spans there before that a file gives values
            self._given.setdefault(stored.uid, {}).update(span.attrs)
        brought = {**stored.attrs, **span.attrs}
        if brought == stored.attrs:
            self.report.spans_skipped += 1
            return
        definition = self._span_labels.get(span.label)
        check_span_fields(definition, span.label, span.start, span.end, brought, ORIGIN)
        self._attr_rows.append((to_json(brought), now(), stored.uid))
        stored.attrs = brought
        self.report.spans_updated += 1

    def _relations(self, record: Record, layer: _Layer, spans: dict[SpanRef, _Span]) -> None:
        if not record.relations:
            return
        stamp = now()
        known = self._known_relations(layer)
        for relation in record.relations:
            head, tail = spans[relation.head], spans[relation.tail]
            key = (relation.label, head.uid, tail.uid)
            if key in known:
                self.report.relations_skipped += 1
                continue
            try:
                self._check_relation(relation.label, head, tail)
            except InputError as error:
                where = f"relations[{relation.index}].{error.field}"
                raise record.error(error.message, where, relation.line) from None
            kept = relation.id if record.keeps_ids else None
            uid = kept if kept and kept not in self._relation_uids else new_uid()
            self._relation_uids.add(uid)
            known.add(key)
            self._relation_rows.append((uid, *key, ORIGIN, stamp, stamp))
            self.report.relations_added += 1

    def _known_relations(self, layer: _Layer) -> set[tuple[str, str, str]]:
        if layer.relations is None:
            layer.relations = self.project.relations.in_layer(layer.document, layer.annotator)
        return layer.relations

    def _check_relation(self, label: str, head: _Span, tail: _Span) -> None:
        definition = self._relation_labels.get(label)
        if definition is None:
            raise InputError(f"unknown relation label {label!r}", field="label")
        if not definition.allows(head.label, tail.label):
            raise InputError(f"{label} cannot link {head.label} to {tail.label}", field="label")
        if head.uid == tail.uid:
            raise InputError("a relation cannot link a span to itself", field="tail")

    def _talk(
        self,
        record: Record,
        span: str,
        comments: tuple[RecordComment, ...],
        flags: tuple[RecordFlag, ...],
    ) -> None:
        """The comments and flags on the document (``span`` empty) or on one of its spans."""
        number = self._numbers[record.uid]
        for c in comments:
            changed = max(c.time, c.resolved_at)
            self._comment_rows.append(
                (c.id, number, span, c.about, c.author, c.text, c.time, c.resolved_by,
                 c.resolved_at, changed)
            )  # fmt: skip
        for f in flags:
            self._flag_rows.append((number, span, f.annotator, f.flag, f.time))

    def _pending(self) -> int:
        return len(self._span_rows) + len(self._attr_rows) + len(self._relation_rows)

    def _write(self) -> None:
        """Write the rows checked so far: spans before the changes and relations that may
        name them."""
        if self._span_rows:
            self.project.spans.add_checked(self._span_rows)
        if self._attr_rows:
            self.project.spans.set_attrs_checked(self._attr_rows)
        if self._relation_rows:
            self.project.relations.add_checked(self._relation_rows)
        if self._comment_rows:
            self.report.comments_added += self.project.comments.put_checked(self._comment_rows)
        if self._flag_rows:
            self.report.flags_set += self.project.comments.put_flags_checked(self._flag_rows)
        self._span_rows, self._attr_rows, self._relation_rows = [], [], []
        self._comment_rows, self._flag_rows = [], []

    def _tell(self) -> None:
        """Tell the progress the records and spans checked so far (after each record, and
        after each write within one)."""
        if self._progress is not None:
            self._progress(self._records_done, self._spans_done)
