"""Native JSONL export: one record per line, offsets in code points."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotate.corpus.exporting import ExportRecord, write_jsonl_record
from annotate.schema import Schema


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            write_jsonl_record(record, handle)
    return []
