"""The app open on a project while command-line imports and merges write to it, two at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotate.backups import backups
from annotate.checking import check_project
from annotate.project import Project
from gui.document_list import TITLE_COLUMN
from gui.main_window import KEEP_BACKUPS_KEY, MainWindow
from gui.settings import app_settings

ROOT = Path(__file__).resolve().parents[2]


def jsonl(folder: Path, name: str, count: int) -> Path:
    path = folder / f"{name}.jsonl"
    lines = [
        json.dumps({"title": f"{name} {n}", "text": f"خبر {name} رقم {n}: قال الوزير كلاما."})
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_import(project: Path, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotate", "import", str(project), str(source)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_merge(project: Path, other: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotate", "merge", str(project), str(other)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def analysts_project(folder: Path, name: str, count: int) -> Path:
    """An analyst's own project: `count` articles, each with one span of theirs."""
    path = folder / f"{name}.annotate"
    with Project.create(path) as project, project.transaction():
        for n in range(count):
            text = f"خبر {name} رقم {n}: قال الوزير كلاما."
            uid = project.documents.add(text, f"{name} {n}").documents_added[0]
            project.spans.add(uid, name, "EVENT", 0, 3)
    return path


def annotate_until_done(
    qtbot: QtBot, window: MainWindow, writers: list[subprocess.Popen[str]]
) -> int:
    """Make spans in the app while the writers run; how many the app made."""
    reader = window.reader
    reader.setFocus()
    text = reader.document().toRawText()
    made = 0
    while any(writer.poll() is None for writer in writers):
        start = made * 7 % (len(text) - 10)
        cursor = reader.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + 3, cursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)
        before = len(window.project.spans.for_document(reader.annotated.document.uid, "ali"))
        qtbot.keyClick(reader, Qt.Key.Key_E)
        after = len(window.project.spans.for_document(reader.annotated.document.uid, "ali"))
        made += after - before
    for writer in writers:
        _, errors = writer.communicate()
        assert writer.returncode == 0, errors
        assert "locked" not in errors
    return made


def listed_titles(qtbot: QtBot, window: MainWindow) -> set[str]:
    qtbot.keyClick(window.document_list, Qt.Key.Key_F5)
    model = window.document_list.documents
    titles = {model.index(row, TITLE_COLUMN).data() for row in range(model.rowCount())}
    return {title.lstrip("\u200f") for title in titles}


def test_imports_while_the_app_annotates_lose_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    project = window.project.path
    writers = [start_import(project, jsonl(tmp_path, name, 300)) for name in ("أ", "ب")]
    made = annotate_until_done(qtbot, window, writers)
    titles = listed_titles(qtbot, window)
    assert len(titles) == 2 + 600
    assert {"أ 299", "ب 0"} <= titles
    assert made > 0
    uid = window.reader.annotated.document.uid
    assert len(window.project.spans.for_document(uid, "ali")) == made


def test_merges_while_the_app_annotates_lose_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    others = [analysts_project(tmp_path, name, 300) for name in ("سعاد", "bob")]
    writers = [start_merge(window.project.path, other) for other in others]
    made = annotate_until_done(qtbot, window, writers)
    titles = listed_titles(qtbot, window)
    assert len(titles) == 2 + 600
    assert {"سعاد 299", "bob 0"} <= titles
    assert made > 0
    uid = window.reader.annotated.document.uid
    assert len(window.project.spans.for_document(uid, "ali")) == made
    count = "SELECT count(*) FROM spans WHERE annotator = ?"
    for name in ("سعاد", "bob"):
        assert window.project.store.conn.execute(count, (name,)).fetchone()[0] == 300
    assert all(finding.ok for finding in check_project(window.project))


def test_backup_now_keeps_a_copy_beside_the_project(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(
        window.document_list,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    (copy,) = backups(window.project.path)
    assert copy.name in window.saved_label.text()


def test_opening_makes_a_rolling_backup_keeping_the_number_set(
    qtbot: QtBot, window: MainWindow
) -> None:
    app_settings().setValue(KEEP_BACKUPS_KEY, 2)
    for _ in range(3):
        window.protect_on_open()
    assert len(backups(window.project.path)) == 2


def test_opening_a_damaged_project_says_so_loudly_and_keeps_the_good_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from annotate.backups import rolling_backup
    from tests.annotate.test_safety import many_documents, zero_a_page
    from tests.gui.test_annotating import when_modal

    path = tmp_path / "p.annotate"
    with Project.create(path) as project:
        many_documents(project)
        good = rolling_backup(project)
    zero_a_page(path)
    shown: list[tuple[str, Qt.TextFormat]] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append((box.text(), box.textFormat()))
        box.accept()

    with Project.open(path) as project:
        window = MainWindow(project, annotator="ali")
        qtbot.addWidget(window)
        window.show()
        when_modal(read_and_close)
        window.protect_on_open()
        window.close()
    ((text, text_format),) = shown
    assert f"{path} is damaged" in text and f"annotate restore {path} {good}" in text
    assert text_format == Qt.TextFormat.PlainText
    assert window.saved_label.text() == "The project is damaged: no backup was made"
    assert backups(path) == [good]
