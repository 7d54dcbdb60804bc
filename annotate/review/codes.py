"""A project's spans read as numbers, for counting review items fast.

Each compared span (gold's apart) is a code, who marked it with which label (indexes into
the sorted names), at a place, its start and end in one number; places sort as their
offsets do. A document's spans come as one row for each annotator and label, with the
places written out (far fewer rows than spans, which costs less to read). Links are read
for head spans, by who, label and offsets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from annotate.annotations import DOCUMENT_NUMBER
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.review.disagreements import Links
from annotate.schema import passage_labels

OFFSET_BITS = 31  # SQLite's longest text is shorter than 2**31 characters
OFFSET_MASK = (1 << OFFSET_BITS) - 1
SPAN_READS = 4  # a span costs about as much to read as four relations (two look-ups)

Head = tuple[int, int, int, int]  # annotator index, label index, start, end
Rows = list[tuple[int, int | None, str]]  # document rowid, code + 1, places


class Unnamed(Exception):
    """A span's annotator or label is missing from the project's tables (which its foreign
    keys should prevent): its document is counted from its records instead."""


@dataclass(frozen=True)
class Names:
    """The annotators (gold apart) and the labels in sorted order, as keys name them, and
    the indexes of the passage labels."""

    annotators: list[str]
    labels: list[str]
    passages: frozenset[int]

    @property
    def base(self) -> int:
        """One more than the codes: a digit of a group is a code plus one."""
        return len(self.annotators) * len(self.labels) + 1

    def split(self, code: int) -> tuple[int, int]:
        """(annotator index, label index)."""
        annotator, label = divmod(code, len(self.labels))
        return annotator, label


def read_names(project: Project, document: str | None = None) -> Names:
    """The names in the project's tables, or those the document's spans use."""
    conn = project.store.conn
    if document is None:
        rows = conn.execute("SELECT name FROM annotators WHERE name <> ?", (GOLD_ANNOTATOR,))
        annotators = sorted(str(name) for (name,) in rows)
        labels = sorted(str(name) for (name,) in conn.execute("SELECT name FROM labels"))
    else:
        used = (
            f"SELECT DISTINCT {{}} FROM spans WHERE document = {DOCUMENT_NUMBER} AND annotator <> ?"
        )
        found = {
            column: sorted(
                str(name)
                for (name,) in conn.execute(used.format(column), (document, GOLD_ANNOTATOR))
            )
            for column in ("annotator", "label")
        }
        annotators, labels = found["annotator"], found["label"]
    passages = passage_labels(project.labels.schema())
    indexes = frozenset(i for i, name in enumerate(labels) if name in passages)
    return Names(annotators, labels, indexes)


def spans_by_document(
    project: Project, names: Names, document: str | None = None
) -> Iterator[tuple[int, Rows]]:
    """Each document's compared spans (or one document's), in the project's order of
    documents: a row (rowid, code + 1, places) for each annotator and label, the places
    written out, comma-separated (fewer rows cost less than a row a span). The code is None
    where the names do not hold the annotator or the label."""
    query = (
        f"SELECT d.rowid, {_index_of('s.annotator', names.annotators)} * {len(names.labels)}"
        f" + {_index_of('s.label', names.labels)} + 1,"
        f' group_concat((s.start << {OFFSET_BITS}) | s."end")'
        " FROM documents d JOIN spans s ON s.document = d.position WHERE s.annotator <> ?"
        + (" AND d.uid = ?" if document is not None else "")
        + " GROUP BY d.position, s.annotator, s.label"  # the order of their covering index
        + " ORDER BY d.position, s.annotator, s.label"
    )
    one = (document,) if document is not None else ()
    rows = project.store.conn.execute(
        query, (*names.annotators, *names.labels, GOLD_ANNOTATOR, *one)
    )
    for rowid, found in groupby(rows, itemgetter(0)):
        yield rowid, list(found)


def _index_of(column: str, names: list[str]) -> str:
    """SQL for the column's value's index in the names (bound in order), NULL if none."""
    if not names:
        return "NULL"
    return f"(CASE {column} {' '.join(f'WHEN ? THEN {i}' for i in range(len(names)))} END)"


ONE_DOCUMENT = " AND h.document = (SELECT position FROM documents WHERE uid = ?2)"


def links_by_document(
    project: Project, names: Names, document: str | None = None, spans: int = 0
) -> dict[int, dict[Head, Links]]:
    """The links of each head span (or those of one document, which has about ``spans``
    spans) to spans of its document (gold's apart), by the document's rowid. One document's
    are read from its spans when that costs less than reading every relation of the
    project (the join's order is fixed: SQLite's planner may pick the costlier one)."""
    annotator = {name: i for i, name in enumerate(names.annotators)}
    label = {name: i for i, name in enumerate(names.labels)}
    found: defaultdict[int, defaultdict[Head, set[tuple[str, int, int]]]] = defaultdict(
        lambda: defaultdict(set)
    )
    heads = "relations r CROSS JOIN spans h ON h.uid = r.head"
    conn = project.store.conn
    relations = conn.execute("SELECT count(*) FROM relations").fetchone()[0]
    if document is not None and spans * SPAN_READS < relations:
        heads = "spans h CROSS JOIN relations r ON r.head = h.uid"
    rows = conn.execute(
        'SELECT d.rowid, h.annotator, h.label, h.start, h."end", r.label, t.start, t."end"'
        f" FROM {heads} CROSS JOIN spans t ON t.uid = r.tail"
        " CROSS JOIN documents d ON d.position = h.document"
        " WHERE t.document = h.document AND h.annotator <> ?1 AND t.annotator <> ?1"
        + (ONE_DOCUMENT if document is not None else ""),
        (GOLD_ANNOTATOR, document) if document is not None else (GOLD_ANNOTATOR,),
    )
    for rowid, who, what, start, end, relation, tail_start, tail_end in rows:
        if who in annotator and what in label:  # else the document is counted from records
            head = (annotator[who], label[what], start, end)
            found[rowid][head].add((str(relation), tail_start, tail_end))
    return {
        rowid: {head: frozenset(links) for head, links in heads.items()}
        for rowid, heads in found.items()
    }
