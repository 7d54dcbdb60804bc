"""Tokens and sentences for token-based exports (CoNLL, spaCy), the same on every run.

The rule, as Wojood tokenises Arabic news: tokens are separated by whitespace, and every
punctuation mark or symbol is a token of its own (an emoji with its modifiers is one);
attached proclitics stay inside their word (وبيروت is one token). A full stop, comma or
Arabic decimal separator between two digits stays inside the number (3.5, 1,000, ٣٫٥).
A sentence ends at a line break and after . ! ? ؟ ۔ … (with any closing quotes and
brackets that follow), but never inside a span being exported.

A document imported from CoNLL keeps its tokens: its text is its tokens joined by spaces,
one sentence per line, and its meta says so, so its tokens are read back by splitting on
spaces and its sentences by splitting on lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, NamedTuple

from annotate.words import is_word_char, next_char

TOKENISATION = "tokenisation"
SPACE_SEPARATED = "space-separated"  # the value in meta for a document made from tokens
SPACE_SEPARATED_TOKEN = re.compile(r"[^ \n]+")  # a token of such a document
NUMBER_SEPARATORS = ".,٫٬"
SENTENCE_ENDS = {".", "!", "?", "؟", "۔", "…"}
CLOSERS = {"»", "”", "’", '"', "'", ")", "]", "}", "›"}


class Token(NamedTuple):
    start: int
    end: int


def is_space_separated(meta: dict[str, Any] | None) -> bool:
    """Whether the document was made from tokens (a CoNLL import) and keeps them."""
    return bool(meta and meta.get(TOKENISATION) == SPACE_SEPARATED)


def tokenise(text: str, meta: dict[str, Any] | None = None) -> list[Token]:
    if is_space_separated(meta):
        return _space_separated(text)
    return _by_rule(text)


def sentences(
    text: str, tokens: list[Token], meta: dict[str, Any] | None, spans: Iterable[tuple[int, int]]
) -> list[list[Token]]:
    """Tokens grouped in sentences; a sentence goes on past its end while a span is open."""
    by_start = sorted(spans)
    made_of_lines = is_space_separated(meta)
    grouped: list[list[Token]] = []
    current: list[Token] = []
    open_until = 0
    next_span = 0
    for index, token in enumerate(tokens):
        while next_span < len(by_start) and by_start[next_span][0] < token.end:
            open_until = max(open_until, by_start[next_span][1])
            next_span += 1
        current.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or (
            open_until <= token.end and _ends_sentence(text, token, following, made_of_lines)
        ):
            grouped.append(current)
            current = []
    return grouped


def _ends_sentence(text: str, token: Token, following: Token, made_of_lines: bool) -> bool:
    if "\n" in text[token.end : following.start]:
        return True
    if made_of_lines:
        return False
    word = text[token.start : token.end]
    if word in CLOSERS:
        return _after_sentence_end(text, token.start) and text[following.start] not in CLOSERS
    return word in SENTENCE_ENDS and text[following.start] not in CLOSERS


def _after_sentence_end(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    while before and before[-1] in CLOSERS:
        before = before[:-1].rstrip()
    return bool(before) and before[-1] in SENTENCE_ENDS


def _space_separated(text: str) -> list[Token]:
    return [Token(match.start(), match.end()) for match in SPACE_SEPARATED_TOKEN.finditer(text)]


def _by_rule(text: str) -> list[Token]:
    tokens: list[Token] = []
    offset = 0
    while offset < len(text):
        char = text[offset]
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            offset += 1
        elif is_word_char(char):
            end = _word_end(text, offset)
            tokens.append(Token(offset, end))
            offset = end
        else:
            end = next_char(text, offset)
            tokens.append(Token(offset, end))
            offset = end
    return tokens


def _word_end(text: str, offset: int) -> int:
    """The end of the word at ``offset``: letters, marks and digits, joiners between
    letters (ZWNJ, ZWJ), and separators inside a number."""
    end = offset
    while end < len(text):
        char = text[end]
        if is_word_char(char) or _inside_word(text, end, char):
            end += 1
        else:
            break
    return end


def _inside_word(text: str, offset: int, char: str) -> bool:
    if offset == 0 or offset + 1 >= len(text):
        return False
    before, after = text[offset - 1], text[offset + 1]
    if char in NUMBER_SEPARATORS:
        return before.isdigit() and after.isdigit()
    return unicodedata.category(char) == "Cf" and is_word_char(before) and is_word_char(after)
