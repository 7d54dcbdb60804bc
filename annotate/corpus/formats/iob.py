"""IOB2 tags in columns, the part CoNLL and Wojood-style nested CoNLL share.

A file holds documents separated by a ``-DOCSTART-`` line; within a document, one token
per line followed by its tags, and a blank line between sentences. Each tag column is a
layer: B-LABEL starts a span, I-LABEL continues the span of the same column, O is
outside. Reading rebuilds the text as the tokens joined by one space, one sentence per
line, so that every token keeps its offsets when the document is exported again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from annotate.corpus.exported import ExportRecord, ExportSpan
from annotate.corpus.files import decode_file, title_from_name
from annotate.corpus.records import Record, RecordSpan
from annotate.errors import InputError
from annotate.tokens import SPACE_SEPARATED, TOKENISATION, Token, sentences

DOCUMENT_MARKER = "-DOCSTART-"
# As CoNLL-2003 writes it: `spacy convert` splits documents at exactly this line, and a
# reader that takes the last column as the tag sees one token outside every entity.
DOCUMENT_LINE = f"{DOCUMENT_MARKER} -X- O O"
OUTSIDE = "O"
COLUMNS = re.compile(r"[ \t]+")
EXAMPLES = 3  # adjustments named in a note; the rest are counted
MAX_FILE_BYTES = 2**30  # a corpus file is read whole; its documents are checked one by one
SNIFFED_LINES = 50
SNIFFED_BYTES = 64 * 1024


# Writing


class Placed(NamedTuple):
    first: int  # token indexes, inclusive
    last: int
    label: str


@dataclass
class Adjustments:
    """What fitting spans to tokens changed, for the notes of an export."""

    extended: int = 0
    dropped: int = 0
    examples: list[str] = field(default_factory=list)

    def note(self, kind: str, record: ExportRecord, span: ExportSpan, detail: str) -> None:
        if len(self.examples) < EXAMPLES:
            who = f" [{record['annotator']}]" if record["annotator"] else ""
            self.examples.append(
                f"{kind} {span['label']} {span['text']!r} in {record['title']!r}{who}{detail}"
            )

    def notes(self) -> list[str]:
        found = []
        if self.extended:
            found.append(
                f"{self.extended} span(s) began or ended inside a token and were extended to "
                "the whole token"
            )
        if self.dropped:
            found.append(f"{self.dropped} span(s) covered no token and were left out")
        if found and self.examples:
            found.append("for example: " + "; ".join(self.examples))
        return found


def placed_spans(
    record: ExportRecord, tokens: list[Token], spans: Iterable[ExportSpan], changes: Adjustments
) -> list[Placed]:
    """Each span on the tokens it touches, a boundary inside a token moved to the token's."""
    starts = [token.start for token in tokens]
    ends = [token.end for token in tokens]
    placed = []
    for span in spans:
        first = bisect_right(ends, span["start"])  # the first token ending after the start
        last = bisect_left(starts, span["end"]) - 1  # the last token starting before the end
        if first > last:
            changes.dropped += 1
            changes.note("left out", record, span, "")
            continue
        if tokens[first].start < span["start"] or tokens[last].end > span["end"]:
            changes.extended += 1
            widened = record["text"][tokens[first].start : tokens[last].end]
            changes.note("extended", record, span, f" to {widened!r}")
        placed.append(Placed(first, last, span["label"]))
    return placed


def document_lines(
    record: ExportRecord, tokens: list[Token], columns: list[list[Placed]]
) -> Iterator[str]:
    """The lines of one document: the marker, then its sentences with one tag per column."""
    text, meta = record["text"], record["meta"]
    yield f"{DOCUMENT_LINE}\n\n"
    tags = _tags(len(tokens), columns)
    bounds = [
        (tokens[span.first].start, tokens[span.last].end) for column in columns for span in column
    ]
    index = 0
    for sentence in sentences(text, tokens, meta, bounds):
        for token in sentence:
            yield f"{text[token.start : token.end]} {' '.join(tags[index])}\n"
            index += 1
        yield "\n"


def _tags(count: int, columns: list[list[Placed]]) -> list[list[str]]:
    tags = [[OUTSIDE] * len(columns) for _ in range(count)]
    for number, column in enumerate(columns):
        for span in column:
            tags[span.first][number] = f"B-{span.label}"
            for index in range(span.first + 1, span.last + 1):
                tags[index][number] = f"I-{span.label}"
    for line in tags:
        while len(line) > 1 and line[-1] == OUTSIDE:
            line.pop()
        if not line:
            line.append(OUTSIDE)
    return tags


# Reading

OpenSpans = dict[int, tuple[int, str, int]]  # column: (start, label, line)


@dataclass(frozen=True)
class Line:
    number: int
    token: str
    tags: tuple[str, ...]


def read_documents(
    path: Path, text: str, one_column: bool, tag_column: int | None = None
) -> Iterator[list[list[Line]]]:
    """Each document's sentences, every line checked for its columns."""
    document: list[list[Line]] = []
    sentence: list[Line] = []
    for number, raw in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip(" \t"):
            if sentence:
                document.append(sentence)
            sentence = []
            continue
        parsed = _line(path, number, line, one_column, tag_column)
        if parsed.token == DOCUMENT_MARKER:
            if sentence:
                document.append(sentence)
            if document:
                yield document
            document, sentence = [], []
            continue
        sentence.append(parsed)
    if sentence:
        document.append(sentence)
    if document:
        yield document


def _line(
    path: Path, number: int, line: str, one_column: bool, tag_column: int | None = None
) -> Line:
    def refuse(message: str, column: int | None = None) -> InputError:
        where = f"column {column}" if column is not None else ""
        return InputError(message, file=str(path), line=number, field=where)

    if line[0] in " \t":
        raise refuse("tags without a token: the line starts with a space or tab", 1)
    token, *tags = COLUMNS.split(line.rstrip(" \t"))
    if "\x00" in token:
        raise refuse("the token contains a NUL character", 1)
    if token == DOCUMENT_MARKER:
        return Line(number, token, ())
    if not tags:
        raise refuse("expected a token and at least one tag column, found only the token")
    first = 2
    if one_column:
        if tag_column is None and len(tags) > 1 and all(map(is_tag, tags)):
            raise refuse(
                f"{len(tags)} tag columns (nested layers?): read it with --format conll-nested,"
                " or pick one with --tag-column N"
            )
        first = tag_column or 1 + len(tags)  # the last column unless told
        if not 2 <= first <= 1 + len(tags):
            raise refuse(f"no tag column {first}: the line has {1 + len(tags)} columns")
        tags = [tags[first - 2]]
    for column, tag in enumerate(tags, start=first):
        if not is_tag(tag):
            raise refuse(f"{tag!r} is not an IOB2 tag (O, B-LABEL or I-LABEL)", column)
    return Line(number, token, tuple(tags))


def is_tag(column: str) -> bool:
    """Whether a column holds an IOB2 tag: O, B-LABEL or I-LABEL."""
    return column == OUTSIDE or (column[:2] in ("B-", "I-") and len(column) > 2)


def conll_kind(path: Path) -> str | None:
    """A .txt whose first lines are all a token and columns ending in an IOB2 tag (or
    -DOCSTART-) is CoNLL, whatever its name says: nested (Wojood) when every column after
    the token is a tag, else flat with its tags last (CoNLL-2003's POS and chunk columns)."""
    with path.open("rb") as handle:
        head = handle.read(SNIFFED_BYTES)
    try:
        shown = head.decode("utf-8", errors="strict" if len(head) < SNIFFED_BYTES else "ignore")
    except UnicodeDecodeError:
        return None  # the text reader says what is wrong
    lines = [line.split() for line in shown.removeprefix("\ufeff").split("\n")[:SNIFFED_LINES]]
    tagged = [columns for columns in lines if columns and columns[0] != DOCUMENT_MARKER]
    if not tagged or not all(len(columns) > 1 and is_tag(columns[-1]) for columns in tagged):
        return None
    nested = all(is_tag(column) for columns in tagged for column in columns[1:])
    return "conll-nested" if nested else "conll"


def read_records(
    path: Path, one_column: bool, repair_iob: bool, tag_column: int | None = None
) -> Iterator[Record]:
    text = decode_file(path, MAX_FILE_BYTES, "a CoNLL file")
    documents = list(read_documents(path, text, one_column, tag_column))
    if not documents:
        raise InputError("no tokens in the file", file=str(path))
    repairs = Repairs(repair_iob)
    stem = title_from_name(path)
    for number, document in enumerate(documents, start=1):
        title = stem if len(documents) == 1 else f"{stem} {number}"
        record = document_record(path, title, document, repairs)
        yield replace(record, notes=tuple(repairs.found))
        repairs.found.clear()


@dataclass
class Repairs:
    """I- tags read as B- when the reader was asked to repair them."""

    allowed: bool
    found: list[str] = field(default_factory=list)


def document_record(path: Path, title: str, document: list[list[Line]], repairs: Repairs) -> Record:
    text_lines = [" ".join(line.token for line in sentence) for sentence in document]
    text = "\n".join(text_lines)
    spans: list[RecordSpan] = []
    offset = 0
    for sentence in document:
        spans.extend(_sentence_spans(path, sentence, offset, len(spans), repairs))
        offset += sum(len(line.token) + 1 for line in sentence)
    return Record(
        file=str(path),
        line=document[0][0].number,
        title=title,
        text=text,
        meta={TOKENISATION: SPACE_SEPARATED},
        spans=spans,
    )


def _sentence_spans(
    path: Path, sentence: list[Line], offset: int, first_index: int, repairs: Repairs
) -> list[RecordSpan]:
    spans: list[RecordSpan] = []
    open_spans: OpenSpans = {}

    def close(column: int, end: int) -> None:
        start, label, number = open_spans.pop(column)
        index = first_index + len(spans)
        spans.append(RecordSpan(index, None, label, start, end, {}, number))

    position = offset
    previous_end = offset
    for line in sentence:
        for column in [c for c in open_spans if not _continues(line.tags, c, open_spans)]:
            close(column, previous_end)
        for column, tag in enumerate(line.tags):
            if tag.startswith("B-"):
                if column in open_spans:
                    close(column, previous_end)
                open_spans[column] = (position, tag[2:], line.number)
            elif tag.startswith("I-") and column not in open_spans:
                _repair(path, line, column, tag, repairs)
                open_spans[column] = (position, tag[2:], line.number)
        position += len(line.token)
        previous_end = position
        position += 1
    for column in list(open_spans):
        close(column, previous_end)
    return spans


def _continues(tags: tuple[str, ...], column: int, open_spans: OpenSpans) -> bool:
    return column < len(tags) and tags[column] == f"I-{open_spans[column][1]}"


def _repair(path: Path, line: Line, column: int, tag: str, repairs: Repairs) -> None:
    if not repairs.allowed:
        raise InputError(
            f"{tag} continues no {tag[2:]} span (the token before has none in this column); "
            "in IOB2 a span starts with B- (--repair-iob reads such an I- as B-)",
            file=str(path),
            line=line.number,
            field=f"column {column + 2}",
        )
    repairs.found.append(f"{path.name}:{line.number} {tag} read as B-{tag[2:]}")
