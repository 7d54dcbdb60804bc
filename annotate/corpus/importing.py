"""Import documents and annotations: txt files and folders, native JSONL, and the corpus
formats of annotate.corpus.formats."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from annotate.corpus.files import bounded_lines, jsonl_lines, read_utf8, title_from_name
from annotate.corpus.formats import IMPORT_FORMATS
from annotate.corpus.records import Record, RecordSpan, parse_json_line, text_record
from annotate.errors import AnnotateError, InputError
from annotate.input_files import refuse_special, to_read_in_folder
from annotate.names import checked_name
from annotate.project import Project
from annotate.schema import LABEL_NAME, added_relation_label, added_span_label

FORMATS = ("auto", "txt", "jsonl", *IMPORT_FORMATS)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SNIFFED_LINES = 50
SNIFFED_BYTES = 64 * 1024
SUFFIX_FORMATS = {
    ".conll": "conll-nested",  # reads flat files too
    ".iob": "conll-nested",
    ".bio": "conll-nested",
    ".ann": "brat",
    ".json": "label-studio",
}
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
    kind = fmt if fmt != "auto" else _guess_format(path)
    if kind == "conll-nested" and options.get("tag_column"):
        if fmt != "auto":
            raise InputError("--tag-column picks the one tag column of --format conll")
        kind = "conll"  # one column asked for: the file is read flat
    if kind in IMPORT_FORMATS:
        records = IMPORT_FORMATS[kind].reader(**options)(path)
        assumed = fmt == "auto" and _is_text(path)
        yield from _with_assumption(records, path, kind) if assumed else records
    elif kind == "jsonl":
        yield from _jsonl_records(path)
    elif path.is_dir():
        yield from _folder_records(path)
    else:
        yield text_record(str(path), title_from_name(path), read_utf8(path))


def _guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if path.is_dir():
        from annotate.corpus.formats.brat import is_brat_folder  # format modules load when used

        return "brat" if is_brat_folder(path) else "txt"
    if suffix == ".txt":
        return _conll_kind(path) or "txt"
    if suffix in JSONL_SUFFIXES:
        return "doccano" if _looks_like_doccano(path) else "jsonl"
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    raise InputError("cannot tell the format from the file name; use --format", file=str(path))


def _is_text(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".txt"


def _conll_kind(path: Path) -> str | None:
    """A .txt whose first lines are all a token and columns ending in an IOB2 tag (or
    -DOCSTART-) is CoNLL, whatever its name says: nested (Wojood) when every column after
    the token is a tag, else flat with its tags last (CoNLL-2003's POS and chunk columns)."""
    with path.open("rb") as handle:
        head = handle.read(SNIFFED_BYTES)
    try:
        shown = head.decode("utf-8", errors="strict" if len(head) < SNIFFED_BYTES else "ignore")
    except UnicodeDecodeError:
        return None  # the text reader says what is wrong
    from annotate.corpus.formats.iob import DOCUMENT_MARKER, is_tag  # format modules load when used

    lines = [line.split() for line in shown.removeprefix("\ufeff").split("\n")[:SNIFFED_LINES]]
    tagged = [columns for columns in lines if columns and columns[0] != DOCUMENT_MARKER]
    if not tagged or not all(len(columns) > 1 and is_tag(columns[-1]) for columns in tagged):
        return None
    nested = all(is_tag(column) for columns in tagged for column in columns[1:])
    return "conll-nested" if nested else "conll"


def _with_assumption(records: Iterator[Record], path: Path, kind: str) -> Iterator[Record]:
    """A sniffed .txt's records, the first saying which format was assumed."""
    note = f"{path}: read as {kind} (its lines are tokens and IOB2 tags); --format txt: as text"
    for number, record in enumerate(records):
        yield replace(record, notes=(note, *record.notes)) if number == 0 else record


def _looks_like_doccano(path: Path) -> bool:
    """doccano JSONL has "label" or "entities" where native records have "spans"."""
    with path.open("rb") as handle:
        first = next((raw for raw in bounded_lines(handle, path) if raw.strip()), b"")
    try:
        data = json.loads(first.decode("utf-8").removeprefix("\ufeff"))
    except (UnicodeDecodeError, RecursionError, ValueError):
        return False  # the native reader says what is wrong with the line
    return (
        isinstance(data, dict)
        and "spans" not in data
        and any(key in data for key in ("label", "entities"))
    )


def _folder_records(folder: Path) -> Iterator[Record]:
    files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() == ".txt" and to_read_in_folder(p)
    )
    if not files:
        raise InputError("the folder holds no .txt files", file=str(folder))
    for file in files:
        yield text_record(str(file), title_from_name(file), read_utf8(file))


def _jsonl_records(path: Path) -> Iterator[Record]:
    for number, line in jsonl_lines(path):
        yield parse_json_line(str(path), number, line)


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
