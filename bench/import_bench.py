"""Import: documents from one native JSONL file into a fresh project."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from annotate.corpus.importing import import_paths
from annotate.corpus_scan import search_entry
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
    """The same rows, and the same search entries into the same kind of tables (a
    contentless trigram FTS5 index, and the removed marks beside it), with plain SQL in one
    transaction; the entries are made before the clock starts."""
    rows = _read_rows(data / JSONL_NAME)
    entries = [(number, *search_entry(text)) for number, (_, text) in enumerate(rows, 1)]
    conn = plain_sqlite.connect(scratch / "reference.sqlite")
    plain_sqlite.create_document_tables(conn)

    def run() -> int:
        conn.execute("BEGIN")
        documents = [(_sha256(text), title, text) for title, text in rows]
        plain_sqlite.write_documents(conn, documents, entries)
        conn.execute("COMMIT")
        return len(rows)

    return run


def _read_rows(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle)
        return [(record["title"], record["text"]) for record in records]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
