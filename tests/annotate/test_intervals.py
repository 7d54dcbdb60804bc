from __future__ import annotations

import random

import pytest

from annotate.intervals import BUCKET_SIZE, IntervalIndex


def brute_force(intervals: dict[int, tuple[int, int]], start: int, end: int) -> set[int]:
    return {key for key, (s, e) in intervals.items() if s < end and start < e}


def test_overlapping_matches_a_brute_force_search_on_random_spans() -> None:
    rng = random.Random(7)
    index: IntervalIndex[int] = IntervalIndex()
    intervals: dict[int, tuple[int, int]] = {}
    for key in range(2000):
        start = rng.randrange(0, 50_000)
        length = rng.choice([1, 3, 12, 40, 900, 5_000])  # names, phrases, long quotes
        intervals[key] = (start, start + length)
        index.add(key, start, start + length)
    for key in rng.sample(sorted(intervals), 500):
        del intervals[key]
        index.remove(key)
    assert len(index) == len(intervals)
    for _ in range(300):
        start = rng.randrange(0, 56_000)
        end = start + rng.choice([1, 50, 700, 3 * BUCKET_SIZE])
        assert index.overlapping(start, end) == brute_force(intervals, start, end)


def test_half_open_edges_and_positions() -> None:
    index: IntervalIndex[str] = IntervalIndex()
    index.add("quote", 10, 5_000)
    index.add("name", 20, 25)
    assert index.at(9) == set()
    assert index.at(10) == {"quote"}
    assert index.at(24) == {"quote", "name"}
    assert index.at(25) == {"quote"}
    assert index.overlapping(5_000, 6_000) == set()
    assert index.overlapping(30, 30) == set()


def test_adding_a_key_again_moves_it_and_empty_intervals_are_refused() -> None:
    index: IntervalIndex[str] = IntervalIndex()
    index.add("a", 0, 5)
    index.add("a", 3_000, 3_005)
    assert index.at(2) == set()
    assert index.at(3_001) == {"a"}
    assert len(index) == 1
    with pytest.raises(ValueError):
        index.add("b", 4, 4)
    index.remove("missing")  # nothing to do
