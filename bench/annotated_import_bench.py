"""Import of annotated documents: one native JSONL file of records with spans and SPEAKER
relations into a fresh project, against the same rows written with executemany into plain
tables (with the same search index work as the `import` scenario's reference).

Each document has 20 spans by one annotator: 19 entities on word boundaries and a QUOTE
(with its `kind`) over the last three of them, linked by SPEAKER to the first PERSON when
the document has one. The project is written as the scenario's output file, so its size
is weighed against the UTF-8 bytes of the texts imported.

And one pre-annotated article, the reader's 500,000 characters with 19,000 spans, imported
again and again, each import timed.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotate.corpus.importing import import_paths
from annotate.corpus_scan import search_entry
from annotate.model import now
from annotate.project import Project
from bench import corpus, plain_sqlite
from bench.scenario import OUTPUT_STEM, Action, Repeat, Samples, Setup

JSONL_NAME = "annotated.jsonl"
TEXT_BYTES_NAME = "text-bytes.json"  # the UTF-8 bytes of every text, written by the setup
ANNOTATOR = "analyst"
SPANS_PER_DOCUMENT = 20
QUOTED_ENTITIES = 3  # the last entities of a document, which its QUOTE covers
ARTICLE_SPANS = 19_000
ARTICLE_IMPORTS = 3  # in each run

SpanRow = tuple[str, str, str, str, int, int, str, str, str, str]
RelationRow = tuple[str, str, str, str, str, str, str]


def setup_documents(share: float, chars: int) -> Setup:
    """A setup of ``share`` x --docs documents of about ``chars`` characters each."""

    def setup(data: Path, docs: int) -> None:
        documents = corpus.annotated_documents(
            max(1, round(docs * share)), SPANS_PER_DOCUMENT - 1, chars=chars
        )
        _write(data, (_record(document) for document in documents))

    return setup


def setup_article(data: Path, docs: int) -> None:
    """One record: the reader's long article (500,000 characters) with 19,000 spans and
    its SPEAKER relations, whatever ``docs``."""
    article = corpus.long_document(spans=ARTICLE_SPANS)
    spans = [_span(span.uid, span.label, span.start, span.end) for span in article.spans]
    relations = [
        {"id": r.uid, "label": r.label, "head": r.head, "tail": r.tail} for r in article.relations
    ]
    _write(data, iter([_jsonl(article.title, article.text, spans, relations)]))


def import_article(data: Path, scratch: Path) -> Repeat:
    """The article imported into a fresh project, ARTICLE_IMPORTS times, each timed."""
    source = data / JSONL_NAME

    def repeat() -> Samples:
        seconds: list[float] = []
        for number in range(ARTICLE_IMPORTS):
            with Project.create(scratch / f"article-{number}.annotate") as project:
                started = time.perf_counter()
                import_paths(project, [source])
                seconds.append(time.perf_counter() - started)
        return {"import": seconds}

    return repeat


def text_mb(data: Path) -> float:
    """Megabytes of UTF-8 text the scenario imports."""
    return float(json.loads((data / TEXT_BYTES_NAME).read_text())) / 1e6


def ours(data: Path, scratch: Path) -> Action:
    """What `annotate import PROJECT annotated.jsonl` does, into a fresh project."""
    project = Project.create(scratch / f"{OUTPUT_STEM}.annotate")
    source = data / JSONL_NAME

    def run() -> int:
        return import_paths(project, [source]).spans_added

    return run


def reference(data: Path, scratch: Path) -> Action:
    """The same documents, spans and relations with plain SQL in one transaction, into
    tables keyed by uid, without the project's other indexes, triggers and checks; the
    rows, uids and search entries are made before the clock starts."""
    documents, spans, relations = _rows(data / JSONL_NAME)
    entries = [(number, *search_entry(text)) for number, (_, _, text) in enumerate(documents, 1)]
    conn = plain_sqlite.connect(scratch / "reference.sqlite")
    plain_sqlite.create_document_tables(conn)
    conn.execute(
        "CREATE TABLE spans (uid TEXT PRIMARY KEY, document TEXT, annotator TEXT, label TEXT,"
        ' start INTEGER, "end" INTEGER, attrs TEXT, origin TEXT, created_at TEXT,'
        " updated_at TEXT)"
    )
    conn.execute(
        "CREATE TABLE relations (uid TEXT PRIMARY KEY, label TEXT, head TEXT, tail TEXT,"
        " origin TEXT, created_at TEXT, updated_at TEXT)"
    )

    def run() -> int:
        conn.execute("BEGIN")
        plain_sqlite.write_documents(conn, documents, entries)
        conn.executemany("INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
        conn.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?)", relations)
        conn.execute("COMMIT")
        return len(spans)

    return run


def _record(document: corpus.SyntheticDocument) -> str:
    entities = [_span(s.uid, s.label, s.start, s.end) for s in document.spans]
    quoted = document.spans[-QUOTED_ENTITIES:]
    quote = _span(f"q{quoted[0].uid}", "QUOTE", quoted[0].start, quoted[-1].end)
    quote["attrs"] = {"kind": "direct"}
    person = next((s for s in document.spans if s.label == "PERSON"), None)
    relations = []
    if person is not None:
        relation = {"id": f"r{quote['id']}", "label": "SPEAKER", "head": quote["id"]}
        relations.append({**relation, "tail": person.uid})
    return _jsonl(document.title, document.text, [*entities, quote], relations)


def _span(uid: str, label: str, start: int, end: int) -> dict[str, Any]:
    return {"id": uid, "label": label, "start": start, "end": end}


def _jsonl(title: str, text: str, spans: list[Any], relations: list[Any]) -> str:
    record = {"title": title, "text": text, "annotator": ANNOTATOR, "spans": spans}
    return json.dumps({**record, "relations": relations}, ensure_ascii=False)


def _write(data: Path, lines: Iterator[str]) -> None:
    text_bytes = 0
    with (data / JSONL_NAME).open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
            text_bytes += len(json.loads(line)["text"].encode("utf-8"))
    (data / TEXT_BYTES_NAME).write_text(json.dumps(text_bytes))


def _rows(
    path: Path,
) -> tuple[list[tuple[str, str, str]], list[SpanRow], list[RelationRow]]:
    """(uid, title, text) of each document, its spans and relations as the project's
    columns hold them."""
    documents: list[tuple[str, str, str]] = []
    spans: list[SpanRow] = []
    relations: list[RelationRow] = []
    stamp = now()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            uid = _sha256(record["text"])
            documents.append((uid, record["title"], record["text"]))
            spans += (_span_row(span, uid, stamp) for span in record["spans"])
            relations += (
                (r["id"], r["label"], r["head"], r["tail"], "imported", stamp, stamp)
                for r in record["relations"]
            )
    return documents, spans, relations


def _span_row(span: dict[str, Any], document: str, stamp: str) -> SpanRow:
    attrs = json.dumps(span.get("attrs", {}), ensure_ascii=False, sort_keys=True)
    place = (span["label"], span["start"], span["end"])
    return (span["id"], document, ANNOTATOR, *place, attrs, "imported", stamp, stamp)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
