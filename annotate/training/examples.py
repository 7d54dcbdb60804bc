"""The project's annotations as sentences of its own tokens, with the spans a model learns.

A span must start at a token's start and end at a token's end (annotate.tokens): one that
does not is left out and counted, never moved to the nearest bounds, and the tokens it
touches are taught as unknown, not as "no entity" (كندا marked inside the token وكندا
does not teach that وكندا is no name). Of the spans that
overlap, the entity recogniser learns the outermost (the longest, then the earliest, as
``spacy.util.filter_spans`` keeps them); the others are nested. Passages (quotes) run over
tens of words and are not learnt.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, NamedTuple

from annotate.corpus.exported import ExportRecord, ExportSpan
from annotate.corpus.exporting import export_records
from annotate.corpus.splits import split_of
from annotate.project import Project
from annotate.schema import passage_labels
from annotate.token_bounds import fast_tokenise
from annotate.tokens import Token, sentences

EXAMPLES = 3  # spans named in a note; the rest are counted


class Mention(NamedTuple):
    """A span on a sentence's tokens: ``first`` up to, not including, ``end``."""

    first: int
    end: int
    label: str


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[Token, ...]  # offsets into the document's text
    words: tuple[str, ...]
    spaces: tuple[bool, ...]  # whether something separates each word from the next
    entities: tuple[Mention, ...] = ()  # the outermost: what the entity recogniser learns
    nested: tuple[Mention, ...] = ()  # inside or across an outermost one
    unknown: tuple[Mention, ...] = ()  # the tokens of a span off their bounds: not learnt


@dataclass(frozen=True)
class LayerDocument:
    """One annotator's layer of one document, in sentences."""

    uid: str
    annotator: str
    split: str | None
    sentences: tuple[Sentence, ...]


@dataclass
class LeftOut:
    """The spans no model learns, by label, with a few named for the user."""

    off_tokens: Counter[str] = field(default_factory=Counter)
    passages: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    unread: int = 0  # sentences after the last span of a layer not marked done

    def notes(self) -> list[str]:
        found = []
        if self.off_tokens:
            found.append(
                f"{self.off_tokens.total()} span(s) do not start and end on token bounds and"
                f" were left out ({by_label(self.off_tokens)}); for example: "
                + "; ".join(self.examples)
            )
        if self.passages:
            found.append(
                f"{self.passages.total()} passage span(s) were left out"
                f" ({by_label(self.passages)}): a passage runs over tens of words, beyond"
                " the spans of a few tokens that spaCy's entity recogniser and span"
                " categoriser learn"
            )
        if self.unread:
            found.append(
                f"{self.unread} sentence(s) after the last span of a layer not marked done"
                " were left out: not read yet, they would teach that they hold no name"
            )
        return found


def by_label(counts: Counter[str]) -> str:
    return ", ".join(f"{label} {count}" for label, count in sorted(counts.items()))


def layer_documents(
    project: Project, source: str, labels: Collection[str] | None, left_out: LeftOut
) -> list[LayerDocument]:
    """Every layer of ``source`` (gold, an annotator or all) that annotated its document:
    it has spans there, or marked the document done. Only ``labels``, when named."""
    passages = passage_labels(project.labels.schema())
    documents = []
    for record, done in _annotated(project, source):
        document = layer_document(record, labels, passages, left_out)
        documents.append(document if done else _read_so_far(document, record, left_out))
    return documents


def _annotated(project: Project, source: str) -> Iterator[tuple[ExportRecord, bool]]:
    """The layers with spans, then those marked done that have none; each with whether
    its annotator marked the document done."""
    done = {(r["id"], r["annotator"]): r for r in export_records(project, source, "done")}
    for record in export_records(project, source):
        if record["annotator"] is not None and record["spans"]:
            yield record, done.pop((record["id"], record["annotator"]), None) is not None
    for record in done.values():
        if not record["spans"]:
            yield record, True


def _read_so_far(document: LayerDocument, record: ExportRecord, left_out: LeftOut) -> LayerDocument:
    """A layer not marked done, up to the sentence of its last span: an analyst reads in
    order, and the sentences after it, not read yet, would teach that they hold no name."""
    last = max(span["end"] for span in record["spans"])
    read = tuple(s for s in document.sentences if s.tokens[0].start < last)
    left_out.unread += len(document.sentences) - len(read)
    return replace(document, sentences=read)


def layer_document(
    record: ExportRecord,
    labels: Collection[str] | None,
    passages: Collection[str],
    left_out: LeftOut,
) -> LayerDocument:
    text, meta = record["text"], record["meta"]
    tokens = fast_tokenise(text, meta)
    starts = {token.start: index for index, token in enumerate(tokens)}
    ends = {token.end: index + 1 for index, token in enumerate(tokens)}
    learnt: list[Mention] = []
    unknown: list[Mention] = []
    for span in record["spans"]:
        if labels is not None and span["label"] not in labels:
            continue
        if span["label"] in passages:
            left_out.passages[span["label"]] += 1
        elif span["start"] in starts and span["end"] in ends:
            learnt.append(Mention(starts[span["start"]], ends[span["end"]], span["label"]))
        else:
            _off_tokens(left_out, record, span)
            unknown.append(_touched(tokens, span["start"], span["end"], span["label"]))
    return LayerDocument(
        uid=record["id"],
        annotator=record["annotator"] or "",
        split=split_of(record["meta"]),
        sentences=tuple(document_sentences(text, tokens, meta, learnt, unknown)),
    )


def _touched(tokens: list[Token], start: int, end: int, label: str) -> Mention:
    """The tokens that share a character with [start, end) (at least the nearest one)."""
    first = max(bisect_right([t.start for t in tokens], start) - 1, 0)
    while first < len(tokens) - 1 and tokens[first].end <= start:
        first += 1
    last = first
    while last + 1 < len(tokens) and tokens[last + 1].start < end:
        last += 1
    return Mention(first, last + 1, label)


def _off_tokens(left_out: LeftOut, record: ExportRecord, span: ExportSpan) -> None:
    left_out.off_tokens[span["label"]] += 1
    if len(left_out.examples) < EXAMPLES:
        where = f"{record['title']!r} [{record['annotator']}]"
        left_out.examples.append(
            f"{span['label']} {span['text']!r} at {span['start']}-{span['end']} in {where}"
        )


def document_sentences(
    text: str,
    tokens: list[Token],
    meta: dict[str, Any],
    mentions: Iterable[Mention] = (),
    unknown: Iterable[Mention] = (),
) -> Iterator[Sentence]:
    """The document's sentences (none ends inside a mention or an unknown stretch), each
    with its mentions and unknown stretches."""
    outermost, nested = split_outermost(mentions)
    unsure = sorted(set(unknown))
    bounds = [
        (tokens[m.first].start, tokens[m.end - 1].end) for m in (*outermost, *nested, *unsure)
    ]
    first = 0
    outer, inner, unknowns = iter(outermost), iter(nested), iter(unsure)
    pending_outer, pending_inner = next(outer, None), next(inner, None)
    pending_unknown = next(unknowns, None)
    for group in sentences(text, tokens, meta, bounds):
        end = first + len(group)
        entities, pending_outer = _taken(outer, pending_outer, first, end)
        inside, pending_inner = _taken(inner, pending_inner, first, end)
        unsure_here, pending_unknown = _taken(unknowns, pending_unknown, first, end)
        yield Sentence(
            tokens=tuple(group),
            words=tuple(text[token.start : token.end] for token in group),
            spaces=(*(a.end < b.start for a, b in pairwise(group)), False),
            entities=entities,
            nested=inside,
            unknown=unsure_here,
        )
        first = end


def _taken(
    mentions: Iterator[Mention], pending: Mention | None, first: int, end: int
) -> tuple[tuple[Mention, ...], Mention | None]:
    """The mentions (sorted by their first token) that start before ``end``, made relative
    to the sentence starting at token ``first``; and the next one, which does not."""
    taken = []
    while pending is not None and pending.first < end:
        taken.append(Mention(pending.first - first, pending.end - first, pending.label))
        pending = next(mentions, None)
    return tuple(taken), pending


def split_outermost(mentions: Iterable[Mention]) -> tuple[list[Mention], list[Mention]]:
    """(outermost, nested), each sorted by first token; identical mentions count once."""
    kept: list[Mention] = []
    nested: list[Mention] = []
    taken: set[int] = set()
    for mention in sorted(set(mentions), key=lambda m: (m.first - m.end, m.first, m.label)):
        covered = range(mention.first, mention.end)
        if taken.isdisjoint(covered):
            kept.append(mention)
            taken.update(covered)
        else:
            nested.append(mention)
    return sorted(kept), sorted(nested)
