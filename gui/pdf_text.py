"""The text of a PDF page: glyphs a reader sees, and under them the words a viewer copies.

Qt's PDF writer maps a glyph back to text only when the font's character map points at
that glyph. Arabic letters joined to their neighbours use contextual glyphs that no
character maps to, so a viewer would copy some letters of a line and lose the others.
So the page is written twice over:

- The visible glyphs are drawn with a copy of the bundled font that has no character map
  (and another family name, so nothing else ever picks it): the PDF embeds it like any font
  (a few kilobytes), and a viewer finds no text in it.
- Over them, invisibly, each word is written again in logical order with the glyphs the
  character map names (each letter's isolated form), squeezed to the width of the word on
  the page. Poppler (and the viewers built on it) reads a right-to-left line by the
  positions of its characters; a mark (a haraka, tanween, shadda) is set a hair to the
  left of its letter, so that it is read right after it and the word comes out whole.
"""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import QByteArray, QPointF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QPainter,
    QRawFont,
    QTextLine,
    QTransform,
)

from annotate.graphemes import cluster_starts
from annotate.token_bounds import token_bounds
from gui.fonts import FONT_FILES, FONT_FOLDER
from gui.span_paint import PaintedLine

BUNDLED_FAMILY = b"Amiri"
BLIND_FAMILY = b"AmirX"  # the same length: the font's name table is changed in place
HIDDEN_TABLES = {b"cmap": b"xmap", b"post": b"xost"}  # FreeType maps glyph names too
ORIGIN = QPointF(0, 0)
MAX_WORDS = 50_000  # glyph runs of words kept for their next occurrence
MARK_STEP = 0.25  # pixels between a letter and each of its marks (Qt keeps 1/64 pixel)


def blind_runs(line: QTextLine) -> list[QGlyphRun]:
    """The line's glyph runs, those of the bundled font drawn with its blind copy."""
    runs = []
    for run in line.glyphRuns():
        blind = _blind_font(run.rawFont())
        if blind is not None:
            run = QGlyphRun(run)
            run.setRawFont(blind)
        runs.append(run)
    return runs


def paint_text_layer(painter: QPainter, text: str, painted: PaintedLine) -> None:
    """Write one laid-out line's words invisibly where the line shows them."""
    line = painted.line
    letters = _letters_of(line)
    if letters is None:
        return
    baseline = painted.origin.y() + line.y() + line.ascent()
    page = painter.transform()
    painter.save()
    painter.setPen(QColor(0, 0, 0, 0))
    for word, left, right in _words(text, painted):
        run, width = letters.run(word)
        if width > 0:
            squeeze = (right - left) / width
            x = painted.origin.x() + left
            painter.setTransform(QTransform(squeeze, 0, 0, 1, x, baseline) * page)
            painter.drawGlyphRun(ORIGIN, run)
    painter.restore()


def _words(text: str, painted: PaintedLine) -> Iterator[tuple[str, float, float]]:
    """The line's tokens (words, and each punctuation mark alone) in logical order, with
    the left and right of the glyphs the line shows them with."""
    shown = text[painted.start : painted.end]
    starts, ends = token_bounds(shown)
    for start, end in zip(starts, ends, strict=True):
        pieces = painted.rects(painted.start + start, painted.start + end)
        if pieces:
            left = min(piece.left() for piece in pieces)
            yield (
                shown[start:end],
                left - painted.origin.x(),
                max(piece.right() for piece in pieces) - painted.origin.x(),
            )


class _Letters:
    """The glyph each character map names, and its advance, in one font at one size."""

    def __init__(self, font: QRawFont) -> None:
        self.font = font
        self._known: dict[str, tuple[int, float]] = {}
        self._runs: dict[str, tuple[QGlyphRun, float]] = {}

    def glyph(self, char: str) -> tuple[int, float]:
        """(glyph, advance); glyph 0 when the font has no glyph for char."""
        known = self._known.get(char)
        if known is None:
            glyphs = self.font.glyphIndexesForString(char) or [0]
            advance = self.font.advancesForGlyphIndexes(glyphs[:1])[0].x() if glyphs[0] else 0.0
            known = self._known[char] = (glyphs[0], advance)
        return known

    def run(self, word: str) -> tuple[QGlyphRun, float]:
        """A glyph run of the word's letters side by side, and its width (see `_run`)."""
        known = self._runs.get(word)
        if known is None:
            if len(self._runs) >= MAX_WORDS:
                self._runs.clear()
            known = self._runs[word] = self._run(word, _reads_right_to_left(word))
        return known

    def _run(self, text: str, right_to_left: bool) -> tuple[QGlyphRun, float]:
        """A glyph run of text's letters side by side, and its width. A right-to-left word
        is written leftwards from its first letter, each mark a hair to the left of its
        letter, and its glyphs are given from left to right, the order extractors that
        go by the content (pypdf) reverse. Characters the font lacks are left out: the
        page draws them with another font, which a viewer reads as it is."""
        indexes: list[int] = []
        lefts: list[float] = []
        x = 0.0
        step = -MARK_STEP if right_to_left else MARK_STEP
        for unit in _clusters(text):
            glyph, advance = self.glyph(unit[0])
            if not glyph:
                continue
            left = x - advance if right_to_left else x
            edge = left if right_to_left else left + advance
            indexes.append(glyph)
            lefts.append(left)
            marks = [self.glyph(mark)[0] for mark in unit[1:]]
            for number, mark in enumerate(filter(None, marks), start=1):
                indexes.append(mark)
                lefts.append(edge + number * step)
            x = left if right_to_left else left + advance
        if right_to_left:
            indexes.reverse()
            lefts = [left - x for left in reversed(lefts)]
        run = QGlyphRun()
        run.setRawFont(self.font)
        run.setGlyphIndexes(indexes)
        run.setPositions([QPointF(left, 0) for left in lefts])
        return run, abs(x)


def _clusters(text: str) -> list[str]:
    """Letters with their marks, as a reader counts characters."""
    starts = cluster_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _reads_right_to_left(word: str) -> bool:
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL", "L"):
            return kind != "L"
    return False


def _letters_of(line: QTextLine) -> _Letters | None:
    """The letters of the bundled font at the size the line is drawn in."""
    for run in line.glyphRuns():
        font = run.rawFont()
        if font.familyName().encode() == BUNDLED_FAMILY:
            key = (font.styleName(), font.pixelSize())
            if key not in _LETTERS:
                _LETTERS[key] = _Letters(font)
            return _LETTERS[key]
    return None


_LETTERS: dict[tuple[str, float], _Letters] = {}


@cache
def blind_glyph_count() -> int:
    """The most glyphs a font of the blind family has (from each file's maxp table)."""
    counts = []
    for name in FONT_FILES:
        data = (FONT_FOLDER / name).read_bytes()
        offset = _table_offset(data, b"maxp")
        counts.append(int(struct.unpack(">H", data[offset + 4 : offset + 6])[0]))
    return max(counts)


def _table_offset(font: bytes, wanted: bytes) -> int:
    for _, tag, offset, _ in _tables(font):
        if tag == wanted:
            return offset
    raise ValueError(f"the bundled font has no {wanted.decode()} table")


def _tables(font: bytes) -> Iterator[tuple[int, bytes, int, int]]:
    """(record position, tag, offset, length) of each table in an OpenType font."""
    (tables,) = struct.unpack(">H", font[4:6])
    for number in range(tables):
        record = 12 + 16 * number
        offset, length = struct.unpack(">II", font[record + 8 : record + 16])
        yield record, bytes(font[record : record + 4]), int(offset), int(length)


@cache
def _blind_family() -> str:
    """Register the blind copies of the bundled fonts; their family name."""
    families = []
    for name in FONT_FILES:
        data = _blind_copy((FONT_FOLDER / name).read_bytes())
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if BLIND_FAMILY.decode() not in families:
        raise RuntimeError(f"cannot load a copy of the bundled font {FONT_FOLDER}")
    return BLIND_FAMILY.decode()


def _blind_font(font: QRawFont) -> QRawFont | None:
    if font.familyName().encode() != BUNDLED_FAMILY:
        return None
    return _blind_at(font.styleName(), font.pixelSize())


@cache
def _blind_at(style: str, pixel_size: float) -> QRawFont:
    font = QFont(_blind_family())
    font.setStyleName(style)
    blind = QRawFont.fromFont(font)
    blind.setPixelSize(pixel_size)
    if not blind.isValid() or blind.familyName() != _blind_family():
        raise RuntimeError(f"cannot draw with the copy of the bundled font ({style})")
    return blind


def _blind_copy(font: bytes) -> bytes:
    """The font with its character map and glyph names hidden and its family renamed."""
    data = bytearray(font)
    for record, tag, offset, length in _tables(font):
        if tag in HIDDEN_TABLES:
            data[record : record + 4] = HIDDEN_TABLES[tag]
        elif tag == b"name":
            names = bytes(data[offset : offset + length])
            for encoding in ("latin-1", "utf-16-be"):
                names = names.replace(
                    BUNDLED_FAMILY.decode().encode(encoding), BLIND_FAMILY.decode().encode(encoding)
                )
            data[offset : offset + length] = names
    return bytes(data)
