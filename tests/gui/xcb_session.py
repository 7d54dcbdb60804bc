"""One annotation in the desktop app on a real window system, run in its own process.

    python -m tests.gui.xcb_session PROJECT WORD SCREENSHOT.png

The test suite runs Qt offscreen; tests/gui/test_real_window.py runs this under Xvfb with
QT_QPA_PLATFORM=xcb, so the platform plugin, its system libraries, window mapping, focus
and input go through X as on a desktop. It opens PROJECT in the main window, double-clicks
WORD in the first document (a real mouse event at the middle of its glyphs), presses P
(PERSON) and saves a screenshot of the window taken from the screen. It prints the span it
made as JSON, and exits 1 with the reason when anything does not happen.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from annotate.project import Project
from gui.app import application
from gui.main_window import MainWindow
from tests.gui.layout_geometry import glyph_boxes

ANNOTATOR = "analyst"
WAIT_SECONDS = 30


def main(project_path: Path, word: str, screenshot: Path) -> int:
    application()
    if QGuiApplication.platformName() != "xcb":
        return _fail(f"Qt runs on {QGuiApplication.platformName()!r}, not xcb")
    project = Project.open(project_path)
    window = MainWindow(project, ANNOTATOR)
    window.resize(1200, 800)
    window.show()
    reader = window.reader

    def shown() -> bool:
        handle = window.windowHandle()
        return handle is not None and handle.isExposed() and reader.annotated is not None

    if not _wait(shown):
        return _fail("the window did not show a document")
    window.activateWindow()  # as a click on it would (Xvfb runs no window manager)
    if not _wait(window.isActiveWindow):
        return _fail("the window never became the active one")
    assert reader.annotated is not None
    text, document = reader.annotated.text, reader.annotated.document.uid
    start = text.find(word)
    if start < 0:
        return _fail(f"{word!r} is not in the first document")
    reader.scroll_to(start)
    QGuiApplication.processEvents()
    boxes = glyph_boxes(reader, start, start + len(word))
    point = boxes[len(boxes) // 2].center().toPoint()
    QTest.mouseDClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.keyClick(reader, Qt.Key.Key_P)
    span = project.spans.find(document, ANNOTATOR, "PERSON", start, start + len(word))
    if span is None:
        made = [
            (s.label, s.start, s.end)
            for s in project.spans.for_document(document, ANNOTATOR)
            if s.start < start + len(word) + 5 and s.end > start - 5
        ]
        return _fail(
            f"no PERSON span on {word!r} at {start} after the double-click and P:"
            f" selected {reader.selected_range()}, focus {reader.hasFocus()}, spans there {made}"
        )
    QGuiApplication.processEvents()
    shot = QGuiApplication.primaryScreen().grabWindow(window.winId())
    if shot.isNull() or not shot.save(str(screenshot)):
        return _fail("no screenshot of the window")
    box = boxes[len(boxes) // 2]
    corner = reader.viewport().mapTo(window, box.topLeft().toPoint())
    area = [corner.x(), corner.y(), round(box.width()), round(box.height())]
    print(json.dumps({"start": start, "end": start + len(word), "glyph": area}))
    window.close()
    project.close()
    return 0


def _wait(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        QGuiApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _fail(reason: str) -> int:
    print(reason, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])))
