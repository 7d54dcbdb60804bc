from __future__ import annotations

import pytest

from annotate.snapping import snap_to_words, word_at
from annotate.words import next_char, previous_char, strip_article

TEXT = "قال «وترامب» إنّ والتز، وبوتين وللمنظمة: نعم."


def span_of(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ("ال «وتر", "قال «وترامب"),  # partial words at both ends grow to whole words
        (" «وترامب» ", "وترامب"),  # spaces and guillemets dropped
        ("إنّ", "إنّ"),  # the shadda stays with its letter
        ("نّ والت", "إنّ والتز"),
        ("، ", None),  # nothing but punctuation
    ],
)
def test_a_selection_snaps_to_whole_words(selected: str, expected: str | None) -> None:
    snapped = snap_to_words(TEXT, *span_of(selected))
    assert (TEXT[snapped[0] : snapped[1]] if snapped else None) == expected


NUMBERS = "سيرسل 3.5 مليار دولار، أي ١٥٫٥ مليونًا و1,000 طن، وفي 2026 م."


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ("3.", "3.5"),  # a selection ending inside a number keeps all of it
        (".5 مليار", "3.5 مليار"),
        ("١٥٫", "١٥٫٥"),
        ("٫٥ مليون", "١٥٫٥ مليونًا"),  # and the tanween stays with its word
        (",00", "و1,000"),  # the conjunction is inside its token, as the exports have it
        ("2026 م.", "2026 م"),  # a full stop after a word is no separator inside a number
    ],
)
def test_snapping_never_splits_a_number(selected: str, expected: str) -> None:
    start = NUMBERS.index(selected)
    snapped = snap_to_words(NUMBERS, start, start + len(selected))
    assert snapped is not None
    assert NUMBERS[snapped[0] : snapped[1]] == expected


def test_snapping_follows_the_tokens_of_a_document_made_from_tokens() -> None:
    text = "وقال عمرو-بن-العاص : نعم"
    meta = {"tokenisation": "space-separated"}
    start = text.index("بن")
    assert snap_to_words(text, start, start + 2, meta) == (5, 18)  # one token "عمرو-بن-العاص"
    assert snap_to_words(text, start, start + 2) == (start, start + 2)  # by rule: three


@pytest.mark.parametrize(
    ("clicked", "expected"),
    [
        ("5 م", "3.5"),  # on the 5 of 3.5
        ("١٥", "١٥٫٥"),
        ("ًا", "مليونًا"),  # on a mark: its word
        (" ", None),  # a space holds no word
        ("، أي", None),  # nor a comma
    ],
)
def test_the_word_at_a_character_is_its_token(clicked: str, expected: str | None) -> None:
    found = word_at(NUMBERS, NUMBERS.index(clicked))
    assert (NUMBERS[found[0] : found[1]] if found else None) == expected


@pytest.mark.parametrize(
    ("word", "left"),
    [
        ("للمنظمة", "منظمة"),  # ل with its elided ال
        ("المنظمة", "منظمة"),
        ("الْمنظمة", "منظمة"),  # the article's sukun goes with it
        ("لِلْمنظمة", "منظمة"),
        ("إنّ", None),  # no article
        ("ال", None),  # nothing would be left
    ],
)
def test_strip_article_takes_the_article_off(word: str, left: str | None) -> None:
    text = f"قال {word} أمس"
    start = text.index(word)
    new_start = strip_article(text, start, start + len(word))
    assert (text[new_start : start + len(word)] if new_start is not None else None) == left


@pytest.mark.parametrize(
    "text",
    ["👍🏽x", "❤️x", "🇲🇦x", "👨‍👩‍👧x", "مّx", "ﻻx"],
)
def test_one_character_as_a_reader_sees_it_is_never_split(text: str) -> None:
    end = len(text) - 1
    assert next_char(text, 0) == end
    assert previous_char(text, end) == 0
    assert next_char(text, end) == len(text)
    assert previous_char(text, 0) == 0
