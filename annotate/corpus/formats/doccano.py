"""doccano JSONL: one document and annotator per line, offsets in code points.

Written in the form of doccano's relation projects (``entities`` and ``relations``, which
doccano numbers); read in that form and in the older ``label`` form of sequence labelling
projects (``[[start, end, "LABEL"], ...]``), with the text under ``text`` or, in older
exports, ``data``. A project with doccano's "count grapheme clusters as one character"
option counts offsets in clusters (``read(..., graphemes=True)``); read as code points, such
offsets end inside a letter's marks, and the record's notes say so. doccano keeps the keys
it does not know (here ``title``, ``uid``, ``annotator``, ``meta``) as the example's
metadata and writes them back on export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import count
from pathlib import Path
from typing import Any

from annotate.corpus.exported import ExportRecord
from annotate.corpus.files import bounded_lines, jsonl_lines
from annotate.corpus.formats.json_input import item_id
from annotate.corpus.records import (
    Record,
    RecordRelation,
    RecordSpan,
    annotator_name,
    check_offsets,
    get_field,
    parse_json_line,
    stored_text,
)
from annotate.errors import InputError
from annotate.graphemes import cluster_starts, continues_cluster
from annotate.schema import Schema
from annotate.text import document_uid, stored_offset_mapper

TEXT_KEYS = ("text", "data")  # "data" in doccano's older exports
OUR_KEYS = (*TEXT_KEYS, "entities", "relations", "label", "id", "title", "uid", "annotator", "meta")


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    """One line per record. Entity and relation ids count up through the whole file, so that
    they are unique however doccano matches them."""
    entity_ids, relation_ids = count(1), count(1)
    lost = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            line = _doccano_line(record, entity_ids, relation_ids)
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            lost += sum(1 for span in record["spans"] if span["attrs"])
    if not lost:
        return []
    return [f"doccano has no span attributes: {lost} spans were written without theirs"]


def _doccano_line(
    record: ExportRecord, entity_ids: Iterator[int], relation_ids: Iterator[int]
) -> dict[str, Any]:
    numbers = {span["id"]: next(entity_ids) for span in record["spans"]}
    relations = sorted(
        record["relations"], key=lambda r: (numbers[r["head"]], numbers[r["tail"]], r["label"])
    )
    return {
        "text": record["text"],
        "entities": [
            {
                "id": numbers[span["id"]],
                "label": span["label"],
                "start_offset": span["start"],
                "end_offset": span["end"],
            }
            for span in record["spans"]
        ],
        "relations": [
            {
                "id": next(relation_ids),
                "from_id": numbers[relation["head"]],
                "to_id": numbers[relation["tail"]],
                "type": relation["label"],
            }
            for relation in relations
        ],
        "title": record["title"],
        "uid": record["id"],
        "annotator": record["annotator"],
        "meta": record["meta"],
    }


def sniff(path: Path) -> bool:
    """doccano JSONL has "label" or "entities" where native records have "spans"."""
    with path.open("rb") as handle:
        first = next((raw for raw in bounded_lines(handle, path) if raw.strip()), b"")
    try:
        data = json.loads(first.decode("utf-8").removeprefix("\ufeff"))
    except (UnicodeDecodeError, RecursionError, ValueError):
        return False  # the native reader says what is wrong with the line
    return (
        isinstance(data, dict)
        and "spans" not in data
        and any(key in data for key in ("label", "entities"))
    )


def read(path: Path, graphemes: bool = False) -> Iterator[Record]:
    for number, line in jsonl_lines(path):
        yield parse_json_line(str(path), number, line, partial(_record, graphemes=graphemes))


def _record(file: str, line: int, data: Any, graphemes: bool = False) -> Record:
    if not isinstance(data, dict):
        raise InputError("expected a JSON object")
    key = next((key for key in TEXT_KEYS if key in data), TEXT_KEYS[0])
    raw_text = get_field(data, key, str)
    text = stored_text(raw_text)
    offsets = _Offsets(raw_text, graphemes)
    if "entities" in data:
        spans = _entities(get_field(data, "entities", list, default=[]), offsets)
    else:
        spans = _old_labels(get_field(data, "label", list, default=[]), offsets)
    relations = _relations(get_field(data, "relations", list, default=[]), spans)
    return Record(
        file=file,
        line=line,
        title=get_field(data, "title", str, default=""),
        text=text,
        meta=_meta(data, text),
        annotator=annotator_name(data.get("annotator"), "annotator"),
        spans=spans,
        relations=relations,
        notes=offsets.notes(file, line),
        keeps_ids=False,  # entity numbers are doccano's own, per project
    )


def _meta(data: dict[str, Any], text: str) -> dict[str, Any]:
    """Our meta, doccano's own example id, and the keys doccano kept as metadata."""
    meta = dict(get_field(data, "meta", dict, default={}))
    meta.update((key, value) for key, value in data.items() if key not in OUR_KEYS)
    source_id = data.get("id")
    uid = get_field(data, "uid", str, default=None)
    if source_id is not None:
        meta["source_id"] = source_id
    elif uid is not None and uid != document_uid(text):
        meta["source_id"] = uid
    return meta


class _Offsets:
    """doccano's offsets into the text as exported (code points, or grapheme clusters when
    the project counted those) moved to the stored text; and how many spans end inside a
    cluster when read as code points, the sign that the project counted clusters."""

    def __init__(self, raw_text: str, graphemes: bool) -> None:
        self.raw_text = raw_text
        self._clusters = [*cluster_starts(raw_text), len(raw_text)] if graphemes else None
        self._to_stored = stored_offset_mapper(raw_text)
        self.inside_clusters = 0

    def span(self, start: int, end: int, where: str) -> tuple[int, int]:
        units = self._clusters
        length = len(self.raw_text) if units is None else len(units) - 1
        check_offsets(length, start, end, f"{where}.start_offset", f"{where}.end_offset")
        if units is not None:
            start, end = units[start], units[end]
        elif end < length and continues_cluster(self.raw_text[end]):
            self.inside_clusters += 1
        return self._to_stored(start), self._to_stored(end)

    def notes(self, file: str, line: int) -> tuple[str, ...]:
        if not self.inside_clusters:
            return ()
        return (
            f"{file}:{line}: {self.inside_clusters} span(s) end inside a letter's marks or an"
            " emoji sequence: if the project counted grapheme clusters (doccano's 'count"
            " grapheme clusters as one character'), import it again with --graphemes",
        )


def _entities(items: list[Any], offsets: _Offsets) -> list[RecordSpan]:
    spans = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"entities[{index}]"
        if not isinstance(item, dict):
            raise InputError("expected an entity object", field=where)
        span = _span(index, item, where, offsets)
        if span.id is not None and span.id in seen:
            raise InputError(f"duplicate entity id {span.id}", field=f"{where}.id")
        if span.id is not None:
            seen.add(span.id)
        spans.append(span)
    return spans


def _old_labels(items: list[Any], offsets: _Offsets) -> list[RecordSpan]:
    """The sequence labelling form: ``[start, end, "LABEL"]`` (or an entity object)."""
    spans = []
    for index, item in enumerate(items):
        where = f"label[{index}]"
        if isinstance(item, list) and len(item) == 3:
            item = dict(zip(("start_offset", "end_offset", "label"), item, strict=True))
        elif not isinstance(item, dict):
            raise InputError(
                "expected [start, end, label] (document categories cannot be imported)",
                field=where,
            )
        spans.append(_span(index, {**item, "id": None}, where, offsets))
    return spans


def _span(index: int, item: dict[str, Any], where: str, offsets: _Offsets) -> RecordSpan:
    start = get_field(item, "start_offset", int, where)
    end = get_field(item, "end_offset", int, where)
    stored_start, stored_end = offsets.span(start, end, where)
    return RecordSpan(
        index=index,
        id=item_id(item, "id", where),
        label=get_field(item, "label", str, where),
        start=stored_start,
        end=stored_end,
        attrs={},
    )


def _relations(items: list[Any], spans: list[RecordSpan]) -> list[RecordRelation]:
    known = {span.id for span in spans if span.id is not None}
    relations = []
    for index, item in enumerate(items):
        where = f"relations[{index}]"
        if not isinstance(item, dict):
            raise InputError("expected a relation object", field=where)
        ends = []
        for key in ("from_id", "to_id"):
            target = item_id(item, key, where)
            if target is None:
                raise InputError("required field is missing", field=f"{where}.{key}")
            if target not in known:
                raise InputError(f"relation to an unknown entity {target}", field=f"{where}.{key}")
            ends.append(target)
        relations.append(
            RecordRelation(
                index=index,
                id=None,  # doccano numbers relations per file; our ids are new
                label=get_field(item, "type", str, where),
                head=ends[0],
                tail=ends[1],
            )
        )
    return relations
