"""Export: every document with its spans, from one project, as JSONL and as CoNLL against
plain SQL; and in every format, for the peak memory of each."""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotate.corpus.export_files import export_corpus
from annotate.corpus.formats import EXPORT_FORMATS
from annotate.model import now
from annotate.project import Project
from annotate.token_bounds import fast_tokenise
from annotate.tokens import Token
from bench import corpus, plain_sqlite
from bench.scenario import Action, Prepare

PROJECT_NAME = "project.sqlite"
ANNOTATOR = "analyst"
SPANS_PER_DOCUMENT = 50
# The corpus every format exports, for its peak memory: long enough to show any growth with
# the corpus, short enough for the slowest format (spaCy, 25 s) to run in every make bench.
FORMATS_DOCUMENT_CHARS = 1_500
FORMATS_SPANS_PER_DOCUMENT = 20
SPLIT = "train=0.8,dev=0.1,test=0.1"
SPLIT_SIDE = "jsonl --split"  # the split export, which passes over the project once a split
FORMAT_SIDES = (*EXPORT_FORMATS, SPLIT_SIDE)

DOCUMENTS_IN_ORDER = "SELECT uid, title, text FROM documents ORDER BY position"
# CROSS JOIN keeps documents as the outer loop, so the spans stream in document order
# through the spans_by_document index instead of being sorted all at once.
SPANS_IN_DOCUMENT_ORDER = (
    'SELECT d.uid, s.uid, s.start, s."end", s.label FROM documents d'
    " CROSS JOIN spans s ON s.document = d.position"
    ' ORDER BY d.position, s.annotator, s.start, s."end", s.label, s.uid'
)

SpanRow = tuple[str, str, int, int, str]


def setup(data: Path, docs: int) -> None:
    """A project of ``docs`` documents, each with spans by one annotator, in one transaction."""
    _create(data, corpus.annotated_documents(docs, SPANS_PER_DOCUMENT))


def setup_formats(data: Path, docs: int) -> None:
    """The same, of shorter documents with fewer spans (FORMATS_DOCUMENT_CHARS and
    FORMATS_SPANS_PER_DOCUMENT)."""
    documents = corpus.annotated_documents(
        docs, FORMATS_SPANS_PER_DOCUMENT, chars=FORMATS_DOCUMENT_CHARS
    )
    _create(data, documents)


def _create(data: Path, documents: Iterable[corpus.SyntheticDocument]) -> None:
    project = Project.create(data / PROJECT_NAME)
    try:
        with project.transaction():
            project.annotators.ensure(ANNOTATOR)
            _insert_documents(project.store.conn, documents)
    finally:
        project.close()


def ours(data: Path, scratch: Path) -> Action:
    return _export(data, scratch / "ours.jsonl", "jsonl")


def ours_conll(data: Path, scratch: Path) -> Action:
    return _export(data, scratch / "ours.conll", "conll")


def in_format(side: str) -> Prepare:
    """`annotate export` in the format named by ``side`` (a folder for brat and spaCy), or
    of SPLIT_SIDE: `annotate export --format jsonl --split` with SPLIT."""

    def prepare(data: Path, scratch: Path) -> Action:
        if side == SPLIT_SIDE:
            return _export(data, scratch / "export", "jsonl", SPLIT)
        return _export(data, scratch / f"export{EXPORT_FORMATS[side].suffix}", side)

    return prepare


def _export(data: Path, output: Path, fmt: str, split: str | None = None) -> Action:
    """What `annotate export PROJECT OUT --format FMT [--split SPLIT]` does."""
    project = Project.open(data / PROJECT_NAME)

    def run() -> int:
        return export_corpus(project, output, fmt, source="all", split=split).records

    return run


def reference_conll(data: Path, scratch: Path) -> Action:
    """Tokens with one IOB2 tag each, a blank line at each line break of the text."""
    return _reference(data, scratch / "reference.conll", _conll_lines)


def _conll_lines(record: dict[str, Any]) -> Iterator[str]:
    text, spans = record["text"], record["spans"]
    tokens = fast_tokenise(text)
    tags = _iob_tags(tokens, spans)
    yield "-DOCSTART- O\n\n"
    for index, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
        yield f"{text[token.start : token.end]} {tag}\n"
        following = tokens[index + 1].start if index + 1 < len(tokens) else len(text)
        if "\n" in text[token.end : following] or index + 1 == len(tokens):
            yield "\n"


def _iob_tags(tokens: list[Token], spans: list[dict[str, Any]]) -> list[str]:
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    tags = ["O"] * len(tokens)
    for span in spans:
        first = bisect_right(ends, span["start"])
        last = bisect_left(starts, span["end"]) - 1
        if first <= last and all(tag == "O" for tag in tags[first : last + 1]):
            tags[first] = f"B-{span['label']}"
            tags[first + 1 : last + 1] = [f"I-{span['label']}"] * (last - first)
    return tags


def reference(data: Path, scratch: Path) -> Action:
    return _reference(data, scratch / "reference.jsonl", _json_lines)


def _json_lines(record: dict[str, Any]) -> Iterable[str]:
    return json.dumps(record, ensure_ascii=False), "\n"


def _reference(
    data: Path, output: Path, lines_of: Callable[[dict[str, Any]], Iterable[str]]
) -> Action:
    """Every document with its spans read by plain SQL, written as lines_of makes them."""
    conn = plain_sqlite.connect(data / PROJECT_NAME)

    def run() -> int:
        written = 0
        with output.open("w", encoding="utf-8") as handle:
            for record in _reference_records(conn):
                handle.writelines(lines_of(record))
                written += 1
        return written

    return run


def _insert_documents(
    conn: sqlite3.Connection, documents: Iterable[corpus.SyntheticDocument]
) -> None:
    stamp = now()
    for position, document in enumerate(documents, 1):
        plain_sqlite.insert_document(conn, position, document, stamp)
        conn.executemany(
            'INSERT INTO spans (uid, document, annotator, label, start, "end", attrs, origin,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', 'imported', ?, ?)",
            (
                (span.uid, position, ANNOTATOR, span.label, span.start, span.end, stamp, stamp)
                for span in document.spans
            ),
        )


def _reference_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Documents in order, each with its spans, merged from two ordered queries."""
    spans = groupby(conn.execute(SPANS_IN_DOCUMENT_ORDER), key=itemgetter(0))
    pending = next(spans, None)
    for uid, title, text in conn.execute(DOCUMENTS_IN_ORDER):
        rows: list[SpanRow] = []
        if pending is not None and pending[0] == uid:
            rows = list(pending[1])
            pending = next(spans, None)
        yield {"id": uid, "title": title, "text": text, "spans": _span_dicts(rows, text)}


def _span_dicts(rows: list[SpanRow], text: str) -> list[dict[str, Any]]:
    return [
        {"id": uid, "start": start, "end": end, "label": label, "text": text[start:end]}
        for _, uid, start, end, label in rows
    ]
