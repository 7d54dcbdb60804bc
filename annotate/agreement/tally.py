"""Counts behind the agreement figures, summed document by document: every measure of
the report is a ratio of sums, so each document is compared once and then forgotten.

While documents are added, some counts are gathered as lists of numbers (the label of
each span, the length of each unit, see layers.py), which ``finish`` counts up."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, combinations, repeat
from operator import floordiv, mod, mul
from typing import TypeVar

from annotate.agreement.data import ComparedDocument
from annotate.agreement.layers import Layer, Packing, Units
from annotate.agreement.measures import Unit, distance_sum, observed_sum, overlap_pairs

Pair = tuple[str, str]
K = TypeVar("K")
OUTSIDE = "O"  # the category of a token outside every span
LIMIT = 1 << 32  # more characters than any document holds


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
    disagreed: int = 0  # of one label: tokens in one side's spans only

    def add(self, other: PairTally) -> None:
        self.exact += other.exact
        self.overlap += other.overlap
        self.first += other.first
        self.second += other.second
        self.agreed += other.agreed
        self.tokens += other.tokens
        self.observed += other.observed
        self.disagreed += other.disagreed


@dataclass(frozen=True)
class UnitTrack:
    """One annotator's units of one label along the documents laid end to end."""

    lengths: Counter[int]  # in the order each length first occurs along the continuum
    room: Callable[[int], int]  # size -> the sum over gaps at least that long of (gap - size + 1)


class GapRoom:
    """The gaps of an annotator's tracks (``gaps``: label * LIMIT + length, counted; 0 is
    no gap) sorted, with the counts and lengths of those from each on summed, so that
    each track's room (see UnitTrack) is two bisections."""

    def __init__(self, gaps: Counter[int]) -> None:
        self.keys = sorted(key for key in gaps if key % LIMIT)
        counts = list(map(gaps.__getitem__, self.keys))
        lengths = list(map(mul, counts, map(mod, self.keys, repeat(LIMIT))))
        self.counts: list[int] = list(accumulate(reversed(counts), initial=0))[::-1]
        self.lengths: list[int] = list(accumulate(reversed(lengths), initial=0))[::-1]

    def room(self, label: int) -> Callable[[int], int]:
        last = bisect_left(self.keys, (label + 1) * LIMIT)

        def within(size: int) -> int:
            first = bisect_left(self.keys, label * LIMIT + size, 0, last)
            count = self.counts[first] - self.counts[last]
            return self.lengths[first] - self.lengths[last] - (size - 1) * count

        return within


@dataclass
class AnnotatorTally:
    spans: Counter[str] = field(default_factory=Counter)  # by label
    tokens: Counter[str] = field(default_factory=Counter)  # covered, by label
    categories: Counter[str] = field(default_factory=Counter)  # of every token
    relations: Counter[str] = field(default_factory=Counter)
    units: dict[str, UnitTrack] = field(default_factory=dict)


@dataclass
class Gathered:
    """Numbers gathered document by document and counted up at the end: a list grows
    faster than a Counter."""

    numbers: list[int] = field(default_factory=list)
    counted: Counter[int] = field(default_factory=Counter)  # in the order first gathered

    def counts(self) -> Counter[int]:
        if self.numbers:
            self.counted.update(self.numbers)
            self.numbers = []
        return self.counted

    def merge(self, later: Gathered) -> None:
        _add_counts(self.counts(), later.counts())


@dataclass
class AnnotatorCounts:
    """One annotator's counts while documents are added."""

    span_labels: Gathered = field(default_factory=Gathered)  # the label of each span
    covered: Counter[int] = field(default_factory=Counter)  # tokens, by label
    # alpha-U's tracks, a label's units along the documents laid end to end: the length
    # of each unit and of each gap between two (0 where they touch), as label * LIMIT + it
    unit_lengths: Gathered = field(default_factory=Gathered)
    unit_gaps: Gathered = field(default_factory=Gathered)
    first_start: dict[int, int] = field(default_factory=dict)  # by label
    last_end: dict[int, int] = field(default_factory=dict)
    categories: Counter[str] = field(default_factory=Counter)  # of every token
    relations: Counter[str] = field(default_factory=Counter)

    def add_units(self, offset: int, units: Units) -> None:
        """Units (sorted by label and start) of a document that begins ``offset`` on."""
        lengths, gaps = self.unit_lengths.numbers, self.unit_gaps.numbers
        last_end = self.last_end
        before, end_before = -1, 0  # the label and end of the unit before, in this document
        for label, start, end in zip(units.labels, units.starts, units.ends, strict=True):
            shift = label * LIMIT
            lengths.append(shift + end - start)
            if label == before:
                gaps.append(shift + start - end_before)
            else:
                if before >= 0:
                    last_end[before] = offset + end_before
                if label in last_end:  # the gap after the label's units in earlier documents
                    gaps.append(shift + offset + start - last_end[label])
                else:
                    self.first_start[label] = offset + start
                before = label
            end_before = end
        if before >= 0:
            last_end[before] = offset + end_before

    def settle(self) -> None:
        for gathered in (self.span_labels, self.unit_lengths, self.unit_gaps):
            gathered.counts()

    def merge(self, offset: int, later: AnnotatorCounts) -> None:
        """Add the counts of later documents, which began ``offset`` on."""
        self.span_labels.merge(later.span_labels)
        _add_counts(self.covered, later.covered)
        self.unit_lengths.merge(later.unit_lengths)
        self.unit_gaps.merge(later.unit_gaps)
        for label, start in later.first_start.items():
            if label in self.last_end:
                gap = label * LIMIT + offset + start - self.last_end[label]
                self.unit_gaps.counted[gap] += 1
            else:
                self.first_start[label] = offset + start
        self.last_end.update((label, offset + end) for label, end in later.last_end.items())
        _add_counts(self.categories, later.categories)
        _add_counts(self.relations, later.relations)


@dataclass
class PairCounts:
    """One pair's counts by label while documents are added."""

    matched: Gathered = field(default_factory=Gathered)  # the label of each span both marked
    disagreed: Counter[int] = field(default_factory=Counter)  # tokens in one side's spans only
    overlap: Counter[int] = field(default_factory=Counter)  # matches beyond the exact ones
    observed: Counter[int] = field(default_factory=Counter)  # alpha-U's distances

    def settle(self) -> None:
        self.matched.counts()

    def merge(self, later: PairCounts) -> None:
        self.matched.merge(later.matched)
        _add_counts(self.disagreed, later.disagreed)
        _add_counts(self.overlap, later.overlap)
        _add_counts(self.observed, later.observed)


@dataclass
class DocumentTally:
    document: ComparedDocument
    overall: dict[Pair, PairTally]
    spans: dict[str, int]  # by annotator, of the labels compared
    categories: dict[str, Counter[str]]  # by annotator: of every token


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
    counts: dict[str, AnnotatorCounts] = field(default_factory=dict)
    pair_counts: dict[Pair, PairCounts] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.annotator_pairs: list[Pair] = list(combinations(self.annotators, 2))
        self.counts = {name: AnnotatorCounts() for name in self.annotators}
        self.pair_counts = {pair: PairCounts() for pair in self.annotator_pairs}

    def add(self, document: ComparedDocument) -> DocumentTally:
        """Compare one document and add its counts; its own counts are returned."""
        overall: dict[Pair, PairTally] = {}
        for pair in self.annotator_pairs:
            first, second = (document.layers[name] for name in pair)
            overall[pair] = self._add_pair(pair, first, second, document.packing)
            if first.relations or second.relations:
                self._add_relations(pair, first, second)
        categories = {
            name: self._add_annotator(name, document.layers[name], document.packing)
            for name in self.annotators
        }
        spans = {name: len(document.layers[name].spans) for name in self.annotators}
        self.characters += document.length
        self.tokens += document.tokens
        self.documents += 1
        return DocumentTally(document, overall, spans, categories)

    def merge(self, later: Tally) -> None:
        """Add the tally of the documents that come after this one's."""
        for name, counts in later.counts.items():
            self.counts[name].merge(self.characters, counts)
        for pair, pair_counts in later.pair_counts.items():
            self.pair_counts[pair].merge(pair_counts)
        for key, tally in later.pairs.items():
            _add_tally(self.pairs, key, tally)
        for relation_key, tally in later.relations.items():
            _add_tally(self.relations, relation_key, tally)
        self.characters += later.characters
        self.tokens += later.tokens
        self.documents += later.documents

    def settle(self) -> None:
        """Count up what was gathered so far (smaller to send from another process)."""
        for counts in self.counts.values():
            counts.settle()
        for pair_counts in self.pair_counts.values():
            pair_counts.settle()

    def finish(self) -> None:
        """Count up by label what was gathered: each annotator's, then each pair's. A
        label neither side used in a document agrees on all its tokens, so only the tokens
        in one side's spans were counted."""
        for name, counts in self.counts.items():
            self.by_annotator[name] = AnnotatorTally(
                spans=self._by_name(counts.span_labels.counts()),
                tokens=self._by_name(counts.covered),
                categories=counts.categories,
                relations=counts.relations,
                units=self._tracks(counts),
            )
        for pair, pair_counts in self.pair_counts.items():
            self._add_label_tallies(pair, pair_counts)

    def _add_label_tallies(self, pair: Pair, counts: PairCounts) -> None:
        """The pair's tally of each label either side used."""
        matched, disagreed = counts.matched.counts(), counts.disagreed
        ones, others = (self.by_annotator[name].spans for name in pair)
        for number, label in enumerate(self.labels):
            if ones[label] or others[label]:
                self.pairs[pair, label] = PairTally(
                    exact=matched[number],
                    overlap=matched[number] + counts.overlap[number],
                    first=ones[label],
                    second=others[label],
                    agreed=self.tokens - disagreed[number],
                    tokens=self.tokens,
                    observed=counts.observed[number],
                    disagreed=disagreed[number],
                )

    def track(self, name: str, label: str) -> UnitTrack:
        """The annotator's units of the label: an annotator who never marked it has one
        gap, the whole continuum."""
        found = self.by_annotator[name].units.get(label)
        if found is not None:
            return found
        return UnitTrack(Counter(), lambda size: max(0, self.characters - size + 1))

    def _by_name(self, by_number: Counter[int]) -> Counter[str]:
        return Counter({self.labels[number]: count for number, count in by_number.items()})

    def _tracks(self, counts: AnnotatorCounts) -> dict[str, UnitTrack]:
        """Each label's track, with its first gap from the start of the continuum and its
        last up to the end."""
        gaps = Counter(counts.unit_gaps.counts())
        for label, start in counts.first_start.items():
            gaps[label * LIMIT + start] += 1
        for label, end in counts.last_end.items():
            gaps[label * LIMIT + self.characters - end] += 1
        room = GapRoom(gaps)
        by_label: dict[int, Counter[int]] = {label: Counter() for label in counts.first_start}
        for packed, count in counts.unit_lengths.counts().items():
            label, length = divmod(packed, LIMIT)
            by_label[label][length] = count
        return {
            self.labels[label]: UnitTrack(lengths, room.room(label))
            for label, lengths in by_label.items()
        }

    def _add_pair(self, pair: Pair, first: Layer, second: Layer, packing: Packing) -> PairTally:
        counts = self.pair_counts[pair]
        common = first.spans & second.spans
        counts.matched.numbers += map(floordiv, common, repeat(packing.square))
        overlap = len(common)
        if len(common) < len(first.spans) or len(common) < len(second.spans):
            overlap += _add_differing(counts, first, second, packing)
        ones, others = first.tokens, second.tokens
        for label in ones.keys() | others.keys():
            counts.disagreed[label] += (ones.get(label, 0) ^ others.get(label, 0)).bit_count()
        one, other = first.categories, second.categories
        outside_both = packing.tokens - (first.covered | second.covered).bit_count()
        overall = PairTally(
            exact=len(common),
            overlap=overlap,
            first=len(first.spans),
            second=len(second.spans),
            agreed=len(one.items() & other.items()) + outside_both,
            tokens=packing.tokens,
        )
        self.pairs.setdefault((pair, None), PairTally()).add(overall)
        return overall

    def _add_relations(self, pair: Pair, first: Layer, second: Layer) -> None:
        both = Counter(key[0] for key in first.relations & second.relations)
        ones = Counter(key[0] for key in first.relations)
        others = Counter(key[0] for key in second.relations)
        for label in ones.keys() | others.keys():
            tally = PairTally(exact=both[label], first=ones[label], second=others[label])
            self.relations.setdefault((pair, label), PairTally()).add(tally)

    def _add_annotator(self, name: str, own: Layer, packing: Packing) -> Counter[str]:
        """Add the annotator's counts; the categories of the document's tokens are returned."""
        counts = self.counts[name]
        counts.span_labels.numbers += own.labels
        for label, tokens in own.tokens.items():
            counts.covered[label] += tokens.bit_count()
        counts.add_units(self.characters, own.units)
        by_number = Counter(own.categories.values())
        categories = Counter({self.labels[number]: count for number, count in by_number.items()})
        categories[OUTSIDE] = packing.tokens - len(own.categories)
        _add_counts(counts.categories, categories)
        for key in own.relations:
            counts.relations[key[0]] += 1
        return categories


def _add_differing(counts: PairCounts, first: Layer, second: Layer, packing: Packing) -> int:
    """Add the counts of the spans only one side marked, label by label: their matches by
    a shared character and alpha-U's distances between the sides. The matches are
    returned."""
    square, size = packing.square, packing.size
    by_label: dict[int, tuple[list[Unit], list[Unit]]] = {}
    for side, spans in enumerate((first.spans - second.spans, second.spans - first.spans)):
        for span in sorted(spans):
            label, place = divmod(span, square)
            start, end = divmod(place, size)
            by_label.setdefault(label, ([], []))[side].append((start, end))
    matched = 0
    for label, (ones, others) in by_label.items():
        if ones and others:
            pairs = overlap_pairs(ones, others)
            counts.overlap[label] += pairs
            matched += pairs
        if label in first.merged or label in second.merged:
            units = first.units.of_label(label), second.units.of_label(label)
            counts.observed[label] += observed_sum(*units)
        else:  # the units are the spans, and those both marked are at no distance
            counts.observed[label] += distance_sum(ones, others)
    return matched


def _add_tally(tallies: dict[K, PairTally], key: K, more: PairTally) -> None:
    total = tallies.get(key)
    if total is None:
        tallies[key] = more
    else:
        total.add(more)


def _add_counts(total: Counter[K], more: Counter[K]) -> None:
    for key, count in more.items():
        total[key] += count


def pooled(tallies: Sequence[PairTally]) -> PairTally:
    total = PairTally()
    for tally in tallies:
        total.add(tally)
    return total
