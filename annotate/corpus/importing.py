"""Import documents and annotations from files in the formats of annotate.corpus.formats:
the records read one batch at a time, each checked and written, all in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from annotate.corpus.formats import IMPORT_FORMATS, ImportFormat, detect
from annotate.corpus.import_labels import LabelsUnknown, refusal
from annotate.corpus.import_writer import ImportReport, ImportWriter, Progress
from annotate.corpus.records import Record
from annotate.corpus.splits import SPLIT_KEY, checked_split_name
from annotate.errors import InputError
from annotate.input_files import refuse_special
from annotate.names import checked_name
from annotate.project import Project

__all__ = [
    "FORMATS",
    "ImportReport",
    "Progress",
    "import_paths",
    "import_records",
    "in_split",
    "read_paths",
    "read_records",
]

FORMATS = ("auto", *IMPORT_FORMATS)
# A batch of records is held in memory until it is written: these bound it.
BATCH_RECORDS = 500
BATCH_SPANS = 20_000
BATCH_CHARS = 4_000_000
PAGE_CACHE_KIB = 128 * 1024  # for the import's transaction: see Store.page_cache


def import_paths(
    project: Project,
    paths: Iterable[Path],
    fmt: str = "auto",
    annotator: str | None = None,
    add_labels: bool = False,
    split: str | None = None,
    **options: object,
) -> ImportReport:
    """Read, check and write every record of the files in one transaction, a batch at a
    time, so that no more than a batch is held in memory. ``split`` names the part of the
    corpus (train, test, ...) the documents it adds belong to. ``options`` go to the formats
    that take them (see ``read_records``)."""
    records = read_paths(paths, fmt, **options)
    if split is not None:
        records = in_split(records, checked_split_name(split))
    report = import_records(project, records, annotator, add_labels)
    if split is not None and report.documents_present:
        report.notes.append(
            f"{report.documents_present} document(s) were already in the project and keep"
            " the split they had"
        )
    return report


def in_split(records: Iterable[Record], name: str) -> Iterator[Record]:
    """The records, each document's meta naming the split ``name``."""
    for record in records:
        yield replace(record, meta={**record.meta, SPLIT_KEY: name})


def import_records(
    project: Project,
    records: Iterable[Record],
    annotator: str | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
    unnamed: str | None = None,
) -> ImportReport:
    """``annotator`` stands for every record's own; ``unnamed`` only for records that name
    nobody (the app's analyst, when a file does not say whose work it is). ``progress`` is
    told the records and spans checked so far after each record, and every few thousand
    spans within a record of many; an error it raises (Cancel) rolls the import back like
    any other."""
    for name in (annotator, unnamed):
        if name:  # given here, not by a file: refused before any file is blamed
            checked_name(name, "annotator")
    remaining = iter(records)
    with (
        project.store.page_cache(PAGE_CACHE_KIB),
        project.transaction(),
        project.spans.ends_checked_in_bulk(),
    ):
        writer = ImportWriter(project, annotator, unnamed, add_labels, progress)
        try:
            for batch in _batches(remaining):
                writer.add(batch)
        except LabelsUnknown as unknown:
            schema = project.labels.schema()
            span_names = {label.name for label in schema.labels}
            relation_names = {relation.name for relation in schema.relations}
            later = _chained(unknown.later, remaining)
            raise refusal(LabelsUnknown(unknown.first, later), span_names, relation_names) from None
    return writer.report


def read_paths(paths: Iterable[Path], fmt: str = "auto", **options: object) -> Iterator[Record]:
    """The records of every file or folder, one after another."""
    for path in paths:
        yield from read_records(path, fmt, **options)


def _batches(records: Iterator[Record]) -> Iterator[list[Record]]:
    batch: list[Record] = []
    spans = chars = 0
    for record in records:
        batch.append(record)
        spans += len(record.spans)
        chars += len(record.text)
        if len(batch) >= BATCH_RECORDS or spans >= BATCH_SPANS or chars >= BATCH_CHARS:
            yield batch
            batch, spans, chars = [], 0, 0
    if batch:
        yield batch


def _chained(first: Iterable[Record], then: Iterator[Record]) -> Iterator[Record]:
    yield from first
    yield from then


def read_records(path: Path, fmt: str = "auto", **options: object) -> Iterator[Record]:
    """The records of one file or folder. ``options``: ``repair_iob`` and ``tag_column``
    (CoNLL), ``graphemes`` (doccano); each format takes its own and ignores the others."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    refuse_special(path)  # before sniffing opens it
    kind, sniffed = detect(path) if fmt == "auto" else (IMPORT_FORMATS[fmt], False)
    if kind.name == "conll-nested" and options.get("tag_column"):
        if fmt != "auto":
            raise InputError("--tag-column picks the one tag column of --format conll")
        kind = IMPORT_FORMATS["conll"]  # one column asked for: the file is read flat
    records = kind.reader(**options)(path)
    yield from _with_assumption(records, path, kind) if sniffed and kind.assumed else records


def _with_assumption(records: Iterator[Record], path: Path, kind: ImportFormat) -> Iterator[Record]:
    """A sniffed file's records, the first saying which format was assumed."""
    note = f"{path}: read as {kind.name} {kind.assumed}"
    for number, record in enumerate(records):
        yield replace(record, notes=(note, *record.notes)) if number == 0 else record
