"""Rolling backups of a project: a copy next to it on every open, the last few kept."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from annotate.errors import InputError
from annotate.project import Project

DEFAULT_KEEP = 5
FOLDER_SUFFIX = ".backups"


def backup_folder(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + FOLDER_SUFFIX)


def rolling_backup(project: Project, keep: int = DEFAULT_KEEP) -> Path:
    """Copy the live project (SQLite's backup API) into its backups folder, then delete
    all but the newest `keep` copies."""
    if keep < 1:
        raise InputError(f"keep at least 1 backup, not {keep}", field="keep")
    folder = backup_folder(project.path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{project.path.stem}-{stamp}.annotate"
    project.store.backup_to(target)
    for old in backups(project.path)[:-keep]:
        old.unlink()
    return target


def backups(project_path: Path) -> list[Path]:
    """The project's rolling backups, oldest first."""
    folder = backup_folder(project_path)
    return sorted(folder.glob(f"{project_path.stem}-*.annotate")) if folder.is_dir() else []
