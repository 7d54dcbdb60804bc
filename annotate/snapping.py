"""Selections grown to whole tokens, by the rule the exports tokenise with.

So a span made from a selection never splits a number ("3.5", "١٥٫٥") or a word joined by
a ZWNJ, and it covers exactly the tokens a CoNLL or spaCy export will give it. Attached
proclitics stay inside their word (وبيروت is one token); the analyst takes one off with
its own command.
"""

from __future__ import annotations

from typing import Any

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
