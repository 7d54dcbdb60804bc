"""Reading the files of a corpus: a document's text, a whole file within a bound, the lines
of a JSON Lines file, and a title from a file's name. Every reader refuses a folder, a
special file, bytes that are not UTF-8 and a file or line larger than it may take."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from annotate.errors import InputError
from annotate.input_files import in_units, read_bounded, refuse_special

MAX_LINE_BYTES = 64 * 2**20  # one document (with its spans); a reader is made for far less


def read_utf8(path: Path) -> str:
    """A text file of one document, BOM kept; an empty file is refused."""
    text = decode_file(path, MAX_LINE_BYTES, "a document")
    content = text.removeprefix("\ufeff")
    if not content or content.isspace():
        raise InputError("empty input", file=str(path))
    return text


def decode_file(path: Path, max_bytes: int, what: str) -> str:
    """The whole file as UTF-8 text, BOM kept, refusing a folder, a special file, a file
    larger than ``max_bytes`` (the most ``what`` may take) and bytes that are not UTF-8."""
    if path.is_dir():
        raise InputError("is a folder, not a file", file=str(path))
    data = read_bounded(path, max_bytes, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"invalid UTF-8 at byte {error.start}", file=str(path), line=line
        ) from error


def jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The number and text of each non-blank line of a JSON Lines file, the BOM removed.
    Lines end at LF only: U+2028 and friends may sit inside JSON."""
    if path.is_dir():
        raise InputError("is a folder, not a file", file=str(path))
    refuse_special(path)
    empty = True
    with path.open("rb") as handle:
        for number, raw in enumerate(bounded_lines(handle, path), start=1):
            line = _decode_line(path, number, raw)
            if number == 1:
                line = line.removeprefix("\ufeff")
            if line.strip():
                empty = False
                yield number, line
    if empty:
        raise InputError("empty input", file=str(path))


def bounded_lines(handle: BinaryIO, path: Path) -> Iterator[bytes]:
    """The file's lines, refusing one longer than MAX_LINE_BYTES before reading it all."""
    number = 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise InputError(
                f"the line is longer than {in_units(MAX_LINE_BYTES)}, the most a record may take",
                file=str(path),
                line=number,
            )
        yield raw


def _decode_line(path: Path, number: int, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"invalid UTF-8 at byte {error.start} of the line", file=str(path), line=number
        ) from error


def title_from_name(path: Path, keep_hyphens: bool = False) -> str:
    """The file name without its suffix, ``_`` (and ``-`` unless kept) read as spaces."""
    stem = path.stem if keep_hyphens else path.stem.replace("-", " ")
    return " ".join(stem.replace("_", " ").split())
