"""The benchmark runner works end to end on a tiny corpus (its figures are not checked here:
speed is judged by `make bench` on the full corpus, never by unit tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_bench_runner_measures_both_sides_of_every_scenario(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--docs", "20", "--runs", "1", "--json", str(out)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(out.read_text())
    scenarios = {s["name"]: s for s in report["scenarios"]}
    assert set(scenarios) == {"import", "export"}
    for scenario in scenarios.values():
        assert scenario["same_work"], scenario
        assert scenario["ours"]["items"] > 0
        assert scenario["ours"]["peak_rss_mb"] > 0
    assert "scenario" in result.stdout and "ratio" in result.stdout
