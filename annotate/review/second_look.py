"""A second look: where a trained model confidently reads a document otherwise than its
analysts (gold apart) did.

Only documents an analyst has worked on count (a span there, or marked in progress or
done): in one nobody has opened, everything a model finds would be a "miss" of nobody's.

A *possible miss* is a confident suggestion that no analyst's span of its label overlaps,
and that no analyst's span of another label competes with (the same bounds, or across
them): that span is listed instead. A *possible error* is an analyst's span that a
confident suggestion competes with: one of the same label with other bounds, or, when the
analyst has no span of the suggestion's label there, one of another label with the same
bounds or across them. A span of another label that holds the suggestion, or that it
holds, is not an error: nested spans are the schema's (a PERSON in a QUOTE, a GPE in an
ORG); the suggestion may be a miss then.

Which suggestions count: a trained model's ("model:...") and imported predictions
("import:..."), not the gazetteer's, which are the analysts' own mentions again; whatever
the analysts decided of it (open, accepted or rejected by some), since a rejection is one
analyst's reading, and the reviewer looks again; with a score of at least the threshold, or none:
the entity recogniser `annotate train` makes gives no score (nor do most imported files),
its output being its one best reading, and without it a model's outermost spans, most of
what it proposes, would never count.

Every place of a document or of the whole project comes from one query.
"""

from __future__ import annotations

import math
from typing import Any, Literal, NamedTuple

from annotate.errors import InputError
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.suggestions import (
    IMPORT_SOURCE,
    MODEL_SOURCE,
    SUGGESTION_FIELDS,
    Suggestion,
    suggestion_from_row,
)

Kind = Literal["miss", "error"]
DEFAULT_MIN_SCORE = 0.8
MODEL_SOURCES = (MODEL_SOURCE + "*", IMPORT_SOURCE + "*")  # GLOB patterns: case matters
ONE_DOCUMENT = "AND g.document = (SELECT position FROM documents WHERE uid = ?)"

# {document} in the queries: ONE_DOCUMENT, or nothing for the whole project
WORKED_ON = f"""(
    EXISTS (SELECT 1 FROM spans s WHERE s.document = g.document
        AND s.annotator <> '{GOLD_ANNOTATOR}')
    OR EXISTS (SELECT 1 FROM document_status t JOIN documents d ON d.uid = t.document
        WHERE d.position = g.document AND t.annotator <> '{GOLD_ANNOTATOR}'
        AND t.status <> 'new')
)"""
CONFIDENT = f"""
confident AS MATERIALIZED (
    SELECT g.rowid AS id, g.document, g.label, g.start, g."end" FROM suggestions g
    WHERE ({" OR ".join("g.source GLOB ?" for _ in MODEL_SOURCES)})
    AND (g.score IS NULL OR g.score >= ?) {{document}} AND {WORKED_ON}
)
"""
DISAGREEING = f"""
reach AS MATERIALIZED (
    SELECT document, max("end" - start) AS longest FROM spans
    WHERE document IN (SELECT document FROM confident) GROUP BY document
),
near AS MATERIALIZED (
    SELECT c.id, s.uid AS span, s.annotator, s.label, s.start, s."end",
    s.label = c.label AS same_label,
    s.start = c.start AND s."end" = c."end" AS same_bounds,
    (s.start = c.start AND s."end" = c."end") OR (s.start <> c.start AND s."end" <> c."end"
    AND (s.start < c.start) = (s."end" < c."end")) AS competes
    FROM confident c JOIN reach r ON r.document = c.document
    JOIN spans s ON s.document = c.document AND s.start >= c.start - r.longest
    AND s.start < c."end" AND s."end" > c.start
    WHERE s.annotator <> '{GOLD_ANNOTATOR}'
),
places AS (
    SELECT c.id, 'miss' AS kind, c.document, c.start, c."end", c.label,
    '' AS annotator, '' AS span FROM confident c
    WHERE NOT EXISTS (
        SELECT 1 FROM near n WHERE n.id = c.id AND (n.same_label OR n.competes))
    UNION ALL
    SELECT n.id, 'error', c.document, n.start, n."end", n.label, n.annotator, n.span
    FROM near n JOIN confident c ON c.id = n.id
    WHERE (n.same_label AND NOT n.same_bounds AND NOT EXISTS (
        SELECT 1 FROM near m WHERE m.id = n.id AND m.annotator = n.annotator
        AND m.same_label AND m.same_bounds))
    OR (NOT n.same_label AND n.competes AND NOT EXISTS (
        SELECT 1 FROM near m WHERE m.id = n.id AND m.annotator = n.annotator
        AND m.same_label))
)
"""
PLACES = f"""
WITH {CONFIDENT}, {DISAGREEING}
SELECT p.kind, d.position, p.start, p."end", p.label, p.annotator, p.span,
substr(d.text, p.start + 1, p."end" - p.start), {SUGGESTION_FIELDS}
FROM places p JOIN suggestions g ON g.rowid = p.id JOIN documents d ON d.position = p.document
ORDER BY d.position, p.start, p."end" DESC, p.kind DESC, p.annotator, p.label, g.label
"""
COUNTS = f"""
WITH {CONFIDENT}, {DISAGREEING}
SELECT d.uid, sum(p.kind = 'miss'), sum(p.kind = 'error')
FROM places p JOIN documents d ON d.position = p.document GROUP BY p.document
"""
SUGGESTED = f"""
WITH {CONFIDENT}
SELECT {SUGGESTION_FIELDS} FROM suggestions g JOIN documents d ON d.position = g.document
WHERE g.rowid IN (SELECT id FROM confident) ORDER BY g.start, g."end" DESC, g.label
"""


class Place(NamedTuple):
    """A place for a second look, and the suggestion that makes it one."""

    document: str  # the document's uid
    number: int  # the document's number, as commands name it
    kind: Kind
    start: int  # an error's: the analyst's span; a miss's: the suggestion
    end: int
    label: str  # the analyst's span's label; a miss's: the suggestion's
    annotator: str  # whose span it is; "" for a miss, which is nobody's
    span: str  # the uid of that span; "" for a miss
    text: str  # the text of the place, as stored
    suggestion: Suggestion

    @property
    def why(self) -> str:
        """A miss's "miss"; an error's "label" or "bounds", what the model reads otherwise."""
        if self.kind == "miss":
            return "miss"
        return "bounds" if self.label == self.suggestion.label else "label"

    def described(self) -> str:
        """What the place is, but its text: "possible error  ali: TITLE; PERSON (model:ner
        0.90)"; the model's bounds when they are what differs; every analyst who rejected
        the suggestion ("rejected by huda, omar"), if anyone did."""
        suggested = self.suggestion
        score = "no score" if suggested.score is None else f"{suggested.score:.2f}"
        rejecters = ", ".join(suggested.decided_by("rejected"))
        rejected = f", rejected by {rejecters}" if rejecters else ""
        bounds = f" {suggested.start}-{suggested.end}" if self.why == "bounds" else ""
        model = f"{suggested.label}{bounds} ({suggested.source} {score}{rejected})"
        if self.kind == "miss":
            return f"possible miss   {model}"
        return f"possible error  {self.annotator}: {self.label}; {model}"

    def to_json(self) -> dict[str, Any]:
        suggested = self.suggestion
        return {
            "document": self.number,
            "uid": self.document,
            "kind": self.kind,
            "why": self.why,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "annotator": self.annotator,
            "suggestion": {
                "label": suggested.label,
                "start": suggested.start,
                "end": suggested.end,
                "score": suggested.score,
                "source": suggested.source,
                "decisions": [
                    {"annotator": d.annotator, "state": d.state, "decided_at": d.decided_at}
                    for d in suggested.decisions
                ],
            },
        }


class Counts(NamedTuple):
    misses: int
    errors: int


def second_look(
    project: Project, document: str | None = None, min_score: float = DEFAULT_MIN_SCORE
) -> list[Place]:
    """The places of a document (its uid), or of every document, in the documents' order,
    then by start (the longer first)."""
    query, params = _query(PLACES, document, min_score)
    return [_place(row) for row in project.store.conn.execute(query, params)]


def second_look_counts(project: Project, min_score: float = DEFAULT_MIN_SCORE) -> dict[str, Counts]:
    """The possible misses and errors of each document that has any, by its uid."""
    query, params = _query(COUNTS, None, min_score)
    rows = project.store.conn.execute(query, params)
    return {str(uid): Counts(int(misses), int(errors)) for uid, misses, errors in rows}


def confident_suggestions(
    project: Project, document: str, min_score: float = DEFAULT_MIN_SCORE
) -> list[Suggestion]:
    """The suggestions of a document that count, by start (the longer first)."""
    query, params = _query(SUGGESTED, document, min_score)
    return [suggestion_from_row(row) for row in project.store.conn.execute(query, params)]


def check_min_score(value: float) -> float:
    """A threshold a score can be held to: a number from 0 to 1."""
    if not isinstance(value, int | float) or not math.isfinite(value) or not 0 <= value <= 1:
        raise InputError(f"expected a number from 0 to 1, got {value}", field="min-score")
    return float(value)


def _query(query: str, document: str | None, min_score: float) -> tuple[str, tuple[Any, ...]]:
    threshold = check_min_score(min_score)
    params: tuple[Any, ...] = (*MODEL_SOURCES, threshold)
    if document is None:
        return query.replace("{document}", ""), params
    return query.replace("{document}", ONE_DOCUMENT), (*params, document)


def _place(row: tuple[Any, ...]) -> Place:
    kind, number, start, end, label, annotator, span, text, *suggested = row
    suggestion = suggestion_from_row(tuple(suggested))
    return Place(
        suggestion.document, number, kind, start, end, label, annotator, span, text, suggestion
    )
