"""The default project a new user sees: created on first run, seeded with our sample articles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotate.bundled import RESOURCES
from annotate.project import Project

SAMPLE_FOLDER = RESOURCES / "sample"
SAMPLE_ANNOTATIONS = SAMPLE_FOLDER / "annotations.jsonl"  # by the annotator "sample"
APP_FOLDER_NAME = "arabic-annotate"
DEFAULT_PROJECT_NAME = "default.annotate"


def user_data_dir() -> Path:
    """Where the app keeps its data, by each platform's convention."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_FOLDER_NAME


def default_project_path() -> Path:
    return user_data_dir() / DEFAULT_PROJECT_NAME


def open_default_project() -> Project:
    """Open the default project, creating and seeding it on first run."""
    path = default_project_path()
    if not path.exists():
        _create_seeded(path)
    return Project.open(path)


def _create_seeded(path: Path) -> None:
    """Build the project under a temporary name so that a crash never leaves half of it."""
    from annotate.corpus.importing import import_paths  # 16 ms at every start otherwise

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".creating")
    partial.unlink(missing_ok=True)
    with Project.create(partial) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
    partial.replace(path)
