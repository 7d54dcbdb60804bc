"""The searchable text of a PDF page, drawn invisibly over the glyphs.

Qt's PDF writer maps a glyph back to text only when the font's character map points at
that glyph. Arabic letters joined to their neighbours use contextual glyphs that no
character maps to, so their text would be lost. The page therefore draws its visible
lines as outlines and, over each character, that character alone (its isolated form,
which the character map does name) with a fully transparent pen, squeezed to the width
of the glyph it stands for, in logical order. Viewers then select, copy and search the
real text.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextBlock, QTextLine

from gui.glyphs import Box, glyph_boxes
from gui.positions import Utf16Positions


def paint_text_layer(
    painter: QPainter,
    text: str,
    positions: Utf16Positions,
    block: QTextBlock,
    line: QTextLine,
    origin: QPointF,
) -> None:
    """Draw one laid-out line's characters invisibly where the line shows them."""
    boxes, baseline = glyph_boxes(line)
    if not boxes:
        return
    painter.save()
    painter.setPen(QColor(0, 0, 0, 0))
    metrics = QFontMetricsF(painter.font())
    for first, last, (left, width) in _clusters(boxes, line):
        start = positions.to_core(block.position() + first)
        end = positions.to_core(block.position() + last)
        units = _graphemes(text[start:end])
        for number, unit in enumerate(units):
            _draw_squeezed(
                painter,
                metrics,
                unit,
                QPointF(origin.x() + left + number * width / len(units), origin.y() + baseline),
                width / len(units),
            )
    painter.restore()


def _clusters(boxes: dict[int, Box], line: QTextLine) -> list[tuple[int, int, Box]]:
    """(first, last, box) in logical order: characters without a glyph of their own
    (the alef of lam-alef, a shadda) belong to the glyph before them."""
    starts = sorted(boxes)
    end = line.textStart() + line.textLength()
    return [
        (first, starts[n + 1] if n + 1 < len(starts) else end, boxes[first])
        for n, first in enumerate(starts)
    ]


def _graphemes(text: str) -> list[str]:
    """Letters with their marks (a mark drawn alone would gain a dotted circle). Spaces
    after the first character have no glyph of their own: the space that ends a wrapped
    line is not drawn."""
    units: list[str] = []
    for char in text:
        if units and unicodedata.combining(char):
            units[-1] += char
        elif not units or not char.isspace():
            units.append(char)
    return units


def _draw_squeezed(
    painter: QPainter, metrics: QFontMetricsF, unit: str, at: QPointF, width: float
) -> None:
    advance = metrics.horizontalAdvance(unit)
    painter.save()
    painter.translate(at)
    if advance > 0 and width > 0:
        painter.scale(width / advance, 1.0)
    painter.drawText(QPointF(0, 0), unit)
    painter.restore()
