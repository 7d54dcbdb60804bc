"""The project files a merge reads: each one checked (an annotation project of this schema
version, whole, not the target itself) and opened read-only on one snapshot."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotate.checking import damage
from annotate.errors import ProjectError
from annotate.failures import is_damage, what_failed
from annotate.migrations import SCHEMA_VERSION
from annotate.store import (
    check_identity,
    connect_read_only,
    is_sqlite_file,
    refuse_special_project,
)


def open_other(path: Path, target: Path) -> sqlite3.Connection:
    """A read-only connection to a validated project file, inside a read transaction."""
    if not path.exists():
        raise ProjectError(f"{path}: no such file")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    refuse_special_project(path)
    if os.path.samefile(path, target):
        raise ProjectError(f"{path}: is the project being merged into; name other files")
    if not is_sqlite_file(path):
        raise ProjectError(f"{path}: not an annotation project (not a SQLite database)")
    conn = connect_read_only(path)
    try:
        conn.execute("BEGIN")  # one snapshot for the checks and the merge
        _check_version(path, conn)
        _check_whole(path, conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        if not is_damage(error):
            raise ProjectError(what_failed(error, path, "cannot read")) from error
        raise ProjectError(f"{path}: the project file is damaged: {error}") from error
    except BaseException:
        conn.close()
        raise
    return conn


def _check_version(path: Path, conn: sqlite3.Connection) -> None:
    """Ours, and of this very schema version: an older file is upgraded by opening it."""
    version = check_identity(path, conn)
    if version < SCHEMA_VERSION:
        raise ProjectError(
            f"{path}: written by an older version of this app (schema {version}; this app "
            f"writes {SCHEMA_VERSION}); open it once with this version (for example "
            f"`annotate check {path}`) to upgrade it, then merge again"
        )


def _check_whole(path: Path, conn: sqlite3.Connection) -> None:
    """What `annotate check` finds damaged would be carried over by the merge."""
    problems = damage(conn)
    if problems:
        raise ProjectError(f"{path}: the project file is damaged: {problems[0]}")
