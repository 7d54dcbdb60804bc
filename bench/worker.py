"""Run one side of one scenario once, in this fresh process, and print JSON.

    python -m bench.worker SCENARIO SIDE --docs N [--data DIR]

Without --data the shared inputs are generated first, in a temporary folder. Only the
scenario's action is timed (a latency scenario times each of its repetitions itself); peak
memory is the whole process's maximum resident set.
"""

from __future__ import annotations

import argparse
import importlib.abc
import importlib.machinery
import json
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

HIDDEN = "pandas"


class _Hidden(importlib.abc.MetaPathFinder):
    """sqlite-utils imports pandas whenever it is installed (0.3 s, 80 MB), and so does
    pyarrow when it converts values. Only the consumers extra brings it in (for Hugging
    Face datasets in the tests), not an analyst's install, so the measured process goes
    without it, as theirs does. It is refused at import, as if not installed: pyarrow's
    compiled import would take a None in sys.modules for the module, and fail on it."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == HIDDEN or fullname.startswith(HIDDEN + "."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


if HIDDEN not in sys.modules:
    sys.meta_path.insert(0, _Hidden())

from bench.registry import SCENARIOS  # noqa: E402
from bench.scenario import (  # noqa: E402
    OUTPUT_STEM,
    AnyScenario,
    FigureScenario,
    LatencyScenario,
    MemoryScenario,
    QualityScenario,
    Scenario,
    SizeScenario,
)

DEFAULT_DOCS = 10_000


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    scenario = SCENARIOS[args.scenario]
    if args.side not in scenario.sides:
        raise SystemExit(f"{scenario.name} has no side {args.side!r}: {', '.join(scenario.sides)}")
    with tempfile.TemporaryDirectory(prefix=f"bench-{scenario.name}-{args.side}-") as scratch:
        if args.data is None:
            data = Path(scratch) / "data"
            data.mkdir()
            scenario.setup(data, args.docs)
        else:
            data = args.data
        result = measure(scenario, args.side, data, Path(scratch))
    print(json.dumps({"scenario": scenario.name, "side": args.side, "docs": args.docs, **result}))
    return 0


def measure(scenario: AnyScenario, side: str, data: Path, scratch: Path) -> dict[str, Any]:
    if isinstance(scenario, LatencyScenario):
        return measure_latency(scenario, data, scratch)
    if isinstance(scenario, QualityScenario | FigureScenario):
        return measure_work(scenario, data, scratch)
    result = measure_action(scenario, side, data, scratch)
    if isinstance(scenario, SizeScenario):
        result["output_mb"], result["input_mb"] = scenario.weigh(data, scratch)
    return result


def measure_action(
    scenario: Scenario | MemoryScenario | SizeScenario, side: str, data: Path, scratch: Path
) -> dict[str, Any]:
    action = scenario.prepare(side)(data, scratch)
    started = time.perf_counter()
    items = action()
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "items": items}
    outputs = [path.stat().st_size / 1e6 for path in scratch.glob(f"{OUTPUT_STEM}.*")]
    if outputs:
        result["output_mb"] = max(outputs)
    if outputs and isinstance(scenario, Scenario) and scenario.input_mb is not None:
        result["input_mb"] = scenario.input_mb(data)
    return result


def measure_latency(scenario: LatencyScenario, data: Path, scratch: Path) -> dict[str, Any]:
    repeat = scenario.repeat(data, scratch)
    started = time.perf_counter()
    samples = repeat()
    seconds = time.perf_counter() - started
    items = sum(len(kind) for kind in samples.values())
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "items": items, "samples": samples}


def measure_work(
    scenario: QualityScenario | FigureScenario, data: Path, scratch: Path
) -> dict[str, Any]:
    """The work's figure (a quality scenario's) or figures (a figure scenario's), timed."""
    work = scenario.measure(data, scratch)
    started = time.perf_counter()
    found, items = work()
    seconds = time.perf_counter() - started
    key = "quality" if isinstance(scenario, QualityScenario) else "figures"
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "items": items, key: found}


def peak_rss_mb() -> float:
    """The maximum resident set of this process so far. Linux's VmHWM starts afresh at exec;
    ru_maxrss (KiB on Linux) keeps the parent's peak at the fork, here the runner's after
    it set up the data."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.worker", description=__doc__)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("side", help="ours or reference, or one of the scenario's own sides")
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--data", type=Path, help="a folder already set up for the scenario")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
