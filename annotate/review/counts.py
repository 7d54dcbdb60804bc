"""How much is left to review in each document: its items, disagreements and decisions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from annotate.project import Project
from annotate.review.codes import Unnamed, links_by_document, read_names, spans_by_document
from annotate.review.disagreements import document_versions, key_of, state_of
from annotate.review.tally import Counter, Tally

Progress = Callable[[int, int], None]  # documents counted, of all
PROGRESS_EVERY = 50  # documents


@dataclass(frozen=True)
class ReviewCount:
    uid: str
    title: str
    disagreements: int
    undecided: int  # items of any state without a decision
    items: int
    undecided_disagreements: int  # the disagreements among the undecided items

    @property
    def undecided_agreed(self) -> int:
        """Items all annotators agree on that are not accepted into gold yet."""
        return self.undecided - self.undecided_disagreements


def review_counts(project: Project, progress: Progress | None = None) -> list[ReviewCount]:
    """Every document that two or more annotators marked, in the project's order."""
    documents = {
        rowid: (ordinal, uid, title)
        for ordinal, (rowid, uid, title) in enumerate(
            project.store.conn.execute("SELECT rowid, uid, title FROM documents ORDER BY position"),
            1,
        )
    }
    decided = _decided_items(project)
    names = read_names(project)
    links = links_by_document(project, names)
    counter = Counter(names)
    counts = []
    reported = 0
    for rowid, rows in spans_by_document(project, names):
        if rowid not in documents:  # added since the list was read: the next count has it
            continue
        ordinal, uid, title = documents[rowid]
        try:
            tally = counter.count(rows, links.get(rowid, {}), decided[uid])
        except Unnamed:
            tally = _tally(project, uid, decided[uid])
        if tally is not None:
            counts.append(
                ReviewCount(
                    uid,
                    title,
                    tally.disagreements,
                    tally.undecided,
                    tally.items,
                    tally.undecided_disagreements,
                )
            )
        if progress is not None and ordinal // PROGRESS_EVERY > reported // PROGRESS_EVERY:
            progress(ordinal, len(documents))
            reported = ordinal
    if progress is not None and documents and reported < len(documents):
        progress(len(documents), len(documents))
    return counts


def _tally(project: Project, uid: str, decided: set[str]) -> Tally | None:
    """A document's items read as records."""
    items = document_versions(project, uid)
    if not items:
        return None
    disagrees = [state_of(versions) != "agreed" for versions in items]
    left = [key_of(versions) not in decided for versions in items]
    both = sum(d and u for d, u in zip(disagrees, left, strict=True))
    return Tally(len(items), sum(disagrees), sum(left), both)


def _decided_items(project: Project) -> defaultdict[str, set[str]]:
    decided: defaultdict[str, set[str]] = defaultdict(set)
    for document, item in project.store.conn.execute("SELECT document, item FROM decisions"):
        decided[document].add(item)
    return decided
