"""The work a crash test kills: annotation through the core API, through the GUI, an
import, or a merge. Before each action the span it may change is written to a journal
("begin"), and once the action returns, what it did (flushed and synced each time). So the
harness knows what must survive, and which one span a kill may have caught between commit
and journal.

    python -m tests.crash.children core|gui|import|merge PROJECT JOURNAL [SEED]
"""

from __future__ import annotations

import json
import os
import random
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any, TextIO

from annotate.editing import Editor
from annotate.errors import InputError
from annotate.project import Project

ANNOTATOR = "crash"
LABELS = ("PERSON", "ORG", "GPE", "EVENT", "DATE")
READY = "ready"
BEGIN = "begin"
IMPORT_FILE = "import.jsonl"  # what an import or a merge reads, beside the project
MERGE_FILE = "merge.annotate"


class Journal:
    def __init__(self, path: Path) -> None:
        self._file: TextIO = path.open("a", encoding="utf-8")

    def write(self, **entry: Any) -> None:
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())


def core(project_path: Path, journal: Journal, seed: int) -> None:
    rng = random.Random(seed)
    with Project.open(project_path) as project:
        editor = Editor(project, ANNOTATOR)
        document = project.documents.resolve("1")
        length = len(project.documents.get(document).text)
        mine: list[str] = []
        journal.write(op=READY)
        while True:
            with suppress(InputError):  # a refused edit (a duplicate) returns nothing
                _one_core_action(editor, document, length, mine, rng, journal)


def _one_core_action(
    editor: Editor,
    document: str,
    length: int,
    mine: list[str],
    rng: random.Random,
    journal: Journal,
) -> None:
    choice = rng.random()
    if mine and choice < 0.2:
        uid = mine.pop(rng.randrange(len(mine)))
        journal.write(op=BEGIN, uid=uid)
        editor.remove_span(uid)
        journal.write(op="remove", uid=uid)
    elif mine and choice < 0.35:
        uid = rng.choice(mine)
        label = rng.choice(LABELS)
        if editor.project.spans.get(uid).label != label:
            journal.write(op=BEGIN, uid=uid)
            editor.relabel(uid, label)
            journal.write(op="relabel", uid=uid, label=label)
    else:
        start = rng.randrange(0, length - 20)
        end = start + rng.randrange(1, 20)
        label = rng.choice(LABELS)
        if editor.project.spans.find(document, ANNOTATOR, label, start, end) is None:
            journal.write(op=BEGIN, uid=None)  # a new span: nothing journaled can change
            uid = editor.add_span(document, label, start, end).spans_added[0]
            mine.append(uid)
            journal.write(op="add", uid=uid, label=label, start=start, end=end)


def gui(project_path: Path, journal: Journal, seed: int) -> None:
    """The app itself, driven by key presses on words of the article."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from gui.app import application
    from gui.main_window import MainWindow

    rng = random.Random(seed)
    app = application()
    project = Project.open(project_path)
    window = MainWindow(project, ANNOTATOR)
    window.show()
    window.activateWindow()
    reader = window.reader
    reader.setFocus()
    keys = [Qt.Key.Key_P, Qt.Key.Key_O, Qt.Key.Key_G, Qt.Key.Key_E, Qt.Key.Key_D]

    added: list[str] = []  # the steps Ctrl+Z can undo, newest last

    def record(changes: object) -> None:
        for uid in getattr(changes, "spans_added", ()):
            span = project.spans.get(uid)
            journal.write(op="add", uid=uid, label=span.label, start=span.start, end=span.end)
            added.append(uid)
        for uid in getattr(changes, "spans_removed", ()):
            journal.write(op="remove", uid=uid)
            added.remove(uid)

    window.annotating.changed.connect(record)

    def act() -> None:
        annotated = reader.annotated
        if annotated is None:
            QTimer.singleShot(5, act)
            return
        text = annotated.text
        start = text.find(" ", rng.randrange(0, len(text) - 30)) + 1
        end = text.find(" ", start + 1)
        cursor = reader.textCursor()
        cursor.setPosition(reader.positions.to_qt(start))
        cursor.setPosition(reader.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)
        journal.write(op=BEGIN, uid=None)
        QTest.keyClick(reader, rng.choice(keys))
        if added and rng.random() < 0.3:
            journal.write(op=BEGIN, uid=added[-1])
            QTest.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(1, act)

    journal.write(op=READY)
    QTimer.singleShot(0, act)
    app.exec()


def import_file(project_path: Path, journal: Journal, seed: int) -> None:
    from annotate.corpus.importing import import_paths

    source = project_path.with_name(IMPORT_FILE)
    with Project.open(project_path) as project:
        journal.write(op=READY)
        report = import_paths(project, [source])
        journal.write(
            op="imported",
            documents=report.documents_added,
            spans=report.spans_added,
            relations=report.relations_added,
        )


def merge_file(project_path: Path, journal: Journal, seed: int) -> None:
    from annotate.merge.merging import merge_projects

    other = project_path.with_name(MERGE_FILE)
    with Project.open(project_path) as project:
        journal.write(op=READY)
        report = merge_projects(project, [other])
        journal.write(
            op="merged",
            documents=report.documents_added,
            spans=report.spans_added,
            relations=report.relations_added,
        )


MODES = {"core": core, "gui": gui, "import": import_file, "merge": merge_file}


def main(argv: list[str]) -> None:
    mode, project, journal = argv[0], Path(argv[1]), Journal(Path(argv[2]))
    seed = int(argv[3]) if len(argv) > 3 else 0
    MODES[mode](project, journal, seed)


if __name__ == "__main__":
    main(sys.argv[1:])
