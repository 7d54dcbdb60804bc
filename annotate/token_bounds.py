"""The tokens of ``annotate.tokens.tokenise`` found by one regular expression per text.

tokenise walks the text a character at a time, which costs seconds over a corpus. The same
rule fits a regular expression built from the classes of the characters met so far: a word
is a run of letters, marks and digits, with a number separator between two digits inside
it; any other character that is not a space is a token with the marks and modifiers that
follow it. Texts holding format characters (ZWNJ, ZWJ, bidi marks) or regional indicators
go to tokenise itself, whose rules for them need more than a character class.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from typing import Any

from annotate.tokens import (
    NUMBER_SEPARATORS,
    SPACE_SEPARATED_TOKEN,
    Token,
    is_space_separated,
    tokenise,
)
from annotate.words import REGIONAL_INDICATORS, is_word_char

Bounds = tuple[list[int], list[int]]  # token starts, token ends
Edges = list[int]  # the first token's start and end, the second's, ...: sorted
SEED = "".join(map(chr, range(0x20, 0x7F))) + "\n\t" + "".join(map(chr, range(0x600, 0x700)))


class _CharacterClasses:
    def __init__(self) -> None:
        self.word: set[str] = set()
        self.digit: set[str] = set()
        self.skip: set[str] = set()
        self.joining: set[str] = set()  # continues the character before it
        self.awkward: set[str] = set()
        self.seen: set[str] = set()
        self._learn(set(SEED))

    def bounds(self, text: str) -> Bounds | None:
        if not self._fits(text):
            return None
        return _bounds_of(self._token.finditer(text))

    def edges(self, text: str) -> Edges | None:
        return _edges_of(self._split.split(text)) if self._fits(text) else None

    def _fits(self, text: str) -> bool:
        """Whether the regular expression finds ``text``'s tokens, once it knows its characters."""
        if not self._unusual.search(text):  # the usual case, in one pass
            return True
        if self._unknown.search(text):
            self._learn(set(text))
        return self._awkward is None or not self._awkward.search(text)

    def _learn(self, chars: set[str]) -> None:
        for char in chars - self.seen:
            self.seen.add(char)
            category = unicodedata.category(char)
            if category == "Cf" or ord(char) in REGIONAL_INDICATORS:
                self.awkward.add(char)
            elif is_word_char(char):
                self.word.add(char)
                if char.isdigit():
                    self.digit.add(char)
            elif char.isspace() or category in ("Cc", "Zl", "Zp"):
                self.skip.add(char)
            if (category in ("Mn", "Me", "Mc", "Sk") and ord(char) > 0x2FF) or (
                "\ufe00" <= char <= "\ufe0f"
            ):
                self.joining.add(char)
        self._compile()

    def _compile(self) -> None:
        word, digit, skip = _class(self.word), _class(self.digit), _class(self.skip)
        separators = _class(set(NUMBER_SEPARATORS))
        self._unknown = re.compile(f"[^{_class(self.seen)}]")
        self._unusual = re.compile(f"[^{_class(self.seen - self.awkward)}]")  # or awkward
        self._awkward: re.Pattern[str] | None = (
            re.compile(f"[{_class(self.awkward)}]") if self.awkward else None
        )
        # Possessive (never given back), and the separator looked at before the digit
        # behind it: the same tokens, found sooner.
        number_join = f"[{separators}](?<=[{digit}][{separators}])(?=[{digit}])"
        self._token = re.compile(
            f"[{word}]++(?:{number_join}[{word}]++)*+|[^{word}{skip}][{_class(self.joining)}]*+"
        )
        self._split = re.compile(f"({self._token.pattern})")


def _class(chars: set[str]) -> str:
    """The inside of a regular expression character class holding exactly ``chars``."""
    return "".join(re.escape(char) for char in sorted(chars))


_CLASSES = _CharacterClasses()
SPACE_SEPARATED_SPLIT = re.compile(f"({SPACE_SEPARATED_TOKEN.pattern})")


def token_bounds(text: str, meta: dict[str, Any] | None = None) -> Bounds:
    """Where each token of ``tokenise(text, meta)`` starts and ends."""
    if is_space_separated(meta):
        return _bounds_of(SPACE_SEPARATED_TOKEN.finditer(text))
    found = _CLASSES.bounds(text)
    if found is not None:
        return found
    tokens = tokenise(text, meta)
    return [token.start for token in tokens], [token.end for token in tokens]


def token_edges(text: str, meta: dict[str, Any] | None = None) -> Edges:
    """Where each token of ``tokenise(text, meta)`` starts and ends, in one sorted list
    (a token may end where the next starts): the text split around its tokens, the
    lengths of the pieces added up, which is faster than a loop over the matches."""
    if is_space_separated(meta):
        return _edges_of(SPACE_SEPARATED_SPLIT.split(text))
    found = _CLASSES.edges(text)
    if found is not None:
        return found
    return [offset for token in tokenise(text, meta) for offset in token]


def fast_tokenise(text: str, meta: dict[str, Any] | None = None) -> list[Token]:
    """``tokenise(text, meta)``, found by the regular expression wherever it can be."""
    starts, ends = token_bounds(text, meta)
    return list(map(Token, starts, ends))


def _edges_of(pieces: list[str]) -> Edges:
    """The offsets between the pieces of a split around tokens (the text before the first
    token, the first token, what lies between it and the second, ...), but the last."""
    edges = list(accumulate(map(len, pieces)))
    edges.pop()
    return edges


def _bounds_of(matches: Any) -> Bounds:
    starts: list[int] = []
    ends: list[int] = []
    for match in matches:
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends
