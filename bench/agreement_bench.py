"""Agreement and the review's document list: three annotators over the same documents, 50
spans each per document, the second and third differing a little from the first (a span
dropped, moved or relabelled here and there), every document marked done by all three."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from annotate.agreement.report import agreement_report
from annotate.model import now
from annotate.project import Project
from annotate.review.counts import review_counts
from annotate.review.disagreements import document_items
from bench import corpus, plain_sqlite
from bench.scenario import Repeat, Samples

PROJECT_NAME = "agreement.annotate"
ANNOTATORS = ("amal", "badr", "salma")
DOCUMENTS = 2000  # at most, whatever --docs says
SPANS_PER_DOCUMENT = 50
REPETITIONS = 3
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
    project = Project.open(data / PROJECT_NAME)
    expected = min(project.documents.count(), DOCUMENTS)

    def run() -> Samples:
        samples: Samples = {"agreement": []}
        for _ in range(REPETITIONS):
            started = time.perf_counter()
            report = agreement_report(project)
            samples["agreement"].append(time.perf_counter() - started)
            if report.documents != expected or len(report.annotators) != len(ANNOTATORS):
                raise RuntimeError(f"compared {report.documents} documents, not {expected}")
        return samples

    return run


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
