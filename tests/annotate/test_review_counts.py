"""The review list counts every document exactly as its items, read one document at a time,
would: the same items, disagreements and undecided items, whatever the annotators did."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from annotate.model import GOLD_ANNOTATOR, now
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.counts import ReviewCount, review_counts
from annotate.review.disagreements import STATES, document_items
from annotate.review.listing import ItemList
from annotate.schema import RelationLabel, SpanLabel

# Names that a key's text must write as repr writes them: quotes, a percent sign, a
# backslash, Arabic.
ANNOTATORS = ("ali", "huda", "o'neil", '50% "sure"', "عمر\\2")
LABELS = ("PERSON", "ORG", "GPE", "TITLE", "QUOTE", "CUE", "RATE%", "it's")
TEXT_LENGTH = 240
OTHER_RELATION = "ABOUT"  # any span to any: neither a speaker nor a cue


def reference_counts(project: Project) -> list[ReviewCount]:
    """What each document's own items say, in the project's order."""
    decided: dict[str, set[str]] = {}
    for document, item in project.store.conn.execute("SELECT document, item FROM decisions"):
        decided.setdefault(document, set()).add(item)
    counts = []
    for uid, title in project.store.conn.execute(
        "SELECT uid, title FROM documents ORDER BY position"
    ).fetchall():
        items = document_items(project, uid)
        if items:
            disagreements = sum(item.disagreement for item in items)
            left = [item for item in items if item.key not in decided.get(uid, set())]
            disagreeing = sum(item.disagreement for item in left)
            counts.append(
                ReviewCount(uid, title, disagreements, len(left), len(items), disagreeing)
            )
    return counts


def random_project(project: Project, seed: int, documents: int = 12) -> None:
    """Documents where two to five annotators mark the same places, or nearly: dropped,
    moved, relabelled, doubled and nested spans, quotes linked to speakers and cues (a quote
    one annotator skipped among them), entities linked by another relation, gold spans,
    some decisions (one of them for an item that no longer exists)."""
    rng = random.Random(seed)
    for name in LABELS[6:]:
        project.labels.add_span_label(SpanLabel(name, name, name))
    project.labels.add_relation_label(RelationLabel(OTHER_RELATION, "About", "عن"))
    with project.transaction():
        for number in range(documents):
            text = "".join(rng.choice("ابتث جحخ دذر زسش") for _ in range(TEXT_LENGTH))
            uid = project.documents.add(text, f"{seed}-{number}").documents_added[0]
            _mark(project, rng, uid)
    for (uid,) in project.store.conn.execute("SELECT uid FROM documents").fetchall():
        _decide(project, rng, uid)


def _mark(project: Project, rng: random.Random, document: str) -> None:
    annotators = rng.sample(ANNOTATORS, rng.choice((1, 2, 3, 4, 5)))
    places = []
    for _ in range(rng.randint(0, 30)):
        start = rng.randrange(0, TEXT_LENGTH - 30)
        places.append((rng.choice(LABELS[:5]), start, start + rng.randint(1, 25)))
    for annotator in annotators:
        spans: dict[str, tuple[str, int, int]] = {}
        for label, start, end in places:
            turn = rng.random()
            if turn < 0.15:
                continue  # dropped
            if turn < 0.3:
                end = min(end + rng.randint(1, 4), TEXT_LENGTH)  # moved
            elif turn < 0.4:
                label = rng.choice(LABELS)  # relabelled
            elif turn < 0.5:
                start = start + rng.randint(1, 3)  # shifted
                end = max(end, start) + rng.randint(1, 8)
            elif turn < 0.55:
                _add(project, spans, document, annotator, rng.choice(LABELS), start, end)
            _add(project, spans, document, annotator, label, start, end)
        _link(project, rng, spans)
    for label, start, end in places[:2]:
        _add(project, {}, document, GOLD_ANNOTATOR, label, start, end)


def _add(
    project: Project,
    spans: dict[str, tuple[str, int, int]],
    document: str,
    annotator: str,
    label: str,
    start: int,
    end: int,
) -> None:
    if project.spans.find(document, annotator, label, start, end) is None:
        uid = project.spans.add(document, annotator, label, start, end).spans_added[0]
        spans[uid] = (label, start, end)


def _link(project: Project, rng: random.Random, spans: dict[str, tuple[str, int, int]]) -> None:
    quotes = [uid for uid, (label, _, _) in spans.items() if label == "QUOTE"]
    for quote in quotes:
        for relation, tails in (("SPEAKER", ("PERSON", "ORG", "GPE")), ("CUE", ("CUE",))):
            found = [uid for uid, (label, _, _) in spans.items() if label in tails]
            if found and rng.random() < 0.7:
                project.relations.add(relation, quote, rng.choice(found))
    people = [uid for uid, (label, _, _) in spans.items() if label == "PERSON"]
    places = [uid for uid, (label, _, _) in spans.items() if label == "GPE"]
    for person in people:
        if places and rng.random() < 0.3:
            project.relations.add(OTHER_RELATION, person, rng.choice(places))


def _decide(project: Project, rng: random.Random, document: str) -> None:
    items = document_items(project, document)
    review = Review(project, "reviewer")
    for item in rng.sample(items, min(len(items), rng.randint(0, 3))):
        review.reject(item)
    if items and rng.random() < 0.3:  # a decision whose item has changed since
        project.store.conn.execute(
            "INSERT INTO decisions (document, item, decision, spans, reviewer, decided_at)"
            " VALUES (?, 'feedfeedfeedfeed', 'rejected', '[]', 'reviewer', ?)",
            (document, now()),
        )
        project.store.conn.commit()


@pytest.mark.parametrize("seed", range(8))
def test_every_document_counts_as_its_items_do(project: Project, seed: int) -> None:
    random_project(project, seed)
    expected = reference_counts(project)
    assert any(count.disagreements for count in expected)
    assert review_counts(project) == expected


def test_the_random_projects_hold_every_state(tmp_path: Path) -> None:
    """What the tests above compare: every state, and speakers and cues that differ where
    an annotator skipped the quote, which come before "missing"."""
    seen: set[str] = set()
    for seed in range(8, 14):
        with Project.create(tmp_path / f"{seed}.annotate") as project:
            random_project(project, seed)
            for (uid,) in project.store.conn.execute("SELECT uid FROM documents").fetchall():
                for item in document_items(project, uid):
                    seen.add(item.state)
                    if any(not version.spans for version in item.versions):
                        seen.add(f"{item.state}, one skipped")
    assert {*STATES, "speaker, one skipped", "cue, one skipped"} - seen == set()


def test_a_document_whose_spans_name_no_known_label_still_counts(
    project: Project, project_path: Path
) -> None:
    """An older project may hold a span whose label its table lacks: counted all the same."""
    random_project(project, 1, documents=3)
    (uid,) = project.store.conn.execute(
        "SELECT document FROM spans GROUP BY document HAVING count(DISTINCT annotator) > 1"
        " ORDER BY document LIMIT 1"
    ).fetchone()
    conn = sqlite3.connect(project_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE spans SET label = 'LOST' WHERE document = ? AND label = 'PERSON'", (uid,))
    conn.commit()
    conn.close()
    assert review_counts(project) == reference_counts(project)
    listed, items = ItemList(project, uid), document_items(project, uid)
    assert [(f.start, f.end, f.state, f.key) for f in listed.rows] == [
        (item.start, item.end, item.state, item.key) for item in items
    ]
    assert [listed.item(row) for row in range(len(listed))] == items


@pytest.mark.parametrize("seed", range(8, 14))
def test_the_window_lists_every_document_as_its_items(project: Project, seed: int) -> None:
    """Each row: the item's place, state, key, labels and spans; read back, the item."""
    random_project(project, seed)
    for (uid,) in project.store.conn.execute("SELECT uid FROM documents").fetchall():
        items = document_items(project, uid)
        listed = ItemList(project, uid)
        assert len(listed) == len(items)
        if not items:
            continue
        assert listed.annotators == [version.annotator for version in items[0].versions]
        for row, (found, item) in enumerate(zip(listed.rows, items, strict=True)):
            assert (found.start, found.end, found.state, found.key) == (
                item.start,
                item.end,
                item.state,
                item.key,
            )
            assert listed.spans(row) == {
                v.annotator: [(s.start, s.end) for s in v.spans] for v in item.versions
            }
            for number, version in enumerate(item.versions):
                assert listed.labels(row, number) == [span.label for span in version.spans]
            assert listed.item(row) == item
