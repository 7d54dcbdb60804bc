"""The "all" of all or nothing: after an import or a merge, every document, span and
relation of its source is in the project exactly once, as the source has it; what the
project held before is as it was; and nothing else was added.

Spans and relations are compared by what they are (document, annotator, label, offsets,
attributes; a relation by its label and its two spans), not by uid: an import gives
spans uids of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from annotate.corpus.importing import read_records

SpanKey = tuple[str, str, str, int, int, str]  # document, annotator, label, start, end, attrs
RelationKey = tuple[str, SpanKey, SpanKey]  # label, head, tail
Row = tuple[object, ...]
T = TypeVar("T")
KEPT_TABLES = ("documents", "spans", "relations")  # rows that must survive unchanged


@dataclass(frozen=True)
class Content:
    documents: dict[str, str]  # uid -> text
    spans: Counter[SpanKey]
    relations: Counter[RelationKey]


def _attrs(attrs: object) -> str:
    """Attributes as one canonical string, whatever their order."""
    value = json.loads(attrs) if isinstance(attrs, str) else attrs
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def project_content(path: Path) -> Content:
    with closing(sqlite3.connect(path)) as conn:
        documents = {
            str(uid): str(text) for uid, text in conn.execute("SELECT uid, text FROM documents")
        }
        spans = {
            str(uid): (document, annotator, label, start, end, _attrs(attrs))
            for uid, document, annotator, label, start, end, attrs in conn.execute(
                'SELECT s.uid, d.uid, s.annotator, s.label, s.start, s."end", s.attrs'
                " FROM spans s JOIN documents d ON d.position = s.document"
            )
        }
        relations = Counter(
            (str(label), spans[head], spans[tail])
            for label, head, tail in conn.execute("SELECT label, head, tail FROM relations")
        )
    return Content(documents, Counter(spans.values()), relations)


def import_content(path: Path) -> Content:
    """What importing a file brings, read the way the import reads it."""
    documents: dict[str, str] = {}
    spans: Counter[SpanKey] = Counter()
    relations: Counter[RelationKey] = Counter()
    for record in read_records(path):
        documents[record.uid] = record.text
        by_id: dict[str, SpanKey] = {}
        for span in record.spans:
            key = (record.uid, str(record.annotator), span.label, span.start, span.end)
            by_id[span.id or f"#{span.index}"] = (*key, _attrs(span.attrs))
        spans.update(_once(by_id.values()))  # a span given twice is imported once
        relations.update(_once((r.label, by_id[r.head], by_id[r.tail]) for r in record.relations))
    return Content(documents, spans, relations)


def _once(items: Iterable[T]) -> list[T]:
    """Each item once, in the order first given."""
    return list(dict.fromkeys(items))


def kept_rows(path: Path) -> set[tuple[str, Row]]:
    """Every row of the project's documents, spans and relations, whole."""
    with closing(sqlite3.connect(path)) as conn:
        return {
            (table, tuple(row))
            for table in KEPT_TABLES
            for row in conn.execute(f"SELECT * FROM {table}")
        }


@dataclass(frozen=True)
class Before:
    """The project before the import or merge began."""

    content: Content
    rows: set[tuple[str, Row]]

    @classmethod
    def of(cls, path: Path) -> Before:
        return cls(project_content(path), kept_rows(path))


def all_there(path: Path, before: Before, source: Content) -> list[str]:
    """What the project at ``path`` lacks of ``source``, holds twice, holds that neither
    brought, or no longer holds as it did ``before``."""
    after = project_content(path)
    texts = {**source.documents, **after.documents}
    problems = _documents(after, before.content, source)
    problems += _counted(
        "span", after.spans, before.content.spans, source.spans, lambda key: shown_span(key, texts)
    )
    problems += _counted(
        "relation",
        after.relations,
        before.content.relations,
        source.relations,
        lambda key: shown_relation(key, texts),
    )
    changed = sorted(before.rows - kept_rows(path), key=str)
    problems += [
        f"{table} row {row[0]} was there before and is changed or gone" for table, row in changed
    ]
    return problems


def _documents(after: Content, before: Content, source: Content) -> list[str]:
    problems = []
    for uid, text in source.documents.items():
        if uid not in after.documents:
            problems.append(f"document {uid[:12]} of the source is missing")
        elif after.documents[uid] != text:
            problems.append(f"document {uid[:12]} holds another text than the source's")
    problems += [
        f"document {uid[:12]} was added, but the source does not have it"
        for uid in sorted(
            after.documents.keys() - source.documents.keys() - before.documents.keys()
        )
    ]
    return problems


def _counted(
    kind: str, found: Counter[T], before: Counter[T], source: Counter[T], show: Callable[[T], str]
) -> list[str]:
    problems = []
    for key in source:
        if found[key] == 0:
            problems.append(f"{kind} {show(key)} of the source is missing")
        elif found[key] > 1:
            problems.append(f"{kind} {show(key)} of the source is there {found[key]} times")
    problems += [
        f"{kind} {show(key)} was added, but the source does not have it"
        for key in found
        if key not in source and key not in before
    ]
    return problems


def shown_span(key: SpanKey, texts: dict[str, str]) -> str:
    """A span as its label, attributes, offsets, text, annotator and document."""
    document, annotator, label, start, end, attrs = key
    extra = f" {attrs}" if attrs != "{}" else ""
    text = texts.get(document, "")[start:end]
    return f"{label}{extra} {start}-{end} ({text!r}) of {annotator} in document {document[:12]}"


def shown_relation(key: RelationKey, texts: dict[str, str]) -> str:
    label, head, tail = key
    return f"{label} from {shown_span(head, texts)} to {shown_span(tail, texts)}"


def added_counts(before: Content, source: Content) -> dict[str, int]:
    """What an import or merge of ``source`` adds to a project holding ``before``."""
    return {
        "documents": len(source.documents.keys() - before.documents.keys()),
        "spans": len(source.spans.keys() - before.spans.keys()),
        "relations": len(source.relations.keys() - before.relations.keys()),
    }
