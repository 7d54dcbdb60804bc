"""File > New project, Open project and Open recent: the window is built again on the
project opened, and the old one closes with its project."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER, default_project_path
from annotate.schema import DEFAULT_SCHEMA_PATH, load_schema
from gui import project_switch
from gui.main_window import MainWindow
from gui.project_switch import CurrentWindow
from gui.recent_projects import MAX_RECENT, recent_projects, remember_project
from tests.gui.long_report import TITLE, long_report
from tests.gui.test_search import type_text
from tests.helpers import table_checksums

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TITLE_END = " — Arabic annotation workbench"

Told = list[tuple[str, str]]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> Told:
    """The title and text of each message box the switch shows, answered with OK."""
    shown: Told = []
    monkeypatch.setattr(
        project_switch,
        "tell",
        lambda parent, icon, title, text: shown.append((title, text)),
    )
    return shown


def save_dialog_answers(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple[str, ...]]:
    """The save dialog, as if the analyst typed `path` into it; what it was asked."""
    asked: list[tuple[str, ...]] = []

    def answer(parent: QWidget, caption: str, folder: str, filters: str, **kwargs: object):
        asked.append((caption, filters, str(kwargs.get("options"))))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def open_dialog_answers(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), args[-1])
    )


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.keyClick(window.document_list, key, CTRL)


def other_project(path: Path) -> Path:
    """A project of an analyst's own: the long report and the sample articles."""
    with Project.create(path) as project:
        project.documents.add(long_report(), TITLE)
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
    return path


def titles(window: MainWindow) -> list[str]:
    listed = window.document_list.documents.listed()
    return [document.title for document in listed]


def wait_deleted(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))


def test_new_project_is_created_with_the_default_labels_and_shown(
    qtbot: QtBot, current: CurrentWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = current.window
    asked = save_dialog_answers(monkeypatch, tmp_path / "حملة المياه")  # no suffix typed
    press(qtbot, old, Qt.Key.Key_N)
    created = tmp_path / "حملة المياه.annotate"
    new = current.window
    assert new is not old and new.isVisible()
    assert asked == [
        (
            "New project",
            "Annotation projects (*.annotate)",
            str(QFileDialog.Option.DontConfirmOverwrite),
        )
    ]
    assert new.windowTitle() == "حملة المياه.annotate" + TITLE_END
    assert new.project.path == created
    default_labels = [label.name for label in load_schema(DEFAULT_SCHEMA_PATH).labels]
    with Project.open(created) as reopened:
        assert [label.name for label in reopened.labels.schema().labels] == default_labels
        assert reopened.documents.count() == 0
    assert new.palette_list.count() == len(default_labels)
    assert titles(new) == []
    assert new.empty_panel.isVisible()
    assert new.annotator == "ali"
    assert recent_projects()[0] == created
    (backup,) = (tmp_path / "حملة المياه.annotate.backups").glob("*.annotate")
    assert new.saved_label.text() == f"Backed up to {backup.name}"  # as on opening at start
    wait_deleted(qtbot, old)


def test_new_project_refuses_a_file_that_exists(
    qtbot: QtBot,
    current: CurrentWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: Told,
) -> None:
    taken = other_project(tmp_path / "taken.annotate")
    before = table_checksums(taken)
    window = current.window
    save_dialog_answers(monkeypatch, tmp_path / "taken")
    press(qtbot, window, Qt.Key.Key_N)
    assert told == [("New project", f"{taken}: already exists; choose a new file name")]
    assert current.window is window and window.isVisible()
    assert table_checksums(taken) == before


def test_open_project_shows_its_documents_where_the_old_window_was(
    qtbot: QtBot, current: CurrentWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = current.window
    old.resize(1100, 700)
    old.splitter.setSizes([500, 600])
    path = other_project(tmp_path / "analyst.annotate")
    open_dialog_answers(monkeypatch, path)
    press(qtbot, old, Qt.Key.Key_O)
    new = current.window
    assert new is not old
    assert new.windowTitle() == "analyst.annotate" + TITLE_END
    assert titles(new) == [
        TITLE,
        "افتتاح ميناء جديد للصيد في صفاقس",
        "وزراء المياه العرب يتفقون على خطة لمواجهة الجفاف",
    ]
    assert new.annotating.document == new.document_list.documents.listed()[0].uid
    assert new.position_label.text() == "Document 1 of 3"
    assert new.size() == old.size()
    assert new.splitter.sizes() == old.splitter.sizes()
    search = new.corpus_search
    type_text(search.query, "الحداد")  # a name only the new project's report holds
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not search.searching)
    assert {hit.document for hit in search.hits} == {new.document_list.documents.listed()[0].uid}
    assert recent_projects()[:2] == [path, default_project_path()]
    assert not old.isVisible() and not old.reader.loading
    with pytest.raises(sqlite3.ProgrammingError):  # the old project is closed
        old.project.documents.count()
    wait_deleted(qtbot, old)


def notes(path: Path) -> None:
    path.write_text("meeting notes, not a project\n", encoding="utf-8")


def other_database(path: Path) -> None:
    sqlite3.connect(path).execute("CREATE TABLE notes (line TEXT)").connection.close()


def damaged_project(path: Path) -> None:
    """A project that opens, but whose spans table is gone."""
    Project.create(path).close()
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE spans")
    connection.close()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (notes, "not an annotation project (not a SQLite database)"),
        (other_database, "not an annotation project (a SQLite file of another kind)"),
        (damaged_project, "the project database refused: no such table: spans"),
    ],
)
def test_a_file_that_is_no_project_is_refused_and_the_old_one_stays_usable(
    qtbot: QtBot,
    current: CurrentWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: Told,
    make: Callable[[Path], None],
    reason: str,
) -> None:
    bad = tmp_path / "notes.annotate"
    make(bad)
    window = current.window
    open_dialog_answers(monkeypatch, bad)
    press(qtbot, window, Qt.Key.Key_O)
    assert told == [("Open project", f"{bad}: {reason}")]
    assert current.window is window and window.isVisible()
    assert bad not in recent_projects()
    table = window.document_list
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the second article opens, read from the project
    second = window.document_list.documents.listed()[1].uid
    assert window.annotating.document == second
    qtbot.keyClick(window.reader, Qt.Key.Key_Return, CTRL)  # and a change is saved in it
    assert window.project.documents.status(second, "ali") == "done"


def open_recent_menu(qtbot: QtBot, window: MainWindow) -> QMenu:
    """File, then Open recent, by their keys."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.document_list, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    file_menu = QApplication.activePopupWidget()
    while file_menu.activeAction() is not window.recent_menu.menuAction():
        qtbot.keyClick(file_menu, Qt.Key.Key_Down)
    qtbot.keyClick(file_menu, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.recent_menu)
    return window.recent_menu


def entries(menu: QMenu) -> list[tuple[str, bool]]:
    return [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]


def close_menus(qtbot: QtBot) -> None:
    while QApplication.activePopupWidget() is not None:
        QApplication.activePopupWidget().close()


def test_open_recent_lists_the_last_projects_opened_most_recent_first(
    qtbot: QtBot, current: CurrentWindow, tmp_path: Path
) -> None:
    sample = default_project_path()
    first = other_project(tmp_path / "first.annotate")
    second = other_project(tmp_path / "second.annotate")
    for path in (first, second):
        current.window.projects.open(path)
    menu = open_recent_menu(qtbot, current.window)
    assert entries(menu) == [
        (f"&1 second.annotate  ({tmp_path})", True),
        (f"&2 first.annotate  ({tmp_path})", True),
        (f"&3 default.annotate  ({sample.parent})", True),
        ("&Clear list", True),
    ]
    old = current.window
    qtbot.keyClick(menu, Qt.Key.Key_2)  # first.annotate again: it moves to the top, once
    wait_deleted(qtbot, old)
    assert current.window.project.path == first
    assert recent_projects() == [first, second, sample]
    second.unlink()  # a project moved away is no longer offered
    menu = open_recent_menu(qtbot, current.window)
    assert [text for text, _ in entries(menu)][:2] == [
        f"&1 first.annotate  ({tmp_path})",
        f"&2 default.annotate  ({sample.parent})",
    ]
    clear = next(a for a in menu.actions() if a.text() == "&Clear list")
    menu.setActiveAction(clear)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert recent_projects() == []
    menu = open_recent_menu(qtbot, current.window)
    assert entries(menu) == [("No recent projects", False), ("&Clear list", False)]
    close_menus(qtbot)


def test_the_recent_list_keeps_eight(tmp_path: Path) -> None:
    paths = [tmp_path / f"p{number}.annotate" for number in range(10)]
    for path in paths:
        Project.create(path).close()
        remember_project(path)
    remember_project(tmp_path / "." / "p5.annotate")  # the same file by another name
    assert MAX_RECENT == 8
    assert recent_projects() == [paths[number] for number in (5, 9, 8, 7, 6, 4, 3, 2)]


def test_the_project_open_now_is_not_opened_twice(qtbot: QtBot, current: CurrentWindow) -> None:
    window = current.window
    window.projects.open(window.project.path)
    assert current.window is window
    assert window.saved_label.text() == "default.annotate is already open"


def test_switching_closes_the_review_and_agreement_windows_of_the_old_project(
    qtbot: QtBot, current: CurrentWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = current.window
    old.activateWindow()
    qtbot.keyClick(old.document_list, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(old.document_list, Qt.Key.Key_G, CTRL | Qt.KeyboardModifier.ShiftModifier)
    opened = [w for w in old.findChildren(QWidget) if w.isWindow() and w.isVisible()]
    assert sorted(w.windowTitle() for w in opened) == ["Agreement", "Review — default.annotate"]
    path = other_project(tmp_path / "analyst.annotate")
    open_dialog_answers(monkeypatch, path)
    press(qtbot, old, Qt.Key.Key_O)
    assert not any(w.isVisible() for w in opened)
    wait_deleted(qtbot, old)
    new = current.window
    new.activateWindow()
    qtbot.keyClick(new.document_list, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert new.review_window is not None
    assert new.review_window.windowTitle() == "Review — analyst.annotate"


def test_quitting_closes_the_windows_the_main_window_opened(
    qtbot: QtBot, current: CurrentWindow
) -> None:
    window = current.window
    window.activateWindow()
    qtbot.keyClick(window.document_list, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.document_list, Qt.Key.Key_G, CTRL | Qt.KeyboardModifier.ShiftModifier)
    opened = [w for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()]
    assert len(opened) == 2
    file_menu = window.menuBar().actions()[0].menu()
    quit_action = next(a for a in file_menu.actions() if a.text() == "&Quit")
    quit_action.trigger()  # File > Quit
    assert not window.isVisible()
    assert not any(w.isVisible() for w in opened)
