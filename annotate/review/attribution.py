"""Who said it: the spans an item's spans link to (a quote's speaker and cue), the spans a
reviewer may pick instead, and the gold copies that linking to them needs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from annotate.annotations import new_uid
from annotate.errors import InputError
from annotate.model import GOLD_ANNOTATOR, Changes, Span
from annotate.project import Project
from annotate.review.disagreements import Item, Links
from annotate.schema import SPEAKER_RELATION, RelationLabel

MAX_CANDIDATES = 30  # spans offered when picking a gold link's other end


@dataclass(frozen=True)
class Tail:
    """A span a gold link may end at: its label and place, who marked it there (gold
    among them), which annotators linked the item to that place, and the attributes a
    gold copy takes."""

    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    marked_by: tuple[str, ...] = ()
    named_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlannedTail:
    """A tail an accepted link needs in gold, with the uid it is written under if gold has
    no span there the relation may link to (the same uid again on redo)."""

    relation: RelationLabel
    head_label: str
    tail: Tail
    uid: str


def links_in_order(links: Links) -> list[tuple[str, int, int]]:
    """A span's links, the speaker first, then by relation and place."""
    return sorted(links, key=lambda link: (link[0] != SPEAKER_RELATION, link))


def planned_tails(project: Project, heads: tuple[Span, ...]) -> list[PlannedTail]:
    """The spans these spans link to, as far as the schema allows, each to be copied into
    gold unless gold has a span there already that the link may end at."""
    planned: dict[tuple[str, str, int, int], PlannedTail] = {}
    by_uid = {span.uid: span for span in heads}
    for relation in project.relations.with_heads(by_uid):
        definition = project.labels.relation_label(relation.label)
        tail = project.spans.get(relation.tail)
        head = by_uid[relation.head]
        if definition is None or not definition.allows(head.label, tail.label):
            continue
        copy = Tail(tail.label, tail.start, tail.end, dict(tail.attrs))
        key = (relation.label, tail.label, tail.start, tail.end)
        planned.setdefault(key, PlannedTail(definition, head.label, copy, new_uid()))
    return list(planned.values())


def put_planned_tail(project: Project, document: str, planned: PlannedTail) -> Changes:
    """The planned copy, unless a gold span at its place may be the link's tail."""
    there = gold_at(project, document, planned.tail.start, planned.tail.end)
    if any(planned.relation.allows(planned.head_label, span.label) for span in there):
        return Changes()
    return _add_copy(project, document, planned.tail, planned.uid)


def put_tail(project: Project, document: str, tail: Tail, uid: str) -> tuple[str, Changes]:
    """The gold span with the tail's label and place, copied into gold (as ``uid``) if
    gold has none; its uid and the changes."""
    found = project.spans.find(document, GOLD_ANNOTATOR, tail.label, tail.start, tail.end)
    if found is not None:
        return found, Changes()
    return uid, _add_copy(project, document, tail, uid)


def remove_if_there(project: Project, uids: list[str]) -> Changes:
    """Undo of the copies: those of them still there."""
    changes = Changes()
    for uid in uids:
        if project.spans.exists(uid):
            changes += project.spans.remove(uid)
    return changes


def _add_copy(project: Project, document: str, tail: Tail, uid: str) -> Changes:
    return project.spans.add(
        document, GOLD_ANNOTATOR, tail.label, tail.start, tail.end, tail.attrs, "adjudicated", uid
    )


def gold_at(project: Project, document: str, start: int, end: int) -> list[Span]:
    return [
        span
        for span in project.spans.overlapping(document, start, end, GOLD_ANNOTATOR)
        if (span.start, span.end) == (start, end)
    ]


def gold_head(gold: list[Span], relation: RelationLabel) -> Span:
    """The item's gold span a link of this relation starts from; refused when there is
    none."""
    head = next((span for span in gold if not relation.heads or span.label in relation.heads), None)
    if head is None:
        wanted = " or ".join(relation.heads) or "span"
        raise InputError(f"Accept a version first: there is no gold {wanted} here to link")
    return head


def candidates(project: Project, item: Item, relation: RelationLabel, head: Span) -> list[Tail]:
    """The spans of any layer the relation may link the head to: first those the item's
    annotators linked it to, then gold's, then the nearest; one entry for each label and
    place, at most MAX_CANDIDATES."""
    named: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
    for version in item.versions:
        places = {
            (s, e) for links in version.links for label, s, e in links if label == relation.name
        }
        for place in sorted(places):
            named[place].append(version.annotator)
    marked: defaultdict[tuple[str, int, int], list[Span]] = defaultdict(list)
    for span in project.spans.for_document(item.document):
        if relation.allows(head.label, span.label) and (span.start, span.end) != (
            head.start,
            head.end,
        ):
            marked[span.label, span.start, span.end].append(span)
    tails = [
        _tail(spans, tuple(named.get((start, end), ())))
        for (_, start, end), spans in marked.items()
    ]
    tails.sort(
        key=lambda tail: (
            not tail.named_by,
            GOLD_ANNOTATOR not in tail.marked_by,
            abs(tail.start - head.start),
            tail.start,
            tail.label,
        )
    )
    return tails[:MAX_CANDIDATES]


def _tail(spans: list[Span], named_by: tuple[str, ...]) -> Tail:
    first = spans[0]
    who = sorted({s.annotator for s in spans}, key=lambda name: (name == GOLD_ANNOTATOR, name))
    return Tail(first.label, first.start, first.end, dict(first.attrs), tuple(who), named_by)
