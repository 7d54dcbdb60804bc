"""spaCy DocBin (.spacy): one Doc per record, on our tokens, with every span exact.

OUT is a folder of DocBin files, ``00001.spacy``, ``00002.spacy``, ... in record order: a
file is closed by the Doc that takes its tokens to SHARD_TOKENS, so that neither the export
nor a reader holds more than a file's Docs at once (the whole corpus in one DocBin took 1.6
GB to export 10,000 documents of 1,500 characters). spaCy reads the folder as one corpus
(``spacy train --paths.train OUT``, ``spacy.training.Corpus(OUT)``).

A Doc's words are our tokens (annotate.tokens), cut wherever a span starts or ends inside
one, and the text between tokens: a single space after a token is that token's trailing
space, anything else (runs of whitespace, line breaks, stray marks such as U+200F) is a
token of its own, the way spaCy keeps whitespace, so ``doc.text`` is the text exactly.

- ``doc.spans["sc"]``: every span but passages; ``doc.ents``: those of them that do not
  overlap (longest first, then earliest, as ``spacy.util.filter_spans`` keeps them).
- ``doc.spans["quotes"]``: the passage spans (the heads of SPEAKER: QUOTE by default).
- Every span's id is its ``Span.id_``, in the groups and in ``doc.ents``.
- ``doc.user_data``: ``id``, ``title``, ``annotator`` (None: nobody annotated it),
  ``meta`` (JSON text), ``relations`` (``{"id", "label", "head", "tail"}`` with span ids)
  and ``span_attrs`` (span id -> JSON text, for spans that have attributes). Meta and
  attributes are JSON text because msgpack, which DocBin stores user data in, cannot hold
  every JSON value (integers beyond 64 bits).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from annotate.corpus.exported import ExportRecord, ExportSpan
from annotate.errors import AnnotateError
from annotate.schema import Schema, passage_labels
from annotate.token_bounds import fast_tokenise
from annotate.tokens import Token

SHARD_TOKENS = 100_000  # about 60 MB while a file is made and written
SHARD_SUFFIX = ".spacy"
ENTITY_GROUP = "sc"
PASSAGE_GROUP = "quotes"
WHITESPACE_OR_NOT = re.compile(r"\s+|\S+")


@dataclass
class Tally:
    tokens_split: int = 0
    overlapping: int = 0

    def notes(self) -> list[str]:
        notes = []
        if self.tokens_split:
            notes.append(
                f"{self.tokens_split} token(s) were split where a span starts or ends inside "
                "them, so that every span is whole tokens"
            )
        if self.overlapping:
            notes.append(
                f"{self.overlapping} span(s) overlapping a longer one are in "
                f'doc.spans["{ENTITY_GROUP}"] but not in doc.ents'
            )
        return notes


def write(records: Iterable[ExportRecord], out: Path, schema: Schema) -> list[str]:
    passages = passage_labels(schema)
    tally = Tally()
    out.mkdir()
    shard = _Shard()
    written = 0
    for record in records:
        shard.add(record_doc(shard.vocab, record, passages, tally))
        if shard.tokens >= SHARD_TOKENS:
            written += 1
            shard.write(out / shard_name(written))
            shard = _Shard()
    if shard.docs or not written:  # an empty corpus is one empty DocBin
        shard.write(out / shard_name(written + 1))
    return tally.notes()


def shard_name(number: int) -> str:
    return f"{number:05d}{SHARD_SUFFIX}"


class _Shard:
    """One DocBin file's Docs, with a vocabulary of their own: a vocabulary shared by every
    shard would keep each word and span id of the corpus."""

    def __init__(self) -> None:
        self.vocab = Vocab()
        self.doc_bin = DocBin(store_user_data=True)
        self.docs = 0
        self.tokens = 0

    def add(self, doc: Doc) -> None:
        self.doc_bin.add(doc)
        self.docs += 1
        self.tokens += len(doc)

    def write(self, path: Path) -> None:
        self.doc_bin.to_disk(path)


def record_doc(vocab: Vocab, record: ExportRecord, passages: frozenset[str], tally: Tally) -> Doc:
    spans = record["spans"]
    words, spaces = doc_words(
        record["text"], fast_tokenise(record["text"], record["meta"]), spans, tally
    )
    doc = Doc(vocab, words=words, spaces=spaces)
    entities = [_doc_span(doc, span) for span in spans if span["label"] not in passages]
    kept = filter_spans(entities)
    tally.overlapping += len(entities) - len(kept)
    doc.ents = kept
    doc.spans[ENTITY_GROUP] = entities
    doc.spans[PASSAGE_GROUP] = [_doc_span(doc, span) for span in spans if span["label"] in passages]
    doc.user_data.update(_user_data(record))
    return doc


def doc_words(
    text: str, tokens: list[Token], spans: list[ExportSpan], tally: Tally
) -> tuple[list[str], list[bool]]:
    """The words and trailing spaces of a Doc whose text is ``text`` and on whose token
    boundaries every span starts and ends."""
    starts = {span["start"] for span in spans}
    ends = {span["end"] for span in spans}
    cuts = sorted(starts | ends)
    words: list[str] = []
    spaces: list[bool] = []
    for start, end in _pieces(text, tokens, cuts, tally):
        if words and not spaces[-1] and _can_trail(text, start, starts, ends):
            spaces[-1] = True
            start += 1
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
    return words, spaces


def _can_trail(text: str, offset: int, starts: set[int], ends: set[int]) -> bool:
    """Whether the space at ``offset`` may be the trailing space of the word before it: not
    when a span starts on it or ends just after it, which needs it to be a token."""
    return text[offset] == " " and offset not in starts and offset + 1 not in ends


def _pieces(text: str, tokens: list[Token], cuts: list[int], tally: Tally) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces covering the whole text: the tokens and the runs of
    whitespace or other characters between them, each cut at the span boundaries inside."""
    pieces: list[tuple[int, int]] = []
    position = 0
    for token in tokens:
        pieces.extend(_between(text, position, token.start, cuts))
        parts = _cut(token.start, token.end, cuts)
        tally.tokens_split += len(parts) > 1
        pieces.extend(parts)
        position = token.end
    pieces.extend(_between(text, position, len(text), cuts))
    return pieces


def _between(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    pieces = []
    for run in WHITESPACE_OR_NOT.finditer(text, start, end):
        pieces.extend(_cut(run.start(), run.end(), cuts))
    return pieces


def _cut(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    inside = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
    edges = [start, *inside, end]
    return list(pairwise(edges))


def _doc_span(doc: Doc, span: ExportSpan) -> Span:
    made = doc.char_span(span["start"], span["end"], label=span["label"], span_id=span["id"])
    if made is None:  # cannot happen: the words were cut at every span boundary
        raise AnnotateError(f"span {span['id']} does not fall on token boundaries")
    return made


def _user_data(record: ExportRecord) -> dict[str, Any]:
    return {
        "id": record["id"],
        "title": record["title"],
        "annotator": record["annotator"],
        "meta": _json(record["meta"]),
        "relations": [dict(relation) for relation in record["relations"]],
        "span_attrs": {
            span["id"]: _json(span["attrs"]) for span in record["spans"] if span["attrs"]
        },
    }


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)
