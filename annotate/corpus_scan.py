"""Mentions across a corpus, found where the search index says they are.

The search index is a trigram FTS5 index of each document's normalised text
(annotate.mentions), without a copy of that text: it knows where every three letters are.
Decoding or normalising a whole corpus costs more than a search may, so a search asks the
index where the query's rarest trigram is, and reads from each document only the stored
text around those places (with the marks normalising removed, kept in `search_entries`,
which turn a normalised offset into a stored one). A match that stands alone as a word takes
the quick way; any other (letters attached before or after it, the contracted article,
the word family, prefixes, a query of several words) is judged by annotate.mentions on the
whole words around it, so both ways apply one rule.
"""

from __future__ import annotations

import sqlite3
import sys
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import groupby, islice
from operator import itemgetter
from typing import NamedTuple

from annotate.lexicon import Lexicon
from annotate.mentions import Query, mentions_in, normalise, normalised_text, written
from annotate.words import is_word_char

TRIGRAM = 3
SLACK = 64  # characters read beyond a match and its context, for whole words around it
SPACE_RUNS = 200  # characters of white space allowed between two words of a query
CHUNK = 500  # documents whose stored text is read in one statement
WINDOWS_PER_INSERT = 300  # 900 parameters, within the oldest SQLite's limit (999)
MARK_ROOM = 256  # characters of marks allowed for, before a document's marks are known
READ_WINDOWS = (  # a document's text around its places: with room if it has marks
    "SELECT d.position, d.uid, d.title, e.removals, w.start, substr(d.text, w.start + 1,"
    f" w.until - w.start + CASE WHEN length(e.removals) THEN {MARK_ROOM} ELSE 0 END)"
    " FROM temp.search_windows w JOIN documents d ON d.position = w.position"
    " LEFT JOIN search_entries e ON e.position = d.position ORDER BY w.position"
)

Removed = Sequence[int]  # a document's removed marks, as Normalised.shifted_removals
NO_MARKS: Removed = ()


class Found(NamedTuple):
    start: int  # stored code point offsets
    end: int
    text: str
    context: str
    variant: bool


class Document(NamedTuple):
    uid: str
    position: int
    title: str


def search_entry(raw: str) -> tuple[str, bytes, int]:
    """What the index keeps of a stored text: its normalised text (to index), where
    normalising removed marks (packed), and a checksum of the normalised text, by which
    `annotate check` knows the entry was made from this text."""
    normalised = normalise(raw)
    removed = array("i", normalised.shifted_removals)
    if sys.byteorder != "little":  # kept little-endian: a project moves between machines
        removed.byteswap()
    return normalised.text, removed.tobytes(), zlib.crc32(normalised.text.encode())


def documents_with_hits(
    conn: sqlite3.Connection,
    query: Query,
    words: Lexicon,
    context: int,
    only: int | None = None,
    looks: int = -1,
) -> Iterator[tuple[Document, list[Found]]]:
    """Each document (in order) with the query's mentions in it, in order; `looks` bounds
    the places of the index looked at (-1: all)."""
    anchor = _anchor(conn, query)
    if anchor is None:
        yield from _read_whole(conn, query, words, context, only)
        return
    trigram, word, at = anchor
    sql = "SELECT doc, offset FROM temp.search_instances WHERE term = ?"
    if only is not None:
        places = conn.execute(sql + " AND doc = ? LIMIT ?", (trigram, only, looks))
    else:
        places = conn.execute(sql + " LIMIT ?", (trigram, looks))
    windows = _Windows(conn, query, words, context, word, at)
    by_document = groupby(places, key=itemgetter(0))  # the index's doc: a position
    while chunk := [
        (doc, [offset for _, offset in rows]) for doc, rows in islice(by_document, CHUNK)
    ]:
        yield from windows.found(chunk)


def _anchor(conn: sqlite3.Connection, query: Query) -> tuple[str, int, int] | None:
    """The query's rarest trigram in the index, with its word and place in that word; None
    when no word has three letters (the index cannot look such a query up)."""
    options = [  # lower case, as the index keeps its terms
        (word[at : at + TRIGRAM].lower(), number, at)
        for number, word in enumerate(query.words)
        for at in range(len(word) - TRIGRAM + 1)
        if not (query.contracted is not None and number == 0 and at == 0)  # لل drops the alef
    ]
    if not options:
        return None
    _ensure_vocabulary(conn)
    terms = sorted({option[0] for option in options})
    marks = ", ".join("?" * len(terms))
    counts = dict(
        conn.execute(f"SELECT term, cnt FROM temp.search_terms WHERE term IN ({marks})", terms)
    )
    return min(options, key=lambda option: counts.get(option[0], 0))


def _ensure_vocabulary(conn: sqlite3.Connection) -> None:
    """The index's terms and their places, and the stretches of text a search reads, as
    tables of this connection."""
    for name, kind in (("search_terms", "row"), ("search_instances", "instance")):
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name}"
            f" USING fts5vocab(main, search_index, '{kind}')"
        )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS temp.search_windows"
        " (position INTEGER PRIMARY KEY, start INTEGER NOT NULL, until INTEGER NOT NULL)"
    )


class _Windows:
    """Stored text around the places of a query's anchor, a chunk of documents at a time."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        query: Query,
        words: Lexicon,
        context: int,
        anchor_word: int,
        anchor_at: int,
    ) -> None:
        self.conn, self.query, self.words, self.context = conn, query, words, context
        self.quick = not (query.family or query.prefix) and len(query.words) == 1
        # normalised characters from where a match starts to its anchor
        self.lead = sum(len(word) + 1 for word in query.words[:anchor_word]) + anchor_at
        self.reach = len(" ".join(query.words)) + context + SLACK
        if len(query.words) > 1:
            self.reach += SPACE_RUNS * (len(query.words) - 1)

    def found(self, chunk: list[tuple[int, list[int]]]) -> Iterator[tuple[Document, list[Found]]]:
        for document, removed, text, offsets in self._read(chunk):
            if len(offsets) == 1:
                hits = self._at(offsets[0], text, removed)
            else:
                seen = {
                    (hit.start, hit.end): hit for o in offsets for hit in self._at(o, text, removed)
                }
                hits = sorted(seen.values())
            if hits:
                yield document, hits

    def _read(
        self, chunk: list[tuple[int, list[int]]]
    ) -> Iterator[tuple[Document, Removed, _Text, list[int]]]:
        """Each document with its removed marks and its stored text from before its first
        place to after its last, by one statement for the chunk (read whole before any is
        judged: judging may search again). The text is asked for by normalised offsets,
        and for a document with marks with room for some; one with more marks there is
        read again."""
        offsets = dict(chunk)
        before, after = self.lead + self.reach, self.reach  # `_around` with no marks
        wanted = [(doc, max(places[0] - before, 0), places[-1] + after) for doc, places in chunk]
        asked = {doc: end - start for doc, start, end in wanted}
        self._ask(wanted)
        rows = self.conn.execute(READ_WINDOWS).fetchall()
        for position, uid, title, blob, start, piece in rows:
            room = MARK_ROOM if blob else 0
            text = _Text(start, piece, len(piece) < asked[position] + room)
            removed = _unpacked(blob) if blob else NO_MARKS
            if removed:  # the marks may push the places further than was read
                _, need_start, need_end = self._around(position, offsets[position], removed)
                if not text.covers(need_start, need_end):
                    text = self._again(position, need_start, need_end)
            yield Document(uid, position, title), removed, text, offsets[position]

    def _ask(self, wanted: list[tuple[int, int, int]]) -> None:
        """The stretches to read, into temp.search_windows: many rows a statement (one
        statement a row took 1.2 µs a document)."""
        self.conn.execute("DELETE FROM temp.search_windows")
        for first in range(0, len(wanted), WINDOWS_PER_INSERT):
            rows = wanted[first : first + WINDOWS_PER_INSERT]
            marks = ", ".join(["(?, ?, ?)"] * len(rows))
            values = [value for row in rows for value in row]
            self.conn.execute(f"INSERT INTO temp.search_windows VALUES {marks}", values)

    def _around(self, doc: int, places: list[int], removed: Removed) -> tuple[int, int, int]:
        """The stored text to read for a document's places: (document, start, end)."""
        start = max(_raw(places[0] - self.lead - self.reach, removed), 0)
        return doc, start, _raw(places[-1] + self.reach, removed)

    def _again(self, doc: int, start: int, end: int) -> _Text:
        (piece,) = self.conn.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE position = ?",
            (start + 1, end - start, doc),
        ).fetchone()
        return _Text(start, piece, len(piece) < end - start)

    def _at(self, offset: int, text: _Text, removed: Removed) -> list[Found]:
        if self.quick and offset >= self.lead:
            start = offset - self.lead
            end = start + len(self.query.words[0])
            if removed:
                start, end = _raw(start, removed), _raw(end, removed)
            piece = text.slice(start, end)
            spelled_so = piece == self.query.spelled
            if (spelled_so or normalised_text(piece) == self.query.words[0]) and text.stands_alone(
                start, end
            ):
                return [self._found(text, start, end, piece)]
        return self._judged(offset, text, removed)

    def _found(self, text: _Text, start: int, end: int, piece: str) -> Found:
        variant = piece != self.query.spelled and written(piece) != self.query.spelled
        return Found(start, end, piece, text.context(start, end, self.context), variant)

    def _judged(self, offset: int, text: _Text, removed: Removed) -> list[Found]:
        """annotate.mentions on the whole words of the text around one place."""
        left, piece = text.words_around(_raw(offset, removed), self.reach)
        found = []
        for mention in mentions_in(normalise(piece), piece, self.query, self.words):
            start, end = left + mention.start, left + mention.end
            context = text.context(start, end, self.context)
            found.append(
                Found(start, end, piece[mention.start : mention.end], context, mention.variant)
            )
        return found


class _Text:
    """A stretch of a document's stored text, by stored offsets."""

    def __init__(self, start: int, text: str, at_end: bool) -> None:
        self.start, self.text, self.at_end = start, text, at_end
        self.end = start + len(text)

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and (end <= self.end or self.at_end)

    def slice(self, start: int, end: int) -> str:
        return self.text[start - self.start : end - self.start]

    def stands_alone(self, start: int, end: int) -> bool:
        """Whether no letter, mark or digit touches [start, end) on either side."""
        before = self.text[start - self.start - 1] if start > 0 else " "
        after = self.text[end - self.start] if end < self.end else " "
        return not is_word_char(before) and not is_word_char(after)

    def context(self, start: int, end: int, width: int) -> str:
        left = max(start - width - self.start, 0)
        return " ".join(self.text[left : end + width - self.start].split())

    def words_around(self, at: int, reach: int) -> tuple[int, str]:
        """The whole words within reach of a stored offset, and where they start: cut
        only between a letter (mark, digit) and anything else, never inside a word. Empty
        when the word at the offset reaches past what was read: its letters before the
        offset could be proclitics or not, so nothing is judged there."""
        text, base = self.text, self.start
        left = max(at - reach, base)
        while left < at and left > 0 and not _boundary(text, left - base):
            left += 1
        right = min(at + reach, self.end)
        while (
            right > at
            and not (right == self.end and self.at_end)
            and not _boundary(text, right - base)
        ):
            right -= 1
        if not (left == 0 or _boundary(text, left - base)):
            return left, ""
        return left, text[left - base : right - base]


def _unpacked(blob: bytes) -> Removed:
    """A document's removed marks, as `search_entry` packed them."""
    removed = array("i")
    removed.frombytes(blob)
    if sys.byteorder != "little":
        removed.byteswap()
    return removed


def _raw(normalised: int, removed: Removed) -> int:
    """The stored offset of a normalised one (after the marks that sit before it)."""
    return normalised + bisect_right(removed, normalised)


def _boundary(text: str, index: int) -> bool:
    """Whether index (inside text, or at either end of it) is not inside a word."""
    if index <= 0 or index >= len(text):
        return False
    return not (is_word_char(text[index - 1]) and is_word_char(text[index]))


def _read_whole(
    conn: sqlite3.Connection, query: Query, words: Lexicon, context: int, only: int | None
) -> Iterator[tuple[Document, list[Found]]]:
    """A query too short for the index: every document read and normalised."""
    where = "WHERE position = ?" if only is not None else ""
    rows = conn.execute(
        f"SELECT uid, position, title, text FROM documents {where} ORDER BY position",
        (only,) if only is not None else (),
    )
    for uid, position, title, text in rows:
        found = []
        for mention in mentions_in(normalise(text), text, query, words):
            left, right = max(mention.start - context, 0), min(mention.end + context, len(text))
            around = " ".join(text[left:right].split())
            piece = text[mention.start : mention.end]
            found.append(Found(mention.start, mention.end, piece, around, mention.variant))
        if found:
            yield Document(uid, position, title), found
