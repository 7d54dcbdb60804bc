from __future__ import annotations

from annotate.annotated_text import AnnotatedText
from annotate.project import Project

TEXT = "وقالت ليلى الخطيب: “الجفاف لم يعد أزمة عابرة”. وأكد سامي بن عاشور ذلك."


def spans_by_words(
    project: Project, uid: str, annotator: str, *items: tuple[str, str]
) -> list[str]:
    made = []
    for label, words in items:
        start = TEXT.index(words)
        made += project.spans.add(uid, annotator, label, start, start + len(words)).spans_added
    return made


def test_spans_relations_and_speakers_of_one_document(project: Project) -> None:
    uid = project.documents.add(TEXT).documents_added[0]
    person, quote, cue = spans_by_words(
        project,
        uid,
        "ali",
        ("PERSON", "ليلى الخطيب"),
        ("QUOTE", "“الجفاف لم يعد أزمة عابرة”"),
        ("CUE", "وقالت"),
    )
    project.relations.add("SPEAKER", quote, person)
    project.relations.add("CUE", quote, cue)
    spans_by_words(project, uid, "huda", ("PERSON", "سامي بن عاشور"))
    annotated = AnnotatedText.load(project, uid)
    assert [s.label for s in annotated.spans()] == ["CUE", "PERSON", "QUOTE", "PERSON"]
    assert annotated.is_passage(annotated.span(quote))
    assert not annotated.is_passage(annotated.span(person))
    assert [annotated.covered_text(s) for s in annotated.speakers(quote)] == ["ليلى الخطيب"]
    assert [link.relation.label for link in annotated.linked_from(quote)] == ["CUE", "SPEAKER"]
    inside = TEXT.index("الخطيب")
    assert [s.uid for s in annotated.at(inside)] == [person]
    assert {s.uid for s in annotated.overlapping(0, TEXT.index("لم"))} == {cue, person, quote}
    only_huda = AnnotatedText.load(project, uid, "huda")
    assert [s.label for s in only_huda.spans()] == ["PERSON"]


def test_applying_changes_returns_what_to_redraw(project: Project) -> None:
    uid = project.documents.add(TEXT).documents_added[0]
    other = project.documents.add("نص آخر").documents_added[0]
    annotated = AnnotatedText.load(project, uid, "ali")
    (person,) = spans_by_words(project, uid, "ali", ("PERSON", "ليلى الخطيب"))
    start = TEXT.index("ليلى الخطيب")
    changes = project.spans.add(uid, "ali", "PERSON", start, start + 4)
    changes += project.spans.add(uid, "huda", "GPE", 0, 3)  # another annotator: not shown
    changes += project.spans.add(other, "ali", "GPE", 0, 2)  # another document
    assert annotated.apply(project, changes) == [(start, start + 4)]
    assert not annotated.has_span(person)  # added after loading and never applied
    removed = project.spans.remove(changes.spans_added[0])
    assert annotated.apply(project, removed) == [(start, start + 4)]
    assert annotated.spans() == []
