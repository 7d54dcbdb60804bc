"""The figures of an agreement report: per label and pair (or group), per relation label,
and per document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from annotate.agreement.measures import f1, fleiss_from_pairs, kappa_from_counts
from annotate.agreement.tally import DocumentTally, pooled


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


def document_scores(counts: DocumentTally) -> DocumentScores:
    document = counts.document
    names = tuple(counts.spans)
    spans, categories = counts.spans, counts.categories
    pairs = tuple(
        Scores(
            label=None,
            annotators=pair,
            spans=(spans[pair[0]], spans[pair[1]]),
            f1_exact=f1(tally.exact, tally.first, tally.second),
            f1_overlap=f1(tally.overlap, tally.first, tally.second),
            kappa=kappa_from_counts(
                tally.agreed, tally.tokens, categories[pair[0]], categories[pair[1]]
            ),
            alpha_u=None,
        )
        for pair, tally in counts.overall.items()
    )
    total = pooled(list(counts.overall.values()))
    if len(names) == 2:
        kappa = pairs[0].kappa
    else:
        summed: Counter[str] = Counter()
        for name in names:
            summed.update(categories[name])
        kappa = fleiss_from_pairs(document.tokens, len(names), total.agreed, summed)
    return DocumentScores(
        uid=document.uid,
        position=document.position,
        title=document.title,
        spans=tuple(spans.values()),
        f1_exact=f1(total.exact, total.first, total.second),
        f1_overlap=f1(total.overlap, total.first, total.second),
        kappa=kappa,
        pairs=pairs,
    )
