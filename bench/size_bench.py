"""Project size: a project made by importing annotated documents (their native JSONL, with
20 spans each, through the import users run), over the UTF-8 bytes of their texts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from annotate.corpus.importing import import_paths
from annotate.project import Project
from bench import corpus
from bench.scenario import OUTPUT_STEM, Action, Prepare

# A side per length of document: the standard corpus's news articles. Spans weigh more
# beside a shorter text (a 1,500-character document's text and trigram index alone come to
# 2.9x of it, so 20 spans there cannot stay within 3x).
LENGTHS = {"4500-chars": corpus.DOCUMENT_CHARS}
MOST_DOCUMENTS = 2_000  # the ratio hardly depends on how many (10,000 give the same)
SPANS_PER_DOCUMENT = 20
ANNOTATOR = "analyst"
PROJECT_NAME = f"{OUTPUT_STEM}.annotate"


def setup(data: Path, docs: int) -> None:
    """One native JSONL file per length, of min(docs, MOST_DOCUMENTS) documents."""
    count = min(docs, MOST_DOCUMENTS)
    for side, chars in LENGTHS.items():
        documents = corpus.annotated_documents(count, SPANS_PER_DOCUMENT, chars=chars)
        with _source(data, side).open("w", encoding="utf-8") as handle:
            for document in documents:
                handle.write(json.dumps(_record(document), ensure_ascii=False) + "\n")


def importing(side: str) -> Prepare:
    """`annotate import` of the side's file into a new project."""

    def prepare(data: Path, scratch: Path) -> Action:
        project = Project.create(scratch / PROJECT_NAME)

        def run() -> int:
            try:
                return import_paths(project, [_source(data, side)]).documents_added
            finally:
                project.close()  # the last connection: SQLite folds the -wal into the file

        return run

    return prepare


def weigh(data: Path, scratch: Path) -> tuple[float, float]:
    """The project file's MB and its documents' text's (UTF-8)."""
    path = scratch / PROJECT_NAME
    size = path.stat().st_size
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        (text,) = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()
    finally:
        conn.close()
    return size / 1e6, (text or 0) / 1e6


def _source(data: Path, side: str) -> Path:
    return data / f"{side}.jsonl"


def _record(document: corpus.SyntheticDocument) -> dict[str, object]:
    spans = [
        {"id": span.uid, "start": span.start, "end": span.end, "label": span.label}
        for span in document.spans
    ]
    return {"title": document.title, "text": document.text, "annotator": ANNOTATOR, "spans": spans}
