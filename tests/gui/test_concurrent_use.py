"""The app open on a project while command-line imports write to it, and two at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotate.backups import backups
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


def test_imports_while_the_app_annotates_lose_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    project = window.project.path
    writers = [start_import(project, jsonl(tmp_path, name, 300)) for name in ("أ", "ب")]
    reader = window.reader
    reader.setFocus()
    text = reader.document().toRawText()
    made = 0
    while any(writer.poll() is None for writer in writers):  # annotate meanwhile
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
    qtbot.keyClick(window.document_list, Qt.Key.Key_F5)
    model = window.document_list.documents
    titles = {model.index(row, TITLE_COLUMN).data() for row in range(model.rowCount())}
    assert len(titles) == 2 + 600
    assert {"أ 299", "ب 0"} <= {title.lstrip("\u200f") for title in titles}
    assert made > 0
    uid = reader.annotated.document.uid
    assert len(window.project.spans.for_document(uid, "ali")) == made


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
