"""Export a project to files in any corpus format, whole or split, all or nothing."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotate.corpus.export_comments import SIDE_FILE, SideFile
from annotate.corpus.exported import ExportRecord
from annotate.corpus.exporting import export_records
from annotate.corpus.formats import EXPORT_FORMATS, ExportFormat
from annotate.corpus.splits import assign_splits, parse_split
from annotate.errors import AnnotateError, InputError
from annotate.project import Project
from annotate.store import is_sqlite_file

Progress = Callable[[int, int], None]  # (documents written, documents in the project)
NATIVE = "jsonl"  # holds comments and flags in its records; the others get a side file


@dataclass
class ExportReport:
    records: int = 0
    written: list[Path] = field(default_factory=list)
    comments_file: Path | None = None  # the side file of comments and flags, when written
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
    export_records(project, source, status)  # refuses a bad source or status before writing
    partial = out.with_name(out.name + ".partial")
    _remove(partial)
    report = ExportReport()
    tally = _Tally(report, progress, project.documents.count() if progress else 0)
    side = None if fmt == NATIVE else SideFile(out.with_name(out.name + ".comments.partial"))
    tally.side = side
    try:
        if fractions is None:
            records = tally.count(export_records(project, source, status))
            report.notes = kind.writer()(records, partial, project.labels.schema())
            report.written = [out]
        else:
            parts = _split_documents(project, fractions, seed)
            records_of = functools.partial(export_records, project, source, status)
            _write_splits(kind, project, records_of, parts, partial, tally)
            report.written = [out / _split_file(kind, name) for name in parts]
        if side is not None:
            report.comments_file = _place_side_file(side, partial, out)
        _move_into_place(partial, out)
    finally:
        if side is not None:
            side.close()
            side.path.unlink(missing_ok=True)
        _remove(partial)
    return report


def _place_side_file(side: SideFile, partial: Path, out: Path) -> Path | None:
    """Where the comments and flags went: into the export's folder, or beside its file
    (NAME.comments.jsonl); nowhere when the records held none."""
    side.close()
    if not side.lines:
        return None
    if partial.is_dir():
        side.path.replace(partial / SIDE_FILE)
        return out / SIDE_FILE
    beside = out.with_name(f"{out.stem}.{SIDE_FILE}")
    side.path.replace(beside)
    return beside


def _split_documents(
    project: Project, fractions: dict[str, float], seed: int
) -> dict[str, set[str]]:
    """{split name: the uids of its documents}, in the order the splits were named."""
    uids = [uid for (uid,) in project.store.conn.execute("SELECT uid FROM documents")]
    parts: dict[str, set[str]] = {name: set() for name in fractions}
    for uid, name in assign_splits(uids, fractions, seed).items():
        parts[name].add(uid)
    return parts


def _write_splits(
    kind: ExportFormat,
    project: Project,
    records_of: Callable[[set[str]], Iterator[ExportRecord]],
    parts: dict[str, set[str]],
    folder: Path,
    tally: _Tally,
) -> None:
    """One pass over the project per split, each reading only its own documents (by
    ``records_of`` them), so that no more than a record is held at a time."""
    folder.mkdir()
    write, schema = kind.writer(), project.labels.schema()
    for name, documents in parts.items():
        notes = write(tally.count(records_of(documents)), folder / _split_file(kind, name), schema)
        tally.report.notes.extend(f"{name}: {note}" for note in notes)


def _split_file(kind: ExportFormat, name: str) -> str:
    return name + kind.suffix


@dataclass
class _Tally:
    """Records and documents written so far, over every pass of a split export."""

    report: ExportReport
    progress: Progress | None
    total: int  # documents in the project
    documents: int = 0
    side: SideFile | None = None  # takes the comments and flags of the records

    def count(self, records: Iterable[ExportRecord]) -> Iterator[ExportRecord]:
        last = None
        if self.side is not None:
            records = self.side.passing(records)
        for record in records:
            self.report.records += 1
            if record["id"] != last:
                last = record["id"]
                self.documents += 1
                if self.progress is not None:
                    self.progress(self.documents, self.total)
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
