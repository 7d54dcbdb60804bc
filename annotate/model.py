"""Records the core hands out: documents, spans, relations, and what an operation changed."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple

Origin = Literal["manual", "imported", "propagated", "adjudicated", "suggested"]
Status = Literal["new", "in_progress", "done"]
ORIGINS: tuple[Origin, ...] = ("manual", "imported", "propagated", "adjudicated", "suggested")
STATUSES: tuple[Status, ...] = ("new", "in_progress", "done")
STATUS_FILTERS = ("any", "done")  # what export and agreement take: every document, or done
GOLD_ANNOTATOR = "gold"
Flag = Literal["unsure", "needs discussion"]
FLAGS: tuple[Flag, ...] = ("unsure", "needs discussion")  # the migration's CHECK lists them


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Document:
    uid: str
    position: int
    title: str
    text: str
    meta: dict[str, Any]


@dataclass(frozen=True)
class DocumentSummary:
    uid: str
    position: int
    title: str
    char_count: int
    span_count: int
    statuses: dict[str, Status]


class Span(NamedTuple):  # a tuple: reading a project's spans builds hundreds of thousands
    uid: str
    document: str
    annotator: str
    label: str
    start: int
    end: int
    attrs: dict[str, Any]
    origin: Origin


@dataclass(frozen=True)
class Relation:
    uid: str
    label: str
    head: str
    tail: str
    origin: Origin = "manual"


@dataclass(frozen=True)
class Changes:
    """What one operation changed, so that views refresh only that."""

    documents_added: tuple[str, ...] = ()
    labels_added: tuple[str, ...] = ()
    annotators_added: tuple[str, ...] = ()
    spans_added: tuple[str, ...] = ()
    spans_removed: tuple[str, ...] = ()
    spans_changed: tuple[str, ...] = ()  # label, offsets or attributes
    relations_added: tuple[str, ...] = ()
    relations_removed: tuple[str, ...] = ()
    statuses_changed: tuple[tuple[str, str], ...] = field(default=())
    assignments_changed: tuple[tuple[str, str], ...] = ()  # (document, annotator)
    comments_changed: tuple[str, ...] = ()  # documents whose comments or flags changed
    suggestions_changed: tuple[str, ...] = ()  # documents whose suggestions changed

    def __add__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
