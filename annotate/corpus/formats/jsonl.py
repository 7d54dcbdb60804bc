"""Native JSONL: one record per line, offsets in code points."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from annotate.corpus.exported import ExportRecord
from annotate.corpus.files import jsonl_lines
from annotate.corpus.records import Record, parse_json_line
from annotate.schema import Schema


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            write_jsonl_record(record, handle)
    return []


def write_jsonl_record(record: ExportRecord, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False))
    out.write("\n")


def read(path: Path) -> Iterator[Record]:
    for number, line in jsonl_lines(path):
        yield parse_json_line(str(path), number, line)
