"""Documents: immutable texts identified by the sha256 of their stored text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from annotate.corpus_scan import search_entry
from annotate.errors import AnnotateError, InputError
from annotate.labels import Annotators
from annotate.model import STATUSES, Changes, Document, DocumentSummary, Status, now
from annotate.store import Store
from annotate.text import default_title, document_uid, normalise_stored_text

MIN_UID_PREFIX = 6
INDEX_CHUNK = 500  # documents whose search entries are made and written together
QUERY_CHUNK = 500  # bound parameters per query, well under SQLite's limit


class Documents:
    def __init__(self, store: Store, annotators: Annotators) -> None:
        self._store = store
        self._annotators = annotators

    def add(self, text: str, title: str = "", meta: dict[str, Any] | None = None) -> Changes:
        """Store a document unless the same text is already there."""
        stored = normalise_stored_text(text)
        check_document_text(stored)
        return self.add_stored([(document_uid(stored), stored, title, meta or {})])

    def add_stored(self, documents: Iterable[tuple[str, str, str, dict[str, Any]]]) -> Changes:
        """Store (uid, text, title, meta) documents not already there, in one transaction.

        The texts are already as stored (normalised and checked, as import records are)
        and each uid is its text's ``document_uid``; ``annotate check`` verifies both.
        """
        with self._store.write() as conn:
            return Changes(documents_added=tuple(self._insert(conn, documents)))

    def add_in_bulk(
        self, documents: Iterable[tuple[str, str, str, dict[str, Any]]]
    ) -> dict[str, int]:
        """``add_stored`` within the caller's transaction (see ``Store.bulk_write``): the
        list number of each document added, in the order added."""
        with self._store.bulk_write() as conn:
            return self._insert(conn, documents)

    def _insert(
        self, conn: sqlite3.Connection, documents: Iterable[tuple[str, str, str, dict[str, Any]]]
    ) -> dict[str, int]:
        rows: dict[str, tuple[str, str, str]] = {}
        for uid, text, title, meta in documents:
            title = title.strip() or default_title(text)
            rows.setdefault(uid, (text, title, json.dumps(meta, ensure_ascii=False)))
        for uid in self._present(list(rows)):
            del rows[uid]
        first = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM documents")
        position = int(first.fetchone()[0])
        stamp = now()
        conn.executemany(
            "INSERT INTO documents (uid, position, title, text, char_count, meta, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (uid, position + i, title, text, len(text), meta, stamp)
                for i, (uid, (text, title, meta)) in enumerate(rows.items())
            ),
        )
        texts = [text for text, _, _ in rows.values()]
        for chunk in range(0, len(texts), INDEX_CHUNK):
            _index(conn, position + chunk, texts[chunk : chunk + INDEX_CHUNK])
        return {uid: position + i for i, uid in enumerate(rows)}

    def _present(self, uids: list[str]) -> set[str]:
        return set(self.positions(uids))

    def positions(self, uids: list[str]) -> dict[str, int]:
        """The list number of each of these documents that the project holds."""
        found: dict[str, int] = {}
        for chunk in range(0, len(uids), QUERY_CHUNK):
            batch = uids[chunk : chunk + QUERY_CHUNK]
            marks = ", ".join("?" * len(batch))
            query = f"SELECT uid, position FROM documents WHERE uid IN ({marks})"
            found.update((str(uid), int(at)) for uid, at in self._store.conn.execute(query, batch))
        return found

    def last_position(self) -> int:
        """The list number of the last document (0 in an empty project)."""
        query = "SELECT coalesce(max(position), 0) FROM documents"
        return int(self._store.conn.execute(query).fetchone()[0])

    def get(self, uid: str) -> Document:
        row = self._store.conn.execute(
            "SELECT uid, position, title, text, meta FROM documents WHERE uid = ?", (uid,)
        ).fetchone()
        if row is None:
            raise AnnotateError(f"no document {uid}")
        return Document(row[0], row[1], row[2], row[3], json.loads(row[4]))

    def exists(self, uid: str) -> bool:
        query = "SELECT 1 FROM documents WHERE uid = ?"
        return self._store.conn.execute(query, (uid,)).fetchone() is not None

    def count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def summaries(self, annotator: str | None = None) -> list[DocumentSummary]:
        """Every document with its span count and statuses: everyone's, or one annotator's
        (what an analyst annotating blind may see)."""
        conn = self._store.conn
        where, params = ("WHERE annotator = ?", (annotator,)) if annotator else ("", ())
        span_counts = dict(  # by document number
            conn.execute(f"SELECT document, count(*) FROM spans {where} GROUP BY document", params)
        )
        statuses: dict[str, dict[str, Status]] = {}
        for document, name, status in conn.execute(
            f"SELECT document, annotator, status FROM document_status {where} ORDER BY annotator",
            params,
        ):
            statuses.setdefault(document, {})[name] = status
        return [
            DocumentSummary(
                uid, position, title, chars, span_counts.get(position, 0), statuses.get(uid, {})
            )
            for uid, position, title, chars in conn.execute(
                "SELECT uid, position, title, char_count FROM documents ORDER BY position"
            )
        ]

    def resolve(self, ref: str) -> str:
        """A document's uid from its uid, a unique prefix of it, or its list number."""
        conn = self._store.conn
        if ref.isascii() and ref.isdigit() and len(ref) < MIN_UID_PREFIX:
            row = conn.execute("SELECT uid FROM documents WHERE position = ?", (int(ref),))
            found = row.fetchone()
            if not found:
                raise AnnotateError(f"no document number {ref}")
            return str(found[0])
        prefix = ref.lower()
        if len(prefix) < MIN_UID_PREFIX:
            raise AnnotateError(
                f"no document {ref!r}: give a number from `list`, or at least "
                f"{MIN_UID_PREFIX} characters of a uid"
            )
        if any(c not in "0123456789abcdef" for c in prefix):
            raise AnnotateError(f"no document {ref!r}: give a number from `list`, or a uid")
        matches = [
            str(row[0])
            for row in conn.execute(
                "SELECT uid FROM documents WHERE uid >= ? AND uid < ? LIMIT 2",
                (prefix, prefix + "g"),
            )
        ]
        if not matches:
            raise AnnotateError(f"no document {ref!r}")
        if len(matches) > 1:
            raise AnnotateError(f"{ref!r} matches several documents; give more of the uid")
        return matches[0]

    def find(self, ref: str) -> str:
        """A document's uid from its list number, its title, its uid or a unique prefix of
        it (what a team lead names documents by)."""
        if ref.isascii() and ref.isdigit() and len(ref) < MIN_UID_PREFIX:
            return self.resolve(ref)
        titled = self._store.conn.execute(
            "SELECT uid, position FROM documents WHERE title = ? ORDER BY position", (ref,)
        ).fetchall()
        if len(titled) > 1:
            numbers = ", ".join(str(position) for _, position in titled)
            raise AnnotateError(
                f"{ref!r} is the title of {len(titled)} documents ({numbers}): give the number"
            )
        if titled:
            return str(titled[0][0])
        if len(ref) >= MIN_UID_PREFIX and all(c in "0123456789abcdef" for c in ref.lower()):
            return self.resolve(ref)
        raise AnnotateError(
            f"no document {ref!r}: give its number or its title as `annotate list` shows"
            f" them, or at least {MIN_UID_PREFIX} characters of its uid"
        )

    def set_status(self, document: str, annotator: str, status: Status) -> Changes:
        if status not in STATUSES:
            raise AnnotateError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        with self._store.write() as conn:
            changes = self._annotators.ensure(annotator)
            conn.execute(
                "INSERT INTO document_status (document, annotator, status, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (document, annotator)"
                " DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                (document, annotator, status, now()),
            )
        return changes + Changes(statuses_changed=((document, annotator),))

    def status(self, document: str, annotator: str) -> Status:
        row = self._store.conn.execute(
            "SELECT status FROM document_status WHERE document = ? AND annotator = ?",
            (document, annotator),
        ).fetchone()
        return row[0] if row else "new"


def check_document_text(stored: str) -> None:
    if not stored or stored.isspace():
        raise InputError("the text is empty", field="text")
    if "\x00" in stored:
        raise InputError(
            f"the text contains a NUL character at offset {stored.index(chr(0))}", field="text"
        )


def _index(conn: sqlite3.Connection, position: int, texts: list[str]) -> None:
    """The search index's entries of documents from `position` on (a chunk at a time, so
    that an import holds no second copy of the whole corpus)."""
    entries = [(position + i, *search_entry(text)) for i, text in enumerate(texts)]
    conn.executemany(
        "INSERT INTO search_index (rowid, body) VALUES (?, ?)",
        ((at, normalised) for at, normalised, _, _ in entries),
    )
    conn.executemany(
        "INSERT INTO search_entries (position, removals, checksum) VALUES (?, ?, ?)",
        ((at, removed, checksum) for at, _, removed, checksum in entries),
    )
