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


def create_document_tables(conn: sqlite3.Connection) -> None:
    """Documents keyed by uid, a contentless trigram FTS5 index of their normalised text
    and the removed marks beside it: the same kind of search index as a project's."""
    conn.execute("CREATE TABLE documents (uid TEXT PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, content = '', tokenize = 'trigram')"
    )
    conn.execute("CREATE TABLE search_entries (position INTEGER PRIMARY KEY, removals, checksum)")


def write_documents(
    conn: sqlite3.Connection,
    documents: list[tuple[str, str, str]],
    entries: list[tuple[int, str, bytes, int]],
) -> None:
    """(uid, title, text) rows and their search entries (position, normalised text,
    removed marks, checksum), each with one executemany."""
    conn.executemany("INSERT INTO documents (uid, title, text) VALUES (?, ?, ?)", documents)
    conn.executemany(
        "INSERT INTO search_index (rowid, body) VALUES (?, ?)",
        ((number, normalised) for number, normalised, _, _ in entries),
    )
    conn.executemany(
        "INSERT INTO search_entries VALUES (?, ?, ?)",
        ((number, removed, checksum) for number, _, removed, checksum in entries),
    )
