"""Where Qt drew each character of a laid-out line: the boxes of its glyphs.

Taken from the glyph runs Qt draws, so they hold also where QTextLine.xToCursor is a
space's width off (on a wrapped right-to-left line, at a direction boundary).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QPointF
from PySide6.QtGui import QGlyphRun, QRawFont, QTextLayout, QTextLine

RUN_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
)
SPACES = " \t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


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


Piece = tuple[int, float, float, bool]  # string index, left, right, right to left


def line_pieces(line: QTextLine) -> list[Piece]:
    """Each advancing glyph of a line, left to right, with the string index (in the block)
    of the character it draws. A glyph reaches to the next one along the line, since
    kerning and cursive attachment move glyphs off their plain advances; where a blank
    glyph (a space) is kerned under an inked one, the inked one keeps its whole advance,
    as a reader sees its ink there. Marks (no advance) are left to the letter before them."""
    runs = [_run_pieces(run) for run in line.glyphRuns(-1, -1, RUN_FLAGS)]
    runs = [pieces for pieces in runs if pieces]
    if len(runs) > 1:
        runs.sort(key=lambda pieces: pieces[0][1])
    return runs[0] if len(runs) == 1 else [piece for pieces in runs for piece in pieces]


def _run_pieces(run: QGlyphRun) -> list[Piece]:
    known = _metrics_of(run.rawFont()).known(run.glyphIndexes())
    lefts = map(QPointF.x, run.positions())
    placed = [
        (x, advance, blank, index)
        for x, (advance, blank), index in zip(lefts, known, run.stringIndexes(), strict=True)
        if advance > 0
    ]
    placed.sort()
    return _spread(placed, run.isRightToLeft())


def by_character(pieces: Sequence[Piece]) -> dict[int, Glyph]:
    """A line's pieces by the string index of their character; a character drawn with
    several glyphs gets the box around them."""
    glyphs: dict[int, Glyph] = {}
    for index, left, right, right_to_left in pieces:
        known = glyphs.get(index)
        low = min(known.left, left) if known else left
        high = max(known.left + known.width, right) if known else right
        glyphs[index] = Glyph(low, high - low, right_to_left)
    return glyphs


_Placed = tuple[float, float, bool, int]  # x, advance, blank (no ink), string index


def _spread(placed: list[_Placed], right_to_left: bool) -> list[Piece]:
    """The pieces of a run's glyphs, sorted by x, so that their boxes tile the run."""
    if not placed:
        return []
    boxes = []
    left = placed[0][0]
    for (x, advance, blank, index), following in pairwise(placed):
        right = x + advance
        next_x = following[0]
        if right > next_x and following[2] and not blank:
            next_left = min(right, next_x + following[1])
        else:
            right = next_left = next_x
        boxes.append((index, left, right if right > left else left, right_to_left))
        left = next_left
    x, advance, _, index = placed[-1]
    right = x + advance
    boxes.append((index, left, right if right > left else left, right_to_left))
    return boxes


class _FontMetrics:
    """Each glyph's advance, asked of the font once, and whether it is a space's (the one
    kind of advancing glyph that draws no ink)."""

    def __init__(self, font: QRawFont) -> None:
        self._font = font
        self._known: dict[int, tuple[float, bool]] = {}
        self._blank = set(font.glyphIndexesForString(SPACES)) - {0}

    def known(self, glyphs: list[int]) -> list[tuple[float, bool]]:
        """(advance, blank) of each glyph."""
        known = self._known
        try:
            return [known[glyph] for glyph in glyphs]
        except KeyError:
            new = [glyph for glyph in set(glyphs) if glyph not in known]
            advances = self._font.advancesForGlyphIndexes(new)
            for glyph, advance in zip(new, advances, strict=True):
                known[glyph] = (advance.x(), glyph in self._blank)
            return [known[glyph] for glyph in glyphs]


_FONTS: dict[tuple[str, str, float], _FontMetrics] = {}


def _metrics_of(font: QRawFont) -> _FontMetrics:
    key = (font.familyName(), font.styleName(), font.pixelSize())
    if key not in _FONTS:
        _FONTS[key] = _FontMetrics(font)
    return _FONTS[key]


def index_at(glyphs: dict[int, Glyph], x: float) -> int | None:
    """The string index (in the block) of the glyph drawn at x, if any."""
    for index, glyph in glyphs.items():
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
