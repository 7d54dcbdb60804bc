"""CoNLL with one IOB2 tag column: the entities, never overlapping, for NER trainers.

Passage labels (quotes) are not written: they would cover the entities inside them.
Where entities overlap, the longest is kept (then the earliest); conll-nested keeps all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from annotate.corpus.exported import ExportRecord
from annotate.corpus.formats.iob import (
    Adjustments,
    Placed,
    conll_kind,
    document_lines,
    placed_spans,
    read_records,
)
from annotate.corpus.records import Record
from annotate.schema import Schema, passage_labels
from annotate.token_bounds import fast_tokenise


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    passages = passage_labels(schema)
    changes = Adjustments()
    overlapping = 0
    passages_left_out = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            tokens = fast_tokenise(record["text"], record["meta"])
            entities = [span for span in record["spans"] if span["label"] not in passages]
            passages_left_out += len(record["spans"]) - len(entities)
            placed = placed_spans(record, tokens, entities, changes)
            kept = without_overlaps(placed)
            overlapping += len(placed) - len(kept)
            handle.writelines(document_lines(record, tokens, [kept]))
    notes = changes.notes()
    if overlapping:
        notes.append(
            f"{overlapping} span(s) overlapping a longer one were left out of the one tag "
            "column (conll-nested keeps them)"
        )
    if passages_left_out:
        notes.append(
            f"{passages_left_out} passage span(s) ({', '.join(sorted(passages))}) are not in "
            "flat CoNLL (conll-nested, brat, spacy and parquet keep them)"
        )
    return notes


def without_overlaps(spans: list[Placed]) -> list[Placed]:
    """The longest spans first, then the earliest, each kept if no kept span shares a token."""
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (s.first - s.last, s.first)):
        covered = range(span.first, span.last + 1)
        if not taken.intersection(covered):
            taken.update(covered)
            kept.append(span)
    return sorted(kept)


def read(path: Path, repair_iob: bool = False, tag_column: int | None = None) -> Iterator[Record]:
    """``tag_column`` (the token's column is 1) picks the tags among several columns
    (CoNLL-2003's "word POS chunk NER"); by default they are the last column."""
    return read_records(path, one_column=True, repair_iob=repair_iob, tag_column=tag_column)


def sniff(path: Path) -> bool:
    return conll_kind(path) == "conll"
