"""Where words begin and end in Arabic (and other) text, for exact span boundaries.

A word is a run of letters, marks (harakat) and digits; tatweel is a letter here (Lm).
A boundary never falls between a letter and its marks.
"""

from __future__ import annotations

import unicodedata

PROCLITICS = "وفبلك"  # letters that attach to the next word
ARTICLE = "ال"
MIN_STEM = 2  # letters a word keeps after a proclitic is taken off


def is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen [start, end) to whole words, then drop spaces and punctuation at both ends;
    None when nothing but spaces and punctuation was selected."""
    while 0 < start < len(text) and is_word_char(text[start - 1]) and is_word_char(text[start]):
        start -= 1
    while 0 < end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
        end += 1
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def strip_proclitic(text: str, start: int, end: int, article: bool = False) -> int | None:
    """The new start after taking one attached proclitic (و ف ب ل ك), or with `article`
    the article ال (or لل, ل with its elided ال), off the front of [start, end); None when
    there is none to take or too little of the word would be left."""
    covered = text[start:end]
    prefix = ""
    if article:
        prefix = next((p for p in ("لل", ARTICLE) if covered.startswith(p)), "")
    elif covered and covered[0] in PROCLITICS:
        prefix = covered[0]
    if not prefix:
        return None
    stem = covered[len(prefix) :]
    if sum(is_word_char(c) and not unicodedata.combining(c) for c in stem) < MIN_STEM:
        return None
    if not is_word_char(stem[0]) or unicodedata.combining(stem[0]):
        return None  # the proclitic is not attached, or carries a mark of its own
    return start + len(prefix)


def next_char(text: str, offset: int) -> int:
    """The offset after the character at offset and its marks."""
    offset = min(offset + 1, len(text))
    while offset < len(text) and unicodedata.combining(text[offset]):
        offset += 1
    return offset


def previous_char(text: str, offset: int) -> int:
    """The offset of the character before offset (with its marks)."""
    offset = max(offset - 1, 0)
    while offset > 0 and unicodedata.combining(text[offset]):
        offset -= 1
    return offset


def next_word_end(text: str, offset: int) -> int:
    """The end of the next word that ends after offset."""
    while offset < len(text) and not is_word_char(text[offset]):
        offset += 1
    while offset < len(text) and is_word_char(text[offset]):
        offset += 1
    return offset


def previous_word_start(text: str, offset: int) -> int:
    """The start of the nearest word that starts before offset."""
    while offset > 0 and not is_word_char(text[offset - 1]):
        offset -= 1
    while offset > 0 and is_word_char(text[offset - 1]):
        offset -= 1
    return offset


def next_word_start(text: str, offset: int) -> int:
    """The start of the first word after the one at offset."""
    while offset < len(text) and is_word_char(text[offset]):
        offset += 1
    while offset < len(text) and not is_word_char(text[offset]):
        offset += 1
    return offset


def previous_word_end(text: str, offset: int) -> int:
    """The end of the last word before the one that ends at offset."""
    while offset > 0 and is_word_char(text[offset - 1]):
        offset -= 1
    while offset > 0 and not is_word_char(text[offset - 1]):
        offset -= 1
    return offset
