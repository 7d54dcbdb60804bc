"""Agreement and the review's document list: three annotators over the same documents, 50
spans each per document, the second and third differing a little from the first (a span
dropped, moved or relabelled here and there), every document marked done by all three.

``agreement`` times what an analyst waits for at the command line: `annotate agreement
PROJECT` in a fresh process (launched through bench/startup_child.py with its bytecode
cached, as bench/startup_bench.py does), from its launch to its exit with the whole report
printed, CLI_RUNS times after one untimed run that caches the bytecode.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from annotate.model import now
from annotate.project import Project
from annotate.review.counts import review_counts
from annotate.review.disagreements import document_items
from bench import corpus, plain_sqlite
from bench.scenario import Repeat, Samples
from bench.startup_bench import CHILD, ROOT, TIMEOUT_S, _environment

PROJECT_NAME = "agreement.annotate"
ANNOTATORS = ("amal", "badr", "salma")
DOCUMENTS = 2000  # at most, whatever --docs says
SPANS_PER_DOCUMENT = 50
REPETITIONS = 3
CLI_RUNS = 4  # fresh `annotate agreement` processes in each run of the scenario
SpanRow = tuple[str, int, int]


def setup(data: Path, docs: int) -> None:
    project = Project.create(data / PROJECT_NAME)
    try:
        with project.transaction():
            for name in ANNOTATORS:
                project.annotators.ensure(name)
            _insert(project, min(docs, DOCUMENTS))
    finally:
        project.close()


def _insert(project: Project, docs: int) -> None:
    conn = project.store.conn
    stamp = now()
    for position, document in enumerate(corpus.annotated_documents(docs, SPANS_PER_DOCUMENT), 1):
        uid = plain_sqlite.insert_document(conn, position, document, stamp)
        spans = [(span.label, span.start, span.end) for span in document.spans]
        for number, name in enumerate(ANNOTATORS):
            conn.executemany(
                'INSERT OR IGNORE INTO spans (uid, document, annotator, label, start, "end",'
                " attrs, origin, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, '{}', 'imported', ?, ?)",
                (
                    (
                        f"{uid[:16]}-{number}-{index}",
                        position,
                        name,
                        label,
                        start,
                        end,
                        stamp,
                        stamp,
                    )
                    for index, (label, start, end) in _varied(spans, number, len(document.text))
                ),
            )
            conn.execute(
                "INSERT INTO document_status (document, annotator, status, updated_at)"
                " VALUES (?, ?, 'done', ?)",
                (uid, name, stamp),
            )


def _varied(spans: list[SpanRow], number: int, length: int) -> Iterator[tuple[int, SpanRow]]:
    """The first annotator's spans as they are; the others drop, move or relabel a few."""
    labels = corpus.SPAN_LABELS
    for index, (label, start, end) in enumerate(spans):
        turn = (index + 7 * number) % 16
        if number == 0 or turn > 2:
            yield index, (label, start, end)
        elif turn == 1:
            yield index, (label, start, min(end + 2, length))
        elif turn == 2:
            yield index, (labels[(labels.index(label) + 1) % len(labels)], start, end)


def agreement(data: Path, scratch: Path) -> Repeat:
    project = data / PROJECT_NAME
    with Project.open(project) as opened:
        expected = opened.documents.count()
    env = _environment(scratch)
    _report(project, env, expected)  # untimed: caches the bytecode

    def run() -> Samples:
        samples: Samples = {"agreement": []}
        for _ in range(CLI_RUNS):
            started = time.perf_counter()
            _report(project, env, expected)
            samples["agreement"].append(time.perf_counter() - started)
        return samples

    return run


def _report(project: Path, env: dict[str, str], documents: int) -> None:
    """`annotate agreement PROJECT` in a fresh process, to its exit; its report must be of
    every annotator and document."""
    arguments = ["annotate", "agreement", str(project)]
    done = subprocess.run(
        [*CHILD, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        check=False,
    )
    first = done.stdout.partition("\n")[0]
    wanted = f"agreement of {', '.join(ANNOTATORS)} over {documents} documents "
    if done.returncode != 0 or not first.startswith(wanted):
        raise RuntimeError(
            f"{' '.join(arguments)}: first line {first!r}, exit code {done.returncode}\n"
            f"{done.stderr}"
        )


def review_list(data: Path, scratch: Path) -> Repeat:
    """What opening the review window waits for: every document's items and counts, before
    review and in the middle of it (a copy with one decision in every document)."""
    project = Project.open(data / PROJECT_NAME)
    mid_review = _with_a_decision_each(project, scratch / "mid-review.annotate")
    expected = min(project.documents.count(), DOCUMENTS)

    projects = {"review list": project, "review list, mid-review": mid_review}

    def run() -> Samples:
        samples: Samples = {kind: [] for kind in projects}
        for _ in range(REPETITIONS):
            for kind, counted in projects.items():
                started = time.perf_counter()
                counts = review_counts(counted)
                samples[kind].append(time.perf_counter() - started)
                if len(counts) != expected or not any(c.disagreements for c in counts):
                    raise RuntimeError(f"counted {len(counts)} documents, not {expected}")
        return samples

    return run


def _with_a_decision_each(project: Project, copy: Path) -> Project:
    project.store.backup_to(copy)
    mid_review = Project.open(copy)
    stamp = now()
    with mid_review.transaction():
        for (uid,) in mid_review.store.conn.execute("SELECT uid FROM documents").fetchall():
            first = document_items(mid_review, uid)[0]
            mid_review.store.conn.execute(
                "INSERT INTO decisions (document, item, decision, spans, reviewer, decided_at)"
                " VALUES (?, ?, 'rejected', '[]', 'bench', ?)",
                (uid, first.key, stamp),
            )
    return mid_review
