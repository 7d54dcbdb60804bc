"""Export a project to files in any corpus format, whole or split, all or nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotate.corpus.exported import ExportRecord
from annotate.corpus.exporting import export_records
from annotate.corpus.formats import EXPORT_FORMATS, ExportFormat
from annotate.corpus.splits import assign_splits, parse_split
from annotate.errors import AnnotateError, InputError
from annotate.project import Project
from annotate.store import is_sqlite_file

Progress = Callable[[int, int], None]  # (documents written, documents in the project)


@dataclass
class ExportReport:
    records: int = 0
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def export_corpus(
    project: Project,
    out: Path,
    fmt: str = "jsonl",
    source: str = "all",
    status: str = "any",
    split: str | None = None,
    seed: int = 0,
    progress: Progress | None = None,
) -> ExportReport:
    """Write OUT (a file, or a folder for brat, spaCy and --split) beside itself and move it in
    place at the end, so that a failed export leaves nothing half written."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    kind = EXPORT_FORMATS[fmt]
    fractions = parse_split(split) if split is not None else None
    _check_target(out, is_folder=fractions is not None or kind.folder)
    records = _counted(export_records(project, source, status), project, progress)
    partial = out.with_name(out.name + ".partial")
    _remove(partial)
    report = ExportReport()
    try:
        if fractions is None:
            report.notes = kind.writer()(_tally(records, report), partial, project.labels.schema())
            report.written = [out]
        else:
            uids = [uid for (uid,) in project.store.conn.execute("SELECT uid FROM documents")]
            parts = assign_splits(uids, fractions, seed)
            _write_splits(kind, records, parts, list(fractions), partial, project, report)
            report.written = [out / _split_file(kind, name) for name in fractions]
        _move_into_place(partial, out)
    finally:
        _remove(partial)
    return report


def _write_splits(
    kind: ExportFormat,
    records: Iterator[ExportRecord],
    parts: dict[str, str],
    names: list[str],
    folder: Path,
    project: Project,
    report: ExportReport,
) -> None:
    """One pass over the records per split: a split holds only its own documents."""
    folder.mkdir()
    grouped: dict[str, list[ExportRecord]] = {name: [] for name in names}
    for record in _tally(records, report):
        grouped[parts[record["id"]]].append(record)
    write, schema = kind.writer(), project.labels.schema()
    for name in names:
        notes = write(grouped[name], folder / _split_file(kind, name), schema)
        report.notes.extend(f"{name}: {note}" for note in notes)


def _split_file(kind: ExportFormat, name: str) -> str:
    return name + kind.suffix


def _tally(records: Iterable[ExportRecord], report: ExportReport) -> Iterator[ExportRecord]:
    for record in records:
        report.records += 1
        yield record


def _counted(
    records: Iterator[ExportRecord], project: Project, progress: Progress | None
) -> Iterator[ExportRecord]:
    if progress is None:
        yield from records
        return
    total = project.documents.count()
    documents = 0
    last = None
    for record in records:
        if record["id"] != last:
            documents += 1
            last = record["id"]
            progress(documents, total)
        yield record


def _check_target(out: Path, is_folder: bool) -> None:
    if out.is_file() and is_sqlite_file(out):
        raise AnnotateError(
            f"{out}: is a SQLite database (a project?); export never overwrites one"
        )
    if is_folder and out.is_file():
        raise AnnotateError(f"{out}: is a file; this export writes a folder")
    if is_folder and out.is_dir() and any(out.iterdir()):
        raise AnnotateError(f"{out}: the folder is not empty; export into a new or empty folder")
    if not is_folder and out.is_dir():
        raise AnnotateError(f"{out}: is a folder; this export writes one file")


def _move_into_place(partial: Path, out: Path) -> None:
    if out.is_dir():
        out.rmdir()  # checked empty before the export began
    partial.replace(out)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
