"""Comments and flags in an export: fields of the span and document records of native
JSONL, and a side file ``comments.jsonl`` for the formats that have no place for them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.comments import Comment
from annotate.corpus.exported import ExportComment, ExportFlag, ExportRecord, ExportSpan
from annotate.project import Project

SIDE_FILE = "comments.jsonl"


@dataclass
class DocumentTalk:
    """One document's comments and flags, read with one query each."""

    comments: list[ExportComment] = field(default_factory=list)  # on the document
    flags: list[ExportFlag] = field(default_factory=list)
    span_comments: dict[str, list[ExportComment]] = field(default_factory=dict)
    span_flags: dict[str, list[ExportFlag]] = field(default_factory=dict)

    def on_spans(self, spans: Iterable[ExportSpan]) -> None:
        """Put each span's comments and flags in its record (only on those that have some)."""
        if not self.span_comments and not self.span_flags:
            return
        for span in spans:
            if span["id"] in self.span_comments:
                span["comments"] = self.span_comments[span["id"]]
            if span["id"] in self.span_flags:
                span["flags"] = self.span_flags[span["id"]]

    def on_record(self, record: ExportRecord) -> ExportRecord:
        if self.comments:
            record["comments"] = self.comments
        if self.flags:
            record["flags"] = self.flags
        return record


def has_talk(project: Project) -> bool:
    """Whether the project holds any comment or flag: an export of one that holds none reads
    nothing more per document."""
    query = "SELECT EXISTS (SELECT 1 FROM comments) OR EXISTS (SELECT 1 FROM flags)"
    return bool(project.store.conn.execute(query).fetchone()[0])


def document_talk(project: Project, document: str) -> DocumentTalk:
    talk = DocumentTalk()
    for comment in project.comments.for_document(document):
        exported = exported_comment(comment)
        if comment.on_span:
            talk.span_comments.setdefault(comment.span, []).append(exported)
        else:
            talk.comments.append(exported)
    for mark in project.comments.flags_for_document(document):
        flag: ExportFlag = {"flag": mark.flag, "annotator": mark.annotator, "time": mark.changed_at}
        if mark.span:
            talk.span_flags.setdefault(mark.span, []).append(flag)
        else:
            talk.flags.append(flag)
    return talk


def exported_comment(comment: Comment) -> ExportComment:
    exported: ExportComment = {
        "id": comment.uid,
        "author": comment.author,
        "text": comment.body,
        "time": comment.created_at,
    }
    if comment.resolved:
        exported["resolved_by"] = comment.resolved_by
        exported["resolved_at"] = comment.resolved_at
    if comment.span_gone:
        exported["about"] = comment.span_gone  # the deleted span it was about
    return exported


class SideFile:
    """The comments and flags of the records a format writer takes, a line each, written as
    the records go by (a document's own ones once, however many records it has)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = 0
        self._handle: Any = None
        self._last_document: str | None = None

    def passing(self, records: Iterable[ExportRecord]) -> Iterator[ExportRecord]:
        for record in records:
            self._note(record)
            yield record

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()

    def _note(self, record: ExportRecord) -> None:
        where = {"document": record["id"], "title": record["title"]}
        if record["id"] != self._last_document:
            self._last_document = record["id"]
            for comment in record.get("comments", []):
                self._write({**where, "span": None, "comment": comment})
            for flag in record.get("flags", []):
                self._write({**where, "span": None, "flag": flag})
        for span in record["spans"]:
            about = {
                "id": span["id"],
                "label": span["label"],
                "start": span["start"],
                "end": span["end"],
                "text": span["text"],
                "annotator": record["annotator"],
            }
            for comment in span.get("comments", []):
                self._write({**where, "span": about, "comment": comment})
            for flag in span.get("flags", []):
                self._write({**where, "span": about, "flag": flag})

    def _write(self, line: dict[str, Any]) -> None:
        if self._handle is None:
            self._handle = self.path.open("w", encoding="utf-8", newline="\n")
        self._handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.lines += 1
