"""Start the desktop app."""

from __future__ import annotations

import gc
import getpass
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotate import lexicon
from annotate.errors import InputError
from annotate.project import Project
from gui.fonts import load_arabic_font
from gui.i18n import chosen_language, translate, use_language
from gui.recent_projects import open_last_project

WORD_LIST_AFTER_MS = 1500  # the first document is on screen by then
# Set (to anything), the app prints PAINTED once the reader has first been drawn, and quits:
# how the start-up benchmark times it (bench/startup_bench.py).
QUIT_WHEN_PAINTED = "ANNOTATE_QUIT_WHEN_PAINTED"
PAINTED = "painted"


def application(language: str | None = None) -> QApplication:
    """The app, in `language` (else the one chosen before, else the system's)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        use_language(app, chosen_language(language))
    elif language is not None:
        use_language(app, language)
    app.setApplicationName("Arabic annotation workbench")
    app.setFont(load_arabic_font())
    # The modules loaded so far live as long as the app: a full collection walking them
    # costs 10 ms, at any moment (opening a document, a scroll).
    gc.freeze()
    return app


def open_project(path: Path | None, problems: list[str] | None = None) -> Project:
    return Project.open(path) if path else open_last_project(problems)


def run_app(path: Path | None = None, language: str | None = None) -> int:
    # Here, not at the top: `annotate render` needs application() alone (0.1 s less). Before
    # application(), whose gc.freeze() keeps the window's modules out of collections.
    from gui.failure_box import unexpected_error_hook
    from gui.main_window import MainWindow
    from gui.plain_text import tell
    from gui.project_switch import CurrentWindow

    problems: list[str] = []
    with open_project(path, problems) as project:  # a file that is no project fails here
        app = application(language)
        # already while the window is built: a damaged table read then is shown too
        sys.excepthook = unexpected_error_hook(app.activeWindow, lambda: project.path)
        window = MainWindow(project)
        current = CurrentWindow(window)  # File > Open replaces the window
        sys.excepthook = unexpected_error_hook(current.widget, current.project_path)
        window.show()
        window.protect_on_open()
        for problem in problems:  # the last project, which did not open
            title = translate("App", "Last project not opened")
            told = translate("App", "{problem}\n\nThe sample project is open instead.")
            tell(window, QMessageBox.Icon.Warning, title, told.format(problem=problem))
        if os.environ.get(QUIT_WHEN_PAINTED):
            QuitWhenPainted(window.reader.viewport())
        QTimer.singleShot(WORD_LIST_AFTER_MS, _read_word_list_in_background)
        try:
            return app.exec()
        finally:
            current.window.project.close()  # the project open at the end, after any switch


def screenshot_app(path: Path | None, language: str | None, out: Path) -> None:
    """Draw the main window on `path` (else the last project, else the sample), with its
    first document open, to the PNG `out`."""
    from gui.identity import remembered_annotator
    from gui.main_window import MainWindow
    from gui.screenshots import WINDOW_SIZE, wait_for_reader

    with open_project(path) as project:
        app = application(language)
        window = MainWindow(project, remembered_annotator() or getpass.getuser())
        window.resize(*WINDOW_SIZE)
        window.show()
        first = next(iter(project.documents.summaries()), None)
        if first is not None:
            window.open_document(first.uid)
        wait_for_reader(window)
        if not window.grab().save(str(out)):
            raise InputError(f"{out}: cannot write a PNG here", field="screenshot")
        window.close()
        app.processEvents()


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
