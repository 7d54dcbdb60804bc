"""spaCy DocBin export, read back the way a spaCy user would: a blank Arabic pipeline, and
the corpus reader of `spacy train`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Corpus, Example

from annotate.cli import main
from annotate.corpus.export_files import export_corpus
from annotate.corpus.formats import spacy_docbin
from annotate.project import Project
from tests.conftest import ARABIC_SENTENCE

# Sentences we wrote: a name inside a word with its proclitic, and every kind of gap.
PROCLITIC_SENTENCE = "وصل الوفد إلى دمشق وبيروت أمس، وقال رئيسه إن الزيارة ناجحة."
GAPS_SENTENCE = " قال سمير:  «نعم»\n\nوأضاف\u200f أن  الاجتماع انتهى.\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("ar")


def mark(project: Project, uid: str, text: str, piece: str, label: str, **attrs: str) -> str:
    start = text.index(piece)
    changes = project.spans.add(uid, "ali", label, start, start + len(piece), attrs or None)
    return changes.spans_added[0]


def add_document(project: Project, text: str, title: str) -> str:
    return project.documents.add(text, title).documents_added[0]


def fill(project: Project) -> dict[str, str]:
    """Three annotated documents and one nobody annotated; {name: document uid}."""
    news = add_document(project, ARABIC_SENTENCE, "خبر")
    mark(project, news, ARABIC_SENTENCE, "الوزيـــر", "TITLE")
    person = mark(project, news, ARABIC_SENTENCE, "محمّد العلي", "PERSON")
    mark(project, news, ARABIC_SENTENCE, "وكالة الأنباء", "ORG")
    quote = mark(project, news, ARABIC_SENTENCE, "إنّ الاتفاق سيُوقّع في 2026", "QUOTE", kind="direct")
    # starts inside one token: و, ZWNJ, المنظمة
    mark(project, news, ARABIC_SENTENCE, "المنظمة 🌍 في القاهرة", "ORG")
    mark(project, news, ARABIC_SENTENCE, "القاهرة 😀", "GPE")  # overlaps the ORG
    mark(project, news, ARABIC_SENTENCE, "قالَ", "CUE")
    project.relations.add("SPEAKER", quote, person, "manual")
    visit = add_document(project, PROCLITIC_SENTENCE, "زيارة")
    mark(project, visit, PROCLITIC_SENTENCE, "دمشق", "GPE")
    mark(project, visit, PROCLITIC_SENTENCE, "بيروت", "GPE")  # inside the token وبيروت
    gaps = add_document(project, GAPS_SENTENCE, "فراغات")
    mark(project, gaps, GAPS_SENTENCE, "سمير", "PERSON")
    mark(project, gaps, GAPS_SENTENCE, " «نعم»", "QUOTE")  # starts on the second space
    mark(project, gaps, GAPS_SENTENCE, "أن  الاجتماع", "DATE")  # holds a double space
    untouched = add_document(project, "نص لم يعلّق عليه أحد بعد.", "بلا تعليق")
    return {"news": news, "visit": visit, "gaps": gaps, "untouched": untouched}


def read_docs(folder: Path, nlp: Language) -> list[Doc]:
    """Every Doc of an export, its DocBin files read in name order."""
    return [
        doc for path in doc_bins(folder) for doc in DocBin().from_disk(path).get_docs(nlp.vocab)
    ]


def doc_bins(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.spacy"))


def document_ids(path: Path, nlp: Language) -> set[str]:
    return {doc.user_data["id"] for doc in read_docs(path, nlp)}


def offsets(spans: Iterable[Span]) -> set[tuple[int, int, str, str]]:
    return {(s.start_char, s.end_char, s.label_, s.id_) for s in spans}


def project_spans(project: Project, uid: str, quotes: bool) -> set[tuple[int, int, str, str]]:
    return {
        (s.start, s.end, s.label, s.uid)
        for s in project.spans.for_document(uid)
        if (s.label == "QUOTE") == quotes
    }


def test_every_span_is_exact_and_the_text_is_kept(
    project: Project, tmp_path: Path, nlp: Language
) -> None:
    uids = fill(project)
    out = tmp_path / "corpus.spacy"
    report = export_corpus(project, out, "spacy")
    docs = read_docs(out, nlp)
    assert [doc.user_data["id"] for doc in docs] == list(uids.values())
    assert [doc.user_data["annotator"] for doc in docs] == ["ali", "ali", "ali", None]
    for doc in docs:
        uid = doc.user_data["id"]
        assert doc.text == project.documents.get(uid).text
        assert doc.user_data["title"] == project.documents.get(uid).title
        assert offsets(doc.spans["sc"]) == project_spans(project, uid, quotes=False)
        assert offsets(doc.spans["quotes"]) == project_spans(project, uid, quotes=True)
        for span in [*doc.spans["sc"], *doc.spans["quotes"]]:
            again = doc.char_span(span.start_char, span.end_char)
            assert again is not None and again.text == span.text
        Example(nlp.make_doc(doc.text), doc)  # spaCy's own check that the texts agree
    assert report.notes == [
        "2 token(s) were split where a span starts or ends inside them, so that every span "
        "is whole tokens",
        '1 span(s) overlapping a longer one are in doc.spans["sc"] but not in doc.ents',
    ]


def test_entities_never_overlap_and_the_longest_is_kept(
    project: Project, tmp_path: Path, nlp: Language
) -> None:
    fill(project)
    out = tmp_path / "corpus.spacy"
    export_corpus(project, out, "spacy")
    news, visit, gaps, untouched = read_docs(out, nlp)
    for doc in (news, visit, gaps, untouched):
        ents = sorted(doc.ents, key=lambda e: e.start)
        assert all(a.end <= b.start for a, b in pairwise(ents))
    assert [(e.text, e.label_) for e in news.ents if e.label_ in ("ORG", "GPE")] == [
        ("وكالة الأنباء", "ORG"),
        ("المنظمة 🌍 في القاهرة", "ORG"),
    ]
    assert len(news.ents) == len(news.spans["sc"]) - 1
    assert {e.id_ for e in news.ents} < {s.id_ for s in news.spans["sc"]}
    assert [e.text for e in visit.ents] == ["دمشق", "بيروت"]
    assert [t.text for t in visit if t.idx >= PROCLITIC_SENTENCE.index("وبيروت")][:2] == [
        "و",
        "بيروت",
    ]
    assert not untouched.ents and not untouched.spans["sc"] and not untouched.spans["quotes"]


def test_gaps_between_tokens_become_tokens(project: Project, tmp_path: Path, nlp: Language) -> None:
    fill(project)
    out = tmp_path / "corpus.spacy"
    export_corpus(project, out, "spacy")
    gaps = read_docs(out, nlp)[2]
    assert gaps.text == GAPS_SENTENCE
    assert gaps[0].text == " " and gaps[0].is_space
    assert [t.text for t in gaps if t.is_space] == [" ", " ", "\n\n", " ", "\n"]
    assert "\u200f" in [t.text for t in gaps]
    assert [s.text for s in gaps.spans["quotes"]] == [" «نعم»"]
    assert [s.text for s in gaps.spans["sc"] if s.label_ == "DATE"] == ["أن  الاجتماع"]


def test_relations_attributes_and_the_document_are_in_user_data(
    project: Project, tmp_path: Path, nlp: Language
) -> None:
    fill(project)
    project.documents.add("نص آخر", "عنوان", meta={"source": "وكالة", "big": 2**70})
    out = tmp_path / "corpus.spacy"
    export_corpus(project, out, "spacy")
    news, *_, extra = read_docs(out, nlp)
    (quote,) = news.spans["quotes"]
    (person,) = [s for s in news.spans["sc"] if s.label_ == "PERSON"]
    (relation,) = news.user_data["relations"]
    assert (relation["label"], relation["head"], relation["tail"]) == (
        "SPEAKER",
        quote.id_,
        person.id_,
    )
    assert json.loads(news.user_data["span_attrs"][quote.id_]) == {"kind": "direct"}
    assert list(news.user_data["span_attrs"]) == [quote.id_]
    assert json.loads(extra.user_data["meta"]) == {"source": "وكالة", "big": 2**70}


def test_one_doc_per_annotator(project: Project, tmp_path: Path, nlp: Language) -> None:
    uid = add_document(project, PROCLITIC_SENTENCE, "زيارة")
    mark(project, uid, PROCLITIC_SENTENCE, "دمشق", "GPE")
    start = PROCLITIC_SENTENCE.index("دمشق")
    project.spans.add(uid, "sara", "LOC", start, start + 4)
    out = tmp_path / "corpus.spacy"
    export_corpus(project, out, "spacy")
    docs = read_docs(out, nlp)
    assert [(d.user_data["annotator"], [e.label_ for e in d.ents]) for d in docs] == [
        ("ali", ["GPE"]),
        ("sara", ["LOC"]),
    ]
    assert {d.user_data["id"] for d in docs} == {uid}


def test_split_keeps_documents_apart_and_repeats_with_the_seed(
    project: Project, tmp_path: Path, nlp: Language
) -> None:
    uids = set(fill(project).values())
    for n in range(4):
        add_document(project, f"خبر رقم {n} عن الطقس في المدينة.", f"طقس {n}")
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        report = export_corpus(project, folder, "spacy", split="train=0.5,test=0.5", seed=7)
        assert report.written == [folder / "train.spacy", folder / "test.spacy"]
    train, test = (document_ids(first / f"{name}.spacy", nlp) for name in ("train", "test"))
    assert train and test and not train & test
    assert uids <= train | test and len(train | test) == 8
    for name in ("train", "test"):
        assert document_ids(second / f"{name}.spacy", nlp) == document_ids(
            first / f"{name}.spacy", nlp
        )


def test_cli_export(project: Project, project_path: Path, tmp_path: Path, nlp: Language) -> None:
    fill(project)
    out = tmp_path / "corpus.spacy"
    result = CliRunner().invoke(main, ["export", str(project_path), str(out), "--format", "spacy"])
    assert result.exit_code == 0, result.output
    assert f"exported 4 records to {out}" in result.output
    assert "note: 2 token(s) were split" in result.output
    assert len(read_docs(out, nlp)) == 4


def test_a_large_corpus_is_written_in_docbin_files_spacy_train_reads_as_one(
    project: Project, tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file closes once its Docs reach SHARD_TOKENS tokens (here 40, so that a few
    short documents fill several), and the export never holds more than one file's Docs."""
    monkeypatch.setattr(spacy_docbin, "SHARD_TOKENS", 40)
    uids = list(fill(project).values())
    for number in range(12):
        uids.append(add_document(project, f"خبر رقم {number} عن الطقس في المدينة اليوم.", "طقس"))
    out = tmp_path / "corpus.spacy"
    assert export_corpus(project, out, "spacy").records == 16
    files = doc_bins(out)
    assert [path.name for path in files] == [f"{n:05d}.spacy" for n in range(1, len(files) + 1)]
    assert len(files) > 3
    for number, path in enumerate(files, start=1):
        tokens = [len(doc) for doc in DocBin().from_disk(path).get_docs(nlp.vocab)]
        assert sum(tokens[:-1]) < 40  # closed by its last Doc
        assert sum(tokens) >= 40 or number == len(files)
    assert [doc.user_data["id"] for doc in read_docs(out, nlp)] == uids
    examples = list(Corpus(str(out))(nlp))  # what `spacy train --paths.train OUT` reads
    assert [example.reference.user_data["id"] for example in examples] == uids
    assert [example.reference.text for example in examples] == [
        project.documents.get(uid).text for uid in uids
    ]
    news = examples[0].reference
    assert offsets(news.spans["sc"]) == project_spans(project, uids[0], quotes=False)


def test_an_empty_corpus_is_one_empty_docbin(
    project: Project, tmp_path: Path, nlp: Language
) -> None:
    out = tmp_path / "corpus.spacy"
    assert export_corpus(project, out, "spacy").records == 0
    assert [path.name for path in out.iterdir()] == ["00001.spacy"]
    assert read_docs(out, nlp) == []
