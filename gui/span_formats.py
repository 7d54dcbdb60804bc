"""How spans look: the character formats of one paragraph, computed when it comes into view.

- An entity span has its label's colour as background. Where entities nest or cross, the
  shorter one is drawn on top, a shade darker for each entity under it, and the one it
  covers is underlined in its own colour there.
- A passage span (a quote) keeps the page's background: its text takes a dark shade of the
  label's colour, and the reader draws a bar beside its lines with its speaker's name.
- The selected span gets a deeper shade of its colour.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextLayout

from annotate.annotated_text import AnnotatedText
from annotate.model import Span
from annotate.schema import DEFAULT_COLOUR
from gui.positions import Utf16Positions

PASSAGE_TEXT_DARKNESS = 300  # QColor.darker factor for the text of a passage
SELECTED_DARKNESS = 150
NESTED_DARKNESS_STEP = 12  # percent darker for each entity lying under another
COVERED_UNDERLINE_DARKNESS = 160
FOUND_COLOUR = "#d62828"  # a wavy underline under every mention a find shows
CURRENT_FOUND_BACKGROUND = "#ffe066"


def label_colour(annotated: AnnotatedText, label: str) -> QColor:
    definition = annotated.labels.get(label)
    return QColor(definition.colour if definition else DEFAULT_COLOUR)


def passage_text_colour(annotated: AnnotatedText, label: str) -> QColor:
    return label_colour(annotated, label).darker(PASSAGE_TEXT_DARKNESS)


def block_formats(
    annotated: AnnotatedText,
    positions: Utf16Positions,
    block_start: int,
    block_end: int,
    selected: str | None = None,
    found: Found | None = None,
) -> list[QTextLayout.FormatRange]:
    """Formats for the paragraph at code point offsets [block_start, block_end)."""
    spans = annotated.overlapping(block_start, block_end)
    passages = [span for span in spans if annotated.is_passage(span)]
    entities = sorted(
        (span for span in spans if not annotated.is_passage(span)),
        key=lambda s: (-(s.end - s.start), s.start, s.label, s.uid),
    )
    ranges = _Ranges(positions, block_start, block_end)
    for span in passages:
        ranges.add(span.start, span.end, _text_colour(passage_text_colour(annotated, span.label)))
    covered = list(_covered_parts(entities))
    depth = Counter(above.uid for _, above, _, _ in covered)
    for span in entities:
        shade = 100 + NESTED_DARKNESS_STEP * depth[span.uid]
        ranges.add(
            span.start, span.end, _background(label_colour(annotated, span.label).darker(shade))
        )
    for below, _, start, end in covered:
        colour = label_colour(annotated, below.label).darker(COVERED_UNDERLINE_DARKNESS)
        ranges.add(start, end, _underline(colour))
    if selected is not None and annotated.has_span(selected):
        span = annotated.span(selected)
        colour = label_colour(annotated, span.label)
        if not annotated.is_passage(span):
            colour = colour.darker(SELECTED_DARKNESS)
        ranges.add(span.start, span.end, _background(colour))
    if found is not None:
        for number, (start, end) in found.within(block_start, block_end):
            ranges.add(start, end, _found(current=number == found.current))
    return ranges.formats


class Found:
    """The mentions a find shows in the reader, one of them current."""

    def __init__(self, stretches: list[tuple[int, int]], current: int = 0) -> None:
        self.stretches = stretches
        self.current = current

    def within(self, start: int, end: int) -> list[tuple[int, tuple[int, int]]]:
        """(number, stretch) of the mentions that reach into [start, end)."""
        number = max(bisect.bisect_left(self.stretches, (start, start)) - 1, 0)
        inside = []
        while number < len(self.stretches) and self.stretches[number][0] < end:
            if self.stretches[number][1] > start:
                inside.append((number, self.stretches[number]))
            number += 1
        return inside


class _Ranges:
    """Format ranges relative to one paragraph, clipped to it, in Qt positions."""

    def __init__(self, positions: Utf16Positions, block_start: int, block_end: int) -> None:
        self._positions = positions
        self._start = block_start
        self._end = block_end
        self._qt_start = positions.to_qt(block_start)
        self.formats: list[QTextLayout.FormatRange] = []

    def add(self, start: int, end: int, char_format: QTextCharFormat) -> None:
        start, end = max(start, self._start), min(end, self._end)
        if start >= end:
            return
        qt_start = self._positions.to_qt(start)
        format_range = QTextLayout.FormatRange()
        format_range.start = qt_start - self._qt_start
        format_range.length = self._positions.to_qt(end) - qt_start
        format_range.format = char_format
        self.formats.append(format_range)


def _covered_parts(entities: list[Span]) -> Iterable[tuple[Span, Span, int, int]]:
    """(below, above, start, end) for each stretch where one entity lies on another."""
    drawn_at = {span.uid: rank for rank, span in enumerate(entities)}
    open_spans: list[Span] = []
    for span in sorted(entities, key=lambda s: s.start):
        open_spans = [other for other in open_spans if other.end > span.start]
        for other in open_spans:
            below, above = sorted((other, span), key=lambda s: drawn_at[s.uid])
            yield below, above, span.start, min(other.end, span.end)
        open_spans.append(span)


def _background(colour: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(colour)
    return char_format


def _text_colour(colour: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(colour)
    return char_format


def _found(current: bool) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    char_format.setUnderlineColor(QColor(FOUND_COLOUR))
    if current:
        char_format.setBackground(QColor(CURRENT_FOUND_BACKGROUND))
    return char_format


def _underline(colour: QColor) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    char_format.setUnderlineColor(colour)
    return char_format
