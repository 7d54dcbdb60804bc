"""Training a suggestion model from the app, then suggesting with it, each step an
`annotate` command in a process of its own (gui/annotate_process.py).

`annotate train` writes into a new folder beside the model's; only a training that ended
well is moved into the model's place, so a cancelled or failed one leaves the model that
was there before, or none, and nothing half-written.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotate.errors import InputError
from annotate.training.model_folder import check_model_target, swap_in
from gui.annotate_process import AnnotateProcess, annotate_command, told

MODEL_SUFFIX = ".model"  # the model of news.annotate is news.annotate.model/
WORK_PREFIX = ".training-"  # the folder a training writes into, beside the model's
TRAINED = "model"  # the model's folder inside it

TrainCommand = Callable[[Path, Path, list[str]], list[str]]  # project, model folder, options
SuggestCommand = Callable[[Path, Path, str], list[str]]  # project, model folder, document


def model_folder(project: Path) -> Path:
    """Where the app keeps a project's suggestion model: beside the project file."""
    return project.with_name(project.name + MODEL_SUFFIX)


def train_command(project: Path, model_dir: Path, options: list[str]) -> list[str]:
    return annotate_command("train", str(project), str(model_dir), *options, "--progress-lines")


def suggest_command(project: Path, model_dir: Path, document: str) -> list[str]:
    return annotate_command("suggest", str(project), str(model_dir), "--docs", document)


class Eta:
    """Time left, from the pace so far."""

    def __init__(self) -> None:
        self._started: float | None = None
        self._first_done = 0

    def left(self, done: int, total: int) -> float | None:
        """Seconds left, once two progress reports give a pace; None before."""
        now = time.monotonic()
        if self._started is None:
            self._started, self._first_done = now, done
            return None
        if done <= self._first_done:
            return None
        per_step = (now - self._started) / (done - self._first_done)
        return per_step * (total - done)


class TrainingRun(QObject):
    progressed = Signal(int, int)  # steps done, in all
    stage_changed = Signal(str)  # "training", "saving" or "suggesting"
    trained = Signal(object)  # the training's report (annotate train's last JSON line)
    finished = Signal(bool, str)  # whether it all went well; what went wrong, if not

    def __init__(
        self,
        parent: QObject,
        project: Path,
        document: str | None,
        train: TrainCommand | None = None,
        suggest: SuggestCommand | None = None,
    ) -> None:
        """`train` and `suggest` make the command lines (by default `annotate train` and
        `annotate suggest`)."""
        super().__init__(parent)
        self.project = project
        self.document = document
        self.model_dir = model_folder(project)
        self.report: dict[str, Any] | None = None
        self._train, self._suggest = train or train_command, suggest or suggest_command
        self._process: AnnotateProcess | None = None
        self._work: Path | None = None
        self.stage = ""

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.running

    def start_training(self, options: list[str]) -> None:
        folder = self.project.parent
        try:
            check_model_target(self.model_dir)  # never lose what is not a model there
        except InputError as error:
            self._end(False, f"error: {error}")
            return
        try:
            self._work = Path(
                tempfile.mkdtemp(prefix=self.model_dir.name + WORK_PREFIX, dir=folder)
            )
        except OSError as error:  # a folder that cannot be written: say so, as the CLI would
            self._end(False, f"error: {folder}: {error.strerror or error}")
            return
        command = self._train(self.project, self._work / TRAINED, options)
        self._run(command, "training", self._trained)

    def start_suggesting(self) -> None:
        """The model's suggestions for the document (it is there: trained before)."""
        if self.document is None:
            self._end(True, "")
            return
        command = self._suggest(self.project, self.model_dir, self.document)
        self._run(command, "suggesting", self._suggested)

    def cancel(self) -> None:
        """Stop whatever runs; a training's folder goes with it."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
        self._remove_work()

    def _run(self, command: list[str], stage: str, then: Callable[[int, str], None]) -> None:
        self._set_stage(stage)
        process = self._process = AnnotateProcess(self, command)
        process.line.connect(self._heard)
        process.ended.connect(lambda code, said: self._ended(process, code, said, then))
        process.start()

    def _ended(
        self, process: AnnotateProcess, code: int, said: str, then: Callable[[int, str], None]
    ) -> None:
        if process is self._process:  # not one cancelled since
            self._process = None
            then(code, said)

    def _heard(self, line: str) -> None:
        said = told(line)
        if said is None:
            return  # not a progress line
        if "done" in said and "total" in said:
            done, total = int(said["done"]), int(said["total"])
            self.progressed.emit(done, total)
            if done >= total:
                self._set_stage("saving")  # scored on the held-out part, then written
        elif "model" in said:
            self.report = said

    def _trained(self, code: int, said: str) -> None:
        if code != 0:
            self._remove_work()
            self._end(False, said)
            return
        try:
            self._install()
        except InputError as error:  # something not a model came there while it trained
            self._remove_work()
            self._end(False, f"error: {error}")
            return
        except OSError as error:
            self._remove_work()
            self._end(False, f"{error.filename or self.model_dir}: {error.strerror or error}")
            return
        self.trained.emit(self.report or {})
        self.start_suggesting()

    def _install(self) -> None:
        """The trained model in the model's place, the one before it removed, as
        `annotate train` does; anything there that is not a model is left alone."""
        assert self._work is not None
        check_model_target(self.model_dir)
        swap_in(self._work / TRAINED, self.model_dir, self._work / "earlier")
        self._remove_work()

    def _suggested(self, code: int, said: str) -> None:
        self._end(code == 0, said)

    def _remove_work(self) -> None:
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

    def _set_stage(self, stage: str) -> None:
        if stage != self.stage:
            self.stage = stage
            self.stage_changed.emit(stage)

    def _end(self, ok: bool, said: str) -> None:
        self._set_stage("")
        self.finished.emit(ok, said)
