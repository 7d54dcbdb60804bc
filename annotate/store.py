"""The SQLite connection of a project: opening safely, write transactions, migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from sqlite_utils import Database

from annotate.errors import ProjectError
from annotate.migrations import SCHEMA_VERSION, migrations

APPLICATION_ID = 0x41524E4E  # "ARNN": marks a SQLite file as an annotation project
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class Store:
    """One connection to a project file. Writes go through ``write()``."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self._savepoints = count()
        self.rollback_listeners: list[Callable[[], None]] = []

    @classmethod
    def create(cls, path: Path) -> Store:
        if path.exists():
            raise ProjectError(f"{path}: already exists; choose a new file name")
        conn = _connect(path, mode="rwc")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        store = cls(path, conn)
        store._prepare()
        return store

    @classmethod
    def open(cls, path: Path) -> Store:
        _check_header(path)
        conn = _connect(path, mode="rw")
        try:
            check_identity(path, conn)
        except BaseException:
            conn.close()
            raise
        store = cls(path, conn)
        store._prepare()
        return store

    def _prepare(self) -> None:
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA recursive_triggers = ON")
            self.upgrade()
        except sqlite3.DatabaseError as error:
            self.conn.close()
            raise ProjectError(f"{self.path}: cannot use this project: {error}") from error

    def upgrade(self) -> None:
        """Apply pending migrations, all in one immediate transaction, after a copy of the
        project as it was (in its backups folder) when it already held a schema."""
        if not migrations.pending(self.db):
            return
        if self.schema_version > 0:
            self._copy_before_upgrade()
        with self.write():
            migrations.apply(self.db)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _copy_before_upgrade(self) -> None:
        folder = self.path.with_name(self.path.name + ".backups")
        folder.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        self.backup_to(folder / f"{self.path.stem}-version-{self.schema_version}-{stamp}.annotate")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE), or a savepoint when nested in one."""
        if self.conn.in_transaction:
            name = f"step_{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:  # an error may already have ended it
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                self._rolled_back()
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._rolled_back()
            raise

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


def _check_header(path: Path) -> None:
    if not path.exists():
        raise ProjectError(f"{path}: no such project; create one with `annotate init {path}`")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    if not is_sqlite_file(path):
        raise ProjectError(f"{path}: not an annotation project (not a SQLite database)")


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def check_identity(path: Path, conn: sqlite3.Connection) -> int:
    """The project's schema version, once it is known to be ours and not too new."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{path}: the project file is damaged: {error}") from error
    if application_id != APPLICATION_ID:
        raise ProjectError(f"{path}: not an annotation project (a SQLite file of another kind)")
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path}: written by a newer version of this app (schema {version}; this app "
            f"reads up to {SCHEMA_VERSION}); update the app to open it"
        )
    return int(version)
