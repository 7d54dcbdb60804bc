"""Where Qt drew each character of a laid-out line: the boxes of its glyphs.

Taken from the glyph runs Qt draws, so they hold also where QTextLine.xToCursor is a
space's width off (on a wrapped right-to-left line, at a direction boundary).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QTextLayout, QTextLine

RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
)
Box = tuple[float, float]  # left x, width


class Glyph(NamedTuple):
    """Where one character's glyphs are drawn on a line, and which way its run reads."""

    left: float
    width: float
    right_to_left: bool

    def distance(self, x: float) -> float:
        return max(self.left - x, x - (self.left + self.width), 0.0)

    def starts_at(self, x: float) -> bool:
        """Whether x lies on the half of the glyph where reading it begins."""
        middle = self.left + self.width / 2
        return x >= middle if self.right_to_left else x < middle


class Hit(NamedTuple):
    character: int  # the string index (in the block) of the character drawn there
    before: bool  # whether the point is on the side where that character begins


def line_glyphs(line: QTextLine) -> dict[int, Glyph]:
    """The glyph of each character that advances, by its string index in the block. A
    glyph reaches to the next one along the line, since kerning and cursive attachment
    move glyphs off their plain advances. Marks (no advance) are left to the letter before
    them."""
    glyphs: dict[int, Glyph] = {}
    for run in line.glyphRuns(-1, -1, RUN_FLAGS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        placed = sorted(
            (position.x(), advance.x(), index)
            for index, position, advance in zip(
                run.stringIndexes(), run.positions(), advances, strict=True
            )
            if advance.x() > 0
        )
        for number, (x, advance, index) in enumerate(placed):
            right = placed[number + 1][0] if number + 1 < len(placed) else x + advance
            known = glyphs.get(index)
            left = min(known.left, x) if known else x
            far = max(known.left + known.width, right) if known else right
            glyphs[index] = Glyph(left, far - left, run.isRightToLeft())
    return glyphs


def glyph_boxes(line: QTextLine) -> tuple[dict[int, Box], float]:
    """The box of each character's glyph (see `line_glyphs`), and the line's baseline."""
    boxes = {index: (glyph.left, glyph.width) for index, glyph in line_glyphs(line).items()}
    baseline = line.y() + line.ascent()
    for run in line.glyphRuns(-1, -1, RUN_FLAGS):
        baseline = run.positions()[0].y() if run.positions() else baseline
    return boxes, baseline


def index_at(line: QTextLine, x: float) -> int | None:
    """The string index (in the block) of the glyph drawn at x, if any."""
    for index, glyph in line_glyphs(line).items():
        if glyph.left <= x < glyph.left + glyph.width:
            return index
    return None


def hit_at(glyphs: dict[int, Glyph], x: float) -> Hit | None:
    """The character drawn at x, or the nearest one to it, and on which of its sides x
    lies; None on a line without glyphs."""
    if not glyphs:
        return None
    index = min(glyphs, key=lambda i: glyphs[i].distance(x))
    return Hit(index, glyphs[index].starts_at(x))
