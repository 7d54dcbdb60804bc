"""What a scenario is: shared setup, then the sides that are measured, each in its own process.

Six kinds:

- ``Scenario`` compares our side with a reference side doing the same work: ours / reference
  must not exceed ``target_ratio``.
- ``LatencyScenario`` has one side that repeats a user action many times and times each
  repetition itself; the 95th percentile must not exceed ``target_ms``.
- ``MemoryScenario`` has several sides of ours (one per export format, say), each doing the
  same work its own way; the peak memory of each must not exceed ``max_peak_rss_mb``.
- ``SizeScenario`` has several sides of ours, each writing a file from inputs of its own;
  the file's size over the inputs' (as the side weighs them) must not exceed
  ``target_ratio``.
- ``QualityScenario`` has one side whose work yields a quality figure (a model's F1): the
  figure must reach ``min_quality`` and the work take at most ``max_seconds``. It is skipped,
  and says why, where its data is absent (a corpus in ../shared).
- ``FigureScenario`` has one side whose work yields figures that have no target (how many
  keys an analyst presses per entity, with suggestions and without): they are reported,
  never failed. It is skipped, and says why, where its data is absent.

The first two may also cap the peak memory (resident set) of our side's process.
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

InputMb = Callable[[Path], float]
"""Megabytes of the inputs in the data folder that a written file is compared with (such as
the UTF-8 bytes of the texts an import reads)."""

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
    input_mb: InputMb | None = None  # what the OUTPUT_STEM file is compared with, if anything
    max_runs: int | None = None  # for a scenario too long to run more often than this

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


@dataclass(frozen=True)
class MemoryScenario:
    name: str
    summary: str
    max_peak_rss_mb: float  # of each side's process
    setup: Setup
    sides: tuple[str, ...]
    side: Callable[[str], Prepare]  # a side's preparation, by its name
    runs: int | None = None  # of each side, whatever the runner's --runs (None: those)

    def prepare(self, side: str) -> Prepare:
        return _named_side(self.sides, side, self.side)


Weigh = Callable[[Path, Path], tuple[float, float]]
"""(the file's MB, the inputs' MB) of one side, from (data folder, scratch folder), after
its action."""


@dataclass(frozen=True)
class SizeScenario:
    name: str
    summary: str
    target_ratio: float  # the file's size over the inputs' must not exceed this
    setup: Setup
    sides: tuple[str, ...]
    side: Callable[[str], Prepare]
    weigh: Weigh
    runs: int | None = None

    def prepare(self, side: str) -> Prepare:
        return _named_side(self.sides, side, self.side)


def _named_side(sides: tuple[str, ...], side: str, prepare: Callable[[str], Prepare]) -> Prepare:
    if side not in sides:
        raise ValueError(f"unknown side {side!r}; use one of {', '.join(sides)}")
    return prepare(side)


Quality = Callable[[], tuple[float, int]]
"""The timed work of a quality scenario; returns its figure and how many items it handled."""

PrepareQuality = Callable[[Path, Path], Quality]
"""Untimed preparation of a quality scenario from (data folder, scratch folder)."""


@dataclass(frozen=True)
class QualityScenario:
    name: str
    summary: str
    figure: str  # what the figure is, as the table names it ("entity F1")
    min_quality: float  # the figure must reach this
    max_seconds: float  # the timed work must not take longer
    setup: Setup
    measure: PrepareQuality
    unavailable: Callable[[], str | None]  # why it cannot run here, or None when it can
    runs: int | None = 1  # of the side, whatever the runner's --runs (None: those)

    @property
    def sides(self) -> tuple[str, ...]:
        return (OURS,)


Measured = Callable[[], tuple[dict[str, float], int]]
"""The timed work of a figure scenario; returns its figures by name and how many items it
handled."""

PrepareMeasured = Callable[[Path, Path], Measured]
"""Untimed preparation of a figure scenario from (data folder, scratch folder)."""


@dataclass(frozen=True)
class FigureScenario:
    name: str
    summary: str
    shown: tuple[str, ...]  # the figures the table shows, by name (the JSON has them all)
    setup: Setup
    measure: PrepareMeasured
    unavailable: Callable[[], str | None]  # why it cannot run here, or None when it can
    runs: int | None = 1  # of the side, whatever the runner's --runs (None: those)

    @property
    def sides(self) -> tuple[str, ...]:
        return (OURS,)


AnyScenario = (
    Scenario | LatencyScenario | MemoryScenario | SizeScenario | QualityScenario | FigureScenario
)
