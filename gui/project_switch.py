"""Opening another project from the app: a new one, one on disk, a recent one, the sample.

The main window is built again on the project opened: every part of it then belongs to
that project. The new window takes the old one's place and size; the old one is closed
with its project and the windows it opened (review, agreement)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QWidget

from annotate.errors import AnnotateError
from annotate.failures import what_failed
from annotate.project import Project
from annotate.sample import default_project_path, open_default_project
from gui.i18n import language, remember_language, translate, use_language
from gui.plain_text import tell
from gui.recent_projects import clear_recent_projects, project_key, recent_projects

if TYPE_CHECKING:
    from gui.main_window import MainWindow

SUFFIX = ".annotate"
NEW_NAME = f"project{SUFFIX}"
FAILURES = (AnnotateError, OSError, sqlite3.Error)


class ProjectSwitch:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose_new(self) -> None:
        title = translate("ProjectSwitch", "New project")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            title,
            str(self._folder() / NEW_NAME),
            project_files(),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused
        )
        if chosen:
            self._switch(title, lambda: Project.create(with_suffix(Path(chosen))))

    def choose_open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("ProjectSwitch", "Open project"),
            str(self._folder()),
            f"{project_files()};;{all_files()}",
        )
        if chosen:
            self.open(Path(chosen))

    def open(self, path: Path) -> None:
        self._switch(translate("ProjectSwitch", "Open project"), lambda: Project.open(path), path)

    def open_sample(self) -> None:
        self._switch(
            translate("ProjectSwitch", "Open the sample project"),
            open_default_project,
            default_project_path(),
        )

    def switch_language(self, chosen: str) -> None:
        """The app in `chosen` from now on: the window is built again in it, on the same
        project, document and place."""
        remember_language(chosen)
        app = QApplication.instance()
        if chosen == language() or not isinstance(app, QApplication):
            return
        use_language(app, chosen)
        path = self.window.project.path
        self._switch_to(
            translate("ProjectSwitch", "Language"), lambda: Project.open(path), keep_docks=False
        )

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The recent projects, numbered for the keyboard, most recent first."""
        menu.clear()
        listed = recent_projects()
        for number, path in enumerate(listed, start=1):
            name = f"{path.name}  ({path.parent})".replace("&", "&&")
            action = menu.addAction(f"&{number} {name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, path=path: self.open(path))
        if not listed:
            menu.addAction(translate("ProjectSwitch", "No recent projects")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(translate("ProjectSwitch", "&Clear list"))
        clear.setEnabled(bool(listed))
        clear.triggered.connect(clear_recent_projects)

    def _switch(self, work: str, opening: Callable[[], Project], path: Path | None = None) -> None:
        if path is not None and _same_file(path, self.window.project.path):
            already = translate("ProjectSwitch", "{project} is already open")
            self.window.saved_label.setText(already.format(project=self.window.project.path.name))
            return
        self._switch_to(work, opening)

    def _switch_to(
        self, work: str, opening: Callable[[], Project], keep_docks: bool = True
    ) -> None:
        try:
            project = opening()
        except FAILURES as error:
            tell(self.window, QMessageBox.Icon.Warning, work, str(error))
            return
        try:
            replace_window(self.window, project, keep_docks)
        except sqlite3.Error as error:  # it opened, but its tables cannot be read
            tell(self.window, QMessageBox.Icon.Warning, work, what_failed(error, project.path))

    def _folder(self) -> Path:
        """Where the dialogs start: the open project's folder, unless that is the app's own
        data folder (the sample project's), which nobody should have to look for."""
        folder = self.window.project.path.parent
        return Path.home() if _same_file(folder, default_project_path().parent) else folder


def replace_window(old: MainWindow, project: Project, keep_docks: bool = True) -> MainWindow:
    """A main window on `project` in `old`'s place, for the same analyst; `old` is closed
    with its project and the windows it opened, then deleted. Without `keep_docks` (a
    mirrored window), the docks take their places in the new layout's direction."""
    from gui.main_window import MainWindow  # imported here: that module imports this one

    try:  # only building the window may fail; the old one is still whole then
        new = MainWindow(project, old.annotator)
    except BaseException:
        project.close()
        raise
    new.closed.connect(project.close)
    new.setGeometry(old.geometry())
    new.setWindowState(old.windowState())  # maximised, full screen
    if keep_docks:
        new.restoreState(old.saveState())  # the docks where the analyst put them
    new.splitter.restoreState(old.splitter.saveState())
    new.show()  # before the old one closes, or the app would quit with its last window
    old.close()  # its reader, search, review and agreement windows stop reading the project
    old.project.close()
    old.deleteLater()
    old.replaced.emit(new)
    new.activateWindow()
    new.protect_on_open()
    return new


class CurrentWindow:
    """The main window open now: the first one, then each that replaced it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.replaced.connect(self._follow)

    def _follow(self, window: MainWindow) -> None:
        self.window = window
        window.replaced.connect(self._follow)

    def widget(self) -> QWidget:
        """The window a message should stand over: the active one, else the main one."""
        return QApplication.activeWindow() or self.window

    def project_path(self) -> Path:
        return self.window.project.path


def project_files() -> str:
    """The file dialogs' filter for project files."""
    pattern = f"*{SUFFIX}"
    return translate("ProjectSwitch", "Annotation projects ({pattern})").format(pattern=pattern)


def all_files() -> str:
    return translate("ProjectSwitch", "All files ({pattern})").format(pattern="*")


def with_suffix(path: Path) -> Path:
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def _same_file(one: Path, other: Path) -> bool:
    return project_key(one) == project_key(other)
