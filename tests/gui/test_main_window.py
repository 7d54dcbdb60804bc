from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from annotate.project import Project
from gui.app import application
from gui.document_list import TITLE_COLUMN, DocumentTableModel
from gui.main_window import MainWindow

STATUS_COLUMN = 4


def test_window_lists_the_sample_documents(window: MainWindow) -> None:
    model = window.document_list.documents
    titles = [model.index(row, TITLE_COLUMN).data() for row in range(model.rowCount())]
    assert titles == [
        "افتتاح ميناء جديد للصيد في صفاقس",
        "وزراء المياه العرب يتفقون على خطة لمواجهة الجفاف",
    ]
    assert window.position_label.text() == "Document 1 of 2"


def test_arabic_title_opening_with_a_latin_name_reads_right_to_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    with Project.open(window.project.path) as other:
        other.documents.add("نص", "NATO قال إن الاجتماع سيعقد في 2027.")
        other.documents.add("text", "NATO said the talks go on")
    qtbot.keyClick(window.document_list, Qt.Key.Key_F5)
    model = window.document_list.documents
    arabic, english = (model.index(row, TITLE_COLUMN) for row in (2, 3))
    assert arabic.data() == "NATO قال إن الاجتماع سيعقد في 2027."
    assert english.data() == "NATO said the talks go on"
    right = Qt.AlignmentFlag.AlignRight
    assert arabic.data(Qt.ItemDataRole.TextAlignmentRole) & right
    assert not english.data(Qt.ItemDataRole.TextAlignmentRole) & right


def test_keyboard_moves_through_the_documents(qtbot: QtBot, window: MainWindow) -> None:
    table = window.document_list
    table.setFocus()
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 0


def test_refresh_shows_documents_added_by_another_writer(qtbot: QtBot, window: MainWindow) -> None:
    with Project.open(window.project.path) as other:
        other.documents.add("خبر جديد أضيف من سطر الأوامر", "خبر جديد")
    qtbot.keyClick(window.document_list, Qt.Key.Key_F5)
    model = window.document_list.documents
    assert model.rowCount() == 3
    assert model.index(2, TITLE_COLUMN).data() == "خبر جديد"


def test_an_edit_updates_its_documents_row_alone_and_widens_it_to_fit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fitting the columns to a thousand rows at every edit took 0.2 s of each label key
    in a project of 5,000 documents; only the changed row is read now."""
    asked: list[int] = []
    data = DocumentTableModel.data

    def counted(self: DocumentTableModel, index: QModelIndex, role: int = 0) -> object:
        asked.append(index.row())
        return data(self, index, role)

    monkeypatch.setattr(DocumentTableModel, "data", counted)
    application()
    with Project.create(tmp_path / "many.annotate") as project:
        with project.transaction():
            for number in range(1500):
                project.documents.add(f"خبر رقم {number} عن الاجتماع في عمّان")
        shown = MainWindow(project, annotator="ali")
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        table, reader = shown.document_list, shown.reader
        status_before = table.columnWidth(STATUS_COLUMN)
        cursor = reader.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(3, cursor.MoveMode.KeepAnchor)  # خبر
        reader.setTextCursor(cursor)
        shown.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
        reader.setFocus()
        asked.clear()
        qtbot.keyClick(reader, Qt.Key.Key_O)
        row = table.currentIndex().row()
        status = table.documents.index(row, STATUS_COLUMN)
        spans = project.spans.for_document(table.current_uid() or "", "ali")
        assert [(span.label, span.start, span.end) for span in spans] == [("ORG", 0, 3)]
        assert status.data() == "ali: in progress"
        assert set(asked) == {row}
        assert table.columnWidth(STATUS_COLUMN) >= table.sizeHintForIndex(status).width()
        assert table.columnWidth(STATUS_COLUMN) > status_before  # "new" was narrower
        shown.close()


def test_arabic_titles_are_drawn_flush_right(window: MainWindow, tmp_path: Path) -> None:
    table = window.document_list
    window.splitter.setSizes([900, 300])  # room for the whole title
    rect = table.visualRect(table.documents.index(1, TITLE_COLUMN))
    image = table.viewport().grab(rect).toImage()
    image.save(str(tmp_path / "title-cell.png"))
    ink = ink_columns(image)
    assert ink, "the title cell shows no text"
    assert max(ink) > image.width() - 20, "text does not reach the right edge"
    assert min(ink) > image.width() * 0.2, "text starts at the left: not flush right"


def ink_columns(image: QImage) -> list[int]:
    """x positions of dark pixels (text), ignoring the background."""
    return [
        x
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 100
    ]


RUN_APP_AND_LOOK = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from gui.app import application, run_app
from gui.main_window import MainWindow

def look_and_quit():
    for shown in QApplication.topLevelWidgets():
        if isinstance(shown, MainWindow) and shown.isVisible():
            print(shown.windowTitle())
    QApplication.quit()

application()
QTimer.singleShot(0, look_and_quit)
sys.exit(run_app(Path(sys.argv[1]) if sys.argv[1:] else None))
"""


def test_run_app_opens_the_given_project(tmp_path: Path) -> None:
    """In a process of its own: an event loop that ran and quit would stay in this one."""
    path = tmp_path / "mine.annotate"
    with Project.create(path) as project:
        project.documents.add("نص للتجربة", "تجربة")
    settings = tmp_path / "arabic-annotate" / "workbench.ini"
    settings.parent.mkdir()
    settings.write_text("[annotator]\nname=ali\n", encoding="utf-8")  # not asked again
    result = subprocess.run(
        [sys.executable, "-c", RUN_APP_AND_LOOK, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["mine.annotate — Arabic annotation workbench"]


def test_annotate_without_a_command_opens_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from gui.cli import main

    opened: list[Path | None] = []
    monkeypatch.setattr(
        "gui.app.run_app", lambda path=None, language=None: opened.append(path) or 0
    )
    assert CliRunner().invoke(main, []).exit_code == 0
    assert CliRunner().invoke(main, ["gui", "mine.annotate"]).exit_code == 0
    assert opened == [None, Path("mine.annotate")]


def test_no_two_commands_of_the_main_window_share_a_shortcut(window: MainWindow) -> None:
    """Qt runs neither of two actions bound to one key that apply where the focus is (an
    ambiguous shortcut): the key would silently do nothing. Checked with the focus in each
    widget an action is attached to (a widget's own shortcut, such as the find bar's Esc,
    may share a key with one of another widget)."""
    actions = [a for a in window.findChildren(QAction) if a.shortcuts()]
    places = {o for a in actions for o in a.associatedObjects() if isinstance(o, QWidget)}
    shared = {}
    for focus in places:
        owners: dict[str, set[str]] = {}
        for action in actions:
            if _applies(action, focus, window):
                for sequence in action.shortcuts():
                    owners.setdefault(sequence.toString(), set()).add(action.text())
        shared.update({key: names for key, names in owners.items() if len(names) > 1})
    assert shared == {}


def _applies(action: QAction, focus: QWidget, window: MainWindow) -> bool:
    context = action.shortcutContext()
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return focus.window() is window
    attached = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
    if context == Qt.ShortcutContext.WidgetShortcut:
        return focus in attached
    return any(widget is focus or widget.isAncestorOf(focus) for widget in attached)
