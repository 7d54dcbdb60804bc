"""The whole window under the analyst's keys: a label key on a selected word, Ctrl+Z, Ctrl+Y.

What a user waits for: the key press through Qt's shortcut system, the committed step, the
reader, the annotations panel and the document list brought up to date, and the frame after
it. The window is the app's main window at WINDOW_SIZE, on a copy of the article's project.
The same keys are also timed while a suggestion model trains on that project, started from
the window's Suggestions menu as an analyst starts it (a process of its own).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotate.project import Project
from bench.reader_qt import REPETITIONS, WORD, PaintCounter, next_frame, start_qt
from bench.scenario import Repeat, Samples
from gui.main_window import MainWindow
from gui.training_dialog import TrainingDialog

WINDOW_SIZE = (1400, 900)
MAX_EVENT_TURNS = 10
SHOW_OTHERS_PLACES = 10
TRAINING_START_SECONDS = 120  # to its first step: spaCy loaded, the project read (15 s here)


def label_key(project_path: Path, scratch: Path, annotator: str) -> Repeat:
    app, window, project = _window_on_copy(project_path, scratch, annotator)
    return _label_keys(app, window, project, annotator)


def label_key_while_training(project_path: Path, scratch: Path, annotator: str) -> Repeat:
    """label_key while a suggestion model trains on the project: Suggestions › Train
    suggestion model…, the dialog's Train, and the keys once the training tells its first
    steps (the window reads its progress lines and moves the dialog's bar meanwhile). It
    must still be training after the last key, and have told steps while the keys were
    pressed; it is cancelled then, untimed."""
    app, window, project = _window_on_copy(project_path, scratch, annotator)
    dialog = _start_training(app, window)
    steps: list[int] = []
    dialog.run.progressed.connect(lambda done, total: steps.append(done))
    _focus_reader(app, window)
    keys = _label_keys(app, window, project, annotator)

    def run() -> Samples:
        told = len(steps)
        samples = keys()
        if not dialog.busy():
            raise RuntimeError("the training ended before the last key")
        if len(steps) <= told:
            raise RuntimeError("the training told no step while the keys were pressed")
        dialog.cancel()
        return samples

    return run


def _window_on_copy(
    project_path: Path, scratch: Path, annotator: str
) -> tuple[QApplication, MainWindow, Project]:
    """The main window at WINDOW_SIZE on a copy of the project (the keys' edits stay there),
    the article shown, every span read, the reader focused."""
    app = start_qt(scratch)
    copy = scratch / project_path.name
    with Project.open(project_path) as original:
        original.store.backup_to(copy)
    project = Project.open(copy)
    window = MainWindow(project, annotator)
    window.resize(*WINDOW_SIZE)
    window.show()
    _focus_reader(app, window)
    return app, window, project


def _focus_reader(app: QApplication, window: MainWindow) -> None:
    reader = window.reader
    window.activateWindow()
    reader.setFocus()  # the label keys work where spans are
    while reader.loading or reader.annotated is None or not reader.hasFocus():
        app.processEvents()


def _start_training(app: QApplication, window: MainWindow) -> TrainingDialog:
    """The training as an analyst starts it, under way: its first step told."""
    window.suggestions.train()
    dialog = window.suggestions.training
    assert dialog is not None
    started: list[int] = []
    dialog.run.progressed.connect(lambda done, total: started.append(done))
    QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    deadline = time.monotonic() + TRAINING_START_SECONDS
    while not started:
        if not dialog.busy() or time.monotonic() > deadline:
            raise RuntimeError(f"the training told no step: {dialog.outcome.text()}")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)
    return dialog


def _label_keys(app: QApplication, window: MainWindow, project: Project, annotator: str) -> Repeat:
    """At each place: the label key on a selected word, Ctrl+Z, Ctrl+Y, each timed to the
    next frame, then an untimed Ctrl+Z, so the next place starts from the document as it
    was."""
    reader = window.reader
    assert reader.annotated is not None
    painted = PaintCounter(reader.viewport())
    document, text = reader.annotated.document.uid, reader.annotated.text
    length = len(text)
    places = [length * (2 * i + 1) // (2 * REPETITIONS) for i in range(REPETITIONS)]

    def frame() -> None:
        _next_frame(app, painted, "the key")

    def timed_key(key: Qt.Key, modifier: Qt.KeyboardModifier, samples: list[float]) -> None:
        started = time.perf_counter()
        QTest.keyClick(reader, key, modifier)
        frame()
        samples.append(time.perf_counter() - started)

    def run() -> Samples:
        samples: Samples = {"label key": [], "undo": [], "redo": []}
        for place in places:
            match = WORD.search(text, place)
            if match is None:
                raise RuntimeError(f"no word after offset {place}")
            reader.scroll_to(match.start())
            cursor = reader.textCursor()
            cursor.setPosition(reader.positions.to_qt(match.start()))
            cursor.setPosition(reader.positions.to_qt(match.end()), QTextCursor.MoveMode.KeepAnchor)
            reader.setTextCursor(cursor)
            reader.viewport().repaint()  # untimed: the page is on screen
            app.processEvents()
            spans_before = len(project.spans.for_document(document, annotator))
            timed_key(Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier, samples["label key"])
            if len(project.spans.for_document(document, annotator)) != spans_before + 1:
                raise RuntimeError(f"the label key made no span at {match.start()}")
            timed_key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, samples["undo"])
            timed_key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier, samples["redo"])
            if len(project.spans.for_document(document, annotator)) != spans_before + 1:
                raise RuntimeError(f"redo brought no span back at {match.start()}")
            QTest.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            frame()  # untimed: the document as it was, for the next place
        return samples

    return run


def show_others(project_path: Path, scratch: Path, annotator: str) -> Repeat:
    """View › Show › Everyone, then Mine, at places through the article: each timed from
    the menu action to the next frame of the reader, which then shows the spans of the
    page (the rest are read between events, as the app always does)."""
    from gui.layers import EVERYONE, MINE

    app = start_qt(scratch)
    project = Project.open(project_path)
    window = MainWindow(project, annotator)
    window.resize(*WINDOW_SIZE)
    window.show()
    reader = window.reader
    while reader.loading or reader.annotated is None:
        app.processEvents()
    painted = PaintCounter(reader.viewport())
    length = len(reader.annotated.text)
    places = [length * (2 * i + 1) // (2 * SHOW_OTHERS_PLACES) for i in range(SHOW_OTHERS_PLACES)]
    layers = {"show others": EVERYONE, "own only": MINE}

    def frame() -> None:
        _next_frame(app, painted, "showing others")

    def annotators_shown() -> set[str]:
        annotated = reader.annotated
        assert annotated is not None
        return {span.annotator for span in annotated.spans()}

    def run() -> Samples:
        samples: Samples = {kind: [] for kind in layers}
        for place in places:
            reader.scroll_to(place)
            reader.viewport().repaint()
            while reader.loading:
                app.processEvents()
            for kind, layer in layers.items():
                started = time.perf_counter()
                window.layers.action(layer).trigger()
                frame()
                samples[kind].append(time.perf_counter() - started)
                if (len(annotators_shown()) > 1) != (layer == EVERYONE):
                    raise RuntimeError(f"the reader shows {annotators_shown()} after {kind}")
                while reader.loading:  # untimed: the rest of the spans
                    app.processEvents()
        return samples

    return run


def _next_frame(app: QApplication, painted: PaintCounter, after: str) -> None:
    next_frame(app, painted, f"the reader was not painted after {after}")
