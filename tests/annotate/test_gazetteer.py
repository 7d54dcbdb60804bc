"""Suggestions from the project's known mentions: a name annotated in one document is found
in another with its attached letters left out, never inside a longer word."""

from __future__ import annotations

import pytest

from annotate.errors import InputError
from annotate.gazetteer import Gazetteer, gazetteer_candidates, usual_layer
from annotate.project import Project

# News sentences we wrote for these tests.
KNOWN = "قالت ندا إن رئيس الوزراء سليم الحداد سيزور كندا بدعوة من الأمم المتحدة."
OTHER = "وأضاف الحداد أن الزيارة مهمة."
NEW = (
    "وقال سليم الحداد إن العلاقات بين الأردن وكندا متينة، وإن بكندا جالية كبيرة، "
    "ودعا لكندا وللأمم المتحدة بالخير، وغنى المطرب الكنداوي، وشكر الحداد الصحفية ندا، "
    "وزارت الوفود الامم المتحدة."
)


def place(text: str, words: str, after: str = "") -> tuple[int, int]:
    start = text.index(words, text.index(after) if after else 0)
    return start, start + len(words)


@pytest.fixture
def documents(project: Project) -> tuple[str, str]:
    """KNOWN and OTHER annotated in gold (and the new document's الأردن); NEW to find in."""
    known, other, new = (
        project.documents.add(text).documents_added[0] for text in (KNOWN, OTHER, NEW)
    )
    project.annotators.ensure("gold")
    for document, text, label, words in [
        (known, KNOWN, "PERSON", "ندا"),
        (known, KNOWN, "PERSON", "سليم الحداد"),
        (known, KNOWN, "GPE", "كندا"),
        (known, KNOWN, "ORG", "الأمم المتحدة"),
        (other, OTHER, "PERSON", "الحداد"),
        (new, NEW, "GPE", "الأردن"),
    ]:
        project.spans.add(document, "gold", label, *place(text, words))
    project.spans.add(known, "gold", "QUOTE", *place(KNOWN, "رئيس الوزراء سليم الحداد سيزور"))
    return known, new


def found(project: Project, document: str, source: str = "gold") -> list[tuple[str, str, int]]:
    return [
        (c.label, NEW[c.start : c.end], c.start)
        for c in gazetteer_candidates(project, document, source)
    ]


def test_known_names_are_found_after_proclitics_and_never_inside_a_word(
    project: Project, documents: tuple[str, str]
) -> None:
    _, new = documents
    assert found(project, new) == [
        ("PERSON", "سليم الحداد", place(NEW, "سليم الحداد")[0]),  # not الحداد inside it
        ("GPE", "كندا", place(NEW, "كندا", "وكندا")[0]),  # و
        ("GPE", "كندا", place(NEW, "كندا", "بكندا")[0]),  # ب
        ("GPE", "كندا", place(NEW, "كندا", "لكندا")[0]),  # ل
        ("ORG", "لأمم المتحدة", place(NEW, "لأمم المتحدة", "وللأمم")[0]),  # و + لل
        ("PERSON", "الحداد", place(NEW, "الحداد", "وشكر")[0]),
        ("PERSON", "ندا", place(NEW, "ندا", "الصحفية")[0]),
    ]  # not كندا's ندا, nor الكنداوي, nor الأردن (gold already), nor الامم (spelled otherwise)


def test_offsets_are_into_the_stored_text_and_quotes_are_not_known_mentions(
    project: Project, documents: tuple[str, str]
) -> None:
    _, new = documents
    candidates = gazetteer_candidates(project, new)
    assert {c.label for c in candidates} == {"PERSON", "GPE", "ORG"}
    assert all(c.score is None and c.attrs == {} for c in candidates)
    assert [(c.start, c.end) for c in candidates if c.label == "GPE"] == [
        place(NEW, "كندا", "وكندا"),
        place(NEW, "كندا", "بكندا"),
        place(NEW, "كندا", "لكندا"),
    ]


def test_places_a_span_of_the_layer_covers_are_skipped(
    project: Project, documents: tuple[str, str]
) -> None:
    known, new = documents
    assert found(project, known) == []  # every known mention there is a gold span
    project.spans.add(new, "gold", "GPE", *place(NEW, "وكندا"))  # the و inside: still covered
    project.spans.add(new, "ali", "PERSON", *place(NEW, "ندا", "الصحفية"))  # another layer
    labels_and_texts = [(label, text) for label, text, _ in found(project, new)]
    assert labels_and_texts.count(("GPE", "كندا")) == 2
    assert ("PERSON", "ندا") in labels_and_texts


def test_an_annotators_layer_or_every_layer_can_be_the_gazetteer(
    project: Project, documents: tuple[str, str]
) -> None:
    known, new = documents
    project.annotators.ensure("ali")
    assert found(project, new, "ali") == []  # ali knows nothing yet
    project.spans.add(known, "ali", "PERSON", *place(KNOWN, "الحداد"))
    assert [text for _, text, _ in found(project, new, "ali")] == ["الحداد", "الحداد"]
    assert Gazetteer(project, "ali").size == 1
    everyone = found(project, new, "all")
    assert ("GPE", "الأردن", place(NEW, "الأردن")[0]) not in everyone  # gold has it
    assert len(everyone) == len(found(project, new))
    with pytest.raises(InputError, match="no annotator 'sara' in the project") as refused:
        gazetteer_candidates(project, new, "sara")
    assert refused.value.field == "source"


def test_retired_labels_are_not_suggested(project: Project, documents: tuple[str, str]) -> None:
    from annotate.label_changes import retire_label

    _, new = documents
    retire_label(project, "GPE")
    assert "GPE" not in {label for label, _, _ in found(project, new)}


def test_a_name_with_the_article_is_found_after_a_contracted_lam(
    project: Project, documents: tuple[str, str]
) -> None:
    text = "توجه الوزير بالشكر للأمم المتحدة."  # the article's alef is not written after ل
    document = project.documents.add(text).documents_added[0]
    assert [(c.label, text[c.start : c.end]) for c in gazetteer_candidates(project, document)] == [
        ("ORG", "لأمم المتحدة")
    ]


def test_the_usual_layer_is_gold_once_it_has_a_span_else_everyone(project: Project) -> None:
    known = project.documents.add(KNOWN).documents_added[0]
    assert usual_layer(project) == "all"
    project.annotators.ensure("gold")  # an annotator without spans
    project.spans.add(known, "ali", "PERSON", *place(KNOWN, "ندا"))
    assert usual_layer(project) == "all"
    project.spans.add(known, "gold", "GPE", *place(KNOWN, "كندا"))
    assert usual_layer(project) == "gold"


def test_a_text_given_two_labels_is_known_under_the_one_given_more_often(
    project: Project, documents: tuple[str, str]
) -> None:
    known, new = documents
    project.spans.add(known, "gold", "ORG", *place(KNOWN, "كندا"))  # GPE once, ORG once: a tie
    assert [label for label, text, _ in found(project, new) if text == "كندا"] == []
    other = project.documents.add("زار الوفد كندا الشهر الماضي.").documents_added[0]
    project.spans.add(other, "gold", "GPE", *place("زار الوفد كندا الشهر الماضي.", "كندا"))
    assert {label for label, text, _ in found(project, new) if text == "كندا"} == {"GPE"}
