"""The margin beside the text where quotes are marked: a bar along each line a passage
covers, and on its first line the name of its speaker."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from annotate.annotated_text import AnnotatedText
from annotate.model import Span
from gui.span_paint import PaintedLine, label_colour, painting, passage_text_colour

if TYPE_CHECKING:
    from gui.reader import ReaderView

BAR_WIDTH = 4
BAR_GAP = 2
PADDING = 6
NAME_GAP = 6
NAME_FONT_SCALE = 0.8
MAX_NAME_CHARS = 20  # room for names, in average character widths
NAME_SEPARATOR = "، "
NOTES_SEPARATOR = " · "  # between the notes of quotes that start on one line
LANES = 2  # bars side by side: a passage, and one nested in it
ROW_SPACING = 1.15  # a stacked note's row height, in its font's pixel size


@dataclass(frozen=True)
class Gutter:
    """Where the gutter is, in the coordinates of the painter that draws it."""

    left: float
    width: float
    right_to_left: bool
    name_width: float
    name_font: QFont

    def bar_rect(self, lane: int, top: float, height: float) -> QRectF:
        offset = PADDING + lane * (BAR_WIDTH + BAR_GAP)
        x = (
            self.left + offset
            if self.right_to_left
            else self.left + self.width - offset - BAR_WIDTH
        )
        return QRectF(x, top, BAR_WIDTH, height)

    def name_rect(self, top: float, height: float) -> QRectF:
        bars = PADDING + LANES * (BAR_WIDTH + BAR_GAP) + NAME_GAP
        x = (
            self.left + bars
            if self.right_to_left
            else self.left + self.width - bars - self.name_width
        )
        return QRectF(x, top, self.name_width, height)


def name_font(text_font: QFont) -> QFont:
    font = QFont(text_font)
    font.setPointSizeF(text_font.pointSizeF() * NAME_FONT_SCALE)
    return font


def speaker_note(annotated: AnnotatedText, passage: str) -> str:
    """What the gutter shows for a passage: its speakers' words in the text, in order."""
    return NAME_SEPARATOR.join(annotated.covered_text(s) for s in annotated.speakers(passage))


class NoteWidths:
    """How wide each passage's speaker note is, kept up to date as spans and relations
    change, so the gutter is sized without measuring every note on every paint. The room
    for names only grows while a document is shown (`at_least` carries it over to another
    layer of the same document): spans read in later must not make the text wrap anew."""

    def __init__(
        self, annotated: AnnotatedText | None, text_font: QFont, at_least: float = 0.0
    ) -> None:
        self._annotated = annotated
        self._metrics = QFontMetricsF(name_font(text_font))
        self._widths: dict[str, float] = {}
        self._widest = at_least
        if annotated is not None:
            self.update(span.uid for span in annotated.passages())

    def update(self, passages: Iterable[str]) -> None:
        annotated = self._annotated
        if annotated is None:
            return
        for uid in passages:
            if annotated.has_span(uid) and annotated.is_passage(annotated.span(uid)):
                note = speaker_note(annotated, uid)
                self._widths[uid] = self._metrics.horizontalAdvance(note) if note else 0.0
            else:
                self._widths.pop(uid, None)
        self._widest = max([self._widest, *self._widths.values()])

    @property
    def widest(self) -> float:
        return self._widest

    def gutter_width(self) -> tuple[float, float]:
        """(gutter width, room for names): bars for up to two nested passages, plus names."""
        if not self._widths and not self._widest:
            return 0.0, 0.0
        name_width = min(self._widest, self._metrics.averageCharWidth() * MAX_NAME_CHARS)
        bars = 2 * PADDING + LANES * (BAR_WIDTH + BAR_GAP)
        return bars + (NAME_GAP + name_width if name_width else 0.0), name_width


def paint_line(
    painter: QPainter, annotated: AnnotatedText, painted: PaintedLine, gutter: Gutter
) -> None:
    """Draw the gutter beside one laid-out line (the painter's y is the line's)."""
    start, end, top, height = painted.start, painted.end, painted.top, painted.line.height()
    # An empty line holds only its line break: a passage runs through it if it covers that.
    covered = annotated.overlapping(start, max(end, start + 1))
    passages = [span for span in covered if annotated.is_passage(span)]
    painter.save()
    for passage in passages:
        bar = gutter.bar_rect(_lane(annotated, passage), top, height)
        painter.fillRect(bar, label_colour(annotated, passage.label))
    notes = starting_notes(annotated, passages, start, end)
    if notes:
        painter.setPen(passage_text_colour(annotated, passages[0].label))
        _paint_notes(painter, gutter, top, height, notes)
    painter.restore()


def starting_notes(
    annotated: AnnotatedText, passages: list[Span], start: int, end: int
) -> list[str]:
    """The speakers of each passage that starts on a line [start, end), in order."""
    notes = (speaker_note(annotated, p.uid) for p in passages if start <= p.start < end)
    return [note for note in notes if note]


def line_notes(annotated: AnnotatedText, passages: list[Span], start: int, end: int) -> str:
    """The speakers of the passages that start on a line, as one row."""
    return NOTES_SEPARATOR.join(starting_notes(annotated, passages, start, end))


def note_rows(notes: list[str], metrics: QFontMetricsF, width: float) -> list[str]:
    """The notes beside one line: in one row where they fit together, else one note a
    row (stacked), so that no note cuts another off."""
    together = NOTES_SEPARATOR.join(notes)
    return [together] if metrics.horizontalAdvance(together) <= width else notes


def _lane(annotated: AnnotatedText, passage: Span) -> int:
    """0 for a passage in no other, 1 for one nested in another (and deeper ones)."""
    around = [
        span
        for span in annotated.at(passage.start)
        if annotated.is_passage(span)
        and span.uid != passage.uid
        and (span.start, -span.end, span.uid) < (passage.start, -passage.end, passage.uid)
    ]
    return min(len(around), LANES - 1)


def _paint_notes(
    painter: QPainter, gutter: Gutter, top: float, height: float, notes: list[str]
) -> None:
    rect = gutter.name_rect(top, height)
    font = QFont(gutter.name_font)
    rows = note_rows(notes, QFontMetricsF(font), rect.width())
    if len(rows) > 1:  # stacked rows share the line's height
        font.setPixelSize(max(1, math.floor(height / len(rows) / ROW_SPACING)))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    towards_bars = (
        Qt.AlignmentFlag.AlignLeft if gutter.right_to_left else Qt.AlignmentFlag.AlignRight
    )
    row_height = height / len(rows)
    for number, row in enumerate(rows):
        text = metrics.elidedText(row, Qt.TextElideMode.ElideRight, rect.width())
        row_rect = QRectF(rect.left(), top + number * row_height, rect.width(), row_height)
        painter.drawText(row_rect, towards_bars | Qt.AlignmentFlag.AlignVCenter, text)


class GutterWidget(QWidget):
    """The gutter beside a reader's text, painted for the lines in view."""

    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self._reader = reader

    def follow(self, rect: QRect, dy: int) -> None:
        """Follow the text's viewport: scroll with it, or repaint the rows it repaints."""
        if dy:
            self.scroll(0, dy)
        else:
            self.update(QRect(0, rect.y(), self.width(), rect.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        reader = self._reader
        if reader.annotated is None:
            return
        geometry = reader.gutter_geometry(0)
        rect = event.rect()
        with painting(self) as painter:
            for painted in reader.visible_lines(rect.top(), rect.bottom() + 1):
                paint_line(painter, reader.annotated, painted, geometry)
