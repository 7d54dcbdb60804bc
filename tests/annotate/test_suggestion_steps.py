"""Accepting and rejecting suggestions: named undoable steps that make (or not) the
analyst's span, and that leave the suggestion open again when undone."""

from __future__ import annotations

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


def states(project: Project) -> list[tuple[str, str, str]]:
    rows = project.store.conn.execute(
        "SELECT label, state, annotator FROM suggestions ORDER BY start"
    )
    return [tuple(row) for row in rows]


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
    assert project.suggestions.get(first.uid)[-3:] == ("accepted", span, "ali")
    assert first.uid not in [s.uid for s in project.suggestions.open_for(document, "ali")]
    undone = editor.history.undo()
    assert (undone.spans_removed, undone.suggestions_changed) == ((span,), (document,))
    assert ali_spans(project, document) == []
    assert project.suggestions.get(first.uid)[-3:] == ("open", "", "")
    assert project.suggestions.open_for(document, "ali")[0].uid == first.uid
    editor.history.redo()
    assert ali_spans(project, document) == [("PERSON", "سليم الحداد", "suggested")]
    assert project.suggestions.get(first.uid)[-3:] == ("accepted", span, "ali")  # same span


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
    assert project.suggestions.get(amman.uid).state == "rejected"
    assert amman.uid not in [s.uid for s in project.suggestions.open_for(document, "ali")]
    editor.history.undo()
    assert project.suggestions.get(amman.uid)[-3:] == ("open", "", "")
    editor.history.redo()
    assert project.suggestions.get(amman.uid)[-3:] == ("rejected", "", "ali")


def test_a_decided_suggestion_cannot_be_decided_again(project: Project, document: str) -> None:
    ali, sara = Editor(project, "ali"), Editor(project, "sara")
    first, second = project.suggestions.open_for(document, "ali")[:2]
    ali.accept_suggestion(first.uid)
    sara.reject_suggestion(second.uid)
    for decide in (
        lambda: sara.accept_suggestion(first.uid),
        lambda: ali.reject_suggestion(first.uid),
        lambda: ali.accept_suggestion(second.uid),
    ):
        with pytest.raises(InputError, match=r"the suggestion is already \w+ \(by (ali|sara)\)"):
            decide()
    assert sara.history.next_undo().name == "Reject GPE ‘كندا’"


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
    assert [s.state for s in project.suggestions.open_for(document, "sara")] == ["open"] * 4
    editor.history.undo()
    assert ali_spans(project, document) == [("GPE", "الأردن", "manual")]
    assert [state for _, state, _ in states(project)] == ["open"] * 6
    editor.history.redo()
    assert [state for _, state, _ in states(project)][3:] == ["accepted", "open", "accepted"]
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
