"""What an agreement report compares, read from the project: the annotators, labels and
documents chosen, and each annotator's layer of each document (see layers.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, repeat
from operator import add, mul
from typing import Any

from annotate.agreement.layers import Layer, Packing, RelationKey, layers
from annotate.errors import InputError
from annotate.model import GOLD_ANNOTATOR, STATUS_FILTERS
from annotate.project import Project
from annotate.token_bounds import token_edges


@dataclass(frozen=True)
class Selection:
    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    status: str
    documents: tuple[str, ...]  # uids, in list order


@dataclass(frozen=True)
class ComparedDocument:
    uid: str
    position: int
    title: str
    length: int
    packing: Packing
    layers: dict[str, Layer]  # by annotator

    @property
    def tokens(self) -> int:
        return self.packing.tokens


def select(
    project: Project,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    status: str = "done",
) -> Selection:
    known = project.annotators.names()
    chosen = _chosen_annotators(known, annotators)
    schema_labels = [label.name for label in project.labels.schema().labels]
    wanted = tuple(dict.fromkeys(labels)) if labels else tuple(schema_labels)
    unknown_labels = [label for label in wanted if label not in schema_labels]
    if unknown_labels:
        raise InputError(f"unknown label {unknown_labels[0]!r}", field="labels")
    if status not in STATUS_FILTERS:
        raise InputError(f"status must be done or any, not {status!r}", field="status")
    documents = _documents(project, chosen, status)
    if not documents:
        raise InputError(
            f"no documents to compare: none that {', '.join(chosen)} all marked done"
            " (use --status any to compare every document)",
            field="status",
        )
    return Selection(chosen, wanted, status, documents)


def _chosen_annotators(known: list[str], annotators: Sequence[str] | None) -> tuple[str, ...]:
    if annotators is None:
        chosen = tuple(name for name in known if name != GOLD_ANNOTATOR)
    else:
        chosen = tuple(dict.fromkeys(annotators))
        unknown = [name for name in chosen if name not in known]
        if unknown:
            raise InputError(f"unknown annotator {unknown[0]!r}", field="annotators")
    if len(chosen) < 2:
        have = ", ".join(chosen) or "none"
        raise InputError(
            f"agreement needs at least two annotators (have: {have})", field="annotators"
        )
    return chosen


def _documents(project: Project, annotators: tuple[str, ...], status: str) -> tuple[str, ...]:
    conn = project.store.conn
    if status == "any":
        query = "SELECT uid FROM documents ORDER BY position"
        return tuple(str(row[0]) for row in conn.execute(query))
    marks = ", ".join("?" * len(annotators))
    rows = conn.execute(
        "SELECT d.uid FROM documents d JOIN document_status s ON s.document = d.uid"
        f" WHERE s.status = 'done' AND s.annotator IN ({marks})"
        " GROUP BY d.uid HAVING count(*) = ? ORDER BY d.position",
        (*annotators, len(annotators)),
    )
    return tuple(str(row[0]) for row in rows)


def compared_documents(project: Project, selection: Selection) -> Iterator[ComparedDocument]:
    """Each chosen document in list order with every chosen annotator's layer."""
    relations = _relation_rows(project, selection)
    ranks = name_ranks(selection.labels)
    for uid, position, title, text, meta, spans in _document_rows(project, selection):
        edges = token_edges(text, None if meta == "{}" else json.loads(meta))
        packing = Packing(len(text) + 1, len(edges) // 2)
        found = json.loads(spans)
        packed = [
            list(map(add, map(mul, labels, repeat(packing.square)), places))
            for labels, places in zip(found[::2], found[1::2], strict=True)
        ]
        made = dict(zip(selection.annotators, layers(packed, packing, edges, ranks), strict=True))
        for name, layer in made.items():
            if (uid, name) in relations:
                made[name] = replace(layer, relations=frozenset(relations[uid, name]))
        yield ComparedDocument(uid, position, title, len(text), packing, made)


def name_ranks(labels: Sequence[str]) -> list[int]:
    """Each label's place in name order."""
    in_order = sorted(labels)
    return [in_order.index(label) for label in labels]


def _document_rows(project: Project, selection: Selection) -> Iterator[tuple[Any, ...]]:
    """The chosen documents in list order, each with its spans of the compared labels in
    one JSON list: for each annotator in turn, its spans' labels (their places in the
    selection) and its spans' places (start * size + end, see layers.Packing). One query,
    along the list and the spans' unique index."""
    annotators, labels = selection.annotators, selection.labels
    numbered = " ".join(f"WHEN ? THEN {number}" for number in range(len(labels)))
    own = "FILTER (WHERE s.annotator = ?)"
    place = 's.start * (d.char_count + 1) + s."end"'
    lists = ", ".join(
        f"json_group_array(CASE s.label {numbered} END) {own}, json_group_array({place}) {own}"
        for _ in annotators
    )
    spans = (
        f"SELECT json_array({lists}) FROM spans s WHERE s.document = d.position"
        f" AND s.annotator IN ({_marks(annotators)}) AND s.label IN ({_marks(labels)})"
    )
    # "+d.uid": along the list's positions, each checked against the chosen ones
    return project.store.conn.execute(
        f"SELECT d.uid, d.position, d.title, d.text, d.meta, ({spans}) FROM documents d"
        " WHERE d.position BETWEEN (SELECT position FROM documents WHERE uid = ?)"
        " AND (SELECT position FROM documents WHERE uid = ?)"
        " AND +d.uid IN (SELECT value FROM json_each(?)) ORDER BY d.position",
        (
            *chain.from_iterable((*labels, name, name) for name in annotators),
            *annotators,
            *labels,
            selection.documents[0],
            selection.documents[-1],
            json.dumps(selection.documents),
        ),
    )


def _marks(values: Sequence[str]) -> str:
    return ", ".join("?" * len(values))


def _relation_rows(
    project: Project, selection: Selection
) -> dict[tuple[str, str], set[RelationKey]]:
    """Relations whose head and tail labels are both compared, as offsets and labels."""
    marks = ", ".join("?" * len(selection.annotators))
    labels = set(selection.labels)
    found: dict[tuple[str, str], set[RelationKey]] = {}
    for document, annotator, *key in project.store.conn.execute(
        'SELECT d.uid, h.annotator, r.label, h.label, h.start, h."end", t.label, t.start,'
        ' t."end" FROM relations r JOIN spans h ON h.uid = r.head JOIN spans t ON t.uid = r.tail'
        " JOIN documents d ON d.position = h.document"
        f" WHERE h.annotator IN ({marks})",
        selection.annotators,
    ):
        relation: RelationKey = tuple(key)
        if relation[1] in labels and relation[4] in labels:
            found.setdefault((document, annotator), set()).add(relation)
    return found
