"""Every mention of a name in Arabic text, matched as an analyst reads it.

Text and query are compared normalised: alef forms أ إ آ ٱ are ا, the hamza seats ؤ ئ are
ء, ى is ي, ة is ه, harakat and tatweel are ignored, Arabic-Indic digits are ASCII digits,
Latin letters are lower case, and a space in the query stands for any run of white space
(a name broken over two lines is found). A mention may carry attached proclitics; the
match starts after them only where annotate.clitics accepts them as proclitics, and the
query itself is never shortened, so والتز and بوتين are found whole and ندا is not found in
كندا. A match ends at the end of a word unless prefixes are asked for.

A mention written differently from the query (another alef or hamza seat, ى for ي, ة for
ه, other digits or case, another member of the word family) is a variant: still found, but
marked, so that nothing but the query's own spelling is taken without a look.

Offsets are raw code point offsets into the stored text: a mention written with harakat or
tatweel covers them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotate import clitics
from annotate.lexicon import MARKS, Lexicon
from annotate.words import is_word_char

SAME = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "ء", "ئ": "ء", "ى": "ي", "ة": "ه"}
DIGITS = {chr(0x0660 + n): str(n) for n in range(10)} | {chr(0x06F0 + n): str(n) for n in range(10)}
LATIN = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
REPLACED = SAME | DIGITS | LATIN | {chr(c): "" for c in [*range(0x064B, 0x0653), 0x0670, 0x0640]}
# One regex pass that calls back only on the few characters that change: several times
# faster than str.translate, which looks every character up in a dict.
CHANGED = re.compile("[" + "".join(re.escape(c) for c in REPLACED) + "]")
# From this length on, a replace of each changed character the text holds is faster
# still (2.5x on a news article): a text holds few of them, each found by a fast scan.
REPLACE_FROM = 200  # characters
SPACES = re.compile(r"\s+")
# The word family: what may follow a stem (a relative ي or the ت of a ة before a suffix,
# then one suffix), normalised.
FAMILY_SUFFIXES = ("ه", "ات", "ون", "ين", "ي", "ها", "هم", "هما", "كم", "نا")
SUFFIX_CHAIN = re.compile("(?:ي|ت)?(?:" + "|".join(FAMILY_SUFFIXES) + r")?\Z")
MIN_FAMILY_STEM = 3


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
    if len(raw) < REPLACE_FROM:
        return CHANGED.sub(lambda match: REPLACED[match.group()], raw)
    for changed, replacement in REPLACED.items():
        if changed in raw:
            raw = raw.replace(changed, replacement)
    return raw


def normalise(raw: str) -> Normalised:
    removed = [match.start() for match in MARKS.finditer(raw)]
    shifted = tuple(position - count for count, position in enumerate(removed))
    return Normalised(normalised_text(raw), len(raw), shifted)


def written(raw: str) -> str:
    """A text as it is spelled: without harakat and tatweel, white space runs as one
    space. Two mentions spelled alike are the same word as the reader sees it."""
    return SPACES.sub(" ", MARKS.sub("", raw)).strip()


@dataclass(frozen=True)
class Mention:
    start: int  # raw code point offsets into the text
    end: int
    variant: bool = False  # spelled otherwise than the query


@dataclass(frozen=True)
class Query:
    """What a search looks for, made once for every text it is matched against."""

    spelled: str  # the query as written (see `written`)
    words: tuple[str, ...]  # normalised (for a family, its stem)
    pattern: re.Pattern[str]  # over normalised text
    contracted: re.Pattern[str] | None  # from the article's lam, for لل + stem
    prefix: bool = False  # longer words that begin so match too
    family: bool = False  # the article and suffixes around the stem match too

    @property
    def empty(self) -> bool:
        return not self.spelled


def compile_query(raw: str, prefix: bool = False, family: bool = False) -> Query:
    """The query `raw`; with `family`, its stem without article and suffix, so that
    أوكراني finds الأوكرانية and كتاب finds كتابهم."""
    wanted = normalised_text(written(raw))
    if family:
        wanted = family_stem(wanted)
    words = tuple(wanted.split())
    contracted = None
    if wanted.startswith(clitics.ARTICLE) and len(wanted) > len(clitics.ARTICLE) + 1:
        contracted = _pattern((words[0][1:], *words[1:]))  # لمنظمه: after a contracted ل
    return Query(written(raw), words, _pattern(words), contracted, prefix, family)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def family_stem(normalised: str) -> str:
    """A normalised query without its article and its last suffix, as long as the stem
    keeps three letters."""
    stem = normalised
    if stem.startswith(clitics.ARTICLE) and len(stem) - 2 >= MIN_FAMILY_STEM:
        stem = stem[2:]
    for suffix in sorted(FAMILY_SUFFIXES, key=len, reverse=True):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_FAMILY_STEM:
            return stem[: -len(suffix)]
    return stem


def find_mentions(
    text: str,
    query: str,
    prefix: bool = False,
    family: bool = False,
    words: Lexicon | None = None,
) -> list[Mention]:
    """Every mention of query in text, in order; `prefix` also takes longer words,
    `family` the words of the query's family."""
    return mentions_in(normalise(text), text, compile_query(query, prefix, family), words)


def mentions_in(
    normalised: Normalised, raw: str, query: Query, words: Lexicon | None = None
) -> list[Mention]:
    if query.empty:
        return []
    matcher = _Matcher(normalised, raw, query, words or Lexicon())
    found = {mention for mention in matcher.all() if mention is not None}
    return sorted(found, key=lambda mention: (mention.start, mention.end))


class _Matcher:
    def __init__(self, normalised: Normalised, raw: str, query: Query, words: Lexicon) -> None:
        self.normalised, self.text, self.raw = normalised, normalised.text, raw
        self.query, self.words = query, words

    def all(self) -> list[Mention | None]:
        found = [self._mention(m.start(), m.end(), False) for m in self._finditer(False)]
        if self.query.contracted is not None:
            found += [self._mention(m.start(), m.end(), True) for m in self._finditer(True)]
        return found

    def _finditer(self, contracted: bool) -> list[re.Match[str]]:
        pattern = self.query.contracted if contracted else self.query.pattern
        assert pattern is not None
        return list(pattern.finditer(self.text))

    def _mention(self, start: int, end: int, contracted: bool) -> Mention | None:
        word_start = _word_start(self.text, start)
        attached = self.text[word_start:start]
        if contracted and not (attached.endswith("ل") and clitics.is_stack(attached + "ل")):
            return None
        if self.query.family:
            start, end = self._family_bounds(word_start, start, end)
            if start < 0:
                return None
            attached = self.text[word_start:start]
        elif not self.query.prefix and not _word_ends(self.text, end):
            return None
        if attached and not self._accepted(word_start, start):
            return None
        return self._as_mention(start, end, contracted)

    def _family_bounds(self, word_start: int, start: int, end: int) -> tuple[int, int]:
        """The family member around a stem found at [start, end): from its article (if
        any) to the end of its word, or (-1, -1) when the word is not of the family."""
        attached = self.text[word_start:start]
        if attached and not clitics.is_stack(attached):
            return -1, -1
        if attached.endswith(clitics.ARTICLE):
            start -= 2
        elif attached.endswith(clitics.CONTRACTED):
            start -= 1
        word_end = _word_end(self.text, end)
        if not SUFFIX_CHAIN.match(self.text, end, word_end):
            return -1, -1
        return start, word_end

    def _accepted(self, word_start: int, start: int) -> bool:
        word_end = _word_end(self.text, start)
        raw_start, raw_end = (
            self.normalised.raw_start(word_start),
            self.normalised.raw_end(word_end),
        )
        spelled = MARKS.sub("", self.raw[raw_start:raw_end])
        return clitics.accepts(spelled, start - word_start, self.words)

    def _as_mention(self, start: int, end: int, contracted: bool) -> Mention:
        raw_start, raw_end = self.normalised.raw_start(start), self.normalised.raw_end(end)
        spelled = written(self.raw[raw_start:raw_end])
        if contracted:
            spelled = "ا" + spelled
        return Mention(raw_start, raw_end, spelled != self.query.spelled)


def _word_start(text: str, index: int) -> int:
    while index > 0 and is_word_char(text[index - 1]):
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and is_word_char(text[index]):
        index += 1
    return index


def _word_ends(text: str, end: int) -> bool:
    return end >= len(text) or not is_word_char(text[end])
