"""How spans look, painted over and under the laid-out lines of the bare text.

The text layout is never given character formats: a format boundary splits HarfBuzz's
shaping run (a span edge between lam and alef breaks the لا ligature) and makes Qt lay
the whole paragraph out again. So each visible line's glyph boxes are taken from Qt, and
the marks are drawn around the glyphs:

- An entity span has its label's colour under its glyphs. Where entities nest or cross,
  the shorter one is drawn on top, a shade darker for each entity under it, and the one it
  covers is underlined in its own colour there.
- A passage span (a quote) keeps the page's background: its glyphs are drawn again in a
  dark shade of the label's colour, and the reader draws a bar beside its lines with its
  speaker's name.
- The selected span gets a deeper shade of its colour; a find's mentions a wavy red
  underline, the current one a yellow background.
- Where everyone's spans are shown, each span is also underlined in its annotator's
  colour, in that annotator's own row (lane) at the foot of the line: whose each span is
  shows even where several annotators marked the same words.
"""

from __future__ import annotations

import bisect
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QGlyphRun,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextBlock,
    QTextLine,
)

from annotate.annotated_text import AnnotatedText
from annotate.model import Span
from annotate.schema import DEFAULT_COLOUR
from gui.glyphs import Piece, line_pieces
from gui.positions import Utf16Positions

PASSAGE_TEXT_DARKNESS = 300  # QColor.darker factor for the text of a passage
SELECTED_DARKNESS = 150
NESTED_DARKNESS_STEP = 12  # percent darker for each entity lying under another
COVERED_UNDERLINE_DARKNESS = 160
FOUND_COLOUR = "#d62828"  # a wavy underline under every mention a find shows
CURRENT_FOUND_BACKGROUND = "#ffe066"
UNDERLINE_WIDTH = 2.0
WAVE_LENGTH = 6.0
ANNOTATOR_LINE = 2.0  # height of an annotator's underline
ANNOTATOR_LANE = 3.0  # from one annotator's underline to the next one's, upwards
SWATCH = "\u25ac"  # a black rectangle: an annotator's colour where their name is written


def label_colour(annotated: AnnotatedText, label: str) -> QColor:
    definition = annotated.labels.get(label)
    return QColor(definition.colour if definition else DEFAULT_COLOUR)


def passage_text_colour(annotated: AnnotatedText, label: str) -> QColor:
    return label_colour(annotated, label).darker(PASSAGE_TEXT_DARKNESS)


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


@dataclass(frozen=True)
class AnnotatorMark:
    """How an annotator's spans are told apart from the others': an underline in their
    colour, in their lane (0 at the foot of the line)."""

    colour: QColor
    lane: int


@dataclass
class Marks:
    """What a view marks besides the spans: the selected span, a find's mentions, and
    (everyone's spans shown) whose each span is."""

    selected: str | None = None
    found: Found | None = None
    annotators: dict[str, AnnotatorMark] | None = None


class PaintedLine:
    """One laid-out line where it is drawn, with the boxes of its glyphs in visual order."""

    def __init__(
        self,
        positions: Utf16Positions,
        block: QTextBlock,
        line: QTextLine,
        origin: QPointF,
        visual: Callable[[], Sequence[Piece]] | None = None,
        runs: Callable[[], list[QGlyphRun]] | None = None,
    ) -> None:
        self.line = line
        self.origin = origin  # where the line's layout is drawn (its paragraph's origin)
        self.positions = positions
        self.block_position = block.position()
        first = block.position() + line.textStart()
        self.start = positions.to_core(first)
        self.end = positions.to_core(first + line.textLength())
        self._find_visual = visual or (lambda: line_pieces(line))
        self.glyph_runs = runs or line.glyphRuns  # what draws the line's glyphs
        self._visual: Sequence[Piece] | None = None  # found when first needed
        self._order: _Order | None = None

    @property
    def top(self) -> float:
        return self.origin.y() + self.line.y()

    def pieces(self) -> Sequence[Piece]:
        """The line's glyph pieces, left to right (see gui/glyphs.py)."""
        if self._visual is None:
            self._visual = self._find_visual()
            self._order = _reading_order(self._visual)
        return self._visual

    def rects(self, start: int, end: int) -> list[QRectF]:
        """The rectangles (full line height) of the glyphs of [start, end) on this line:
        one for each run of them that lies side by side, gaps between them included."""
        low = self.positions.to_qt(max(start, self.start)) - self.block_position
        high = self.positions.to_qt(min(end, self.end)) - self.block_position
        visual = self.pieces()
        if self._order is not None:
            return self._side_by_side(low, high, self._order)
        rects: list[QRectF] = []
        left: float | None = None
        right = 0.0
        for index, glyph_left, glyph_right, _ in visual:
            if low <= index < high:
                left = glyph_left if left is None else left
                right = glyph_right
            elif left is not None:
                rects.append(self._rect(left, right))
                left = None
        if left is not None:
            rects.append(self._rect(left, right))
        return rects

    def _side_by_side(self, low: int, high: int, order: _Order) -> list[QRectF]:
        """rects() on a line whose glyphs run in one reading order: the glyphs of
        [low, high) lie side by side, found by bisection."""
        keys, sign = order
        if sign > 0:
            first, last = bisect.bisect_left(keys, low), bisect.bisect_left(keys, high)
        else:
            first, last = bisect.bisect_right(keys, -high), bisect.bisect_right(keys, -low)
        if first >= last:
            return []
        assert self._visual is not None
        return [self._rect(self._visual[first][1], self._visual[last - 1][2])]

    def _rect(self, left: float, right: float) -> QRectF:
        return QRectF(self.origin.x() + left, self.top, right - left, self.line.height())


_Order = tuple[list[int], int]  # string indexes (negated when descending), 1 or -1


def _reading_order(pieces: Sequence[Piece]) -> _Order | None:
    """The pieces' string indexes as a sorted key, when they run in one order along the
    line (every glyph of a one-direction line); None on a line of mixed direction."""
    indexes = [piece[0] for piece in pieces]
    if indexes == sorted(indexes):
        return indexes, 1
    negated = [-index for index in indexes]
    if negated == sorted(negated):
        return negated, -1
    return None


class LineGlyphs:
    """The glyphs of recently painted lines, so a repaint does not ask Qt for them again.
    A line is known by where it is and what it holds; laid out anew (another width,
    font or direction), it is another line. Keys and pieces are tuples of numbers, which
    leave the cyclic collector's sight after its first collection: 2,000 kept lists made
    every full collection (one in about 25 page scrolls) walk 200,000 pieces, 1-5 ms."""

    SIZE = 2_000  # lines

    def __init__(self) -> None:
        self._lines: OrderedDict[tuple[object, ...], Sequence[Piece]] = OrderedDict()

    def of(self, block: QTextBlock, number: int, line: QTextLine) -> Sequence[Piece]:
        key = (
            block.blockNumber(),
            number,
            line.textStart(),
            line.textLength(),
            line.width(),
            line.naturalTextWidth(),
            line.x(),
            line.y(),
            block.layout().textOption().textDirection().value,
        )
        known = self._lines.get(key)
        if known is None:
            known = self._lines[key] = tuple(line_pieces(line))
            if len(self._lines) > self.SIZE:
                self._lines.popitem(last=False)
        else:
            self._lines.move_to_end(key)
        return known

    def clear(self) -> None:
        self._lines.clear()


@contextmanager
def painting(device: QPaintDevice) -> Iterator[QPainter]:
    """A painter on device, ended however the painting ends."""
    painter = QPainter(device)
    try:
        yield painter
    finally:
        painter.end()


def paint_under(
    painter: QPainter, annotated: AnnotatedText, painted: PaintedLine, marks: Marks
) -> int:
    """The backgrounds under a line's text: entities, the selected span, the current
    mention of a find. Returns how many entity pieces it painted."""
    spans = annotated.overlapping(painted.start, max(painted.end, painted.start + 1))
    entities = _drawing_order(annotated, spans)
    depth = Counter(above.uid for _, above, _, _ in _covered_parts(entities))
    pieces = 0
    for span in entities:
        shade = 100 + NESTED_DARKNESS_STEP * depth[span.uid]
        colour = label_colour(annotated, span.label)
        pieces += _fill(painter, painted, span.start, span.end, colour, shade)
    if marks.selected is not None and annotated.has_span(marks.selected):
        span = annotated.span(marks.selected)
        shade = 100 if annotated.is_passage(span) else SELECTED_DARKNESS
        _fill(painter, painted, span.start, span.end, label_colour(annotated, span.label), shade)
    if marks.found is not None:
        for number, (start, end) in marks.found.within(painted.start, painted.end):
            if number == marks.found.current:
                _fill(painter, painted, start, end, QColor(CURRENT_FOUND_BACKGROUND))
    return pieces


def paint_over(
    painter: QPainter, annotated: AnnotatedText, painted: PaintedLine, marks: Marks
) -> int:
    """What goes on a line's text: passages' glyphs in their colour, the underline of an
    entity where another lies on it, a find's wavy underlines. Returns how many passage
    pieces it painted."""
    spans = annotated.overlapping(painted.start, max(painted.end, painted.start + 1))
    passages: dict[str, list[QRectF]] = {}  # colour name: pieces
    for span in spans:
        if annotated.is_passage(span) and span.uid != marks.selected:
            name = passage_text_colour(annotated, span.label).name()
            passages.setdefault(name, []).extend(painted.rects(span.start, span.end))
    for name, pieces in passages.items():
        _redraw_glyphs(painter, painted, pieces, QColor(name))
    for below, _, start, end in _covered_parts(_drawing_order(annotated, spans)):
        colour = label_colour(annotated, below.label).darker(COVERED_UNDERLINE_DARKNESS)
        for piece in painted.rects(start, end):
            _underline(painter, piece, colour)
    if marks.annotators:
        _annotator_lines(painter, painted, spans, marks.annotators)
    if marks.found is not None:
        for _, (start, end) in marks.found.within(painted.start, painted.end):
            for piece in painted.rects(start, end):
                _wave(painter, piece, QColor(FOUND_COLOUR))
    return sum(len(pieces) for pieces in passages.values())


def paint_text(
    painter: QPainter, painted: PaintedLine, selection: tuple[int, int] | None, palette: QPalette
) -> None:
    """The line's own glyphs, on the selection's background where it is selected."""
    if selection is not None:
        _fill(painter, painted, *selection, palette.highlight().color())
    painter.setPen(palette.text().color())
    painted.line.draw(painter, painted.origin)


def paint_selected_text(
    painter: QPainter, painted: PaintedLine, selection: tuple[int, int], palette: QPalette
) -> None:
    """The selected glyphs again in the selection's text colour, over every other mark."""
    pieces = painted.rects(*selection)
    _redraw_glyphs(painter, painted, pieces, palette.highlightedText().color())


def _drawing_order(annotated: AnnotatedText, spans: Iterable[Span]) -> list[Span]:
    """Entities, longest (drawn first, underneath) to shortest."""
    return sorted(
        (span for span in spans if not annotated.is_passage(span)),
        key=lambda s: (-(s.end - s.start), s.start, s.label, s.uid),
    )


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


def _fill(
    painter: QPainter, painted: PaintedLine, start: int, end: int, colour: QColor, shade: int = 100
) -> int:
    colour = colour.darker(shade)
    pieces = painted.rects(start, end)
    for piece in pieces:
        painter.fillRect(piece, colour)
    return len(pieces)


def _redraw_glyphs(
    painter: QPainter, painted: PaintedLine, pieces: list[QRectF], colour: QColor
) -> None:
    """Draw the line's own glyphs again inside pieces, in another colour: the same glyphs
    at the same places, so the text's shape cannot change."""
    if not pieces:
        return
    clip = QPainterPath()
    for piece in pieces:
        clip.addRect(piece)
    painter.save()
    painter.setClipPath(clip)
    painter.setPen(colour)
    for run in painted.glyph_runs():
        painter.drawGlyphRun(painted.origin, run)
    painter.restore()


def _underline(painter: QPainter, piece: QRectF, colour: QColor) -> None:
    y = piece.bottom() - UNDERLINE_WIDTH
    painter.fillRect(QRectF(piece.left(), y, piece.width(), UNDERLINE_WIDTH), colour)


def _annotator_lines(
    painter: QPainter,
    painted: PaintedLine,
    spans: list[Span],
    annotators: dict[str, AnnotatorMark],
) -> None:
    """Each span's underline in its annotator's colour and lane, a pixel in from its ends
    so that two spans side by side stay two."""
    for span in spans:
        mark = annotators.get(span.annotator)
        if mark is None:
            continue
        for piece in painted.rects(span.start, span.end):
            y = piece.bottom() - ANNOTATOR_LINE - mark.lane * ANNOTATOR_LANE
            width = max(piece.width() - 2, 1.0)
            painter.fillRect(QRectF(piece.left() + 1, y, width, ANNOTATOR_LINE), mark.colour)


def _wave(painter: QPainter, piece: QRectF, colour: QColor) -> None:
    path = QPainterPath()
    y = piece.bottom() - UNDERLINE_WIDTH * 2
    x = piece.left()
    path.moveTo(x, y)
    up = True
    while x < piece.right():
        x = min(x + WAVE_LENGTH / 2, piece.right())
        path.lineTo(x, y - UNDERLINE_WIDTH if up else y + UNDERLINE_WIDTH)
        up = not up
    painter.save()
    painter.setPen(QPen(colour, 1.2))
    painter.drawPath(path)
    painter.restore()
