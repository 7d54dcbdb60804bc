"""Plain text: a .txt file is one document, titled from its name; a folder, its .txt files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotate.corpus.files import read_utf8, title_from_name
from annotate.corpus.records import Record, text_record
from annotate.errors import InputError
from annotate.input_files import to_read_in_folder


def read(path: Path) -> Iterator[Record]:
    if path.is_dir():
        yield from _folder_records(path)
    else:
        yield text_record(str(path), title_from_name(path), read_utf8(path))


def _folder_records(folder: Path) -> Iterator[Record]:
    files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() == ".txt" and to_read_in_folder(p)
    )
    if not files:
        raise InputError("the folder holds no .txt files", file=str(folder))
    for file in files:
        yield text_record(str(file), title_from_name(file), read_utf8(file))
