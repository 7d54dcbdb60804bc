"""Start-up: the `annotate` console script in fresh processes, each timed from its launch to
its first line on standard output, which is what the analyst waits for.

- ``startup``: `annotate --version`; `annotate init NEW`, the one start that builds a schema
  (sqlite-utils' migrations); `annotate list PROJECT` until the first document's line. Each
  REPETITIONS times, in turn.
- ``startup-gui``: `annotate gui PROJECT`, offscreen, until the reader's first paint (then
  the app prints "painted": see QUIT_WHEN_PAINTED in gui/app.py), LAUNCHES times; against a
  bare Qt window showing the same text, until its first paint (bench/startup_child.py).

PROJECT is the sample project a new user starts with: the two bundled articles and their
spans. Every process is launched through bench/startup_child.py, without pandas, with its
settings, data and bytecode in the scratch folder, after one untimed launch of each kind
that compiles the bytecode; the settings name the annotator, whom the app would otherwise
ask. A window's process is killed once it has printed its line: its orderly exit is no part
of the start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER
from bench.scenario import Action, Repeat, Samples
from bench.startup_child import PAINTED

PROJECT_NAME = "sample.annotate"
ROOT = Path(__file__).resolve().parent.parent  # where `python -m bench.startup_child` runs
CHILD = [sys.executable, "-m", "bench.startup_child"]
REPETITIONS = 10  # of each command, each in a fresh process
LAUNCHES = 10  # of each window, each in a fresh process
QUIT_WHEN_PAINTED = "ANNOTATE_QUIT_WHEN_PAINTED"  # gui.app's, which the bench need not load
SETTINGS = "[annotator]\nname=bench\n"  # the app's settings file, naming the annotator
TIMEOUT_S = 60.0  # a process that prints nothing by then has failed

Expected = Callable[[str], bool]
"""Whether a process's first line is the one it should print."""


def setup(data: Path, docs: int) -> None:
    """The sample project; its size is fixed, whatever ``docs``."""
    with Project.create(data / PROJECT_NAME) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])


def commands(data: Path, scratch: Path) -> Repeat:
    project = _copy_project(data, scratch)
    env = _environment(scratch)
    for _, arguments, expected in _commands(project, scratch / "first.annotate"):
        first_output(arguments, env, expected)  # untimed: caches the bytecode

    def run() -> Samples:
        samples: Samples = {"--version": [], "init": [], "list": []}
        for number in range(REPETITIONS):
            for kind, arguments, expected in _commands(project, scratch / f"{number}.annotate"):
                samples[kind].append(first_output(arguments, env, expected))
        return samples

    return run


def _commands(project: Path, created: Path) -> list[tuple[str, list[str], Expected]]:
    return [
        ("--version", ["annotate", "--version"], _is_version),
        ("init", ["annotate", "init", str(created)], _is_created),
        ("list", ["annotate", "list", str(project)], _is_first_document),
    ]


def gui_ours(data: Path, scratch: Path) -> Action:
    project = _copy_project(data, scratch)
    return _windows(["annotate", "gui", str(project)], _environment(scratch))


def gui_reference(data: Path, scratch: Path) -> Action:
    project = _copy_project(data, scratch)
    return _windows(["bare-window", str(project)], _environment(scratch))


def _is_version(line: str) -> bool:
    return line.startswith("annotate, version ")


def _is_created(line: str) -> bool:
    return line.startswith("created ")


def _is_first_document(line: str) -> bool:
    return line.split()[:1] == ["1"]


def _is_painted(line: str) -> bool:
    return line == PAINTED


def _windows(arguments: list[str], env: dict[str, str]) -> Action:
    first_output(arguments, env, _is_painted, window=True)  # untimed: caches the bytecode

    def run() -> int:
        for _ in range(LAUNCHES):
            first_output(arguments, env, _is_painted, window=True)
        return LAUNCHES

    return run


def first_output(
    arguments: list[str],
    env: dict[str, str],
    expected: Expected,
    window: bool = False,
) -> float:
    """Seconds from launching bench/startup_child.py with ``arguments`` to its first line on
    standard output, which must be as ``expected``. A command must then end well; a window
    is killed."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*CHILD, *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
    )
    assert process.stdout is not None
    timer = threading.Timer(TIMEOUT_S, process.kill)
    timer.start()
    line = process.stdout.readline().rstrip("\n")
    seconds = time.perf_counter() - started
    timer.cancel()
    if window:
        process.kill()
    _, errors = process.communicate(timeout=TIMEOUT_S)
    if not expected(line) or (not window and process.returncode != 0):
        raise RuntimeError(
            f"{' '.join(arguments)}: first line {line!r}, exit code {process.returncode}\n{errors}"
        )
    return seconds


def _copy_project(data: Path, scratch: Path) -> Path:
    """A copy of its own for each side: the app writes its rolling backups beside it."""
    copy = scratch / PROJECT_NAME
    shutil.copyfile(data / PROJECT_NAME, copy)
    return copy


def _environment(scratch: Path) -> dict[str, str]:
    """Bytecode is cached, as in an install (pip compiles it; an editable install writes it
    at the first start), here in the scratch folder: compiling the app's modules afresh
    would add 0.1 s to every start."""
    config, data = scratch / "config", scratch / "data"
    (config / "arabic-annotate").mkdir(parents=True, exist_ok=True)
    (config / "arabic-annotate" / "workbench.ini").write_text(SETTINGS, encoding="utf-8")
    data.mkdir(exist_ok=True)
    inherited = dict(os.environ)
    inherited.pop("PYTHONDONTWRITEBYTECODE", None)
    return {
        **inherited,
        "PYTHONPYCACHEPREFIX": str(scratch / "bytecode"),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(data),
        "PYTHONIOENCODING": "utf-8",
        QUIT_WHEN_PAINTED: "1",
    }
