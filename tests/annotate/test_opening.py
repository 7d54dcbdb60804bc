"""Files that are not (usable) projects: one clear line, and the file left as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from gui.cli import main  # with the gui command, which must fail before any window


def text_file(path: Path) -> None:
    path.write_text("قال الوزير\n", encoding="utf-8")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def garbage_after_the_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x13\x37" * 4000)


def truncated_project(path: Path) -> None:
    with Project.create(path) as project:
        project.documents.add("نص " * 5000)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def another_apps_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


def newer_project(path: Path) -> None:
    Project.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (text_file, "not a SQLite"),
        (empty_file, "not a SQLite"),
        (garbage_after_the_header, ""),
        (truncated_project, ""),
        (another_apps_database, "not an annotation project"),
        (newer_project, "newer version"),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_file_that_is_no_usable_project_is_refused_untouched(
    tmp_path: Path, make: Callable[[Path], None], words: str
) -> None:
    path = tmp_path / "p.annotate"
    make(path)
    before = path.read_bytes()
    for command in (["list", str(path)], ["import", str(path), str(path)], ["gui", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1 and str(path) in message
        assert words in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.annotate"]
