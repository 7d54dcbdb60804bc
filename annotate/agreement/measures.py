"""Agreement measures on plain data: span F1, Cohen's and Fleiss' kappa, Krippendorff's
alpha for coding (nominal) and for unitizing (alpha-U).

A measure that would divide by zero (nothing marked, or chance agreement 1) is None.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from operator import itemgetter
from typing import TypeVar

Unit = tuple[int, int]  # half-open [start, end)
Category = TypeVar("Category", bound=Hashable)


def f1(matched: int, first: int, second: int) -> float | None:
    """2 * matched / (first + second): the F1 of either side against the other."""
    total = first + second
    return None if total == 0 else 2 * matched / total


def exact_matches(first: Iterable[Unit], second: Iterable[Unit]) -> int:
    return len(set(first) & set(second))


def overlap_matches(first: Iterable[Unit], second: Iterable[Unit]) -> int:
    """Pairs in a one-to-one matching: identical spans first, then as many of the others
    as can be paired with a span they share a character with."""
    ones, others = set(first), set(second)
    exact = ones & others
    return len(exact) + overlap_pairs(sorted(ones - exact), sorted(others - exact))


def overlap_pairs(first: list[Unit], second: list[Unit]) -> int:
    """A maximum matching of overlapping intervals: take each first interval by its end
    and pair it with the free overlapping second interval that ends soonest."""
    if not first or not second:
        return 0
    free = sorted(second, key=_END)
    matched = 0
    for start, end in sorted(first, key=_END):
        for index, (free_start, free_end) in enumerate(free):
            if free_start < end and start < free_end:
                del free[index]
                matched += 1
                break
    return matched


_END = itemgetter(1)


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two coders' categories for the same items."""
    agreed = total = 0
    first: Counter[Hashable] = Counter()
    second: Counter[Hashable] = Counter()
    for one, other in pairs:
        agreed += one == other
        total += 1
        first[one] += 1
        second[other] += 1
    return kappa_from_counts(agreed, total, first, second)


def kappa_from_counts(
    agreed: int, total: int, first: Mapping[Category, int], second: Mapping[Category, int]
) -> float | None:
    """Cohen's kappa from the items agreed on and each coder's category counts."""
    if total == 0:
        return None
    expected = sum(count * second.get(category, 0) for category, count in first.items())
    return _chance_corrected(agreed / total, expected / (total * total))


def fleiss_kappa(rows: Iterable[Mapping[Hashable, int]]) -> float | None:
    """Fleiss' kappa: one row per subject, how many raters chose each category; every
    subject has the same number of raters."""
    subjects = raters = squares = 0
    totals: Counter[Hashable] = Counter()
    for row in rows:
        raters = sum(row.values())
        subjects += 1
        squares += sum(count * count for count in row.values())
        totals.update(row)
    if subjects == 0 or raters < 2:
        return None
    agreeing_pairs = (squares - subjects * raters) // 2
    return fleiss_from_pairs(subjects, raters, agreeing_pairs, totals)


def fleiss_from_pairs(
    subjects: int, raters: int, agreeing_pairs: int, totals: Mapping[Category, int]
) -> float | None:
    """Fleiss' kappa from the number of agreeing (unordered) rater pairs summed over the
    subjects and the category totals: the mean subject agreement is the share of rater
    pairs that agree."""
    if subjects == 0 or raters < 2:
        return None
    observed = 2 * agreeing_pairs / (subjects * raters * (raters - 1))
    ratings = subjects * raters
    expected = sum((count / ratings) ** 2 for count in totals.values())
    return _chance_corrected(observed, expected)


def _chance_corrected(observed: float, expected: float) -> float | None:
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(table: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data: one row per unit, one value (or None when
    missing) per coder. Units with fewer than two values are not pairable and left out."""
    disagreement = 0.0
    values: Counter[Hashable] = Counter()
    for row in table:
        present = Counter(value for value in row if value is not None)
        pairable = sum(present.values())
        if pairable < 2:
            continue
        values.update(present)
        same = sum(count * count for count in present.values())
        disagreement += (pairable * pairable - same) / (pairable - 1)
    total = sum(values.values())
    expected = total * total - sum(count * count for count in values.values())
    if expected == 0:
        return None
    return 1.0 - (total - 1) * disagreement / expected


@dataclass(frozen=True)
class UnitizingAlpha:
    observed: float  # D_o
    expected: float  # D_e
    alpha: float | None


def unitizing_alpha(length: int, coders: Sequence[Sequence[Unit]]) -> UnitizingAlpha | None:
    """Krippendorff's alpha-U for one category over a continuum [0, length): each coder's
    units, sorted and not overlapping (they may touch). The definition of Krippendorff
    (2004, Content Analysis, section 12.4) as DKPro Statistics implements it; None when
    no coder marked anything."""
    for units in coders:
        check_units(length, units)
    expected = expected_disagreement(
        length,
        len(coders),
        sum((unit_lengths(units) for units in coders), Counter()),
        sum((gap_lengths(length, units) for units in coders), Counter()),
    )
    if expected is None:
        return None
    raw = sum(observed_sum(one, other) for one, other in combinations(coders, 2))
    observed = observed_disagreement(raw, length, len(coders))
    return UnitizingAlpha(observed, expected, alpha_from(observed, expected))


def alpha_from(observed: float, expected: float) -> float | None:
    return None if expected == 0 else 1.0 - observed / expected


def check_units(length: int, units: Sequence[Unit]) -> None:
    position = 0
    for start, end in units:
        if start < position or end <= start or end > length:
            raise ValueError(f"units must be sorted, apart and inside [0, {length})")
        position = end


def observed_sum(first: Sequence[Unit], second: Sequence[Unit]) -> int:
    """The sum of the distances between two coders' segments that meet: (start
    difference)^2 + (end difference)^2 for two overlapping units, length^2 for a unit
    that lies in the other coder's gap. Identical units cost nothing, so only the
    others are walked."""
    if first == second:
        return 0
    common = set(first) & set(second)
    ones = [unit for unit in first if unit not in common]
    others = [unit for unit in second if unit not in common]
    return distance_sum(ones, others)


def distance_sum(ones: Sequence[Unit], others: Sequence[Unit]) -> int:
    """observed_sum of two coders' units of which none are the same."""
    total = 0
    met_one: set[Unit] = set()
    met_other: set[Unit] = set()
    i = j = 0
    while i < len(ones) and j < len(others):
        (a_start, a_end), (b_start, b_end) = ones[i], others[j]
        if a_end <= b_start:
            i += 1
        elif b_end <= a_start:
            j += 1
        else:
            total += (a_start - b_start) ** 2 + (a_end - b_end) ** 2
            met_one.add(ones[i])
            met_other.add(others[j])
            i += a_end <= b_end
            j += b_end <= a_end
    total += sum((e - s) ** 2 for s, e in ones if (s, e) not in met_one)
    total += sum((e - s) ** 2 for s, e in others if (s, e) not in met_other)
    return total


def observed_disagreement(raw: int, length: int, coders: int) -> float:
    """D_o from the sum of observed_sum over every pair of coders."""
    return 2 * raw / (coders * (coders - 1) * length * length)


def unit_lengths(units: Iterable[Unit]) -> Counter[int]:
    return Counter(end - start for start, end in units)


def gap_lengths(length: int, units: Sequence[Unit]) -> Counter[int]:
    """The lengths of the stretches between one coder's units (none between touching ones)."""
    ends = [0, *(end for _, end in units)]
    starts = [*(start for start, _ in units), length]
    return Counter(start - end for end, start in zip(ends, starts, strict=True) if start > end)


def expected_disagreement(
    length: int, coders: int, units: Mapping[int, int], gaps: Mapping[int, int]
) -> float | None:
    """D_e from the counts of unit lengths and gap lengths of every coder:

    2/L * sum over units u [(N-1)(2l^3 - 3l^2 + l)/3 + l^2 * sum over gaps g with
    l_g >= l of (l_g - l + 1)] / [mL(mL - 1) - sum over units of l(l - 1)]."""
    return expected_from_room(length, coders, units, _room_within(gaps))


def expected_from_room(
    length: int, coders: int, units: Mapping[int, int], within: Callable[[int], int]
) -> float | None:
    """expected_disagreement with the gaps given by ``within``: size -> the sum over gaps
    at least that long of (gap length - size + 1)."""
    count = sum(units.values())
    if count == 0:
        return None
    numerator = 0.0
    for size, times in units.items():
        own = (count - 1) * (2 * size**3 - 3 * size**2 + size) / 3
        numerator += times * (own + size * size * within(size))
    squares = sum(times * size * (size - 1) for size, times in units.items())
    denominator = coders * length * (coders * length - 1) - squares
    return 2 / length * numerator / denominator


def _room_within(gaps: Mapping[int, int]) -> Callable[[int], int]:
    """size -> the sum over gaps at least that long of (gap length - size + 1), each
    answered by one bisection over the gap lengths with suffix sums."""
    sizes = sorted(gaps)
    counts = [0] * (len(sizes) + 1)
    lengths = [0] * (len(sizes) + 1)
    for index in range(len(sizes) - 1, -1, -1):
        counts[index] = counts[index + 1] + gaps[sizes[index]]
        lengths[index] = lengths[index + 1] + gaps[sizes[index]] * sizes[index]

    def within(size: int) -> int:
        first = bisect_left(sizes, size)
        return lengths[first] - (size - 1) * counts[first]

    return within
