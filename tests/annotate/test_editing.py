from __future__ import annotations

import pytest

from annotate.editing import Editor
from annotate.errors import AnnotateError, InputError
from annotate.project import Project

TEXT = "وقالت ليلى الخطيب إن “الجفاف لم يعد أزمة عابرة”، وأكد وترامب ذلك."


@pytest.fixture
def editor(project: Project) -> Editor:
    return Editor(project, "ali")


def words(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def spans(project: Project, uid: str) -> list[tuple[str, str]]:
    return [(s.label, TEXT[s.start : s.end]) for s in project.spans.for_document(uid)]


def test_every_step_is_committed_and_undone_and_redone_exactly(
    project: Project, editor: Editor
) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    person = editor.add_span(doc, "PERSON", *words("ليلى الخطيب")).spans_added[0]
    assert editor.history.next_undo().name == "Add PERSON ‘ليلى الخطيب’"
    editor.relabel(person, "ORG")
    editor.resize(person, "end", grow=False, by_word=True)
    assert spans(project, doc) == [("ORG", "ليلى")]
    editor.resize(person, "end", grow=True)
    assert spans(project, doc) == [("ORG", "ليلى ")]
    editor.history.undo()
    editor.history.undo()
    editor.history.undo()
    assert spans(project, doc) == [("PERSON", "ليلى الخطيب")]
    editor.history.redo()
    assert spans(project, doc) == [("ORG", "ليلى الخطيب")]
    assert editor.history.next_redo().name == "Shrink ORG at its end ‘ليلى الخطيب’"


def test_a_step_keeps_the_pattern_and_values_of_its_name(project: Project, editor: Editor) -> None:
    """What an interface in another language says the name with."""
    doc = project.documents.add(TEXT).documents_added[0]
    person = editor.add_span(doc, "PERSON", *words("ليلى الخطيب")).spans_added[0]
    editor.resize(person, "start", grow=False, by_word=True)
    step = editor.history.next_undo()
    assert step is not None and step.name == "Shrink PERSON at its start ‘ليلى الخطيب’"
    assert step.pattern == "Shrink {label} at its start ‘{text}’"
    assert step.values == {"label": "PERSON", "text": "ليلى الخطيب"}


def test_deleting_a_speaker_and_undoing_brings_back_its_link(
    project: Project, editor: Editor
) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    quote = editor.add_span(doc, "QUOTE", *words("“الجفاف لم يعد أزمة عابرة”")).spans_added[0]
    person = editor.add_span(doc, "PERSON", *words("ليلى الخطيب")).spans_added[0]
    link = editor.link("SPEAKER", quote, person).relations_added[0]
    removed = editor.remove_span(person)
    assert removed.relations_removed == (link,)
    assert project.relations.for_document(doc) == []
    editor.history.undo()
    assert [(r.uid, r.head, r.tail) for r in project.relations.for_document(doc)] == [
        (link, quote, person)
    ]


def test_stripping_a_proclitic_and_relabelling_a_linked_quote(
    project: Project, editor: Editor
) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    name = editor.add_span(doc, "PERSON", *words("وترامب")).spans_added[0]
    editor.toggle_proclitics(name)
    assert spans(project, doc) == [("PERSON", "ترامب")]
    editor.toggle_proclitics(name)  # the same key puts it back
    assert spans(project, doc) == [("PERSON", "وترامب")]
    assert editor.history.next_undo().name == "Put ‘و’ back on PERSON ‘ترامب’"
    editor.history.undo()
    assert spans(project, doc) == [("PERSON", "ترامب")]
    quote = editor.add_span(doc, "QUOTE", *words("الجفاف لم يعد")).spans_added[0]
    editor.link("SPEAKER", quote, name)
    with pytest.raises(InputError, match="SPEAKER cannot link PERSON to PERSON"):
        editor.relabel(quote, "PERSON")


def test_duplicates_and_other_annotators_spans_are_refused(
    project: Project, editor: Editor
) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    editor.add_span(doc, "PERSON", *words("ليلى الخطيب"))
    with pytest.raises(InputError, match="already has a PERSON span"):
        editor.add_span(doc, "PERSON", *words("ليلى الخطيب"))
    assert editor.history.next_undo().name == "Add PERSON ‘ليلى الخطيب’"  # the refusal is no step
    theirs = project.spans.add(doc, "huda", "GPE", 0, 5).spans_added[0]
    with pytest.raises(InputError, match="huda's"):
        editor.remove_span(theirs)


def test_an_undo_that_no_longer_applies_says_so(project: Project, editor: Editor) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    person = editor.add_span(doc, "PERSON", *words("ليلى الخطيب")).spans_added[0]
    project.spans.remove(person)  # another window or process removed it
    with pytest.raises(AnnotateError, match="cannot undo “Add PERSON"):
        editor.history.undo()
    assert editor.history.next_undo() is None


def test_unlink_undo_keeps_the_links_origin_and_only_your_own_links(
    project: Project, editor: Editor
) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    quote = project.spans.add(doc, "ali", "QUOTE", *words("الجفاف لم يعد")).spans_added[0]
    person = project.spans.add(doc, "ali", "PERSON", *words("ليلى الخطيب")).spans_added[0]
    link = project.relations.add("SPEAKER", quote, person, "imported").relations_added[0]
    editor.unlink(link)
    editor.history.undo()
    assert project.relations.get(link).origin == "imported"
    editor.remove_span(person)
    editor.history.undo()
    assert project.relations.get(link).origin == "imported"
    theirs = project.spans.add(doc, "huda", "QUOTE", *words("أزمة عابرة")).spans_added[0]
    them = project.spans.add(doc, "huda", "PERSON", *words("وترامب")).spans_added[0]
    their_link = project.relations.add("SPEAKER", theirs, them).relations_added[0]
    with pytest.raises(InputError, match="huda's"):
        editor.unlink(their_link)


def test_edges_and_attributes_are_set_and_undone(project: Project, editor: Editor) -> None:
    doc = project.documents.add(TEXT).documents_added[0]
    quote = editor.add_span(doc, "QUOTE", *words("الجفاف لم يعد")).spans_added[0]
    editor.set_bounds(quote, *words("لم يعد أزمة"))
    editor.set_attrs(quote, {"kind": "indirect"})
    assert spans(project, doc) == [("QUOTE", "لم يعد أزمة")]
    assert project.spans.get(quote).attrs == {"kind": "indirect"}
    editor.history.undo()
    editor.history.undo()
    assert spans(project, doc) == [("QUOTE", "الجفاف لم يعد")]
    assert project.spans.get(quote).attrs == {}
    end = len(TEXT)
    last = editor.add_span(doc, "GPE", end - 4, end).spans_added[0]
    with pytest.raises(InputError, match="cannot grow"):
        editor.resize(last, "end", grow=True)
    first = editor.add_span(doc, "CUE", 0, 5).spans_added[0]
    with pytest.raises(InputError, match="cannot grow"):
        editor.resize(first, "start", grow=True)


def test_a_documents_text_is_read_once_for_all_its_steps(project: Project, editor: Editor) -> None:
    """Reading a long article's text again took 2.5 ms of every label key."""
    doc = project.documents.add(TEXT).documents_added[0]
    other = project.documents.add("نص آخر قصير").documents_added[0]
    statements: list[str] = []
    project.store.conn.set_trace_callback(statements.append)
    person = editor.add_span(doc, "PERSON", *words("ليلى الخطيب")).spans_added[0]
    editor.relabel(person, "ORG")
    editor.resize(person, "end", grow=False, by_word=True)
    editor.add_span(doc, "GPE", *words("وترامب"))
    editor.add_span(other, "GPE", 0, 2)
    editor.add_span(doc, "CUE", *words("وأكد"))
    project.store.conn.set_trace_callback(None)
    texts_read = [s for s in statements if "SELECT uid, position, title, text" in s]
    assert len(texts_read) == 3  # the first document, the other one, the first again
    assert editor.history.next_undo().name == "Add CUE ‘وأكد’"
    assert spans(project, doc) == [("ORG", "ليلى"), ("CUE", "وأكد"), ("GPE", "وترامب")]
