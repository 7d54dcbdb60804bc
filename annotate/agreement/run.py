"""Comparing the documents of an agreement report, in several processes when there are
many: every figure is a sum over documents, so each process tallies one run of documents
and the runs are added in list order, which gives exactly the figures of one process."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from annotate.agreement.data import Selection, compared_documents
from annotate.agreement.scores import DocumentScores, document_scores
from annotate.agreement.tally import Tally
from annotate.project import Project

PARALLEL_FROM = 200  # documents; fewer are not worth starting processes for
MAX_WORKERS = 4
PROGRESS_EVERY = 50  # documents
Progress = Callable[[int, int], None]  # documents compared, of all
Tallied = tuple[Tally, list[DocumentScores]]


def tally_documents(
    project: Project, selection: Selection, workers: int | None, progress: Progress | None = None
) -> Tallied:
    """``progress`` hears how many documents are compared, when one process compares them."""
    count = workers if workers is not None else default_workers(len(selection.documents))
    count = max(1, min(count, len(selection.documents)))
    if count == 1:
        return _tally(project, selection, progress)
    documents = selection.documents
    bounds = [len(documents) * number // count for number in range(count + 1)]
    runs = [documents[bounds[number] : bounds[number + 1]] for number in range(count)]
    jobs = [(project.path, replace(selection, documents=run)) for run in runs[1:]]
    with multiprocessing.get_context("fork").Pool(count - 1) as pool:
        later = pool.map_async(_tally_in_child, jobs)  # while this process takes the first
        tally, scores = _tally(project, replace(selection, documents=runs[0]))
        tally.settle()
        parts = later.get()
    for more, more_scores in parts:
        tally.merge(more)
        scores.extend(more_scores)
    return tally, scores


def default_workers(documents: int) -> int:
    """One process per core (at most MAX_WORKERS) for many documents, where processes can
    be forked: forking copies the loaded modules, so the work starts at once."""
    if documents < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, MAX_WORKERS)


def _tally(project: Project, selection: Selection, progress: Progress | None = None) -> Tallied:
    tally = Tally(selection.annotators, selection.labels)
    scores = []
    total = len(selection.documents)
    for done, document in enumerate(compared_documents(project, selection), 1):
        scores.append(document_scores(tally.add(document)))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    return tally, scores


def _tally_in_child(job: tuple[Path, Selection]) -> Tallied:
    path, selection = job
    with Project.open(path) as project:
        tally, scores = _tally(project, selection)
    tally.settle()
    return tally, scores
