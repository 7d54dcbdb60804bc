"""Import records: one document with one annotator's spans and relations, validated."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from annotate.documents import check_document_text
from annotate.errors import InputError
from annotate.text import document_uid, normalise_stored_text, stored_offset_mapper

SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RecordSpan:
    index: int
    id: str | None
    label: str
    start: int  # offsets into the stored text
    end: int
    attrs: dict[str, Any]
    line: int | None = None  # where the span is written, when not on the record's line


@dataclass(frozen=True)
class RecordRelation:
    index: int
    id: str | None
    label: str
    head: str
    tail: str
    line: int | None = None


@dataclass(frozen=True)
class Record:
    file: str
    line: int | None
    title: str
    text: str  # as stored: BOM removed, CRLF and CR turned into LF
    meta: dict[str, Any]
    annotator: str | None = None
    spans: list[RecordSpan] = field(default_factory=list)
    relations: list[RecordRelation] = field(default_factory=list)
    notes: tuple[str, ...] = ()  # what reading had to repair, for the import report

    @cached_property
    def uid(self) -> str:
        return document_uid(self.text)

    def error(self, message: str, field: str = "") -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field)


def text_record(file: str, title: str, raw_text: str) -> Record:
    text = normalise_stored_text(raw_text)
    try:
        check_document_text(text)
    except InputError as error:
        raise error.at(file=file) from None
    return Record(file=file, line=None, title=title, text=text, meta={})


def parse_json_line(file: str, line: int, source: str) -> Record:
    try:
        data = json.loads(source, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            f"malformed JSON: {error.msg} (column {error.colno})", file=file, line=line
        ) from error
    except InputError as error:
        raise error.at(file=file, line=line) from None
    try:
        _refuse_surrogates(data, "")
        return _record(file, line, data)
    except InputError as error:
        raise error.at(file=file, line=line) from None


def _refuse_constant(name: str) -> Any:
    raise InputError(f"{name} is not a JSON value")


def _refuse_surrogates(value: Any, where: str) -> None:
    """Lone surrogates (from escapes like \\ud800) are not text and cannot be stored."""
    if isinstance(value, str):
        if SURROGATE.search(value):
            raise InputError("contains a lone surrogate (\\ud800-\\udfff escape)", field=where)
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_surrogates(key, where)
            _refuse_surrogates(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_surrogates(item, f"{where}[{index}]")


def _record(file: str, line: int, data: Any) -> Record:
    if not isinstance(data, dict):
        raise InputError("expected a JSON object")
    raw_text = _get(data, "text", str)
    text = normalise_stored_text(raw_text)
    check_document_text(text)
    meta = dict(_get(data, "meta", dict, default={}))
    foreign_id = _get(data, "id", str, default=None)
    if foreign_id is not None and foreign_id != document_uid(text):
        meta["source_id"] = foreign_id
    to_stored = stored_offset_mapper(raw_text)
    spans = [
        _span(i, item, raw_text, to_stored)
        for i, item in enumerate(_get(data, "spans", list, default=[]))
    ]
    relations = [
        _relation(i, item) for i, item in enumerate(_get(data, "relations", list, default=[]))
    ]
    annotator = _get(data, "annotator", str, default=None)
    if annotator is not None and not annotator.strip():
        raise InputError("an annotator needs a name", field="annotator")
    _check_ids(spans, relations)
    return Record(
        file=file,
        line=line,
        title=_get(data, "title", str, default=""),
        text=text,
        meta=meta,
        annotator=annotator,
        spans=spans,
        relations=relations,
    )


def _span(index: int, item: Any, raw_text: str, to_stored: Callable[[int], int]) -> RecordSpan:
    where = f"spans[{index}]"
    if not isinstance(item, dict):
        raise InputError("expected a span object", field=where)
    start = _get(item, "start", int, where)
    end = _get(item, "end", int, where)
    if start < 0 or start > len(raw_text):
        raise InputError(
            f"offset {start} is outside the text (0-{len(raw_text)})", field=f"{where}.start"
        )
    if end > len(raw_text):
        raise InputError(
            f"offset {end} is outside the text (0-{len(raw_text)})", field=f"{where}.end"
        )
    if end <= start:
        raise InputError(f"end {end} must be greater than start {start}", field=f"{where}.end")
    quoted = _get(item, "text", str, where, default=None)
    if quoted is not None and quoted != raw_text[start:end]:
        raise InputError(
            f"span text {quoted!r} does not match the document text at {start}-{end} "
            f"({raw_text[start:end]!r})",
            field=f"{where}.text",
        )
    return RecordSpan(
        index=index,
        id=_get(item, "id", str, where, default=None),
        label=_get(item, "label", str, where),
        start=to_stored(start),
        end=to_stored(end),
        attrs=_get(item, "attrs", dict, where, default={}),
    )


def _relation(index: int, item: Any) -> RecordRelation:
    where = f"relations[{index}]"
    if not isinstance(item, dict):
        raise InputError("expected a relation object", field=where)
    return RecordRelation(
        index=index,
        id=_get(item, "id", str, where, default=None),
        label=_get(item, "label", str, where),
        head=_get(item, "head", str, where),
        tail=_get(item, "tail", str, where),
    )


def _check_ids(spans: list[RecordSpan], relations: list[RecordRelation]) -> None:
    span_ids: set[str] = set()
    for span in spans:
        if span.id is not None and span.id in span_ids:
            raise InputError(f"duplicate span id {span.id!r}", field=f"spans[{span.index}].id")
        if span.id is not None:
            span_ids.add(span.id)
    relation_ids: set[str] = set()
    for relation in relations:
        where = f"relations[{relation.index}]"
        if relation.id is not None and relation.id in relation_ids:
            raise InputError(f"duplicate relation id {relation.id!r}", field=f"{where}.id")
        if relation.id is not None:
            relation_ids.add(relation.id)
        for end in ("head", "tail"):
            if getattr(relation, end) not in span_ids:
                raise InputError(
                    f"relation to a missing span {getattr(relation, end)!r}",
                    field=f"{where}.{end}",
                )


_MISSING = object()


def _get(
    item: dict[str, Any], key: str, kind: type, where: str = "", default: Any = _MISSING
) -> Any:
    name = f"{where}.{key}" if where else key
    if key not in item or (item[key] is None and default is not _MISSING):
        if default is _MISSING:
            raise InputError("required field is missing", field=name)
        return default
    value = item[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = {str: "a string", int: "an integer", dict: "an object", list: "a list"}[kind]
        raise InputError(
            f"expected {expected}, got {json.dumps(value, ensure_ascii=False)[:40]}", field=name
        )
    return value
