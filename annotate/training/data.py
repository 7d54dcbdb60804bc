"""What a model learns from: the chosen layer's sentences, split into the part trained on
and the part held out, the labels each component learns, and notes on what it cannot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from annotate.errors import InputError
from annotate.project import Project
from annotate.training.examples import LeftOut, Sentence, by_label, layer_documents
from annotate.training.held_out import Parts, held_out_parts
from annotate.training.options import TrainingOptions

NESTED_MOST_TOKENS = 8  # the span categoriser weighs every run of tokens up to this long


class Learnt(NamedTuple):
    entities: list[str]  # the entity recogniser's labels
    nested: list[str]  # the span categoriser's (none: no span categoriser)
    longest: int  # the most tokens of a nested span


@dataclass(frozen=True)
class TrainingData:
    train: list[Sentence]
    held_out: list[Sentence]
    parts: Parts
    notes: list[str]
    nested: bool  # whether nested spans are learnt

    @property
    def labels(self) -> list[str]:
        return sorted({m.label for sentence in self.train for m in sentence.entities})

    @property
    def learnt(self) -> Learnt:
        if not self.nested:
            return Learnt(self.labels, [], 0)
        inner = [m for sentence in self.train for m in sentence.nested]
        longest = max((m.end - m.first for m in inner), default=0)
        return Learnt(self.labels, sorted({m.label for m in inner}), longest)


def training_data(project: Project, options: TrainingOptions) -> TrainingData:
    """The sentences to train on and to score on, and notes on what no model learns."""
    labels = _checked_labels(project, options.labels)
    left_out = LeftOut()
    documents = layer_documents(project, options.source, labels, left_out)
    if not documents:
        raise InputError(
            f"nothing to train on: no document has spans of {options.source!r}, or is marked"
            " done by it",
            field="source",
        )
    parts = held_out_parts(documents, options.split, options.eval_split, options.seed)
    train = [s for document in parts.train for s in document.sentences]
    held_out = [s for document in parts.held_out for s in document.sentences]
    if not any(sentence.entities for sentence in train):
        raise InputError(
            "no span to learn in the documents trained on"
            + (f" (labels: {', '.join(labels)})" if labels else ""),
            field="labels" if labels else "source",
        )
    notes = left_out.notes()
    if options.nested:
        train, long_train = _without_long_nested(train)
        held_out, long_held = _without_long_nested(held_out)
        if long_train or long_held:
            notes.append(_long_nested_note(long_train + long_held))
    else:
        nested = Counter(m.label for sentence in (*train, *held_out) for m in sentence.nested)
        if nested:
            notes.append(_nested_note(nested))
    return TrainingData(train, held_out, parts, notes, options.nested)


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


def _without_long_nested(sentences: list[Sentence]) -> tuple[list[Sentence], Counter[str]]:
    kept: list[Sentence] = []
    long: Counter[str] = Counter()
    for sentence in sentences:
        short = tuple(m for m in sentence.nested if m.end - m.first <= NESTED_MOST_TOKENS)
        long.update(m.label for m in sentence.nested if m.end - m.first > NESTED_MOST_TOKENS)
        kept.append(
            sentence if len(short) == len(sentence.nested) else replace(sentence, nested=short)
        )
    return kept, long


def _nested_note(nested: Counter[str]) -> str:
    return (
        f"{nested.total()} span(s) inside or across a longer one ({by_label(nested)}) were"
        " left out: the entity recogniser learns and finds the outermost; --nested also"
        " trains a span categoriser for them (two to three times as long)"
    )


def _long_nested_note(long: Counter[str]) -> str:
    return (
        f"{long.total()} nested span(s) longer than {NESTED_MOST_TOKENS} tokens were left out"
        f" ({by_label(long)}): the span categoriser weighs runs of at most"
        f" {NESTED_MOST_TOKENS} tokens"
    )


def documents_with_spans(project: Project, source: str) -> int:
    """How many documents hold spans of ``source`` (gold, an annotator or all)."""
    query = "SELECT count(DISTINCT document) FROM spans"
    if source == "all":
        return int(project.store.conn.execute(query).fetchone()[0])
    return int(project.store.conn.execute(query + " WHERE annotator = ?", (source,)).fetchone()[0])
