from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from annotate.store import connect_read_only


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
