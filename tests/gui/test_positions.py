"""Core offsets (code points) and Qt positions (UTF-16 units), with emoji in the way."""

from __future__ import annotations

import pytest

from gui.positions import Utf16Positions

LONG = "قال الوزير إن الخطة جاهزة للتنفيذ خلال العام المقبل. " * 3
TEXTS = [
    "",
    "سلام",
    "😀",
    "😀🌍 ليلى 👋 الخطيب",
    "a😀b😀😀c",
    "نص 🚀",
    LONG,
    LONG + "🚀",  # long texts are told apart by their size: one emoji at the very end
    "🚀" + "x" * 200,
]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", TEXTS)
def test_every_offset_converts_both_ways(text: str) -> None:
    positions = Utf16Positions(text)
    assert positions.qt_length == utf16_length(text)
    for offset in range(len(text) + 1):
        qt = positions.to_qt(offset)
        assert qt == utf16_length(text[:offset])
        assert positions.to_core(qt) == offset


def test_a_position_inside_a_surrogate_pair_belongs_to_its_character() -> None:
    positions = Utf16Positions("ab😀c")
    assert positions.to_core(3) == 2  # between the two halves of 😀
    assert positions.to_core(4) == 3


def test_span_after_and_around_emoji() -> None:
    text = "😀🌍 ليلى 👋 الخطيب"
    start, end = text.index("ليلى"), len(text)
    positions = Utf16Positions(text)
    assert (positions.to_qt(start), positions.to_qt(end)) == (start + 2, end + 3)


@pytest.mark.parametrize(("offset", "qt"), [(-1, None), (5, None), (None, 7)])
def test_out_of_range_is_refused(offset: int | None, qt: int | None) -> None:
    positions = Utf16Positions("ab😀c")  # 4 code points, 5 units
    with pytest.raises(ValueError):
        if offset is not None:
            positions.to_qt(offset)
        else:
            positions.to_core(qt or 0)
