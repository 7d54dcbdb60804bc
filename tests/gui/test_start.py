"""Started without a project, the app opens the project opened last."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER, default_project_path
from gui.app import open_project
from gui.identity import remember_annotator
from gui.recent_projects import remember_project
from gui.settings import app_settings
from tests.gui.test_main_window import RUN_APP_AND_LOOK


def analyst_project(path: Path) -> None:
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])


def test_the_app_starts_on_the_project_opened_last(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_project(None) as first:  # the first run: the sample project
        assert first.path == default_project_path()
    path = tmp_path / "analyst.annotate"
    analyst_project(path)
    remember_project(default_project_path())
    remember_project(path)
    with open_project(None) as last:
        assert last.path == path
    path.write_text("not a project any more", encoding="utf-8")
    with open_project(None) as fallback:
        assert fallback.path == default_project_path()
    assert capsys.readouterr().err == (
        f"{path}: not an annotation project (not a SQLite database)\n\n"
        "The sample project is open instead.\n"
    )
    path.unlink()
    with open_project(None) as fallback:
        assert fallback.path == default_project_path()
    given = tmp_path / "given.annotate"
    Project.create(given).close()
    with open_project(given) as opened:  # a project named on the command line comes first
        assert opened.path == given


def test_annotate_with_no_project_opens_the_last_one(tmp_path: Path, own_settings: Path) -> None:
    """The whole start, in a process of its own."""
    path = tmp_path / "analyst.annotate"
    analyst_project(path)
    remember_project(path)
    remember_annotator("ali")
    app_settings().sync()
    result = subprocess.run(
        [sys.executable, "-c", RUN_APP_AND_LOOK],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(own_settings),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["analyst.annotate — Arabic annotation workbench"]


def test_why_the_last_project_did_not_open_is_kept_for_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    broken = tmp_path / "broken.annotate"
    broken.write_text("not a project", encoding="utf-8")
    remember_project(broken)
    problems: list[str] = []
    with open_project(None, problems) as opened:
        assert opened.path == default_project_path()
    assert problems == [f"{broken}: not an annotation project (not a SQLite database)"]


RUN_APP_AND_TELL = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import gui.plain_text
from gui.app import application, run_app

def told(parent, icon, title, text):
    print(repr((title, text)))

gui.plain_text.tell = told
application("ar")
QTimer.singleShot(0, QApplication.quit)
sys.exit(run_app(None, "ar"))
"""


def test_why_the_last_project_did_not_open_is_told_in_arabic(
    tmp_path: Path, own_settings: Path
) -> None:
    """The whole start in Arabic, in a process of its own: the box over the sample
    project frames the project's own error."""
    broken = tmp_path / "broken.annotate"
    broken.write_text("not a project", encoding="utf-8")
    remember_project(broken)
    remember_annotator("ali")
    app_settings().sync()
    result = subprocess.run(
        [sys.executable, "-c", RUN_APP_AND_TELL],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(own_settings),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        },
    )
    assert result.returncode == 0, result.stderr
    error = f"{broken}: not an annotation project (not a SQLite database)"
    told = ("لم يُفتح المشروع الأخير", f"{error}\n\nفُتح المشروع النموذجي بدلًا منه.")
    assert result.stdout.splitlines() == [repr(told)]


def test_a_project_on_a_missing_disk_stays_in_the_recent_list(tmp_path: Path) -> None:
    from gui.recent_projects import recent_projects

    away, here = tmp_path / "usb.annotate", tmp_path / "here.annotate"
    for path in (away, here):
        Project.create(path).close()
    remember_project(away)
    away.rename(tmp_path / "unplugged")  # the stick is out
    remember_project(here)
    assert recent_projects() == [here]
    (tmp_path / "unplugged").rename(away)  # and back in
    assert recent_projects() == [here, away]
