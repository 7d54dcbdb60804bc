"""A short run of the crash harness (the full one: `make crash`, 100 kills)."""

from __future__ import annotations

from pathlib import Path

from tests.crash.harness import MODES, run


def test_nothing_that_returned_is_lost_when_work_is_killed(tmp_path: Path) -> None:
    rounds = run(kills=2 * len(MODES), seed=7, folder=tmp_path)
    assert [r.problems for r in rounds] == [[] for _ in rounds]
    assert {r.mode for r in rounds} == set(MODES)
    assert sum(r.actions for r in rounds if r.mode == "core") > 10
