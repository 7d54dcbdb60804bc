"""A reviewer's decisions on disagreements, written into the gold layer as undoable steps.

An item's gold spans are the ones its last decision made (kept in the decisions table, with
the reviewer and the time, so review resumes where it stopped), or before any decision the
gold spans equal to one of its versions. Accepting an annotator's version keeps those of
them equal to theirs (and their links), removes the others and adds the rest with origin
"adjudicated", with the annotator's links: the spans they link to (a quote's speaker and
cue) are copied into gold unless gold has a span there the link may end at. Rejecting
removes them all. Other items' gold spans, nested or not, are never touched. A gold
span's links can be set to another span (copied into gold if need be) or removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from annotate.annotations import new_uid
from annotate.editing import Edge, moved_edge, restore_span
from annotate.errors import InputError
from annotate.history import History, Step
from annotate.model import GOLD_ANNOTATOR, Changes, Relation, Span, now
from annotate.project import Project
from annotate.review.attribution import (
    PlannedTail,
    Tail,
    candidates,
    gold_at,
    gold_head,
    links_in_order,
    planned_tails,
    put_planned_tail,
    put_tail,
    remove_if_there,
)
from annotate.review.disagreements import Item, Version
from annotate.schema import SPEAKER_RELATION, RelationLabel

Verdict = Literal["accepted", "rejected", "edited"]


@dataclass(frozen=True)
class Decision:
    item: str
    verdict: Verdict
    spans: tuple[str, ...]  # the gold spans it made
    reviewer: str
    decided_at: str


@dataclass(frozen=True)
class GoldSpan:
    uid: str
    label: str
    start: int
    end: int
    attrs: dict[str, object]
    links: tuple[tuple[str, int, int], ...]  # (relation label, tail start, tail end)


@dataclass(frozen=True)
class Snapshot:
    """The gold spans over an item, their relations, and the item's decision, to go back to."""

    spans: tuple[Span, ...]
    relations: tuple[Relation, ...]
    decision: Decision | None


class Review:
    """One reviewer's decisions; every method commits before it returns."""

    def __init__(self, project: Project, reviewer: str) -> None:
        self.project = project
        self.reviewer = reviewer
        self.history = History(project)

    def decisions(self, document: str) -> dict[str, Decision]:
        rows = self.project.store.conn.execute(
            "SELECT item, decision, spans, reviewer, decided_at FROM decisions WHERE document = ?",
            (document,),
        )
        return {
            item: Decision(item, verdict, tuple(json.loads(spans)), reviewer, decided_at)
            for item, verdict, spans, reviewer, decided_at in rows
        }

    def decision(self, item: Item) -> Decision | None:
        row = self.project.store.conn.execute(
            "SELECT decision, spans, reviewer, decided_at FROM decisions"
            " WHERE document = ? AND item = ?",
            (item.document, item.key),
        ).fetchone()
        if row is None:
            return None
        verdict, spans, reviewer, decided_at = row
        return Decision(item.key, verdict, tuple(json.loads(spans)), reviewer, decided_at)

    def verdicts(self, document: str) -> dict[str, Verdict]:
        """Each decided item's verdict, by the item's key: what a list of items shows."""
        rows = self.project.store.conn.execute(
            "SELECT item, decision FROM decisions WHERE document = ?", (document,)
        )
        return dict(rows.fetchall())

    def gold_spans(self, item: Item) -> list[Span]:
        return _gold_spans(self.project, item)

    # -- decisions ------------------------------------------------------------------

    def accept(self, item: Item, annotator: str) -> Changes:
        version = item.version(annotator)
        if not version.spans:
            raise InputError(f"{annotator} marked nothing here; reject to leave gold empty")
        wanted = _gold_of(version)
        tails = planned_tails(self.project, version.spans)
        name = f"Accept {annotator}'s version{self._linking(item.document, version)}"
        return self._decide(item, wanted, "accepted", name, tails)

    def _linking(self, document: str, version: Version) -> str:
        """What the version's spans link to, as a step's name ends: ", SPEAKER والتز"."""
        links = links_in_order(frozenset().union(*version.links))
        if not links:
            return ""
        text = self.project.documents.get(document).text
        return "".join(f", {label} {_words(text, start, end)}" for label, start, end in links)

    def reject(self, item: Item) -> Changes:
        return self._decide(item, [], "rejected", "Reject")

    def accept_unanimous(self, items: list[Item]) -> Changes:
        """Every agreed item not yet decided, as one step. Passages come last, so that the
        speakers and cues they link to are already in gold."""
        decided = {document: self.decisions(document) for document in {i.document for i in items}}
        chosen = sorted(
            (i for i in items if i.state == "agreed" and i.key not in decided[i.document]),
            key=lambda item: item.is_passage,
        )
        if not chosen:
            raise InputError("no undecided span on which everyone agrees")
        plans = [(item, _gold_of(item.versions[0])) for item in chosen]
        befores = [self._snapshot_with(item, None) for item, _ in plans]  # all undecided

        def do(project: Project) -> Changes:
            changes = Changes()
            for item, wanted in plans:
                changes += self._make_gold(project, item, wanted, "accepted")
            return changes

        def undo(project: Project) -> Changes:
            changes = Changes()
            for (item, _), before in zip(reversed(plans), reversed(befores), strict=True):
                changes += self._restore(project, item, before)
            return changes

        name = f"Accept {len(plans)} unanimous span(s)"
        return self.history.take(Step(name, do, undo, chosen[0].document))

    # -- the gold links of an item ------------------------------------------------------

    def gold_links(self, item: Item) -> list[tuple[Relation, Span]]:
        """The links from the item's gold spans, each with the span it ends at, the
        speaker first."""
        gold = self.gold_spans(item)
        relations = self.project.relations.with_heads(span.uid for span in gold)
        linked = [(relation, self.project.spans.get(relation.tail)) for relation in relations]
        linked.sort(
            key=lambda pair: (pair[0].label != SPEAKER_RELATION, pair[0].label, pair[1].start)
        )
        return linked

    def candidates(self, item: Item, relation_name: str) -> list[Tail]:
        """The spans the item's gold span may be linked to by this relation, those its
        annotators named first; refused when the item has no gold span to link from."""
        relation = self._relation(relation_name)
        head = gold_head(self.gold_spans(item), relation)
        return candidates(self.project, item, relation, head)

    def link(self, item: Item, relation_name: str, tail: Tail) -> Changes:
        """Link the item's gold span to ``tail`` (copied into gold if gold has no span with
        its label and place) in place of its links of this relation."""
        relation = self._relation(relation_name)
        before = self._snapshot(item)
        head = gold_head(list(before.spans), relation)
        copy = new_uid()

        def do(project: Project) -> Changes:
            tail_uid, changes = put_tail(project, item.document, tail, copy)
            for old in project.relations.touching(head.uid):
                if (old.head, old.label) == (head.uid, relation.name):
                    changes += project.relations.remove(old.uid)
            changes += project.relations.add(relation.name, head.uid, tail_uid, "adjudicated")
            self._edited(project, item, before)
            return changes

        def undo(project: Project) -> Changes:
            return self._restore(project, item, before) + remove_if_there(project, [copy])

        text = self.project.documents.get(item.document).text
        name = f"Gold {relation.name} {_words(text, tail.start, tail.end)}"
        return self.history.take(Step(name, do, undo, item.document))

    def unlink(self, item: Item, relation_uid: str) -> Changes:
        """Remove one link from the item's gold span (the span it ends at stays)."""
        before = self._snapshot(item)
        relation = self.project.relations.get(relation_uid)
        if relation.head not in {span.uid for span in before.spans}:
            raise InputError("only a link from this item's gold span is removed here")
        tail = self.project.spans.get(relation.tail)

        def do(project: Project) -> Changes:
            changes = project.relations.remove(relation_uid)
            self._edited(project, item, before)
            return changes

        text = self.project.documents.get(item.document).text
        name = f"Remove the gold {relation.label} {_words(text, tail.start, tail.end)}"
        return self.history.take(
            Step(name, do, lambda project: self._restore(project, item, before), item.document)
        )

    def _relation(self, name: str) -> RelationLabel:
        relation = self.project.labels.relation_label(name)
        if relation is None:
            raise InputError(f"unknown relation label {name!r}", field="label")
        return relation

    def _edited(self, project: Project, item: Item, before: Snapshot) -> None:
        made = tuple(span.uid for span in before.spans)
        _put_decision(project, item, Decision(item.key, "edited", made, self.reviewer, now()))

    # -- edits of a gold span --------------------------------------------------------

    def resize(self, item: Item, uid: str, edge: Edge, grow: bool, by_word: bool) -> Changes:
        span = self._gold(uid)
        text = self.project.documents.get(span.document).text
        start, end = moved_edge(text, span.start, span.end, edge, grow, by_word)
        return self._edit(item, span, span.label, start, end, f"Move the gold {span.label}")

    def relabel(self, item: Item, uid: str, label: str) -> Changes:
        span = self._gold(uid)
        return self._edit(item, span, label, span.start, span.end, f"Gold {label}")

    def _edit(self, item: Item, span: Span, label: str, start: int, end: int, name: str) -> Changes:
        before = self._snapshot(item)

        def do(project: Project) -> Changes:
            changes = project.spans.update(span.uid, label=label, start=start, end=end)
            self._edited(project, item, before)
            return changes

        def undo(project: Project) -> Changes:
            changes = project.spans.update(
                span.uid, label=span.label, start=span.start, end=span.end
            )
            _put_decision(project, item, before.decision)
            return changes

        return self.history.take(Step(name, do, undo, item.document))

    def _gold(self, uid: str) -> Span:
        span = self.project.spans.get(uid)
        if span.annotator != GOLD_ANNOTATOR:
            raise InputError("only gold spans are edited in review")
        return span

    # -- the work under every decision -------------------------------------------------

    def _decide(
        self,
        item: Item,
        wanted: list[GoldSpan],
        verdict: Verdict,
        name: str,
        tails: list[PlannedTail] | None = None,
    ) -> Changes:
        """Make the item's gold spans ``wanted``, after copying into gold the ``tails``
        their links need."""
        before = self._snapshot_with(item, self.decision(item), wanted)
        needed = tails or []

        def do(project: Project) -> Changes:
            changes = Changes()
            for planned in needed:
                changes += put_planned_tail(project, item.document, planned)
            return changes + self._make_gold(project, item, wanted, verdict)

        def undo(project: Project) -> Changes:
            changes = self._restore(project, item, before)
            return changes + remove_if_there(project, [planned.uid for planned in needed])

        return self.history.take(Step(name, do, undo, item.document))

    def _snapshot(self, item: Item) -> Snapshot:
        return self._snapshot_with(item, self.decision(item))

    def _snapshot_with(
        self, item: Item, decision: Decision | None, wanted: list[GoldSpan] | None = None
    ) -> Snapshot:
        """What undo puts back: the item's gold spans, those a decision for ``wanted`` would
        take over (see ``_make_gold``), their links and the item's decision."""
        spans = self.gold_spans(item)
        spans += _taken_over(self.project, item.document, spans, wanted or [])
        relations = {
            relation.uid: relation
            for span in spans
            for relation in self.project.relations.touching(span.uid)
        }
        return Snapshot(tuple(spans), tuple(relations.values()), decision)

    def _make_gold(
        self, project: Project, item: Item, wanted: list[GoldSpan], verdict: Verdict
    ) -> Changes:
        changes = Changes()
        wanted_places = {(w.label, w.start, w.end) for w in wanted}
        kept = []
        for span in _gold_spans(project, item):
            if (span.label, span.start, span.end) in wanted_places:
                kept.append(span)
            else:
                changes += project.spans.remove(span.uid)
        kept.extend(_taken_over(project, item.document, kept, wanted))
        kept_places = {(s.label, s.start, s.end) for s in kept}
        added = [w for w in wanted if (w.label, w.start, w.end) not in kept_places]
        for gold in added:
            changes += project.spans.add(
                item.document,
                GOLD_ANNOTATOR,
                gold.label,
                gold.start,
                gold.end,
                gold.attrs,
                "adjudicated",
                gold.uid,
            )
        kept_uids = {(s.label, s.start, s.end): s.uid for s in kept}
        for gold in wanted:
            head = kept_uids.get((gold.label, gold.start, gold.end), gold.uid)
            changes += _link(project, item.document, head, gold)
        made = tuple(s.uid for s in kept) + tuple(gold.uid for gold in added)
        _put_decision(project, item, Decision(item.key, verdict, made, self.reviewer, now()))
        return changes

    def _restore(self, project: Project, item: Item, before: Snapshot) -> Changes:
        changes = Changes()
        for span in _gold_spans(project, item):
            changes += project.spans.remove(span.uid)
        for span in before.spans:
            changes += restore_span(project, span, [])
        for relation in before.relations:
            if _is_gold(project, relation.head, item.document) and _is_gold(
                project, relation.tail, item.document
            ):
                changes += project.relations.add(
                    relation.label, relation.head, relation.tail, relation.origin, relation.uid
                )
        _put_decision(project, item, before.decision)
        return changes


def _link(project: Project, document: str, head: str, gold: GoldSpan) -> Changes:
    """The accepted version's links from ``head``, to the gold spans where its tails are,
    as far as the schema allows them."""
    changes = Changes()
    head_label = project.spans.get(head).label
    for label, start, end in gold.links:
        relation = project.labels.relation_label(label)
        if relation is None:
            continue
        there = gold_at(project, document, start, end)
        tail = next((s for s in there if relation.allows(head_label, s.label)), None)
        if tail is None:
            continue
        if not project.relations.find(label, head, tail.uid):
            changes += project.relations.add(label, head, tail.uid, "adjudicated")
    return changes


def _gold_of(version: Version) -> list[GoldSpan]:
    """Gold spans equal to an annotator's version, with its attributes and links."""
    return [
        GoldSpan(new_uid(), s.label, s.start, s.end, dict(s.attrs), tuple(sorted(links)))
        for s, links in zip(version.spans, version.links, strict=True)
    ]


def _taken_over(
    project: Project, document: str, gold: list[Span], wanted: list[GoldSpan]
) -> list[Span]:
    """Gold spans, not among ``gold``, exactly where a wanted span goes: one a quote's
    decision made as its speaker, which the speaker's own item then keeps as its own."""
    have = {(span.label, span.start, span.end) for span in gold}
    found = [
        project.spans.find(document, GOLD_ANNOTATOR, w.label, w.start, w.end)
        for w in wanted
        if (w.label, w.start, w.end) not in have
    ]
    return [project.spans.get(uid) for uid in found if uid is not None]


def _words(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _gold_spans(project: Project, item: Item) -> list[Span]:
    """The item's gold spans: those its decision made, else those equal to a version's."""
    row = project.store.conn.execute(
        "SELECT spans FROM decisions WHERE document = ? AND item = ?", (item.document, item.key)
    ).fetchone()
    if row is not None:  # those of them still there, in the layer's order
        made = [project.spans.get(uid) for uid in json.loads(row[0]) if project.spans.exists(uid)]
        kept = [s for s in made if (s.document, s.annotator) == (item.document, GOLD_ANNOTATOR)]
        return sorted(kept, key=lambda span: (span.start, -span.end, span.label))
    gold = project.spans.overlapping(item.document, item.start, item.end, GOLD_ANNOTATOR)
    places = {(s.label, s.start, s.end) for v in item.versions for s in v.spans}
    return [span for span in gold if (span.label, span.start, span.end) in places]


def _is_gold(project: Project, uid: str, document: str) -> bool:
    if not project.spans.exists(uid):
        return False
    span = project.spans.get(uid)
    return (span.document, span.annotator) == (document, GOLD_ANNOTATOR)


def _put_decision(project: Project, item: Item, decision: Decision | None) -> None:
    conn = project.store.conn
    conn.execute("DELETE FROM decisions WHERE document = ? AND item = ?", (item.document, item.key))
    if decision is not None:
        conn.execute(
            "INSERT INTO decisions (document, item, decision, spans, reviewer, decided_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                item.document,
                item.key,
                decision.verdict,
                json.dumps(list(decision.spans)),
                decision.reviewer,
                decision.decided_at,
            ),
        )
