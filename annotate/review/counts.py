"""How much is left to review in each document: its items, disagreements and decisions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass

from annotate.project import Project
from annotate.review.disagreements import Item, document_versions, key_of, state_of

Progress = Callable[[int, int], None]  # documents counted, of all
PROGRESS_EVERY = 50  # documents


@dataclass(frozen=True)
class ReviewCount:
    uid: str
    title: str
    disagreements: int
    undecided: int  # items of any state without a decision
    items: int


def review_counts(project: Project, progress: Progress | None = None) -> list[ReviewCount]:
    """Every document that two or more annotators marked, in the project's order."""
    documents = project.store.conn.execute(
        "SELECT uid, title FROM documents ORDER BY position"
    ).fetchall()
    decided = _decided_items(project)
    counts = []
    for done, (uid, title) in enumerate(documents, 1):
        count = _count(project, uid, title, decided[uid])
        if count is not None:
            counts.append(count)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(documents)):
            progress(done, len(documents))
    return counts


def _count(project: Project, uid: str, title: str, decided: set[str]) -> ReviewCount | None:
    items = document_versions(project, uid)
    if not items:
        return None
    disagreements = sum(state_of(versions) != "agreed" for versions in items)
    undecided = (
        sum(key_of(versions) not in decided for versions in items) if decided else len(items)
    )
    return ReviewCount(uid, title, disagreements, undecided, len(items))


def count_items(uid: str, title: str, items: list[Item], decided: Collection[str]) -> ReviewCount:
    return ReviewCount(
        uid,
        title,
        sum(item.disagreement for item in items),
        sum(item.key not in decided for item in items),
        len(items),
    )


def _decided_items(project: Project) -> defaultdict[str, set[str]]:
    decided: defaultdict[str, set[str]] = defaultdict(set)
    for document, item in project.store.conn.execute("SELECT document, item FROM decisions"):
        decided[document].add(item)
    return decided
