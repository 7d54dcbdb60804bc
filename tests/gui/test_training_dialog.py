"""Train suggestion model… from the Suggestions menu: the training runs in a process of its
own while the reader answers keys, its progress and time left shown, Cancel stops it and
leaves no half-written model, a failure is told, and once trained the model suggests in the
open document. These tests give the dialog stand-in commands (a slow one, a failing one);
tests/gui/test_training_for_real.py trains a real model."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotate.project import Project
from annotate.sample import open_default_project
from gui.i18n import is_arabic
from gui.main_window import MainWindow
from gui.training_dialog import TrainingDialog
from gui.training_run import model_folder
from tests.gui.test_gestures import WIDTHS, Reading, seed_text
from tests.gui.test_suggestions_menu import choose, every_column_shows
from tests.helpers import read_only_copy

LEFT = Qt.MouseButton.LeftButton
FAKE_TRAIN = """
import json, os, sys, time
target, pid_file, steps, delay, mode = sys.argv[1:6]
open(pid_file, "w").write(str(os.getpid()))
os.makedirs(target)
open(os.path.join(target, "meta.json"), "w").write("{")  # half written, as a real one is
for done in range(1, int(steps) + 1):
    time.sleep(float(delay))
    print(json.dumps({"done": done, "total": int(steps)}), flush=True)
    if mode == "fail":
        print("error: the project has no span of PERSON to learn from", file=sys.stderr)
        sys.exit(2)
open(os.path.join(target, "meta.json"), "w").write('{"annotate": {}}')
scores = {"precision": 0.75, "recall": 0.6, "f1": 0.6666, "gold": 10, "predicted": 8}
report = {"labels": ["PERSON"], "train_sentences": 40, "held_out_sentences": 9,
          "scores": {"labels": {"PERSON": scores}, "overall": scores}, "model": target}
print(json.dumps(report), flush=True)
"""
FAKE_SUGGEST = """
import sys
from pathlib import Path
from annotate.project import Project
from annotate.suggestions import Candidate
project, model, document = sys.argv[1:4]
with Project.open(Path(project)) as opened:
    text = opened.documents.get(document).text
    found = [Candidate("PERSON", start, start + 5, 0.9) for start in
             [n for n in range(len(text)) if text.startswith("ترامب", n)]]
    opened.suggestions.add(document, found, "model:" + Path(model).resolve().name)
"""


@pytest.fixture
def window(window_in_each_language: MainWindow) -> MainWindow:
    """Each test in the English window and in the mirrored Arabic one."""
    return window_in_each_language


class Stand_in:  # what the dialog runs instead of annotate train and suggest
    def __init__(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: int, delay: float, mode: str
    ) -> None:
        self.pid_file = tmp_path / "pid"
        train, suggest = tmp_path / "train.py", tmp_path / "suggest.py"
        train.write_text(FAKE_TRAIN, encoding="utf-8")
        suggest.write_text(FAKE_SUGGEST, encoding="utf-8")
        self.options: list[str] = []

        def train_command(project: Path, model: Path, options: list[str]) -> list[str]:
            self.options = options
            arguments = [str(model), str(self.pid_file), str(steps), str(delay), mode]
            return [sys.executable, str(train), *arguments]

        def suggest_command(project: Path, model: Path, document: str) -> list[str]:
            return [sys.executable, str(suggest), str(project), str(model), document]

        monkeypatch.setattr("gui.training_run.train_command", train_command)
        monkeypatch.setattr("gui.training_run.suggest_command", suggest_command)

    def alive(self) -> bool:
        try:
            os.kill(int(self.pid_file.read_text()), 0)
        except ProcessLookupError:
            return False
        return True


def start_training(qtbot: QtBot, window: MainWindow, epochs: int = 2) -> TrainingDialog:
    """Suggestions > Train suggestion model…, the epochs set, Train clicked."""
    choose(qtbot, window, "تدريب نموذج الاقتراحات…" if is_arabic() else "Train suggestion model…")
    dialog = window.suggestions.training
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.epochs.setValue(epochs)
    qtbot.mouseClick(dialog.start_button, LEFT)
    return dialog


def leftovers(window: MainWindow) -> list[str]:
    """Folders a training left beside the project."""
    folder = window.project.path.parent
    return sorted(path.name for path in folder.iterdir() if ".training-" in path.name)


def test_training_shows_progress_and_time_left_and_then_the_models_suggestions(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = Stand_in(tmp_path, monkeypatch, steps=6, delay=0.25, mode="ok")
    reading = Reading(qtbot, window, seed_text(), WIDTHS["default"])
    dialog = start_training(qtbot, window, epochs=3)
    # three documents with spans: a fifth of them would hold none out, so none is
    assert stand_in.options == ["--source", "all", "--epochs", "3", "--eval-split", "0"]
    seen: list[tuple[int, int, str]] = []
    dialog.bar.valueChanged.connect(
        lambda value: seen.append((value, dialog.bar.maximum(), dialog.eta.text()))
    )
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.close_button.isVisible(), timeout=20_000)
    assert [(value, total) for value, total, _ in seen] == [(n, 6) for n in range(1, 7)]
    later = seen[-2][2]  # the time left, from the pace of the steps before
    assert later.startswith("المتبقي نحو 0:0" if is_arabic() else "About 0:0")
    model = model_folder(window.project.path)
    assert (model / "meta.json").read_text() == '{"annotate": {}}'
    assert leftovers(window) == []
    trump = [s for s in window.reader.suggestions if s.label == "PERSON"]
    assert len(trump) == 7 and all(s.source == "model:default.annotate.model" for s in trump)
    assert [reading.text[s.start : s.end] for s in trump] == ["ترامب"] * 7
    outcome = dialog.outcome.text()
    if is_arabic():
        assert "مقياس F1 على الجمل المحجوزة (9): 0.67" in outcome
        assert "اقتراحات النموذج في المستند المفتوح: 7." in outcome
    else:
        assert outcome == (
            "Trained on 40 sentences; on 9 held out, F1 0.67.\n"
            "Suggestions from the model in the open document: 7."
        )
        assert window.saved_label.text() == outcome.replace("\n", " ")
    assert dialog.scores.rowCount() == 2
    QApplication.processEvents()  # laid out again, the scores shown
    assert every_column_shows(dialog.scores)
    assert dialog.scores.item(0, 3).text() == "0.67"


def test_with_ten_annotated_documents_a_fifth_is_held_out_to_score_the_model(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = Stand_in(tmp_path, monkeypatch, steps=2, delay=0.05, mode="ok")
    project = window.project
    for number in range(8):  # beside the sample's two
        text = f"وصل الوفد رقم {number} إلى عمان صباح اليوم."
        uid = project.documents.add(text).documents_added[0]
        project.spans.add(uid, "ali", "GPE", text.index("عمان"), text.index("عمان") + 4)
    window.refresh()
    dialog = start_training(qtbot, window, epochs=3)
    assert stand_in.options == ["--source", "all", "--epochs", "3"]  # annotate train's 0.2
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)


def test_cancel_while_suggesting_keeps_the_new_model_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Stand_in(tmp_path, monkeypatch, steps=2, delay=0.05, mode="ok")
    slow = [sys.executable, "-c", "import time; time.sleep(60)"]
    monkeypatch.setattr("gui.training_run.suggest_command", lambda *args: slow)
    dialog = start_training(qtbot, window)
    qtbot.waitUntil(lambda: dialog.run.stage == "suggesting", timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert dialog.outcome.text() == (
        "أُلغي: بقي النموذج الجديد، ولم تُكتب اقتراحات."
        if is_arabic()
        else "Cancelled: the model is kept; no suggestions were written."
    )
    assert (model_folder(window.project.path) / "meta.json").is_file()
    assert window.project.suggestions.count_open() == 0


def test_cancel_kills_the_training_and_leaves_no_model_or_the_one_before(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = Stand_in(tmp_path, monkeypatch, steps=400, delay=0.05, mode="ok")
    Reading(qtbot, window, seed_text(), WIDTHS["default"])
    model = model_folder(window.project.path)
    for earlier in (False, True):
        if earlier:
            model.mkdir()
            (model / "meta.json").write_text('{"annotate": {"earlier": true}}')
        dialog = start_training(qtbot, window)
        qtbot.waitUntil(lambda shown=dialog: shown.bar.value() >= 2, timeout=20_000)
        assert stand_in.alive() and len(leftovers(window)) == 1
        qtbot.mouseClick(dialog.cancel_button, LEFT)
        assert not stand_in.alive()
        assert leftovers(window) == []
        if earlier:
            assert (model / "meta.json").read_text() == '{"annotate": {"earlier": true}}'
            said = (
                "أُلغي: بقي النموذج كما كان."
                if is_arabic()
                else ("Cancelled: the model is as it was before.")
            )
        else:
            assert not model.exists()
            said = "أُلغي: لم يُكتب أي نموذج." if is_arabic() else "Cancelled: no model was written."
        assert dialog.outcome.text() == said and window.saved_label.text() == said
        assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
        qtbot.mouseClick(dialog.close_button, LEFT)


def test_closing_the_dialog_while_it_trains_cancels(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = Stand_in(tmp_path, monkeypatch, steps=400, delay=0.05, mode="ok")
    dialog = start_training(qtbot, window)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=20_000)
    dialog.close()
    assert not stand_in.alive() and leftovers(window) == []
    assert not model_folder(window.project.path).exists()


def test_a_failed_training_says_why_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Stand_in(tmp_path, monkeypatch, steps=3, delay=0.05, mode="fail")
    dialog = start_training(qtbot, window)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    error = "error: the project has no span of PERSON to learn from"
    said = f"لم ينجح: {error}" if is_arabic() else f"It did not work: {error}"
    assert dialog.outcome.text() == said
    assert not model_folder(window.project.path).exists() and leftovers(window) == []


def test_the_reader_answers_keys_while_it_trains(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gui.test_suggestions_in_reader import Suggested

    stand_in = Stand_in(tmp_path, monkeypatch, steps=400, delay=0.05, mode="ok")
    reading = Suggested(qtbot, window, WIDTHS["default"])
    dialog = start_training(qtbot, window)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=20_000)
    window.activateWindow()  # back to reading, the dialog left open beside it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    reading.reader.setFocus()
    reading.reader.put_caret(0)
    took = []
    for key in [Qt.Key.Key_Tab] * 10 + [Qt.Key.Key_Y] * 3:
        began = time.perf_counter()
        reading.key(key)
        QApplication.processEvents()
        took.append(time.perf_counter() - began)
    assert dialog.busy() and stand_in.alive()  # it trained all the while
    accepted = reading.suggestions[9:12]  # the tenth, Tab chose, and the two after it
    decided = [window.project.suggestions.get(s.uid).decision_of("ali") for s in accepted]
    assert [d and d.state for d in decided] == ["accepted"] * 3
    assert sorted(took)[len(took) // 2] <= 0.016, took  # the median key: within a frame
    qtbot.mouseClick(dialog.cancel_button, LEFT)


def test_a_project_in_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_default_project() as project:
        sample = project.path
    with read_only_copy([sample], tmp_path / "ro") as folder:
        window = MainWindow(Project.open(folder / sample.name), annotator="ali")
        qtbot.addWidget(window)
        window.show()
        dialog = start_training(qtbot, window)
        outcome = dialog.outcome.text()
        left = sorted(path.name for path in folder.iterdir())
        window.close()
        window.project.close()
    assert outcome == f"It did not work: error: {folder}: Read-only file system"
    assert left == [sample.name]


@pytest.mark.parametrize("when", ["before", "while it trains"])
def test_a_folder_in_the_models_place_that_is_not_a_model_is_never_deleted(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    when: str,
) -> None:
    Stand_in(tmp_path, monkeypatch, steps=6, delay=0.1, mode="ok")
    model = model_folder(window.project.path)

    def put_notes() -> None:
        model.mkdir()
        (model / "notes.txt").write_text("the analyst's own notes", encoding="utf-8")

    if when == "before":
        put_notes()
    dialog = start_training(qtbot, window)
    if when == "while it trains":
        qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=20_000)
        put_notes()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.close_button.isVisible(), timeout=20_000)
    assert [path.name for path in model.iterdir()] == ["notes.txt"]
    assert (model / "notes.txt").read_text(encoding="utf-8") == "the analyst's own notes"
    assert leftovers(window) == []
    error = (
        f"error: {model}: the folder holds files and is not a model from annotate train;"
        " name a new or empty folder"
    )
    said = f"لم ينجح: {error}" if is_arabic() else f"It did not work: {error}"
    assert dialog.outcome.text() == said
