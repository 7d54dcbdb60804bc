"""What a scenario is: shared setup, then the sides that are measured, each in its own process.

Two kinds:

- ``Scenario`` compares our side with a reference side doing the same work: ours / reference
  must not exceed ``target_ratio``.
- ``LatencyScenario`` has one side that repeats a user action many times and times each
  repetition itself; the 95th percentile must not exceed ``target_ms``.

Either may also cap the peak memory (resident set) of our side's process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Action = Callable[[], int]
"""The timed work; returns how many items it handled, so both sides can be compared."""

Prepare = Callable[[Path, Path], Action]
"""Untimed preparation of one side from (data folder, scratch folder); returns the action."""

Setup = Callable[[Path, int], None]
"""Untimed generation of the inputs both sides share, for a number of documents."""

Samples = dict[str, list[float]]
"""Seconds taken by each repetition of a latency scenario, by kind of action ("add", ...)."""

Repeat = Callable[[], Samples]
"""Runs every repetition, timing each one alone, and returns the samples."""

PrepareRepeat = Callable[[Path, Path], Repeat]
"""Untimed preparation of a latency scenario from (data folder, scratch folder)."""

SIDES = ("ours", "reference")
OURS = "ours"
OUTPUT_STEM = "output"
"""A file our side writes in its scratch folder under this name (with any suffix) is weighed."""


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    target_ratio: float  # ours / reference must not exceed this
    setup: Setup
    ours: Prepare
    reference: Prepare
    max_peak_rss_mb: float | None = None  # of our side's process, if capped
    max_output_mb: float | None = None  # of the OUTPUT_STEM file our side writes, if capped

    @property
    def sides(self) -> tuple[str, ...]:
        return SIDES

    def prepare(self, side: str) -> Prepare:
        if side not in SIDES:
            raise ValueError(f"unknown side {side!r}; use one of {', '.join(SIDES)}")
        return self.ours if side == "ours" else self.reference


@dataclass(frozen=True)
class LatencyScenario:
    name: str
    summary: str
    target_ms: float  # the 95th percentile of the repetitions must not exceed this
    setup: Setup
    repeat: PrepareRepeat
    max_peak_rss_mb: float | None = None  # of the process, if capped

    @property
    def sides(self) -> tuple[str, ...]:
        return (OURS,)


AnyScenario = Scenario | LatencyScenario
