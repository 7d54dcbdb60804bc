"""Selections grown to whole tokens, by the rule the exports tokenise with.

So a span made from a selection never splits a number ("3.5", "١٥٫٥") or a word joined by
a ZWNJ, and it covers exactly the tokens a CoNLL or spaCy export will give it (an export
cuts a token where a span starts inside it). Attached proclitics are inside their token
(وبيروت is one); `without_proclitics` leaves them out of an entity where annotate.clitics
accepts them, and `with_proclitics` puts them back.
"""

from __future__ import annotations

from typing import Any

from annotate import clitics
from annotate.lexicon import MARKS, Lexicon
from annotate.tokens import Token, tokenise
from annotate.words import is_word_char


def snap_to_words(
    text: str, start: int, end: int, meta: dict[str, Any] | None = None
) -> tuple[int, int] | None:
    """Widen [start, end) to the whole tokens it cuts into, then drop spaces and
    punctuation at both ends; None when nothing but spaces and punctuation was selected."""
    cut_at_start = [t for t in _tokens_near(text, start, meta) if t.start < start < t.end]
    cut_at_end = [t for t in _tokens_near(text, end, meta) if t.start < end < t.end]
    start = cut_at_start[0].start if cut_at_start else start
    end = cut_at_end[0].end if cut_at_end else end
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def word_at(text: str, offset: int, meta: dict[str, Any] | None = None) -> tuple[int, int] | None:
    """The word token holding the character at offset (a double-click's word); None on a
    space or a punctuation mark."""
    for token in _tokens_near(text, offset, meta):
        if token.start <= offset < token.end and is_word_char(text[token.start]):
            return token.start, token.end
    return None


def _tokens_near(text: str, offset: int, meta: dict[str, Any] | None) -> list[Token]:
    """The tokens of the run of text without white space around offset: no token crosses
    white space, so they are the tokens the whole text has there."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    return [Token(start + t.start, start + t.end) for t in tokenise(text[start:end], meta)]


def without_proclitics(text: str, start: int, end: int, words: Lexicon) -> int | None:
    """Where a selection [start, end) that opens with a whole word starts once that word's
    conjunction and preposition are left out (وبوتين: بوتين), by annotate.clitics' rule;
    None when they belong to the word (فلاديمير) or there are none."""
    if start > 0 and is_word_char(text[start - 1]):
        return None  # the selection already starts inside its word
    word_end = start
    while word_end < len(text) and is_word_char(text[word_end]):
        word_end += 1
    letters, places = _spelled(text, start, word_end)
    at = clitics.stem_start(letters, words) if letters else None
    if at is None or places[at] >= end:
        return None
    return places[at]


def with_proclitics(text: str, start: int) -> int | None:
    """Where the whole word starts when [start, ...) begins just after the proclitics of
    its word (بوتين in وبوتين: the و); None when it begins a word or inside a stem."""
    word_start = start
    while word_start > 0 and is_word_char(text[word_start - 1]):
        word_start -= 1
    letters, _ = _spelled(text, word_start, start)
    return word_start if letters and clitics.is_stack(letters, article=False) else None


def _spelled(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """The letters of text[start:end] without harakat and tatweel, and where each is."""
    places = [at for at in range(start, end) if not MARKS.match(text[at])]
    return "".join(text[at] for at in places), places
