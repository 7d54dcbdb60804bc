from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotate.project import Project
from annotate.sample import open_default_project
from gui.app import application
from gui.main_window import MainWindow
from gui.project_switch import CurrentWindow


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Each test remembers settings (font size, ...) in a folder of its own."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@contextmanager
def main_window_on_sample(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window on a fresh sample project (the sample articles, annotated by
    "sample"), for the analyst "ali", in the language the app is in."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_default_project() as project:
        shown = MainWindow(project, annotator="ali")
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        yield shown
        shown.close()  # its reader stops reading spans before the project closes


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The main window on a fresh sample project, for the analyst "ali"."""
    application()  # the bundled font, as the app uses it
    with main_window_on_sample(qtbot, tmp_path, monkeypatch) as shown:
        yield shown


@pytest.fixture(params=["en", "ar"], ids=["English", "Arabic"])
def window_in_each_language(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window on the sample project, in English and in Arabic (mirrored)."""
    application(request.param)
    try:
        with main_window_on_sample(qtbot, tmp_path, monkeypatch) as shown:
            assert shown.isRightToLeft() == (request.param == "ar")
            yield shown
    finally:
        application("en")


@pytest.fixture
def in_arabic() -> Iterator[None]:
    """The app in Arabic (mirrored) for the test, in English again after it."""
    application("ar")
    yield
    application("en")


@pytest.fixture
def arabic_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_arabic: None
) -> Iterator[MainWindow]:
    """The main window in Arabic on a fresh sample project, for "ali", opened as the app
    opens it."""
    with main_window_on_sample(qtbot, tmp_path, monkeypatch) as shown:
        shown.protect_on_open()
        yield shown


@pytest.fixture
def current(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CurrentWindow]:
    """The app as it starts on a fresh sample project, for the analyst "ali"."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_default_project() as project, app_on(qtbot, project) as started:
        yield started


@contextmanager
def app_on(qtbot: QtBot, project: Project) -> Iterator[CurrentWindow]:
    """The app as it starts on `project`, for the analyst "ali": its main window, followed
    as File > New or Open replaces it with a window on another project."""
    application()  # the bundled font, as the app uses it
    first = MainWindow(project, annotator="ali")
    following = CurrentWindow(first)
    first.show()
    qtbot.waitExposed(first)
    first.protect_on_open()
    yield following
    following.window.close()  # its reader stops reading spans before its project closes
    following.window.project.close()
