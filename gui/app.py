"""Start the desktop app."""

from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotate import lexicon
from annotate.project import Project
from gui.fonts import load_arabic_font
from gui.recent_projects import open_last_project

WORD_LIST_AFTER_MS = 1500  # the first document is on screen by then
# Set (to anything), the app prints PAINTED once the reader has first been drawn, and quits:
# how the start-up benchmark times it (bench/startup_bench.py).
QUIT_WHEN_PAINTED = "ANNOTATE_QUIT_WHEN_PAINTED"
PAINTED = "painted"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Arabic annotation workbench")
    app.setFont(load_arabic_font())
    # The modules loaded so far live as long as the app: a full collection walking them
    # costs 10 ms, at any moment (opening a document, a scroll).
    gc.freeze()
    return app


def open_project(path: Path | None, problems: list[str] | None = None) -> Project:
    return Project.open(path) if path else open_last_project(problems)


def run_app(path: Path | None = None) -> int:
    # Here, not at the top: `annotate render` needs application() alone (0.1 s less). Before
    # application(), whose gc.freeze() keeps the window's modules out of collections.
    from gui.failure_box import unexpected_error_hook
    from gui.main_window import MainWindow
    from gui.plain_text import tell
    from gui.project_switch import CurrentWindow

    problems: list[str] = []
    with open_project(path, problems) as project:  # a file that is no project fails here
        app = application()
        # already while the window is built: a damaged table read then is shown too
        sys.excepthook = unexpected_error_hook(app.activeWindow, lambda: project.path)
        window = MainWindow(project)
        current = CurrentWindow(window)  # File > Open replaces the window
        sys.excepthook = unexpected_error_hook(current.widget, current.project_path)
        window.show()
        window.protect_on_open()
        for problem in problems:  # the last project, which did not open
            tell(window, QMessageBox.Icon.Warning, "Last project not opened", problem)
        if os.environ.get(QUIT_WHEN_PAINTED):
            QuitWhenPainted(window.reader.viewport())
        QTimer.singleShot(WORD_LIST_AFTER_MS, _read_word_list_in_background)
        try:
            return app.exec()
        finally:
            current.window.project.close()  # the project open at the end, after any switch


def _read_word_list_in_background() -> None:
    """The word list the proclitic rule consults takes a quarter of a second to read: read
    it now, so that no key press waits for it."""
    threading.Thread(target=lexicon.load, name="word list", daemon=True).start()


class QuitWhenPainted(QObject):
    """Prints PAINTED on the first paint of a widget, and quits the app."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(PAINTED, flush=True)
            QApplication.quit()
        return False
