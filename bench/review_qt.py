"""The review window on the long article marked by three annotators: about 10,000 items.

Opening: the window made and shown, its document list counted, the article's items listed,
the first item's lanes drawn, to the first frame that paints the item list and the lanes.
Deciding: a key pressed on the item list (1 accepts the first annotator's version, P
relabels the gold span it made, Delete rejects), through Qt's shortcuts, committed, with
the list, the lanes, the progress and the document's counts brought up to date, to the
next frame of the window. The project is a copy in the scratch folder.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from bench.reader_qt import MAX_EVENT_TURNS, PaintCounter, next_frame, start_qt
from bench.scenario import Repeat, Samples
from gui.review_window import ReviewWindow

WINDOW_SIZE = (1200, 760)
REVIEWER = "reviewer"
OPENINGS = 5  # a run; each opening takes most of a second on a quiet machine
DECISION_PLACES = 40  # items through the article, three decisions each
MIN_ITEMS = 9_000
KEYS = {  # the kind of decision: its key and what it leaves in the gold layer
    "accept": Qt.Key.Key_1,
    "edit": Qt.Key.Key_P,  # relabels the accepted span PERSON
    "reject": Qt.Key.Key_Delete,
}


def open_window(project_path: Path, scratch: Path) -> Repeat:
    app = start_qt(scratch)
    project = Project.open(project_path)

    def run() -> Samples:
        openings: list[float] = []
        for _ in range(OPENINGS):
            started = time.perf_counter()
            window = ReviewWindow(project, REVIEWER)
            window.resize(*WINDOW_SIZE)
            window.show()
            _first_frame(app, window)
            openings.append(time.perf_counter() - started)
            _check_open(window)
            window.close()
            window.deleteLater()
            app.processEvents()
        return {"open": openings}

    return run


def decisions(project_path: Path, scratch: Path) -> Repeat:
    app = start_qt(scratch)
    copy = scratch / project_path.name
    with Project.open(project_path) as original:
        original.store.backup_to(copy)
    project = Project.open(copy)
    window = ReviewWindow(project, REVIEWER)
    window.resize(*WINDOW_SIZE)
    window.show()
    _first_frame(app, window)
    _check_open(window)
    window.activateWindow()
    items = window.items
    painted = WindowPaints(app, window)
    places = _places(window)

    def run() -> Samples:
        samples: Samples = {kind: [] for kind in KEYS}
        for row in places:
            items.setCurrentIndex(window.items_model.index(row, 0))
            items.setFocus()
            _frame(app, painted, "going to an item")  # untimed: the item is shown
            for kind, key in KEYS.items():
                started = time.perf_counter()
                QTest.keyClick(items, key)
                _frame(app, painted, kind)
                samples[kind].append(time.perf_counter() - started)
                _check_decided(window, kind)
        return samples

    return run


def _places(window: ReviewWindow) -> list[int]:
    """Rows spread through the list, each the first from there whose first annotator marked
    one span, not a PERSON (which the edit makes it)."""
    items = window.items_model.items()
    places = []
    for i in range(DECISION_PLACES):
        row = len(items) * i // DECISION_PLACES
        while [s.label for s in items[row].versions[0].spans] in ([], ["PERSON"]) or len(
            items[row].versions[0].spans
        ) > 1:
            row += 1
        places.append(row)
    return places


def _first_frame(app: QApplication, window: ReviewWindow) -> None:
    """Turn the event loop until the item list and the gold lane have been painted."""
    listed = PaintCounter(window.items.viewport())
    lanes = window.lanes.lanes
    gold = PaintCounter(lanes[GOLD_ANNOTATOR].viewport()) if GOLD_ANNOTATOR in lanes else None
    for _ in range(MAX_EVENT_TURNS):
        app.processEvents()
        if listed.paints and (gold is None or gold.paints):
            return
    raise RuntimeError("the review window was not painted")


class WindowPaints(QObject):
    """Counts the paint events of a window's widgets: what a decision changes (the list's
    decision, the gold lane, the progress, the message) differs from key to key."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.paints = 0
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.paints += 1
        return False


def _frame(app: QApplication, painted: WindowPaints, after: str) -> None:
    next_frame(app, painted, f"the review window was not painted after {after}")


def _check_open(window: ReviewWindow) -> None:
    items = window.items_model.rowCount()
    if items < MIN_ITEMS or window.current_item() is None:
        raise RuntimeError(f"the review window lists {items} items, not {MIN_ITEMS} or more")


def _check_decided(window: ReviewWindow, kind: str) -> None:
    item = window.current_item()
    assert item is not None
    decision = window.review.decisions(item.document).get(item.key)
    gold = window.review.gold_spans(item)
    verdicts = {"accept": "accepted", "edit": "edited", "reject": "rejected"}
    if decision is None or decision.verdict != verdicts[kind]:
        raise RuntimeError(f"{kind} left the decision {decision}")
    if kind == "edit" and not any(span.label == "PERSON" for span in gold):
        raise RuntimeError(f"the edit left the gold spans {gold}")
