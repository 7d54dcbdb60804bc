"""brat standoff: a folder of ``NAME.txt`` (the document) and ``NAME.ann`` (its annotations).

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
back into one span from the first start to the last end.

File names come from the titles, made safe and distinct (``annotate.filenames``; the
fallback is ``doc_`` and the uid's first 12 digits); reading takes the title back from the
name with ``_`` as a space. A document's ``meta`` has no place in brat and is not written.

Not in this project's model, so refused with the file and line: events (``E``),
normalisations (``N``) and equivalences (``*``). Notes (``#`` lines) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotate.errors import InputError
from annotate.exporting import ExportRecord, ExportRelation, ExportSpan
from annotate.filenames import unique_stems
from annotate.importing import MAX_LINE_BYTES, read_utf8
from annotate.records import Record, RecordRelation, RecordSpan, text_record
from annotate.schema import Schema
from annotate.text import stored_offset_mapper

CONF_NAME = "annotation.conf"
BRAT_CONF_NAMES = {CONF_NAME, "visual.conf", "tools.conf", "kb_shortcuts.conf"}
DISCONTINUOUS_SEPARATOR = " "  # between fragment texts on a T line, as brat joins them
# Every character Python's str.splitlines() breaks at: brat reads .ann files by lines, so a
# T line's text must hold none of them.
LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
WORD = re.compile(r"[^\s|,]+")  # an attribute name or value brat's files and conf can hold
FRAGMENT = re.compile(r"([0-9]{1,15}) ([0-9]{1,15})")  # int() refuses 4,300 digits
REFUSED_LINES = {
    "E": "events (E lines) are not part of this project's model",
    "N": "normalisations (N lines) are not part of this project's model",
    "*": "equivalences (* lines) are not part of this project's model",
}


# Export


@dataclass
class _Notes:
    """Problems of one kind counted once, with the first place each was seen."""

    seen: dict[str, tuple[int, str]] = field(default_factory=dict)

    def add(self, problem: str, where: str) -> None:
        count, first = self.seen.get(problem, (0, where))
        self.seen[problem] = (count + 1, first)

    def lines(self) -> list[str]:
        return [
            f"{problem}: {count} (first: {first})" for problem, (count, first) in self.seen.items()
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
    """Write OUT as a brat collection; return notes on what brat cannot hold."""
    every = list(records)  # the layout depends on how many annotators there are
    out.mkdir()
    folders = _annotator_folders(every, out)
    stems = _document_stems(every)
    export = _Export()
    for name, folder in folders.items():
        if name is not None and folder != out and folder.name != name:
            export.notes.add(
                "annotator names changed to be folder names", f"{name!r} -> {folder.name!r}"
            )
    for record in every:
        folder = folders[record["annotator"]]
        folder.mkdir(exist_ok=True)
        stem = stems[record["id"]]
        where = f"{folder.relative_to(out) / stem}.ann"
        _create(folder / f"{stem}.txt", record["text"])
        _create(folder / f"{stem}.ann", _ann_text(record, where, export))
    _create(out / CONF_NAME, _conf_text(schema, export.attributes))
    return export.notes.lines()


def _annotator_folders(records: list[ExportRecord], out: Path) -> dict[str | None, Path]:
    names = sorted({r["annotator"] for r in records if r["annotator"] is not None})
    if len(names) <= 1:
        return {name: out for name in [*names, None]}
    fallbacks = [f"annotator_{number}" for number in range(1, len(names) + 1)]
    stems = unique_stems(list(zip(names, fallbacks, strict=True)))
    stems = [
        fallback if _clashes_with_a_file(stem) else stem
        for stem, fallback in zip(stems, fallbacks, strict=True)
    ]
    folders: dict[str | None, Path] = {None: out}
    folders.update((name, out / stem) for name, stem in zip(names, _distinct(stems), strict=True))
    return folders


def _clashes_with_a_file(folder: str) -> bool:
    """A folder named like brat's configuration or like a document's file beside it."""
    name = folder.casefold()
    return name in BRAT_CONF_NAMES or name.endswith((".txt", ".ann"))


def _document_stems(records: list[ExportRecord]) -> dict[str, str]:
    """One file name per document, the same in every annotator's folder. The fallback comes
    from the uid, not the position, so that a round trip gives the same names."""
    titles = {record["id"]: record["title"] for record in records}
    names = [(title, f"doc_{uid[:12]}") for uid, title in titles.items()]
    return dict(zip(titles, _distinct(unique_stems(names)), strict=True))


def _distinct(stems: list[str]) -> list[str]:
    """The stems, any still alike without regard to case numbered (a title may itself look
    like another document's stem with its fallback added)."""
    taken: set[str] = set()
    result = []
    for stem in stems:
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}_{number}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def _create(path: Path, text: str) -> None:
    """Write a new file, never replacing one: names are made distinct, so a clash is a bug."""
    with path.open("xb") as handle:
        handle.write(text.encode("utf-8"))


def _ann_text(record: ExportRecord, where: str, export: _Export) -> str:
    text = record["text"]
    ids: dict[str, str] = {}
    lines: list[str] = []
    written: list[ExportSpan] = []
    for span in sorted(record["spans"], key=lambda s: (s["start"], s["end"], s["label"])):
        tid = f"T{len(ids) + 1}"
        line = _textbound_line(tid, span, text, where, export.notes)
        if line is not None:
            ids[span["id"]] = tid
            lines.append(line)
            written.append(span)
    lines.extend(_relation_lines(record["relations"], ids, where, export.notes))
    lines.extend(_attribute_lines(written, ids, where, export))
    return "".join(line + "\n" for line in lines)


def _textbound_line(tid: str, span: ExportSpan, text: str, where: str, notes: _Notes) -> str | None:
    start, end, label = span["start"], span["end"], span["label"]
    fragments = _fragments(text, start, end)
    place = f"{where}, {label} {start}-{end}"
    if not fragments:
        notes.add("spans of line breaks alone were left out", place)
        return None
    if (fragments[0][0], fragments[-1][1]) != (start, end):
        notes.add("spans that begin or end with a line break were written without it", place)
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
    relations: list[ExportRelation], ids: dict[str, str], where: str, notes: _Notes
) -> list[str]:
    kept = []
    for relation in relations:
        head, tail = ids.get(relation["head"]), ids.get(relation["tail"])
        if head is None or tail is None:
            notes.add("relations of spans left out were left out", f"{where}, {relation['label']}")
            continue
        kept.append((int(head[1:]), int(tail[1:]), relation["label"]))
    # Numbered in span order, not by uid, so that a round trip numbers them alike.
    return [
        f"R{number}\t{label} Arg1:T{head} Arg2:T{tail}"
        for number, (head, tail, label) in enumerate(sorted(kept), start=1)
    ]


def _attribute_lines(
    spans: list[ExportSpan], ids: dict[str, str], where: str, export: _Export
) -> list[str]:
    lines: list[str] = []
    for span in spans:
        for name, value in sorted(span["attrs"].items()):
            tid = ids[span["id"]]
            line = _attribute_line(f"A{len(lines) + 1}", name, tid, value)
            if line is None:
                export.notes.add(
                    "attributes brat cannot hold were left out (brat has single-word values"
                    " and true)",
                    f"{where}, {tid} {name}={value!r}",
                )
                continue
            lines.append(line)
            export.used(name, span["label"], value if isinstance(value, str) else "")
    return lines


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


# Import


@dataclass(frozen=True)
class _Textbound:
    id: str
    label: str
    start: int  # into the .txt as read, before normalising
    end: int
    line: int


@dataclass(frozen=True)
class _Link:
    id: str
    label: str
    head: str
    tail: str
    line: int


@dataclass(frozen=True)
class _Attribute:
    name: str
    target: str
    value: str | bool
    line: int


@dataclass
class _Annotations:
    textbounds: list[_Textbound] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)
    attributes: list[_Attribute] = field(default_factory=list)


def read(path: Path) -> Iterator[Record]:
    """A .ann file with its .txt, a .txt with its .ann, or a folder of them (see above)."""
    if path.is_dir():
        yield from _folder_records(path)
        return
    suffix = path.suffix.lower()
    if suffix == ".txt":
        ann = path.with_suffix(".ann")
        if not ann.is_file():
            raise InputError(f"no {ann.name} beside the text for brat", file=str(path))
        yield _document_record(ann, None)
    elif suffix == ".ann":
        yield _document_record(path, None)
    else:
        raise InputError("brat reads a .ann file, a .txt file or a folder", file=str(path))


def _folder_records(folder: Path) -> Iterator[Record]:
    layers = [(None, folder)] + [
        (sub.name, sub)
        for sub in sorted(folder.iterdir())
        if sub.is_dir() and not sub.name.startswith(".")
    ]
    found = [(annotator, ann) for annotator, where in layers for ann in _ann_files(where)]
    if not found:
        raise InputError("the folder holds no .ann files, nor do its subfolders", file=str(folder))
    for annotator, ann in found:
        yield _document_record(ann, annotator)


def _ann_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".ann" and p.is_file())


def _document_record(ann: Path, annotator: str | None) -> Record:
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise InputError(f"no {txt.name} beside the annotations", file=str(ann))
    raw = read_utf8(txt)
    document = text_record(str(txt), _title_from_name(txt), raw)
    annotations = _parse_ann(ann, raw)
    to_stored = stored_offset_mapper(raw)
    return replace(
        document,
        file=str(ann),
        annotator=annotator,
        spans=_record_spans(annotations, to_stored),
        relations=[
            RecordRelation(index, link.id, link.label, link.head, link.tail, link.line)
            for index, link in enumerate(annotations.links)
        ],
    )


def _title_from_name(path: Path) -> str:
    """The export writes a title's spaces as ``_``; ``-`` is kept, so hyphens survive."""
    return " ".join(path.stem.replace("_", " ").split())


def _record_spans(annotations: _Annotations, to_stored: Callable[[int], int]) -> list[RecordSpan]:
    attrs: dict[str, dict[str, Any]] = {}
    for attribute in annotations.attributes:
        attrs.setdefault(attribute.target, {})[attribute.name] = attribute.value
    return [
        RecordSpan(
            index=index,
            id=textbound.id,
            label=textbound.label,
            start=to_stored(textbound.start),
            end=to_stored(textbound.end),
            attrs=attrs.get(textbound.id, {}),
            line=textbound.line,
        )
        for index, textbound in enumerate(annotations.textbounds)
    ]


def _parse_ann(ann: Path, raw_text: str) -> _Annotations:
    annotations = _Annotations()
    seen: set[str] = set()
    try:
        for number, line in enumerate(_ann_lines(ann), start=1):
            if line.strip() and not line.startswith("#"):
                _parse_line(line, number, raw_text, seen, annotations)
        _check_references(annotations)
    except InputError as error:
        raise error.at(file=str(ann)) from None
    return annotations


def _ann_lines(ann: Path) -> list[str]:
    if ann.stat().st_size > MAX_LINE_BYTES:
        raise InputError(
            f"the file is larger than {MAX_LINE_BYTES // 2**20} MiB, the most a .ann may take",
            file=str(ann),
        )
    data = ann.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"invalid UTF-8 at byte {error.start}", file=str(ann), line=line
        ) from error
    # Lines end at LF only: U+2028 and friends may sit in a T line's text.
    return [line.removesuffix("\r") for line in text.removeprefix("\ufeff").split("\n")]


def _parse_line(
    line: str, number: int, raw_text: str, seen: set[str], annotations: _Annotations
) -> None:
    try:
        identifier, tab, rest = line.partition("\t")
        if not tab or not identifier:
            raise InputError("expected an id, a tab and the annotation (is a tab missing?)")
        kind = identifier[0]
        if kind in REFUSED_LINES:
            raise InputError(REFUSED_LINES[kind])
        if identifier in seen:
            raise InputError(f"duplicate id {identifier}")
        seen.add(identifier)
        if kind == "T":
            annotations.textbounds.append(_parse_textbound(identifier, rest, raw_text, number))
        elif kind == "R":
            annotations.links.append(_parse_relation(identifier, rest, number))
        elif kind in "AM":
            annotations.attributes.append(_parse_attribute(rest, number))
        else:
            raise InputError(f"unknown kind of annotation {identifier!r} (brat has T, R, A)")
    except InputError as error:
        raise error.at(line=number) from None


def _parse_textbound(identifier: str, rest: str, raw_text: str, line: int) -> _Textbound:
    where, tab, quoted = rest.partition("\t")
    label, space, offsets = where.partition(" ")
    if not tab or not space or not label:
        raise InputError(f"truncated span: expected {identifier}<TAB>LABEL START END<TAB>TEXT")
    fragments = [_parse_fragment(part, len(raw_text)) for part in offsets.split(";")]
    covered = DISCONTINUOUS_SEPARATOR.join(raw_text[s:e] for s, e in fragments)
    if quoted != covered:
        raise InputError(f"span text {quoted!r} does not match the text at {offsets} ({covered!r})")
    start = min(s for s, _ in fragments)
    end = max(e for _, e in fragments)
    return _Textbound(identifier, label, start, end, line)


def _parse_fragment(part: str, length: int) -> tuple[int, int]:
    found = FRAGMENT.fullmatch(part)
    if found is None:
        raise InputError(f"expected START END offsets, not {part!r} (is the line cut short?)")
    start, end = int(found.group(1)), int(found.group(2))
    if end > length:
        raise InputError(f"offsets {start}-{end} are beyond the text ({length} characters)")
    if end <= start:
        raise InputError(f"end {end} must be greater than start {start}")
    return start, end


def _parse_relation(identifier: str, rest: str, line: int) -> _Link:
    parts = rest.split()
    if len(parts) != 3 or not parts[1].startswith("Arg1:") or not parts[2].startswith("Arg2:"):
        raise InputError(f"truncated relation: expected {identifier}<TAB>LABEL Arg1:T1 Arg2:T2")
    head, tail = parts[1].removeprefix("Arg1:"), parts[2].removeprefix("Arg2:")
    return _Link(identifier, parts[0], head, tail, line)


def _parse_attribute(rest: str, line: int) -> _Attribute:
    parts = rest.split(" ", 2)
    if len(parts) < 2 or not all(parts):
        raise InputError("truncated attribute: expected NAME TARGET [VALUE]")
    value: str | bool = parts[2] if len(parts) == 3 else True
    return _Attribute(parts[0], parts[1], value, line)


def _check_references(annotations: _Annotations) -> None:
    """Relations and attributes may come before the spans they name, so check them last."""
    spans = {textbound.id for textbound in annotations.textbounds}
    for link in annotations.links:
        for end in (link.head, link.tail):
            if end not in spans:
                message = f"relation {link.id} refers to an unknown span {end}"
                raise InputError(message, line=link.line)
    named: set[tuple[str, str]] = set()
    for attribute in annotations.attributes:
        if attribute.target not in spans:
            message = f"attribute {attribute.name} of an unknown span {attribute.target}"
            raise InputError(message, line=attribute.line)
        if (attribute.target, attribute.name) in named:
            message = f"attribute {attribute.name} given twice for {attribute.target}"
            raise InputError(message, line=attribute.line)
        named.add((attribute.target, attribute.name))
