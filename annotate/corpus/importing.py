"""Import documents and annotations from files in the formats of annotate.corpus.formats:
every record read and validated first, then all of them written in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from annotate.corpus.formats import IMPORT_FORMATS, ImportFormat, detect
from annotate.corpus.records import Record, RecordSpan
from annotate.errors import AnnotateError, InputError
from annotate.input_files import refuse_special
from annotate.names import checked_name
from annotate.project import Project
from annotate.schema import LABEL_NAME, added_relation_label, added_span_label

FORMATS = ("auto", *IMPORT_FORMATS)
Progress = Callable[[int, int], None]  # (records imported, records read)
Given = dict[str, dict[str, Any]]  # span uid -> the attribute values this import gave it


@dataclass
class ImportReport:
    documents_added: int = 0
    documents_present: int = 0
    spans_added: int = 0
    spans_updated: int = 0  # already there; the file gave other attribute values
    spans_skipped: int = 0
    relations_added: int = 0
    relations_skipped: int = 0
    labels_added: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what reading repaired


def import_paths(
    project: Project,
    paths: Iterable[Path],
    fmt: str = "auto",
    annotator: str | None = None,
    add_labels: bool = False,
    **options: object,
) -> ImportReport:
    """Read and validate everything first, then write it all in one transaction (the app
    reads with progress of its own, then calls import_records). ``options`` go to the
    formats that take them (see ``read_records``)."""
    records = [record for path in paths for record in read_records(path, fmt, **options)]
    return import_records(project, records, annotator, add_labels)


def import_records(
    project: Project,
    records: list[Record],
    annotator: str | None = None,
    add_labels: bool = False,
    progress: Progress | None = None,
    unnamed: str | None = None,
) -> ImportReport:
    """``annotator`` stands for every record's own; ``unnamed`` only for records that name
    nobody (the app's analyst, when a file does not say whose work it is)."""
    report = ImportReport()
    for name in (annotator, unnamed):
        if name:  # given here, not by a file: refused before any file is blamed
            checked_name(name, "annotator")
    for record in records:
        whose = annotator or record.annotator or unnamed
        if (record.spans or record.relations) and not whose:
            raise record.error("spans need an annotator: add one or use --annotator", "annotator")
    report.notes = [note for record in records for note in record.notes]
    with project.transaction():
        _add_unknown_labels(project, records, add_labels, report)
        added = project.documents.add_stored((r.uid, r.text, r.title, r.meta) for r in records)
        report.documents_added = len(added.documents_added)
        report.documents_present = len({r.uid for r in records}) - report.documents_added
        given: Given = {}
        for done, record in enumerate(records, start=1):
            try:
                whose = annotator or record.annotator or unnamed
                _import_record(project, record, whose, report, given)
            except InputError as error:
                raise error.at(file=record.file, line=record.line) from None
            if progress is not None:
                progress(done, len(records))
    return report


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


def _add_unknown_labels(
    project: Project, records: list[Record], add_labels: bool, report: ImportReport
) -> None:
    schema = project.labels.schema()
    span_names = {label.name for label in schema.labels}
    relation_names = {relation.name for relation in schema.relations}
    unknown = _unknown_labels(records, span_names, relation_names)
    if unknown and not add_labels:
        names = ", ".join(sorted({label.name for label in unknown}))
        raise unknown[0].record.error(
            f"unknown labels: {names}; add them to the schema or use --add-labels",
            unknown[0].field,
            unknown[0].line,
        )
    for label in unknown:
        if not LABEL_NAME.match(label.name):
            message = f"{label.name!r} cannot be a label name"
            raise label.record.error(message, label.field, label.line)
        if label.is_span_label:
            project.labels.add_span_label(added_span_label(label.name))
        else:
            project.labels.add_relation_label(added_relation_label(label.name))
        report.labels_added.append(label.name)


class UnknownLabel(NamedTuple):
    name: str
    record: Record  # the first record that uses it
    field: str
    is_span_label: bool
    line: int | None  # where that use is written, when not on the record's own line


def _unknown_labels(
    records: list[Record], span_names: set[str], relation_names: set[str]
) -> list[UnknownLabel]:
    """Labels the schema lacks, in order of first use."""
    found: dict[tuple[str, bool], UnknownLabel] = {}
    for record in records:
        for span in record.spans:
            if span.label not in span_names and (span.label, True) not in found:
                where = f"spans[{span.index}].label"
                found[span.label, True] = UnknownLabel(span.label, record, where, True, span.line)
        for relation in record.relations:
            if relation.label not in relation_names and (relation.label, False) not in found:
                where = f"relations[{relation.index}].label"
                found[relation.label, False] = UnknownLabel(
                    relation.label, record, where, False, relation.line
                )
    return list(found.values())


def _import_record(
    project: Project,
    record: Record,
    annotator: str | None,
    report: ImportReport,
    given: Given,
) -> None:
    if annotator is None:
        return
    project.annotators.ensure(annotator)
    span_uids = {
        span.id if span.id is not None else ("#", span.index): _import_span(
            project, record, annotator, span, report, given
        )
        for span in record.spans
    }
    for relation in record.relations:
        head, tail = span_uids[relation.head], span_uids[relation.tail]
        if project.relations.find(relation.label, head, tail):
            report.relations_skipped += 1
            continue
        try:
            kept = relation.id if record.keeps_ids else None
            uid = kept if kept and not project.relations.exists(kept) else None
            project.relations.add(relation.label, head, tail, "imported", uid)
        except InputError as error:
            raise record.error(
                error.message, f"relations[{relation.index}].{error.field}", relation.line
            ) from None
        report.relations_added += 1


def _import_span(
    project: Project,
    record: Record,
    annotator: str,
    span: RecordSpan,
    report: ImportReport,
    given: Given,
) -> str:
    existing = project.spans.find(record.uid, annotator, span.label, span.start, span.end)
    try:
        if existing:
            _bring_attributes(project, existing, span.attrs, report, given)
            return existing
        kept = span.id if record.keeps_ids else None
        uid = kept if kept and not project.spans.exists(kept) else None
        changes = project.spans.add(
            record.uid, annotator, span.label, span.start, span.end, span.attrs, "imported", uid
        )
    except AnnotateError as error:
        field = getattr(error, "field", "")
        message = getattr(error, "message", str(error))
        where = f"spans[{span.index}].{field}".rstrip(".")
        raise record.error(message, where, span.line) from None
    report.spans_added += 1
    given[changes.spans_added[0]] = dict(span.attrs)
    return changes.spans_added[0]


def _bring_attributes(
    project: Project, uid: str, attrs: dict[str, Any], report: ImportReport, given: Given
) -> None:
    """A span already there takes the attribute values the file gives (validated like an
    edit in the app, and dated, so a merge sees the newer change); those the file leaves
    out stay, as a format that holds no attributes must not wipe them. Two mentions of
    the span in one import must not give one attribute two values, whatever is stored."""
    earlier = given.setdefault(uid, {})
    clash = next((key for key, value in attrs.items() if earlier.get(key, value) != value), None)
    if clash is not None:
        raise InputError(
            f"the same span comes earlier in this import with another value of {clash!r}",
            field="attrs",
        )
    earlier.update(attrs)
    stored = project.spans.get(uid).attrs
    brought = {**stored, **attrs}
    if brought == stored:
        report.spans_skipped += 1
        return
    project.spans.update(uid, attrs=brought)
    report.spans_updated += 1
