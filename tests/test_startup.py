"""What the console script loads before its first output: no module that its command does not
use (sqlite-utils and pandas cost a start 0.1 and 0.3 s, Qt and the window 0.2 s, the shaping
of Arabic for terminals 10 ms). How long a start takes is the bench's to measure
(`python -m bench --only startup`), not these tests'."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotate.project import Project
from gui.app import PAINTED, QUIT_WHEN_PAINTED

ROOT = Path(__file__).resolve().parents[1]
WATCHED = (
    "sqlite_utils",
    "pandas",
    "numpy",
    "PySide6",
    "gui.main_window",
    "arabic_reshaper",
    "bidi",
)
TEXT = "قال الوزير إن الاجتماع كان مثمرا."
# The console script's main in a process of its own, then the watched modules it loaded.
RUN_CONSOLE_SCRIPT = f"""
import sys
from gui.cli import main
try:
    main(sys.argv[1:], prog_name="annotate")
except SystemExit as exit:
    if exit.code:
        raise
loaded = [name for name in {WATCHED!r} if name in sys.modules]
print("loaded:", ",".join(loaded))
"""


def run_console_script(*arguments: str) -> list[str]:
    """The lines the command printed, then "loaded: " and the watched modules it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", RUN_CONSOLE_SCRIPT, *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def current_project(tmp_path: Path) -> Path:
    """A project of this version (no migration pending) with one document and a span."""
    path = tmp_path / "news.annotate"
    with Project.create(path) as project:
        uid = project.documents.add(TEXT, "خبر").documents_added[0]
        project.spans.add(uid, "ali", "PERSON", 4, 10)
    return path


def test_version_and_help_load_nothing_they_do_not_use() -> None:
    assert run_console_script("--version") == ["annotate, version 0.1.0", "loaded: "]
    lines = run_console_script("--help")
    assert lines[0].startswith("Usage: annotate") and lines[-1] == "loaded: "


@pytest.mark.parametrize(
    "command",
    [["list"], ["show", "1"], ["search", "الوزير"], ["check"], ["export", "-"]],
    ids=lambda command: command[0],
)
def test_reading_a_current_project_loads_nothing_it_does_not_use(
    current_project: Path, command: list[str]
) -> None:
    name, *rest = command
    lines = run_console_script(name, str(current_project), *rest)
    assert len(lines) > 1, lines  # the command printed its output
    assert lines[-1] == "loaded: "


def test_list_prints_the_documents_of_a_current_project(current_project: Path) -> None:
    lines = run_console_script("list", str(current_project))
    assert lines[0].split()[:1] == ["1"] and "خبر" in lines[0]


def test_creating_a_project_leaves_pandas_out_and_importable(tmp_path: Path) -> None:
    """The migrations need sqlite-utils, which would import pandas and numpy when they are
    installed; they are hidden from it, and only from it."""
    lines = run_console_script("init", str(tmp_path / "new.annotate"))
    assert lines[0].startswith(f"created {tmp_path / 'new.annotate'} with ")
    assert lines[-1] == "loaded: sqlite_utils"
    if importlib.util.find_spec("pandas") is None:
        return
    code = (
        "import sys\n"
        "from annotate.project import Project\n"
        f"Project.create({str(tmp_path / 'other.annotate')!r}).close()\n"
        "hidden = [name for name in ('pandas', 'numpy') if sys.modules.get(name, 0) is None]\n"
        "import pandas\n"
        "print(hidden, pandas.__name__)"
    )
    after = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert after.returncode == 0, after.stderr
    assert after.stdout.strip() == "[] pandas"


def test_render_loads_qt_but_not_the_window(current_project: Path, tmp_path: Path) -> None:
    lines = run_console_script("render", str(current_project), "1", str(tmp_path / "page.png"))
    assert lines == [f"wrote {tmp_path / 'page.png'}", "loaded: PySide6"]


def test_the_app_quits_after_its_first_paint_when_told(
    current_project: Path, tmp_path: Path
) -> None:
    """How the bench times the app's start: it prints "painted" once the reader has been
    drawn, and quits."""
    settings = tmp_path / "config" / "arabic-annotate" / "workbench.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[annotator]\nname=ali\n", encoding="utf-8")  # not asked
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(settings.parents[1]),
        QUIT_WHEN_PAINTED: "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", RUN_CONSOLE_SCRIPT, "gui", str(current_project)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == PAINTED


def test_the_bench_waits_for_what_the_app_prints() -> None:
    from bench import startup_bench, startup_child

    assert startup_bench.QUIT_WHEN_PAINTED == QUIT_WHEN_PAINTED
    assert startup_child.PAINTED == PAINTED
