"""Disagreements between two annotators, and a reviewer's decisions into the gold layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotate.corpus.export_files import export_corpus
from annotate.errors import InputError
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.counts import ReviewCount, review_counts
from annotate.review.disagreements import Item, document_items, document_versions, key_of, state_of

TEXT = (
    "قال وزير الخارجية سامي الحداد في مؤتمر صحفي بعمّان إن «الحوار هو الطريق الوحيد». "
    "وأضافت الوزيرة ريم ناصر أن «الاتفاق قريب»."
)


def place(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def mark(project: Project, document: str, annotator: str, label: str, piece: str) -> str:
    return project.spans.add(document, annotator, label, *place(piece)).spans_added[0]


@pytest.fixture
def document(project: Project) -> str:
    return disagreeing_document(project)


def disagreeing_document(project: Project) -> str:
    """Ali and Huda disagree in every way a review knows."""
    uid = project.documents.add(TEXT, "مؤتمر").documents_added[0]
    mark(project, uid, "ali", "TITLE", "وزير الخارجية")
    mark(project, uid, "huda", "PERSON", "وزير الخارجية")
    ali_speaker = mark(project, uid, "ali", "PERSON", "سامي الحداد")
    huda_speaker = mark(project, uid, "huda", "PERSON", "الحداد")
    for name in ("ali", "huda"):
        mark(project, uid, name, "GPE", "عمّان")
        mark(project, uid, name, "QUOTE", "الاتفاق قريب")
    ali_quote = mark(project, uid, "ali", "QUOTE", "الحوار هو الطريق الوحيد")
    huda_quote = mark(project, uid, "huda", "QUOTE", "الحوار هو الطريق الوحيد")
    project.relations.add("SPEAKER", ali_quote, ali_speaker)
    project.relations.add("SPEAKER", huda_quote, huda_speaker)
    mark(project, uid, "ali", "PERSON", "ريم ناصر")
    return uid


def described(items: list[Item]) -> list[tuple[str, str]]:
    return [(item.state, TEXT[item.start : item.end]) for item in items]


def gold(project: Project, document: str) -> list[tuple[str, str, str]]:
    return [
        (s.label, TEXT[s.start : s.end], s.origin)
        for s in project.spans.for_document(document, GOLD_ANNOTATOR)
    ]


def test_each_way_of_disagreeing_is_one_item(project: Project, document: str) -> None:
    assert described(document_items(project, document)) == [
        ("label", "وزير الخارجية"),
        ("boundaries", "سامي الحداد"),
        ("agreed", "عمّان"),
        ("speaker", "الحوار هو الطريق الوحيد"),
        ("missing", "ريم ناصر"),
        ("agreed", "الاتفاق قريب"),
    ]


def test_the_reviewer_decides_every_item_into_gold(project: Project, document: str) -> None:
    review = Review(project, "reviewer")
    items = document_items(project, document)
    label, bounds, _, relation, missing, _ = items
    review.accept_unanimous(items)
    review.accept(label, "huda")
    review.accept(bounds, "ali")
    review.accept(relation, "ali")
    review.reject(missing)
    assert gold(project, document) == [
        ("PERSON", "وزير الخارجية", "adjudicated"),
        ("PERSON", "سامي الحداد", "adjudicated"),
        ("GPE", "عمّان", "adjudicated"),
        ("QUOTE", "الحوار هو الطريق الوحيد", "adjudicated"),
        ("QUOTE", "الاتفاق قريب", "adjudicated"),
    ]
    (link,) = project.relations.for_document(document, GOLD_ANNOTATOR)
    speaker = project.spans.get(link.tail)
    assert (link.label, TEXT[speaker.start : speaker.end]) == ("SPEAKER", "سامي الحداد")
    decisions = Review(project, "someone else").decisions(document)  # resumed later
    assert len(decisions) == 6
    assert {d.verdict for d in decisions.values()} == {"accepted", "rejected"}
    assert {d.reviewer for d in decisions.values()} == {"reviewer"}


def test_decisions_undo_and_redo_exactly(project: Project, document: str) -> None:
    review = Review(project, "reviewer")
    items = document_items(project, document)
    review.accept(items[1], "ali")
    after_first = gold(project, document)
    review.accept(items[1], "huda")  # changing one's mind
    assert gold(project, document) == [("PERSON", "الحداد", "adjudicated")]
    review.history.undo()
    assert gold(project, document) == after_first
    review.history.undo()
    assert gold(project, document) == [] and review.decisions(document) == {}
    review.history.redo()
    assert gold(project, document) == after_first


def test_accepting_a_quote_writes_the_speaker_it_links_to(project: Project, document: str) -> None:
    """Ali's speaker is not in gold yet: accepting Ali's quote copies it there and links it,
    and undo takes both away again."""
    review = Review(project, "reviewer")
    _, bounds, _, speaker, _, _ = document_items(project, document)
    review.accept(speaker, "ali")
    assert review.history.next_undo().name == "Accept ali's version, SPEAKER سامي الحداد"  # type: ignore[union-attr]
    assert gold(project, document) == [
        ("PERSON", "سامي الحداد", "adjudicated"),
        ("QUOTE", "الحوار هو الطريق الوحيد", "adjudicated"),
    ]
    (link,) = project.relations.for_document(document, GOLD_ANNOTATOR)
    assert TEXT[project.spans.get(link.tail).start :].startswith("سامي الحداد")
    review.accept(bounds, "ali")  # the speaker's own item keeps that gold span, and the link
    assert len(project.spans.for_document(document, GOLD_ANNOTATOR)) == 2
    assert len(project.relations.for_document(document, GOLD_ANNOTATOR)) == 1
    review.history.undo()
    review.history.undo()
    assert gold(project, document) == []
    assert project.relations.for_document(document, GOLD_ANNOTATOR) == []


def test_accepting_all_unanimous_links_a_quote_before_its_speaker(project: Project) -> None:
    text = "«الاتفاق قريب» قالت الوزيرة ريم ناصر."
    uid = project.documents.add(text).documents_added[0]
    for name in ("ali", "huda"):
        quote = project.spans.add(uid, name, "QUOTE", 1, 13).spans_added[0]
        start = text.index("ريم")
        person = project.spans.add(uid, name, "PERSON", start, start + 8).spans_added[0]
        project.relations.add("SPEAKER", quote, person)
    review = Review(project, "reviewer")
    review.accept_unanimous(document_items(project, uid))
    (link,) = project.relations.for_document(uid, GOLD_ANNOTATOR)
    speaker = project.spans.get(link.tail)
    assert (link.label, text[speaker.start : speaker.end]) == ("SPEAKER", "ريم ناصر")


def test_editing_a_gold_span_is_a_decision_of_its_own(project: Project, document: str) -> None:
    review = Review(project, "reviewer")
    item = document_items(project, document)[1]
    review.accept(item, "ali")
    (span,) = review.gold_spans(item)
    review.resize(item, span.uid, "start", grow=False, by_word=True)
    assert gold(project, document) == [("PERSON", "الحداد", "adjudicated")]
    assert review.decisions(document)[item.key].verdict == "edited"
    review.relabel(item, span.uid, "TITLE")
    assert gold(project, document) == [("TITLE", "الحداد", "adjudicated")]
    review.history.undo()
    review.history.undo()
    assert gold(project, document) == [("PERSON", "سامي الحداد", "adjudicated")]
    assert review.decisions(document)[item.key].verdict == "accepted"


def test_nested_items_keep_each_others_gold(project: Project, tmp_path: Path) -> None:
    text = "درس في جامعة بيروت العربية."
    uid = project.documents.add(text).documents_added[0]
    outer, inner = "جامعة بيروت العربية", "بيروت"
    for name in ("ali", "huda"):
        project.spans.add(uid, name, "ORG", text.index(outer), text.index(outer) + len(outer))
    project.spans.add(uid, "ali", "GPE", text.index(inner), text.index(inner) + len(inner))
    review = Review(project, "reviewer")
    org, gpe = document_items(project, uid)
    assert (org.state, gpe.state) == ("agreed", "missing")
    review.accept(gpe, "ali")
    review.accept(org, "ali")
    review.reject(org)
    assert [s.label for s in project.spans.for_document(uid, GOLD_ANNOTATOR)] == ["GPE"]


def test_nothing_to_accept_is_refused(project: Project, document: str) -> None:
    missing = document_items(project, document)[4]
    with pytest.raises(InputError, match="huda marked nothing here"):
        Review(project, "reviewer").accept(missing, "huda")


def test_the_gold_layer_exports_like_any_annotator(
    project: Project, document: str, tmp_path: Path
) -> None:
    review = Review(project, "reviewer")
    items = document_items(project, document)
    review.accept_unanimous(items)
    review.accept(items[3], "huda")  # Huda's quote, and the speaker it links to
    export_corpus(project, tmp_path / "gold.jsonl", "jsonl", source="gold")
    (record,) = [
        json.loads(line)
        for line in (tmp_path / "gold.jsonl").read_text("utf-8").split("\n")
        if line
    ]
    assert record["annotator"] == GOLD_ANNOTATOR
    assert [(s["label"], s["text"]) for s in record["spans"]] == [
        ("PERSON", "الحداد"),
        ("GPE", "عمّان"),
        ("QUOTE", "الحوار هو الطريق الوحيد"),
        ("QUOTE", "الاتفاق قريب"),
    ]


def test_the_review_list_counts_items_disagreements_and_what_is_left(
    project: Project, document: str
) -> None:
    agreed = project.documents.add(TEXT + " ", "متفق").documents_added[0]
    for name in ("ali", "huda"):
        mark(project, agreed, name, "GPE", "عمّان")
    alone = project.documents.add(TEXT + "  ", "وحده").documents_added[0]
    mark(project, alone, "ali", "GPE", "عمّان")  # one annotator: nothing to compare
    items = document_items(project, document)
    counted = document_versions(project, document)
    assert sorted(map(key_of, counted)) == sorted(item.key for item in items)
    assert sorted(map(state_of, counted)) == sorted(item.state for item in items)
    assert review_counts(project) == [
        ReviewCount(document, "مؤتمر", 4, 6, 6, 4),
        ReviewCount(agreed, "متفق", 0, 1, 1, 0),
    ]
    review = Review(project, "reviewer")
    label, bounds, *_ = document_items(project, document)
    review.accept(label, "huda")
    review.reject(bounds)
    review.accept(document_items(project, agreed)[0], "ali")
    seen: list[tuple[int, int]] = []
    counted = review_counts(project, lambda done, total: seen.append((done, total)))
    assert counted == [
        ReviewCount(document, "مؤتمر", 4, 4, 6, 2),  # two disagreements decided
        ReviewCount(agreed, "متفق", 0, 0, 1, 0),
    ]
    assert seen == [(3, 3)]
