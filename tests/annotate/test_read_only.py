"""A project that cannot be written, and a check that writes nothing: reading commands
work, writes are refused with what to do, and no failure is called damage unless it is."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.editing import Editor
from annotate.failures import WriteFailed
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from annotate.store import side_files
from tests.helpers import (
    file_digests,
    old_document,
    old_span,
    older_project,
    read_only_copy,
    table_checksums,
)

TEXT = "قال المتحدث باسم الحكومة سمير حداد إن المفاوضات ستستمر."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotate"
    with Project.create(path) as project:
        project.documents.add(TEXT, title="خبر")
        uid = project.documents.resolve("1")
        project.spans.add(uid, "ali", "PERSON", TEXT.index("سمير"), TEXT.index(" إن"))
    return path


def copy_with_unfolded_wal(project_file: Path, folder: Path) -> Path:
    """A copy taken while another program had the project open: the last span added is
    committed, but only in the -wal file."""
    folder.mkdir()
    with Project.open(project_file) as live:
        uid = live.documents.resolve("1")
        live.spans.add(uid, "sara", "GPE", 0, 3)
        for file in [project_file, *side_files(project_file)[:1]]:  # the file and its -wal
            shutil.copy2(file, folder / file.name)
    return folder / project_file.name


def test_check_reads_a_leftover_wal_without_folding_it(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    copy = copy_with_unfolded_wal(project_file, tmp_path / "copy")
    before = file_digests(copy, copy.with_name(copy.name + "-wal"))
    result = runner.invoke(main, ["check", str(copy)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output
    assert re.search(
        r"^ fix  p\.annotate-wal \(\d+ KiB\) may hold saved work that is not yet in"
        r" p\.annotate \(the project is open elsewhere, or a program stopped before closing"
        r" it\): the last program to close the project folds it in$",
        result.output,
        re.MULTILINE,
    ), result.output
    assert file_digests(copy, copy.with_name(copy.name + "-wal")) == before
    with Project.open(copy, read_only=True) as reading:  # the work in the -wal was seen
        spans = reading.spans.for_document(reading.documents.resolve("1"), "sara")
        assert [(s.label, s.start, s.end) for s in spans] == [("GPE", 0, 3)]


def test_check_of_a_closed_current_project_has_nothing_to_fix(
    runner: CliRunner, project_file: Path
) -> None:
    result = runner.invoke(main, ["check", str(project_file)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output and " fix " not in result.output


def test_check_reports_an_old_schema_and_leaves_it(runner: CliRunner, project_file: Path) -> None:
    conn = sqlite3.connect(project_file)
    with conn:
        conn.execute("DROP TABLE search_index")
        conn.execute("DROP TABLE search_entries")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name >= '0004'")
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    before = file_digests(project_file)
    result = runner.invoke(main, ["check", str(project_file)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output
    assert (
        f" fix  schema version 3: the next open upgrades it to {SCHEMA_VERSION}"
        " (after keeping a copy in the backups folder)"
    ) in result.output
    assert file_digests(project_file) == before
    assert not project_file.with_name("p.annotate.backups").exists()


def test_check_of_an_old_schema_still_checks_its_span_offsets(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "old.annotate"
    conn = older_project(path, 5)  # spans name their document by uid
    with conn:
        uid = old_document(conn, 1, TEXT)
        old_span(conn, "s", uid, "PERSON", 4, 10)
        conn.execute("DROP TRIGGER spans_end_within_text_on_update")
        conn.execute("UPDATE spans SET \"end\" = 99 WHERE uid = 's'")
    conn.close()
    before = file_digests(path)
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert "FAIL  span offsets in range" in result.output
    assert f"span s (PERSON 4-99) is outside document 1 (length {len(TEXT)})" in result.output
    assert file_digests(path) == before


def test_check_keeps_the_journal_mode(runner: CliRunner, project_file: Path) -> None:
    conn = sqlite3.connect(project_file)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    result = runner.invoke(main, ["check", str(project_file)])
    assert result.exit_code == 0, result.output
    assert " fix  journal mode is not WAL: the next open switches it to WAL" in result.output
    conn = sqlite3.connect(project_file)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_reading_commands_work_in_a_read_only_folder(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    with read_only_copy([project_file], tmp_path / "ro") as folder:
        copy = folder / project_file.name
        listed = runner.invoke(main, ["list", str(copy)])
        assert listed.exit_code == 0, listed.output
        assert "خبر" in listed.output
        checked = runner.invoke(main, ["check", str(copy)])
        assert checked.exit_code == 0, checked.output
        assert "FAIL" not in checked.output and " fix " not in checked.output
        out = tmp_path / "out.jsonl"
        exported = runner.invoke(main, ["export", str(copy), str(out)])
        assert exported.exit_code == 0, exported.output
        assert "سمير حداد" in out.read_text(encoding="utf-8")
        assert sorted(p.name for p in folder.iterdir()) == ["p.annotate"]


def test_a_write_to_a_read_only_project_is_refused_with_what_to_do(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    source = tmp_path / "more.txt"
    source.write_text("نص إضافي", encoding="utf-8")
    with read_only_copy([project_file], tmp_path / "ro") as folder:
        copy = folder / project_file.name
        before = table_checksums(copy)
        result = runner.invoke(main, ["import", str(copy), str(source)])
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: {copy}: the project is open read-only (its file or folder cannot be"
            " written): nothing was changed\n"
        )
        assert "damaged" not in result.stderr
        assert table_checksums(copy) == before


def test_an_old_project_in_a_read_only_folder_says_how_to_upgrade_it(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(project_file)
    with conn:
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    with read_only_copy([project_file], tmp_path / "ro") as folder:
        result = runner.invoke(main, ["list", str(folder / project_file.name)])
    assert result.exit_code == 2
    assert "written by an older version (schema 4) and read-only here" in result.stderr


def test_a_full_disk_is_a_full_disk_and_the_action_is_not_saved(project_file: Path) -> None:
    with Project.open(project_file) as project:
        uid = project.documents.resolve("1")
        conn = project.store.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page
        before = table_checksums(project_file)
        with pytest.raises(WriteFailed) as failed, project.transaction():
            for start in range(0, 40, 2):
                project.spans.add(uid, "ali", "GPE", start, start + 1)
            project.documents.add("نص " * 5000, title="طويل")
        assert str(failed.value) == (
            f"{project_file}: the disk is full: free some space, then do it again."
            " Nothing of this action was saved."
        )
        assert len(project.spans.for_document(uid, "ali")) == 1
    assert table_checksums(project_file) == before


def test_a_lock_held_elsewhere_is_named_as_such(project_file: Path) -> None:
    with Project.open(project_file) as project:
        project.store.conn.execute("PRAGMA busy_timeout = 50")
        holder = sqlite3.connect(project_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(WriteFailed) as failed:
                project.spans.add(project.documents.resolve("1"), "ali", "GPE", 0, 3)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    message = str(failed.value)
    assert "another program is writing to the project (database is locked)" in message
    assert "damaged" not in message


def test_an_undo_the_project_could_not_write_stays_to_be_tried_again(project_file: Path) -> None:
    with Project.open(project_file) as project:
        editor = Editor(project, "ali")
        uid = project.documents.resolve("1")
        editor.add_span(uid, "GPE", 0, 3)
        step = editor.history.next_undo()
        project.store.wait_for_locks(50)
        holder = sqlite3.connect(project_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(WriteFailed, match="another program is writing"):
                editor.history.undo()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert editor.history.next_undo() is step
        assert sorted(s.label for s in project.spans.for_document(uid, "ali")) == ["GPE", "PERSON"]
        editor.history.undo()
        assert [s.label for s in project.spans.for_document(uid, "ali")] == ["PERSON"]


def test_a_write_after_a_transaction_left_open_is_committed(project_file: Path) -> None:
    """A transaction a failed ROLLBACK left open holds nothing committed: the next write
    starts afresh instead of nesting in it, and is saved."""
    with Project.open(project_file) as project:
        uid = project.documents.resolve("1")
        project.store.conn.execute("BEGIN")  # as a ROLLBACK that failed leaves it
        project.spans.add(uid, "sara", "GPE", 0, 3)
        assert not project.store.conn.in_transaction
    with Project.open(project_file) as reopened:
        assert [s.label for s in reopened.spans.for_document(uid, "sara")] == ["GPE"]
