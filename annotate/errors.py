"""Errors the user sees as one clear line."""

from __future__ import annotations


class AnnotateError(Exception):
    """Base class for every error that is reported to the user as one line."""


class ProjectError(AnnotateError):
    """The project file cannot be used: missing, not a project, corrupt, or too new."""


class InputError(AnnotateError):
    """Bad input, located by file, line and field."""

    def __init__(
        self, message: str, *, file: str = "", line: int | None = None, field: str = ""
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.located())

    def located(self) -> str:
        where = self.file
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        parts = [p for p in (where, f"field {self.field!r}" if self.field else "") if p]
        prefix = ", ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message

    def at(self, *, file: str | None = None, line: int | None = None) -> InputError:
        """The same error placed in a file and line, keeping what is already known."""
        return InputError(
            self.message,
            file=self.file or (file or ""),
            line=self.line if self.line is not None else line,
            field=self.field,
        )
