"""Undoing a decision puts back the gold spans it removed with their links."""

from __future__ import annotations

from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.disagreements import document_items
from tests.annotate.test_review import TEXT, disagreeing_document


def gold_links(project: Project, document: str) -> list[tuple[str, str, str]]:
    found = []
    for link in project.relations.for_document(document, GOLD_ANNOTATOR):
        head, tail = project.spans.get(link.head), project.spans.get(link.tail)
        found.append((link.label, TEXT[head.start : head.end], TEXT[tail.start : tail.end]))
    return found


def test_undoing_a_rejection_puts_the_quote_back_with_its_speaker(project: Project) -> None:
    document = disagreeing_document(project)
    review = Review(project, "reviewer")
    _, bounds, _, relation, _, _ = document_items(project, document)
    review.accept(bounds, "ali")
    review.accept(relation, "ali")
    linked = [("SPEAKER", "الحوار هو الطريق الوحيد", "سامي الحداد")]
    assert gold_links(project, document) == linked
    review.reject(relation)
    assert gold_links(project, document) == []
    review.history.undo()
    assert gold_links(project, document) == linked
    review.history.undo()  # the quote undecided: no gold there, so no link
    review.history.undo()
    assert gold_links(project, document) == []
    review.history.redo()
    review.history.redo()
    assert gold_links(project, document) == linked
