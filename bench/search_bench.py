"""Corpus search: 10,000 documents of about 4,500 characters, a name in 1% of them, a
word in every one.

- ``rare``: the full result list (raw offsets) for a name found in 1% of the documents.
- ``common``: the first 200 results for a word found in every document (what the Search
  dock shows first), and every one of them (10,000 hits, with their contexts).
"""

from __future__ import annotations

import time
from itertools import islice
from pathlib import Path

from annotate.corpus.importing import import_records
from annotate.corpus.records import text_record
from annotate.project import Project
from annotate.searching import iter_hits
from bench import corpus
from bench.scenario import Repeat, Samples

PROJECT_NAME = "search.annotate"
RARE = "رامي الصفدي"  # written with and without harakat and proclitics in the corpus
RARE_FORMS = ("رامي الصفدي", "ورامي الصفدي", "رامِي الصَّفدي", "لرامي الصفدي")
COMMON = "الخبر"
FIRST_RESULTS = 200
REPETITIONS = 20


def setup(data: Path, docs: int) -> None:
    records = []
    for number, document in enumerate(corpus.documents(docs)):
        rare = (
            f" وقال {RARE_FORMS[number // 100 % len(RARE_FORMS)]} ذلك." if number % 100 == 0 else ""
        )
        text = f"هذا الخبر. {document.text}{rare}"
        records.append(text_record(f"doc-{number}", document.title, text))
    with Project.create(data / PROJECT_NAME) as project:
        import_records(project, records)


def search(data: Path, scratch: Path) -> Repeat:
    project = Project.open(data / PROJECT_NAME)
    expected = project.documents.count() // 100 + (1 if project.documents.count() % 100 else 0)

    def run() -> Samples:
        samples: Samples = {
            "rare, all results": [],
            "common, first 200": [],
            "common, all results": [],
        }
        for _ in range(REPETITIONS):
            started = time.perf_counter()
            hits = list(iter_hits(project, RARE))
            samples["rare, all results"].append(time.perf_counter() - started)
            if len({hit.document for hit in hits}) != expected:
                raise RuntimeError(f"{len(hits)} hits of {RARE}, expected {expected} documents")
            started = time.perf_counter()
            first = list(islice(iter_hits(project, COMMON), FIRST_RESULTS))
            samples["common, first 200"].append(time.perf_counter() - started)
            if len(first) != min(FIRST_RESULTS, project.documents.count()):
                raise RuntimeError(f"only {len(first)} first results of {COMMON}")
            started = time.perf_counter()
            every = list(iter_hits(project, COMMON))
            samples["common, all results"].append(time.perf_counter() - started)
            if len(every) != project.documents.count():
                raise RuntimeError(f"{len(every)} results of {COMMON} in every document")
        return samples

    return run
