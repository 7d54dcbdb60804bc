"""brat standoff: a folder of ``NAME.txt`` (the document) and ``NAME.ann`` (its annotations).
This module writes it and holds the layout both directions share; ``brat_reading`` reads it.

Offsets are code points (Python ``str`` indices) into the ``.txt``, written exactly as stored:
UTF-8, LF line ends, no BOM. ``T`` lines are spans, ``R`` lines relations (Arg1 = head,
Arg2 = tail), ``A`` lines attributes (``M``, brat's old name for them, is read too).

Layout of an export: ``annotation.conf`` (the schema, so that brat opens the folder as is)
and, when the records hold one annotator, every document's pair beside it; with several
annotators (``--source all``) one subfolder per annotator, each pair one layer, and the
documents nobody annotated at the top. Reading a folder takes its own ``.ann`` files
(annotator unknown) and those of its immediate subfolders (annotator = the subfolder's
name), each in name order; deeper folders are not read.

A span across lines is written as brat writes one: fragments ``S1 E1;S2 E2`` split at the
line breaks, their texts joined by a space on the T line. Reading joins a span's fragments
back into one span from the first start to the last end when only line breaks and spaces
(or nothing) lie between them; a discontinuous span (words left out between its
fragments) is refused.

File names come from the titles, made safe and distinct (``annotate.filenames``; the
fallback is ``doc_`` and the uid's first 12 digits); reading takes the title back from the
name with ``_`` as a space. A document's ``meta`` has no place in brat and is not written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from annotate.corpus.exported import ExportRecord, ExportRelation, ExportSpan
from annotate.filenames import unique_stems
from annotate.input_files import to_read_in_folder
from annotate.schema import Schema

CONF_NAME = "annotation.conf"
# Inside OUT while the export runs: no name made from a title or annotator starts with ".".
STAGING = ".export"
BRAT_CONF_NAMES = {CONF_NAME, "visual.conf", "tools.conf", "kb_shortcuts.conf"}
DISCONTINUOUS_SEPARATOR = " "  # between fragment texts on a T line, as brat joins them
NOTE = "note"  # the span attribute that holds brat's AnnotatorNotes
# Every character Python's str.splitlines() breaks at: brat reads .ann files by lines, so a
# T line's text must hold none of them.
LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
WORD = re.compile(r"[^\s|,]+")  # an attribute name or value brat's files and conf can hold


# Layout


def layers(folder: Path) -> list[tuple[str | None, Path]]:
    """The folders whose pairs a collection holds, with their annotator: the folder itself
    (annotator unknown) and its immediate subfolders, hidden ones left out, in name order."""
    subfolders = sorted(
        sub for sub in folder.iterdir() if sub.is_dir() and not sub.name.startswith(".")
    )
    return [(None, folder), *((sub.name, sub) for sub in subfolders)]


def ann_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() == ".ann" and to_read_in_folder(p)
    )


def is_brat_folder(folder: Path) -> bool:
    """A folder with brat's configuration, or with .ann files in it or in a subfolder."""
    has_conf = (folder / CONF_NAME).is_file()
    return has_conf or any(ann_files(where) for _, where in layers(folder))


# Export


@dataclass
class _Notes:
    """Problems of one kind counted once, with the first place each was seen: the number of
    the record whose .ann it is in (None: no file), and where in it. Files are named at the
    end of the export, so the place is written out then."""

    seen: dict[str, tuple[int, int | None, str]] = field(default_factory=dict)

    def add(self, problem: str, record: int | None, where: str) -> None:
        count, first, first_where = self.seen.get(problem, (0, record, where))
        self.seen[problem] = (count + 1, first, first_where)

    def lines(self, ann_files: list[str]) -> list[str]:
        """``ann_files``: each record's .ann, relative to the collection. Problems of the
        whole collection come first."""
        problems = sorted(self.seen.items(), key=lambda item: item[1][1] is not None)
        return [
            f"{problem}: {count} (first: {'' if first is None else ann_files[first]}{where})"
            for problem, (count, first, where) in problems
        ]


@dataclass
class _Export:
    notes: _Notes = field(default_factory=_Notes)
    # attribute name -> the labels and values written with it ("" for a binary attribute)
    attributes: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)

    def used(self, name: str, label: str, value: str) -> None:
        labels, values = self.attributes.setdefault(name, ([], []))
        _append_new(labels, label)
        _append_new(values, value)


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    """Write OUT as a brat collection; return notes on what brat cannot hold. Each record's
    pair is written as it comes, under its number in a hidden folder, and moved to its name
    at the end: names and layout depend on every title and annotator, and holding every
    record until then would hold the whole corpus."""
    out.mkdir()
    staging = out / STAGING
    staging.mkdir()
    export = _Export()
    written: list[_Written] = []
    for number, record in enumerate(records):
        _create(staging / f"{number}.txt", record["text"])
        _create(staging / f"{number}.ann", _ann_text(record, number, export))
        written.append(_Written(record["id"], record["title"], record["annotator"]))
    ann_files = _move_into_layout(written, staging, out, export.notes)
    staging.rmdir()
    _create(out / CONF_NAME, _conf_text(schema, export.attributes))
    return export.notes.lines(ann_files)


class _Written(NamedTuple):
    uid: str
    title: str
    annotator: str | None


def _move_into_layout(
    written: list[_Written], staging: Path, out: Path, notes: _Notes
) -> list[str]:
    """Move each record's pair to its folder and name; return each one's .ann, relative
    to OUT."""
    folders = _annotator_folders({w.annotator for w in written if w.annotator is not None}, out)
    for name, folder in folders.items():
        if name is not None and folder != out and folder.name != name:
            notes.add(
                "annotator names changed to be folder names", None, f"{name!r} -> {folder.name!r}"
            )
    stems = _document_stems(written)
    ann_files = []
    for number, record in enumerate(written):
        folder = folders[record.annotator]
        folder.mkdir(exist_ok=True)
        stem = stems[record.uid]
        for suffix in (".txt", ".ann"):
            _move(staging / f"{number}{suffix}", folder / f"{stem}{suffix}")
        ann_files.append(f"{folder.relative_to(out) / stem}.ann")
    return ann_files


def _annotator_folders(annotators: set[str], out: Path) -> dict[str | None, Path]:
    names = sorted(annotators)
    if len(names) <= 1:
        return {name: out for name in [*names, None]}
    fallbacks = [f"annotator_{number}" for number in range(1, len(names) + 1)]
    stems = unique_stems(list(zip(names, fallbacks, strict=True)), _clashes_with_a_file)
    folders: dict[str | None, Path] = {None: out}
    folders.update((name, out / stem) for name, stem in zip(names, stems, strict=True))
    return folders


def _clashes_with_a_file(folder: str) -> bool:
    """A folder named like brat's configuration or like a document's file beside it."""
    name = folder.casefold()
    return name in BRAT_CONF_NAMES or name.endswith((".txt", ".ann"))


def _document_stems(records: list[_Written]) -> dict[str, str]:
    """One file name per document, the same in every annotator's folder. The fallback comes
    from the uid, not the position, so that a round trip gives the same names."""
    titles = {record.uid: record.title for record in records}
    names = [(title, f"doc_{uid[:12]}") for uid, title in titles.items()]
    return dict(zip(titles, unique_stems(names), strict=True))


def _create(path: Path, text: str) -> None:
    """Write a new file, never replacing one: names are made distinct, so a clash is a bug."""
    with path.open("xb") as handle:
        handle.write(text.encode("utf-8"))


def _move(source: Path, target: Path) -> None:
    """Move a file to a new name, never replacing one (as _create)."""
    if target.exists():
        raise FileExistsError(target)
    source.rename(target)


def _ann_text(record: ExportRecord, number: int, export: _Export) -> str:
    text = record["text"]
    ids: dict[str, str] = {}
    lines: list[str] = []
    written: list[ExportSpan] = []
    for span in sorted(record["spans"], key=lambda s: (s["start"], s["end"], s["label"])):
        tid = f"T{len(ids) + 1}"
        line = _textbound_line(tid, span, text, number, export.notes)
        if line is not None:
            ids[span["id"]] = tid
            lines.append(line)
            written.append(span)
    lines.extend(_relation_lines(record["relations"], ids, number, export.notes))
    lines.extend(_attribute_lines(written, ids, number, export))
    lines.extend(_note_lines(written, ids))
    return "".join(line + "\n" for line in lines)


def _textbound_line(
    tid: str, span: ExportSpan, text: str, number: int, notes: _Notes
) -> str | None:
    start, end, label = span["start"], span["end"], span["label"]
    fragments = _fragments(text, start, end)
    place = f", {label} {start}-{end}"
    if not fragments:
        notes.add("spans of line breaks alone were left out", number, place)
        return None
    if (fragments[0][0], fragments[-1][1]) != (start, end):
        notes.add(
            "spans that begin or end with a line break were written without it", number, place
        )
    offsets = ";".join(f"{s} {e}" for s, e in fragments)
    covered = DISCONTINUOUS_SEPARATOR.join(text[s:e] for s, e in fragments)
    return f"{tid}\t{label} {offsets}\t{covered}"


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks, the breaks left out."""
    fragments = []
    at = start
    for found in LINE_BREAKS.finditer(text, start, end):
        if found.start() > at:
            fragments.append((at, found.start()))
        at = found.end()
    if end > at:
        fragments.append((at, end))
    return fragments


def _relation_lines(
    relations: list[ExportRelation], ids: dict[str, str], number: int, notes: _Notes
) -> list[str]:
    kept = []
    for relation in relations:
        head, tail = ids.get(relation["head"]), ids.get(relation["tail"])
        if head is None or tail is None:
            notes.add("relations of spans left out were left out", number, f", {relation['label']}")
            continue
        kept.append((int(head[1:]), int(tail[1:]), relation["label"]))
    # Numbered in span order, not by uid, so that a round trip numbers them alike.
    return [
        f"R{number}\t{label} Arg1:T{head} Arg2:T{tail}"
        for number, (head, tail, label) in enumerate(sorted(kept), start=1)
    ]


def _attribute_lines(
    spans: list[ExportSpan], ids: dict[str, str], number: int, export: _Export
) -> list[str]:
    lines: list[str] = []
    for span in spans:
        for name, value in sorted(span["attrs"].items()):
            if name == NOTE and isinstance(value, str):
                continue  # an AnnotatorNotes line
            tid = ids[span["id"]]
            line = _attribute_line(f"A{len(lines) + 1}", name, tid, value)
            if line is None:
                export.notes.add(
                    "attributes brat cannot hold were left out (brat has single-word values"
                    " and true)",
                    number,
                    f", {tid} {name}={value!r}",
                )
                continue
            lines.append(line)
            export.used(name, span["label"], value if isinstance(value, str) else "")
    return lines


def _note_lines(spans: list[ExportSpan], ids: dict[str, str]) -> list[str]:
    """A span's note as brat's AnnotatorNotes, one line for each of its lines that holds
    text (brat's notes are single lines: a tab becomes a space)."""
    notes = [
        (ids[span["id"]], line.replace("\t", " "))
        for span in spans
        if isinstance(span["attrs"].get(NOTE), str)
        for line in span["attrs"][NOTE].splitlines()
        if line.strip()
    ]
    return [
        f"#{number}\tAnnotatorNotes {tid}\t{text}"
        for number, (tid, text) in enumerate(notes, start=1)
    ]


def _attribute_line(aid: str, name: str, tid: str, value: Any) -> str | None:
    if not WORD.fullmatch(name):
        return None
    if value is True:
        return f"{aid}\t{name} {tid}"  # a binary attribute: present means true
    if isinstance(value, str) and WORD.fullmatch(value):
        return f"{aid}\t{name} {tid} {value}"
    return None


def _conf_text(schema: Schema, written: dict[str, tuple[list[str], list[str]]]) -> str:
    lines = ["# The project's label schema, for brat.", "[entities]"]
    lines.extend(label.name for label in schema.labels)
    lines.append("[relations]")
    for relation in schema.relations:
        heads = "|".join(relation.heads) or "<ANY>"
        tails = "|".join(relation.tails) or "<ANY>"
        lines.append(f"{relation.name}\tArg1:{heads}, Arg2:{tails}")
    # Our spans nest and cross freely; brat refuses overlaps it is not told of.
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines.extend(["[events]", "[attributes]"])
    for name, (labels, values) in _attribute_types(schema, written).items():
        line = f"{name}\tArg:{'|'.join(labels)}"
        real_values = [value for value in values if value]
        lines.append(f"{line}, Value:{'|'.join(real_values)}" if real_values else line)
    return "".join(line + "\n" for line in lines)


def _attribute_types(
    schema: Schema, written: dict[str, tuple[list[str], list[str]]]
) -> dict[str, tuple[list[str], list[str]]]:
    """The schema's attributes, then those the spans carry without the schema's leave."""
    types: dict[str, tuple[list[str], list[str]]] = {}
    for label in schema.labels:
        for name, choices in label.attributes.items():
            if WORD.fullmatch(name):
                _merge(types, name, [label.name], [c for c in choices if WORD.fullmatch(c)])
    for name, (labels, values) in written.items():
        _merge(types, name, labels, values)
    return types


def _merge(
    types: dict[str, tuple[list[str], list[str]]], name: str, labels: list[str], values: list[str]
) -> None:
    known_labels, known_values = types.setdefault(name, ([], []))
    for label in labels:
        _append_new(known_labels, label)
    for value in values:
        _append_new(known_values, value)


def _append_new(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)
