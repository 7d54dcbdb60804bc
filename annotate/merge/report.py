"""What a merge found: the rows it compares, the conflicts it settled, and its counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Side = Literal["ours", "theirs"]

SPAN_ROW = 'uid, document, annotator, label, start, "end", attrs, origin, created_at, updated_at'
# The same read from a project, with the document's uid: a span names its document by its
# number in that project, and two projects number their documents differently.
SPANS_WITH_DOCUMENT_UIDS = (
    's.uid, d.uid, s.annotator, s.label, s.start, s."end", s.attrs, s.origin, s.created_at,'
    " s.updated_at FROM spans s JOIN documents d ON d.position = s.document"
)
RELATION_ROW = "uid, label, head, tail, attrs, origin, created_at, updated_at"


class SpanRow(NamedTuple):
    uid: str
    document: str
    annotator: str
    label: str
    start: int
    end: int
    attrs: str
    origin: str
    created_at: str
    updated_at: str

    @property
    def layer(self) -> tuple[str, str]:
        return (self.document, self.annotator)

    @property
    def key(self) -> tuple[str, str, str, int, int]:
        """What the schema keeps unique: one annotator's label at these offsets."""
        return (self.document, self.annotator, self.label, self.start, self.end)

    def shown(self) -> str:
        attrs = "" if self.attrs == "{}" else f" {self.attrs}"
        return f"{self.label} {self.start}-{self.end}{attrs}"


class RelationRow(NamedTuple):
    uid: str
    label: str
    head: str
    tail: str
    attrs: str
    origin: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Conflict:
    """A span the project and a merged file both changed, each in its own way."""

    file: str
    span: str
    document: str
    title: str
    annotator: str
    differs: tuple[str, ...]  # "label", "offsets", "attrs"
    ours: str
    theirs: str
    ours_updated_at: str
    theirs_updated_at: str
    kept: Side
    why: str

    def describe(self, shown: Callable[[str], str] = str) -> str:
        return (
            f"{self.file}: span {self.span} of {self.annotator} in «{shown(self.title)}»: "
            f"{', '.join(self.differs)} differ: ours {self.ours} ({self.ours_updated_at}), "
            f"theirs {self.theirs} ({self.theirs_updated_at}); kept {self.kept}: {self.why}"
        )


@dataclass
class MergeReport:
    files: list[str] = field(default_factory=list)
    documents_added: int = 0
    documents_present: int = 0
    spans_added: int = 0
    spans_updated: int = 0  # their newer version replaced ours
    spans_kept: int = 0  # ours differs and stays: newer, as new, or theirs would not fit
    spans_identical: int = 0
    spans_duplicate: int = 0  # another uid for a span the project already holds
    relations_added: int = 0
    relations_updated: int = 0
    relations_kept: int = 0
    relations_identical: int = 0
    relations_duplicate: int = 0
    relations_left_out: int = 0  # the project's schema or spans do not allow them
    labels_added: list[str] = field(default_factory=list)
    annotators_added: list[str] = field(default_factory=list)
    statuses_updated: int = 0
    assignments_updated: int = 0  # assignments and withdrawals newer than the project's
    comments_merged: int = 0  # comments new here, or resolved or reopened later there
    flags_updated: int = 0  # flags set or cleared later than the project's
    suggestions_added: int = 0  # suggestions at a place the project had none
    suggestion_decisions_updated: int = 0  # an analyst's decision new here, or made later there
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        lines = [
            f"documents: {self.documents_added} added, {self.documents_present} already present",
            f"spans: {self.spans_added} added, {self.spans_updated} updated, "
            f"{self.spans_kept} kept as they were, {self.spans_identical} identical, "
            f"{self.spans_duplicate} already present under another uid",
            f"relations: {self.relations_added} added, {self.relations_updated} updated, "
            f"{self.relations_kept} kept as they were, {self.relations_identical} identical, "
            f"{self.relations_duplicate} already present under another uid, "
            f"{self.relations_left_out} left out",
            f"statuses: {self.statuses_updated} updated",
            f"assignments: {self.assignments_updated} updated",
            f"comments: {self.comments_merged} added or updated",
            f"flags: {self.flags_updated} updated",
            f"suggestions: {self.suggestions_added} added, "
            f"{self.suggestion_decisions_updated} decisions added or updated",
        ]
        if self.labels_added:
            lines.append(f"labels added to the schema: {', '.join(self.labels_added)}")
        if self.annotators_added:
            lines.append(f"annotators added: {', '.join(self.annotators_added)}")
        return lines

    def detail_lines(self, shown: Callable[[str], str] = str) -> list[str]:
        """A line per note and per conflict (``shown`` prepares a document title)."""
        return [f"note: {note}" for note in self.notes] + [
            f"conflict: {conflict.describe(shown)}" for conflict in self.conflicts
        ]
