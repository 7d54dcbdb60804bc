"""Inter-annotator agreement of a project: per label and overall, for every pair of
annotators and for the group, and per document, worst first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotate.agreement.data import select
from annotate.agreement.measures import (
    alpha_from,
    expected_from_room,
    f1,
    fleiss_from_pairs,
    kappa_from_counts,
    observed_disagreement,
)
from annotate.agreement.run import Progress, tally_documents
from annotate.agreement.scores import DocumentScores, RelationScores, Scores
from annotate.agreement.tally import Pair, PairTally, Tally, pooled
from annotate.project import Project


@dataclass(frozen=True)
class AgreementReport:
    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    status: str
    documents: int
    characters: int
    tokens: int
    scores: tuple[Scores, ...]  # overall first, then by label; pairs, then the group
    relations: tuple[RelationScores, ...]
    per_document: tuple[DocumentScores, ...]  # worst first

    def for_label(self, label: str | None) -> list[Scores]:
        return [scores for scores in self.scores if scores.label == label]

    def to_json(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "labels": list(self.labels),
            "status": self.status,
            "documents": self.documents,
            "characters": self.characters,
            "tokens": self.tokens,
            "scores": [scores.to_json() for scores in self.scores],
            "relations": [scores.to_json() for scores in self.relations],
            "per_document": [doc.to_json(self.annotators) for doc in self.per_document],
        }


def agreement_report(
    project: Project,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
    status: str = "done",
    workers: int | None = None,
    progress: Progress | None = None,
) -> AgreementReport:
    """``workers``: processes comparing documents (default: one per core for a large
    project, where the platform forks; 1 in a process with threads of its own).
    ``progress`` hears how many documents are compared when there is one process."""
    selection = select(project, annotators, labels, status)
    tally, documents = tally_documents(project, selection, workers, progress)
    tally.finish()
    documents.sort(key=_worst_first)
    relation_labels = [r.name for r in project.labels.schema().relations]
    return AgreementReport(
        annotators=selection.annotators,
        labels=selection.labels,
        status=status,
        documents=tally.documents,
        characters=tally.characters,
        tokens=tally.tokens,
        scores=tuple(
            scores for label in (None, *selection.labels) for scores in _label_scores(tally, label)
        ),
        relations=tuple(
            scores
            for label in (None, *relation_labels)
            for scores in _relation_scores(tally, label)
        ),
        per_document=tuple(documents),
    )


def _worst_first(document: DocumentScores) -> tuple[bool, float, float]:
    """Lowest exact F1 first, then lowest kappa; documents nobody marked last."""
    unmarked = document.f1_exact is None
    kappa = document.kappa if document.kappa is not None else 1.0
    return unmarked, document.f1_exact or 0.0, kappa


def _label_scores(tally: Tally, label: str | None) -> list[Scores]:
    scores = [_pair_scores(tally, pair, label) for pair in tally.annotator_pairs]
    if len(tally.annotators) > 2:
        scores.append(_group_scores(tally, label))
    return scores


def _counts(tally: Tally, pair: Pair, label: str | None) -> PairTally:
    return tally.pairs.get((pair, label), PairTally())


def _pair_scores(tally: Tally, pair: Pair, label: str | None) -> Scores:
    counts = _counts(tally, pair, label)
    alpha = _alpha_u(tally, pair, label)
    margins = (_categories(tally, name, label) for name in pair)
    return Scores(
        label=label,
        annotators=pair,
        spans=_spans(tally, pair, label),
        f1_exact=f1(counts.exact, counts.first, counts.second),
        f1_overlap=f1(counts.overlap, counts.first, counts.second),
        kappa=kappa_from_counts(counts.agreed, counts.tokens, *margins),
        alpha_u=alpha[0],
        alpha_u_observed=alpha[1],
        alpha_u_expected=alpha[2],
    )


def _group_scores(tally: Tally, label: str | None) -> Scores:
    counts = pooled([_counts(tally, pair, label) for pair in tally.annotator_pairs])
    totals: Counter[str] = Counter()
    for name in tally.annotators:
        totals.update(_categories(tally, name, label))
    group = tally.annotators
    alpha = _alpha_u(tally, group, label)
    return Scores(
        label=label,
        annotators=group,
        spans=_spans(tally, group, label),
        f1_exact=f1(counts.exact, counts.first, counts.second),
        f1_overlap=f1(counts.overlap, counts.first, counts.second),
        kappa=fleiss_from_pairs(tally.tokens, len(group), counts.agreed, totals),
        alpha_u=alpha[0],
        alpha_u_observed=alpha[1],
        alpha_u_expected=alpha[2],
    )


def _spans(tally: Tally, names: tuple[str, ...], label: str | None) -> tuple[int, ...]:
    counts = [tally.by_annotator[name].spans for name in names]
    return tuple(sum(c.values()) if label is None else c[label] for c in counts)


def _categories(tally: Tally, name: str, label: str | None) -> Counter[str]:
    """The annotator's token categories: every label and O, or in/out of one label."""
    mine = tally.by_annotator[name]
    if label is None:
        return mine.categories
    covered = mine.tokens[label]
    return Counter({"in": covered, "out": tally.tokens - covered})


AlphaFigures = tuple[float | None, float | None, float | None]  # alpha, D_o, D_e


def _alpha_u(tally: Tally, names: tuple[str, ...], label: str | None) -> AlphaFigures:
    if label is None:
        return _overall_alpha_u(tally, names)
    pairs = [pair for pair in tally.annotator_pairs if set(pair) <= set(names)]
    raw = sum(_counts(tally, pair, label).observed for pair in pairs)
    tracks = [tally.track(name, label) for name in names]
    expected = expected_from_room(
        tally.characters,
        len(names),
        sum((track.lengths for track in tracks), Counter()),
        lambda size: sum(track.room(size) for track in tracks),
    )
    if expected is None:
        return None, None, None
    observed = observed_disagreement(raw, tally.characters, len(names))
    return alpha_from(observed, expected), observed, expected


def _overall_alpha_u(tally: Tally, names: tuple[str, ...]) -> AlphaFigures:
    """1 - (sum of D_o) / (sum of D_e) over the labels someone marked."""
    figures = [_alpha_u(tally, names, label) for label in tally.labels]
    marked = [(o, e) for _, o, e in figures if o is not None and e is not None]
    if not marked:
        return None, None, None
    observed = sum(o for o, _ in marked)
    expected = sum(e for _, e in marked)
    return alpha_from(observed, expected), observed, expected


def _relation_scores(tally: Tally, label: str | None) -> list[RelationScores]:
    def counts_of(pairs: list[Pair]) -> PairTally:
        return pooled(
            [
                counts
                for (pair, name), counts in tally.relations.items()
                if pair in pairs and (label is None or name == label)
            ]
        )

    def made(names: tuple[str, ...], counts: PairTally) -> RelationScores:
        mine = [tally.by_annotator[name].relations for name in names]
        held = tuple(sum(c.values()) if label is None else c[label] for c in mine)
        return RelationScores(label, names, held, f1(counts.exact, counts.first, counts.second))

    scores = [made(pair, counts_of([pair])) for pair in tally.annotator_pairs]
    if len(tally.annotators) > 2:
        scores.append(made(tally.annotators, counts_of(tally.annotator_pairs)))
    return scores
