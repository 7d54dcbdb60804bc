"""The SQLite connection of a project: opening safely, write transactions, migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.errors import ProjectError
from annotate.failures import (
    ReadOnlyProject,
    is_damage,
    is_system_failure,
    what_failed,
    write_failed,
)
from annotate.input_files import special_kind
from annotate.migrations import SCHEMA_VERSION, database, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x41524E4E  # "ARNN": marks a SQLite file as an annotation project
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's own files beside a database
LOG_BOUND = 10_000  # pages (40 MB) of log a commit folds in, when pauses are left to do it


class Store:
    """One connection to a project file. Writes go through ``write()``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool = False) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._savepoints = count()
        self._depth = 0  # write() blocks open: a nested one is a savepoint
        self.rollback_listeners: list[Callable[[], None]] = []

    @cached_property
    def db(self) -> Database:
        """sqlite-utils' view of the connection, for migrations: made (and sqlite-utils
        imported, 0.1 s) only when one is pending."""
        return database(self.conn)

    @classmethod
    def create(cls, path: Path) -> Store:
        if path.exists():
            raise ProjectError(f"{path}: already exists; choose a new file name")
        _refuse_earlier_backups(path)
        conn = _connect(path, mode="rwc")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        store = cls(path, conn)
        store._prepare()
        return store

    @classmethod
    def open(cls, path: Path, read_only: bool | None = None) -> Store:
        """The project at ``path``, read-only when asked or when its file or folder cannot
        be written (None: decide from the file system). A read-only store changes nothing
        on disk: no journal mode switch, no migration, no folding of a leftover -wal."""
        _check_header(path)
        if read_only is None:
            read_only = not writable(path)
        conn = connect_read_only(path) if read_only else _connect(path, mode="rw")
        try:
            check_identity(path, conn)
        except BaseException:
            conn.close()
            raise
        store = cls(path, conn, read_only)
        if not read_only:
            store._prepare()
        return store

    def _prepare(self) -> None:
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA recursive_triggers = ON")
            self.upgrade()
        except sqlite3.Error as error:
            self.conn.close()
            raise ProjectError(what_failed(error, self.path, "cannot use this project")) from error
        except BaseException:  # a migration's write refused (WriteFailed), or worse
            self.conn.close()
            raise

    def upgrade(self) -> None:
        """Apply pending migrations, all in one immediate transaction, after a copy of the
        project as it was (in its backups folder) when it already held a schema. The version
        is set in the transaction of the steps: a project at the current one has none pending."""
        if self.schema_version == SCHEMA_VERSION or not migrations().pending(self.db):
            return
        if self.schema_version > 0:
            self._copy_before_upgrade()
        with self.write():
            migrations().apply(self.db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _copy_before_upgrade(self) -> None:
        folder = self.path.with_name(self.path.name + ".backups")
        folder.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        self.backup_to(folder / f"{self.path.stem}-version-{self.schema_version}-{stamp}.annotate")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def wait_for_locks(self, milliseconds: int) -> None:
        """How long a write waits for another program's lock before it fails."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def checkpoint_when_idle(self) -> None:
        """Leave folding the write-ahead log into the project file to `checkpoint`, called
        when the user pauses. SQLite otherwise does it inside the commit that takes the log
        past 1,000 pages, one edit in about 200: 3 ms more on a quiet disk, tens of ms on a
        busy one. A commit still does it past LOG_BOUND pages."""
        if not self.read_only:
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {LOG_BOUND}")

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the project file, without waiting for another
        program that is reading (PASSIVE: what it reads stays in the log). Nothing saved
        waits for this: each step is in the log, synced to disk, when it commits."""
        if not self.read_only:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @property
    def outdated(self) -> bool:
        """Written by an older version and not upgraded (only a read-only store can be)."""
        return self.schema_version < SCHEMA_VERSION

    def check_writable(self) -> None:
        """Refuse, as any write would, when the project is open read-only."""
        if self.read_only:
            raise ReadOnlyProject(
                f"{self.path}: the project is open read-only (its file or folder cannot be"
                " written): nothing was changed"
            )

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE), or a savepoint when nested in one. A write the
        database refuses (full disk, read-only file, a lock held too long, damage) is
        rolled back and raised as WriteFailed, saying what failed."""
        self.check_writable()
        if self._depth:
            with self._savepoint():
                yield self.conn
            return
        try:
            with self._transaction():
                yield self.conn
        except sqlite3.Error as error:
            if not is_system_failure(error):
                raise
            raise write_failed(error, self.path) from error

    @contextmanager
    def bulk_write(self) -> Iterator[sqlite3.Connection]:
        """The connection, for a bulk write inside the caller's transaction, with no
        savepoint of its own: SQLite copies aside every page a savepoint changes, which
        costs a bulk insert into random places of an index a fifth of its time. A failure
        is left to the caller's transaction, which rolls back as a whole."""
        if not self._depth:
            raise RuntimeError("a bulk write needs the caller's transaction")
        yield self.conn

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:  # left by a ROLLBACK that failed: none of it committed
            self.conn.execute("ROLLBACK")
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            finally:
                self._rolled_back()
            raise
        finally:
            self._depth = 0

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"step_{next(self._savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            try:
                if self.conn.in_transaction:  # an error may already have ended it
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
            finally:
                self._rolled_back()
            raise
        finally:
            self._depth -= 1
        self.conn.execute(f"RELEASE {name}")

    @contextmanager
    def page_cache(self, kib: int) -> Iterator[None]:
        """SQLite's page cache of this connection at ``kib`` KiB (2 MiB by default) for a
        bulk write: the indexes it adds to at random places then stay in memory instead of
        being read again and spilled to the -wal file. The cache shrinks back after."""
        before = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        self.conn.execute(f"PRAGMA cache_size = {-int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {before}")

    def _rolled_back(self) -> None:
        for listener in self.rollback_listeners:
            listener()

    def backup_to(self, target: Path) -> None:
        """Copy the live project with SQLite's backup API."""
        if target.exists():
            raise ProjectError(f"{target}: already exists; backups never overwrite a file")
        if not target.parent.is_dir():
            raise ProjectError(f"{target.parent}: no such folder")
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        destination = sqlite3.connect(partial)
        try:
            self.conn.backup(destination)
            destination.close()
            partial.replace(target)
        finally:
            destination.close()
            partial.unlink(missing_ok=True)

    def close(self) -> None:
        self.conn.close()


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.OperationalError as error:
        raise ProjectError(f"{path}: cannot open: {error}") from error
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _refuse_earlier_backups(path: Path) -> None:
    """A new project must not adopt the backups of an earlier one of the same name: its
    rolling backups would prune them, and a restore could bring the other project back."""
    folder = path.with_name(path.name + ".backups")
    earlier = folder.is_dir() and any(
        entry.name.startswith(f"{path.stem}-") and entry.suffix == ".annotate"
        for entry in folder.iterdir()
    )
    if earlier:
        raise ProjectError(
            f"{path}: {folder.name} beside it holds the backups of an earlier project of this"
            " name; move that folder away or choose another name"
        )


def side_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database: they belong to it, in a copy or a move."""
    return [path.with_name(path.name + suffix) for suffix in SIDE_FILES]


def writable(path: Path) -> bool:
    """Whether SQLite can write the project: its file, its folder (for the -wal and -shm
    files) and the side files it already has."""
    needed = [path, path.parent, *(side for side in side_files(path) if side.exists())]
    return all(os.access(needed_path, os.W_OK) for needed_path in needed)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the project. It takes SQLite's read locks, so it
    reads one consistent snapshot while other programs write; in a folder that cannot be
    written, with no -wal file, SQLite is told the file is immutable instead: a read-only
    WAL connection would need to create the -shm file there, and no program can be
    writing the project."""
    wal = path.with_name(path.name + "-wal")
    frozen = not os.access(path.parent, os.W_OK) and not wal.exists()
    return _connect(path, mode="ro&immutable=1" if frozen else "ro")


def _check_header(path: Path) -> None:
    if not path.exists():
        raise ProjectError(f"{path}: no such project; create one with `annotate init {path}`")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    refuse_special_project(path)
    if not is_sqlite_file(path):
        raise ProjectError(f"{path}: not an annotation project (not a SQLite database)")


def refuse_special_project(path: Path) -> None:
    """A named pipe would hang opening it, and SQLite cannot use a device or a socket."""
    kind = special_kind(path)
    if kind is not None:
        raise ProjectError(f"{path}: is {kind}, not a project file")


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def check_identity(path: Path, conn: sqlite3.Connection) -> int:
    """The project's schema version, once it is known to be ours and not too new."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        if is_damage(error):
            raise ProjectError(f"{path}: the project file is damaged: {error}") from error
        raise ProjectError(what_failed(error, path, "cannot open")) from error
    if application_id != APPLICATION_ID:
        raise ProjectError(f"{path}: not an annotation project (a SQLite file of another kind)")
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path}: written by a newer version of this app (schema {version}; this app "
            f"reads up to {SCHEMA_VERSION}); update the app to open it"
        )
    return int(version)
