"""Native JSONL export: one record per line, offsets in code points."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from annotate.corpus.exported import ExportRecord
from annotate.schema import Schema


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            write_jsonl_record(record, handle)
    return []


def write_jsonl_record(record: ExportRecord, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False))
    out.write("\n")
