"""Where Qt's text layout puts characters, for tests that check pixels and order."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QTextBlock, QTextLayout

from gui.reader import ReaderView

FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
)


def glyph_boxes(reader: ReaderView, start: int, end: int) -> list[QRectF]:
    """Viewport rectangles of the glyphs Qt draws for code points [start, end)."""
    qt_start, qt_end = reader.positions.to_qt(start), reader.positions.to_qt(end)
    block = reader.document().findBlock(qt_start)
    origin = reader.blockBoundingGeometry(block).translated(reader.contentOffset()).topLeft()
    layout = block.layout()
    boxes = []
    for run in layout.glyphRuns(qt_start - block.position(), qt_end - qt_start, FLAGS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        line = layout.lineForTextPosition(run.stringIndexes()[0])
        for position, advance in zip(run.positions(), advances, strict=True):
            if advance.x() > 0:
                boxes.append(
                    QRectF(
                        origin.x() + position.x(),
                        origin.y() + line.y(),
                        advance.x(),
                        line.height(),
                    )
                )
    return boxes


def colours_in(image: QImage, box: QRectF, inset: int = 1) -> list[str]:
    """Names (#rrggbb) of the pixels inside a box, a pixel in from its edges (unless the
    box is too narrow for that)."""
    rect = box.toAlignedRect()
    if rect.width() > 2 * inset:
        rect = rect.adjusted(inset, inset, -inset, -inset)
    return [
        QColor(image.pixel(x, y)).name()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]


def visual_order(block: QTextBlock, text: str) -> str:
    """The block's first line as Qt shows it, left to right: its characters sorted by the
    x of the glyph they belong to. Characters that share a glyph (lam-alef, a letter and
    its mark) stay together, in display order for the direction of their run."""
    layout = block.layout()
    line = layout.lineAt(0)
    clusters: dict[int, tuple[float, bool]] = {}
    for run in line.glyphRuns(-1, -1, FLAGS):
        for index, position in zip(run.stringIndexes(), run.positions(), strict=True):
            x = position.x()
            if index not in clusters or x < clusters[index][0]:
                clusters[index] = (x, run.isRightToLeft())
    starts = sorted(clusters)
    end = line.textStart() + line.textLength()
    pieces = []
    for number, first in enumerate(starts):
        last = starts[number + 1] if number + 1 < len(starts) else end
        x, right_to_left = clusters[first]
        piece = text[first:last]
        pieces.append((x, piece[::-1] if right_to_left else piece))
    return "".join(piece for _, piece in sorted(pieces))


def reading_edges(reader: ReaderView, start: int, end: int) -> tuple[QPoint, QPoint]:
    """Where a drag over code points [start, end) presses and releases: the pixel nearest
    the edge where reading its first character begins (the right edge in a right-to-left
    run) that is still on that half of the glyph, and likewise at the edge where its last
    character ends. At a change of direction the pixel just outside a word belongs to a
    character on the far side of the text, so it must be inside."""
    left, right, right_to_left, y = _glyph_of(reader, start)
    begin = _pixel_inside(right, left) if right_to_left else _pixel_inside(left, right)
    first = QPoint(begin, y)
    left, right, right_to_left, y = _glyph_of(reader, end - 1)
    finish = _pixel_inside(left, right) if right_to_left else _pixel_inside(right, left)
    return first, QPoint(finish, y)


def _glyph_of(reader: ReaderView, offset: int) -> tuple[float, float, bool, int]:
    """The viewport left and right of the glyph that draws the character at offset (the
    cluster it belongs to), whether its run reads right to left, and its line's middle."""
    position = reader.positions.to_qt(offset)
    block = reader.document().findBlock(position)
    origin = reader.blockBoundingGeometry(block).translated(reader.contentOffset()).topLeft()
    layout = block.layout()
    index = position - block.position()
    line = layout.lineForTextPosition(index)
    placed: dict[int, tuple[float, float, bool]] = {}
    for run in line.glyphRuns(-1, -1, FLAGS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        for at, glyph, advance in zip(run.stringIndexes(), run.positions(), advances, strict=True):
            if advance.x() > 0 and at <= index:
                left, right = glyph.x(), glyph.x() + advance.x()
                if at in placed:
                    left, right = min(left, placed[at][0]), max(right, placed[at][1])
                placed[at] = (left, right, run.isRightToLeft())
    left, right, right_to_left = placed[max(placed)]  # a ligature's or a mark's own glyph
    y = round(origin.y() + line.y() + line.height() / 2)
    return origin.x() + left, origin.x() + right, right_to_left, y


def _pixel_inside(edge: float, other_edge: float) -> int:
    """The pixel column nearest a glyph's edge that lies inside the glyph, on that edge's
    half; the edge itself where the half is too narrow to hold one."""
    middle = (edge + other_edge) / 2
    if edge > middle:
        pixel = math.ceil(edge) - 1
        return pixel if pixel >= middle else round(edge)
    pixel = math.floor(edge) + 1
    return pixel if pixel < middle else round(edge)
