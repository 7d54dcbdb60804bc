"""The learning curve: F1 on the held-out part of models trained on 25, 50, 75 and 100% of
the training sentences, so that a team lead sees whether more annotation still pays.

Each share is drawn from one shuffle of the sentences (with the seed), so a larger share
holds every sentence of the smaller ones; the sentences keep their order, so the model at
100% is the one `annotate train` makes with the same options.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from annotate.errors import InputError
from annotate.project import Project
from annotate.training.data import training_data
from annotate.training.options import TrainingOptions
from annotate.training.scores import Scores, shown_figure
from annotate.training.trainer import Progress, batches, evaluate, fit

SHARES = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class CurvePoint:
    share: float  # of the training sentences
    sentences: int
    scores: Scores

    @property
    def f1(self) -> float | None:
        return self.scores.overall.f1


def learning_curve(
    project: Project, options: TrainingOptions, progress: Progress | None = None
) -> list[CurvePoint]:
    data = training_data(project, options)
    if not data.held_out:
        raise InputError(
            "a curve needs a held-out part to score: --eval-split above 0, or --split NAME",
            field="eval-split",
        )
    drawn = list(range(len(data.train)))
    random.Random(options.seed).shuffle(drawn)
    sizes = [max(1, math.ceil(share * len(drawn))) for share in SHARES]
    steps = [batches(size) * options.epochs for size in sizes]
    points = []
    for number, (share, size) in enumerate(zip(SHARES, sizes, strict=True)):
        told = None if progress is None else _offset(progress, sum(steps[:number]), sum(steps))
        sentences = [data.train[index] for index in sorted(drawn[:size])]
        nlp, optimizer = fit(sentences, data.learnt, options, told)
        scores = evaluate(nlp, optimizer, data.held_out).entities
        points.append(CurvePoint(share, size, scores))
    return points


def _offset(progress: Progress, before: int, total: int) -> Progress:
    return lambda done, _: progress(before + done, total)


def curve_lines(points: list[CurvePoint]) -> list[str]:
    """A row per share: the sentences trained on, and F1, precision and recall (all labels)."""
    lines = ["share  sentences     F1  precision  recall"]
    for point in points:
        overall = point.scores.overall
        figures = "  ".join(
            f"{shown_figure(value):>{size}}"
            for value, size in ((overall.f1, 5), (overall.precision, 9), (overall.recall, 6))
        )
        lines.append(f"{point.share:>5.0%}  {point.sentences:>9}  {figures}")
    return lines
