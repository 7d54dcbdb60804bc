"""Precision, recall and F1 of predicted spans against the annotators', per label: a
prediction counts when its label and both bounds are the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

OVERALL = "all labels"

Key = tuple[Hashable, ...]  # where a span is (sentence, first token, end token) and its label


class LabelScore(NamedTuple):
    gold: int  # spans the annotators marked
    predicted: int  # spans the model found
    matched: int  # found exactly

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        total = self.gold + self.predicted
        return 2 * self.matched / total if total else None

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(frozen=True)
class Scores:
    labels: dict[str, LabelScore]  # by label name, sorted
    overall: LabelScore  # every label together (micro-averaged)

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": {label: score.to_json() for label, score in self.labels.items()},
            "overall": self.overall.to_json(),
        }


def score_spans(gold: Iterable[Key], predicted: Iterable[Key]) -> Scores:
    """Each key ends with its label."""
    gold_set, predicted_set = set(gold), set(predicted)
    matched = Counter(key[-1] for key in gold_set & predicted_set)
    golds = Counter(key[-1] for key in gold_set)
    found = Counter(key[-1] for key in predicted_set)
    labels = {
        str(label): LabelScore(golds[label], found[label], matched[label])
        for label in sorted({*golds, *found}, key=str)
    }
    overall = LabelScore(golds.total(), found.total(), matched.total())
    return Scores(labels, overall)


def score_lines(scores: Scores) -> list[str]:
    """A table: each label's precision, recall and F1, and then all labels together."""
    rows = [(label, score) for label, score in scores.labels.items()]
    rows.append((OVERALL, scores.overall))
    width = max(len(label) for label, _ in rows)
    header = f"{'label':<{width}}  precision  recall     F1   gold  found"
    lines = [header]
    for label, score in rows:
        figures = "  ".join(
            f"{shown_figure(value):>{size}}"
            for value, size in ((score.precision, 9), (score.recall, 6), (score.f1, 6))
        )
        lines.append(f"{label:<{width}}  {figures}  {score.gold:>5}  {score.predicted:>5}")
    return lines


def shown_figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
