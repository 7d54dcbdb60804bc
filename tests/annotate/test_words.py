from __future__ import annotations

import pytest

from annotate.words import next_char, previous_char, snap_to_words, strip_proclitic

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


@pytest.mark.parametrize(
    ("word", "article", "left"),
    [
        ("وترامب", False, "ترامب"),
        ("وبوتين", False, "بوتين"),  # one letter at a time: و, then ب would need asking again
        ("وللمنظمة", False, "للمنظمة"),
        ("للمنظمة", True, "منظمة"),  # ل with its elided ال
        ("المنظمة", True, "منظمة"),
        ("إنّ", False, None),  # does not start with a proclitic
        ("ول", False, None),  # too little would be left
        ("وَترامب", False, "ترامب"),  # the conjunction's vowel goes with it
        ("فَقالت", False, "قالت"),
        ("الْمنظمة", True, "منظمة"),
        ("لِلْمنظمة", True, "منظمة"),
    ],
)
def test_strip_proclitic_takes_one_attached_letter_when_asked(
    word: str, article: bool, left: str | None
) -> None:
    text = f"قال {word} أمس"
    start = text.index(word)
    new_start = strip_proclitic(text, start, start + len(word), article)
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
