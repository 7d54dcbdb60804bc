"""Train a suggestion model on the project's own spans and score it on the held-out part.

The same project, options and seed give the same model and the same scores: every random
draw (the model's first weights, dropout, the order of the sentences) comes from the seed.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotate.errors import InputError
from annotate.project import Project
from annotate.training.examples import LeftOut, Sentence, layer_documents, nested_note
from annotate.training.held_out import Parts, held_out_parts
from annotate.training.model_folder import check_model_target, write_model
from annotate.training.options import TrainingOptions
from annotate.training.pipeline import (
    found_mentions,
    model_meta,
    new_pipeline,
    predicted,
    training_example,
)
from annotate.training.scores import Scores, score_lines, score_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Optimizer

Progress = Callable[[int, int], None]  # (batches trained, batches in all)

BATCH_SENTENCES = 16
DROPOUT = 0.1


@dataclass(frozen=True)
class TrainingData:
    train: list[Sentence]
    held_out: list[Sentence]
    parts: Parts
    notes: list[str]

    @property
    def labels(self) -> list[str]:
        return sorted({m.label for sentence in self.train for m in sentence.entities})


@dataclass(frozen=True)
class TrainingReport:
    labels: list[str]
    train_sentences: int
    held_out_sentences: int
    held_out: str  # how the held-out part was chosen
    scores: Scores | None  # None: nothing was held out
    notes: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "train_sentences": self.train_sentences,
            "held_out_sentences": self.held_out_sentences,
            "held_out": self.held_out,
            "scores": None if self.scores is None else self.scores.to_json(),
            "notes": self.notes,
        }

    def lines(self) -> list[str]:
        trained = f"trained on {self.train_sentences} sentence(s)"
        if self.scores is None:
            return [f"{trained}; none held out, so no scores (--eval-split 0)"]
        return [
            f"{trained}, scored on {self.held_out_sentences} held out ({self.held_out})",
            *score_lines(self.scores),
        ]


def train(
    project: Project, model_dir: Path, options: TrainingOptions, progress: Progress | None = None
) -> TrainingReport:
    """Train on the project's spans, score on the held-out part, write MODEL_DIR."""
    check_model_target(model_dir)
    data = training_data(project, options)
    nlp, optimizer = fit(data.train, data.labels, options, progress)
    scores = evaluate(nlp, optimizer, data.held_out) if data.held_out else None
    report = TrainingReport(
        labels=data.labels,
        train_sentences=len(data.train),
        held_out_sentences=len(data.held_out),
        held_out=data.parts.described,
        scores=scores,
        notes=data.notes,
    )
    model_meta(nlp, {"source": options.source, "seed": options.seed, **report.to_json()})
    with nlp.use_params(optimizer.averages):
        write_model(nlp, model_dir)
    return report


def training_data(project: Project, options: TrainingOptions) -> TrainingData:
    """The sentences to train on and to score on, and notes on what no model learns."""
    labels = _checked_labels(project, options.labels)
    left_out = LeftOut()
    documents = layer_documents(project, options.source, labels, left_out)
    parts = held_out_parts(documents, options.split, options.eval_split, options.seed)
    train = [s for document in parts.train for s in document.sentences]
    held_out = [s for document in parts.held_out for s in document.sentences]
    if not any(sentence.entities for sentence in train):
        raise InputError(
            "no span to learn in the documents trained on"
            + (f" (labels: {', '.join(labels)})" if labels else ""),
            field="labels" if labels else "source",
        )
    nested = Counter(m.label for sentence in train for m in sentence.nested)
    notes = left_out.notes() + ([nested_note(nested)] if nested else [])
    return TrainingData(train, held_out, parts, notes)


def _checked_labels(project: Project, labels: Sequence[str] | None) -> list[str] | None:
    if labels is None:
        return None
    known = [label.name for label in project.labels.schema().labels]
    for label in labels:
        if label not in known:
            raise InputError(
                f"no label {label!r} in this project (labels: {', '.join(known)})", field="labels"
            )
    return list(labels)


def fit(
    sentences: Sequence[Sentence],
    labels: Sequence[str],
    options: TrainingOptions,
    progress: Progress | None = None,
) -> tuple[Language, Optimizer]:
    """A pipeline trained on ``sentences`` for ``options.epochs`` epochs, and its optimizer
    (whose averaged weights are the ones to use)."""
    from thinc.api import Adam, fix_random_seed

    if options.epochs < 1:
        raise InputError(f"{options.epochs} epochs: train for at least 1", field="epochs")
    fix_random_seed(options.seed)
    nlp = new_pipeline(labels)
    examples = [training_example(nlp.vocab, s) for s in sentences if s.words]
    optimizer = nlp.initialize(lambda: examples, sgd=Adam())
    order = random.Random(options.seed)
    batches = math.ceil(len(examples) / BATCH_SENTENCES)
    total = batches * options.epochs
    done = 0
    for _ in range(options.epochs):
        order.shuffle(examples)
        for start in range(0, len(examples), BATCH_SENTENCES):
            batch = examples[start : start + BATCH_SENTENCES]
            nlp.update(batch, sgd=optimizer, drop=DROPOUT)
            done += 1
            if progress is not None:
                progress(done, total)
    return nlp, optimizer


def evaluate(nlp: Language, optimizer: Optimizer, sentences: Sequence[Sentence]) -> Scores:
    with nlp.use_params(optimizer.averages):
        docs = predicted(nlp, sentences)
    gold = [(n, *m) for n, s in enumerate(sentences) for m in s.entities]
    found = [(n, *m) for n, doc in enumerate(docs) for m in found_mentions(doc)]
    return score_spans(gold, found)
