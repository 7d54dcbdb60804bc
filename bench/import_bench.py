"""Import: documents from one native JSONL file into a fresh project."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from annotate.importing import import_paths
from annotate.mentions import normalised_text
from annotate.project import Project
from bench import corpus, plain_sqlite
from bench.scenario import Action

JSONL_NAME = "documents.jsonl"


def setup(data: Path, docs: int) -> None:
    """Write the documents once, one {"title", "text"} object per line."""
    with (data / JSONL_NAME).open("w", encoding="utf-8") as handle:
        for document in corpus.documents(docs):
            record = {"title": document.title, "text": document.text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def ours(data: Path, scratch: Path) -> Action:
    project = Project.create(scratch / "project.sqlite")
    source = data / JSONL_NAME

    def run() -> int:
        return import_paths(project, [source]).documents_added

    return run


def reference(data: Path, scratch: Path) -> Action:
    """The same rows, and the same normalised text into the same kind of FTS5 table, with
    plain SQL in one transaction; the text is normalised before the clock starts."""
    rows = _read_rows(data / JSONL_NAME)
    normalised = [normalised_text(text) for _, text in rows]
    conn = plain_sqlite.connect(scratch / "reference.sqlite")
    conn.execute("CREATE TABLE documents (uid TEXT PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'trigram')")

    def run() -> int:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO documents (uid, title, text) VALUES (?, ?, ?)",
            ((_sha256(text), title, text) for title, text in rows),
        )
        conn.executemany(
            "INSERT INTO search_index (rowid, body) VALUES (?, ?)", enumerate(normalised, 1)
        )
        conn.execute("COMMIT")
        return len(rows)

    return run


def _read_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle)
        return [(record["title"], record["text"]) for record in records]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
