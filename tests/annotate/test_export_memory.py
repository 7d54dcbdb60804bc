"""Every export streams: what it holds in memory does not grow with the corpus. Python's
allocations are traced (tracemalloc) while a corpus of 10 documents and one of 40 like them
are exported; an export that held every record, or every document's Doc, would take at
least the 30 more documents' text (360 KB as Python strings) more for the larger one (it
took 1-39 MB more before the exports streamed, 1-25 KB after)."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotate.corpus.export_files import export_corpus
from annotate.corpus.formats import EXPORT_FORMATS, parquet, spacy_docbin
from annotate.corpus.importing import import_paths
from annotate.project import Project

SMALL, LARGE = 10, 40
CHARS = 6_000  # per document, about 1,400 tokens
SPANS = 20  # per document
NEWS = "قال الوزير محمد العلي إن الاتفاق سيوقع في القاهرة غدا مع وكالة الأنباء"
WORDS = NEWS.split()
ADDED_TEXT_BYTES = (LARGE - SMALL) * CHARS * 2  # Arabic text takes 2 bytes a character
SPLIT = "train=0.5,test=0.5"


def document(number: int) -> dict[str, object]:
    """About CHARS characters of news in sentences of 15 words, with SPANS spans spread
    over it, each on a word."""
    pieces, starts, length = [], [], 0
    while length < CHARS:
        word = WORDS[(len(starts) * 7 + number) % len(WORDS)]
        starts.append((length, length + len(word)))
        separator = ".\n" if len(starts) % 15 == 0 else " "
        pieces.append(word + separator)
        length += len(word) + len(separator)
    step = len(starts) // SPANS
    spans = [
        {"start": start, "end": end, "label": "PERSON", "attrs": {"n": index}}
        for index, (start, end) in enumerate(starts[::step][:SPANS])
    ]
    text = "".join(pieces) + str(number)
    return {"title": f"خبر {number}", "text": text, "annotator": "ali", "spans": spans}


def corpus(folder: Path, documents: int) -> Project:
    source = folder / f"corpus-{documents}.jsonl"
    lines = (json.dumps(document(n), ensure_ascii=False) + "\n" for n in range(documents))
    source.write_text("".join(lines), encoding="utf-8")
    project = Project.create(folder / f"corpus-{documents}.annotate")
    import_paths(project, [source])
    return project


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Project]]:
    folder = tmp_path_factory.mktemp("memory")
    small, large = corpus(folder, SMALL), corpus(folder, LARGE)
    yield small, large
    small.close()
    large.close()


def traced_peak(project: Project, out: Path, fmt: str, split: str | None) -> int:
    tracemalloc.start()
    try:
        export_corpus(project, out, fmt, split=split)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("split", [None, SPLIT])
@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_an_export_holds_no_more_for_a_larger_corpus(
    projects: tuple[Project, Project],
    fmt: str,
    split: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The bounds of a format's batch made a document or two, as a batch is of a large corpus.
    monkeypatch.setattr(spacy_docbin, "SHARD_TOKENS", 1_000)
    monkeypatch.setattr(parquet, "BATCH_CHARS", 2 * CHARS)
    small, large = projects
    export_corpus(small, tmp_path / "warm-up", fmt, split=split)  # first-use caches
    peaks = [
        traced_peak(project, tmp_path / name, fmt, split)
        for project, name in ((small, "small"), (large, "large"))
    ]
    assert peaks[1] - peaks[0] < ADDED_TEXT_BYTES / 4, peaks
