"""Which spans overlap a stretch of text: an index that stays fast for long spans too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)

BUCKET_SIZE = 1024  # characters per bucket


class IntervalIndex(Generic[Key]):
    """Half-open intervals by key, each filed in every fixed-size bucket of text it touches.

    A query looks only at the buckets it covers, so a quote of many paragraphs costs a few
    bucket entries instead of making every query scan a wide window.
    """

    def __init__(self) -> None:
        self._intervals: dict[Key, tuple[int, int]] = {}
        self._buckets: defaultdict[int, set[Key]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._intervals)

    def __contains__(self, key: object) -> bool:
        return key in self._intervals

    def add(self, key: Key, start: int, end: int) -> None:
        if end <= start:
            raise ValueError(f"empty interval [{start}, {end})")
        self.remove(key)
        self._intervals[key] = (start, end)
        for bucket in _buckets_of(start, end):
            self._buckets[bucket].add(key)

    def remove(self, key: Key) -> None:
        interval = self._intervals.pop(key, None)
        if interval is None:
            return
        for bucket in _buckets_of(*interval):
            keys = self._buckets[bucket]
            keys.discard(key)
            if not keys:
                del self._buckets[bucket]

    def overlapping(self, start: int, end: int) -> set[Key]:
        """Keys whose interval shares at least one character with [start, end)."""
        found: set[Key] = set()
        if end <= start:
            return found
        for bucket in _buckets_of(start, end):
            for key in self._buckets.get(bucket, ()):
                key_start, key_end = self._intervals[key]
                if key_start < end and start < key_end:
                    found.add(key)
        return found

    def at(self, position: int) -> set[Key]:
        """Keys whose interval contains the character at position."""
        return self.overlapping(position, position + 1)


def _buckets_of(start: int, end: int) -> range:
    return range(start // BUCKET_SIZE, (end - 1) // BUCKET_SIZE + 1)
