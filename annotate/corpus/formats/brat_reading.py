"""Reading brat standoff (the format and its layout: ``annotate.corpus.formats.brat``).

A ``.ann`` file with its ``.txt``, a ``.txt`` with its ``.ann``, or a folder of pairs with
one subfolder per annotator. brat counts offsets in the text as Python reads it, a CRLF or
CR line break as one character; a file whose span texts match only when CRLF counts as two
(written by a tool that counted bytes' characters) is read that way. Offsets are then moved
to the stored text (BOM removed, line breaks LF). Not in this project's model, so refused
with the file and line: events (``E``), normalisations (``N``) and equivalences (``*``).
A span's notes (``#N<TAB>AnnotatorNotes T1<TAB>text``) become its ``note`` attribute; the
other ``#`` lines (notes on relations, comments) are counted in the import's notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotate.corpus.files import MAX_LINE_BYTES, decode_file, read_utf8, title_from_name
from annotate.corpus.formats.brat import (
    DISCONTINUOUS_SEPARATOR,
    NOTE,
    ann_files,
    is_brat_folder,
    layers,
)
from annotate.corpus.records import Record, RecordRelation, RecordSpan, text_record
from annotate.errors import InputError
from annotate.input_files import refuse_special
from annotate.names import checked_name
from annotate.text import stored_offset_mapper

LINE_BREAK = re.compile(r"\r\n?")
GAP_SHOWN = 40  # characters of a left-out stretch quoted in an error
FRAGMENT = re.compile(r"([0-9]{1,15}) ([0-9]{1,15})")  # int() refuses 4,300 digits
REFUSED_LINES = {
    "E": "events (E lines) are not part of this project's model",
    "N": "normalisations (N lines) are not part of this project's model",
    "*": "equivalences (* lines) are not part of this project's model",
}


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
    notes: list[_Attribute] = field(default_factory=list)  # AnnotatorNotes of spans
    left_out: int = 0  # other # lines


def read(path: Path) -> Iterator[Record]:
    """A .ann file with its .txt, a .txt with its .ann, or a folder of them (see above)."""
    if path.is_dir():
        yield from _folder_records(path)
        return
    suffix = path.suffix.lower()
    if suffix == ".txt":
        ann = path.with_suffix(".ann")
        refuse_special(ann)
        if not ann.is_file():
            raise InputError(f"no {ann.name} beside the text for brat", file=str(path))
        yield _document_record(ann, None)
    elif suffix == ".ann":
        yield _document_record(path, None)
    else:
        raise InputError("brat reads a .ann file, a .txt file or a folder", file=str(path))


def sniff(folder: Path) -> bool:
    return is_brat_folder(folder)


def _folder_records(folder: Path) -> Iterator[Record]:
    found = [(annotator, ann) for annotator, where in layers(folder) for ann in ann_files(where)]
    if not found:
        raise InputError("the folder holds no .ann files, nor do its subfolders", file=str(folder))
    for annotator, ann in found:
        yield _document_record(ann, _subfolder_annotator(folder, annotator))


def _subfolder_annotator(folder: Path, name: str | None) -> str | None:
    """A subfolder's name as its annotator; refused in the folder given (the subfolder's
    own path would show what the name holds)."""
    try:
        return None if name is None else checked_name(name, "annotator")
    except InputError as error:
        raise error.at(file=str(folder)) from None


def _document_record(ann: Path, annotator: str | None) -> Record:
    txt = ann.with_suffix(".txt")
    refuse_special(txt)
    if not txt.is_file():
        raise InputError(f"no {txt.name} beside the annotations", file=str(ann))
    raw = read_utf8(txt)
    title = title_from_name(txt, keep_hyphens=True)  # the export keeps a title's hyphens
    document = text_record(str(txt), title, raw)
    counted, annotations = _parse_counted(ann, raw)
    left_out = annotations.left_out
    return replace(
        document,
        file=str(ann),
        annotator=annotator,
        notes=(f"{ann}: {left_out} # lines left out (notes on relations, comments)",)
        if left_out
        else (),
        spans=_record_spans(annotations, stored_offset_mapper(counted)),
        relations=[
            RecordRelation(index, link.id, link.label, link.head, link.tail, link.line)
            for index, link in enumerate(annotations.links)
        ],
        keeps_ids=False,  # T1, R1: numbered afresh in every .ann
    )


def _parse_counted(ann: Path, raw: str) -> tuple[str, _Annotations]:
    """The annotations, and the text their offsets count in: brat's (a CRLF is one
    character), or else the text as it is, if only that makes every span's text match."""
    as_brat = LINE_BREAK.sub("\n", raw)
    try:
        return as_brat, _parse_ann(ann, as_brat)
    except InputError as brat_error:
        if as_brat == raw:
            raise
        try:
            return raw, _parse_ann(ann, raw)
        except InputError:
            raise brat_error from None


def _record_spans(annotations: _Annotations, to_stored: Callable[[int], int]) -> list[RecordSpan]:
    attrs: dict[str, dict[str, Any]] = {}
    for attribute in annotations.attributes:
        attrs.setdefault(attribute.target, {})[attribute.name] = attribute.value
    for note in annotations.notes:
        known = attrs.setdefault(note.target, {}).get(NOTE)
        joined = isinstance(known, str) and known
        attrs[note.target][NOTE] = f"{known}\n{note.value}" if joined else note.value
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
            if line.startswith("#"):
                _parse_note(line, number, annotations)
            elif line.strip():
                _parse_line(line, number, raw_text, seen, annotations)
        _check_references(annotations)
    except InputError as error:
        raise error.at(file=str(ann)) from None
    return annotations


def _ann_lines(ann: Path) -> list[str]:
    text = decode_file(ann, MAX_LINE_BYTES, "a .ann file").removeprefix("\ufeff")
    # Lines end at LF only: U+2028 and friends may sit in a T line's text.
    return [line.removesuffix("\r") for line in text.split("\n")]


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
    _check_gaps(fragments, raw_text)
    start = min(s for s, _ in fragments)
    end = max(e for _, e in fragments)
    return _Textbound(identifier, label, start, end, line)


def _check_gaps(fragments: list[tuple[int, int]], raw_text: str) -> None:
    """Fragments are joined into one span only across line breaks and spaces (as brat
    splits a span that runs over lines); a span that leaves words out between its fragments
    (a discontinuous one) has no contiguous equivalent, so it is refused, never widened."""
    ordered = sorted(fragments)
    for (_, end), (start, _) in pairwise(ordered):
        gap = raw_text[end:start]
        if start < end or (gap and not gap.isspace()):
            shown = gap if len(gap) <= GAP_SHOWN else gap[:GAP_SHOWN] + "…"
            raise InputError(
                f"a discontinuous span: its fragments leave out {shown!r} ({end}-{start});"
                " this project keeps contiguous spans only, so split it into one span per"
                " fragment or remove it"
            )


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


def _parse_note(line: str, number: int, annotations: _Annotations) -> None:
    _, _, rest = line.partition("\t")
    kind_and_target, _, text = rest.partition("\t")
    kind, _, target = kind_and_target.partition(" ")
    if kind == "AnnotatorNotes" and target.startswith("T") and text:
        annotations.notes.append(_Attribute(NOTE, target, text, number))
    else:
        annotations.left_out += 1


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
    kept = [note for note in annotations.notes if note.target in spans]
    annotations.left_out += len(annotations.notes) - len(kept)
    annotations.notes = kept
