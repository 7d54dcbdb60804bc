"""Every document's items counted from its spans read as codes and places, for the review
list and the review window's list of items.

Spans at one place make an exact group, kept as one number whose digits are their codes;
groups are joined into items as ``disagreements`` joins them. An item's state, and its key
but for the offsets, depend only on its groups in order (places sort as their offsets
do), so each such shape is worked out once for the many items that share it; only items
with links are compared span by span. The tests hold these counts and items to those of
``disagreements``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from annotate.review.codes import OFFSET_BITS, OFFSET_MASK, Head, Names, Rows, Unnamed
from annotate.review.disagreements import NO_LINKS, Links, State, attribution_state

KEY_CHARACTERS = 16  # as ``disagreements.key_of`` cuts them

Codes = tuple[int, ...]  # who marked an exact group with which label, a code a span
Group = int  # the same codes as the digits of one number (in base ``Names.base``)


@dataclass(frozen=True)
class Tally:
    items: int
    disagreements: int
    undecided: int  # items without a decision
    undecided_disagreements: int  # of those, the disagreements (the rest are agreed)


@dataclass(frozen=True)
class _Kind:
    """What an exact group's codes say for joining: who, which labels, which kind."""

    annotators: int  # a bit for each annotator index
    labels: int  # a bit for each label index
    is_passage: bool

    def joins(self, other: _Kind) -> bool:
        return (
            self.is_passage == other.is_passage
            and self.labels & other.labels != 0
            and self.annotators & other.annotators == 0
        )


@dataclass(frozen=True)
class _Shape:
    """What an item's groups' codes come to: its state, and the text its key hashes with
    %d for the offsets, which are those of the groups in ``order``."""

    state: State
    template: str
    order: tuple[int, ...]  # a group's index for each span, as the text names them
    disagrees: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "disagrees", self.state != "agreed")

    def described(self, places: list[int]) -> str:
        if len(places) == 1:
            alone = (places[0] >> OFFSET_BITS, places[0] & OFFSET_MASK)
            return self.template % (alone * len(self.order))
        offsets = [(place >> OFFSET_BITS, place & OFFSET_MASK) for place in places]
        return self.template % tuple(x for group in self.order for x in offsets[group])


class Found:
    """One item of a document: its groups' places in order, its state and its key (worked
    out when first asked)."""

    __slots__ = ("_described", "_key", "end", "places", "start", "state")

    def __init__(self, places: list[int], state: State, described: _Shape | str) -> None:
        self.places = places
        self.start = places[0] >> OFFSET_BITS
        self.end = max(place & OFFSET_MASK for place in places)
        self.state = state
        self._described = described
        self._key: str | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            described = self._described
            text = described if isinstance(described, str) else described.described(self.places)
            self._key = _hash(text)
        return self._key

    @property
    def disagreement(self) -> bool:
        return self.state != "agreed"


@dataclass(frozen=True)
class Items:
    """A document's items, and what reading their spans back needs: each place's codes,
    and who marked the document (a bit each)."""

    exact: dict[int, Group]
    everyone: int
    found: list[Found]


@dataclass
class Counter:
    """Counts documents one after another, remembering what each combination of codes
    comes to, which most documents share."""

    names: Names
    kinds: dict[Group, _Kind] = field(default_factory=dict)
    lone: dict[int, dict[Group, _Shape]] = field(default_factory=dict)  # by who marked
    shapes: dict[tuple[tuple[Group, ...], int], _Shape] = field(default_factory=dict)

    def count(self, rows: Rows, links: dict[Head, Links], decided: Set[str]) -> Tally | None:
        """The items of one document's rows; None when fewer than two annotators marked it.
        Raises Unnamed for a span the names do not hold."""
        exact, everyone = _exact(rows, self.names)
        if everyone & (everyone - 1) == 0:  # one annotator
            return None
        lone = self.lone.setdefault(everyone, {})
        linked = {(start << OFFSET_BITS) | end for _, _, start, end in links}
        tally = _Sums(decided)
        for run in _runs(sorted(exact)):
            if len(run) == 1 and run[0] not in linked:  # most groups: an item on its own
                shape = lone.get(exact[run[0]]) or self._lone(exact[run[0]], everyone)
                tally.items += 1
                tally.disagreements += shape.disagrees
                if tally.unmatched:
                    tally.match(shape.described(run), shape.disagrees)
            else:
                self._count_run(run, exact, everyone, links, linked, tally)
        return Tally(
            tally.items,
            tally.disagreements,
            tally.items - tally.decided,
            tally.disagreements - tally.decided_disagreements,
        )

    def items(self, rows: Rows, links: dict[Head, Links]) -> Items | None:
        """Each item of one document's rows, by its groups' places, in order of places;
        None when fewer than two annotators marked it. Raises Unnamed as ``count``."""
        exact, everyone = _exact(rows, self.names)
        if everyone & (everyone - 1) == 0:
            return None
        linked = {(start << OFFSET_BITS) | end for _, _, start, end in links}
        found = []
        for run in _runs(sorted(exact)):
            for members in self._join(run, exact):
                if not linked.isdisjoint(members):
                    state, described = self._linked(members, exact, everyone, links)
                    found.append(Found(members, state, repr(described)))
                else:
                    shape = self._shape_of(members, exact, everyone)
                    found.append(Found(members, shape.state, shape))
        return Items(exact, everyone, found)

    def codes(self, group: Group) -> Codes:
        codes = []
        base = self.names.base
        while group:
            group, digit = divmod(group, base)
            codes.append(digit - 1)
        return tuple(reversed(codes))

    def _lone(self, group: Group, everyone: int) -> _Shape:
        known = self.lone.setdefault(everyone, {})
        shape = known.get(group)
        if shape is None:
            shape = known[group] = self._shape((group,), everyone)
        return shape

    def _count_run(
        self,
        run: list[int],
        exact: dict[int, Group],
        everyone: int,
        links: dict[Head, Links],
        linked: set[int],
        tally: _Sums,
    ) -> None:
        for members in self._join(run, exact):
            if not linked.isdisjoint(members):
                state, described = self._linked(members, exact, everyone, links)
                tally.add_described(state != "agreed", repr(described))
            else:
                tally.add(self._shape_of(members, exact, everyone), members)

    def _shape_of(self, members: list[int], exact: dict[int, Group], everyone: int) -> _Shape:
        if len(members) == 1:
            return self._lone(exact[members[0]], everyone)
        groups = tuple(exact[place] for place in members)
        shape = self.shapes.get((groups, everyone))
        if shape is None:
            shape = self.shapes[groups, everyone] = self._shape(groups, everyone)
        return shape

    def _kind(self, group: Group) -> _Kind:
        kind = self.kinds.get(group)
        if kind is None:
            codes = self.codes(group)
            annotators = labels = 0
            for code in codes:
                annotator, label = self.names.split(code)
                annotators |= 1 << annotator
                labels |= 1 << label
            first = min(self.names.split(code)[1] for code in codes)  # the labels are sorted
            kind = self.kinds[group] = _Kind(annotators, labels, first in self.names.passages)
        return kind

    def _join(self, run: list[int], exact: dict[int, Group]) -> list[list[int]]:
        """The places of each item, as ``disagreements`` joins groups: each group joins the
        latest still open item of its kind that shares a label and none of its annotators."""
        if len(run) == 1:
            return [run]
        if len(run) == 2:  # the second overlaps the first, whose item is open
            first, second = run
            if self._kind(exact[first]).joins(self._kind(exact[second])):
                return [run]
            return [[first], [second]]
        joined: list[_Joined] = []
        open_items: list[_Joined] = []
        for place in run:
            start, end = place >> OFFSET_BITS, place & OFFSET_MASK
            kind = self._kind(exact[place])
            open_items = [earlier for earlier in open_items if earlier.end > start]
            target = next((item for item in reversed(open_items) if item.takes(kind)), None)
            if target is None:
                target = _Joined(end, kind)
                joined.append(target)
                open_items.append(target)
            else:
                target.add(end, kind)
            target.places.append(place)
        return [item.places for item in joined]

    def _shape(self, groups: tuple[Group, ...], everyone: int) -> _Shape:
        """What groups at distinct places, in order, come to; a group's index stands for its
        offsets, which sort, and differ, as the indexes do."""
        marked: dict[int, list[tuple[int, int]]] = {i: [] for i in _bits(everyone)}
        for index, group in enumerate(groups):
            for code in self.codes(group):
                annotator, label = self.names.split(code)
                marked[annotator].append((index, label))
        versions = []
        order: list[int] = []
        texts = []
        for annotator, spans in marked.items():
            spans.sort()
            versions.append(_Version([i for i, _ in spans], [label for _, label in spans]))
            order.extend(i for i, _ in spans)
            named = ", ".join(f"({_escaped(self.names.labels[lb])}, %d, %d)" for _, lb in spans)
            empty = ", ".join("[]" for _ in spans)
            texts.append(f"({_escaped(self.names.annotators[annotator])}, [{named}], [{empty}])")
        return _Shape(_state(versions), f"[{', '.join(texts)}]", tuple(order))

    def _linked(
        self, members: list[int], exact: dict[int, Group], everyone: int, links: dict[Head, Links]
    ) -> tuple[State, list[Any]]:
        """The state of an item with links, and what its key describes, as ``key_of``."""
        marked: dict[int, list[tuple[int, int, int]]] = {i: [] for i in _bits(everyone)}
        for place in members:
            start, end = place >> OFFSET_BITS, place & OFFSET_MASK
            for code in self.codes(exact[place]):
                annotator, label = self.names.split(code)
                marked[annotator].append((start, end, label))
        versions = []
        described = []
        for annotator, spans in marked.items():
            spans.sort()
            linked = [links.get((annotator, label, s, e), NO_LINKS) for s, e, label in spans]
            offsets = [(s, e) for s, e, _ in spans]
            versions.append(_Version(offsets, [label for _, _, label in spans], tuple(linked)))
            named = [(self.names.labels[label], s, e) for s, e, label in spans]
            described.append((self.names.annotators[annotator], named, [sorted(x) for x in linked]))
        return _state(versions), described


@dataclass
class _Version:
    offsets: Sequence[object]
    labels: Sequence[int]
    links: tuple[Links, ...] = ()


class _Sums:
    """A document's items, disagreements and decided items (and decided disagreements) so
    far. An item's key is worked out only while some decision has not found its item:
    items differ in their spans, so no two have the same key, and each decision is of one
    item at most."""

    def __init__(self, decided: Set[str]) -> None:
        self.items = self.disagreements = self.decided = self.decided_disagreements = 0
        self.wanted = decided
        self.unmatched = len(decided)

    def add(self, shape: _Shape, places: list[int]) -> None:
        self.items += 1
        self.disagreements += shape.disagrees
        if self.unmatched:
            self.match(shape.described(places), shape.disagrees)

    def add_described(self, disagrees: bool, described: str) -> None:
        self.items += 1
        self.disagreements += disagrees
        if self.unmatched:
            self.match(described, disagrees)

    def match(self, described: str, disagrees: bool) -> None:
        if _hash(described) in self.wanted:
            self.decided += 1
            self.decided_disagreements += disagrees
            self.unmatched -= 1


class _Joined:
    """An item being joined: its end so far, and its groups' kinds together."""

    def __init__(self, end: int, kind: _Kind) -> None:
        self.end = end
        self.kind = kind
        self.places: list[int] = []

    def takes(self, kind: _Kind) -> bool:
        """An open item overlaps a group that starts after it: only the kinds decide."""
        return self.kind.joins(kind)

    def add(self, end: int, kind: _Kind) -> None:
        self.end = max(self.end, end)
        self.kind = _Kind(
            self.kind.annotators | kind.annotators,
            self.kind.labels | kind.labels,
            self.kind.is_passage,
        )


def _state(versions: list[_Version]) -> State:
    """As ``disagreements.state_of``."""
    attribution = attribution_state([v.links for v in versions if v.labels])
    if attribution is not None:
        return attribution
    if any(not version.labels for version in versions):
        return "missing"
    if len({tuple(version.offsets) for version in versions}) > 1:
        return "boundaries"
    if len({tuple(version.labels) for version in versions}) > 1:
        return "label"
    if len({version.links for version in versions}) > 1:
        return "relation"
    return "agreed"


def _exact(rows: Rows, names: Names) -> tuple[dict[int, Group], int]:
    """Each place's group (its codes, in the rows' order, as digits), and who marked any
    (a bit each)."""
    groups: dict[int, Group] = {}
    get = groups.get
    base, labels = names.base, len(names.labels)
    everyone = 0
    for _, digit, places in rows:
        if digit is None:
            raise Unnamed
        everyone |= 1 << (digit - 1) // labels
        for place in map(int, places.split(",")):
            groups[place] = get(place, 0) * base + digit
    return groups, everyone


def _runs(places: list[int]) -> Iterator[list[int]]:
    """Places in order, in runs that overlap one another: an item never spans two runs."""
    run: list[int] = []
    reach = -1
    for place in places:
        end = place & OFFSET_MASK
        if place >> OFFSET_BITS < reach:
            run.append(place)
            reach = max(reach, end)
        else:
            if run:
                yield run
            run = [place]
            reach = end
    if run:
        yield run


def _bits(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def _escaped(name: str) -> str:
    return repr(name).replace("%", "%%")


def _hash(described: str) -> str:
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:KEY_CHARACTERS]
