"""Comments and flags as native JSONL writes them, on a record and on its spans: read and
checked, each refusal naming its field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotate.comments import BODY_LIMIT
from annotate.errors import InputError
from annotate.model import FLAGS
from annotate.names import checked_name


@dataclass(frozen=True)
class RecordComment:
    id: str
    author: str
    text: str
    time: str
    resolved_by: str = ""
    resolved_at: str = ""
    about: str = ""  # the deleted span a document's comment was about


@dataclass(frozen=True)
class RecordFlag:
    flag: str
    annotator: str
    time: str


def read_comments(item: dict[str, Any], where: str) -> tuple[RecordComment, ...]:
    return tuple(
        _comment(entry, _at(where, f"comments[{i}]"))
        for i, entry in enumerate(_list(item, "comments", where))
    )


def read_flags(item: dict[str, Any], where: str) -> tuple[RecordFlag, ...]:
    return tuple(
        _flag(entry, _at(where, f"flags[{i}]"))
        for i, entry in enumerate(_list(item, "flags", where))
    )


def _comment(entry: Any, where: str) -> RecordComment:
    if not isinstance(entry, dict):
        raise InputError("expected a comment object", field=where)
    text = _text(entry, "text", where)
    if len(text) > BODY_LIMIT:
        raise InputError(
            f"a comment holds at most {BODY_LIMIT} characters, this one {len(text)}",
            field=f"{where}.text",
        )
    return RecordComment(
        id=_text(entry, "id", where),
        author=checked_name(_text(entry, "author", where), f"{where}.author"),
        text=text,
        time=_text(entry, "time", where),
        resolved_by=_optional(entry, "resolved_by", where),
        resolved_at=_optional(entry, "resolved_at", where),
        about=_optional(entry, "about", where),
    )


def _flag(entry: Any, where: str) -> RecordFlag:
    if not isinstance(entry, dict):
        raise InputError("expected a flag object", field=where)
    flag = _text(entry, "flag", where)
    if flag not in FLAGS:
        raise InputError(
            f"no flag {flag!r}; the flags are {', '.join(FLAGS)}", field=f"{where}.flag"
        )
    annotator = checked_name(_text(entry, "annotator", where), f"{where}.annotator")
    return RecordFlag(flag, annotator, _text(entry, "time", where))


def _list(item: dict[str, Any], key: str, where: str) -> list[Any]:
    value = item.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"expected a list of {key}", field=_at(where, key))
    return value


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError("expected a non-empty string", field=f"{where}.{key}")
    return value


def _optional(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise InputError("expected a string", field=f"{where}.{key}")
    return value


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
