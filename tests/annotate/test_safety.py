"""Backups on demand and on open, network filesystems, and input taken as it is."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate import filesystems
from annotate.backups import (
    DamagedProject,
    backup_folder,
    backups,
    file_damage,
    last_good_backup,
    restore,
    rolling_backup,
)
from annotate.cli import main
from annotate.errors import InputError, ProjectError
from annotate.filesystems import network_filesystem
from annotate.project import Project


def test_rolling_backups_keep_the_newest_copies(project: Project) -> None:
    project.documents.add("نص أول للنسخ الاحتياطي.")
    made = [rolling_backup(project, keep=3) for _ in range(5)]
    assert backups(project.path) == made[-3:]
    with Project.open(made[-1]) as copy:
        assert copy.documents.count() == 1
    with pytest.raises(InputError, match="keep at least 1"):
        rolling_backup(project, keep=0)


def test_only_the_rolling_copies_are_ever_deleted(tmp_path: Path) -> None:
    path = tmp_path / "notes[1].annotate"  # glob characters in the name
    with Project.create(path) as project:
        folder = backup_folder(path)
        folder.mkdir()
        mine = folder / "notes[1]-1 before the upgrade.annotate"
        mine.write_text("kept by hand", encoding="utf-8")
        for _ in range(4):
            rolling_backup(project, keep=2)
    assert len(backups(path)) == 2
    assert mine.read_text(encoding="utf-8") == "kept by hand"


def test_backup_command_rolls_when_no_file_is_named(project_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(project_path)]).exit_code == 0
    for _ in range(3):
        result = runner.invoke(main, ["backup", str(project_path), "--keep", "2"])
        assert result.exit_code == 0, result.output
    assert len(backups(project_path)) == 2
    assert str(backup_folder(project_path)) in result.output


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export {share} nfs4 rw,relatime 0 0
//nas/team {smb} cifs rw 0 0
systemd-1 {auto} autofs rw 0 0
server:/home {auto} nfs4 rw 0 0
"""


@pytest.fixture
def fake_mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        MOUNTS.format(share=tmp_path / "share", smb=tmp_path / "smb", auto=tmp_path / "auto"),
        encoding="utf-8",
    )
    monkeypatch.setattr(filesystems, "MOUNTS", mounts)
    return mounts


def test_network_filesystems_are_told_from_local_ones(tmp_path: Path, fake_mounts: Path) -> None:
    assert network_filesystem(tmp_path / "share" / "p.annotate", fake_mounts) == "nfs4"
    assert network_filesystem(tmp_path / "smb" / "a" / "p.annotate", fake_mounts) == "cifs"
    assert network_filesystem(tmp_path / "local.annotate", fake_mounts) is None
    assert network_filesystem(tmp_path / "auto" / "p.annotate", fake_mounts) == "nfs4"


def test_a_project_on_a_network_filesystem_gets_a_warning(
    tmp_path: Path, fake_mounts: Path
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    path = share / "p.annotate"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(path)]).exit_code == 0
    result = runner.invoke(main, ["list", str(path)])
    assert result.exit_code == 0
    assert "network filesystem (nfs4)" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        '<img src=x onerror="alert(1)">',
        "<script>document.location='file:///etc/passwd'</script>",
        "&lt;b&gt; &amp; &#x41; <a href='file:///etc/passwd'>x</a>",
    ],
)
def test_markup_and_a_bom_are_kept_as_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "p.annotate"
    source = tmp_path / "in.jsonl"
    stored = f"قال الوزير {text} ثم انصرف."
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": stored}).encode() + b"\n")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(path)]).exit_code == 0
    result = runner.invoke(main, ["import", str(path), str(source)])
    assert result.exit_code == 0, result.output
    with Project.open(path) as project:
        (summary,) = project.documents.summaries()
        assert project.documents.get(summary.uid).text == stored


def test_a_text_file_over_the_limit_and_keep_with_a_file_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotate.corpus import files

    monkeypatch.setattr(files, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "p.annotate"
    big = tmp_path / "big.txt"
    big.write_text("نص " * 400, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(path)]).exit_code == 0
    result = runner.invoke(main, ["import", str(path), str(big)])
    assert result.exit_code == 2
    assert f"{big}: the file is larger than" in result.stderr
    result = runner.invoke(main, ["backup", str(path), str(tmp_path / "b.annotate"), "--keep", "2"])
    assert result.exit_code == 2
    assert "--keep is for rolling backups" in result.stderr
    assert not (tmp_path / "b.annotate").exists()


def zero_a_page(path: Path) -> None:
    """A page of a document's text, in the middle of the file, written over with zeros:
    the project still opens and lists its documents, but SQLite's quick check fails."""
    with closing(sqlite3.connect(path)) as conn:
        pages = [
            int(page)
            for (page,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'overflow'"
                " ORDER BY pageno"
            )
        ]
    data = bytearray(path.read_bytes())
    page = pages[len(pages) // 2] - 1  # SQLite numbers pages from 1
    data[page * 4096 : (page + 1) * 4096] = bytes(4096)
    path.write_bytes(bytes(data))


def many_documents(project: Project) -> None:
    for number in range(40):
        project.documents.add(f"الوثيقة رقم {number}: " + "نص عربي للنسخ الاحتياطي " * 200)


def test_backups_of_a_damaged_project_keep_every_good_copy_and_name_the_last(
    project: Project,
) -> None:
    many_documents(project)
    good = [rolling_backup(project, keep=2) for _ in range(2)]
    project.close()
    zero_a_page(project.path)
    with Project.open(project.path) as damaged:
        assert damaged.documents.count() == 40  # it still opens and lists
        for _ in range(5):
            with pytest.raises(DamagedProject) as raised:
                rolling_backup(damaged, keep=2)
    assert backups(project.path) == good  # nothing kept, nothing pruned
    message = str(raised.value)
    assert f"{project.path} is damaged" in message
    assert f"annotate restore {project.path} {good[-1]}" in message


def test_the_backup_command_says_the_project_is_damaged_and_restore_puts_one_back(
    project_path: Path,
) -> None:
    with Project.create(project_path) as project:
        many_documents(project)
        rolling_backup(project)
    zero_a_page(project_path)
    runner = CliRunner()
    result = runner.invoke(main, ["backup", str(project_path)])
    assert result.exit_code == 2
    assert "is damaged" in result.stderr and "annotate restore" in result.stderr
    (good,) = backups(project_path)
    result = runner.invoke(main, ["restore", str(project_path)])
    assert result.exit_code == 0, result.output
    assert f"from {good}" in result.output
    (aside,) = project_path.parent.glob(f"{project_path.stem}-replaced-*.annotate")
    assert file_damage(aside)  # the damaged project, kept as it was
    assert not file_damage(project_path)
    with Project.open(project_path) as restored:
        assert restored.documents.count() == 40


def test_restore_refuses_a_damaged_backup_and_a_project_in_use(project_path: Path) -> None:
    with Project.create(project_path) as project:
        many_documents(project)
        copy = rolling_backup(project)
        with pytest.raises(InputError, match="open in another program"):
            restore(project_path, copy)  # the project is open here
    zero_a_page(copy)
    with pytest.raises(InputError, match="is damaged too"):
        restore(project_path, copy)
    with pytest.raises(InputError, match="has no good backup"):
        restore(project_path)


def test_a_killed_backups_leftover_is_removed_by_the_next_one(project: Project) -> None:
    import sqlite3

    project.documents.add("نص للنسخ.")
    folder = backup_folder(project.path)
    folder.mkdir()
    stem = project.path.stem
    left = folder / f"{stem}-20260101-000000-000000.annotate.partial"
    sqlite3.connect(left).execute("CREATE TABLE t (x)").connection.close()
    busy = folder / f"{stem}-20260101-000001-000000.annotate.partial"
    writer = sqlite3.connect(busy, isolation_level=None)
    writer.execute("PRAGMA locking_mode = EXCLUSIVE")
    writer.execute("BEGIN EXCLUSIVE")  # another process's backup, still being written
    mine = folder / "notes.partial"  # not named as a backup: never touched
    mine.write_text("kept", encoding="utf-8")
    try:
        rolling_backup(project)
        assert not left.exists()
        assert busy.exists() and mine.exists()
    finally:
        writer.close()


@pytest.mark.parametrize("fmt, out_name", [("jsonl", "corpus.jsonl"), ("brat", "corpus-brat")])
def test_a_killed_exports_leftover_is_removed_by_the_next_export(
    project: Project, tmp_path: Path, fmt: str, out_name: str
) -> None:
    from annotate.corpus.export_files import export_corpus

    project.documents.add("نص للتصدير.")
    out = tmp_path / out_name
    left = tmp_path / f"{out_name}.partial"  # what a kill during the export left
    if fmt == "brat":
        left.mkdir()
        (left / "half.txt").write_text("نص", encoding="utf-8")
    else:
        left.write_text('{"text": "نص', encoding="utf-8")
    export_corpus(project, out, fmt)
    assert not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("corpus")) == [out_name]


def test_rolling_backups_leave_only_the_copies_they_keep(project: Project) -> None:
    project.documents.add("نص للنسخ.")
    folder = backup_folder(project.path)
    folder.mkdir()
    stem = project.path.stem
    orphan = folder / f"{stem}-20250101-000000-000000.annotate-wal"  # its copy was pruned
    orphan.write_bytes(b"")
    mine = folder / "notes-wal"  # not named as a backup's: never touched
    mine.write_text("kept", encoding="utf-8")
    kept = [rolling_backup(project, keep=3) for _ in range(5)][-3:]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(p.name for p in kept), "notes-wal"]
    )
    assert last_good_backup(project.path) == kept[-1]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(p.name for p in kept), "notes-wal"]
    )


def test_a_new_project_does_not_adopt_an_earlier_ones_backups(project_path: Path) -> None:
    with Project.create(project_path) as earlier:
        earlier.documents.add("نص المشروع الأول.")
        kept = rolling_backup(earlier)
    project_path.unlink()  # the earlier project is gone; its backups folder stays
    with pytest.raises(ProjectError, match="holds the backups of an earlier project"):
        Project.create(project_path)
    assert not project_path.exists()
    assert backups(project_path) == [kept]


def test_pruning_passes_over_a_copy_open_in_another_program(project: Project) -> None:
    project.documents.add("نص للنسخ.")
    oldest = rolling_backup(project, keep=1)
    with Project.open(oldest) as opened:  # as File > Open recent can open a backup
        opened.spans.add(opened.documents.resolve("1"), "ali", "GPE", 0, 2)
        newest = rolling_backup(project, keep=1)
        assert backups(project.path) == [oldest, newest]
    rolling_backup(project, keep=1)
    assert oldest not in backups(project.path)
