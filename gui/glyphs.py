"""Where Qt drew each character of a laid-out line: the boxes of its glyphs.

Taken from the glyph runs Qt draws, so they hold also where QTextLine.xToCursor is a
space's width off (on a wrapped right-to-left line, at a direction boundary).
"""

from __future__ import annotations

from PySide6.QtGui import QTextLayout, QTextLine

RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
)
Box = tuple[float, float]  # left x, width


def glyph_boxes(line: QTextLine) -> tuple[dict[int, Box], float]:
    """The box of each glyph that advances, by the string index (in its block) it came
    from; and the baseline. A glyph reaches to the next one along the line, since kerning
    and cursive attachment move glyphs off their plain advances. Marks (no advance) are
    left to the letter before them."""
    boxes: dict[int, Box] = {}
    baseline = line.y() + line.ascent()
    for run in line.glyphRuns(-1, -1, RUN_FLAGS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        glyphs = sorted(
            (position.x(), advance.x(), index)
            for index, position, advance in zip(
                run.stringIndexes(), run.positions(), advances, strict=True
            )
            if advance.x() > 0
        )
        for number, (x, advance, index) in enumerate(glyphs):
            right = glyphs[number + 1][0] if number + 1 < len(glyphs) else x + advance
            left, width = boxes.get(index, (x, 0.0))
            boxes[index] = (min(left, x), max(left + width, right) - min(left, x))
        baseline = run.positions()[0].y() if run.positions() else baseline
    return boxes, baseline


def index_at(line: QTextLine, x: float) -> int | None:
    """The string index (in the block) of the glyph drawn at x, if any."""
    for index, (left, width) in glyph_boxes(line)[0].items():
        if left <= x < left + width:
            return index
    return None
