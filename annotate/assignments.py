"""Which documents a team lead gave to which analyst."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotate.annotations import DOCUMENT_NUMBER
from annotate.documents import Documents
from annotate.errors import AnnotateError, InputError
from annotate.labels import Annotators
from annotate.model import GOLD_ANNOTATOR, Changes, now
from annotate.names import checked_name
from annotate.store import Store

CURRENT = (
    "SELECT d.uid, a.annotator, a.changed_by, a.changed_at FROM assignments a"
    " JOIN documents d ON d.position = a.document WHERE a.assigned = 1"
)


@dataclass(frozen=True)
class Assignment:
    document: str  # the document's uid
    annotator: str
    assigned_by: str  # empty when not known
    assigned_at: str


@dataclass(frozen=True)
class Outcome:
    """What assigning (or withdrawing) changed: the documents it changed, and the ones
    that were already so."""

    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    changes: Changes


class Assignments:
    def __init__(self, store: Store, documents: Documents, annotators: Annotators) -> None:
        self._store = store
        self._documents = documents
        self._annotators = annotators

    def assign(
        self, documents: Sequence[str], annotator: str, by: str = "", new_annotator: bool = False
    ) -> Outcome:
        """Give the documents (uids) to the analyst, in one transaction. A name the project
        does not know is refused unless ``new_annotator``: a typo would make a new analyst."""
        self._check(documents, annotator, by, new_annotator)
        with self._store.write():
            changes = self._annotators.ensure(annotator) if new_annotator else Changes()
            outcome = self._set(documents, annotator, 1, by)
        return Outcome(outcome.changed, outcome.unchanged, changes + outcome.changes)

    def unassign(self, documents: Sequence[str], annotator: str, by: str = "") -> Outcome:
        """Take the documents back from the analyst; the withdrawal is kept (for merges)."""
        self._check(documents, annotator, by, new_annotator=False)
        with self._store.write():
            return self._set(documents, annotator, 0, by)

    def _check(
        self, documents: Sequence[str], annotator: str, by: str, new_annotator: bool
    ) -> None:
        if not annotator.strip():
            raise InputError("an analyst needs a name", field="annotator")
        checked_name(annotator, "annotator")
        checked_name(by, "by")
        if annotator == GOLD_ANNOTATOR:
            raise InputError(
                f"{GOLD_ANNOTATOR!r} is the reviewed layer, not an analyst: assign documents"
                " to the analysts who annotate them",
                field="annotator",
            )
        known = self._annotators.names()
        if annotator not in known and not new_annotator:
            others = ", ".join(name for name in known if name != GOLD_ANNOTATOR) or "none yet"
            raise InputError(
                f"no annotator {annotator!r} in {self._store.path.name} (its annotators:"
                f" {others}); check the name, or add a new analyst with --add-annotator",
                field="annotator",
            )
        missing = [uid for uid in documents if not self._documents.exists(uid)]
        if missing:
            raise AnnotateError(f"no document {missing[0]}")

    def _set(self, documents: Sequence[str], annotator: str, assigned: int, by: str) -> Outcome:
        conn = self._store.conn
        changed, unchanged = [], []
        stamp = now()
        for uid in dict.fromkeys(documents):  # each once, in the order given
            row = conn.execute(
                f"SELECT assigned FROM assignments WHERE document = {DOCUMENT_NUMBER}"
                " AND annotator = ?",
                (uid, annotator),
            ).fetchone()
            if (row[0] if row else 0) == assigned:
                unchanged.append(uid)
                continue
            conn.execute(
                "INSERT INTO assignments (document, annotator, assigned, changed_by, changed_at)"
                f" VALUES ({DOCUMENT_NUMBER}, ?, ?, ?, ?) ON CONFLICT (document, annotator)"
                " DO UPDATE SET assigned = excluded.assigned, changed_by = excluded.changed_by,"
                " changed_at = excluded.changed_at",
                (uid, annotator, assigned, by, stamp),
            )
            changed.append(uid)
        done = Changes(assignments_changed=tuple((uid, annotator) for uid in changed))
        return Outcome(tuple(changed), tuple(unchanged), done)

    def current(self) -> list[Assignment]:
        """Every document given to an analyst now, in the list's order, then by name."""
        query = f"{CURRENT} ORDER BY a.document, a.annotator"
        return [Assignment(*row) for row in self._store.conn.execute(query)]

    def queue(self, annotator: str) -> list[str]:
        """The documents given to the analyst that they have not marked done, in the
        list's order (uids)."""
        query = (
            f"{CURRENT} AND a.annotator = ? AND NOT EXISTS (SELECT 1 FROM document_status s"
            " WHERE s.document = d.uid AND s.annotator = a.annotator AND s.status = 'done')"
            " ORDER BY a.document"
        )
        return [str(row[0]) for row in self._store.conn.execute(query, (annotator,))]

    def given_to(self, annotator: str) -> list[str]:
        """The documents given to the analyst, in the list's order (uids)."""
        query = f"{CURRENT} AND a.annotator = ? ORDER BY a.document"
        return [str(row[0]) for row in self._store.conn.execute(query, (annotator,))]
