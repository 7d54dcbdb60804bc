"""The project file stays within 3x the text it holds, for news articles with 20 spans each."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotate.corpus.importing import import_paths
from annotate.project import Project
from bench import size_bench

DOCUMENTS = 200


def test_a_project_of_annotated_articles_is_at_most_three_times_its_text(tmp_path: Path) -> None:
    size_bench.setup(tmp_path, DOCUMENTS)  # ~4,500-character articles, 20 spans each
    path = tmp_path / "p.annotate"
    with Project.create(path) as project:
        report = import_paths(project, [tmp_path / "4500-chars.jsonl"])
    assert report.documents_added == DOCUMENTS
    conn = sqlite3.connect(path)
    try:
        (text,) = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM documents").fetchone()
        assert conn.execute("SELECT count(*) FROM spans").fetchone() == (DOCUMENTS * 20,)
    finally:
        conn.close()
    assert path.stat().st_size <= 3 * text
