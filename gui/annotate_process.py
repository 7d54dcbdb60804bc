"""An `annotate` command run in a process of its own: the window goes on answering while
it runs (training a model takes minutes), and hears what it prints line by line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

import annotate

KILLED = -1  # the exit code `ended` gives a process that was killed or did not start
WAIT_AFTER_KILL_MS = 5_000


def annotate_command(*arguments: str) -> list[str]:
    """The command line that runs `annotate ARGUMENTS` with this Python."""
    return [sys.executable, "-m", "annotate", *arguments]


def told(line: str) -> dict[str, Any] | None:
    """A line a command printed for the app (--progress-lines): its JSON object, or None
    for any other line."""
    try:
        said = json.loads(line)
    except ValueError:
        return None
    return said if isinstance(said, dict) else None


class AnnotateProcess(QObject):
    line = Signal(str)  # a line the command printed on its standard output
    ended = Signal(int, str)  # its exit code (KILLED: killed, or not started), and its stderr

    def __init__(self, parent: QObject, command: list[str]) -> None:
        super().__init__(parent)
        self.command = command
        self._process = QProcess(self)
        self._process.setProcessEnvironment(_environment())
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.readyReadStandardError.connect(self._read_errors)
        self._process.finished.connect(self._finished)
        self._process.errorOccurred.connect(self._failed)
        self._pending = b""  # what was read of a line not yet ended
        self._errors = b""
        self._ended = False

    def start(self) -> None:
        program, *arguments = self.command
        self._process.start(program, arguments)

    @property
    def running(self) -> bool:
        return self._process.state() != QProcess.ProcessState.NotRunning

    def kill(self) -> None:
        """Stop the process now; `ended` then says KILLED."""
        if self.running:
            self._ended = True  # its own end is not reported: it was stopped
            self._process.kill()
            self._process.waitForFinished(WAIT_AFTER_KILL_MS)

    def _read(self) -> None:
        self._pending += self._process.readAllStandardOutput().data()
        *lines, self._pending = self._pending.split(b"\n")
        for line in lines:
            self.line.emit(line.decode("utf-8", errors="replace").rstrip("\r"))

    def _read_errors(self) -> None:
        self._errors += self._process.readAllStandardError().data()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if self._pending:
            self.line.emit(self._pending.decode("utf-8", errors="replace"))
            self._pending = b""
        crashed = status == QProcess.ExitStatus.CrashExit
        self._end(KILLED if crashed else code)

    def _failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._errors += self._process.errorString().encode()
            self._end(KILLED)

    def _end(self, code: int) -> None:
        if self._ended:
            return
        self._ended = True
        self._read_errors()
        self.ended.emit(code, self._errors.decode("utf-8", errors="replace").strip())


def _environment() -> QProcessEnvironment:
    """This process's environment, with the folder this app's `annotate` package was
    loaded from first on Python's path, so the command runs the same code."""
    environment = QProcessEnvironment.systemEnvironment()
    package_folder = str(Path(annotate.__file__).resolve().parents[1])
    path = [package_folder, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    environment.insert("PYTHONPATH", os.pathsep.join(path))
    environment.insert("PYTHONIOENCODING", "utf-8")
    return environment
