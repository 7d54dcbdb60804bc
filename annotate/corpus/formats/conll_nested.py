"""Nested CoNLL as Wojood writes it: one IOB2 tag column per level of nesting.

Each span takes the first column free over all its tokens, spans taken by start and the
longer first, so an entity inside another lies in a later column. A line has as many tag
columns as the deepest span over its token (just O outside every span).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from annotate.corpus.exported import ExportRecord
from annotate.corpus.formats.iob import (
    Adjustments,
    Placed,
    conll_kind,
    document_lines,
    placed_spans,
    read_records,
)
from annotate.corpus.records import Record
from annotate.schema import Schema
from annotate.token_bounds import fast_tokenise


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    changes = Adjustments()
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            tokens = fast_tokenise(record["text"], record["meta"])
            placed = placed_spans(record, tokens, record["spans"], changes)
            handle.writelines(document_lines(record, tokens, in_columns(placed)))
    return changes.notes()


def in_columns(spans: list[Placed]) -> list[list[Placed]]:
    columns: list[list[Placed]] = []
    last_taken: list[int] = []  # per column; spans come by start, so only the last can overlap
    order = sorted(range(len(spans)), key=lambda i: (spans[i].first, -spans[i].last, i))
    for index in order:
        span = spans[index]
        column = next((c for c, last in enumerate(last_taken) if last < span.first), None)
        if column is None:
            columns.append([])
            last_taken.append(-1)
            column = len(columns) - 1
        columns[column].append(span)
        last_taken[column] = span.last
    return columns


def read(path: Path, repair_iob: bool = False) -> Iterator[Record]:
    return read_records(path, one_column=False, repair_iob=repair_iob)


def sniff(path: Path) -> bool:
    return conll_kind(path) == "conll-nested"
