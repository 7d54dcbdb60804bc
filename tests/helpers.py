from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from annotate.corpus_scan import search_entry
from annotate.migrations import STEPS, database, migrations
from annotate.store import APPLICATION_ID, connect_read_only
from annotate.text import document_uid


def shared_corpus(*parts: str) -> Path:
    """A path in the shared corpora folder (../shared/corpora beside the checkout, or
    beside the folder holding it, as for a git worktree), whether or not it exists."""
    here = Path(__file__).resolve().parent
    for folder in here.parents:
        corpora = folder / "shared" / "corpora"
        if corpora.is_dir():
            return corpora.joinpath(*parts)
    return here.parents[1] / "shared" / "corpora" / Path(*parts)


def table_checksums(path: Path) -> dict[str, str]:
    """A checksum of every table's rows, to prove that a failed operation changed nothing."""
    conn = connect_read_only(path)
    try:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        sums = {}
        for table in sorted(tables):
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            sums[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return sums
    finally:
        conn.close()


def older_project(path: Path, version: int) -> sqlite3.Connection:
    """A new project file of an older schema version, as that version made it (its first
    ``version`` migrations), open in a plain connection for rows written in its schema."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations().apply(database(conn), stop_before=STEPS[version][0])
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    return conn


def old_document(conn: sqlite3.Connection, position: int, text: str) -> str:
    """A document as every schema version stores it; its uid."""
    uid = document_uid(text)
    conn.execute(
        "INSERT INTO documents (uid, position, title, text, char_count, created_at)"
        " VALUES (?, ?, 'عنوان', ?, ?, '2025-01-01T00:00:00+00:00')",
        (uid, position, text, len(text)),
    )
    return uid


def old_search_entry(conn: sqlite3.Connection, position: int, text: str) -> None:
    """A document's search entry as versions 5 and later store it."""
    normalised, removed, checksum = search_entry(text)
    conn.execute("INSERT INTO search_index (rowid, body) VALUES (?, ?)", (position, normalised))
    conn.execute(
        "INSERT INTO search_entries (position, removals, checksum) VALUES (?, ?, ?)",
        (position, removed, checksum),
    )


def old_span(
    conn: sqlite3.Connection, uid: str, document: str | int, label: str, start: int, end: int
) -> None:
    """A span of ali's as an older version stores it: naming its document by uid (versions
    1 to 5) or by number (6 and later)."""
    stamp = "2025-01-01T00:00:00+00:00"
    conn.execute("INSERT OR IGNORE INTO annotators (name, created_at) VALUES ('ali', ?)", (stamp,))
    conn.execute(
        "INSERT OR IGNORE INTO labels (name, position, english, arabic, colour)"
        " VALUES (?, 1, ?, ?, '#888888')",
        (label, label, label),
    )
    conn.execute(
        'INSERT INTO spans (uid, document, annotator, label, start, "end", origin, created_at,'
        " updated_at) VALUES (?, ?, 'ali', ?, ?, ?, 'manual', ?, ?)",
        (uid, document, label, start, end, stamp, stamp),
    )


@contextmanager
def read_only_copy(files: list[Path], folder: Path) -> Iterator[Path]:
    """The files copied into a new folder that this process cannot write to: a read-only
    tmpfs mount for root (whom permission bits do not stop), else permission bits."""
    folder.mkdir()
    as_root = os.getuid() == 0
    if as_root:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)], check=False)
        if mounted.returncode != 0:
            pytest.skip("root cannot mount a read-only folder here")
    try:
        for file in files:
            shutil.copy2(file, folder / file.name)
        if as_root:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for path in [*folder.iterdir(), folder]:
                path.chmod(path.stat().st_mode & ~0o222)
        yield folder
    finally:
        if as_root:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            for path in [folder, *folder.iterdir()]:
                path.chmod(path.stat().st_mode | 0o200)


def file_digests(*paths: Path) -> dict[str, str]:
    """Each existing file's SHA-256, to prove that a command left the files as they were."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths if path.exists()
    }


@contextmanager
def small_disk(folder: Path, size: str = "8m") -> Iterator[Path]:
    """A folder on a file system of its own, small enough to fill (root only)."""
    folder.mkdir()
    if os.getuid() != 0:
        pytest.skip("only root can mount a small file system here")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)])
    if mounted.returncode != 0:
        pytest.skip("root cannot mount a file system here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill_disk(folder: Path) -> Path:
    """A file that takes every free byte of the folder's file system; delete it to free them."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle:
        for chunk in (2**16, 2**12, 1):
            with suppress(OSError):
                while True:
                    handle.write(b"\0" * chunk)
    return filler
