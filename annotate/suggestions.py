"""Suggestions: spans proposed to an analyst, kept apart from the spans themselves.

A model, the project's known mentions (annotate.gazetteer) or an imported file proposes
them; nothing that reads spans (export, agreement, review, merge, search, progress) sees
one. Each analyst decides one for themselves: accepts it, and it becomes their span of
origin "suggested", whose uid the decision keeps, or rejects it; another analyst's decision
changes nothing for them. The counts per label tell whether a source is worth its while.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, NamedTuple

from annotate.annotations import DOCUMENT_NUMBER, check_span_fields, new_uid, to_json
from annotate.errors import AnnotateError, InputError
from annotate.labels import Labels
from annotate.model import Changes, now
from annotate.store import Store

State = Literal["open", "accepted", "rejected"]
GAZETTEER_SOURCE = "gazetteer"
MODEL_SOURCE = "model:"  # and the model's folder name
IMPORT_SOURCE = "import:"  # and the file's name
DECISIONS = ("accepted", "rejected")
OUTCOMES = ("open", "accepted", "corrected", "rejected")  # what `stats` counts per label
Stats = dict[str, dict[str, int]]
# A suggestion and its decisions (JSON), read in the query that reads the suggestion
SUGGESTION_FIELDS = 'g.uid, d.uid, g.label, g.start, g."end", g.attrs, g.source, g.score,'
SUGGESTION_FIELDS += " (SELECT json_group_array(json_array(x.annotator, x.state, x.span,"
SUGGESTION_FIELDS += " x.decided_at)) FROM suggestion_decisions x WHERE x.suggestion = g.uid)"
FROM_SUGGESTIONS = "FROM suggestions g JOIN documents d ON d.position = g.document"
INSERT_SUGGESTION = (
    'INSERT INTO suggestions (uid, document, label, start, "end", attrs, source, score,'
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_DECISION = (
    "INSERT INTO suggestion_decisions (suggestion, annotator, state, span, decided_at)"
    " VALUES (?, ?, ?, ?, ?)"
)
# A suggestion `g` nobody (or, with the condition on x.annotator, one analyst) has decided
UNDECIDED = "NOT EXISTS (SELECT 1 FROM suggestion_decisions x WHERE x.suggestion = g.uid{by})"
# What became of an acceptance `x` of suggestion `g`: its span `s` as it was made, or
# changed since
OUTCOME = """
    CASE WHEN x.state <> 'accepted' THEN x.state
    WHEN s.uid IS NULL OR s.label <> g.label OR s.start <> g.start OR s."end" <> g."end"
    THEN 'corrected' ELSE 'accepted' END
"""


class Candidate(NamedTuple):
    """A span proposed for a document: offsets into its stored text."""

    label: str
    start: int
    end: int
    score: float | None = None
    attrs: dict[str, Any] = {}  # noqa: RUF012  # shared by candidates, never changed


class Decision(NamedTuple):
    """One analyst's decision on a suggestion."""

    annotator: str
    state: State  # "accepted" or "rejected"
    span: str  # the span accepting it made; "" for a rejection
    decided_at: str


class Suggestion(NamedTuple):
    uid: str
    document: str  # the document's uid
    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    source: str  # who proposed it: "model:<folder>", "gazetteer", "import:<file>"
    score: float | None
    decisions: tuple[Decision, ...] = ()  # by the analysts' names; none while open

    def decision_of(self, annotator: str) -> Decision | None:
        """This analyst's decision, if they made one."""
        return next((d for d in self.decisions if d.annotator == annotator), None)

    def decided_by(self, state: State) -> list[str]:
        """The analysts who accepted (or rejected) it, by name."""
        return [decision.annotator for decision in self.decisions if decision.state == state]


class Suggestions:
    """The suggestions of a project; writes run in the caller's transaction, if any."""

    def __init__(self, store: Store, labels: Labels) -> None:
        self._store = store
        self._labels = labels

    def add(self, document: str, candidates: Iterable[Candidate], source: str) -> Changes:
        """Candidates for a document, checked and written all or nothing (see `write`)."""
        added = self.write(document, candidates, source)
        return Changes(suggestions_changed=(document,)) if added else Changes()

    def write(self, document: str, candidates: Iterable[Candidate], source: str) -> int:
        """How many of the candidates were written. Each is checked first (a label the
        schema offers, offsets within the text, a number or nothing as its score): one bad
        candidate writes none. One the document already has a suggestion like (same label
        and bounds, from any source, open or decided) is skipped: an analyst is not asked
        twice."""
        if not isinstance(source, str) or not source.strip():
            raise InputError("a suggestion needs a source", field="source")
        number, length = self._document(document)
        checked = [self.check(candidate, length) for candidate in candidates]
        present = self._bounds(number)
        rows = []
        stamp = now()
        for label, start, end, score, attrs in checked:
            if (label, start, end) not in present:
                present.add((label, start, end))
                rows.append((new_uid(), number, label, start, end, attrs, source, score, stamp))
        with self._store.write() as conn:
            conn.executemany(INSERT_SUGGESTION, rows)
        return len(rows)

    def check(self, candidate: Candidate, length: int) -> tuple[str, int, int, float | None, str]:
        """A candidate as a suggestion stores it (label, start, end, score, attributes as
        JSON), refused with the field at fault when the project could not take it as a
        span in a text of `length` characters."""
        label, start, end, score, attrs = candidate
        definition = self._labels.offered(label) if isinstance(label, str) else None
        if not isinstance(attrs, dict):
            raise InputError("expected an object of attribute values", field="attrs")
        check_span_fields(definition, label, start, end, attrs, "suggested")
        if end > length:
            raise InputError(f"end {end} is beyond the end of the text ({length})", field="end")
        return label, start, end, _score(score), to_json(attrs)

    def get(self, uid: str) -> Suggestion:
        query = f"SELECT {SUGGESTION_FIELDS} {FROM_SUGGESTIONS} WHERE g.uid = ?"
        row = self._store.conn.execute(query, (uid,)).fetchone()
        if row is None:
            raise AnnotateError(f"no suggestion {uid}")
        return suggestion_from_row(row)

    def open_for(self, document: str, annotator: str) -> list[Suggestion]:
        """The suggestions of a document the annotator has not decided (whatever other
        analysts decided), by (start, end), but those a span of the annotator's with the
        same label overlaps: accepting one would mark the name twice (ترامب suggested where
        the analyst has دونالد ترامب, or كندا beside their وكندا)."""
        undecided = UNDECIDED.format(by=" AND x.annotator = ?")
        query = (
            f"SELECT {SUGGESTION_FIELDS} {FROM_SUGGESTIONS}"
            f" WHERE g.document = {DOCUMENT_NUMBER} AND {undecided} AND NOT EXISTS ("
            " SELECT 1 FROM spans s WHERE s.document = g.document AND s.annotator = ?"
            ' AND s.label = g.label AND s.start < g."end" AND g.start < s."end")'
            ' ORDER BY g.start, g."end", g.label'
        )
        rows = self._store.conn.execute(query, (document, annotator, annotator))
        return [suggestion_from_row(row) for row in rows]

    def count_open(self, document: str | None = None, source: str | None = None) -> int:
        """How many suggestions nobody has decided (of a document, of a source, or all)."""
        where, params = _where(document, source)
        query = f"SELECT count(*) FROM suggestions g WHERE {UNDECIDED.format(by='')}{where}"
        return int(self._store.conn.execute(query, params).fetchone()[0])

    def decide(self, uid: str, state: State, annotator: str, span: str = "") -> Changes:
        """A suggestion the annotator has not decided yet accepted by them (with the uid of
        the span made of it) or rejected by them."""
        if state not in DECISIONS:
            raise InputError(f"a decision is {' or '.join(DECISIONS)}", field="state")
        if not annotator.strip():
            raise InputError("a decision needs the name of who made it", field="annotator")
        suggestion = self.get(uid)
        earlier = suggestion.decision_of(annotator)
        if earlier is not None:
            raise InputError(
                f"the suggestion is already {earlier.state} by {annotator}", field="state"
            )
        with self._store.write() as conn:
            conn.execute(INSERT_DECISION, (uid, annotator, state, span, now()))
        return Changes(suggestions_changed=(suggestion.document,))

    def reopen(self, uid: str, annotator: str) -> Changes:
        """The annotator's decision on a suggestion taken back: open for them again, as it
        was before; other analysts' decisions stay."""
        document = self.get(uid).document
        with self._store.write() as conn:
            conn.execute(
                "DELETE FROM suggestion_decisions WHERE suggestion = ? AND annotator = ?",
                (uid, annotator),
            )
        return Changes(suggestions_changed=(document,))

    def clear(self, document: str | None = None, source: str | None = None) -> Changes:
        """Remove the suggestions nobody has decided (of a document, of a source, or all);
        one an analyst decided stays, with its decisions, for the statistics."""
        where, params = _where(document, source)
        condition = f"{UNDECIDED.format(by='')}{where}"
        with self._store.write() as conn:
            touched = conn.execute(
                f"SELECT DISTINCT d.uid {FROM_SUGGESTIONS} WHERE {condition}", params
            ).fetchall()
            conn.execute(
                f"DELETE FROM suggestions WHERE uid IN (SELECT g.uid FROM suggestions g"
                f" WHERE {condition})",
                params,
            )
        return Changes(suggestions_changed=tuple(str(uid) for (uid,) in touched))

    def stats(self, annotator: str | None = None) -> Stats:
        """Per label, in the schema's order: decisions accepted (their span as it was made),
        corrected (accepted under another label, or their span relabelled, resized or
        deleted since) and rejected, every analyst's (two analysts accepting a suggestion
        count twice), and the suggestions open: decided by nobody. Given `annotator`, only
        their decisions count, and open is what they have not decided."""
        by = "" if annotator is None else " AND x.annotator = ?"
        params = () if annotator is None else (annotator, annotator)
        query = (
            f"SELECT g.label, 'open', count(*) FROM suggestions g"
            f" WHERE {UNDECIDED.format(by=by)} GROUP BY 1"
            f" UNION ALL SELECT g.label, {OUTCOME}, count(*) FROM suggestion_decisions x"
            " JOIN suggestions g ON g.uid = x.suggestion LEFT JOIN spans s ON s.uid = x.span"
            f" WHERE true{by} GROUP BY 1, 2"
        )
        counted: Stats = {}
        for label, outcome, count in self._store.conn.execute(query, params):
            counted.setdefault(label, dict.fromkeys(OUTCOMES, 0))[outcome] = count
        order = {label.name: n for n, label in enumerate(self._labels.schema().labels)}
        return {label: counted[label] for label in sorted(counted, key=lambda n: order.get(n, -1))}

    def _document(self, document: str) -> tuple[int, int]:
        row = self._store.conn.execute(
            "SELECT position, char_count FROM documents WHERE uid = ?", (document,)
        ).fetchone()
        if row is None:
            raise InputError(f"no document {document} in the project", field="document")
        return int(row[0]), int(row[1])

    def _bounds(self, number: int) -> set[tuple[str, int, int]]:
        """(label, start, end) of every suggestion of a document, open or decided."""
        query = 'SELECT label, start, "end" FROM suggestions WHERE document = ?'
        return set(self._store.conn.execute(query, (number,)).fetchall())


def _score(score: object) -> float | None:
    if score is None:
        return None
    if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
        shown = json.dumps(score, ensure_ascii=False, default=str)[:40]
        raise InputError(f"expected a number or nothing, got {shown}", field="score")
    return float(score)


def _where(document: str | None, source: str | None) -> tuple[str, tuple[str, ...]]:
    """The conditions on suggestions `g` of one document and one source, where given."""
    conditions = {f"g.document = {DOCUMENT_NUMBER}": document, "g.source = ?": source}
    given = {condition: value for condition, value in conditions.items() if value is not None}
    return "".join(f" AND {condition}" for condition in given), tuple(given.values())


def suggestion_from_row(row: tuple[Any, ...]) -> Suggestion:
    """A row of SUGGESTION_FIELDS as a Suggestion."""
    uid, document, label, start, end, attrs, source, score, decided = row
    attributes = {} if attrs == "{}" else json.loads(attrs)
    decisions = () if decided == "[]" else tuple(sorted(Decision(*d) for d in json.loads(decided)))
    return Suggestion(uid, document, label, start, end, attributes, source, score, decisions)


def model_source(model_dir: Path) -> str:
    """The source a model's suggestions are stored with: its folder's name."""
    return MODEL_SOURCE + model_dir.resolve().name
