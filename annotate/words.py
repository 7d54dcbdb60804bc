"""Where words begin and end in Arabic (and other) text, for exact span boundaries.

A word is a run of letters, marks (harakat) and digits; tatweel is a letter here (Lm).
A boundary never falls inside a character as a reader sees it: a letter and its marks,
an emoji with its skin tone, variation selector or ZWJ partners, a flag's two letters.
"""

from __future__ import annotations

import unicodedata

ARTICLE = "ال"
MIN_STEM = 2  # letters a word keeps after its article is taken off
ZWJ = "\u200d"
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)


def is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def strip_article(text: str, start: int, end: int) -> int | None:
    """The new start after taking the article ال (or لل, ل with its elided ال) off the
    front of [start, end), with the marks it carries; None when there is none to take or
    too little of the word is left."""
    for prefix in ("لل", ARTICLE):
        stem = _after_letters(text, start, end, prefix)
        if stem is not None and _letters(text[stem:end]) >= MIN_STEM:
            return stem
    return None


def _after_letters(text: str, start: int, end: int, letters: str) -> int | None:
    """Where the text after `letters` (each with any marks) begins, if [start, end) opens
    with them."""
    offset = start
    for letter in letters:
        if offset >= end or text[offset] != letter:
            return None
        offset = next_char(text, offset)
    return offset if offset < end and is_word_char(text[offset]) else None


def _letters(text: str) -> int:
    return sum(is_word_char(char) and not unicodedata.combining(char) for char in text)


def next_char(text: str, offset: int) -> int:
    """The offset after the character at offset, as a reader sees it."""
    offset = min(offset + 1, len(text))
    while offset < len(text) and _continues(text, offset):
        offset += 1
    return offset


def previous_char(text: str, offset: int) -> int:
    """The offset of the character (as a reader sees it) before offset."""
    offset = max(offset - 1, 0)
    while offset > 0 and _continues(text, offset):
        offset -= 1
    return offset


def _continues(text: str, offset: int) -> bool:
    """Whether the code point at offset belongs to the character before it."""
    char, before = text[offset], text[offset - 1]
    if unicodedata.category(char) in ("Mn", "Me", "Mc", "Sk") and ord(char) > 0x2FF:
        return True  # marks, and emoji modifiers such as skin tones
    if "\ufe00" <= char <= "\ufe0f" or char == ZWJ or before == ZWJ:
        return True
    return ord(char) in REGIONAL_INDICATORS and _odd_indicators_before(text, offset)


def _odd_indicators_before(text: str, offset: int) -> bool:
    count = 0
    while offset - count - 1 >= 0 and ord(text[offset - count - 1]) in REGIONAL_INDICATORS:
        count += 1
    return count % 2 == 1


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
