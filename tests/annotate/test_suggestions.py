"""Suggestions: written checked and all or nothing, never twice, listed for an analyst,
decided by each analyst for themselves, cleared, and counted per label as accepted,
corrected and rejected."""

from __future__ import annotations

import pytest

from annotate.editing import Editor
from annotate.errors import InputError
from annotate.label_changes import rename_label
from annotate.project import Project
from annotate.suggestions import Candidate
from tests.helpers import table_checksums

# A news sentence we wrote for these tests.
TEXT = "قال وزير الخارجية سامي النجار إن كندا والأردن وقعتا اتفاقا في عمان أمس."


def at(words: str, label: str, score: float | None = None) -> Candidate:
    start = TEXT.index(words)
    return Candidate(label, start, start + len(words), score)


@pytest.fixture
def document(project: Project) -> str:
    return project.documents.add(TEXT, "الاتفاق").documents_added[0]


def stored(project: Project) -> list[tuple[object, ...]]:
    return project.store.conn.execute(
        'SELECT document, label, start, "end", attrs, source, score FROM suggestions ORDER BY start'
    ).fetchall()


def decisions(project: Project) -> list[tuple[object, ...]]:
    """(label, text, analyst, state, whether a span was made) of every decision."""
    rows = project.store.conn.execute(
        "SELECT g.label, g.start, g.\"end\", x.annotator, x.state, x.span <> ''"
        " FROM suggestion_decisions x JOIN suggestions g ON g.uid = x.suggestion"
        " ORDER BY g.start, x.annotator"
    )
    return [(label, TEXT[start:end], *rest) for label, start, end, *rest in rows]


def test_candidates_are_stored_at_their_exact_offsets(project: Project, document: str) -> None:
    changes = project.suggestions.add(
        document,
        [at("كندا", "GPE", 0.91), at("سامي النجار", "PERSON"), at("عمان", "GPE", 1)],
        "model:ner-1",
    )
    assert changes.suggestions_changed == (document,)
    assert stored(project) == [
        (1, "PERSON", 18, 29, "{}", "model:ner-1", None),
        (1, "GPE", 33, 37, "{}", "model:ner-1", 0.91),
        (1, "GPE", 62, 66, "{}", "model:ner-1", 1.0),
    ]
    assert decisions(project) == []
    assert TEXT[18:29] == "سامي النجار" and TEXT[33:37] == "كندا" and TEXT[62:66] == "عمان"
    assert project.spans.for_document(document) == []  # not a span


@pytest.mark.parametrize(
    ("candidate", "field", "message"),
    [
        (Candidate("CITY", 33, 37), "label", "unknown label 'CITY'"),
        (Candidate("GPE", 33, len(TEXT) + 1), "end", f"end {len(TEXT) + 1} is beyond the end"),
        (Candidate("GPE", -1, 3), "start", "start -1 is negative"),
        (Candidate("GPE", 37, 33), "end", "end 33 must be greater than start 37"),
        (Candidate("GPE", 33, 37, "high"), "score", 'expected a number or nothing, got "high"'),  # type: ignore[arg-type]
        (Candidate("GPE", 33, 37, float("nan")), "score", "expected a number or nothing"),
        (Candidate("QUOTE", 33, 37, None, {"kind": "said"}), "attrs.kind", "QUOTE kind must be"),
    ],
)
def test_one_bad_candidate_writes_none_and_names_its_field(
    project: Project, document: str, candidate: Candidate, field: str, message: str
) -> None:
    before = table_checksums(project.path)
    with pytest.raises(InputError, match=message) as refused:
        project.suggestions.add(document, [at("كندا", "GPE"), candidate], "gazetteer")
    assert refused.value.field == field
    assert table_checksums(project.path) == before


def test_an_unknown_document_and_a_blank_source_are_refused(
    project: Project, document: str
) -> None:
    with pytest.raises(InputError, match="no document abc in the project") as refused:
        project.suggestions.add("abc", [at("كندا", "GPE")], "gazetteer")
    assert refused.value.field == "document"
    with pytest.raises(InputError, match="needs a source") as refused:
        project.suggestions.add(document, [at("كندا", "GPE")], " ")
    assert refused.value.field == "source"
    assert stored(project) == []


def test_a_retired_label_is_not_suggested(project: Project, document: str) -> None:
    from annotate.label_changes import retire_label

    retire_label(project, "NORP")
    with pytest.raises(InputError, match="label NORP is retired"):
        project.suggestions.add(document, [at("كندا", "NORP")], "gazetteer")


def test_what_the_document_was_suggested_already_is_not_added_again(
    project: Project, document: str
) -> None:
    assert project.suggestions.write(document, [at("كندا", "GPE")], "gazetteer") == 1
    rejected = project.suggestions.open_for(document, "ali")[0].uid
    project.suggestions.decide(rejected, "rejected", "ali")
    again = [at("كندا", "GPE"), at("كندا", "ORG"), at("عمان", "GPE"), at("عمان", "GPE")]
    assert project.suggestions.write(document, again, "model:ner-1") == 2
    assert project.suggestions.add(document, again, "import:x.jsonl").suggestions_changed == ()
    assert [(s.label, s.source, s.decided_by("rejected")) for s in _all(project, document)] == [
        ("GPE", "gazetteer", ["ali"]),
        ("ORG", "model:ner-1", []),
        ("GPE", "model:ner-1", []),
    ]


def _all(project: Project, document: str) -> list[object]:
    uids = project.store.conn.execute("SELECT uid FROM suggestions ORDER BY rowid").fetchall()
    return [project.suggestions.get(uid) for (uid,) in uids]


def test_an_analyst_is_offered_the_open_ones_they_have_not_annotated_yet(
    project: Project, document: str
) -> None:
    project.suggestions.add(
        document, [at("عمان", "GPE"), at("كندا", "GPE"), at("كندا", "ORG")], "gazetteer"
    )
    project.annotators.ensure("ali")
    project.spans.add(document, "ali", "GPE", *at("كندا", "GPE")[1:3])
    offered = project.suggestions.open_for(document, "ali")
    assert [(TEXT[s.start : s.end], s.label) for s in offered] == [("كندا", "ORG"), ("عمان", "GPE")]
    assert [s.label for s in project.suggestions.open_for(document, "sara")] == [
        "GPE",
        "ORG",
        "GPE",
    ]
    assert project.suggestions.count_open(document) == 3


def test_clearing_removes_open_suggestions_and_keeps_decisions(
    project: Project, document: str
) -> None:
    other = project.documents.add("وصل الوفد إلى كندا صباح اليوم.").documents_added[0]
    project.suggestions.add(document, [at("كندا", "GPE"), at("عمان", "GPE")], "gazetteer")
    project.suggestions.add(document, [at("سامي النجار", "PERSON")], "model:ner-1")
    project.suggestions.add(other, [Candidate("GPE", 14, 18)], "gazetteer")
    Editor(project, "ali").reject_suggestion(project.suggestions.open_for(document, "ali")[1].uid)
    assert project.suggestions.clear(other).suggestions_changed == (other,)
    assert project.suggestions.count_open(other) == 0
    assert project.suggestions.clear(source="gazetteer").suggestions_changed == (document,)
    assert [(s.label, s.decisions != ()) for s in _all(project, document)] == [
        ("GPE", True),
        ("PERSON", False),
    ]
    assert decisions(project) == [("GPE", "كندا", "ali", "rejected", False)]
    project.suggestions.clear()
    assert project.suggestions.count_open() == 0
    assert project.suggestions.stats()["GPE"]["rejected"] == 1


def test_accepted_corrected_and_rejected_are_counted_per_label(
    project: Project, document: str
) -> None:
    names = ["سامي النجار", "كندا", "الأردن", "عمان", "اتفاقا"]
    project.suggestions.add(
        document,
        [at(names[0], "PERSON"), *(at(n, "GPE") for n in names[1:4]), at(names[4], "EVENT")],
        "gazetteer",
    )
    ali, sara = Editor(project, "ali"), Editor(project, "sara")
    person, canada, jordan, deal, amman = project.suggestions.open_for(document, "ali")
    kept = ali.accept_suggestion(person.uid).spans_added[0]
    resized = ali.accept_suggestion(canada.uid).spans_added[0]
    ali.resize(resized, "end", grow=False)
    sara.accept_suggestion(jordan.uid, "ORG")  # accepted under another label
    deleted = sara.accept_suggestion(amman.uid).spans_added[0]
    sara.remove_span(deleted)
    ali.reject_suggestion(deal.uid)
    assert project.spans.get(kept).origin == "suggested"
    none = {"open": 0, "accepted": 0, "corrected": 0, "rejected": 0}
    assert project.suggestions.stats() == {
        "PERSON": {**none, "accepted": 1},
        "GPE": {**none, "corrected": 3},
        "EVENT": {**none, "rejected": 1},
    }
    assert project.suggestions.stats("ali") == {  # open: what ali has not decided
        "PERSON": {**none, "accepted": 1},
        "GPE": {**none, "open": 2, "corrected": 1},
        "EVENT": {**none, "rejected": 1},
    }
    project.suggestions.add(document, [at("أمس", "DATE")], "gazetteer")
    assert project.suggestions.stats("nobody") == {
        "PERSON": {**none, "open": 1},
        "GPE": {**none, "open": 3},
        "EVENT": {**none, "open": 1},
        "DATE": {**none, "open": 1},
    }


def test_a_renamed_label_takes_its_suggestions_along(project: Project, document: str) -> None:
    project.suggestions.add(document, [at("كندا", "GPE")], "gazetteer")
    rename_label(project, "GPE", "COUNTRY")
    assert [s.label for s in project.suggestions.open_for(document, "ali")] == ["COUNTRY"]


def test_a_decision_names_its_state_and_who_made_it(project: Project, document: str) -> None:
    project.suggestions.add(document, [at("كندا", "GPE")], "gazetteer")
    (canada,) = project.suggestions.open_for(document, "ali")
    for state, annotator, field in (("open", "ali", "state"), ("rejected", " ", "annotator")):
        with pytest.raises(InputError) as refused:
            project.suggestions.decide(canada.uid, state, annotator)  # type: ignore[arg-type]
        assert refused.value.field == field
    assert project.suggestions.get(canada.uid).decisions == ()


def test_each_analyst_decides_for_themselves(project: Project, document: str) -> None:
    """Ali rejects كندا: Sara is still offered it, and accepts it; each is refused a second
    decision of their own, and the suggestion is open for the project no more."""
    project.suggestions.add(document, [at("كندا", "GPE"), at("عمان", "GPE")], "gazetteer")
    ali, sara = Editor(project, "ali"), Editor(project, "sara")
    canada = project.suggestions.open_for(document, "ali")[0]
    ali.reject_suggestion(canada.uid)
    assert [TEXT[s.start : s.end] for s in project.suggestions.open_for(document, "ali")] == [
        "عمان"
    ]
    assert [TEXT[s.start : s.end] for s in project.suggestions.open_for(document, "sara")] == [
        "كندا",
        "عمان",
    ]
    made = sara.accept_suggestion(canada.uid).spans_added[0]
    assert project.spans.get(made).annotator == "sara"
    assert decisions(project) == [
        ("GPE", "كندا", "ali", "rejected", False),
        ("GPE", "كندا", "sara", "accepted", True),
    ]
    decided = project.suggestions.get(canada.uid)
    assert (decided.decided_by("rejected"), decided.decided_by("accepted")) == (["ali"], ["sara"])
    assert decided.decision_of("sara").span == made  # type: ignore[union-attr]
    for editor, state in ((ali, "rejected"), (sara, "accepted")):
        with pytest.raises(InputError, match=f"already {state} \\(by {editor.annotator}\\)"):
            editor.reject_suggestion(canada.uid)
    assert project.suggestions.count_open(document) == 1
    project.suggestions.clear(document)  # عمان goes; كندا stays with its decisions
    assert [s.uid for s in _all(project, document)] == [canada.uid]


def test_every_analysts_decisions_are_counted(project: Project, document: str) -> None:
    """Ali and Sara both accept سامي النجار (2 accepted); Ali rejects كندا, which Sara has
    not decided (open for her, not for the project)."""
    project.suggestions.add(document, [at("سامي النجار", "PERSON"), at("كندا", "GPE")], "gazetteer")
    person, canada = project.suggestions.open_for(document, "ali")
    for name in ("ali", "sara"):
        Editor(project, name).accept_suggestion(person.uid)
    Editor(project, "ali").reject_suggestion(canada.uid)
    none = {"open": 0, "accepted": 0, "corrected": 0, "rejected": 0}
    assert project.suggestions.stats() == {
        "PERSON": {**none, "accepted": 2},
        "GPE": {**none, "rejected": 1},
    }
    assert project.suggestions.stats("sara") == {
        "PERSON": {**none, "accepted": 1},
        "GPE": {**none, "open": 1},
    }
    assert project.suggestions.count_open() == 0
