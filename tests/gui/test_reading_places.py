"""The app opens where the analyst left: the last project, and in each project the document
and the line that were in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotate.annotated_text import AnnotatedText
from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER
from gui.main_window import MainWindow
from gui.project_switch import CurrentWindow
from gui.reader import ReaderView
from gui.reading_places import PLACES_KEY, Place, remember_place, remembered_place
from gui.recent_projects import project_key
from gui.settings import store_rows
from tests.gui.conftest import app_on
from tests.gui.layout_geometry import reading_edges
from tests.gui.long_report import TITLE, long_report
from tests.gui.reader_fixtures import open_document

LONG_ROW = 2  # the long report comes after the two sample articles


def analyst_project(path: Path) -> str:
    """The sample articles, then the long report (its uid returned)."""
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
        return project.documents.add(long_report(), TITLE).documents_added[0]


def read_on(qtbot: QtBot, window: MainWindow, pages: int) -> int:
    """Open the long report from the document list and page down in it, by keys; the
    offset of the first character in view."""
    table = window.document_list
    table.setFocus()
    for _ in range(LONG_ROW):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    window.reader.setFocus()
    for _ in range(pages):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
    return window.reader.first_shown()


def first_line(reader: ReaderView) -> tuple[int, int] | None:
    """Where the first line in view starts and ends (none before the text is laid out)."""
    lines = reader.visible_lines(0, 1)
    return (lines[0].start, lines[0].end) if lines else None


def wait_for_line_holding(qtbot: QtBot, reader: ReaderView, offset: int) -> None:
    def holds() -> bool:
        line = first_line(reader)
        return line is not None and line[0] <= offset < line[1]

    qtbot.waitUntil(holds)


def test_reopening_a_project_shows_the_document_and_line_left(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "analyst.annotate"
    report = analyst_project(path)
    with Project.open(path) as project, app_on(qtbot, project) as started:
        offset = read_on(qtbot, started.window, pages=6)
        assert offset > 2_000  # far from the top
        left = first_line(started.window.reader)
    with Project.open(path) as project, app_on(qtbot, project) as started:  # the next day
        reader = started.window.reader
        assert started.window.annotating.document == report
        wait_for_line_holding(qtbot, reader, offset)
        assert first_line(reader) == left
        assert started.window.position_label.text() == "Document 3 of 3"


def test_show_from_brings_back_the_view_each_first_offset_came_from(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "report.annotate") as project:
        opened = open_document(qtbot, project, long_report())
        reader = opened.reader
        bar = reader.verticalScrollBar()
        seen = []
        while bar.value() < bar.maximum():  # which grows as paragraphs are laid out
            bar.setValue(bar.value() + 3)
            seen.append(reader.first_shown())
        assert len(set(seen)) > 30  # lines starting paragraphs and lines within them
        for offset in seen:
            bar.setValue(0)
            reader.show_from(offset)
            assert reader.first_shown() == offset
        fresh = ReaderView()  # the same text, nothing laid out yet
        qtbot.addWidget(fresh)
        fresh.resize(reader.size())
        fresh.show_text(AnnotatedText.load(project, opened.uid))
        fresh.show()
        qtbot.waitExposed(fresh)
        for offset in seen[::7]:
            fresh.show_from(offset)
            assert fresh.first_shown() == offset


def test_the_document_is_remembered_as_soon_as_it_changes(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "analyst.annotate"
    analyst_project(path)
    with Project.open(path) as project, app_on(qtbot, project) as started:
        table = started.window.document_list
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Down)
        second = table.current_uid()
        # as if the first window had never closed (the app was killed)
        with Project.open(path) as again_project, app_on(qtbot, again_project) as again:
            assert again.window.annotating.document == second
            assert again.window.reader.first_shown() == 0


def test_each_project_keeps_its_own_place_across_switching(
    qtbot: QtBot, current: CurrentWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "analyst.annotate"
    report = analyst_project(path)
    sample = current.window
    table = sample.document_list
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the water article, in the sample project
    water = table.current_uid()
    sample.projects.open(path)
    offset = read_on(qtbot, current.window, pages=4)
    current.window.projects.open_sample()
    assert current.window.annotating.document == water
    current.window.projects.open(path)
    assert current.window.annotating.document == report
    wait_for_line_holding(qtbot, current.window.reader, offset)


def caret_of(reader: ReaderView) -> int:
    return reader.positions.to_core(reader.textCursor().position())


def test_reopening_a_project_puts_the_caret_back_where_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "analyst.annotate"
    analyst_project(path)
    with Project.open(path) as project, app_on(qtbot, project) as started:
        reader = started.window.reader
        read_on(qtbot, started.window, pages=5)
        third = reader.visible_lines(0, reader.viewport().height())[2]
        assert reader.annotated is not None
        text = reader.annotated.text
        letter = next(at for at in range(third.start + 4, third.end) if text[at].isalpha())
        press, _ = reading_edges(reader, letter, letter + 1)
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=press)
        assert caret_of(reader) == letter
        left = first_line(reader)
    with Project.open(path) as project, app_on(qtbot, project) as started:  # the next day
        reader = started.window.reader
        qtbot.waitUntil(lambda: caret_of(reader) == letter)
        qtbot.waitUntil(lambda: first_line(reader) == left)  # placing the caret kept the view


def test_a_place_kept_before_the_caret_was_remembered_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "analyst.annotate"
    older = {"project": str(project_key(path)), "document": "d" * 64, "offset": "120"}
    store_rows(PLACES_KEY, [older])  # as the app kept it before
    assert remembered_place(path) == Place("d" * 64, 120, None)
    remember_place(path, Place("d" * 64, 80, 95))
    assert remembered_place(path) == Place("d" * 64, 80, 95)
