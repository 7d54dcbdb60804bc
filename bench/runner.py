"""Run the scenarios, print tables, write JSON; exit 1 when a scenario misses its target.

Each run of each side is a fresh ``python -m bench.worker`` process, so times and peak
memory are per side and runs cannot affect one another. For a ratio scenario the best of the
runs counts. For a latency scenario every repetition of every run counts: the percentiles
are over all of them, and the peak memory is the highest of the runs. A memory or size
scenario takes the highest peak, or the largest file, of each side's runs. A quality
scenario takes the lowest figure and the longest time of its runs, and is skipped, saying
why, where its data is absent. A figure scenario reports the figures of its first run and
the longest time, and passes whatever they are (they have no target), unless skipped.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.registry import SCENARIOS
from bench.scenario import (
    AnyScenario,
    FigureScenario,
    LatencyScenario,
    MemoryScenario,
    QualityScenario,
    Samples,
    Scenario,
    SizeScenario,
)
from bench.worker import DEFAULT_DOCS

RUNS = 3
BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DEFAULT_JSON = BENCH_DIR / "results" / "latest.json"
COLUMNS = ("scenario", "ours s", "ours MB", "ref s", "ref MB", "ratio", "target", "result")
LATENCY_COLUMNS = ("scenario", "n", "p50 ms", "p95 ms", "max ms", "MB", "target", "result")
MEMORY_COLUMNS = ("scenario", "side", "items", "s", "MB", "target", "result")
SIZE_COLUMNS = ("scenario", "side", "items", "file MB", "input MB", "ratio", "target", "result")
QUALITY_COLUMNS = ("scenario", "items", "s", "MB", "figure", "target", "result")
FIGURE_COLUMNS = ("scenario", "items", "s", "MB", "figures", "result")
TARGET_PERCENTILE = 95


@dataclass(frozen=True)
class SideResult:
    seconds: list[float]
    peak_rss_mb: float  # the highest of the runs
    items: int
    output_mb: float | None = None  # the largest file written, if the side writes one
    input_mb: float | None = None  # what that file is compared with, if anything

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def items_per_second(self) -> float:
        """Items handled a second in the best run."""
        return self.items / self.best if self.best > 0 else math.inf

    @property
    def output_per_input(self) -> float | None:
        if self.output_mb is None or not self.input_mb:
            return None
        return self.output_mb / self.input_mb

    def to_json(self) -> dict[str, Any]:
        return {
            "seconds": self.best,
            "runs": self.seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "items": self.items,
            "items_per_second": self.items_per_second,
            "output_mb": self.output_mb,
            "input_mb": self.input_mb,
            "output_per_input": self.output_per_input,
        }


@dataclass(frozen=True)
class ScenarioResult:
    """A ratio scenario: our side against the reference side."""

    name: str
    target_ratio: float
    ours: SideResult
    reference: SideResult
    max_peak_rss_mb: float | None = None
    max_output_mb: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours.best / self.reference.best

    @property
    def same_work(self) -> bool:
        return self.ours.items == self.reference.items

    @property
    def within_memory(self) -> bool:
        return self.max_peak_rss_mb is None or self.ours.peak_rss_mb <= self.max_peak_rss_mb

    @property
    def misses(self) -> list[str]:
        """The targets missed, by name."""
        checks = (
            ("ratio", self.ratio <= self.target_ratio),
            ("memory", self.within_memory),
            ("file size", self.within_size),
        )
        return [name for name, met in checks if not met]

    @property
    def within_size(self) -> bool:
        if self.max_output_mb is None:
            return True
        return self.ours.output_mb is not None and self.ours.output_mb <= self.max_output_mb

    @property
    def passed(self) -> bool:
        return self.same_work and not self.misses

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": "ratio",
            "summary": SCENARIOS[self.name].summary,
            "ours": self.ours.to_json(),
            "reference": self.reference.to_json(),
            "ratio": self.ratio,
            "target_ratio": self.target_ratio,
            "max_peak_rss_mb": self.max_peak_rss_mb,
            "max_output_mb": self.max_output_mb,
            "same_work": self.same_work,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class Latencies:
    """Milliseconds of many repetitions of one action."""

    ms: list[float]  # in order

    @classmethod
    def of_seconds(cls, seconds: Sequence[float]) -> Latencies:
        return cls(sorted(value * 1000 for value in seconds))

    def percentile(self, percent: float) -> float:
        """The nearest-rank percentile: the smallest value that many percent do not exceed."""
        rank = max(1, math.ceil(percent / 100 * len(self.ms)))
        return self.ms[rank - 1]

    @property
    def median(self) -> float:
        return self.percentile(50)

    @property
    def target(self) -> float:
        return self.percentile(TARGET_PERCENTILE)

    @property
    def worst(self) -> float:
        return self.ms[-1]

    def to_json(self) -> dict[str, Any]:
        return {
            "count": len(self.ms),
            "p50_ms": self.median,
            f"p{TARGET_PERCENTILE}_ms": self.target,
            "max_ms": self.worst,
        }


@dataclass(frozen=True)
class LatencyResult:
    """A latency scenario: each repetition of every run, against an absolute target."""

    name: str
    target_ms: float
    runs: list[Samples]  # seconds, by kind of action, one entry a run
    peak_rss_mb: float  # the highest of the runs
    max_peak_rss_mb: float | None = None

    @property
    def latencies(self) -> Latencies:
        return Latencies.of_seconds(
            [value for run in self.runs for kind in run.values() for value in kind]
        )

    def latencies_of(self, kind: str) -> Latencies:
        return Latencies.of_seconds([value for run in self.runs for value in run.get(kind, [])])

    @property
    def kinds(self) -> list[str]:
        return sorted({kind for run in self.runs for kind in run})

    @property
    def within_memory(self) -> bool:
        return self.max_peak_rss_mb is None or self.peak_rss_mb <= self.max_peak_rss_mb

    @property
    def misses(self) -> list[str]:
        checks = (("time", self.latencies.target <= self.target_ms), ("memory", self.within_memory))
        return [name for name, met in checks if not met]

    @property
    def passed(self) -> bool:
        return bool(self.latencies.ms) and not self.misses

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": "latency",
            "summary": SCENARIOS[self.name].summary,
            **self.latencies.to_json(),
            "target_percentile": TARGET_PERCENTILE,
            "target_ms": self.target_ms,
            "by_action": {kind: self.latencies_of(kind).to_json() for kind in self.kinds},
            "runs": [
                {kind: [value * 1000 for value in values] for kind, values in run.items()}
                for run in self.runs
            ],
            "peak_rss_mb": self.peak_rss_mb,
            "max_peak_rss_mb": self.max_peak_rss_mb,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class MemoryResult:
    """A memory scenario: each side's peak against one cap."""

    name: str
    max_peak_rss_mb: float
    sides: dict[str, SideResult]

    def within_memory(self, side: str) -> bool:
        return self.sides[side].peak_rss_mb <= self.max_peak_rss_mb

    @property
    def same_work(self) -> bool:
        return len({side.items for side in self.sides.values()}) == 1

    @property
    def passed(self) -> bool:
        return self.same_work and all(self.within_memory(side) for side in self.sides)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": "memory",
            "summary": SCENARIOS[self.name].summary,
            "sides": {name: side.to_json() for name, side in self.sides.items()},
            "max_peak_rss_mb": self.max_peak_rss_mb,
            "same_work": self.same_work,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class SizeResult:
    """A size scenario: each side's file over its inputs, against one target."""

    name: str
    target_ratio: float
    sides: dict[str, SideResult]
    input_mb: dict[str, float]  # by side

    def ratio(self, side: str) -> float:
        return (self.sides[side].output_mb or 0.0) / self.input_mb[side]

    @property
    def passed(self) -> bool:
        return all(self.ratio(side) <= self.target_ratio for side in self.sides)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": "size",
            "summary": SCENARIOS[self.name].summary,
            "sides": {
                name: side.to_json() | {"input_mb": self.input_mb[name], "ratio": self.ratio(name)}
                for name, side in self.sides.items()
            },
            "target_ratio": self.target_ratio,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class QualityResult:
    """A quality scenario: its figure (the lowest of the runs) against a floor, and the
    time it took (the longest) against a ceiling; or why it was skipped."""

    name: str
    figure: str
    min_quality: float
    max_seconds: float
    quality: float | None = None
    seconds: float | None = None
    peak_rss_mb: float | None = None
    items: int | None = None
    skipped: str | None = None

    @property
    def misses(self) -> list[str]:
        if self.skipped is not None:
            return []
        checks = (
            (self.figure, (self.quality or 0.0) >= self.min_quality),
            ("time", (self.seconds or 0.0) <= self.max_seconds),
        )
        return [name for name, met in checks if not met]

    @property
    def passed(self) -> bool:
        return not self.misses

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": "quality",
            "summary": SCENARIOS[self.name].summary,
            "figure": self.figure,
            "quality": self.quality,
            "min_quality": self.min_quality,
            "seconds": self.seconds,
            "max_seconds": self.max_seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "items": self.items,
            "skipped": self.skipped,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class FigureResult:
    """A figure scenario: figures without a target, reported; or why it was skipped."""

    name: str
    shown: tuple[str, ...]  # the figures the table shows
    figures: dict[str, float] | None = None
    seconds: float | None = None
    peak_rss_mb: float | None = None
    items: int | None = None
    skipped: str | None = None

    @property
    def passed(self) -> bool:
        return True

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": "figures",
            "summary": SCENARIOS[self.name].summary,
            "figures": self.figures,
            "seconds": self.seconds,
            "peak_rss_mb": self.peak_rss_mb,
            "items": self.items,
            "skipped": self.skipped,
            "passed": self.passed,
        }


Result = ScenarioResult | LatencyResult | MemoryResult | SizeResult | QualityResult | FigureResult


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    names = [args.only] if args.only else list(SCENARIOS)
    results = [run_scenario(SCENARIOS[name], args.docs, args.runs) for name in names]
    print(format_report(results, args.docs, args.runs))
    write_json(args.json, results, args.docs, args.runs)
    _progress(f"wrote {args.json}")
    return 0 if all(result.passed for result in results) else 1


def run_scenario(scenario: AnyScenario, docs: int, runs: int) -> Result:
    """Set up the shared inputs once, then alternate the sides, one fresh process a run."""
    if isinstance(scenario, QualityScenario) and (absent := scenario.unavailable()):
        _progress(f"{scenario.name}: skipped: {absent}")
        return _quality_skipped(scenario, absent)
    if isinstance(scenario, FigureScenario) and (absent := scenario.unavailable()):
        _progress(f"{scenario.name}: skipped: {absent}")
        return FigureResult(scenario.name, scenario.shown, skipped=absent)
    with tempfile.TemporaryDirectory(prefix=f"bench-{scenario.name}-data-") as folder:
        data = Path(folder)
        _progress(f"{scenario.name}: setting up (--docs {docs})")
        started = time.perf_counter()
        scenario.setup(data, docs)
        _progress(f"{scenario.name}: set up in {time.perf_counter() - started:.1f} s")
        outputs: dict[str, list[dict[str, Any]]] = {side: [] for side in scenario.sides}
        for number in range(1, _runs_of(scenario, runs) + 1):
            for side in scenario.sides:
                output = run_worker(scenario.name, side, docs, data)
                _progress(f"{scenario.name}: {side} run {number}: {_describe(output)}")
                outputs[side].append(output)
    if isinstance(scenario, LatencyScenario):
        return _latency_result(scenario, outputs["ours"])
    if isinstance(scenario, MemoryScenario):
        sides = {side: _side_result(side_outputs) for side, side_outputs in outputs.items()}
        return MemoryResult(scenario.name, scenario.max_peak_rss_mb, sides)
    if isinstance(scenario, QualityScenario):
        return _quality_result(scenario, outputs["ours"])
    if isinstance(scenario, FigureScenario):
        return _figure_result(scenario, outputs["ours"])
    if isinstance(scenario, SizeScenario):
        sides = {side: _side_result(side_outputs) for side, side_outputs in outputs.items()}
        inputs = {
            side: max(float(output["input_mb"]) for output in side_outputs)
            for side, side_outputs in outputs.items()
        }
        return SizeResult(scenario.name, scenario.target_ratio, sides, inputs)
    return _ratio_result(scenario, outputs)


def _runs_of(scenario: AnyScenario, runs: int) -> int:
    """--runs, unless the scenario runs each side a number of times of its own."""
    if (
        isinstance(scenario, MemoryScenario | SizeScenario | QualityScenario | FigureScenario)
        and scenario.runs is not None
    ):
        return scenario.runs
    if isinstance(scenario, Scenario) and scenario.max_runs is not None:
        return min(runs, scenario.max_runs)
    return runs


def run_worker(scenario: str, side: str, docs: int, data: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.worker", scenario, side]
    command += ["--docs", str(docs), "--data", str(data)]
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"{scenario} {side} failed:\n{completed.stderr}")
    output: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return output


def format_report(results: Sequence[Result], docs: int, runs: int) -> str:
    """A table for each kind of scenario run: ratio, latency, memory and size."""
    ratios = [result for result in results if isinstance(result, ScenarioResult)]
    latencies = [result for result in results if isinstance(result, LatencyResult)]
    memories = [result for result in results if isinstance(result, MemoryResult)]
    sizes = [result for result in results if isinstance(result, SizeResult)]
    qualities = [result for result in results if isinstance(result, QualityResult)]
    figures = [result for result in results if isinstance(result, FigureResult)]
    parts = [f"--docs {docs} (for the scenarios that scale with it), --runs {runs}"]
    if ratios:
        parts.append("ratio scenarios: the best run of each side")
        parts.append(format_table(COLUMNS, [_table_row(result) for result in ratios]))
    if latencies:
        parts.append(
            "latency scenarios: every repetition of every run, the target on the"
            f" {TARGET_PERCENTILE}th percentile; MB: the highest peak of the runs"
        )
        parts.append(format_table(LATENCY_COLUMNS, [_latency_row(result) for result in latencies]))
    if memories:
        parts.append("memory scenarios: each side in its own process, the highest peak of its runs")
        parts.append(
            format_table(MEMORY_COLUMNS, [row for r in memories for row in _memory_rows(r)])
        )
    if sizes:
        parts.append("size scenarios: each side's file over its inputs")
        parts.append(format_table(SIZE_COLUMNS, [row for r in sizes for row in _size_rows(r)]))
    if qualities:
        parts.append(
            "quality scenarios: the lowest figure and the longest time of the runs; skipped"
            " where their data is absent"
        )
        parts.append(format_table(QUALITY_COLUMNS, [_quality_row(r) for r in qualities]))
    if figures:
        parts.append(
            "figure scenarios: figures without a target, reported (the first run's); skipped"
            " where their data is absent"
        )
        parts.append(format_table(FIGURE_COLUMNS, [_figure_row(r) for r in figures]))
    return "\n".join(parts)


def format_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    table = [columns, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(columns))]
    lines = [
        "  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True))
        for row in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def write_json(path: Path, results: Sequence[Result], docs: int, runs: int) -> None:
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
    verdict = _verdict(result.passed, result.misses)
    if not result.same_work:
        verdict += f" (items {result.ours.items} vs {result.reference.items})"
    return (
        result.name,
        f"{result.ours.best:.3f}",
        f"{result.ours.peak_rss_mb:.1f}",
        f"{result.reference.best:.3f}",
        f"{result.reference.peak_rss_mb:.1f}",
        f"{result.ratio:.2f}x",
        _targets(_ratio_target(result), result.max_peak_rss_mb),
        verdict,
    )


def _latency_row(result: LatencyResult) -> tuple[str, ...]:
    latencies = result.latencies
    return (
        result.name,
        str(len(latencies.ms)),
        f"{latencies.median:.1f}",
        f"{latencies.target:.1f}",
        f"{latencies.worst:.1f}",
        f"{result.peak_rss_mb:.1f}",
        _targets(f"p{TARGET_PERCENTILE} <= {result.target_ms:g} ms", result.max_peak_rss_mb),
        _verdict(result.passed, result.misses),
    )


def _memory_rows(result: MemoryResult) -> list[tuple[str, ...]]:
    return [
        (
            result.name,
            name,
            str(side.items),
            f"{side.best:.3f}",
            f"{side.peak_rss_mb:.1f}",
            f"<= {result.max_peak_rss_mb:g} MB",
            _verdict(
                result.within_memory(name) and result.same_work,
                [] if result.within_memory(name) else ["memory"],
            ),
        )
        for name, side in result.sides.items()
    ]


def _size_rows(result: SizeResult) -> list[tuple[str, ...]]:
    return [
        (
            result.name,
            name,
            str(side.items),
            f"{side.output_mb or 0.0:.2f}",
            f"{result.input_mb[name]:.2f}",
            f"{result.ratio(name):.2f}x",
            f"<= {result.target_ratio:g}x",
            _verdict(result.ratio(name) <= result.target_ratio, ["size"]),
        )
        for name, side in result.sides.items()
    ]


def _quality_row(result: QualityResult) -> tuple[str, ...]:
    target = f">= {result.min_quality:g}, <= {result.max_seconds:g} s"
    if result.skipped is not None:
        return (result.name, "-", "-", "-", "-", target, f"skipped: {result.skipped}")
    return (
        result.name,
        str(result.items),
        f"{result.seconds or 0.0:.1f}",
        f"{result.peak_rss_mb or 0.0:.1f}",
        f"{result.figure} {result.quality or 0.0:.3f}",
        target,
        _verdict(result.passed, result.misses),
    )


def _figure_row(result: FigureResult) -> tuple[str, ...]:
    if result.skipped is not None or result.figures is None:
        return (result.name, "-", "-", "-", "-", f"skipped: {result.skipped}")
    shown = ", ".join(f"{name} {result.figures[name]:.2f}" for name in result.shown)
    return (
        result.name,
        str(result.items),
        f"{result.seconds or 0.0:.1f}",
        f"{result.peak_rss_mb or 0.0:.1f}",
        shown,
        "reported",
    )


def _ratio_target(result: ScenarioResult) -> str:
    target = f"<= {result.target_ratio:g}x"
    ours = result.ours
    if ours.output_mb is not None and ours.output_per_input is not None:
        target += f" (file {ours.output_mb:.0f} MB, {ours.output_per_input:.1f}x its input)"
    if result.max_output_mb is None or ours.output_mb is None:
        return target
    return f"{target}, file {ours.output_mb:.2f} <= {result.max_output_mb:g} MB"


def _targets(main: str, max_peak_rss_mb: float | None) -> str:
    return main if max_peak_rss_mb is None else f"{main}, <= {max_peak_rss_mb:g} MB"


def _verdict(passed: bool, misses: list[str]) -> str:
    if passed:
        return "pass"
    return f"FAIL ({', '.join(misses)})" if misses else "FAIL"


def _describe(output: dict[str, Any]) -> str:
    if "figures" in output:
        shown = ", ".join(f"{name} {value:g}" for name, value in output["figures"].items())
        return f"{output['seconds']:.1f} s, {output['items']} items, {shown}"
    if "quality" in output:
        return f"{output['seconds']:.1f} s, {output['items']} items, figure {output['quality']:.3f}"
    if "samples" not in output:
        rate = output["items"] / output["seconds"] if output["seconds"] > 0 else math.inf
        return f"{output['seconds']:.3f} s, {output['items']} items ({rate:,.0f} a second)"
    latencies = Latencies.of_seconds([v for kind in output["samples"].values() for v in kind])
    return (
        f"{len(latencies.ms)} repetitions, p50 {latencies.median:.1f} ms,"
        f" p{TARGET_PERCENTILE} {latencies.target:.1f} ms, max {latencies.worst:.1f} ms"
    )


def _ratio_result(scenario: Scenario, outputs: dict[str, list[dict[str, Any]]]) -> ScenarioResult:
    return ScenarioResult(
        scenario.name,
        scenario.target_ratio,
        _side_result(outputs["ours"]),
        _side_result(outputs["reference"]),
        scenario.max_peak_rss_mb,
        scenario.max_output_mb,
    )


def _latency_result(scenario: LatencyScenario, outputs: list[dict[str, Any]]) -> LatencyResult:
    return LatencyResult(
        scenario.name,
        scenario.target_ms,
        runs=[
            {kind: [float(value) for value in values] for kind, values in output["samples"].items()}
            for output in outputs
        ],
        peak_rss_mb=max(float(output["peak_rss_mb"]) for output in outputs),
        max_peak_rss_mb=scenario.max_peak_rss_mb,
    )


def _quality_skipped(scenario: QualityScenario, reason: str) -> QualityResult:
    return QualityResult(
        scenario.name,
        scenario.figure,
        scenario.min_quality,
        scenario.max_seconds,
        skipped=reason,
    )


def _quality_result(scenario: QualityScenario, outputs: list[dict[str, Any]]) -> QualityResult:
    side = _side_result(outputs)
    return QualityResult(
        scenario.name,
        scenario.figure,
        scenario.min_quality,
        scenario.max_seconds,
        quality=min(float(output["quality"]) for output in outputs),
        seconds=max(side.seconds),
        peak_rss_mb=side.peak_rss_mb,
        items=side.items,
    )


def _figure_result(scenario: FigureScenario, outputs: list[dict[str, Any]]) -> FigureResult:
    side = _side_result(outputs)
    figures = {name: float(value) for name, value in outputs[0]["figures"].items()}
    return FigureResult(
        scenario.name,
        scenario.shown,
        figures=figures,
        seconds=max(side.seconds),
        peak_rss_mb=side.peak_rss_mb,
        items=side.items,
    )


def _side_result(outputs: list[dict[str, Any]]) -> SideResult:
    items = {int(output["items"]) for output in outputs}
    if len(items) != 1:
        raise SystemExit(f"runs of one side handled different numbers of items: {items}")
    return SideResult(
        seconds=[float(output["seconds"]) for output in outputs],
        peak_rss_mb=max(float(output["peak_rss_mb"]) for output in outputs),
        items=items.pop(),
        output_mb=max(
            (float(output["output_mb"]) for output in outputs if "output_mb" in output),
            default=None,
        ),
        input_mb=next(
            (float(output["input_mb"]) for output in outputs if "input_mb" in output), None
        ),
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
