"""Suggestions are their own layer: no export, agreement figure, review count, progress
figure or search sees one, open or rejected (an accepted one is a span); a merge carries
them as suggestions, with their decisions, never as spans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotate.agreement.report import agreement_report
from annotate.corpus.export_files import export_corpus
from annotate.corpus.formats import EXPORT_FORMATS
from annotate.editing import Editor
from annotate.merge.merging import merge_projects
from annotate.progress import progress_report
from annotate.project import Project
from annotate.review.counts import review_counts
from annotate.review.disagreements import document_items
from annotate.searching import search_documents
from annotate.suggestions import Candidate

# News sentences we wrote for these tests.
TEXTS = [
    "قال سليم الحداد إن كندا وقعت اتفاقا في عمان",
    "وصلت الوزيرة ندا سليمان إلى القاهرة أمس",
]
WORK = {  # each analyst's spans: they disagree on عمان and القاهرة
    "ali": [(0, "PERSON", "سليم الحداد"), (0, "GPE", "كندا"), (0, "GPE", "عمان")],
    "sara": [(0, "PERSON", "سليم الحداد"), (0, "GPE", "كندا"), (1, "PERSON", "ندا سليمان")],
    "gold": [(1, "GPE", "القاهرة")],
}
SUGGESTED = [  # where nobody annotated, and where they did under another label
    (0, "ORG", "اتفاقا"),
    (0, "LOC", "عمان"),
    (1, "GPE", "القاهرة"),
    (1, "DATE", "أمس"),
    (1, "PERSON", "ندا"),
]


def place(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def annotated(path: Path) -> Project:
    project = Project.create(path)
    documents = [project.documents.add(text).documents_added[0] for text in TEXTS]
    for annotator, spans in WORK.items():
        project.annotators.ensure(annotator)
        for number, label, words in spans:
            project.spans.add(documents[number], annotator, label, *place(TEXTS[number], words))
        for document in documents:
            project.documents.set_status(document, annotator, "done")
    return project


def suggest(project: Project, source: str = "model:ner-1") -> None:
    """Every suggestion, one of them rejected by ali."""
    documents = [project.documents.resolve(str(n)) for n in (1, 2)]
    for number, label, words in SUGGESTED:
        candidate = Candidate(label, *place(TEXTS[number], words), 0.8)
        project.suggestions.add(documents[number], [candidate], source)
    first = project.suggestions.open_for(documents[1], "ali")[0]
    Editor(project, "ali").reject_suggestion(first.uid)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with annotated(tmp_path / "test.annotate") as opened:
        yield opened


def exported(project: Project, folder: Path) -> dict[str, bytes]:
    """Every file of every export format, by its path within the folder."""
    for fmt, kind in EXPORT_FORMATS.items():
        (folder / fmt).mkdir(parents=True)
        export_corpus(project, folder / fmt / f"out{kind.suffix}", fmt, "all")
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_no_export_format_holds_a_suggestion(project: Project, tmp_path: Path) -> None:
    before = exported(project, tmp_path / "before")
    suggest(project)
    after = exported(project, tmp_path / "after")
    assert len(before) >= len(EXPORT_FORMATS)
    assert after == before


def test_agreement_review_progress_and_search_ignore_suggestions(project: Project) -> None:
    def seen() -> list[object]:
        documents = [project.documents.resolve(str(n)) for n in (1, 2)]
        return [
            agreement_report(project, status="any", workers=1).to_json(),
            review_counts(project),
            [document_items(project, document) for document in documents],
            progress_report(project).to_json(),
            search_documents(project, "القاهرة"),
            project.documents.summaries(),
        ]

    before = seen()
    suggest(project)
    assert project.suggestions.count_open() == len(SUGGESTED) - 1
    assert seen() == before


def test_a_merge_carries_suggestions_as_suggestions(project: Project, tmp_path: Path) -> None:
    """The copy has the same places suggested (by another source): none is added, and
    their decisions come along, Huda's acceptance naming the span it made."""
    suggest(project)
    with annotated(tmp_path / "copy.annotate") as copy:
        suggest(copy, "gazetteer")
        document = copy.documents.resolve("2")
        copy.spans.add(document, "huda", "DATE", *place(TEXTS[1], "أمس"))
        accepted = copy.suggestions.open_for(document, "huda")[0]
        Editor(copy, "huda").accept_suggestion(accepted.uid)
        theirs = spans(copy)
    suggestions = project.store.conn.execute("SELECT * FROM suggestions ORDER BY uid").fetchall()
    ours = spans(project)
    report = merge_projects(project, [tmp_path / "copy.annotate"])
    conn = project.store.conn
    assert conn.execute("SELECT * FROM suggestions ORDER BY uid").fetchall() == suggestions
    assert (report.suggestions_added, report.suggestion_decisions_updated) == (0, 2)
    assert spans(project) == ours | theirs
    huda = conn.execute(
        "SELECT uid, label, start, origin FROM spans WHERE annotator = 'huda' ORDER BY start"
    ).fetchall()
    assert [row[1:] for row in huda] == [
        ("PERSON", place(TEXTS[1], "ندا")[0], "suggested"),
        ("DATE", place(TEXTS[1], "أمس")[0], "manual"),
    ]
    decided = conn.execute(
        "SELECT g.label, g.source, x.annotator, x.state, x.span FROM suggestion_decisions x"
        " JOIN suggestions g ON g.uid = x.suggestion ORDER BY x.annotator"
    ).fetchall()
    assert decided == [  # ali's rejection in both files is one, the later
        ("PERSON", "model:ner-1", "ali", "rejected", ""),
        ("PERSON", "model:ner-1", "huda", "accepted", huda[0][0]),
    ]


def spans(project: Project) -> set[tuple[object, ...]]:
    """Every span by what it is (the two projects give one span different uids)."""
    query = 'SELECT d.uid, annotator, label, start, "end", origin FROM spans'
    query += " JOIN documents d ON d.position = spans.document"
    return set(project.store.conn.execute(query).fetchall())
