"""What the doccano and Label Studio readers share: ids written as strings or integers, and
a whole JSON file read safely with the line of every top-level item."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotate.corpus.files import decode_file
from annotate.corpus.records import beyond_limits, refuse_constant
from annotate.errors import InputError

MAX_FILE_BYTES = 2**30  # a whole JSON export is read into memory to be parsed
WHITESPACE = re.compile(r"[ \t\n\r]*")


def read_json_file(path: Path) -> str:
    """The file as text (UTF-8, BOM removed), refusing a folder, a huge or an empty file."""
    text = decode_file(path, MAX_FILE_BYTES, "a JSON file").removeprefix("\ufeff")
    if not text.strip():
        raise InputError("empty input", file=str(path))
    return text


def top_level_items(text: str, file: str) -> Iterator[tuple[int, str, Any]]:
    """Each item of a top-level JSON list (or the one top-level object) with its line, and
    its place as a field prefix ("[3]", or "" for a lone object)."""
    decoder = json.JSONDecoder(parse_constant=refuse_constant)
    lines = _LineCounter(text)
    try:
        position = _skip(text, 0)
        if text.startswith("{", position):
            value, end = _decode(decoder, text, position)
            _expect_end(text, _skip(text, end))
            yield lines.at(position), "", value
            return
        if not text.startswith("[", position):
            raise json.JSONDecodeError("Expecting a list of tasks", text, position)
        for index, (start, value) in enumerate(_list_items(decoder, text, position)):
            yield lines.at(start), f"[{index}]", value
    except json.JSONDecodeError as error:
        raise InputError(
            f"malformed JSON: {error.msg} (column {error.colno})", file=file, line=error.lineno
        ) from error
    except InputError as error:  # NaN or Infinity: the decoder stops without a position
        raise error.at(file=file) from None


def _list_items(decoder: json.JSONDecoder, text: str, position: int) -> Iterator[tuple[int, Any]]:
    position = _skip(text, position + 1)
    if text.startswith("]", position):
        _expect_end(text, _skip(text, position + 1))
        return
    while True:
        value, end = _decode(decoder, text, position)
        yield position, value
        position = _skip(text, end)
        if text.startswith(",", position):
            position = _skip(text, position + 1)
        elif text.startswith("]", position):
            _expect_end(text, _skip(text, position + 1))
            return
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)


def _decode(decoder: json.JSONDecoder, text: str, position: int) -> tuple[Any, int]:
    """One value from position; values nested too deeply or a number too long are
    malformed input at that place, like any other."""
    try:
        return decoder.raw_decode(text, position)
    except json.JSONDecodeError:
        raise
    except (RecursionError, ValueError) as error:
        raise json.JSONDecodeError(beyond_limits(error), text, position) from None


def _skip(text: str, position: int) -> int:
    match = WHITESPACE.match(text, position)
    return match.end() if match else position


def _expect_end(text: str, position: int) -> None:
    if position != len(text):
        raise json.JSONDecodeError("Extra data", text, position)


class _LineCounter:
    """Line numbers of increasing positions, counting each newline once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1

    def at(self, position: int) -> int:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def item_id(item: dict[str, Any], key: str, where: str) -> str | None:
    """An id written as a string or an integer (doccano numbers its spans), as a string."""
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(
            f"expected a string or an integer, got {json.dumps(value, ensure_ascii=False)[:40]}",
            field=f"{where}.{key}" if where else key,
        )
    return str(value)
