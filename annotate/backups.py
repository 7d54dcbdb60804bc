"""Rolling backups of a project: a copy next to it on every open, the last few kept.

A copy is kept only when it is whole (SQLite's quick check and the project's own checks):
the copy of a damaged project is deleted at once and nothing is pruned, so the good copies
made before the damage stay, and the error names the newest of them. `restore` puts one
back in the project's place, keeping the damaged project beside it.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from annotate.checking import copy_damage
from annotate.errors import AnnotateError, InputError
from annotate.input_files import special_kind
from annotate.project import Project
from annotate.store import SIDE_FILES, refuse_special_project, side_files

DEFAULT_KEEP = 5
FOLDER_SUFFIX = ".backups"
STAMP = "%Y%m%d-%H%M%S-%f"  # UTC, so names sort by time whatever the clocks do
STAMPED = r"-\d{8}-\d{6}-\d{6}\.annotate"
SIDE_SUFFIX = "(" + "|".join(re.escape(suffix) for suffix in SIDE_FILES) + ")"
PROBLEM_CHARS = 80


class DamagedProject(AnnotateError):
    """A backup found the project damaged: no copy of it was kept, none was pruned."""

    def __init__(self, project: Path, problems: list[str], last_good: Path | None) -> None:
        self.project, self.problems, self.last_good = project, problems, last_good
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        shown = "; ".join(_short(problem) for problem in problems[:3]) + more
        if last_good is not None:
            advice = (
                f"The last good backup is {last_good}. Close every program that has the project"
                f" open, then put it back with: annotate restore {project} {last_good}"
            )
        else:
            advice = "There is no good backup of it. Export what you can now."
        super().__init__(
            f"{project} is damaged ({shown}). No backup of it was kept and no older backup"
            f" was removed. {advice}"
        )


def _short(problem: str) -> str:
    """A problem as one short line: a damaged page can make it hold pages of garbage."""
    problem = re.sub("\ufffd+", "…", " ".join(problem.split()))
    return problem if len(problem) <= PROBLEM_CHARS else problem[: PROBLEM_CHARS - 1] + "…"


def backup_folder(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + FOLDER_SUFFIX)


def rolling_backup(project: Project, keep: int = DEFAULT_KEEP) -> Path:
    """Copy the live project (SQLite's backup API) into its backups folder, check the copy,
    then delete all but the newest `keep` copies. A damaged copy is deleted instead, and
    DamagedProject names the last good backup."""
    if keep < 1:
        raise InputError(f"keep at least 1 backup, not {keep}", field="keep")
    folder = backup_folder(project.path)
    folder.mkdir(exist_ok=True)
    _remove_leftovers(project.path)
    stamp = datetime.now(UTC).strftime(STAMP)
    target = folder / f"{project.path.stem}-{stamp}.annotate"
    project.store.backup_to(target)
    problems = file_damage(target)
    if problems:
        target.unlink(missing_ok=True)
        raise DamagedProject(project.path, problems, last_good_backup(project.path))
    for old in backups(project.path)[:-keep]:
        if _in_use(old):  # opened in the app, say: the work saved in it is kept
            continue
        for file in (old, *side_files(old)):
            file.unlink(missing_ok=True)  # another process may be pruning too
    _remove_orphaned_side_files(project.path)
    return target


def backups(project_path: Path) -> list[Path]:
    """The project's rolling backups, oldest first: only files named as this module names
    them, never anything else a user keeps in the folder."""
    folder = backup_folder(project_path)
    if not folder.is_dir():
        return []
    named = re.compile(re.escape(project_path.stem) + STAMPED)
    return sorted(path for path in folder.iterdir() if named.fullmatch(path.name))


def _remove_leftovers(project_path: Path) -> None:
    """Delete the unfinished copies a killed backup left behind (`NAME-STAMP.annotate.partial`),
    except one another process is writing now."""
    named = re.compile(re.escape(project_path.stem) + STAMPED + r"\.partial")
    for path in backup_folder(project_path).iterdir():
        if named.fullmatch(path.name) and not _in_use(path):
            path.unlink(missing_ok=True)
            Path(f"{path}-journal").unlink(missing_ok=True)


def _remove_orphaned_side_files(project_path: Path) -> None:
    """SQLite's side files left beside a copy since pruned (an older check opened copies
    in a way that made them)."""
    orphan = re.compile(re.escape(project_path.stem) + STAMPED + SIDE_SUFFIX)
    for path in backup_folder(project_path).iterdir():
        if orphan.fullmatch(path.name) and not _main_file(path).exists():
            path.unlink(missing_ok=True)


def _main_file(sidecar: Path) -> Path:
    return sidecar.with_name(re.sub(SIDE_SUFFIX + "$", "", sidecar.name))


def _in_use(path: Path) -> bool:
    """Whether some connection holds the file (an exclusive lock cannot be had at once).
    A file too damaged to lock, or no database at all, is held by nobody."""
    try:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:  # in WAL mode only an exclusive locking mode sees a connection that is idle
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        return "locked" in str(error) or "busy" in str(error)
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def file_damage(path: Path) -> list[str]:
    """What is wrong with a project file, read without changing it (empty: it is whole)."""
    kind = special_kind(path)
    if kind is not None:  # SQLite would wait for a named pipe's writer
        return [f"it is {kind}, not a project file"]
    try:
        # immutable: nobody writes a copy, and a read-only WAL connection would leave
        # -wal and -shm files beside it
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return copy_damage(conn)
    finally:
        conn.close()


def last_good_backup(project_path: Path) -> Path | None:
    """The newest rolling backup that is whole."""
    return next((path for path in reversed(backups(project_path)) if not file_damage(path)), None)


def restore(project_path: Path, backup: Path | None = None) -> tuple[Path, Path]:
    """Put a whole backup (by default the last good one) in the project's place. The
    project as it was, with SQLite's files beside it, is kept under a new name next to it.
    Returns the backup used and where the old project now is."""
    if backup is not None:
        refuse_special_project(backup)
    chosen = backup or last_good_backup(project_path)
    if chosen is None:
        raise InputError(f"{project_path} has no good backup in {backup_folder(project_path)}")
    problems = file_damage(chosen)
    if problems:
        raise InputError(f"{chosen} is damaged too ({'; '.join(problems[:3])}): choose another")
    _refuse_if_open(project_path)
    stamp = datetime.now(UTC).strftime(STAMP)
    aside = project_path.with_name(f"{project_path.stem}-replaced-{stamp}.annotate")
    incoming = project_path.with_name(f"{project_path.name}.{os.getpid()}.restoring")
    shutil.copyfile(chosen, incoming)
    for suffix in ("", *SIDE_FILES):
        current = Path(f"{project_path}{suffix}")
        if current.exists():
            current.rename(Path(f"{aside}{suffix}"))
    os.replace(incoming, project_path)
    return chosen, aside


def _refuse_if_open(project_path: Path) -> None:
    """A project another program has open would go on writing to the file moved away."""
    if project_path.exists() and _in_use(project_path):
        raise InputError(f"{project_path} is open in another program: close it first")
