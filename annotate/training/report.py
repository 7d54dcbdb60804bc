"""What a training says: what it trained and scored on, the scores, and its notes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotate.training.scores import Scores, score_lines


@dataclass(frozen=True)
class TrainingReport:
    labels: list[str]  # the entity recogniser's
    train_sentences: int
    held_out_sentences: int
    held_out: str  # how the held-out part was chosen
    scores: Scores | None  # of the entities; None: nothing was held out
    notes: list[str]
    nested_labels: list[str]  # the span categoriser's (none: it was not trained)
    nested_scores: Scores | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "train_sentences": self.train_sentences,
            "held_out_sentences": self.held_out_sentences,
            "held_out": self.held_out,
            "scores": None if self.scores is None else self.scores.to_json(),
            "nested_labels": self.nested_labels,
            "nested_scores": None if self.nested_scores is None else self.nested_scores.to_json(),
            "notes": self.notes,
        }

    def lines(self) -> list[str]:
        trained = f"trained on {self.train_sentences} sentence(s)"
        if self.scores is None:
            return [f"{trained}; none held out, so no scores (--eval-split 0)"]
        lines = [
            f"{trained}, scored on {self.held_out_sentences} held out ({self.held_out})",
            *score_lines(self.scores),
        ]
        if self.nested_scores is not None:
            lines.append("nested spans (the span categoriser):")
            lines.extend(score_lines(self.nested_scores))
        return lines
