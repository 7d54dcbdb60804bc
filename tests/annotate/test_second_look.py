"""A second look: where a trained model's confident suggestions and the analysts' spans
differ (possible misses and possible errors), for a document and for the whole project."""

from __future__ import annotations

import pytest

from annotate.editing import Editor
from annotate.errors import InputError
from annotate.project import Project
from annotate.review.second_look import (
    Counts,
    confident_suggestions,
    second_look,
    second_look_counts,
)
from annotate.suggestions import Candidate
from tests.helpers import table_checksums

# News sentences we wrote for these tests.
TEXT = (
    "قال وزير الخارجية سامي الحداد في مؤتمر بعمّان إن شركة النور للطيران وقعت اتفاقا"
    " مع الحكومة الأردنية أمس."
)
OTHER = "وصلت ليلى منصور إلى بيروت صباح الأحد."
Seen = tuple[str, int, int, str, str, str, str]


def at(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def suggest(
    project: Project,
    document: str,
    label: str,
    words: str,
    score: float | None,
    source: str = "model:ner",
    text: str = TEXT,
) -> str:
    project.suggestions.add(document, [Candidate(label, *at(words, text), score)], source)
    start, end = at(words, text)
    query = 'SELECT uid FROM suggestions WHERE label = ? AND start = ? AND "end" = ?'
    return str(project.store.conn.execute(query, (label, start, end)).fetchone()[0])


def mark(project: Project, document: str, annotator: str, label: str, words: str) -> None:
    project.spans.add(document, annotator, label, *at(words))


def seen(project: Project, document: str | None = None, min_score: float = 0.8) -> list[Seen]:
    """(why, start, end, label, annotator, the suggestion's label, the text) of each place."""
    return [
        (p.why, p.start, p.end, p.label, p.annotator, p.suggestion.label, p.text)
        for p in second_look(project, document, min_score)
    ]


@pytest.fixture
def document(project: Project) -> str:
    """The text, which ali is annotating (a second look is only where analysts worked)."""
    added = project.documents.add(TEXT, "المؤتمر").documents_added[0]
    project.documents.set_status(added, "ali", "in_progress")
    return added


def test_a_confident_suggestion_no_analyst_marked_is_a_possible_miss(
    project: Project, document: str
) -> None:
    mark(project, document, "ali", "GPE", "عمّان")
    suggest(project, document, "PERSON", "سامي الحداد", 0.95)
    assert seen(project) == [("miss", 18, 29, "PERSON", "", "PERSON", "سامي الحداد")]
    (place,) = second_look(project)
    assert (place.document, place.number, place.kind) == (document, 1, "miss")
    assert place.suggestion.score == 0.95 and place.suggestion.source == "model:ner"
    assert place.described() == "possible miss   PERSON (model:ner 0.95)"


def test_an_analysts_span_the_model_labels_otherwise_is_a_possible_error(
    project: Project, document: str
) -> None:
    mark(project, document, "ali", "TITLE", "وزير الخارجية")
    mark(project, document, "huda", "PERSON", "وزير الخارجية")  # as the model reads it
    suggest(project, document, "PERSON", "وزير الخارجية", 0.9)
    assert seen(project) == [("label", 4, 17, "TITLE", "ali", "PERSON", "وزير الخارجية")]
    (place,) = second_look(project)
    assert place.kind == "error"
    assert place.described() == "possible error  ali: TITLE; PERSON (model:ner 0.90)"


def test_a_span_of_the_models_label_with_other_bounds_is_a_possible_error(
    project: Project, document: str
) -> None:
    mark(project, document, "ali", "ORG", "شركة النور للطيران")  # as the model reads it
    mark(project, document, "huda", "ORG", "النور للطيران")
    mark(project, document, "omar", "ORG", "النور")
    mark(project, document, "omar", "ORG", "شركة النور للطيران")  # omar has it too
    suggest(project, document, "ORG", "شركة النور للطيران", 0.85)
    assert seen(project) == [("bounds", 54, 67, "ORG", "huda", "ORG", "النور للطيران")]
    (place,) = second_look(project)
    assert place.described() == "possible error  huda: ORG; ORG 49-67 (model:ner 0.85)"


def test_a_span_across_the_suggestion_is_an_error_and_one_holding_it_is_not(
    project: Project, document: str
) -> None:
    """Nested spans are the schema's: an ORG holding a GPE is no error, and the GPE that
    nobody marked is a miss; a TITLE across a PERSON's words competes with it."""
    mark(project, document, "ali", "ORG", "الحكومة الأردنية")
    suggest(project, document, "GPE", "الأردنية", 0.9)
    mark(project, document, "huda", "TITLE", "الخارجية سامي")
    suggest(project, document, "PERSON", "سامي الحداد", 0.9)
    assert seen(project) == [
        ("label", 9, 22, "TITLE", "huda", "PERSON", "الخارجية سامي"),
        ("miss", 91, 99, "GPE", "", "GPE", "الأردنية"),
    ]


def test_suggestions_below_the_threshold_and_the_gazetteers_are_left_out(
    project: Project, document: str
) -> None:
    suggest(project, document, "GPE", "عمّان", 0.79)
    suggest(project, document, "ORG", "الحكومة الأردنية", None, source="gazetteer")
    suggest(project, document, "PERSON", "سامي الحداد", 0.8)  # at the threshold: in
    assert seen(project) == [("miss", 18, 29, "PERSON", "", "PERSON", "سامي الحداد")]
    assert [p[1:3] for p in seen(project, min_score=0.5)] == [(18, 29), (40, 45)]
    assert seen(project, min_score=0.81) == []


def test_unscored_and_imported_predictions_count(project: Project, document: str) -> None:
    """The entity recogniser `annotate train` makes gives no score; an imported file's
    predictions (in any format) may have none either."""
    suggest(project, document, "PERSON", "سامي الحداد", None)
    suggest(project, document, "ORG", "شركة النور للطيران", None, source="import:preds.conll")
    places = second_look(project, min_score=1.0)
    assert [(p.text, p.suggestion.source) for p in places] == [
        ("سامي الحداد", "model:ner"),
        ("شركة النور للطيران", "import:preds.conll"),
    ]
    assert places[0].described() == "possible miss   PERSON (model:ner no score)"


def test_gold_is_not_an_analysts_work(project: Project, document: str) -> None:
    """A gold span the model agrees with leaves its miss; a gold span it reads otherwise
    is no error."""
    mark(project, document, "gold", "PERSON", "سامي الحداد")
    mark(project, document, "gold", "TITLE", "وزير الخارجية")
    suggest(project, document, "PERSON", "سامي الحداد", 0.9)
    suggest(project, document, "PERSON", "وزير الخارجية", 0.9)
    assert seen(project) == [
        ("miss", 4, 17, "PERSON", "", "PERSON", "وزير الخارجية"),
        ("miss", 18, 29, "PERSON", "", "PERSON", "سامي الحداد"),
    ]


def test_decided_suggestions_count_and_say_who_rejected_them(
    project: Project, document: str
) -> None:
    """A rejection is one analyst's reading: the reviewer looks again, told every analyst
    who rejected it. An accepted one is the analyst's span: nothing to look at."""
    rejected = suggest(project, document, "PERSON", "سامي الحداد", 0.9)
    accepted = suggest(project, document, "ORG", "شركة النور للطيران", 0.9)
    for name in ("omar", "huda"):
        Editor(project, name).reject_suggestion(rejected)
    Editor(project, "ali").accept_suggestion(accepted)
    mark(project, document, "omar", "ORG", "النور للطيران")
    assert seen(project) == [
        ("miss", 18, 29, "PERSON", "", "PERSON", "سامي الحداد"),
        ("bounds", 54, 67, "ORG", "omar", "ORG", "النور للطيران"),
    ]
    miss = second_look(project)[0]
    assert miss.suggestion.decided_by("rejected") == ["huda", "omar"]
    assert miss.described() == "possible miss   PERSON (model:ner 0.90, rejected by huda, omar)"
    decisions = miss.to_json()["suggestion"]["decisions"]
    assert [(d["annotator"], d["state"]) for d in decisions] == [
        ("huda", "rejected"),
        ("omar", "rejected"),
    ]
    assert all(d["decided_at"] for d in decisions)


def test_each_document_and_the_whole_project_are_counted_in_one_go(
    project: Project, document: str
) -> None:
    other = project.documents.add(OTHER, "الوصول").documents_added[0]
    project.documents.add("لا أحد هنا.", "فارغ")
    project.documents.set_status(other, "omar", "in_progress")
    mark(project, document, "ali", "TITLE", "وزير الخارجية")
    suggest(project, document, "PERSON", "وزير الخارجية", 0.9)
    suggest(project, document, "PERSON", "سامي الحداد", 0.9)
    suggest(project, other, "PERSON", "ليلى منصور", 0.99, text=OTHER)
    suggest(project, other, "GPE", "بيروت", 0.99, text=OTHER)
    assert second_look_counts(project) == {document: Counts(1, 1), other: Counts(2, 0)}
    assert [(p.number, p.text) for p in second_look(project)] == [
        (1, "وزير الخارجية"),
        (1, "سامي الحداد"),
        (2, "ليلى منصور"),
        (2, "بيروت"),
    ]
    assert [p.text for p in second_look(project, other)] == ["ليلى منصور", "بيروت"]
    assert [(s.label, s.start, s.end) for s in confident_suggestions(project, other)] == [
        ("PERSON", 5, 15),
        ("GPE", 20, 25),
    ]


def test_a_document_no_analyst_has_worked_on_has_nothing_to_look_at(
    project: Project, document: str
) -> None:
    """Neither a span of gold's nor a status of new makes a document worked on."""
    suggest(project, document, "PERSON", "سامي الحداد", 0.95)
    mark(project, document, "gold", "GPE", "عمّان")
    project.documents.set_status(document, "ali", "new")
    assert seen(project) == [] and second_look_counts(project) == {}
    assert confident_suggestions(project, document) == []
    project.documents.set_status(document, "ali", "in_progress")
    assert seen(project) == [("miss", 18, 29, "PERSON", "", "PERSON", "سامي الحداد")]


@pytest.mark.parametrize("threshold", [-0.1, 1.5, float("nan")])
def test_a_threshold_outside_0_to_1_is_refused_and_changes_nothing(
    project: Project, document: str, threshold: float
) -> None:
    suggest(project, document, "PERSON", "سامي الحداد", 0.9)
    before = table_checksums(project.path)
    with pytest.raises(InputError, match="expected a number from 0 to 1") as refused:
        second_look(project, min_score=threshold)
    assert refused.value.field == "min-score"
    assert table_checksums(project.path) == before
