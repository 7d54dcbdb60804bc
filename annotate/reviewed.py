"""How far review has come in each document: its items as the review window lists them,
and which of them a reviewer decided, disagreements and agreed items apart."""

from __future__ import annotations

from dataclasses import dataclass

from annotate.project import Project
from annotate.review.counts import ReviewCount, review_counts


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
    """By document uid, every document two or more analysts marked, counted as the review
    window's list counts it."""
    return {count.uid: _progress(count) for count in review_counts(project)}


def _progress(count: ReviewCount) -> ReviewProgress:
    return ReviewProgress(
        items=count.items,
        decided=count.items - count.undecided,
        undecided_disagreements=count.undecided_disagreements,
        undecided_agreed=count.undecided_agreed,
    )
