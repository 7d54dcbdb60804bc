"""Run one side of one scenario once, in this fresh process, and print JSON.

    python -m bench.worker SCENARIO SIDE --docs N [--data DIR]

Without --data the shared inputs are generated first, in a temporary folder. Only the
scenario's action is timed (a latency scenario times each of its repetitions itself); peak
memory is the whole process's maximum resident set.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# sqlite-utils imports pandas whenever it is installed (0.3 s, 80 MB). Only the dev extra
# brings it in (for Hugging Face datasets in the tests), not an analyst's install, so the
# measured process goes without it, as theirs does.
sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]

from bench.registry import SCENARIOS  # noqa: E402
from bench.scenario import (  # noqa: E402
    OUTPUT_STEM,
    SIDES,
    AnyScenario,
    LatencyScenario,
    Scenario,
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
    return measure_action(scenario, side, data, scratch)


def measure_action(scenario: Scenario, side: str, data: Path, scratch: Path) -> dict[str, Any]:
    action = scenario.prepare(side)(data, scratch)
    started = time.perf_counter()
    items = action()
    seconds = time.perf_counter() - started
    result = {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "items": items}
    outputs = [path.stat().st_size / 1e6 for path in scratch.glob(f"{OUTPUT_STEM}.*")]
    return result | ({"output_mb": max(outputs)} if outputs else {})


def measure_latency(scenario: LatencyScenario, data: Path, scratch: Path) -> dict[str, Any]:
    repeat = scenario.repeat(data, scratch)
    started = time.perf_counter()
    samples = repeat()
    seconds = time.perf_counter() - started
    items = sum(len(kind) for kind in samples.values())
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "items": items, "samples": samples}


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
    parser.add_argument("side", choices=SIDES)
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    parser.add_argument("--data", type=Path, help="a folder already set up for the scenario")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
