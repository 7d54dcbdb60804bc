"""Rolling backups of a project: a copy next to it on every open, the last few kept."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from annotate.errors import InputError
from annotate.project import Project

DEFAULT_KEEP = 5
FOLDER_SUFFIX = ".backups"
STAMP = "%Y%m%d-%H%M%S-%f"  # UTC, so names sort by time whatever the clocks do
STAMPED = r"-\d{8}-\d{6}-\d{6}\.annotate"


def backup_folder(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + FOLDER_SUFFIX)


def rolling_backup(project: Project, keep: int = DEFAULT_KEEP) -> Path:
    """Copy the live project (SQLite's backup API) into its backups folder, then delete
    all but the newest `keep` copies."""
    if keep < 1:
        raise InputError(f"keep at least 1 backup, not {keep}", field="keep")
    folder = backup_folder(project.path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime(STAMP)
    target = folder / f"{project.path.stem}-{stamp}.annotate"
    project.store.backup_to(target)
    for old in backups(project.path)[:-keep]:
        old.unlink(missing_ok=True)  # another process may be pruning too
    return target


def backups(project_path: Path) -> list[Path]:
    """The project's rolling backups, oldest first: only files named as this module names
    them, never anything else a user keeps in the folder."""
    folder = backup_folder(project_path)
    if not folder.is_dir():
        return []
    named = re.compile(re.escape(project_path.stem) + STAMPED)
    return sorted(path for path in folder.iterdir() if named.fullmatch(path.name))
