"""What an agreement report compares, read from the project: the annotators, labels and
documents chosen, and each annotator's layer of each document in the shapes the measures
take (span offsets, merged units, covered tokens)."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, groupby, repeat
from operator import itemgetter

from annotate.agreement.measures import Unit
from annotate.annotations import DOCUMENT_NUMBER
from annotate.errors import InputError
from annotate.model import GOLD_ANNOTATOR, STATUS_FILTERS
from annotate.project import Project
from annotate.token_bounds import token_bounds

RelationKey = tuple[str, str, int, int, str, int, int]  # label, head, tail (label, offsets)
SpanRow = tuple[str, int, int]  # label, start, end


@dataclass(frozen=True)
class Selection:
    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    status: str
    documents: tuple[str, ...]  # uids, in list order


@dataclass
class Layer:
    """One annotator's annotations of one document, for the labels compared."""

    spans: dict[str, set[Unit]] = field(default_factory=dict)
    units: dict[str, list[Unit]] = field(default_factory=dict)  # overlaps merged
    tokens: dict[str, set[int]] = field(default_factory=dict)
    categories: dict[int, str] = field(default_factory=dict)  # label of shortest span
    relations: set[RelationKey] = field(default_factory=set)


@dataclass(frozen=True)
class ComparedDocument:
    uid: str
    position: int
    title: str
    length: int
    tokens: int
    layers: dict[str, Layer]  # by annotator


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
    spans = _span_rows(project, selection)
    relations = _relation_rows(project, selection)
    wanted = set(selection.documents)
    rows = project.store.conn.execute(
        "SELECT uid, position, title, text, meta FROM documents ORDER BY position"
    )
    for uid, position, title, text, meta in rows:
        if uid not in wanted:
            continue
        starts, ends = token_bounds(text, None if meta == "{}" else json.loads(meta))
        covering = TokenRanges(starts, ends)
        layers = {
            name: layer(
                spans.get((position, name), []), covering, relations.get((position, name), set())
            )
            for name in selection.annotators
        }
        yield ComparedDocument(uid, position, title, len(text), len(starts), layers)


def _span_rows(project: Project, selection: Selection) -> dict[tuple[int, str], list[SpanRow]]:
    """Each (document number, annotator)'s spans of the compared labels, read along the
    index, only from the stretch of the list the selection's documents lie in."""
    marks = ", ".join("?" * len(selection.annotators))
    first, last = selection.documents[0], selection.documents[-1]
    rows = project.store.conn.execute(
        'SELECT document, annotator, label, start, "end" FROM spans INDEXED BY spans_by_document'
        f" WHERE annotator IN ({marks}) AND document BETWEEN {DOCUMENT_NUMBER}"
        f" AND {DOCUMENT_NUMBER} ORDER BY document, annotator",
        (*selection.annotators, first, last),
    ).fetchall()
    labels = set(selection.labels)
    found: dict[tuple[int, str], list[SpanRow]] = {}
    for key, group in groupby(rows, key=itemgetter(0, 1)):
        found[key] = [row[2:] for row in group if row[2] in labels]
    return found


def _relation_rows(
    project: Project, selection: Selection
) -> dict[tuple[int, str], set[RelationKey]]:
    """Relations whose head and tail labels are both compared, as offsets and labels, by
    (document number, annotator)."""
    marks = ", ".join("?" * len(selection.annotators))
    labels = set(selection.labels)
    found: dict[tuple[int, str], set[RelationKey]] = {}
    for document, annotator, *key in project.store.conn.execute(
        'SELECT h.document, h.annotator, r.label, h.label, h.start, h."end", t.label, t.start,'
        ' t."end" FROM relations r JOIN spans h ON h.uid = r.head JOIN spans t ON t.uid = r.tail'
        f" WHERE h.annotator IN ({marks})",
        selection.annotators,
    ):
        relation: RelationKey = tuple(key)
        if relation[1] in labels and relation[4] in labels:
            found.setdefault((document, annotator), set()).add(relation)
    return found


class TokenRanges(dict[Unit, range]):
    """The tokens each span shares a character with (as export tags them), found once
    per span offsets in a document whoever marked it."""

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        super().__init__()
        self.starts = starts
        self.ends = ends

    def __missing__(self, span: Unit) -> range:
        covered = range(bisect_right(self.ends, span[0]), bisect_left(self.starts, span[1]))
        self[span] = covered
        return covered


def layer(rows: list[SpanRow], covering: TokenRanges, relations: set[RelationKey]) -> Layer:
    made = Layer(relations=relations)
    by_label: dict[str, list[Unit]] = {}
    for label, start, end in rows:
        by_label.setdefault(label, []).append((start, end))
    for label, spans in by_label.items():
        made.spans[label] = set(spans)
        made.units[label] = merged(sorted(spans))
        made.tokens[label] = set(chain.from_iterable(map(covering.__getitem__, spans)))
    ordered = sorted(rows, key=_longest_first)
    ranges = [covering[start, end] for _, start, end in ordered]
    labels = chain.from_iterable(map(repeat, (row[0] for row in ordered), map(len, ranges)))
    made.categories = dict(zip(chain.from_iterable(ranges), labels, strict=True))
    return made


def merged(units: Sequence[Unit]) -> list[Unit]:
    """Sorted units with the overlapping ones joined into their union (touching ones stay
    apart, as alpha-U counts them as two units)."""
    joined: list[Unit] = []
    for start, end in units:
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _longest_first(row: SpanRow) -> tuple[int, str]:
    """Longer spans first, so that a token ends with its shortest span's label; equal
    lengths by label, whatever order the rows came in."""
    label, start, end = row
    return start - end, label
