"""`annotate check`: is the project whole and are its annotations consistent?"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotate.corpus_scan import search_entry
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from annotate.text import document_uid


@dataclass(frozen=True)
class Finding:
    check: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


Check = Callable[[sqlite3.Connection], list[str]]


def check_project(project: Project) -> list[Finding]:
    """Every check the project's schema allows: a project from an older version (opened
    read-only, so not upgraded) has no search index to check yet."""
    checks: list[tuple[str, Check]] = [
        *WHOLE_FILE_CHECKS,
        *([] if project.store.outdated else [("search index holds every document", _search_index)]),
        ("span offsets in range", _span_offsets),
        ("relations join existing spans", _relation_ends),
        ("relations follow the schema", _relation_labels),
    ]
    return [Finding(name, _run(check, project.store.conn)) for name, check in checks]


def pending_fixes(project: Project) -> list[str]:
    """What the next program to open the project for writing will change in its file: the
    things a read-only check sees but leaves alone."""
    path = project.path
    fixes = []
    version = project.store.schema_version
    if version < SCHEMA_VERSION:
        fixes.append(
            f"schema version {version}: the next open upgrades it to {SCHEMA_VERSION}"
            " (after keeping a copy in the backups folder)"
        )
    if not _in_wal_mode(path):
        fixes.append("journal mode is not WAL: the next open switches it to WAL")
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        fixes.append(
            f"{wal.name} ({_kib(wal.stat().st_size)}) may hold saved work that is not yet in"
            f" {path.name} (the project is open elsewhere, or a program stopped before"
            " closing it): the last program to close the project folds it in"
        )
    return fixes


def _in_wal_mode(path: Path) -> bool:
    """From the file's header (its read and write versions are 2 in WAL mode): a
    connection told the file is immutable reports every file as in rollback mode."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return header[18:20] == b"\x02\x02"


def _kib(size: int) -> str:
    return f"{max(1, round(size / 1024)):,} KiB"


def damage(conn: sqlite3.Connection, checks: list[tuple[str, Check]] | None = None) -> list[str]:
    """What makes a project file damaged, from the first check that finds something: its
    pages, its foreign keys, or a document text that no longer matches its uid."""
    for _, check in WHOLE_FILE_CHECKS if checks is None else checks:
        problems = check(conn)
        if problems:
            return problems
    return []


def copy_damage(conn: sqlite3.Connection) -> list[str]:
    """What makes a copy of a project unfit to be kept as a good one: SQLite's quick check
    of its pages, then the project's own checks (foreign keys, document texts against
    their uids); a file SQLite cannot even read is damaged too."""
    try:
        quick = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        if quick != ["ok"]:
            return quick
        return damage(conn, WHOLE_FILE_CHECKS[1:])
    except sqlite3.DatabaseError as error:
        return [str(error)]


def _run(check: Check, conn: sqlite3.Connection) -> list[str]:
    """A damaged file may fail the query itself: that is a finding, not a crash."""
    try:
        return check(conn)
    except sqlite3.DatabaseError as error:
        return [f"could not be checked: {error}"]


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def _foreign_keys(conn: sqlite3.Connection) -> list[str]:
    return [
        f"{table} row {rowid} points to a missing row of {parent}"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]


def _document_texts(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for position, uid, text, char_count in conn.execute(
        "SELECT position, uid, text, char_count FROM documents ORDER BY position"
    ):
        if document_uid(text) != uid:
            problems.append(f"document {position} ({uid[:12]}): text changed since import")
        if char_count != len(text):
            problems.append(f"document {position} ({uid[:12]}): length {char_count} is stale")
    return problems


def _search_index(conn: sqlite3.Connection) -> list[str]:
    """Each document is in the search index under its position, indexed from its text
    (the entry's checksum and removed marks match it)."""
    indexed = {rowid for (rowid,) in conn.execute("SELECT rowid FROM search_index")}
    entries = {
        position: (removals, checksum)
        for position, removals, checksum in conn.execute(
            "SELECT position, removals, checksum FROM search_entries"
        )
    }
    problems = []
    for position, text in conn.execute("SELECT position, text FROM documents"):
        entry = entries.pop(position, None)
        if position not in indexed or entry is None:
            problems.append(f"document {position} is missing from the search index")
        elif entry != search_entry(text)[1:]:
            problems.append(f"document {position} has a stale entry in the search index")
        indexed.discard(position)
    strays = sorted(indexed | set(entries))
    problems += [f"the search index has an entry {position} for no document" for position in strays]
    return problems


def _span_offsets(conn: sqlite3.Connection) -> list[str]:
    key = _span_document_key(conn)
    return [
        f"span {uid} ({label} {start}-{end}) is outside document {position} (length {length})"
        for uid, label, start, end, position, length in conn.execute(
            'SELECT s.uid, s.label, s.start, s."end", d.position, length(d.text)'
            f" FROM spans s JOIN documents d ON d.{key} = s.document"
            ' WHERE s.start < 0 OR s.start >= s."end" OR s."end" > length(d.text)'
        )
    ]


def _span_document_key(conn: sqlite3.Connection) -> str:
    """The column of documents that spans.document holds: its number (schema version 6 on),
    or its uid in a file of an older version, which a read-only check leaves as it is."""
    (kind,) = conn.execute(
        "SELECT type FROM pragma_table_info('spans') WHERE name = 'document'"
    ).fetchone()
    return "position" if kind == "INTEGER" else "uid"


def _relation_ends(conn: sqlite3.Connection) -> list[str]:
    return [
        f"relation {uid} ({label}) points to a missing span"
        for uid, label in conn.execute(
            "SELECT r.uid, r.label FROM relations r"
            " LEFT JOIN spans h ON h.uid = r.head LEFT JOIN spans t ON t.uid = r.tail"
            " WHERE h.uid IS NULL OR t.uid IS NULL"
        )
    ]


def _relation_labels(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for uid, label, heads, tails, head_label, tail_label, same_layer in conn.execute(
        "SELECT r.uid, r.label, rl.heads, rl.tails, h.label, t.label,"
        " h.document = t.document AND h.annotator = t.annotator"
        " FROM relations r JOIN spans h ON h.uid = r.head JOIN spans t ON t.uid = r.tail"
        " LEFT JOIN relation_labels rl ON rl.name = r.label"
    ):
        if heads is None:
            problems.append(f"relation {uid}: unknown label {label}")
            continue
        allowed_heads, allowed_tails = json.loads(heads), json.loads(tails)
        if (allowed_heads and head_label not in allowed_heads) or (
            allowed_tails and tail_label not in allowed_tails
        ):
            problems.append(f"relation {uid}: {label} cannot link {head_label} to {tail_label}")
        if not same_layer:
            problems.append(f"relation {uid}: joins spans of different documents or annotators")
    return problems


WHOLE_FILE_CHECKS: list[tuple[str, Check]] = [
    ("integrity_check", _integrity),
    ("foreign keys", _foreign_keys),
    ("document texts match their uids", _document_texts),
]
