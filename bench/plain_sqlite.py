"""Plain sqlite3 connections for the reference sides, with the project's pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path) -> sqlite3.Connection:
    """Autocommit mode (explicit BEGIN/COMMIT), WAL journal, fully synchronous like a project."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn
