"""Merging analysts' project files into the project the app has open, with progress."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from annotate.checking import check_project
from annotate.errors import ProjectError
from annotate.merge.merging import PROGRESS_EVERY
from annotate.project import Project
from gui.corpus_files import Cancelled, ProgressBox
from gui.main_window import MainWindow
from gui.merging import describe_merge, merge_with_progress
from tests.helpers import table_checksums

NEWS = "وصل وفد من جامعة دمشق إلى حمص صباح اليوم لبحث التعاون."


def analysts_copy(window: MainWindow, folder: Path) -> Path:
    """A copy of the open project, as an analyst took it home, then worked on."""
    path = folder / "bob.annotate"
    window.project.store.backup_to(path)
    return path


def no_progress_left() -> bool:
    return not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_merge_brings_an_analysts_copy_into_the_open_project(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = analysts_copy(window, tmp_path)
    with Project.open(other) as copy:
        first = copy.documents.resolve("1")
        edited = copy.spans.for_document(first, "sample")[0]
        copy.spans.update(edited.uid, end=edited.end + 1)
        copy.documents.add(NEWS, "وفد جامعة دمشق")
        news = copy.documents.resolve("3")
        start = NEWS.index("جامعة دمشق")
        added = copy.spans.add(news, "bob", "ORG", start, start + 10).spans_added[0]
    report = merge_with_progress(window, window.project, [other])
    project = window.project
    assert project.spans.get(edited.uid).end == edited.end + 1
    assert project.spans.get(added).annotator == "bob"
    assert project.documents.get(news).title == "وفد جامعة دمشق"
    assert (report.documents_added, report.spans_added, report.spans_updated) == (1, 1, 1)
    assert report.conflicts == []  # the app's copy still held the span as it was made
    assert describe_merge(report).startswith("Merged 1 files: 1 documents added (2 already")
    assert report.detail_lines() == []
    assert all(finding.ok for finding in check_project(project))
    assert no_progress_left()
    window.refresh()
    assert window.document_list.documents.rowCount() == 3


def test_a_merged_assignment_fills_the_analysts_queue(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = analysts_copy(window, tmp_path)  # the team lead's, say
    with Project.open(other) as copy:
        second = copy.documents.resolve("2")
        copy.assignments.assign([second], "ali", "huda", new_annotator=True)
    assert window.annotator_label.text() == "Annotator: ali"
    report = merge_with_progress(window, window.project, [other])
    assert describe_merge(report).endswith("; 1 assignments updated")
    window.reopen()  # as File > Merge projects does
    assert window.annotator_label.text() == "Annotator: ali, 1 document left in your queue"
    assert window.project.assignments.given_to("ali") == [second]


def test_a_conflict_is_told_with_both_versions(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = analysts_copy(window, tmp_path)
    first = window.project.documents.resolve("1")
    span = window.project.spans.for_document(first, "sample")[0]
    window.project.spans.update(span.uid, start=span.start + 1)
    with Project.open(other) as copy:
        copy.spans.update(span.uid, end=span.end + 1)  # later: this one is kept
    report = merge_with_progress(window, window.project, [other])
    assert describe_merge(report).endswith("; 1 conflicts")
    (note,) = report.detail_lines()
    assert note.startswith(f"conflict: {other}: span {span.uid} of sample in «")
    assert note.endswith("kept theirs: theirs is newer")
    kept = window.project.spans.get(span.uid)
    assert (kept.start, kept.end) == (span.start, span.end + 1)


def test_a_file_that_is_no_project_is_refused_unchanged(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    good = analysts_copy(window, tmp_path)
    bad = tmp_path / "notes.annotate"
    bad.write_text("ملاحظات\n", encoding="utf-8")
    before = table_checksums(window.project.path)
    with pytest.raises(ProjectError, match=re.escape(f"{bad}: not an annotation project")):
        merge_with_progress(window, window.project, [good, bad])
    assert table_checksums(window.project.path) == before
    assert no_progress_left()


def test_cancel_during_a_merge_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "many.annotate"
    city = NEWS.index("حمص")
    with Project.create(other) as project, project.transaction():
        for number in range(600):
            uid = project.documents.add(f"{NEWS} ({number})").documents_added[0]
            project.spans.add(uid, "bob", "GPE", city, city + 3)
    before = table_checksums(window.project.path)
    seen: list[int] = []
    step = ProgressBox.step

    def cancel_once_merging(box: ProgressBox, text: str, done: int, total: int) -> None:
        seen.append(done)
        if done >= 600 + PROGRESS_EVERY:  # documents in, spans on their way
            box.dialog.cancel()
        step(box, text, done, total)

    monkeypatch.setattr(ProgressBox, "step", cancel_once_merging)
    with pytest.raises(Cancelled):
        merge_with_progress(window, window.project, [other])
    assert seen[-1] == 600 + PROGRESS_EVERY
    assert table_checksums(window.project.path) == before
    assert no_progress_left()
