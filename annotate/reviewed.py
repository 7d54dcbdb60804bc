"""How far review has come in each document: its items as the review window lists them,
and which of them a reviewer decided, disagreements and agreed items apart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from annotate.project import Project
from annotate.review.codes import (
    Head,
    Rows,
    Unnamed,
    links_by_document,
    read_names,
    spans_by_document,
)
from annotate.review.disagreements import Links, document_versions, key_of, state_of
from annotate.review.tally import Counter


@dataclass(frozen=True)
class ReviewProgress:
    items: int
    decided: int  # items with a decision (a decision on an item changed since finds none)
    undecided_disagreements: int
    undecided_agreed: int  # agreed items not yet accepted into gold

    @property
    def reviewed(self) -> bool:
        """A reviewer decided every item."""
        return self.items > 0 and self.decided == self.items

    def to_json(self) -> dict[str, int | bool]:
        return {
            "items": self.items,
            "decided": self.decided,
            "undecided_disagreements": self.undecided_disagreements,
            "undecided_agreed": self.undecided_agreed,
            "reviewed": self.reviewed,
        }


def review_progress(project: Project) -> dict[str, ReviewProgress]:
    """By document uid, every document two or more analysts marked. Items are only counted
    in a document without decisions (as the review list counts them); their keys are
    worked out only where there are decisions to find."""
    decided: defaultdict[str, set[str]] = defaultdict(set)
    for document, item in project.store.conn.execute("SELECT document, item FROM decisions"):
        decided[document].add(item)
    uids = dict(project.store.conn.execute("SELECT rowid, uid FROM documents"))
    names = read_names(project)
    links = links_by_document(project, names)
    counter = Counter(names)
    found = {}
    for rowid, rows in spans_by_document(project, names):
        uid = str(uids[rowid])
        try:
            progress = _counted(counter, rows, links.get(rowid, {}), decided.get(uid))
        except Unnamed:  # a span the tables do not name: read its document as records
            progress = _from_records(project, uid, decided.get(uid, set()))
        if progress is not None:
            found[uid] = progress
    return found


def _counted(
    counter: Counter, rows: Rows, links: dict[Head, Links], decided: set[str] | None
) -> ReviewProgress | None:
    if decided is None:
        tally = counter.count(rows, links, set())
        if tally is None:
            return None
        agreed = tally.items - tally.disagreements
        return ReviewProgress(tally.items, 0, tally.disagreements, agreed)
    items = counter.items(rows, links)
    if items is None:
        return None
    return _progress([(found.disagreement, found.key) for found in items.found], decided)


def _from_records(project: Project, uid: str, decided: set[str]) -> ReviewProgress | None:
    versions = document_versions(project, uid)
    if not versions:
        return None
    return _progress([(state_of(v) != "agreed", key_of(v)) for v in versions], decided)


def _progress(listed: list[tuple[bool, str]], decided: set[str]) -> ReviewProgress:
    """From (a disagreement, the key) of each item."""
    undecided = [disagrees for disagrees, key in listed if key not in decided]
    disagreements = sum(undecided)
    return ReviewProgress(
        len(listed), len(listed) - len(undecided), disagreements, len(undecided) - disagreements
    )
