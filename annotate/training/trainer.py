"""Train a suggestion model on the project's own spans and score it on the held-out part.

The same project, options and seed give the same model and the same scores: every random
draw (the model's first weights, dropout, the order of the sentences) comes from the seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from annotate.errors import InputError
from annotate.project import Project
from annotate.training.data import Learnt, training_data
from annotate.training.examples import Sentence
from annotate.training.model_folder import check_model_target, write_model
from annotate.training.options import TrainingOptions
from annotate.training.pipeline import (
    NESTED,
    found_mentions,
    found_nested,
    model_meta,
    new_pipeline,
    predicted,
    training_example,
)
from annotate.training.report import TrainingReport
from annotate.training.scores import Scores, score_spans

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Optimizer

Progress = Callable[[int, int], None]  # (batches trained, batches in all)

BATCH_SENTENCES = 16
DROPOUT = 0.1


class Evaluation(NamedTuple):
    entities: Scores
    nested: Scores | None  # None: no span categoriser


def train(
    project: Project, model_dir: Path, options: TrainingOptions, progress: Progress | None = None
) -> TrainingReport:
    """Train on the project's spans, score on the held-out part, write MODEL_DIR."""
    check_model_target(model_dir)
    data = training_data(project, options)
    learnt = data.learnt
    nlp, optimizer = fit(data.train, learnt, options, progress)
    scores = evaluate(nlp, optimizer, data.held_out) if data.held_out else None
    report = TrainingReport(
        labels=learnt.entities,
        train_sentences=len(data.train),
        held_out_sentences=len(data.held_out),
        held_out=data.parts.described,
        scores=None if scores is None else scores.entities,
        notes=data.notes,
        nested_labels=learnt.nested,
        nested_scores=None if scores is None else scores.nested,
    )
    model_meta(nlp, {"source": options.source, "seed": options.seed, **report.to_json()})
    with nlp.use_params(optimizer.averages):
        write_model(nlp, model_dir)
    return report


def fit(
    sentences: Sequence[Sentence],
    learnt: Learnt,
    options: TrainingOptions,
    progress: Progress | None = None,
) -> tuple[Language, Optimizer]:
    """A pipeline trained on ``sentences`` for ``options.epochs`` epochs, and its optimizer
    (whose averaged weights are the ones to use)."""
    from thinc.api import Adam, fix_random_seed

    if options.epochs < 1:
        raise InputError(f"{options.epochs} epochs: train for at least 1", field="epochs")
    fix_random_seed(options.seed)
    nlp = new_pipeline(learnt.entities, learnt.nested, learnt.longest)
    examples = [training_example(nlp.vocab, s, bool(learnt.nested)) for s in sentences]
    # Adam keeping an average of the weights, which the model is scored and saved with
    optimizer = nlp.initialize(lambda: examples, sgd=Adam(use_averages=True))
    order = random.Random(options.seed)
    total = batches(len(examples)) * options.epochs
    done = 0
    for _ in range(options.epochs):
        order.shuffle(examples)
        for start in range(0, len(examples), BATCH_SENTENCES):
            nlp.update(examples[start : start + BATCH_SENTENCES], sgd=optimizer, drop=DROPOUT)
            done += 1
            if progress is not None:
                progress(done, total)
    return nlp, optimizer


def batches(sentences: int) -> int:
    """The batches of an epoch over so many sentences."""
    return math.ceil(sentences / BATCH_SENTENCES)


def evaluate(nlp: Language, optimizer: Optimizer, sentences: Sequence[Sentence]) -> Evaluation:
    with nlp.use_params(optimizer.averages):
        docs = predicted(nlp, sentences)
    gold = [(n, *m) for n, s in enumerate(sentences) for m in s.entities]
    found = [(n, *m) for n, doc in enumerate(docs) for m in found_mentions(doc)]
    entities = score_spans(gold, found)
    if NESTED not in nlp.pipe_names:
        return Evaluation(entities, None)
    gold_nested = [(n, *m) for n, s in enumerate(sentences) for m in s.nested]
    found_inner = [(n, *m) for n, doc in enumerate(docs) for m, _ in found_nested(doc)]
    return Evaluation(entities, score_spans(gold_nested, found_inner))
