"""Export records, one per document and annotator: native JSONL and every format's input."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from typing import TextIO

from annotate.annotations import DOCUMENT_NUMBER
from annotate.corpus.export_comments import DocumentTalk, document_talk, has_talk
from annotate.corpus.exported import ExportRecord, ExportRelation, ExportSpan
from annotate.corpus.formats.jsonl import write_jsonl_record
from annotate.errors import AnnotateError
from annotate.model import GOLD_ANNOTATOR, STATUS_FILTERS
from annotate.project import Project


def export_jsonl(project: Project, out: TextIO, source: str = "all", status: str = "any") -> int:
    """Write the records; return how many. ``source`` is gold, all, or an annotator name."""
    written = 0
    for record in export_records(project, source, status):
        write_jsonl_record(record, out)
        written += 1
    return written


def export_records(
    project: Project,
    source: str = "all",
    status: str = "any",
    documents: Collection[str] | None = None,
) -> Iterator[ExportRecord]:
    """The records in document order, each document's annotators by name; of the
    ``documents`` named by uid, or of all. Checks ``source`` and ``status`` at once."""
    if status not in STATUS_FILTERS:
        raise AnnotateError(f"--status must be one of {', '.join(STATUS_FILTERS)}")
    return _records(project, _layer(project, source), status == "done", documents)


def _layer(project: Project, source: str) -> str | None:
    """None for every annotator, else the one annotator to export."""
    if source == "all":
        return None
    name = GOLD_ANNOTATOR if source == "gold" else source
    if source != "gold" and name not in project.annotators.names():
        known = ", ".join(project.annotators.names()) or "none yet"
        raise AnnotateError(f"no annotator {name!r} in this project (annotators: {known})")
    return name


def _records(
    project: Project, layer: str | None, only_done: bool, documents: Collection[str] | None
) -> Iterator[ExportRecord]:
    conn = project.store.conn
    done: dict[str, set[str]] = {}
    for document, annotator in conn.execute(
        "SELECT document, annotator FROM document_status WHERE status = 'done'"
    ):
        done.setdefault(document, set()).add(annotator)
    talking = has_talk(project)
    for uid, title, text, meta in _documents(conn, documents):
        spans = _spans_by_annotator(project, uid, text, layer)
        relations = _relations_by_annotator(project, uid, layer)
        talk = document_talk(project, uid) if talking else DocumentTalk()
        for annotator in _record_annotators(layer, spans, done.get(uid, set()), only_done):
            talk.on_spans(spans.get(annotator or "", []))
            yield talk.on_record(
                {
                    "id": uid,
                    "title": title,
                    "text": text,
                    "meta": json.loads(meta),
                    "annotator": annotator,
                    "spans": spans.get(annotator or "", []),
                    "relations": relations.get(annotator or "", []),
                }
            )


def _documents(
    conn: sqlite3.Connection, only: Collection[str] | None
) -> Iterator[tuple[str, str, str, str]]:
    """Each document's row, one at a time, in order; only those named, when some are: the
    text of the others is never read."""
    if only is None:
        yield from conn.execute("SELECT uid, title, text, meta FROM documents ORDER BY position")
        return
    order = conn.execute("SELECT uid FROM documents ORDER BY position").fetchall()
    for (uid,) in order:
        if uid in only:
            title, text, meta = conn.execute(
                "SELECT title, text, meta FROM documents WHERE uid = ?", (uid,)
            ).fetchone()
            yield uid, title, text, meta


def _record_annotators(
    layer: str | None, spans: dict[str, list[ExportSpan]], done_here: set[str], only_done: bool
) -> list[str | None]:
    """Whose record of this document to write; None: the document nobody annotated."""
    if not only_done:
        return [layer] if layer is not None else [*sorted(spans)] or [None]
    candidates = [layer] if layer is not None else sorted({*spans, *done_here})
    return [name for name in candidates if name in done_here]


def _spans_by_annotator(
    project: Project, document: str, text: str, layer: str | None
) -> dict[str, list[ExportSpan]]:
    query = (
        'SELECT annotator, uid, start, "end", label, attrs FROM spans'
        f" WHERE document = {DOCUMENT_NUMBER}"
        + (" AND annotator = ?" if layer is not None else "")
        + ' ORDER BY annotator, start, "end", rowid'
    )
    params = (document,) if layer is None else (document, layer)
    grouped: dict[str, list[ExportSpan]] = {}
    for annotator, uid, start, end, label, attrs in project.store.conn.execute(query, params):
        grouped.setdefault(annotator, []).append(
            {
                "id": uid,
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "attrs": {} if attrs == "{}" else json.loads(attrs),
            }
        )
    return grouped


def _relations_by_annotator(
    project: Project, document: str, layer: str | None
) -> dict[str, list[ExportRelation]]:
    query = (
        "SELECT s.annotator, r.uid, r.label, r.head, r.tail FROM relations r"
        f" JOIN spans s ON s.uid = r.head WHERE s.document = {DOCUMENT_NUMBER}"
        + (" AND s.annotator = ?" if layer is not None else "")
        + " ORDER BY s.annotator, r.uid"
    )
    params = (document,) if layer is None else (document, layer)
    grouped: dict[str, list[ExportRelation]] = {}
    for annotator, uid, label, head, tail in project.store.conn.execute(query, params):
        grouped.setdefault(annotator, []).append(
            {"id": uid, "label": label, "head": head, "tail": tail}
        )
    return grouped
