"""The fresh processes the start-up scenarios launch and time (bench/startup_bench.py).

    python -m bench.startup_child annotate ARGS...       the `annotate` console script
    python -m bench.startup_child bare-window PROJECT    the reference of `annotate gui`

Both run without pandas, as an analyst's install does (see bench/worker.py). The bare window
is Qt alone: a QApplication, a QMainWindow of the app's size holding a QPlainTextEdit with
the project's first document, shown; at the text's first paint it prints what the app prints
(gui/app.py, QUIT_WHEN_PAINTED) and quits. Only this module is imported before the timed
work: nothing of the bench, the core or the app.
"""

from __future__ import annotations

import sys

PAINTED = "painted"  # as gui.app.PAINTED, which this process must not import
WINDOW_SIZE = (1280, 800)  # as MainWindow's


def annotate(args: list[str]) -> None:
    from gui.cli import main

    main(args, prog_name="annotate")


def bare_window(project: str) -> int:
    import sqlite3

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    (text,) = conn.execute("SELECT text FROM documents ORDER BY position LIMIT 1").fetchone()
    conn.close()

    class QuitWhenPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print(PAINTED, flush=True)
                QApplication.quit()
            return False

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QPlainTextEdit(text)
    window.setCentralWidget(view)
    window.resize(*WINDOW_SIZE)
    painted = QuitWhenPainted(view)
    view.viewport().installEventFilter(painted)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]
    kind, *arguments = sys.argv[1:]
    if kind == "annotate":
        annotate(arguments)
    elif kind == "bare-window":
        sys.exit(bare_window(arguments[0]))
    else:
        sys.exit(f"unknown process {kind!r}: annotate or bare-window")
