"""Import records: one document with one annotator's spans and relations, validated."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, overload

from annotate.corpus.record_comments import RecordComment, RecordFlag, read_comments, read_flags
from annotate.documents import check_document_text
from annotate.errors import InputError
from annotate.names import checked_name
from annotate.text import document_uid, normalise_stored_text, stored_offset_mapper

SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # how JSON writes one, in pairs or alone


# Spans and relations are never changed once read, but are not frozen: a frozen dataclass
# takes five times as long to make, and one record may hold tens of thousands of them.
@dataclass(slots=True)
class RecordSpan:
    index: int
    id: str | None
    label: str
    start: int  # offsets into the stored text
    end: int
    attrs: dict[str, Any]
    line: int | None = None  # where the span is written, when not on the record's line
    comments: tuple[RecordComment, ...] = ()
    flags: tuple[RecordFlag, ...] = ()
    score: float | None = None  # a model's confidence, where a file gives one


@dataclass(slots=True)
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
    comments: tuple[RecordComment, ...] = ()  # on the document
    flags: tuple[RecordFlag, ...] = ()
    # Whether span and relation ids may become uids. Ids a format numbers itself per file
    # (brat's T1, doccano's 7) are not: two files would give one uid to different spans,
    # and a merge, which matches spans by uid, would take one for the other.
    keeps_ids: bool = True

    @cached_property
    def uid(self) -> str:
        return document_uid(self.text)

    def error(self, message: str, field: str = "", line: int | None = None) -> InputError:
        """An error in this record; ``line``: where one of its spans or relations is
        written, when that is not the record's own line."""
        line = line if line is not None else self.line
        return InputError(message, file=self.file, line=line, field=field)


def stored_text(raw_text: str) -> str:
    """A file's text as the project stores it (BOM removed, CRLF and CR made LF), checked."""
    text = normalise_stored_text(raw_text)
    check_document_text(text)
    return text


def text_record(file: str, title: str, raw_text: str) -> Record:
    try:
        text = stored_text(raw_text)
    except InputError as error:
        raise error.at(file=file) from None
    return Record(file=file, line=None, title=title, text=text, meta={})


def _record(file: str, line: int, data: Any) -> Record:
    if not isinstance(data, dict):
        raise InputError("expected a JSON object")
    raw_text = get_field(data, "text", str)
    text = stored_text(raw_text)
    meta = dict(get_field(data, "meta", dict, default={}))
    foreign_id = get_field(data, "id", str, default=None)
    if foreign_id is not None and foreign_id != document_uid(text):
        meta["source_id"] = foreign_id
    to_stored = stored_offset_mapper(raw_text)
    spans = [
        _span(i, item, raw_text, to_stored)
        for i, item in enumerate(get_field(data, "spans", list, default=[]))
    ]
    relations = [
        _relation(i, item) for i, item in enumerate(get_field(data, "relations", list, default=[]))
    ]
    annotator = annotator_name(data.get("annotator"), "annotator")
    _check_ids(spans, relations)
    return Record(
        file=file,
        line=line,
        title=get_field(data, "title", str, default=""),
        text=text,
        meta=meta,
        annotator=annotator,
        spans=spans,
        relations=relations,
        comments=read_comments(data, ""),
        flags=read_flags(data, ""),
    )


def check_quoted(
    raw_text: str,
    start: int,
    end: int,
    quoted: str | None,
    where: str,
    what: str = "span",
    hint: str = "",
) -> None:
    """A span's text given beside its offsets must be the document's text there."""
    if quoted is not None and quoted != raw_text[start:end]:
        raise InputError(
            f"{what} text {quoted!r} does not match the document text at {start}-{end} "
            f"({raw_text[start:end]!r}){hint}",
            field=f"{where}.text",
        )


USUAL_SPAN_FIELDS = frozenset(("id", "label", "start", "end", "attrs"))


def _span(index: int, item: Any, raw_text: str, to_stored: Callable[[int], int]) -> RecordSpan:
    """The usual span (integer offsets of a span within the text, a string label and id,
    no quoted text) is taken as it is; any other goes through every check, which says
    what is wrong."""
    if type(item) is dict and item.keys() <= USUAL_SPAN_FIELDS:
        start, end, label = item.get("start"), item.get("end"), item.get("label")
        span_id, attrs = item.get("id"), item.get("attrs")
        if (
            type(start) is int
            and type(end) is int
            and 0 <= start < end <= len(raw_text)
            and type(label) is str
            and (span_id is None or type(span_id) is str)
            and (attrs is None or type(attrs) is dict)
        ):
            return RecordSpan(index, span_id, label, to_stored(start), to_stored(end), attrs or {})
    return _checked_span(index, item, raw_text, to_stored)


def _checked_span(
    index: int, item: Any, raw_text: str, to_stored: Callable[[int], int]
) -> RecordSpan:
    where = f"spans[{index}]"
    if not isinstance(item, dict):
        raise InputError("expected a span object", field=where)
    start = get_field(item, "start", int, where)
    end = get_field(item, "end", int, where)
    if not 0 <= start < end <= len(raw_text):
        check_offsets(len(raw_text), start, end, f"{where}.start", f"{where}.end")
    check_quoted(raw_text, start, end, get_field(item, "text", str, where, default=None), where)
    return RecordSpan(
        index,
        get_field(item, "id", str, where, default=None),
        get_field(item, "label", str, where),
        to_stored(start),
        to_stored(end),
        get_field(item, "attrs", dict, where, default={}),
        comments=read_comments(item, where),
        flags=read_flags(item, where),
    )


def _relation(index: int, item: Any) -> RecordRelation:
    where = f"relations[{index}]"
    if not isinstance(item, dict):
        raise InputError("expected a relation object", field=where)
    return RecordRelation(
        index=index,
        id=get_field(item, "id", str, where, default=None),
        label=get_field(item, "label", str, where),
        head=get_field(item, "head", str, where),
        tail=get_field(item, "tail", str, where),
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


# What every reader of JSON input uses


RecordMaker = Callable[[str, int, Any], Record]  # (file, line, JSON value) -> record


def parse_json_line(
    file: str, line: int, source: str, make_record: RecordMaker = _record
) -> Record:
    """One line of JSON made into a record (native by default), every error placed at the
    file and line."""
    try:
        data = parse_json(source)
        if may_hold_surrogates(source):
            refuse_surrogates(data, "")
        return make_record(file, line, data)
    except InputError as error:
        raise error.at(file=file, line=line) from None


def parse_json(source: str) -> Any:
    """One JSON value, NaN and Infinity refused; errors are not yet placed in a file."""
    try:
        return json.loads(source, parse_constant=refuse_constant)
    except json.JSONDecodeError as error:
        raise InputError(f"malformed JSON: {error.msg} (column {error.colno})") from error
    except (RecursionError, ValueError) as error:
        raise InputError(f"malformed JSON: {beyond_limits(error)}") from None


def beyond_limits(error: RecursionError | ValueError) -> str:
    """What Python's JSON decoder could not take, besides malformed text: values nested
    too deeply for its recursion, or an integer too long to convert."""
    if isinstance(error, RecursionError):
        return "values nested too deeply"
    return "a number with too many digits"


def refuse_constant(name: str) -> Any:
    """For ``parse_constant``: NaN, Infinity and -Infinity are not JSON."""
    raise InputError(f"{name} is not a JSON value")


def may_hold_surrogates(source: str) -> bool:
    """Whether JSON text may decode to a lone surrogate: only one written as an escape can
    (or one already in the text), so a line with neither needs no walk through its values."""
    escaped = "\\u" in source and SURROGATE_ESCAPE.search(source)  # "in" is the faster scan
    return bool(escaped or SURROGATE.search(source))


def refuse_surrogates(value: Any, where: str) -> None:
    """Lone surrogates (from escapes like \\ud800) are not text and cannot be stored."""
    if isinstance(value, str):
        if SURROGATE.search(value):
            raise InputError("contains a lone surrogate (\\ud800-\\udfff escape)", field=where)
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_surrogates(key, where)
            refuse_surrogates(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            refuse_surrogates(item, f"{where}[{index}]")


T = TypeVar("T")
D = TypeVar("D")
_MISSING = object()


@overload
def get_field(item: dict[str, Any], key: str, kind: type[T], where: str = "") -> T: ...


@overload
def get_field(
    item: dict[str, Any], key: str, kind: type[T], where: str = "", *, default: D
) -> T | D: ...


def get_field(
    item: dict[str, Any], key: str, kind: type[T], where: str = "", default: object = _MISSING
) -> Any:
    """``item[key]`` checked to be of ``kind`` (str, int, dict or list); a missing or null
    field is ``default``, or refused when there is none. ``where`` is the item's field."""
    value = item.get(key, _MISSING)
    if value is _MISSING or (value is None and default is not _MISSING):
        if default is _MISSING:
            raise InputError("required field is missing", field=_field_name(where, key))
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = {str: "a string", int: "an integer", dict: "an object", list: "a list"}[kind]
        raise InputError(
            f"expected {expected}, got {json.dumps(value, ensure_ascii=False)[:40]}",
            field=_field_name(where, key),
        )
    return value


def _field_name(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def check_offsets(length: int, start: int, end: int, start_field: str, end_field: str) -> None:
    """Refuse offsets outside a text of length units or a span that is empty or reversed."""
    if start < 0 or start > length:
        raise InputError(f"offset {start} is outside the text (0-{length})", field=start_field)
    if end < 0 or end > length:
        raise InputError(f"offset {end} is outside the text (0-{length})", field=end_field)
    if end <= start:
        raise InputError(f"end {end} must be greater than start {start}", field=end_field)


def annotator_name(value: Any, field: str) -> str | None:
    """A JSON value as an annotator's name: absent (None) or a string that is not blank."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            f"expected a string, got {json.dumps(value, ensure_ascii=False)[:40]}", field=field
        )
    if not value.strip():
        raise InputError("an annotator needs a name", field=field)
    return checked_name(value, field)
