"""What an export hands to a format's writer: one record per document and annotator, in
the shape of a line of native JSONL."""

from __future__ import annotations

from typing import Any, TypedDict


class ExportSpan(TypedDict):
    id: str
    start: int  # code points into the record's text, half-open
    end: int
    label: str
    text: str
    attrs: dict[str, Any]


class ExportRelation(TypedDict):
    id: str
    label: str
    head: str  # span ids of the same record
    tail: str


class ExportRecord(TypedDict):
    id: str  # the document's uid
    title: str
    text: str
    meta: dict[str, Any]
    annotator: str | None  # None: a document nobody annotated
    spans: list[ExportSpan]
    relations: list[ExportRelation]
