"""Where a command writes a file of its own (a picture, a PDF): checked before the work, so
that minutes of rendering or training never end in a file that cannot be written."""

from __future__ import annotations

import os
from pathlib import Path

from annotate.errors import InputError
from annotate.store import is_sqlite_file


def check_output_file(out: Path) -> None:
    """Refused, naming the path: a folder that is not there, a place this process cannot
    write, or a SQLite file (a project is never overwritten)."""
    if not out.parent.is_dir():
        raise InputError("no such folder", file=str(out.parent))
    if not os.access(out if out.exists() else out.parent, os.W_OK):
        raise InputError("cannot be written here", file=str(out))
    if out.is_file() and is_sqlite_file(out):
        raise InputError("is a SQLite file (a project?); refusing to overwrite it", file=str(out))
