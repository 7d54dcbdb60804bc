"""A project without documents says what to do next, where the reader would be."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from annotate.project import Project
from annotate.sample import default_project_path
from gui import corpus_files
from gui.corpus_files import ProgressBox
from gui.empty_project import drop_text, heading_text, import_text, read_only_text, sample_text
from gui.main_window import MainWindow
from gui.project_switch import CurrentWindow
from tests.gui.conftest import app_on
from tests.gui.test_annotating import when_modal
from tests.gui.test_corpus_files import drop_files, press_default

LEFT = Qt.MouseButton.LeftButton
NEWS = "أعلنت وزارة الفلاحة في صفاقس عن موسم قياسي لجني الزيتون هذا العام."


@pytest.fixture
def empty(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CurrentWindow]:
    """The app on a project just created, for the analyst "ali"."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "موسم الزيتون.annotate"
    with Project.create(path) as project, app_on(qtbot, project) as started:
        yield started


def texts(panel: QWidget) -> list[str]:
    return [label.text() for label in panel.findChildren(QLabel) if label.isVisible()]


def buttons(panel: QWidget) -> list[str]:
    return [button.text() for button in panel.findChildren(QPushButton) if button.isVisible()]


def news_file(folder: Path) -> Path:
    source = folder / "موسم_الزيتون.txt"
    source.write_text(NEWS, encoding="utf-8")
    return source


def watch_steps(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each step the import's progress shows: its text, and whether the box was on screen."""
    seen: list[tuple[str, bool]] = []
    shown_step = ProgressBox.step

    def step(box: ProgressBox, text: str, done: int, total: int) -> None:
        shown_step(box, text, done, total)
        seen.append((box.dialog.labelText(), box.dialog.isVisible()))

    monkeypatch.setattr(corpus_files.ProgressBox, "step", step)
    return seen


def test_an_empty_project_shows_what_to_do_in_place_of_the_reader(
    empty: CurrentWindow,
) -> None:
    window = empty.window
    panel = window.empty_panel
    assert panel.isVisible() and not window.reader.isVisible()
    assert texts(panel) == [heading_text(), import_text(), drop_text(), sample_text()]
    assert buttons(panel) == [
        "Import files… (Ctrl+I)",
        "Import a folder… (Ctrl+Shift+I)",
        "Open the sample project",
    ]
    reading = window.splitter.widget(1)  # the reader's column, beside the documents
    assert reading.isAncestorOf(panel) and panel.height() > reading.height() // 2


def test_its_import_button_imports_a_file_and_the_panel_gives_way_to_it(
    qtbot: QtBot, empty: CurrentWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty.window
    source = news_file(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(source)], "")
    )
    steps = watch_steps(monkeypatch)
    when_modal(lambda dialog: press_default(qtbot, dialog))
    qtbot.mouseClick(window.empty_panel.import_files, LEFT)
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Imported 1 documents"))
    assert ("Importing 1 of 1", True) in steps
    assert not window.empty_panel.isVisible() and window.reader.isVisible()
    (listed,) = window.document_list.documents.listed()
    assert listed.title == "موسم الزيتون"
    assert window.annotating.document == listed.uid
    assert window.reader.toPlainText() == NEWS


def test_files_dropped_on_the_panel_are_imported_with_progress(
    qtbot: QtBot, empty: CurrentWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty.window
    folder = tmp_path / "أخبار"
    folder.mkdir()
    news_file(folder)
    (folder / "الطقس.txt").write_text("توقعت مصلحة الأرصاد أمطارا غزيرة غدا.", encoding="utf-8")
    steps = watch_steps(monkeypatch)
    when_modal(lambda dialog: press_default(qtbot, dialog))
    drop_files(window, sorted(folder.iterdir()), on=window.empty_panel)
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Imported 2 documents"))
    assert [text for text, _ in steps if text.startswith("Importing")] == [
        "Importing 1 of 2",
        "Importing 2 of 2",
    ]
    assert all(visible for _, visible in steps)
    assert not window.empty_panel.isVisible()
    assert window.document_list.documents.rowCount() == 2


def test_open_the_sample_project_from_the_panel(qtbot: QtBot, empty: CurrentWindow) -> None:
    old = empty.window
    qtbot.mouseClick(old.empty_panel.open_sample, LEFT)
    window = empty.window
    assert window is not old
    assert window.project.path == default_project_path()
    assert window.document_list.documents.rowCount() == 2
    assert not window.empty_panel.isVisible() and window.reader.isVisible()


def test_the_panel_never_shows_over_a_project_with_documents(window: MainWindow) -> None:
    assert not window.empty_panel.isVisible() and window.reader.isVisible()
    window.status_filter.setCurrentText("done")  # none listed, but the project has some
    assert window.document_list.documents.rowCount() == 0
    assert not window.empty_panel.isVisible()


def test_a_read_only_empty_project_offers_no_import(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "archive.annotate"
    Project.create(path).close()
    with Project.open(path, read_only=True) as project, app_on(qtbot, project) as started:
        panel = started.window.empty_panel
        assert read_only_text() in texts(panel)
        assert buttons(panel) == ["Open the sample project"]
