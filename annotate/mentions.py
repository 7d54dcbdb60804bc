"""Every mention of a name in Arabic text, matched as an analyst reads it.

Text and query are compared normalised: alef forms أ إ آ ٱ are ا, ى is ي, ة is ه, harakat
and tatweel are ignored, Arabic-Indic digits are ASCII digits, Latin letters are lower
case. A mention may carry attached proclitics (و ف ب ل ك س, ال, لل and their combinations);
the match starts after them, and the query itself is never shortened, so والتز and بوتين
are found whole. A match ends at the end of a word unless prefixes are asked for. Offsets
are always raw code point offsets into the stored text: a mention written with harakat or
tatweel covers them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import product

from annotate.words import is_word_char

REMOVED = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
SAME = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
DIGITS = {chr(0x0660 + n): str(n) for n in range(10)} | {chr(0x06F0 + n): str(n) for n in range(10)}
LATIN = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
REPLACED = SAME | DIGITS | LATIN | {chr(c): "" for c in [*range(0x064B, 0x0653), 0x0670, 0x0640]}
# One regex pass that calls back only on the few characters that change: several times
# faster than str.translate, which looks every character up in a dict.
CHANGED = re.compile("[" + "".join(re.escape(c) for c in REPLACED) + "]")
ARTICLE = "ال"
CONTRACTED = "لل"  # ل + ال: the article's alef is not written


def _proclitics() -> frozenset[str]:
    conjunctions, prepositions, articles = ("", "و", "ف"), ("", "ب", "ل", "ك", "س"), ("", ARTICLE)
    forms = {"".join(parts) for parts in product(conjunctions, prepositions, articles)}
    forms |= {conjunction + CONTRACTED for conjunction in conjunctions}
    return frozenset(forms - {""})


PROCLITICS = _proclitics()


@dataclass(frozen=True)
class Normalised:
    """A normalised text and the way back to raw offsets."""

    text: str
    raw_length: int
    shifted_removals: tuple[int, ...]  # each removed raw position minus those before it

    def raw_start(self, index: int) -> int:
        """The raw offset of the normalised character at index."""
        return index + bisect_right(self.shifted_removals, index)

    def raw_end(self, end: int) -> int:
        """The raw offset after normalised characters up to end, with the marks and tatweel
        that follow the last of them."""
        return self.raw_start(end) if end < len(self.text) else self.raw_length


def normalised_text(raw: str) -> str:
    return CHANGED.sub(lambda match: REPLACED[match.group()], raw)


def normalise(raw: str) -> Normalised:
    removed = [match.start() for match in REMOVED.finditer(raw)]
    shifted = tuple(position - count for count, position in enumerate(removed))
    return Normalised(normalised_text(raw), len(raw), shifted)


@dataclass(frozen=True)
class Mention:
    start: int  # raw code point offsets into the text
    end: int


def find_mentions(text: str, query: str, prefix: bool = False) -> list[Mention]:
    """Every mention of query in text, in order; `prefix` also takes longer words."""
    return mentions_in(normalise(text), normalise(query).text.strip(), prefix)


def mentions_in(normalised: Normalised, query: str, prefix: bool = False) -> list[Mention]:
    if not query:
        return []
    found = {
        Mention(normalised.raw_start(start), normalised.raw_end(start + length))
        for start, length in _matches(normalised.text, query)
        if prefix or _word_ends(normalised.text, start + length)
    }
    return sorted(found, key=lambda mention: (mention.start, mention.end))


def _matches(text: str, query: str) -> list[tuple[int, int]]:
    """(start, length) of each match in the normalised text."""
    matches = [(i, len(query)) for i in _occurrences(text, query) if _after_proclitics(text, i)]
    if query.startswith(ARTICLE) and len(query) > len(ARTICLE) + 1:
        stem = query[len(ARTICLE) - 1 :]  # لمنظمه: the article's lam, after a contracted ل
        matches += [(i, len(stem)) for i in _occurrences(text, stem) if _after_contraction(text, i)]
    return matches


def _occurrences(text: str, query: str) -> list[int]:
    found, at = [], text.find(query)
    while at >= 0:
        found.append(at)
        at = text.find(query, at + 1)
    return found


def _after_proclitics(text: str, index: int) -> bool:
    before = _attached_before(text, index)
    return before == "" or before in PROCLITICS


def _after_contraction(text: str, index: int) -> bool:
    """At the article's lam of a word written with لل (للمنظمة)."""
    before = _attached_before(text, index)
    return before.endswith("ل") and before[:-1] + CONTRACTED in PROCLITICS


def _attached_before(text: str, index: int) -> str:
    start = index
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    return text[start:index]


def _word_ends(text: str, end: int) -> bool:
    return end >= len(text) or not is_word_char(text[end])
