"""Who said it, in review: each annotator's speaker and cue for a quote, a disagreement
about them as a state of its own, and the reviewer's decisions on them in the gold layer."""

from __future__ import annotations

import pytest

from annotate.errors import InputError
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.counts import ReviewCount, review_counts
from annotate.review.disagreements import Item, document_items
from annotate.review.listing import ItemList

TEXT = "قال والتز في مؤتمر صحفي إن «الحرب ستنتهي قبل الشتاء»، ورد زيلينسكي بأن كييف لن تتنازل."
QUOTE = "الحرب ستنتهي قبل الشتاء"


def place(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def mark(project: Project, document: str, annotator: str, label: str, piece: str) -> str:
    return project.spans.add(document, annotator, label, *place(piece)).spans_added[0]


def three_annotators(project: Project) -> str:
    """Ali says Waltz said it ("قال"), Huda says Zelensky did ("ورد"); Omar marked the
    names and Ali's cue but skipped the quote."""
    uid = project.documents.add(TEXT, "الحرب").documents_added[0]
    for name in ("ali", "huda", "omar"):
        for label, piece in (("PERSON", "والتز"), ("PERSON", "زيلينسكي"), ("GPE", "كييف")):
            mark(project, uid, name, label, piece)
    for name, speaker, cue in (("ali", "والتز", "قال"), ("huda", "زيلينسكي", "ورد")):
        quote = mark(project, uid, name, "QUOTE", QUOTE)
        project.relations.add("SPEAKER", quote, project_span(project, uid, name, speaker))
        project.relations.add("CUE", quote, mark(project, uid, name, "CUE", cue))
    mark(project, uid, "omar", "CUE", "قال")
    return uid


def project_span(project: Project, document: str, annotator: str, piece: str) -> str:
    found = project.spans.find(document, annotator, "PERSON", *place(piece))
    assert found is not None
    return found


def quote_item(project: Project, document: str) -> Item:
    return next(item for item in document_items(project, document) if item.is_passage)


def gold_spans(project: Project) -> list[tuple[str, int, int, str]]:
    return project.store.conn.execute(
        'SELECT label, start, "end", origin FROM spans WHERE annotator = ? ORDER BY start',
        (GOLD_ANNOTATOR,),
    ).fetchall()


def gold_relations(project: Project) -> list[tuple[object, ...]]:
    return project.store.conn.execute(
        'SELECT r.label, h.label, h.start, h."end", t.label, t.start, t."end", r.origin'
        " FROM relations r JOIN spans h ON h.uid = r.head JOIN spans t ON t.uid = r.tail"
        " WHERE h.annotator = ? ORDER BY r.label",
        (GOLD_ANNOTATOR,),
    ).fetchall()


def decisions(project: Project) -> list[tuple[str, str, str]]:
    return project.store.conn.execute(
        "SELECT item, decision, reviewer FROM decisions ORDER BY item"
    ).fetchall()


def test_review_shows_both_speakers_and_a_speaker_disagreement(project: Project) -> None:
    document = three_annotators(project)
    items = document_items(project, document)
    assert [(item.state, TEXT[item.start : item.end]) for item in items] == [
        ("missing", "قال"),
        ("agreed", "والتز"),
        ("speaker", QUOTE),  # not "only some", though Omar skipped it
        ("missing", "ورد"),
        ("agreed", "زيلينسكي"),
        ("agreed", "كييف"),
    ]
    quote = items[2]
    assert [(v.annotator, [s.label for s in v.spans], v.links) for v in quote.versions] == [
        ("ali", ["QUOTE"], (frozenset({("SPEAKER", 4, 9), ("CUE", 0, 3)}),)),
        ("huda", ["QUOTE"], (frozenset({("SPEAKER", 58, 66), ("CUE", 54, 57)}),)),
        ("omar", [], ()),
    ]
    listed = ItemList(project, document)
    assert [found.state for found in listed.rows] == [item.state for item in items]
    assert [listed.links(2, number) for number in range(3)] == [
        [frozenset({("SPEAKER", 4, 9), ("CUE", 0, 3)})],
        [frozenset({("SPEAKER", 58, 66), ("CUE", 54, 57)})],
        [],
    ]
    assert review_counts(project) == [ReviewCount(document, "الحرب", 3, 6, 6, 3)]


def test_accepting_one_writes_the_gold_quote_its_speaker_and_the_relations(
    project: Project,
) -> None:
    document = three_annotators(project)
    review = Review(project, "reviewer")
    quote = quote_item(project, document)
    review.accept(quote, "ali")
    assert review.history.next_undo().name == "Accept ali's version, SPEAKER والتز, CUE قال"  # type: ignore[union-attr]
    written_spans = [
        ("CUE", 0, 3, "adjudicated"),
        ("PERSON", 4, 9, "adjudicated"),
        ("QUOTE", 28, 51, "adjudicated"),
    ]
    written_relations = [
        ("CUE", "QUOTE", 28, 51, "CUE", 0, 3, "adjudicated"),
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 4, 9, "adjudicated"),
    ]
    assert gold_spans(project) == written_spans
    assert gold_relations(project) == written_relations
    assert decisions(project) == [(quote.key, "accepted", "reviewer")]
    review.history.undo()
    assert (gold_spans(project), gold_relations(project), decisions(project)) == ([], [], [])
    review.history.redo()
    assert gold_spans(project) == written_spans
    assert gold_relations(project) == written_relations


def test_a_speaker_already_in_gold_is_linked_and_kept(project: Project) -> None:
    document = three_annotators(project)
    review = Review(project, "reviewer")
    review.accept_unanimous(document_items(project, document))  # the names all three marked
    before = gold_spans(project)
    assert before == [
        ("PERSON", 4, 9, "adjudicated"),
        ("PERSON", 58, 66, "adjudicated"),
        ("GPE", 71, 75, "adjudicated"),
    ]
    speaker = project.spans.find(document, GOLD_ANNOTATOR, "PERSON", 58, 66)
    review.accept(quote_item(project, document), "huda")
    assert gold_spans(project) == [
        ("PERSON", 4, 9, "adjudicated"),
        ("QUOTE", 28, 51, "adjudicated"),
        ("CUE", 54, 57, "adjudicated"),  # Huda's cue, copied: gold had none there
        ("PERSON", 58, 66, "adjudicated"),  # the one gold had, not a copy
        ("GPE", 71, 75, "adjudicated"),
    ]
    (link,) = [
        r for r in project.relations.for_document(document, GOLD_ANNOTATOR) if r.label == "SPEAKER"
    ]
    assert link.tail == speaker
    review.history.undo()
    assert gold_spans(project) == before  # the speaker it found in gold stays


def test_the_reviewer_picks_another_speaker_and_removes_a_link(project: Project) -> None:
    document = three_annotators(project)
    review = Review(project, "reviewer")
    quote = quote_item(project, document)
    with pytest.raises(InputError, match="Accept a version first: there is no gold QUOTE here"):
        review.candidates(quote, "SPEAKER")
    review.accept(quote, "ali")
    offered = review.candidates(quote, "SPEAKER")
    assert [(t.label, t.start, t.end, t.marked_by, t.named_by) for t in offered] == [
        ("PERSON", 4, 9, ("ali", "huda", "omar", GOLD_ANNOTATOR), ("ali",)),
        ("PERSON", 58, 66, ("ali", "huda", "omar"), ("huda",)),
        ("GPE", 71, 75, ("ali", "huda", "omar"), ()),
    ]
    accepted = (gold_spans(project), gold_relations(project))
    review.link(quote, "SPEAKER", offered[1])  # Zelensky after all
    assert review.history.next_undo().name == "Gold SPEAKER زيلينسكي"  # type: ignore[union-attr]
    assert ("PERSON", 58, 66, "adjudicated") in gold_spans(project)
    assert gold_relations(project) == [
        ("CUE", "QUOTE", 28, 51, "CUE", 0, 3, "adjudicated"),
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 58, 66, "adjudicated"),
    ]
    assert decisions(project) == [(quote.key, "edited", "reviewer")]
    (cue, _) = review.gold_links(quote)[1]
    review.unlink(quote, cue.uid)
    assert gold_relations(project) == [
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 58, 66, "adjudicated")
    ]
    assert ("CUE", 0, 3, "adjudicated") in gold_spans(project)  # the cue itself stays
    review.history.undo()
    review.history.undo()
    assert (gold_spans(project), gold_relations(project)) == accepted
    assert decisions(project) == [(quote.key, "accepted", "reviewer")]


@pytest.mark.parametrize(
    ("huda", "state"),
    [
        ({"quote": QUOTE, "speaker": "والتز", "cue": "ورد"}, "cue"),
        ({"quote": "الحرب ستنتهي", "speaker": "زيلينسكي", "cue": "قال"}, "speaker"),
        ({"quote": "الحرب ستنتهي", "speaker": "والتز", "cue": "قال"}, "boundaries"),
        ({"quote": QUOTE, "speaker": "والتز", "cue": "قال"}, "agreed"),
        ({}, "missing"),
    ],
)
def test_a_quote_two_annotators_attribute(
    project: Project, huda: dict[str, str], state: str
) -> None:
    """Speakers that differ come first, then cues; else the quote is reviewed as any span."""
    document = project.documents.add(TEXT).documents_added[0]
    attributions = {"ali": {"quote": QUOTE, "speaker": "والتز", "cue": "قال"}, "huda": huda}
    for name, said in attributions.items():
        mark(project, document, name, "GPE", "كييف")
        if said:
            quote = mark(project, document, name, "QUOTE", said["quote"])
            speaker = mark(project, document, name, "PERSON", said["speaker"])
            project.relations.add("SPEAKER", quote, speaker)
            project.relations.add("CUE", quote, mark(project, document, name, "CUE", said["cue"]))
    assert quote_item(project, document).state == state
    (count,) = review_counts(project)
    listed = ItemList(project, document)
    row = next(
        row
        for row, found in enumerate(listed.rows)
        if found.key == quote_item(project, document).key
    )
    assert listed.rows[row].state == state
    assert count.items == len(listed)


def test_a_name_rejected_then_named_as_speaker_can_still_be_accepted(project: Project) -> None:
    """Accepting Ali's quote copies Waltz into gold though his item was rejected; accepting
    that item after all keeps the copy (and the quote's link to it) as its gold span."""
    document = three_annotators(project)
    review = Review(project, "reviewer")
    _, waltz, quote, *_ = document_items(project, document)
    review.reject(waltz)
    review.accept(quote, "ali")
    after_quote = (gold_spans(project), gold_relations(project))
    review.accept(waltz, "omar")
    assert (gold_spans(project), gold_relations(project)) == after_quote
    assert review.decision(waltz).verdict == "accepted"  # type: ignore[union-attr]
    review.reject(waltz)  # the quote loses its speaker with it
    assert ("PERSON", 4, 9, "adjudicated") not in gold_spans(project)
    assert [row[0] for row in gold_relations(project)] == ["CUE"]
    review.history.undo()
    review.history.undo()
    assert (gold_spans(project), gold_relations(project)) == after_quote
    assert review.decision(waltz).verdict == "rejected"  # type: ignore[union-attr]
