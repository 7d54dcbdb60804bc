"""Run the scenarios, print a table, write JSON; exit 1 when a scenario misses its target.

Each run of each side is a fresh ``python -m bench.worker`` process, so times and peak
memory are per side and runs cannot affect one another. The best of the runs counts.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.registry import SCENARIOS
from bench.scenario import SIDES, Scenario
from bench.worker import DEFAULT_DOCS

RUNS = 3
BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DEFAULT_JSON = BENCH_DIR / "results" / "latest.json"
COLUMNS = ("scenario", "ours s", "ours MB", "ref s", "ref MB", "ratio", "target", "result")


@dataclass(frozen=True)
class SideResult:
    seconds: list[float]
    peak_rss_mb: float  # the highest of the runs
    items: int

    @property
    def best(self) -> float:
        return min(self.seconds)

    def to_json(self) -> dict[str, Any]:
        return {
            "seconds": self.best,
            "runs": self.seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "items": self.items,
        }


@dataclass(frozen=True)
class ScenarioResult:
    name: str
    target_ratio: float
    ours: SideResult
    reference: SideResult

    @property
    def ratio(self) -> float:
        return self.ours.best / self.reference.best

    @property
    def same_work(self) -> bool:
        return self.ours.items == self.reference.items

    @property
    def passed(self) -> bool:
        return self.same_work and self.ratio <= self.target_ratio

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "summary": SCENARIOS[self.name].summary,
            "ours": self.ours.to_json(),
            "reference": self.reference.to_json(),
            "ratio": self.ratio,
            "target_ratio": self.target_ratio,
            "same_work": self.same_work,
            "passed": self.passed,
        }


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    names = [args.only] if args.only else list(SCENARIOS)
    results = [run_scenario(SCENARIOS[name], args.docs, args.runs) for name in names]
    print(f"{args.docs} documents, best of {args.runs} runs of each side")
    print(format_table(results))
    write_json(args.json, results, args.docs, args.runs)
    _progress(f"wrote {args.json}")
    return 0 if all(result.passed for result in results) else 1


def run_scenario(scenario: Scenario, docs: int, runs: int) -> ScenarioResult:
    """Set up the shared inputs once, then alternate the sides, one fresh process a run."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{scenario.name}-data-") as folder:
        data = Path(folder)
        _progress(f"{scenario.name}: setting up {docs} documents")
        started = time.perf_counter()
        scenario.setup(data, docs)
        _progress(f"{scenario.name}: set up in {time.perf_counter() - started:.1f} s")
        outputs: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
        for number in range(1, runs + 1):
            for side in SIDES:
                output = run_worker(scenario.name, side, docs, data)
                _progress(f"{scenario.name}: {side} run {number}: {output['seconds']:.3f} s")
                outputs[side].append(output)
    return ScenarioResult(
        scenario.name,
        scenario.target_ratio,
        _side_result(outputs["ours"]),
        _side_result(outputs["reference"]),
    )


def run_worker(scenario: str, side: str, docs: int, data: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.worker", scenario, side]
    command += ["--docs", str(docs), "--data", str(data)]
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"{scenario} {side} failed:\n{completed.stderr}")
    output: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return output


def format_table(results: list[ScenarioResult]) -> str:
    rows = [COLUMNS, *(_table_row(result) for result in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def write_json(path: Path, results: list[ScenarioResult], docs: int, runs: int) -> None:
    report = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "machine": platform.machine(),
        "docs": docs,
        "runs": runs,
        "passed": all(result.passed for result in results),
        "scenarios": [result.to_json() for result in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _table_row(result: ScenarioResult) -> tuple[str, ...]:
    verdict = "pass" if result.passed else "FAIL"
    if not result.same_work:
        verdict += f" (items {result.ours.items} vs {result.reference.items})"
    return (
        result.name,
        f"{result.ours.best:.3f}",
        f"{result.ours.peak_rss_mb:.1f}",
        f"{result.reference.best:.3f}",
        f"{result.reference.peak_rss_mb:.1f}",
        f"{result.ratio:.2f}x",
        f"<= {result.target_ratio:g}x",
        verdict,
    )


def _side_result(outputs: list[dict[str, Any]]) -> SideResult:
    items = {int(output["items"]) for output in outputs}
    if len(items) != 1:
        raise SystemExit(f"runs of one side handled different numbers of items: {items}")
    return SideResult(
        seconds=[float(output["seconds"]) for output in outputs],
        peak_rss_mb=max(float(output["peak_rss_mb"]) for output in outputs),
        items=items.pop(),
    )


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value}")
    return number


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", choices=list(SCENARIOS), help="run just this scenario")
    parser.add_argument("--docs", type=_positive, default=DEFAULT_DOCS, help="documents")
    parser.add_argument("--runs", type=_positive, default=RUNS, help="runs of each side")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write JSON")
    return parser.parse_args(argv)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
