"""The projects opened lately, most recent first: the File menu's Open recent, and the
project the app opens when it starts without one."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from annotate.errors import AnnotateError
from annotate.project import Project
from annotate.sample import open_default_project
from gui.settings import store_rows, stored_rows

RECENT_KEY = "projects/recent"
MAX_RECENT = 8


def recent_projects() -> list[Path]:
    """The projects opened lately that are still there, most recent first."""
    return [path for path in _stored() if path.is_file()]


def remember_project(path: Path) -> None:
    """Put a project just opened first in the list, once."""
    opened = project_key(path)  # one on a disk not mounted now stays listed, for later
    kept = [listed for listed in _stored() if listed != opened]
    _store([opened, *kept][:MAX_RECENT])


def clear_recent_projects() -> None:
    _store([])


def last_project() -> Path | None:
    """The project opened last, if it is still there."""
    stored = _stored()
    return stored[0] if stored and stored[0].is_file() else None


def open_last_project(problems: list[str] | None = None) -> Project:
    """The project opened last, else (gone, or it no longer opens) the sample project, as
    on the first run; why the last one did not open goes to ``problems``, for the window
    to show (in the interface language, which is chosen after the project opens)."""
    last = last_project()
    if last is not None:
        try:
            return Project.open(last)
        except (AnnotateError, OSError, sqlite3.Error) as error:
            print(f"{error}\n\nThe sample project is open instead.", file=sys.stderr)
            if problems is not None:
                problems.append(str(error))
    return open_default_project()


def _stored() -> list[Path]:
    return [Path(row["path"]) for row in stored_rows(RECENT_KEY, ("path",)) if row["path"]]


def _store(paths: list[Path]) -> None:
    store_rows(RECENT_KEY, [{"path": str(path)} for path in paths])


def project_key(path: Path) -> Path:
    """The same file by one name however it was given (relative, with .., a symlink)."""
    return Path(os.path.realpath(path))
