"""Every benchmark scenario, by name. Add a new scenario here."""

from __future__ import annotations

from bench import export_bench, import_bench
from bench.scenario import Scenario

SCENARIOS: dict[str, Scenario] = {
    "import": Scenario(
        name="import",
        summary="import_paths of one native JSONL file vs sqlite3 executemany",
        target_ratio=3.0,
        setup=import_bench.setup,
        ours=import_bench.ours,
        reference=import_bench.reference,
    ),
    "export": Scenario(
        name="export",
        summary="export_jsonl of every document and span vs plain SELECT + json.dumps",
        target_ratio=2.0,
        setup=export_bench.setup,
        ours=export_bench.ours,
        reference=export_bench.reference,
    ),
}
