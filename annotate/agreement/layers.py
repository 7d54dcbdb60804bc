"""Each annotator's layer of one document, in the shapes the comparison takes.

Every span is packed into one number, ``label * size² + start * size + end``, where size
is the document's length plus one and label the label's place among those compared: an
annotator's spans are a set of numbers that sorts by label, start and end, and two layers
are compared with set operations over the whole document, not span by span. The tokens a
label's spans cover are the bits of one number, token i the bit 2**i. What a layer takes
from a span is worked out once for every span anyone marked, then chosen from for
each annotator: most spans are marked by several.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import chain, compress, islice
from operator import and_, eq, lt, or_

from annotate.agreement.measures import Unit
from annotate.token_bounds import Edges

RelationKey = tuple[str, str, int, int, str, int, int]  # label, head, tail (label, offsets)


@dataclass(frozen=True)
class Packing:
    """How one document's spans and tokens are packed into numbers."""

    size: int  # the document's length + 1: more than any offset
    tokens: int

    @property
    def square(self) -> int:
        return self.size * self.size


@dataclass(frozen=True)
class Units:
    """A layer's units for alpha-U, sorted by label and start: its spans, with the
    overlapping spans of one label merged into their union (touching ones stay apart)."""

    labels: list[int]
    starts: list[int]
    ends: list[int]

    def of_label(self, label: int) -> list[Unit]:
        first = bisect_left(self.labels, label)
        last = bisect_left(self.labels, label + 1, first)
        return list(zip(self.starts[first:last], self.ends[first:last], strict=True))


@dataclass(frozen=True)
class Layer:
    """One annotator's annotations of one document, of the labels compared."""

    spans: set[int]  # packed
    labels: list[int]  # the label of each span, in the order of the packed spans
    tokens: dict[int, int]  # by label: the tokens its spans share a character with, as bits
    covered: int  # the tokens any of its spans shares a character with, as bits
    categories: dict[int, int]  # token: the label of the shortest span covering it
    units: Units
    merged: set[int]  # the labels whose overlapping spans were merged into units
    relations: frozenset[RelationKey] = frozenset()


@dataclass(frozen=True)
class MarkedSpans:
    """Every span anyone marked in one document, sorted, with what the layers take from
    each: its label, start and end, and the tokens it shares a character with (as
    export tags them) as bits; and the same spans longest first."""

    spans: list[int]
    labels: list[int]
    starts: list[int]
    ends: list[int]
    tokens: list[int]
    longest_first: list[int]
    covered: list[range]  # in that order: the tokens each covers
    categories: list[tuple[int, ...]]  # in that order: its label, once for each


def layers(
    found: Sequence[list[int]], packing: Packing, edges: Edges, ranks: Sequence[int]
) -> list[Layer]:
    """Each annotator's layer, from its packed spans. ``edges``: the document's token
    edges (token i starts at edges[2i] and ends at edges[2i + 1]); ``ranks``: each
    label's place in name order."""
    marked = _marked(sorted(set().union(*found)), packing, edges, ranks)
    return [_layer(set(own), marked) for own in found]


def _marked(spans: list[int], packing: Packing, edges: Edges, ranks: Sequence[int]) -> MarkedSpans:
    size, square = packing.size, packing.square
    width = len(ranks) * size
    labels, starts, ends, tokens, covered, keys = [], [], [], [], [], []
    for span in spans:
        label, place = divmod(span, square)
        start, end = divmod(place, size)
        # A span shares a character with the tokens that end after its start and start
        # before its end: half the edges at or before its start (rounded down) are the
        # ends of those before it, half those before its end (rounded up) the starts of
        # those up to its end.
        first, stop = bisect_right(edges, start) // 2, (bisect_left(edges, end) + 1) // 2
        labels.append(label)
        starts.append(start)
        ends.append(end)
        tokens.append(((1 << (stop - first)) - 1) << first)
        covered.append(range(first, stop))
        # longest first, then by label in name order, then by start
        keys.append((start - end) * width + ranks[label] * size + start)
    order = sorted(range(len(spans)), key=keys.__getitem__)
    longest = [covered[number] for number in order]
    return MarkedSpans(
        spans=spans,
        labels=labels,
        starts=starts,
        ends=ends,
        tokens=tokens,
        longest_first=[spans[number] for number in order],
        covered=longest,
        categories=[(labels[n],) * len(each) for n, each in zip(order, longest, strict=True)],
    )


def _layer(own: set[int], marked: MarkedSpans) -> Layer:
    chosen = list(map(own.__contains__, marked.spans))
    labels = list(compress(marked.labels, chosen))
    starts, ends = list(compress(marked.starts, chosen)), list(compress(marked.ends, chosen))
    units, merged = _units(labels, starts, ends)
    tokens = _tokens_by_label(labels, compress(marked.tokens, chosen))
    return Layer(
        spans=own,
        labels=labels,
        tokens=tokens,
        covered=reduce(or_, tokens.values(), 0),
        categories=_categories(own, marked),
        units=units,
        merged=merged,
    )


def _tokens_by_label(labels: list[int], tokens: Iterable[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for label, bits in zip(labels, tokens, strict=True):
        found[label] = found.get(label, 0) | bits
    return found


def _categories(own: set[int], marked: MarkedSpans) -> dict[int, int]:
    """Each covered token's category: the label of the shortest span covering it; of equal
    lengths, the label last in name order. Longer spans are laid down first and shorter
    ones overwrite them; the tokens keep the order in which they were first covered."""
    chosen = list(map(own.__contains__, marked.longest_first))
    tokens = chain.from_iterable(compress(marked.covered, chosen))
    return dict(zip(tokens, chain.from_iterable(compress(marked.categories, chosen)), strict=True))


def _units(labels: list[int], starts: list[int], ends: list[int]) -> tuple[Units, set[int]]:
    """The spans as units, and the labels whose spans had to be merged. Sorted spans of a
    label overlap only where one starts before the one before it ends."""
    following = labels[1:]
    overlapping = map(and_, map(eq, following, labels), map(lt, islice(starts, 1, None), ends))
    merged = set(compress(following, overlapping))
    if not merged:
        return Units(labels, starts, ends), merged
    units = Units([], [], [])
    for label, start, end in zip(labels, starts, ends, strict=True):
        if units.labels and label == units.labels[-1] and start < units.ends[-1]:
            units.ends[-1] = max(units.ends[-1], end)
        else:
            units.labels.append(label)
            units.starts.append(start)
            units.ends.append(end)
    return units, merged
