"""Spans and relations: the annotation layers, one per annotator."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from annotate.errors import AnnotateError, InputError
from annotate.labels import Annotators, Labels
from annotate.model import ORIGINS, Changes, Origin, Relation, Span, now
from annotate.schema import SpanLabel
from annotate.store import Store

SPAN_COLUMNS = 'uid, document, annotator, label, start, "end", attrs, origin'
SPAN_FIELDS = 'uid, annotator, label, start, "end", attrs, origin'  # all but the document
# A span names its document by number (documents.position) in the database; the API speaks
# of uids, turned into that number where a statement takes one.
DOCUMENT_NUMBER = "(SELECT position FROM documents WHERE uid = ?)"
INSERT_SPAN = (
    f"INSERT INTO spans ({SPAN_COLUMNS}, created_at, updated_at)"
    f" VALUES (?, {DOCUMENT_NUMBER}, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_NUMBERED_SPAN = (
    f"INSERT INTO spans ({SPAN_COLUMNS}, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
END_TRIGGER = "spans_end_within_text_on_insert"
INSERT_RELATION = (
    "INSERT INTO relations (uid, label, head, tail, origin, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
SpanRow = tuple[str, str, str, str, int, int, str, str, str, str]
"""A span as ``add`` writes it: SPAN_COLUMNS (attrs as JSON), created_at, updated_at."""
NumberedSpanRow = tuple[str, int, str, str, int, int, str, str, str, str]
"""A span as ``add_checked`` writes it: a SpanRow naming its document by number."""
RelationRow = tuple[str, str, str, str, str, str, str]
"""A relation as ``add`` writes it: uid, label, head, tail, origin, created_at, updated_at."""


class StoredSpan(NamedTuple):
    """A span of one layer as a bulk import compares it with what a file brings."""

    uid: str
    label: str
    start: int
    end: int
    attrs: str  # JSON
    rowid: int  # the order in which spans were stored: a later span has a larger one


def new_uid() -> str:
    return uuid.uuid4().hex


class Spans:
    def __init__(self, store: Store, labels: Labels, annotators: Annotators) -> None:
        self._store = store
        self._labels = labels
        self._annotators = annotators

    def add(
        self,
        document: str,
        annotator: str,
        label: str,
        start: int,
        end: int,
        attrs: dict[str, Any] | None = None,
        origin: Origin = "manual",
        uid: str | None = None,
    ) -> Changes:
        """Add one span; an exact duplicate (annotator, label, start, end) is refused."""
        attrs = attrs or {}
        check_span_fields(self._labels.span_label(label), label, start, end, attrs, origin)
        uid = uid or new_uid()
        stamp = now()
        with self._store.write() as conn:
            changes = self._annotators.ensure(annotator)
            try:
                conn.execute(
                    INSERT_SPAN,
                    (uid, document, annotator, label, start, end, to_json(attrs), origin)
                    + (stamp,) * 2,
                )
            except sqlite3.IntegrityError as error:
                raise _span_error(error, label, start, end) from error
        return changes + Changes(spans_added=(uid,))

    def update(
        self,
        uid: str,
        label: str | None = None,
        start: int | None = None,
        end: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> Changes:
        """Change a span's label, offsets or attributes; its relations must still fit the
        schema, and it must not become an exact duplicate of another span."""
        old = self.get(uid)
        new_label = old.label if label is None else label
        new_start = old.start if start is None else start
        new_end = old.end if end is None else end
        new_attrs = old.attrs if attrs is None else attrs
        definition = self._labels.span_label(new_label)
        check_span_fields(definition, new_label, new_start, new_end, new_attrs, old.origin)
        if new_label != old.label:
            self._check_relations_allow(uid, new_label)
        with self._store.write() as conn:
            try:
                conn.execute(
                    'UPDATE spans SET label = ?, start = ?, "end" = ?, attrs = ?, updated_at = ?'
                    " WHERE uid = ?",
                    (new_label, new_start, new_end, to_json(new_attrs), now(), uid),
                )
            except sqlite3.IntegrityError as error:
                raise _span_error(error, new_label, new_start, new_end) from error
        return Changes(spans_changed=(uid,))

    def add_checked(self, rows: list[NumberedSpanRow]) -> None:
        """Write spans checked beforehand as ``add`` checks them (``check_span_fields``, the
        end within the text, no exact duplicate, a uid not in use, a known annotator), in
        one statement within the caller's transaction (see ``Store.bulk_write``); the
        database's constraints hold them all the same."""
        with self._store.bulk_write() as conn:
            conn.executemany(INSERT_NUMBERED_SPAN, rows)

    @contextmanager
    def ends_checked_in_bulk(self) -> Iterator[None]:
        """For bulk inserts whose span ends are each checked beforehand, in the caller's
        transaction: the trigger that checks each end against its document's length (a
        fifth of the time of a bulk insert) is dropped, then one query checks the end of
        every span stored meanwhile and the trigger is made again. Its absence is never
        committed: on any error the caller's transaction rolls back as a whole."""
        last = self.last_rowid()
        with self._store.bulk_write() as conn:
            query = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"
            (trigger,) = conn.execute(query, (END_TRIGGER,)).fetchone()
            conn.execute(f"DROP TRIGGER {END_TRIGGER}")
            yield
            beyond = conn.execute(
                'SELECT s."end" FROM spans s JOIN documents d INDEXED BY documents_lengths'
                ' ON d.position = s.document WHERE s.rowid > ? AND s."end" > d.char_count',
                (last,),
            ).fetchone()
            if beyond is not None:
                raise InputError(f"end {beyond[0]} is beyond the end of the text", field="end")
            conn.execute(trigger)

    def set_attrs_checked(self, rows: list[tuple[str, str, str]]) -> None:
        """(attrs JSON, updated_at, uid): new attribute values checked beforehand as
        ``update`` checks them, in one statement within the caller's transaction."""
        with self._store.bulk_write() as conn:
            conn.executemany("UPDATE spans SET attrs = ?, updated_at = ? WHERE uid = ?", rows)

    def layer(self, document: str, annotator: str) -> list[StoredSpan]:
        """One annotator's spans in one document, in no particular order."""
        query = (
            'SELECT uid, label, start, "end", attrs, rowid FROM spans'
            f" WHERE document = {DOCUMENT_NUMBER} AND annotator = ?"
        )
        return [StoredSpan(*row) for row in self._store.conn.execute(query, (document, annotator))]

    def taken(self, uids: Iterable[str]) -> set[str]:
        """Those of these uids that spans already have."""
        return _taken(self._store, "spans", uids)

    def last_rowid(self) -> int:
        """The largest rowid (StoredSpan.rowid) so far: every span stored after now has
        a larger one (SQLite gives each new row the largest rowid plus one)."""
        row = self._store.conn.execute("SELECT coalesce(max(rowid), 0) FROM spans").fetchone()
        return int(row[0])

    def _check_relations_allow(self, uid: str, label: str) -> None:
        rows = self._store.conn.execute(
            "SELECT r.label, h.uid, h.label, t.label FROM relations r"
            " JOIN spans h ON h.uid = r.head JOIN spans t ON t.uid = r.tail"
            " WHERE r.head = ? OR r.tail = ?",
            (uid, uid),
        )
        for relation_name, head, head_label, tail_label in rows:
            relation = self._labels.relation_label(relation_name)
            heads, tails = (label, tail_label) if head == uid else (head_label, label)
            if relation is not None and not relation.allows(heads, tails):
                raise InputError(
                    f"{relation_name} cannot link {heads} to {tails}: remove that link first",
                    field="label",
                )

    def remove(self, uid: str) -> Changes:
        """Remove a span and the relations that use it."""
        with self._store.write() as conn:
            relations = tuple(
                str(row[0])
                for row in conn.execute(
                    "SELECT uid FROM relations WHERE head = ? OR tail = ?", (uid, uid)
                )
            )
            if not conn.execute("DELETE FROM spans WHERE uid = ?", (uid,)).rowcount:
                raise AnnotateError(f"no span {uid}")
        return Changes(spans_removed=(uid,), relations_removed=relations)

    def get(self, uid: str) -> Span:
        row = self._store.conn.execute(
            'SELECT d.uid, s.uid, s.annotator, s.label, s.start, s."end", s.attrs, s.origin'
            " FROM spans s JOIN documents d ON d.position = s.document WHERE s.uid = ?",
            (uid,),
        ).fetchone()
        if row is None:
            raise AnnotateError(f"no span {uid}")
        return _span(row[0], row[1:])

    def exists(self, uid: str) -> bool:
        return _has_uid(self._store, "spans", uid)

    def find(self, document: str, annotator: str, label: str, start: int, end: int) -> str | None:
        row = self._store.conn.execute(
            f"SELECT uid FROM spans WHERE document = {DOCUMENT_NUMBER} AND annotator = ?"
            " AND label = ?"
            ' AND start = ? AND "end" = ?',
            (document, annotator, label, start, end),
        ).fetchone()
        return str(row[0]) if row else None

    def for_document(self, document: str, annotator: str | None = None) -> list[Span]:
        return self._select(document, annotator, "", (), 'ORDER BY start, "end" DESC, label')

    def overlapping(
        self, document: str, start: int, end: int, annotator: str | None = None
    ) -> list[Span]:
        """Spans sharing a character with [start, end), in no particular order."""
        return self._select(document, annotator, 'AND start < ? AND "end" > ?', (end, start))

    def starting_in(
        self, document: str, start: int, end: int, annotator: str | None = None
    ) -> list[Span]:
        """Spans whose first character lies in [start, end), in no particular order."""
        return self._select(document, annotator, "AND start >= ? AND start < ?", (start, end))

    def _select(
        self,
        document: str,
        annotator: str | None,
        condition: str,
        values: tuple[int, ...],
        order: str = "",
    ) -> list[Span]:
        if annotator is not None:
            condition += " AND annotator = ?"
        params = (document, *values, *((annotator,) if annotator is not None else ()))
        query = (
            f"SELECT {SPAN_FIELDS} FROM spans WHERE document = {DOCUMENT_NUMBER}"
            f" {condition} {order}"
        )
        return [_span(document, row) for row in self._store.conn.execute(query, params)]


class Relations:
    def __init__(self, store: Store, labels: Labels, spans: Spans) -> None:
        self._store = store
        self._labels = labels
        self._spans = spans

    def add(
        self, label: str, head: str, tail: str, origin: Origin = "manual", uid: str | None = None
    ) -> Changes:
        """Link two spans of one layer, as the schema allows for this relation label."""
        relation = self._labels.relation_label(label)
        if relation is None:
            raise InputError(f"unknown relation label {label!r}", field="label")
        head_span, tail_span = self._spans.get(head), self._spans.get(tail)
        if not relation.allows(head_span.label, tail_span.label):
            raise InputError(
                f"{label} cannot link {head_span.label} to {tail_span.label}", field="label"
            )
        uid = uid or new_uid()
        stamp = now()
        with self._store.write() as conn:
            try:
                conn.execute(INSERT_RELATION, (uid, label, head, tail, origin, stamp, stamp))
            except sqlite3.IntegrityError as error:
                raise _relation_error(error, label) from error
        return Changes(relations_added=(uid,))

    def add_checked(self, rows: list[RelationRow]) -> None:
        """Write relations checked beforehand as ``add`` checks them (a known label that
        allows their spans' labels, two spans of one layer, not there yet, a uid not in
        use), in one statement within the caller's transaction."""
        with self._store.bulk_write() as conn:
            conn.executemany(INSERT_RELATION, rows)

    def in_layer(self, document: str, annotator: str) -> set[tuple[str, str, str]]:
        """(label, head, tail) of one annotator's relations in one document."""
        query = (
            "SELECT r.label, r.head, r.tail FROM relations r JOIN spans s ON s.uid = r.head"
            f" WHERE s.document = {DOCUMENT_NUMBER} AND s.annotator = ?"
        )
        return {
            (str(label), str(head), str(tail))
            for label, head, tail in self._store.conn.execute(query, (document, annotator))
        }

    def taken(self, uids: Iterable[str]) -> set[str]:
        """Those of these uids that relations already have."""
        return _taken(self._store, "relations", uids)

    def remove(self, uid: str) -> Changes:
        with self._store.write() as conn:
            if not conn.execute("DELETE FROM relations WHERE uid = ?", (uid,)).rowcount:
                raise AnnotateError(f"no relation {uid}")
        return Changes(relations_removed=(uid,))

    def get(self, uid: str) -> Relation:
        row = self._store.conn.execute(
            "SELECT uid, label, head, tail, origin FROM relations WHERE uid = ?", (uid,)
        ).fetchone()
        if row is None:
            raise AnnotateError(f"no relation {uid}")
        return Relation(*row)

    def exists(self, uid: str) -> bool:
        return _has_uid(self._store, "relations", uid)

    def find(self, label: str, head: str, tail: str) -> str | None:
        row = self._store.conn.execute(
            "SELECT uid FROM relations WHERE label = ? AND head = ? AND tail = ?",
            (label, head, tail),
        ).fetchone()
        return str(row[0]) if row else None

    def touching(self, span: str) -> list[Relation]:
        """The relations a span is the head or the tail of."""
        return [
            Relation(*row)
            for row in self._store.conn.execute(
                "SELECT uid, label, head, tail, origin FROM relations WHERE head = ? OR tail = ?",
                (span, span),
            )
        ]

    def with_heads(self, heads: Iterable[str]) -> list[Relation]:
        """The relations that start at any of these spans."""
        return [
            Relation(*row)
            for row in self._store.conn.execute(
                "SELECT uid, label, head, tail FROM relations"
                " WHERE head IN (SELECT value FROM json_each(?))",
                (json.dumps(list(heads)),),
            )
        ]

    def for_document(self, document: str, annotator: str | None = None) -> list[Relation]:
        where, params = f"s.document = {DOCUMENT_NUMBER}", [document]
        if annotator is not None:
            where, params = where + " AND s.annotator = ?", [*params, annotator]
        return [
            Relation(*row)
            for row in self._store.conn.execute(
                "SELECT r.uid, r.label, r.head, r.tail FROM relations r"
                f" JOIN spans s ON s.uid = r.head WHERE {where} ORDER BY r.uid",
                params,
            )
        ]


def check_span_fields(
    definition: SpanLabel | None,
    label: str,
    start: int,
    end: int,
    attrs: dict[str, Any],
    origin: str,
) -> None:
    """Refuse a span the database would refuse, with a message that names the field."""
    if definition is None:
        raise InputError(f"unknown label {label!r}", field="label")
    if type(start) is not int or type(end) is not int:
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise InputError(f"expected an integer offset, got {value!r}", field=name)
    if start < 0:
        raise InputError(f"start {start} is negative", field="start")
    if start >= end:
        raise InputError(f"end {end} must be greater than start {start}", field="end")
    if origin not in ORIGINS:
        raise InputError(f"origin must be one of {', '.join(ORIGINS)}", field="origin")
    for name, choices in definition.attributes.items() if attrs else ():
        if name in attrs and attrs[name] not in choices:
            raise InputError(
                f"{label} {name} must be one of {', '.join(choices)}, not {attrs[name]!r}",
                field=f"attrs.{name}",
            )


def _span_error(error: sqlite3.IntegrityError, label: str, start: int, end: int) -> AnnotateError:
    message = str(error)
    if "UNIQUE" in message and "spans.uid" in message:
        return InputError("a span with this id already exists", field="id")
    if "UNIQUE" in message:
        return InputError(
            f"this annotator already has a {label} span at {start}-{end}", field="label"
        )
    if "beyond the document" in message:
        return InputError(f"end {end} is beyond the end of the text", field="end")
    if "FOREIGN KEY" in message or "NOT NULL constraint failed: spans.document" in message:
        return InputError("the document does not exist", field="document")
    return InputError(message)


def _relation_error(error: sqlite3.IntegrityError, label: str) -> AnnotateError:
    message = str(error)
    if "UNIQUE" in message and "relations.uid" in message:
        return InputError("a relation with this id already exists", field="id")
    if "UNIQUE" in message:
        return InputError(f"this {label} relation already exists", field="label")
    if "CHECK" in message:
        return InputError("a relation cannot link a span to itself", field="tail")
    return InputError(message)


def _taken(store: Store, table: str, uids: Iterable[str]) -> set[str]:
    query = f"SELECT uid FROM {table} WHERE uid IN (SELECT value FROM json_each(?))"
    return {str(row[0]) for row in store.conn.execute(query, (json.dumps(list(uids)),))}


def _has_uid(store: Store, table: str, uid: str) -> bool:
    query = f"SELECT 1 FROM {table} WHERE uid = ?"  # table is one of ours, never input
    return store.conn.execute(query, (uid,)).fetchone() is not None


def _span(document: str, row: tuple[Any, ...]) -> Span:
    uid, annotator, label, start, end, attrs, origin = row
    attributes = {} if attrs == "{}" else json.loads(attrs)  # most spans have none
    return Span(uid, document, annotator, label, start, end, attributes, origin)


def to_json(attrs: dict[str, Any]) -> str:
    """Attribute values as a span stores them."""
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True) if attrs else "{}"
