"""Where annotators of one document agree and where they do not, item by item, for review.

An item is a place in the text and what each compared annotator marked there. Spans are
first grouped by their exact offsets; groups that overlap, hold the same kind of span
(entities apart from passages such as quotes), share a label and come from different
annotators are then joined, so two annotators' boundaries for the same name make one item.
Each item has one state, the first that applies:

- missing: some annotators marked nothing here;
- boundaries: all marked it, with different offsets;
- label: same offsets, different labels;
- relation: a passage agreed on, linked to different speakers (or cues);
- agreed: everyone marked the same span with the same label and links.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from annotate.model import GOLD_ANNOTATOR, Relation, Span
from annotate.project import Project
from annotate.schema import passage_labels

State = Literal["missing", "boundaries", "label", "relation", "agreed"]
STATES: tuple[State, ...] = ("missing", "boundaries", "label", "relation", "agreed")
Links = frozenset[tuple[str, int, int]]  # (relation label, tail start, tail end)


@dataclass(frozen=True)
class Version:
    """What one annotator marked in an item: spans, and each span's links by offsets."""

    annotator: str
    spans: tuple[Span, ...]
    links: tuple[Links, ...]


@dataclass(frozen=True)
class Item:
    key: str  # the same for the same versions, so a decision finds its item again
    document: str
    start: int
    end: int
    is_passage: bool
    state: State
    versions: tuple[Version, ...]  # one per compared annotator, in their order

    def version(self, annotator: str) -> Version:
        return next(v for v in self.versions if v.annotator == annotator)

    @property
    def disagreement(self) -> bool:
        return self.state != "agreed"


def compared_annotators(project: Project, document: str) -> list[str]:
    """Everyone with spans in the document, by name; the gold layer is the review itself."""
    rows = project.store.conn.execute(
        "SELECT DISTINCT annotator FROM spans WHERE document = ? AND annotator <> ?"
        " ORDER BY annotator",
        (document, GOLD_ANNOTATOR),
    )
    return [str(name) for (name,) in rows]


def document_items(
    project: Project, document: str, annotators: list[str] | None = None
) -> list[Item]:
    chosen = annotators if annotators is not None else compared_annotators(project, document)
    if len(chosen) < 2:
        return []
    spans = [s for s in project.spans.for_document(document) if s.annotator in chosen]
    relations = project.relations.for_document(document)
    return items_of(document, spans, relations, chosen, passage_labels(project.labels.schema()))


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
    return sorted(items, key=lambda item: (item.start, -item.end, item.key))


def _exact_groups(spans: list[Span]) -> list[list[Span]]:
    grouped: dict[tuple[int, int], list[Span]] = defaultdict(list)
    for span in spans:
        grouped[span.start, span.end].append(span)
    return [grouped[offsets] for offsets in sorted(grouped)]


def _joined_groups(groups: list[list[Span]], passages: frozenset[str]) -> list[list[Span]]:
    """Join overlapping groups of one kind whose annotators differ, nearest start first."""
    joined: list[list[Span]] = []
    for group in groups:
        kind = group[0].label in passages
        target = next(
            (
                earlier
                for earlier in reversed(joined)
                if (earlier[0].label in passages) == kind
                and _overlap(earlier, group)
                and _labels(earlier) & _labels(group)
                and not _annotators(earlier) & _annotators(group)
            ),
            None,
        )
        if target is None:
            joined.append(list(group))
        else:
            target.extend(group)
    return joined


def _overlap(first: list[Span], second: list[Span]) -> bool:
    return min(s.start for s in second) < max(s.end for s in first) and min(
        s.start for s in first
    ) < max(s.end for s in second)


def _labels(group: list[Span]) -> set[str]:
    return {span.label for span in group}


def _annotators(group: list[Span]) -> set[str]:
    return {span.annotator for span in group}


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
    ordered = sorted(group, key=lambda s: (s.start, s.end, s.label))
    versions = tuple(
        Version(
            name,
            tuple(s for s in ordered if s.annotator == name),
            tuple(links.get(s.uid, frozenset()) for s in ordered if s.annotator == name),
        )
        for name in annotators
    )
    return Item(
        key=_key(versions),
        document=document,
        start=min(s.start for s in group),
        end=max(s.end for s in group),
        is_passage=group[0].label in passages,
        state=_state(versions),
        versions=versions,
    )


def _state(versions: tuple[Version, ...]) -> State:
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


def _key(versions: tuple[Version, ...]) -> str:
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
