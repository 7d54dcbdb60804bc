"""Counts behind the agreement figures, summed document by document: every measure of
the report is a ratio of sums, so each document is compared once and then forgotten."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from operator import sub
from typing import TypeVar

from annotate.agreement.data import ComparedDocument, Layer
from annotate.agreement.measures import Unit, observed_sum, overlap_pairs

Pair = tuple[str, str]
K = TypeVar("K")
OUTSIDE = "O"  # the category of a token outside every span
NO_UNITS: list[Unit] = []
NO_SPANS: set[Unit] = set()
NO_TOKENS: set[int] = set()


@dataclass
class PairTally:
    """Counts for one pair of annotators: one label, all of them, or one document."""

    exact: int = 0  # spans matched exactly
    overlap: int = 0  # spans matched one to one by a shared character
    first: int = 0  # spans of each side
    second: int = 0
    agreed: int = 0  # tokens both put in the same category
    tokens: int = 0
    observed: int = 0  # alpha-U: summed distances between the two sides' segments
    disagreed: int = 0  # of one label: tokens in one side's spans only (see Tally.finish)

    def add(self, other: PairTally) -> None:
        self.exact += other.exact
        self.overlap += other.overlap
        self.first += other.first
        self.second += other.second
        self.agreed += other.agreed
        self.tokens += other.tokens
        self.observed += other.observed
        self.disagreed += other.disagreed


@dataclass
class UnitTrack:
    """One annotator's units of one label along the documents laid end to end."""

    lengths: Counter[int] = field(default_factory=Counter)
    gaps: Counter[int] = field(default_factory=Counter)
    last_end: int = 0
    first_start: int | None = None

    def extend(self, offset: int, units: list[Unit]) -> None:
        if not units:
            return
        starts = [offset + start for start, _ in units]
        ends = [offset + end for _, end in units]
        if self.first_start is None:
            self.first_start = starts[0]
        self.lengths.update(map(sub, ends, starts))
        self.gaps.update(filter(None, map(sub, starts, [self.last_end, *ends[:-1]])))
        self.last_end = ends[-1]

    def merge(self, offset: int, later: UnitTrack) -> None:
        """The units of a later stretch of the continuum, which began at ``offset`` but
        counted its first gap from its own start, not from this track's last unit."""
        if later.first_start is None:
            return
        first_gap = later.first_start  # as the later track counted it, from 0
        self.lengths.update(later.lengths)
        self.gaps.update(later.gaps)
        if first_gap:
            self.gaps[first_gap] -= 1
            if not self.gaps[first_gap]:
                del self.gaps[first_gap]
        start = offset + later.first_start
        if start > self.last_end:
            self.gaps[start - self.last_end] += 1
        if self.first_start is None:
            self.first_start = start
        self.last_end = offset + later.last_end

    def closed(self, length: int) -> Counter[int]:
        """The gap lengths, with the last gap up to the end of the continuum."""
        gaps = Counter(self.gaps)
        if length > self.last_end:
            gaps[length - self.last_end] += 1
        return gaps


@dataclass
class AnnotatorTally:
    spans: Counter[str] = field(default_factory=Counter)  # by label
    tokens: Counter[str] = field(default_factory=Counter)  # covered, by label
    categories: Counter[str] = field(default_factory=Counter)  # of every token
    relations: Counter[str] = field(default_factory=Counter)
    units: dict[str, UnitTrack] = field(default_factory=dict)


@dataclass
class DocumentTally:
    document: ComparedDocument
    overall: dict[Pair, PairTally]
    annotators: dict[str, AnnotatorTally]


@dataclass
class Tally:
    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    pairs: dict[tuple[Pair, str | None], PairTally] = field(default_factory=dict)
    relations: dict[tuple[Pair, str], PairTally] = field(default_factory=dict)
    by_annotator: dict[str, AnnotatorTally] = field(default_factory=dict)
    characters: int = 0
    tokens: int = 0
    documents: int = 0

    def __post_init__(self) -> None:
        self.by_annotator = {name: AnnotatorTally() for name in self.annotators}
        self.annotator_pairs: list[Pair] = list(combinations(self.annotators, 2))

    def add(self, document: ComparedDocument) -> DocumentTally:
        """Compare one document and add its counts; its own counts are returned."""
        overall: dict[Pair, PairTally] = {}
        for pair in self.annotator_pairs:
            first, second = (document.layers[name] for name in pair)
            overall[pair] = self._add_pair(pair, first, second, document.tokens)
            self._add_relations(pair, first, second)
        mine = {name: self._add_annotator(name, document) for name in self.annotators}
        self.characters += document.length
        self.tokens += document.tokens
        self.documents += 1
        return DocumentTally(document, overall, mine)

    def merge(self, later: Tally) -> None:
        """Add the tally of the documents that come after this one's."""
        for key, counts in later.pairs.items():
            _add_tally(self.pairs, key, counts)
        for relation_key, counts in later.relations.items():
            _add_tally(self.relations, relation_key, counts)
        for name, theirs in later.by_annotator.items():
            mine = self.by_annotator[name]
            _add_counts(mine.spans, theirs.spans)
            _add_counts(mine.tokens, theirs.tokens)
            _add_counts(mine.categories, theirs.categories)
            _add_counts(mine.relations, theirs.relations)
            for label, track in theirs.units.items():
                mine.units.setdefault(label, UnitTrack()).merge(self.characters, track)
        self.characters += later.characters
        self.tokens += later.tokens
        self.documents += later.documents

    def finish(self) -> None:
        """Each label's token counts: a label neither side used in a document agrees on
        all its tokens, so only the tokens in one side's spans were counted."""
        for (_, label), tally in self.pairs.items():
            if label is not None:
                tally.tokens = self.tokens
                tally.agreed = self.tokens - tally.disagreed

    def _add_pair(self, pair: Pair, first: Layer, second: Layer, tokens: int) -> PairTally:
        overall = PairTally(tokens=tokens)
        for label in first.spans.keys() | second.spans.keys():
            tally = label_tally(first, second, label)
            total = self.pairs.get((pair, label))
            if total is None:
                self.pairs[pair, label] = tally
            else:
                total.add(tally)
            overall.exact += tally.exact
            overall.overlap += tally.overlap
            overall.first += tally.first
            overall.second += tally.second
        ones, others = first.categories, second.categories
        outside_both = tokens - len(ones.keys() | others.keys())
        overall.agreed = len(ones.items() & others.items()) + outside_both
        self.pairs.setdefault((pair, None), PairTally()).add(overall)
        return overall

    def _add_relations(self, pair: Pair, first: Layer, second: Layer) -> None:
        if not first.relations and not second.relations:
            return
        both = Counter(key[0] for key in first.relations & second.relations)
        ones = Counter(key[0] for key in first.relations)
        others = Counter(key[0] for key in second.relations)
        for label in ones.keys() | others.keys():
            tally = PairTally(exact=both[label], first=ones[label], second=others[label])
            self.relations.setdefault((pair, label), PairTally()).add(tally)

    def _add_annotator(self, name: str, document: ComparedDocument) -> AnnotatorTally:
        own = document.layers[name]
        mine = AnnotatorTally(
            spans=Counter({label: len(spans) for label, spans in own.spans.items()}),
            tokens=Counter({label: len(tokens) for label, tokens in own.tokens.items()}),
            categories=Counter(own.categories.values()),
        )
        mine.categories[OUTSIDE] = document.tokens - len(own.categories)
        total = self.by_annotator[name]
        _add_counts(total.spans, mine.spans)
        _add_counts(total.tokens, mine.tokens)
        _add_counts(total.categories, mine.categories)
        for key in own.relations:
            total.relations[key[0]] += 1
        for label, units in own.units.items():
            total.units.setdefault(label, UnitTrack()).extend(self.characters, units)
        return mine


def _add_tally(tallies: dict[K, PairTally], key: K, more: PairTally) -> None:
    total = tallies.get(key)
    if total is None:
        tallies[key] = more
    else:
        total.add(more)


def _add_counts(total: Counter[str], more: Counter[str]) -> None:
    for key, count in more.items():
        total[key] += count


def label_tally(first: Layer, second: Layer, label: str) -> PairTally:
    """Counts of one label in one document; its tokens are set by Tally.finish."""
    ones, others = first.spans.get(label, NO_SPANS), second.spans.get(label, NO_SPANS)
    if ones == others:  # the same spans cover the same tokens: full agreement
        same = len(ones)
        return PairTally(same, same, same, same)
    common = ones & others
    exact = len(common)
    overlap = exact
    if exact < len(ones) and exact < len(others):
        overlap += overlap_pairs(sorted(ones - common), sorted(others - common))
    covered_one = first.tokens.get(label, NO_TOKENS)
    covered_other = second.tokens.get(label, NO_TOKENS)
    both = len(covered_one & covered_other)
    return PairTally(
        exact=exact,
        overlap=overlap,
        first=len(ones),
        second=len(others),
        disagreed=len(covered_one) + len(covered_other) - 2 * both,
        observed=observed_sum(first.units.get(label, NO_UNITS), second.units.get(label, NO_UNITS)),
    )


def pooled(tallies: Sequence[PairTally]) -> PairTally:
    total = PairTally()
    for tally in tallies:
        total.add(tally)
    return total
