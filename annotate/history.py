"""Undo and redo as named steps: each knows how to do and how to undo itself."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from annotate.errors import AnnotateError, ProjectError
from annotate.model import Changes
from annotate.project import Project

Operation = Callable[[Project], Changes]


@dataclass(frozen=True, eq=False)  # each step taken is itself: hashed by identity
class Step:
    name: str  # what the Edit menu says: "Add PERSON ‘ليلى الخطيب’"
    do: Operation
    undo: Operation
    document: str  # the document it changes, so a view can show it
    # The English pattern of the name and what fills it ("Add {label} ‘{text}’", label
    # PERSON): an interface in another language says the name with its own pattern.
    pattern: str = ""
    values: Mapping[str, str] = field(default_factory=dict)


def named_step(
    pattern: str, values: Mapping[str, str], do: Operation, undo: Operation, document: str
) -> Step:
    """A step named by `pattern` filled with `values`."""
    return Step(pattern.format(**values), do, undo, document, pattern, values)


class History:
    """The steps taken in this session, each committed in one transaction."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._done: list[Step] = []
        self._undone: list[Step] = []

    def take(self, step: Step) -> Changes:
        changes = self._run(step.do)
        self._done.append(step)
        self._undone.clear()
        return changes

    def undo(self) -> Changes:
        """Undo the last step; one that no longer applies is dropped, with the reason. One
        the project could not write (a full disk, a lock) stays, to be tried again."""
        step = self._done.pop()
        changes = self._run_again(step, step.undo, "undo", self._done)
        self._undone.append(step)
        return changes

    def redo(self) -> Changes:
        step = self._undone.pop()
        changes = self._run_again(step, step.do, "redo", self._undone)
        self._done.append(step)
        return changes

    def next_undo(self) -> Step | None:
        return self._done[-1] if self._done else None

    def next_redo(self) -> Step | None:
        return self._undone[-1] if self._undone else None

    def _run(self, operation: Operation) -> Changes:
        with self._project.transaction():
            return operation(self._project)

    def _run_again(
        self, step: Step, operation: Operation, verb: str, taken_from: list[Step]
    ) -> Changes:
        try:
            return self._run(operation)
        except ProjectError:
            taken_from.append(step)  # the project failed, not the step: it is kept
            raise
        except AnnotateError as error:
            raise AnnotateError(f"cannot {verb} “{step.name}”: {error}") from error
