"""What a scenario is: shared setup, then our side and a reference side, each timed alone."""

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

SIDES = ("ours", "reference")


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    target_ratio: float  # ours / reference must not exceed this
    setup: Setup
    ours: Prepare
    reference: Prepare

    def prepare(self, side: str) -> Prepare:
        if side not in SIDES:
            raise ValueError(f"unknown side {side!r}; use one of {', '.join(SIDES)}")
        return self.ours if side == "ours" else self.reference
