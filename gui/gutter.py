"""The margin beside the text where quotes are marked: a bar along each line a passage
covers, and on its first line the name of its speaker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextBlock, QTextLine

from annotate.annotated_text import AnnotatedText
from gui.positions import Utf16Positions
from gui.span_formats import label_colour, passage_text_colour

BAR_WIDTH = 4
BAR_GAP = 2
PADDING = 6
NAME_GAP = 6
NAME_FONT_SCALE = 0.8
MAX_NAME_EMS = 10
NAME_SEPARATOR = "، "


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

    def name_rect(self, lanes: int, top: float, height: float) -> QRectF:
        bars = PADDING + lanes * (BAR_WIDTH + BAR_GAP) + NAME_GAP
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
    change, so the gutter is sized without measuring every note on every paint."""

    def __init__(self, annotated: AnnotatedText | None, text_font: QFont) -> None:
        self._annotated = annotated
        self._metrics = QFontMetricsF(name_font(text_font))
        self._widths: dict[str, float] = {}
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

    def gutter_width(self) -> tuple[float, float]:
        """(gutter width, room for names): bars for up to two nested passages, plus names."""
        if not self._widths:
            return 0.0, 0.0
        widest = max(self._widths.values())
        name_width = min(widest, self._metrics.averageCharWidth() * MAX_NAME_EMS * 2)
        bars = 2 * PADDING + 2 * BAR_WIDTH + BAR_GAP
        return bars + (NAME_GAP + name_width if name_width else 0.0), name_width


def paint_line(
    painter: QPainter,
    annotated: AnnotatedText,
    positions: Utf16Positions,
    block: QTextBlock,
    line: QTextLine,
    top: float,
    gutter: Gutter,
) -> None:
    """Draw the gutter beside one laid-out line whose top is at `top`."""
    line_start = block.position() + line.textStart()
    start = positions.to_core(line_start)
    end = positions.to_core(line_start + line.textLength())
    passages = [s for s in annotated.overlapping(start, end) if annotated.is_passage(s)]
    painter.save()
    for lane, passage in enumerate(passages):
        painter.fillRect(
            gutter.bar_rect(lane, top, line.height()), label_colour(annotated, passage.label)
        )
    for passage in passages:
        note = speaker_note(annotated, passage.uid)
        if note and start <= passage.start < end:
            painter.setPen(passage_text_colour(annotated, passage.label))
            _paint_note(painter, gutter, len(passages), top, line.height(), note)
    painter.restore()


def _paint_note(
    painter: QPainter, gutter: Gutter, lanes: int, top: float, height: float, note: str
) -> None:
    rect = gutter.name_rect(lanes, top, height)
    painter.setFont(gutter.name_font)
    text = QFontMetricsF(gutter.name_font).elidedText(
        note, Qt.TextElideMode.ElideRight, rect.width()
    )
    towards_bars = (
        Qt.AlignmentFlag.AlignLeft if gutter.right_to_left else Qt.AlignmentFlag.AlignRight
    )
    painter.drawText(rect, towards_bars | Qt.AlignmentFlag.AlignVCenter, text)
