"""Where annotators of one document agree and where they do not, item by item, for review.

An item is a place in the text and what each compared annotator marked there. Spans are
first grouped by their exact offsets; groups that overlap, hold the same kind of span
(entities apart from passages such as quotes), share a label and come from different
annotators are then joined, so two annotators' boundaries for the same name make one item.
Each item has one state, the first that applies:

- speaker: those who marked it link it to different speakers (a quote's attribution, also
  when another annotator marked nothing there);
- cue: they link it to the same speakers but different cues (reporting verbs);
- missing: some annotators marked nothing here;
- boundaries: all marked it, with different offsets;
- label: same offsets, different labels;
- relation: a passage agreed on, linked differently in another way (other relations, or
  the same links spread over its spans otherwise);
- agreed: everyone marked the same span with the same label and links.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from operator import attrgetter
from typing import Any, Literal, NamedTuple

from annotate.annotations import DOCUMENT_NUMBER
from annotate.model import GOLD_ANNOTATOR, Relation, Span
from annotate.project import Project
from annotate.schema import CUE_RELATION, SPEAKER_RELATION, passage_labels

State = Literal["speaker", "cue", "missing", "boundaries", "label", "relation", "agreed"]
STATES: tuple[State, ...] = (
    "speaker",
    "cue",
    "missing",
    "boundaries",
    "label",
    "relation",
    "agreed",
)
ATTRIBUTIONS: tuple[tuple[str, State], ...] = (
    (SPEAKER_RELATION, "speaker"),
    (CUE_RELATION, "cue"),
)
Links = frozenset[tuple[str, int, int]]  # (relation label, tail start, tail end)
NO_LINKS: Links = frozenset()
_label = attrgetter("label")
_place_and_label = attrgetter("start", "end", "label")


class Version(NamedTuple):  # a tuple: a project's review builds hundreds of thousands
    """What one annotator marked in an item: spans, and each span's links by offsets."""

    annotator: str
    spans: tuple[Span, ...]
    links: tuple[Links, ...]


@dataclass(frozen=True)
class Item:
    document: str
    start: int
    end: int
    is_passage: bool
    state: State
    versions: tuple[Version, ...]  # one per compared annotator, in their order

    @cached_property
    def key(self) -> str:
        """The same for the same versions, so a decision finds its item again (computed
        when first asked: counting a project's items needs few keys)."""
        return key_of(self.versions)

    def version(self, annotator: str) -> Version:
        return next(v for v in self.versions if v.annotator == annotator)

    @property
    def disagreement(self) -> bool:
        return self.state != "agreed"


def compared_annotators(project: Project, document: str) -> list[str]:
    """Everyone with spans in the document, by name; the gold layer is the review itself."""
    rows = project.store.conn.execute(
        f"SELECT DISTINCT annotator FROM spans WHERE document = {DOCUMENT_NUMBER}"
        " AND annotator <> ?"
        " ORDER BY annotator",
        (document, GOLD_ANNOTATOR),
    )
    return [str(name) for (name,) in rows]


def document_items(
    project: Project, document: str, annotators: list[str] | None = None
) -> list[Item]:
    """The document's items among the annotators given, or everyone who marked it."""
    marked = _marked(project, document, annotators)
    return items_of(document, *marked) if marked else []


def item_at(
    project: Project, document: str, places: list[tuple[int, int]], annotators: list[str]
) -> Item | None:
    """The item whose groups of spans are at these offsets (in order), as
    ``document_items`` makes it: the compared spans there, linked as in the document; None
    when there are none."""
    group: list[Span] = []
    for start, end in places:
        at = 'AND start = ? AND "end" = ?'
        group.extend(sorted(_spans_of(project, document, annotators, at, (start, end)), key=_label))
    if not group:
        return None
    links = _links_from(project, document, group, annotators)
    return _item(document, group, links, annotators, passage_labels(project.labels.schema()))


def document_versions(project: Project, document: str) -> list[tuple[Version, ...]]:
    """The versions of each item among everyone who marked the document, in no particular
    order: what counting the items needs (``state_of``, ``key_of``), without building them."""
    marked = _marked(project, document, None)
    if not marked:
        return []
    spans, relations, annotators, passages = marked
    links = _links_by_head(spans, relations)
    groups = _joined_groups(_exact_groups(spans), passages)
    return [_versions(group, links, annotators) for group in groups]


Marked = tuple[list[Span], list[Relation], list[str], frozenset[str]]


def _marked(project: Project, document: str, annotators: list[str] | None) -> Marked | None:
    """The spans and relations to compare, the annotators and the passage labels; None
    when fewer than two annotators are compared."""
    chosen = annotators if annotators is not None else compared_annotators(project, document)
    if len(chosen) < 2:
        return None
    spans = _spans_of(project, document, chosen)
    relations = project.relations.for_document(document)
    return spans, relations, chosen, passage_labels(project.labels.schema())


def _spans_of(
    project: Project,
    document: str,
    annotators: list[str],
    condition: str = "",
    values: tuple[int, ...] = (),
) -> list[Span]:
    """The annotators' spans in the document, in no particular order (a document's whole
    list, ordered, costs a sort of every span)."""
    rows = project.store.conn.execute(
        'SELECT uid, annotator, label, start, "end", attrs, origin FROM spans'
        f" WHERE document = {DOCUMENT_NUMBER}"
        f" AND annotator IN ({', '.join('?' * len(annotators))}) {condition}",
        (document, *annotators, *values),
    )
    return [
        Span(uid, document, annotator, label, start, end, _attributes(attrs), origin)
        for uid, annotator, label, start, end, attrs, origin in rows
    ]


def _attributes(stored: str) -> dict[str, Any]:
    return {} if stored == "{}" else dict(json.loads(stored))  # most spans have none


def items_of(
    document: str,
    spans: list[Span],
    relations: list[Relation],
    annotators: list[str],
    passages: frozenset[str],
) -> list[Item]:
    links = _links_by_head(spans, relations)
    groups = _joined_groups(_exact_groups(spans), passages)
    items = [_item(document, group, links, annotators, passages) for group in groups]
    items.sort(key=lambda item: (item.start, -item.end))
    if any(a.start == b.start and a.end == b.end for a, b in pairwise(items)):
        items.sort(key=lambda item: (item.start, -item.end, item.key))
    return items


def _exact_groups(spans: list[Span]) -> list[list[Span]]:
    """Spans by their offsets, in order; each group by label, as the first span's label
    says whether the group is a passage."""
    grouped: dict[tuple[int, int], list[Span]] = defaultdict(list)
    for span in spans:
        grouped[span.start, span.end].append(span)
    return [
        sorted(group, key=_label) if len(group) > 1 else group
        for group in (grouped[offsets] for offsets in sorted(grouped))
    ]


class _Group:
    """Spans joined into one item, with what joining asks of them kept at hand."""

    def __init__(self, spans: list[Span], is_passage: bool) -> None:
        self.spans = list(spans)
        self.is_passage = is_passage
        self.start = spans[0].start
        self.end = spans[0].end
        self.labels = {span.label for span in spans}
        self.annotators = {span.annotator for span in spans}

    def takes(self, spans: list[Span], is_passage: bool, labels: set[str]) -> bool:
        return (
            self.is_passage == is_passage
            and self.start < spans[0].end
            and spans[0].start < self.end
            and not self.labels.isdisjoint(labels)
            and self.annotators.isdisjoint(span.annotator for span in spans)
        )

    def add(self, spans: list[Span], labels: set[str]) -> None:
        self.spans.extend(spans)
        self.end = max(self.end, spans[0].end)
        self.labels |= labels
        self.annotators.update(span.annotator for span in spans)


def _joined_groups(groups: list[list[Span]], passages: frozenset[str]) -> list[list[Span]]:
    """Join overlapping groups of one kind whose annotators differ, nearest start first.

    Groups come by start, so a joined group that ends before one group starts can take
    none of the later ones either; only the open ones are searched."""
    joined: list[_Group] = []
    open_groups: list[_Group] = []
    for group in groups:
        start = group[0].start
        open_groups = [earlier for earlier in open_groups if earlier.end > start]
        is_passage = group[0].label in passages
        labels = {span.label for span in group}
        target = next(
            (g for g in reversed(open_groups) if g.takes(group, is_passage, labels)), None
        )
        if target is None:
            target = _Group(group, is_passage)
            joined.append(target)
            open_groups.append(target)
        else:
            target.add(group, labels)
    return [g.spans for g in joined]


def _links_from(
    project: Project, document: str, heads: list[Span], annotators: list[str]
) -> dict[str, Links]:
    """The links of these spans to the compared spans of their document."""
    links: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    rows = project.store.conn.execute(
        'SELECT r.head, r.label, t.start, t."end"'
        " FROM relations r CROSS JOIN spans t ON t.uid = r.tail"  # from the few heads, always
        f" WHERE r.head IN ({', '.join('?' * len(heads))}) AND t.document = {DOCUMENT_NUMBER}"
        f" AND t.annotator IN ({', '.join('?' * len(annotators))})",
        (*(span.uid for span in heads), document, *annotators),
    )
    for head, label, start, end in rows:
        links[head].add((label, start, end))
    return {head: frozenset(found) for head, found in links.items()}


def _links_by_head(spans: list[Span], relations: list[Relation]) -> dict[str, Links]:
    by_uid = {span.uid: span for span in spans}
    links: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for relation in relations:
        tail = by_uid.get(relation.tail)
        if relation.head in by_uid and tail is not None:
            links[relation.head].add((relation.label, tail.start, tail.end))
    return {head: frozenset(found) for head, found in links.items()}


def _item(
    document: str,
    group: list[Span],
    links: dict[str, Links],
    annotators: list[str],
    passages: frozenset[str],
) -> Item:
    versions = _versions(group, links, annotators)
    return Item(
        document=document,
        start=min(s.start for s in group),
        end=max(s.end for s in group),
        is_passage=group[0].label in passages,
        state=state_of(versions),
        versions=versions,
    )


def _versions(
    group: list[Span], links: dict[str, Links], annotators: list[str]
) -> tuple[Version, ...]:
    marked: dict[str, list[Span]] = {name: [] for name in annotators}
    for span in sorted(group, key=_place_and_label):
        if span.annotator in marked:
            marked[span.annotator].append(span)
    if not links:
        return tuple(
            [
                Version(name, tuple(spans), (NO_LINKS,) * len(spans))
                for name, spans in marked.items()
            ]
        )
    return tuple(
        [
            Version(name, tuple(spans), tuple([links.get(s.uid, NO_LINKS) for s in spans]))
            for name, spans in marked.items()
        ]
    )


def state_of(versions: tuple[Version, ...]) -> State:
    attribution = attribution_state([v.links for v in versions if v.spans])
    if attribution is not None:
        return attribution
    if any(not version.spans for version in versions):
        return "missing"
    offsets = {tuple((s.start, s.end) for s in v.spans) for v in versions}
    if len(offsets) > 1:
        return "boundaries"
    if len({tuple(s.label for s in v.spans) for v in versions}) > 1:
        return "label"
    if len({v.links for v in versions}) > 1:
        return "relation"
    return "agreed"


def attribution_state(marked: Sequence[Sequence[Links]]) -> State | None:
    """The state "speaker" when the annotators who marked an item (each one's links, span by
    span) link it to different speakers, else "cue" when they link it to different cues;
    None when they agree on both."""
    if len(marked) < 2 or not any(links for spans in marked for links in spans):
        return None
    for relation, state in ATTRIBUTIONS:
        named = {
            frozenset(
                (start, end) for links in spans for label, start, end in links if label == relation
            )
            for spans in marked
        }
        if len(named) > 1:
            return state
    return None


def key_of(versions: tuple[Version, ...]) -> str:
    described = repr(
        [
            (
                v.annotator,
                [(s.label, s.start, s.end) for s in v.spans],
                [sorted(x) for x in v.links],
            )
            for v in versions
        ]
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:16]
