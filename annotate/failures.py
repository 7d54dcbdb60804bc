"""What a failed SQLite call means for the user: what failed, and what to do about it.

A full disk, a read-only folder or a lock held by another program are not damage; only
SQLite's own corruption codes are reported as a damaged project."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotate.errors import ProjectError

DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
READ_ONLY = ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")
REASONS = {  # by code, or by kind: "read only", "damaged"
    "SQLITE_FULL": "the disk is full: free some space, then do it again",
    "read only": (
        "the project file or its folder cannot be written (read-only, or no permission):"
        " copy the project to a folder you can write to"
    ),
    "SQLITE_BUSY": (
        "another program is writing to the project ({error}): try again when it has finished"
    ),
    "SQLITE_LOCKED": "the project is busy ({error}): try again",
    "SQLITE_CANTOPEN": (
        "the project's files cannot be opened ({error}): the file may have been moved, or"
        " its folder cannot be written"
    ),
    "SQLITE_IOERR": (
        "the disk could not be read or written ({error}): check the disk, then try again"
    ),
    "damaged": (
        "the project file is damaged ({error}): `annotate check` lists the damage,"
        " `annotate restore` puts back the last good backup"
    ),
}
SYSTEM = (*DAMAGED, *READ_ONLY, *(code for code in REASONS if code.startswith("SQLITE")))


class WriteFailed(ProjectError):
    """A write the database refused; nothing of the action it belonged to was saved."""


class ReadOnlyProject(ProjectError):
    """A write asked of a project opened read-only."""


def error_code(error: sqlite3.Error) -> str:
    """SQLite's primary result code name, e.g. SQLITE_READONLY for
    SQLITE_READONLY_DIRECTORY; empty when the error does not carry one."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return "_".join(name.split("_")[:2])


def is_system_failure(error: sqlite3.Error) -> bool:
    """A failure of the disk, the file or another program, not of the statement itself
    (a constraint or a programming error keeps its own exception)."""
    return error_code(error) in SYSTEM


def is_damage(error: sqlite3.Error) -> bool:
    return error_code(error) in DAMAGED


def what_failed(error: sqlite3.Error, path: Path, action: str = "") -> str:
    """One line: the project, what could not be done, what went wrong, and what the user
    can do."""
    code = error_code(error)
    kind = "read only" if code in READ_ONLY else "damaged" if code in DAMAGED else code
    reason = REASONS.get(kind, "the project database refused: {error}").format(error=error)
    return f"{path}: {action}: {reason}" if action else f"{path}: {reason}"


def write_failed(error: sqlite3.Error, path: Path) -> WriteFailed:
    return WriteFailed(f"{what_failed(error, path)}. Nothing of this action was saved.")
