"""What a training takes: the layer, the labels, the held-out part, the seed and epochs."""

from __future__ import annotations

from dataclasses import dataclass

EPOCHS = 16
EVAL_SPLIT = 0.2


@dataclass(frozen=True)
class TrainingOptions:
    source: str = "all"  # gold, all, or an annotator's name
    labels: tuple[str, ...] | None = None  # None: every label
    eval_split: float = EVAL_SPLIT  # the share of documents held out, when no split is named
    split: str | None = None  # the named split held out
    seed: int = 0
    epochs: int = EPOCHS
    nested: bool = False  # also train a span categoriser for the spans inside others
