"""Plain sqlite3 connections for the reference sides, with the project's pragmas, and the
rows the set-ups write straight in SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotate.text import document_uid
from bench.corpus import SyntheticDocument


def connect(path: Path) -> sqlite3.Connection:
    """Autocommit mode (explicit BEGIN/COMMIT), WAL journal, fully synchronous like a project."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def insert_document(
    conn: sqlite3.Connection, position: int, document: SyntheticDocument, stamp: str
) -> str:
    """A synthetic document as a row of the documents table; its uid."""
    uid = document_uid(document.text)
    conn.execute(
        "INSERT INTO documents (uid, position, title, text, char_count, meta, created_at)"
        " VALUES (?, ?, ?, ?, ?, '{}', ?)",
        (uid, position, document.title, document.text, len(document.text), stamp),
    )
    return uid
