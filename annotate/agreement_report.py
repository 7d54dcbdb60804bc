"""Inter-annotator agreement of a project: per label and overall, for every pair of
annotators and for the group, and per document, worst first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotate.agreement import (
    alpha_from,
    expected_disagreement,
    f1,
    fleiss_from_pairs,
    kappa_from_counts,
    observed_disagreement,
)
from annotate.agreement_data import compared_documents, select
from annotate.agreement_tally import DocumentTally, Pair, PairTally, Tally, UnitTrack, pooled
from annotate.project import Project


@dataclass(frozen=True)
class Scores:
    """One label (None: all of them) for a pair of annotators or the group (three or more)."""

    label: str | None
    annotators: tuple[str, ...]
    spans: tuple[int, ...]  # per annotator
    f1_exact: float | None
    f1_overlap: float | None
    kappa: float | None  # Cohen's for a pair, Fleiss' for the group
    alpha_u: float | None
    alpha_u_observed: float | None = None
    alpha_u_expected: float | None = None

    @property
    def is_group(self) -> bool:
        return len(self.annotators) > 2

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "annotators": list(self.annotators),
            "group": self.is_group,
            "spans": dict(zip(self.annotators, self.spans, strict=True)),
            "f1_exact": self.f1_exact,
            "f1_overlap": self.f1_overlap,
            "kappa": self.kappa,
            "kappa_kind": "fleiss" if self.is_group else "cohen",
            "alpha_u": self.alpha_u,
            "alpha_u_observed": self.alpha_u_observed,
            "alpha_u_expected": self.alpha_u_expected,
        }


@dataclass(frozen=True)
class RelationScores:
    label: str | None
    annotators: tuple[str, ...]
    relations: tuple[int, ...]
    f1: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "annotators": list(self.annotators),
            "group": len(self.annotators) > 2,
            "relations": dict(zip(self.annotators, self.relations, strict=True)),
            "f1": self.f1,
        }


@dataclass(frozen=True)
class DocumentScores:
    uid: str
    position: int
    title: str
    spans: tuple[int, ...]  # per annotator, of the labels compared
    f1_exact: float | None  # pooled over the pairs
    f1_overlap: float | None
    kappa: float | None  # token categories: Cohen's (two annotators) or Fleiss'
    pairs: tuple[Scores, ...]

    def to_json(self, annotators: tuple[str, ...]) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "number": self.position,
            "title": self.title,
            "spans": dict(zip(annotators, self.spans, strict=True)),
            "f1_exact": self.f1_exact,
            "f1_overlap": self.f1_overlap,
            "kappa": self.kappa,
            "pairs": [pair.to_json() for pair in self.pairs],
        }


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
) -> AgreementReport:
    selection = select(project, annotators, labels, status)
    tally = Tally(selection.annotators, selection.labels)
    documents = [
        document_scores(tally.add(document)) for document in compared_documents(project, selection)
    ]
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
    tracks = [tally.by_annotator[name].units.get(label, UnitTrack()) for name in names]
    expected = expected_disagreement(
        tally.characters,
        len(names),
        sum((track.lengths for track in tracks), Counter()),
        sum((track.closed(tally.characters) for track in tracks), Counter()),
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


def document_scores(counts: DocumentTally) -> DocumentScores:
    document = counts.document
    names = tuple(counts.annotators)
    mine = counts.annotators
    pairs = tuple(
        Scores(
            label=None,
            annotators=pair,
            spans=tuple(sum(mine[name].spans.values()) for name in pair),
            f1_exact=f1(tally.exact, tally.first, tally.second),
            f1_overlap=f1(tally.overlap, tally.first, tally.second),
            kappa=kappa_from_counts(
                tally.agreed, tally.tokens, *(mine[name].categories for name in pair)
            ),
            alpha_u=None,
        )
        for pair, tally in counts.overall.items()
    )
    total = pooled(list(counts.overall.values()))
    if len(names) == 2:
        kappa = pairs[0].kappa
    else:
        categories: Counter[str] = Counter()
        for name in names:
            categories.update(mine[name].categories)
        kappa = fleiss_from_pairs(document.tokens, len(names), total.agreed, categories)
    return DocumentScores(
        uid=document.uid,
        position=document.position,
        title=document.title,
        spans=tuple(sum(mine[name].spans.values()) for name in names),
        f1_exact=f1(total.exact, total.first, total.second),
        f1_overlap=f1(total.overlap, total.first, total.second),
        kappa=kappa,
        pairs=pairs,
    )
