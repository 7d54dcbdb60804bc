"""Label Studio JSON: a list of tasks, one per document, with one annotation per annotator.

Offsets in ``value.start``/``value.end`` are code points of ``data.text``: Label Studio's
frontend has counted code points, not JavaScript string indices, since it fixed regions
after emoji in 2022 (label-studio-frontend#308; its test ``e2e/ner/emoji.cy.ts`` expects
"test" at 21-25 in "🐱 Warning: This is a test text").

Each span is a ``labels`` result whose id is the span's uid; a string attribute is a
``choices`` result with the same id (a per-region Choices control named after the
attribute); a relation is a ``relation`` result from head to tail, direction ``right``.

A task's ``predictions`` (a model's, from Label Studio's ML backend) are read only for
suggestions (``predictions=True``), each region with its ``score``, else its prediction's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import count, groupby
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotate.corpus.exported import ExportRecord, ExportSpan
from annotate.corpus.formats.json_input import read_json_file, top_level_items
from annotate.corpus.records import (
    Record,
    RecordRelation,
    RecordSpan,
    annotator_name,
    check_offsets,
    check_quoted,
    get_field,
    refuse_surrogates,
    stored_text,
)
from annotate.errors import InputError
from annotate.schema import Schema
from annotate.text import stored_offset_mapper

LABELS = "label"  # from_name of the Labels control
TEXT = "text"  # to_name: the Text object, and the data key it shows
RESERVED_NAMES = (LABELS, TEXT)
OTHER_REGION_TYPES = ("hypertextlabels", "paragraphlabels")


# Writing


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    """One task per line inside the list, so that a line number names a task."""
    annotation_ids = count(1)
    attributes: dict[str, set[str]] = {}
    unwritable = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("[")
        for number, (_, group) in enumerate(groupby(records, key=lambda r: r["id"]), start=1):
            document = list(group)
            task = _task(number, document, annotation_ids)
            handle.write(("\n" if number == 1 else ",\n") + json.dumps(task, ensure_ascii=False))
            for record in document:
                for span in record["spans"]:
                    unwritable += _collect_attributes(span, attributes)
        handle.write("\n]\n")
    notes = [f"Label Studio labeling config for this file: {_config(schema, attributes)}"]
    if unwritable:
        notes.append(
            f"{unwritable} span attributes are not strings (or are named label or text) and"
            " were left out: Label Studio holds attributes as per-region choices"
        )
    return notes


def _task(
    number: int, document: list[ExportRecord], annotation_ids: Iterator[int]
) -> dict[str, Any]:
    first = document[0]
    return {
        "id": number,
        "data": {TEXT: first["text"], "title": first["title"], "uid": first["id"]},
        "meta": first["meta"],
        "annotations": [
            _annotation(next(annotation_ids), record)
            for record in document
            if record["annotator"] is not None
        ],
        "predictions": [],
    }


def _annotation(number: int, record: ExportRecord) -> dict[str, Any]:
    """Label Studio refuses a ``completed_by`` that is not one of its users (an id or an
    email), so it is left out: the importing user becomes the annotator there, and our
    annotator's name stays in ``annotator``, which Label Studio ignores."""
    result: list[dict[str, Any]] = []
    for span in record["spans"]:
        result.append(_region(span, "labels", LABELS, {"labels": [span["label"]]}))
        for name, value in span["attrs"].items():
            if _writable(name, value):
                result.append(_region(span, "choices", name, {"choices": [value]}))
    relations = sorted(record["relations"], key=lambda r: (r["head"], r["tail"], r["label"]))
    result.extend(
        {
            "from_id": relation["head"],
            "to_id": relation["tail"],
            "type": "relation",
            "direction": "right",
            "labels": [relation["label"]],
        }
        for relation in relations
    )
    return {
        "id": number,
        "annotator": record["annotator"],
        "result": result,
        "was_cancelled": False,
        "ground_truth": False,
    }


def _region(span: ExportSpan, kind: str, control: str, labels: dict[str, Any]) -> dict[str, Any]:
    value = {"start": span["start"], "end": span["end"], "text": span["text"], **labels}
    return {"id": span["id"], "from_name": control, "to_name": TEXT, "type": kind, "value": value}


def _writable(name: str, value: Any) -> bool:
    return isinstance(value, str) and name not in RESERVED_NAMES


def _collect_attributes(span: ExportSpan, attributes: dict[str, set[str]]) -> int:
    """Note the values of the span's attributes; return how many cannot be written."""
    unwritable = 0
    for name, value in span["attrs"].items():
        if _writable(name, value):
            attributes.setdefault(name, set()).add(value)
        else:
            unwritable += 1
    return unwritable


def _config(schema: Schema, used: dict[str, set[str]]) -> str:
    """A labeling config under which Label Studio shows the file as it is written."""
    attributes = {name: set(values) for name, values in used.items()}
    for label in schema.labels:
        for name, values in label.attributes.items():
            if name not in RESERVED_NAMES:
                attributes.setdefault(name, set()).update(values)
    labels = "".join(
        f"<Label value={quoteattr(label.name)} background={quoteattr(label.colour)}/>"
        for label in schema.labels
    )
    relations = "".join(
        f"<Relation value={quoteattr(relation.name)}/>" for relation in schema.relations
    )
    choices = "".join(
        f'<Choices name={quoteattr(name)} toName={quoteattr(TEXT)} perRegion="true">'
        + "".join(f"<Choice value={quoteattr(value)}/>" for value in sorted(values))
        + "</Choices>"
        for name, values in sorted(attributes.items())
    )
    return (
        f"<View><Relations>{relations}</Relations>"
        f"<Labels name={quoteattr(LABELS)} toName={quoteattr(TEXT)}>{labels}</Labels>"
        f'<Text name={quoteattr(TEXT)} value="${TEXT}"/>{choices}</View>'
    )


# Reading


def read(path: Path, predictions: bool = False) -> Iterator[Record]:
    """One record per annotation, and with ``predictions`` one per prediction too."""
    file = str(path)
    found = False
    for line, where, task in top_level_items(read_json_file(path), file):
        found = True
        try:
            refuse_surrogates(task, where)
            yield from _task_records(file, line, where, task, predictions)
        except InputError as error:
            raise error.at(file=file, line=line) from None
    if not found:
        raise InputError("the file holds no tasks", file=file)


def _task_records(
    file: str, line: int, where: str, task: Any, predictions: bool
) -> Iterator[Record]:
    """One record per annotation; the document alone when nobody annotated it. Predictions
    are a model's suggestions, not an annotator's work: read only when asked for, one
    record each, its spans scored."""
    if not isinstance(task, dict):
        raise InputError("expected a Label Studio task object", field=where)
    data_where = f"{where}.data" if where else "data"
    if "data" not in task and "text" in task:
        raise InputError(
            'expected a task with "data" (JSON-MIN exports cannot be imported: export as JSON)',
            field=data_where,
        )
    data = get_field(task, "data", dict, where)
    raw_text = get_field(data, TEXT, str, data_where)
    try:
        text = stored_text(raw_text)
    except InputError as error:
        raise InputError(error.message, field=f"{data_where}.{TEXT}") from None
    document = Record(
        file=file,
        line=line,
        title=get_field(data, "title", str, data_where, default=""),
        text=text,
        meta=_meta(task, data, where),
    )
    key = "annotations" if "annotations" in task or "completions" not in task else "completions"
    annotations = get_field(task, key, list, where, default=[])
    if not annotations:
        yield document
    for index, annotation in enumerate(annotations):
        yield _annotated(document, raw_text, annotation, f"{where}.{key}[{index}]".lstrip("."))
    if predictions:
        for index, prediction in enumerate(get_field(task, "predictions", list, where, default=[])):
            here = f"{where}.predictions[{index}]".lstrip(".")
            yield _annotated(document, raw_text, prediction, here, scored=True)


def _meta(task: dict[str, Any], data: dict[str, Any], where: str) -> dict[str, Any]:
    """The task's meta and the data fields beside the text (such as columns of a CSV)."""
    meta = dict(get_field(task, "meta", dict, where, default={}))
    meta.update((key, value) for key, value in data.items() if key not in (TEXT, "title", "uid"))
    return meta


def _annotated(
    document: Record, raw_text: str, annotation: Any, where: str, scored: bool = False
) -> Record:
    """An annotation's spans and relations; a prediction's (``scored``) with the score of
    each region, else of the prediction."""
    if not isinstance(annotation, dict):
        raise InputError("expected an annotation object", field=where)
    items = get_field(annotation, "result", list, where, default=[])
    results = f"{where}.result"
    to_stored = stored_offset_mapper(raw_text)
    overall = _score(annotation, where) if scored else None
    spans, regions = _spans(items, results, raw_text, to_stored, (scored, overall))
    return replace(
        document,
        annotator=_annotator(annotation, where),
        spans=_with_attributes(spans, regions, items, results),
        relations=_relations(items, results, regions),
    )


def _annotator(annotation: dict[str, Any], where: str) -> str | None:
    """Ours in ``annotator``; Label Studio's own is a user id, or an object with an email
    in some exports. A bare id names nobody here: --annotator decides."""
    if "annotator" in annotation:
        return annotator_name(annotation["annotator"], f"{where}.annotator")
    completed_by = annotation.get("completed_by")
    if isinstance(completed_by, dict) and completed_by.get("email") is not None:
        return annotator_name(completed_by["email"], f"{where}.completed_by.email")
    return None


def _spans(
    items: list[Any],
    where: str,
    raw_text: str,
    to_stored: Callable[[int], int],
    scoring: tuple[bool, float | None] = (False, None),  # scored; the prediction's score
) -> tuple[list[RecordSpan], dict[str, list[int]]]:
    """The spans of the ``labels`` results, and for each region id the places of its spans
    (a region with several labels makes one span per label)."""
    scored, overall = scoring
    spans: list[RecordSpan] = []
    regions: dict[str, list[int]] = {}
    places: dict[str, tuple[int, int, str]] = {}  # region id: its offsets, first given where
    for index, item in enumerate(items):
        here = f"{where}[{index}]"
        kind = _kind(item, here)
        if kind in OTHER_REGION_TYPES:
            raise InputError(
                f'only regions of Text (type "labels") can be imported, not {kind}',
                field=f"{here}.type",
            )
        if kind != "labels":
            continue
        region = get_field(item, "id", str, here)
        start, end, labels = _region_value(item, here, raw_text)
        _check_one_place(places, region, start, end, here)
        score = _score(item, here, overall) if scored else None
        for label in labels:
            place = regions.setdefault(region, [])
            if any(spans[i].label == label for i in place):
                continue
            span_id = region if not place else f"{region}:{label}"
            place.append(len(spans))
            stored = (to_stored(start), to_stored(end))
            spans.append(RecordSpan(len(spans), span_id, label, *stored, {}, score=score))
    return spans, regions


def _score(owner: dict[str, Any], where: str, otherwise: float | None = None) -> float | None:
    """A result's or a prediction's ``score``: a number, or none given (``otherwise``)."""
    value = owner.get("score")
    if value is None:
        return otherwise
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        shown = json.dumps(value, ensure_ascii=False)[:40]
        raise InputError(f"expected a number as the score, got {shown}", field=f"{where}.score")
    return float(value)


def _check_one_place(
    places: dict[str, tuple[int, int, str]], region: str, start: int, end: int, where: str
) -> None:
    """A region's results (one per Labels control) share its id and its offsets, and its
    labels all become spans there; the same id at other offsets is another region, which
    Label Studio would have given an id of its own."""
    first_start, first_end, first_where = places.setdefault(region, (start, end, where))
    if (first_start, first_end) != (start, end):
        raise InputError(
            f"region id {region!r} is already the id of the region at"
            f" {first_start}-{first_end} ({first_where}); two regions cannot share an id",
            field=f"{where}.id",
        )


def _kind(item: Any, where: str) -> str:
    if not isinstance(item, dict):
        raise InputError("expected a result object", field=where)
    return get_field(item, "type", str, where)


def _region_value(item: dict[str, Any], where: str, raw_text: str) -> tuple[int, int, list[str]]:
    value_where = f"{where}.value"
    value = get_field(item, "value", dict, where)
    start = get_field(value, "start", int, value_where)
    end = get_field(value, "end", int, value_where)
    check_offsets(len(raw_text), start, end, f"{value_where}.start", f"{value_where}.end")
    quoted = get_field(value, "text", str, value_where, default=None)
    if quoted is not None and quoted != raw_text[start:end]:  # the hint encodes the text
        hint = _utf16_hint(raw_text, start, end, quoted)
        check_quoted(raw_text, start, end, quoted, value_where, "region", hint)
    labels = get_field(value, "labels", list, value_where)
    if not labels:
        raise InputError("a region needs a label", field=f"{value_where}.labels")
    for index, label in enumerate(labels):
        if not isinstance(label, str):
            raise InputError("expected a label name", field=f"{value_where}.labels[{index}]")
    return start, end, labels


def _utf16_hint(raw_text: str, start: int, end: int, quoted: str) -> str:
    """Label Studio releases before 2022 counted UTF-16 units after an emoji."""
    units = raw_text.encode("utf-16-le")[2 * start : 2 * end]
    if units.decode("utf-16-le", errors="replace") != quoted:
        return ""
    return (
        "; the offsets count UTF-16 units, as Label Studio did before it counted code"
        " points (2022): export the project again from a current Label Studio"
    )


def _with_attributes(
    spans: list[RecordSpan], regions: dict[str, list[int]], items: list[Any], where: str
) -> list[RecordSpan]:
    """Per-region ``choices`` results become attributes of their region's spans; choices
    about the whole document are not imported."""
    attrs: dict[str, dict[str, Any]] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("type") != "choices":
            continue
        region = item.get("id")
        if not isinstance(region, str) or region not in regions:
            continue
        here = f"{where}[{index}]"
        name = get_field(item, "from_name", str, here)
        choices = get_field(get_field(item, "value", dict, here), "choices", list, f"{here}.value")
        attrs.setdefault(region, {})[name] = choices[0] if len(choices) == 1 else choices
    if not attrs:
        return spans
    places = {place: region for region, found in regions.items() for place in found}
    return [
        RecordSpan(span.index, span.id, span.label, span.start, span.end, attrs.get(places[i], {}))
        for i, span in enumerate(spans)
    ]


def _relations(items: list[Any], where: str, regions: dict[str, list[int]]) -> list[RecordRelation]:
    relations: list[RecordRelation] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("type") != "relation":
            continue
        here = f"{where}[{index}]"
        head, tail = (_region_id(item, key, here, regions) for key in ("from_id", "to_id"))
        direction = get_field(item, "direction", str, here, default="right")
        if direction == "left":
            head, tail = tail, head
        elif direction != "right":
            raise InputError(
                f"a relation with direction {direction!r} has no head and tail; make it"
                " right or left in Label Studio",
                field=f"{here}.direction",
            )
        labels = get_field(item, "labels", list, here, default=[])
        if not labels:
            raise InputError(
                "a relation without a label cannot be imported (give it one in Label Studio)",
                field=f"{here}.labels",
            )
        for position, label in enumerate(labels):
            if not isinstance(label, str):
                raise InputError("expected a label name", field=f"{here}.labels[{position}]")
            relations.append(RecordRelation(len(relations), None, label, head, tail))
    return relations


def _region_id(item: dict[str, Any], key: str, where: str, regions: dict[str, list[int]]) -> str:
    region = get_field(item, key, str, where)
    if region not in regions:
        raise InputError(f"relation to an unknown region {region!r}", field=f"{where}.{key}")
    return region
