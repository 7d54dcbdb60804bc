"""The progress dashboard: its figures per analyst and per document, assigning the selected
documents by mouse and by keyboard, and the analyst's own queue in the main window."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from annotate.project import Project
from gui.main_window import MY_QUEUE, MainWindow
from gui.progress_view import ProgressView
from tests.annotate.test_progress import FIRST, SECOND, THIRD, make_team
from tests.gui.conftest import app_on
from tests.gui.test_annotating import when_modal
from tests.helpers import table_checksums

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


@pytest.fixture
def team(project_path: Path) -> Path:
    make_team(project_path)
    return project_path


@pytest.fixture
def window(qtbot: QtBot, team: Path) -> Iterator[MainWindow]:
    """The app on the team's project, for the analyst ali."""
    with Project.open(team) as project, app_on(qtbot, project) as started:
        yield started.window


def open_dashboard(qtbot: QtBot, window: MainWindow) -> ProgressView:
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    view = window.progress_view
    assert view is not None
    qtbot.waitExposed(view)
    activate(qtbot, view)
    return view


def activate(qtbot: QtBot, shown: QWidget) -> None:
    """As a desktop makes a window the user turns to active (keys go to it)."""
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [
        [str(model.index(row, column).data() or "") for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def header(table: QTableView) -> list[str]:
    model = table.model()
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal))
        for column in range(model.columnCount())
    ]


def click_row(qtbot: QtBot, table: QTableView, row: int, keys: Qt.KeyboardModifier) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, keys, rect.center())


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, widget.height() // 2))


def type_analyst(qtbot: QtBot, view: ProgressView, name: str) -> None:
    editor = view.analyst.lineEdit()
    click(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, name)


def assigned(path: Path) -> set[tuple[str, str, int, str]]:
    conn = sqlite3.connect(path)
    try:
        return set(
            conn.execute(
                "SELECT d.uid, a.annotator, a.assigned, a.changed_by FROM assignments a"
                " JOIN documents d ON d.position = a.document"
            )
        )
    finally:
        conn.close()


def test_the_dashboard_shows_every_analyst_and_document(qtbot: QtBot, window: MainWindow) -> None:
    view = open_dashboard(qtbot, window)
    assert header(view.documents_table) == [
        "#",
        "Title",
        "State",
        "Assigned to",
        "Decided",
        "Undecided",
        "ali",
        "omar",
        "sara",
    ]
    assert cells(view.documents_table) == [
        [
            "1",
            "الوزير",
            "in progress",
            "ali, sara",
            "1 of 2",
            "0 disagreements, 1 agreed",
            "done · 2 spans · 6 min",
            "",
            "in progress · 1 span · 4 min",
        ],
        [
            "2",
            "المكتبة",
            "reviewed",
            "ali, sara",
            "1 of 1",
            "none: reviewed",
            "reviewed · 1 span · 1 min",
            "",
            "reviewed · 1 span · 5 min",
        ],
        ["3", "الجامعة", "not started", "omar", "—", "—", "", "not started", ""],
    ]
    tabs = view.tabs.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    assert view.tabs.currentWidget() is view.analysts_table
    assert cells(view.analysts_table) == [
        ["ali", "2", "0", "0", "1", "1", "3", "7 min"],
        ["omar", "1", "1", "0", "0", "0", "0", "—"],
        ["sara", "2", "0", "1", "0", "1", "2", "9 min"],
    ]


def test_documents_selected_by_clicks_are_assigned_to_the_analyst_typed(
    qtbot: QtBot, window: MainWindow, team: Path
) -> None:
    view = open_dashboard(qtbot, window)
    table = view.documents_table
    click_row(qtbot, table, 0, Qt.KeyboardModifier.NoModifier)
    click_row(qtbot, table, 2, CTRL)
    assert view.selected_documents() == [FIRST, THIRD]
    type_analyst(qtbot, view, "omar")
    click(qtbot, view.assign_button)
    assert view.message.text() == "Assigned 1 document to omar; 1 already assigned to omar"
    assert (FIRST, "omar", 1, "ali") in assigned(team)  # ali is the one assigning here
    assert cells(table)[0][3] == "ali, omar, sara"
    assert cells(table)[0][7] == "not started"
    assert view.selected_documents() == [FIRST, THIRD]  # still selected after the count


def test_the_keyboard_selects_and_takes_documents_back(
    qtbot: QtBot, window: MainWindow, team: Path
) -> None:
    view = open_dashboard(qtbot, window)
    table = view.documents_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down, SHIFT)
    type_analyst(qtbot, view, "sara")
    qtbot.keyClick(view, Qt.Key.Key_U, ALT)  # the button's mnemonic clicks it a moment later
    qtbot.waitUntil(lambda: view.message.text() == "Took 2 documents back from sara")
    assert {row for row in assigned(team) if row[1] == "sara"} == {
        (FIRST, "sara", 0, "ali"),
        (SECOND, "sara", 0, "ali"),
        (THIRD, "sara", 0, "huda"),
    }
    assert cells(table)[0][3] == "ali"
    assert cells(table)[0][8] == "in progress · 1 span · 4 min"  # her work stays


def test_a_new_analyst_is_added_only_when_the_lead_says_so(
    qtbot: QtBot, window: MainWindow, team: Path
) -> None:
    view = open_dashboard(qtbot, window)
    click_row(qtbot, view.documents_table, 2, Qt.KeyboardModifier.NoModifier)
    type_analyst(qtbot, view, "layla")
    before = table_checksums(team)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            box.button(button).click()

        when_modal(act)

    answer(QMessageBox.StandardButton.No)
    click(qtbot, view.assign_button)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked == [
        "layla is not an annotator of this project yet. Add layla as an analyst and assign"
        " the documents?"
    ]
    assert table_checksums(team) == before
    answer(QMessageBox.StandardButton.Yes)
    click(qtbot, view.assign_button)
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert (THIRD, "layla", 1, "ali") in assigned(team)
    assert header(view.documents_table)[-2:] == ["omar", "sara"]
    assert "layla" in header(view.documents_table)
    assert [view.analyst.itemText(i) for i in range(view.analyst.count())] == [
        "ali",
        "layla",
        "omar",
        "sara",
    ]


def test_a_name_no_project_takes_is_refused_in_the_window(
    qtbot: QtBot, window: MainWindow, team: Path
) -> None:
    view = open_dashboard(qtbot, window)
    click_row(qtbot, view.documents_table, 0, Qt.KeyboardModifier.NoModifier)
    before = table_checksums(team)
    refusals = (
        ("", "an analyst needs a name"),
        (
            "gold",
            "'gold' is the reviewed layer, not an analyst: assign documents to the analysts"
            " who annotate them",
        ),
    )
    for name, said in refusals:
        type_analyst(qtbot, view, name)
        click(qtbot, view.assign_button)
        assert view.message.text() == said
    assert table_checksums(team) == before


def test_assigning_to_me_fills_my_queue_and_a_chosen_document_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = open_dashboard(qtbot, window)
    assert window.annotator_label.text() == "Annotator: ali, your queue is done"
    click_row(qtbot, view.documents_table, 2, Qt.KeyboardModifier.NoModifier)
    type_analyst(qtbot, view, "ali")
    click(qtbot, view.assign_button)
    assert window.annotator_label.text() == "Annotator: ali, 1 document left in your queue"
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # the status filter
    qtbot.keyClick(window.status_filter, Qt.Key.Key_M)
    assert window.status_filter.currentData() == MY_QUEUE
    listed = window.document_list.documents.listed()
    assert [document.uid for document in listed] == [THIRD]
    activate(qtbot, view)
    table = view.documents_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # the library: not in the queue
    assert window.annotating.document == SECOND
    assert window.status_filter.currentText() == "All documents"


def test_an_analyst_new_to_the_project_begins_with_the_first_document_of_the_queue(
    qtbot: QtBot, team: Path
) -> None:
    with Project.open(team) as project:
        project.assignments.assign([FIRST, THIRD], "ali")  # the minister is done
    with Project.open(team) as project, app_on(qtbot, project) as started:
        assert started.window.annotating.document == THIRD


def test_my_queue_keeps_to_my_statuses_while_another_analysts_layer_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.project.assignments.assign([THIRD], "ali", "huda")
    window.refresh()
    combo = window.layers.combo
    combo.setFocus()
    sara = next(n for n, layer in enumerate(window.layers.layers()) if layer.name == "sara")
    for _ in range(sara):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.shown_annotator() == "sara"
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # the status filter
    qtbot.keyClick(window.status_filter, Qt.Key.Key_M)
    assert window.status_filter.currentData() == MY_QUEUE
    listed = window.document_list.documents.listed()
    assert [document.uid for document in listed] == [THIRD]  # sara is at the minister, ali done
    assert window.annotator_label.text() == "Annotator: ali, 1 document left in your queue"
