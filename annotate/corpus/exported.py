"""What an export hands to a format's writer: one record per document and annotator, in
the shape of a line of native JSONL."""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class ExportComment(TypedDict):
    id: str  # the comment's uid: an import of it again adds nothing
    author: str
    text: str
    time: str  # when it was written (ISO 8601, UTC)
    resolved_by: NotRequired[str]
    resolved_at: NotRequired[str]
    about: NotRequired[str]  # on a document: the deleted span the comment was about


class ExportFlag(TypedDict):
    flag: str  # "unsure" or "needs discussion"
    annotator: str
    time: str  # when it was set


class ExportSpan(TypedDict):
    id: str
    start: int  # code points into the record's text, half-open
    end: int
    label: str
    text: str
    attrs: dict[str, Any]
    comments: NotRequired[list[ExportComment]]  # only on a span that has some
    flags: NotRequired[list[ExportFlag]]


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
    comments: NotRequired[list[ExportComment]]  # on the document; only when it has some
    flags: NotRequired[list[ExportFlag]]
