"""The benchmark runner works end to end on a tiny corpus (its figures are not checked here:
speed is judged by `make bench` on the full corpus, never by unit tests). The reader's
scenarios always use their one long article, whatever --docs says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import suggestion_bench, training_bench
from bench.agreement_bench import CLI_RUNS
from bench.agreement_bench import REPETITIONS as AGREEMENTS
from bench.annotated_import_bench import ARTICLE_IMPORTS
from bench.corpus import LONG_DOCUMENT_CHARS
from bench.export_bench import FORMAT_SIDES
from bench.reader_qt import REPETITIONS
from bench.registry import SCENARIOS
from bench.render_bench import ARTICLE_CHARS
from bench.review_qt import DECISION_PLACES, OPENINGS
from bench.runner import format_report, run_scenario
from bench.search_bench import REPETITIONS as SEARCHES
from bench.size_bench import LENGTHS
from bench.startup_bench import LAUNCHES
from bench.startup_bench import REPETITIONS as STARTS
from bench.window_qt import SHOW_OTHERS_PLACES


def test_bench_runner_measures_every_side_of_every_scenario(tmp_path: Path) -> None:
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
    assert set(scenarios) == {
        "import",
        "import-spans-1k",
        "import-spans-10k",
        "import-spans-50k",
        "import-article",
        "export",
        "export-conll",
        "export-memory",
        "project-size",
        "reader-open",
        "span-edit",
        "label-key",
        "label-key-training",
        "scroll",
        "search",
        "agreement",
        "review-list",
        "review-window",
        "review-decision",
        "paragraph-open",
        "paragraph-edit",
        "paragraph-label-key",
        "paragraph-scroll",
        "million-open",
        "million-edit",
        "show-others",
        "render-pdf",
        "startup",
        "startup-gui",
        "train-wojood",
        "suggestion-keys",
    }
    annotated = ("import-spans-1k", "import-spans-10k", "import-spans-50k")
    ratios = (
        "import",
        *annotated,
        "export",
        "export-conll",
        "reader-open",
        "paragraph-open",
        "million-open",
        "render-pdf",
        "startup-gui",
    )
    for name in ratios:
        scenario = scenarios[name]
        assert scenario["kind"] == "ratio"
        assert scenario["same_work"], scenario
        assert scenario["ours"]["items"] > 0
        assert scenario["ours"]["peak_rss_mb"] > 0
    # Both sides showed the whole article: its characters and the end of the document.
    assert scenarios["reader-open"]["ours"]["items"] == LONG_DOCUMENT_CHARS + 1
    assert scenarios["paragraph-open"]["ours"]["items"] == LONG_DOCUMENT_CHARS + 1
    assert scenarios["million-open"]["ours"]["items"] == 2 * LONG_DOCUMENT_CHARS + 1
    assert scenarios["startup-gui"]["ours"]["items"] == LAUNCHES  # each window painted
    render = scenarios["render-pdf"]
    assert render["ours"]["items"] == ARTICLE_CHARS
    assert render["ours"]["output_mb"] > 0 and render["reference"]["output_mb"] is None
    assert render["passed"] == (
        render["ratio"] <= render["target_ratio"]
        and render["ours"]["output_mb"] <= render["max_output_mb"]
    )
    # 20 spans a document, at 1/10, 1 and 5 times --docs; the project weighed against its texts
    for name, docs in zip(annotated, (2, 20, 100), strict=True):
        side = scenarios[name]["ours"]
        assert side["items"] == scenarios[name]["reference"]["items"] == 20 * docs
        assert side["items_per_second"] > 0 and side["output_per_input"] > 1
    _check_latency(scenarios["import-article"], {"import": ARTICLE_IMPORTS})
    edits = {"add": REPETITIONS, "delete": REPETITIONS}
    _check_latency(scenarios["paragraph-edit"], edits)
    _check_latency(scenarios["million-edit"], edits)
    _check_latency(scenarios["paragraph-scroll"], {"page": REPETITIONS})
    keys = {"label key": REPETITIONS, "undo": REPETITIONS, "redo": REPETITIONS}
    _check_latency(scenarios["paragraph-label-key"], keys)
    toggles = {"show others": SHOW_OTHERS_PLACES, "own only": SHOW_OTHERS_PLACES}
    _check_latency(scenarios["show-others"], toggles)
    _check_latency(scenarios["span-edit"], {"add": REPETITIONS, "delete": REPETITIONS})
    _check_latency(scenarios["scroll"], {"page": REPETITIONS})
    _check_latency(scenarios["label-key"], keys)
    _check_latency(scenarios["label-key-training"], keys)  # and still training at the end
    searches = {
        "rare, all results": SEARCHES,
        "common, first 200": SEARCHES,
        "common, all results": SEARCHES,
    }
    _check_latency(scenarios["search"], searches)
    _check_latency(scenarios["agreement"], {"agreement": CLI_RUNS})
    lists = {"review list": AGREEMENTS, "review list, mid-review": AGREEMENTS}
    _check_latency(scenarios["review-list"], lists)
    _check_latency(scenarios["review-window"], {"open": OPENINGS})
    decisions = {"accept": DECISION_PLACES, "edit": DECISION_PLACES, "reject": DECISION_PLACES}
    _check_latency(scenarios["review-decision"], decisions)
    _check_latency(scenarios["startup"], {"--version": STARTS, "init": STARTS, "list": STARTS})
    memory = scenarios["export-memory"]
    assert memory["kind"] == "memory" and list(memory["sides"]) == list(FORMAT_SIDES)
    assert {side["items"] for side in memory["sides"].values()} == {20}  # records, all alike
    peaks = [side["peak_rss_mb"] for side in memory["sides"].values()]
    assert memory["passed"] == all(0 < peak <= memory["max_peak_rss_mb"] for peak in peaks)
    size = scenarios["project-size"]
    assert size["kind"] == "size" and list(size["sides"]) == list(LENGTHS)
    for side in size["sides"].values():
        assert side["items"] == 20  # documents imported
        assert side["output_mb"] > side["input_mb"] > 0
        assert side["ratio"] == side["output_mb"] / side["input_mb"]
    assert size["passed"] == all(
        side["ratio"] <= size["target_ratio"] for side in size["sides"].values()
    )
    _check_quality(scenarios["train-wojood"], trained=20)  # the first --docs sentences
    _check_figures(scenarios["suggestion-keys"])
    assert report["passed"] == all(s["passed"] for s in scenarios.values())
    assert "scenario" in result.stdout and "ratio" in result.stdout
    assert "p95 ms" in result.stdout and "span-edit" in result.stdout
    assert "memory scenarios" in result.stdout and "jsonl --split" in result.stdout
    assert "size scenarios" in result.stdout and "4500-chars" in result.stdout
    assert "quality scenarios" in result.stdout and "train-wojood" in result.stdout
    assert "figure scenarios" in result.stdout and "suggestion-keys" in result.stdout


def test_a_quality_scenario_is_skipped_and_says_why_without_its_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(training_bench, "corpus_folder", lambda: None)
    result = run_scenario(SCENARIOS["train-wojood"], docs=20, runs=1)
    reason = "the Wojood sample (shared/corpora/wojood-sample: train.txt, test.txt) is not here"
    assert result.to_json() | {"summary": ""} == {
        "name": "train-wojood",
        "kind": "quality",
        "summary": "",
        "figure": "entity F1",
        "quality": None,
        "min_quality": 0.72,
        "seconds": None,
        "max_seconds": 120.0,
        "peak_rss_mb": None,
        "items": None,
        "skipped": reason,
        "passed": True,
    }
    assert format_report([result], 20, 1).splitlines()[-1].endswith(f"skipped: {reason}")


def test_a_figure_scenario_is_skipped_and_says_why_without_its_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(suggestion_bench, "seed_article", lambda: None)
    result = run_scenario(SCENARIOS["suggestion-keys"], docs=20, runs=1)
    reason = "the seed article (shared/corpora/seed/article.txt) is not here"
    assert result.to_json() | {"summary": ""} == {
        "name": "suggestion-keys",
        "kind": "figures",
        "summary": "",
        "figures": None,
        "seconds": None,
        "peak_rss_mb": None,
        "items": None,
        "skipped": reason,
        "passed": True,
    }
    assert format_report([result], 20, 1).splitlines()[-1].endswith(f"skipped: {reason}")


def _check_figures(scenario: dict[str, Any]) -> None:
    """Reported, whatever the figures: each entity costs a drag and a key without
    suggestions; with them, two actions for each suggestion and two for each entity none
    gave."""
    assert scenario["kind"] == "figures" and scenario["passed"]
    if scenario["skipped"] is not None:
        assert scenario["skipped"].startswith("the seed article")
        return
    figures = scenario["figures"]
    entities = figures["entities"]
    assert scenario["items"] == entities > 0
    assert figures["keys per entity without suggestions"] == 2.0
    suggested = figures["suggested by the model"] + figures["suggested by the known mentions"]
    decided = sum(figures[f"{what} (Tab, {key})"] for what, key in DECISIONS)
    assert decided == suggested
    actions = 2 * (suggested + figures["drawn (drag, label key)"])
    assert figures["keys per entity with suggestions"] == actions / entities


DECISIONS = (("accepted", "Y"), ("relabelled", "label key"), ("rejected", "R"))


def _check_quality(scenario: dict[str, Any], trained: int) -> None:
    assert scenario["kind"] == "quality"
    if scenario["skipped"] is not None:
        assert scenario["skipped"].startswith("the Wojood sample") and scenario["passed"]
        return
    assert scenario["items"] == trained
    assert 0 <= scenario["quality"] <= 1 and scenario["seconds"] > 0
    assert scenario["passed"] == (
        scenario["quality"] >= scenario["min_quality"]
        and scenario["seconds"] <= scenario["max_seconds"]
    )


def _check_latency(scenario: dict[str, Any], counts: dict[str, int]) -> None:
    assert scenario["kind"] == "latency"
    assert {kind: row["count"] for kind, row in scenario["by_action"].items()} == counts
    assert scenario["count"] == sum(counts.values())
    assert 0 < scenario["p50_ms"] <= scenario["p95_ms"] <= scenario["max_ms"]
    assert scenario["peak_rss_mb"] > 0
    met = scenario["p95_ms"] <= scenario["target_ms"]
    cap = scenario["max_peak_rss_mb"]
    met = met and (cap is None or scenario["peak_rss_mb"] <= cap)
    assert scenario["passed"] == met
