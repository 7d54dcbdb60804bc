from __future__ import annotations

import pytest

from annotate.annotated_text import CHUNK_SIZE, FIRST_WINDOW, AnnotatedText, Redraw
from annotate.project import Project
from annotate.schema import RelationLabel

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
    assert annotated.apply(project, changes) == Redraw([(start, start + 4)], set())
    assert not annotated.has_span(person)  # added after loading and never applied
    removed = project.spans.remove(changes.spans_added[0])
    assert annotated.apply(project, removed).stretches == [(start, start + 4)]
    assert annotated.spans() == []


def test_speaker_links_report_the_quote_whose_note_changes(project: Project) -> None:
    uid = project.documents.add(TEXT).documents_added[0]
    annotated = AnnotatedText.load(project, uid)
    quote_start = TEXT.index("“")
    made = project.spans.add(uid, "ali", "QUOTE", quote_start, TEXT.index("”") + 1)
    made += project.spans.add(uid, "ali", "PERSON", 6, 17)
    quote, person = made.spans_added
    assert annotated.apply(project, made).passages == {quote}
    linked = project.relations.add("SPEAKER", quote, person)
    assert annotated.apply(project, linked).passages == {quote}
    assert [s.uid for s in annotated.speakers(quote)] == [person]
    assert annotated.apply(project, project.spans.remove(person)).passages == {quote, person}
    assert annotated.speakers(quote) == []


def test_a_long_document_is_read_a_chunk_at_a_time(project: Project) -> None:
    sentence = "قال الوزير إن الخطة جاهزة. "
    text = sentence * (3 * CHUNK_SIZE // len(sentence))
    uid = project.documents.add(text).documents_added[0]
    starts = list(range(0, len(text) - 40, 997))
    with project.transaction():
        spans = [project.spans.add(uid, "ali", "PERSON", s, s + 10).spans_added[0] for s in starts]
        quote = project.spans.add(uid, "ali", "QUOTE", 5, len(text) - 5).spans_added[0]
        project.relations.add("SPEAKER", quote, spans[-1])  # its speaker is near the end
    annotated = AnnotatedText.begin(project, uid)
    near_start = [s for s in starts if s < FIRST_WINDOW - 10]
    assert {span.start for span in annotated.spans() if span.label == "PERSON"} == set(near_start)
    assert annotated.speakers(quote) == []  # not read yet
    touched: set[str] = set()
    while not annotated.complete:
        touched |= annotated.load_next(project, near=len(text)).passages
    assert len(annotated.spans()) == len(starts) + 1
    assert quote in touched
    assert [span.uid for span in annotated.speakers(quote)] == [spans[-1]]
    assert annotated.load_next(project) == Redraw()


def test_the_chunk_holding_the_view_comes_first(project: Project) -> None:
    text = "كلمة " * (4 * CHUNK_SIZE // 5)  # four chunks
    uid = project.documents.add(text).documents_added[0]
    view = 2 * CHUNK_SIZE + CHUNK_SIZE * 9 // 10  # late in the third chunk
    for offset in (view, 3 * CHUNK_SIZE + 10):
        project.spans.add(uid, "ali", "GPE", offset, offset + 4)
    annotated = AnnotatedText.begin(project, uid)
    assert annotated.load_next(project, near=view).stretches == [(view, view + 4)]


def test_a_short_document_is_complete_at_once(project: Project) -> None:
    uid = project.documents.add(TEXT).documents_added[0]
    assert AnnotatedText.begin(project, uid).complete


def test_only_labels_a_speaker_starts_from_are_passages(project: Project) -> None:
    schema = project.labels.schema()
    affiliation = RelationLabel("AFFILIATION", "Affiliation", "انتماء", ("PERSON",), ("ORG",))
    project.labels.add_relation_label(affiliation)
    uid = project.documents.add(TEXT).documents_added[0]
    annotated = AnnotatedText.load(project, uid)
    assert annotated.passage_labels == {"QUOTE"}
    assert len(project.labels.schema().relations) == len(schema.relations) + 1


def test_another_layer_of_a_long_document_keeps_its_text_and_reads_its_spans_in_chunks(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "كلمة " * (4 * CHUNK_SIZE // 5)  # four chunks
    uid = project.documents.add(text).documents_added[0]
    view = 2 * CHUNK_SIZE + 100
    for offset in (10, view, 3 * CHUNK_SIZE + 10):
        project.spans.add(uid, "ali", "GPE", offset, offset + 4)
        project.spans.add(uid, "huda", "ORG", offset, offset + 4)
    project.spans.add(uid, "huda", "PERSON", 20, 24)
    shown = AnnotatedText.begin(project, uid, "ali")
    monkeypatch.setattr(project.documents, "get", lambda uid: pytest.fail("text read again"))
    huda = shown.layer(project, "huda", near=view)
    assert huda.document is shown.document and huda.text is shown.text
    assert [(s.annotator, s.start) for s in huda.spans()] == [("huda", view)]  # near the view
    while not huda.complete:
        huda.load_next(project, near=view)
    assert [(s.label, s.start) for s in huda.spans()] == [
        ("ORG", 10),
        ("PERSON", 20),
        ("ORG", view),
        ("ORG", 3 * CHUNK_SIZE + 10),
    ]
    everyone = huda.layer(project, None)
    assert everyone.annotator is None
    assert {s.annotator for s in everyone.spans()} == {"ali", "huda"}  # the first window's
