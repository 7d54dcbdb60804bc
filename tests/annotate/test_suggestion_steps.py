"""Accepting and rejecting suggestions: named undoable steps, each one analyst's decision,
that make (or not) the analyst's span, and that leave the suggestion open for that analyst
again when undone."""

from __future__ import annotations

import re

import pytest

from annotate.editing import Editor
from annotate.errors import InputError
from annotate.project import Project
from annotate.suggestions import Candidate

# Two paragraphs of news we wrote for these tests.
TEXT = (
    "استقبل الرئيس سليم الحداد وفدا من كندا في عمان.\n"
    "وقال الحداد إن الأردن وكندا سيوقعان اتفاقا للتجارة."
)
BREAK = TEXT.index("\n") + 1


def at(words: str, label: str, after: int = 0) -> Candidate:
    start = TEXT.index(words, after)
    return Candidate(label, start, start + len(words))


@pytest.fixture
def document(project: Project) -> str:
    document = project.documents.add(TEXT, "الزيارة").documents_added[0]
    candidates = [
        at("سليم الحداد", "PERSON"),
        at("كندا", "GPE"),
        at("عمان", "GPE"),
        at("الحداد", "PERSON", BREAK),
        at("الأردن", "GPE", BREAK),
        at("كندا", "GPE", BREAK),
    ]
    project.suggestions.add(document, candidates, "gazetteer")
    return document


def ali_spans(project: Project, document: str) -> list[tuple[str, str, str]]:
    return [
        (s.label, TEXT[s.start : s.end], s.origin)
        for s in project.spans.for_document(document, "ali")
    ]


def decisions(project: Project) -> list[tuple[str, str, str, str]]:
    """(text, analyst, state, span) of every decision, in the order of the text."""
    rows = project.store.conn.execute(
        'SELECT g.start, g."end", x.annotator, x.state, x.span FROM suggestion_decisions x'
        " JOIN suggestions g ON g.uid = x.suggestion ORDER BY g.start, x.annotator"
    )
    return [(TEXT[start:end], *rest) for start, end, *rest in rows]


def test_accepting_makes_the_span_and_undo_and_redo_take_it_back_and_again(
    project: Project, document: str
) -> None:
    editor = Editor(project, "ali")
    first = project.suggestions.open_for(document, "ali")[0]
    changes = editor.accept_suggestion(first.uid)
    (span,) = changes.spans_added
    assert changes.suggestions_changed == (document,)
    assert editor.history.next_undo().name == "Accept PERSON ‘سليم الحداد’"
    assert ali_spans(project, document) == [("PERSON", "سليم الحداد", "suggested")]
    assert decisions(project) == [("سليم الحداد", "ali", "accepted", span)]
    assert first.uid not in [s.uid for s in project.suggestions.open_for(document, "ali")]
    undone = editor.history.undo()
    assert (undone.spans_removed, undone.suggestions_changed) == ((span,), (document,))
    assert ali_spans(project, document) == []
    assert decisions(project) == []
    assert project.suggestions.open_for(document, "ali")[0].uid == first.uid
    editor.history.redo()
    assert ali_spans(project, document) == [("PERSON", "سليم الحداد", "suggested")]
    assert decisions(project) == [("سليم الحداد", "ali", "accepted", span)]  # same span


def test_accepting_under_another_label(project: Project, document: str) -> None:
    editor = Editor(project, "ali")
    canada = project.suggestions.open_for(document, "ali")[1]
    editor.accept_suggestion(canada.uid, "ORG")
    assert editor.history.next_undo().name == "Accept ORG ‘كندا’"
    assert ali_spans(project, document) == [("ORG", "كندا", "suggested")]
    assert project.suggestions.get(canada.uid).label == "GPE"  # what was suggested
    with pytest.raises(InputError, match="unknown label 'CITY'"):
        editor.accept_suggestion(project.suggestions.open_for(document, "ali")[1].uid, "CITY")


def test_rejecting_is_undone_and_redone(project: Project, document: str) -> None:
    editor = Editor(project, "ali")
    amman = project.suggestions.open_for(document, "ali")[2]
    assert editor.reject_suggestion(amman.uid).suggestions_changed == (document,)
    assert editor.history.next_undo().name == "Reject GPE ‘عمان’"
    assert ali_spans(project, document) == []
    assert decisions(project) == [("عمان", "ali", "rejected", "")]
    assert amman.uid not in [s.uid for s in project.suggestions.open_for(document, "ali")]
    editor.history.undo()
    assert decisions(project) == []
    editor.history.redo()
    assert decisions(project) == [("عمان", "ali", "rejected", "")]


def test_an_analyst_cannot_decide_a_suggestion_twice_but_another_may(
    project: Project, document: str
) -> None:
    ali, sara = Editor(project, "ali"), Editor(project, "sara")
    first, second = project.suggestions.open_for(document, "ali")[:2]
    ali.accept_suggestion(first.uid)
    sara.reject_suggestion(second.uid)
    for decide, message in (
        (lambda: ali.reject_suggestion(first.uid), "already accepted (by ali)"),
        (lambda: sara.accept_suggestion(second.uid), "already rejected (by sara)"),
    ):
        with pytest.raises(InputError, match=re.escape(f"the suggestion is {message}")):
            decide()
    assert sara.history.next_undo().name == "Reject GPE ‘كندا’"
    sara.accept_suggestion(first.uid)
    ali.accept_suggestion(second.uid)
    assert decisions(project)[:4] == [
        ("سليم الحداد", "ali", "accepted", project.spans.for_document(document, "ali")[0].uid),
        ("سليم الحداد", "sara", "accepted", project.spans.for_document(document, "sara")[0].uid),
        ("كندا", "ali", "accepted", project.spans.for_document(document, "ali")[1].uid),
        ("كندا", "sara", "rejected", ""),
    ]


def test_undoing_one_analysts_decision_leaves_the_others(project: Project, document: str) -> None:
    ali, sara = Editor(project, "ali"), Editor(project, "sara")
    amman = project.suggestions.open_for(document, "ali")[2]
    ali.reject_suggestion(amman.uid)
    made = sara.accept_suggestion(amman.uid).spans_added[0]
    ali.history.undo()
    assert decisions(project) == [("عمان", "sara", "accepted", made)]
    assert amman.uid in [s.uid for s in project.suggestions.open_for(document, "ali")]
    assert amman.uid not in [s.uid for s in project.suggestions.open_for(document, "sara")]
    ali.history.redo()
    sara.history.undo()
    assert decisions(project) == [("عمان", "ali", "rejected", "")]
    assert project.spans.for_document(document, "sara") == []
    sara.history.redo()
    assert decisions(project) == [
        ("عمان", "ali", "rejected", ""),
        ("عمان", "sara", "accepted", made),
    ]


def test_accepting_all_in_a_paragraph_is_one_step(project: Project, document: str) -> None:
    editor = Editor(project, "ali")
    project.annotators.ensure("ali")
    project.spans.add(document, "ali", "GPE", *at("الأردن", "GPE", BREAK)[1:3])  # done already
    editor.accept_suggestions(document, BREAK, len(TEXT))
    assert editor.history.next_undo().name == "Accept 2 suggestions"
    assert ali_spans(project, document) == [
        ("PERSON", "الحداد", "suggested"),
        ("GPE", "الأردن", "manual"),
        ("GPE", "كندا", "suggested"),
    ]
    assert len(project.suggestions.open_for(document, "sara")) == 6
    editor.history.undo()
    assert ali_spans(project, document) == [("GPE", "الأردن", "manual")]
    assert decisions(project) == []
    editor.history.redo()
    assert [(text, state) for text, _, state, _ in decisions(project)] == [
        ("الحداد", "accepted"),
        ("كندا", "accepted"),
    ]
    with pytest.raises(InputError, match="no open suggestion there"):
        editor.accept_suggestions(document, BREAK, len(TEXT))
    editor.accept_suggestions(document, 0, BREAK)
    assert editor.history.next_undo().name == "Accept 3 suggestions"


def test_accepting_all_leaves_the_suggestions_that_overlap_one_another_or_a_span(
    project: Project, document: str
) -> None:
    """Two labels for one name, or a name inside a longer one of the same suggestions, are
    choices to make one by one: accepting all never marks a name twice."""
    project.suggestions.add(
        document,
        [at("كندا", "ORG"), at("الحداد", "PERSON"), at("عمان", "ORG")],
        "model:news",
    )
    project.annotators.ensure("ali")
    project.spans.add(document, "ali", "LOC", *at("عمان", "GPE")[1:3])  # another label there
    editor = Editor(project, "ali")
    with pytest.raises(InputError, match="overlap one another or your spans"):
        editor.accept_suggestions(document, 0, BREAK)  # every one there is in doubt
    assert ali_spans(project, document) == [("LOC", "عمان", "manual")]
    editor.accept_suggestions(document, BREAK, len(TEXT))  # the second paragraph's are clear
    assert [text for _, text, _ in ali_spans(project, document)] == [
        "عمان",
        "الحداد",
        "الأردن",
        "كندا",
    ]


def test_a_suggestion_a_span_of_its_label_overlaps_is_not_offered(
    project: Project, document: str
) -> None:
    project.annotators.ensure("ali")
    name = at("سليم الحداد", "PERSON")
    project.spans.add(document, "ali", "PERSON", name.start + 5, name.end)  # الحداد only
    offered = [TEXT[s.start : s.end] for s in project.suggestions.open_for(document, "ali")]
    assert "سليم الحداد" not in offered
    assert "سليم الحداد" in [
        TEXT[s.start : s.end] for s in project.suggestions.open_for(document, "sara")
    ]
