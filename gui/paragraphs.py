"""What QPlainTextEdit does not do for paragraphs: give each its own direction and a gap
after it, find which lines of a long one are in view without walking all of them, and
keep the glyphs it shaped."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QTextBlock,
    QTextDocument,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout

from annotate.text import strong_letters


def paragraph_direction(text: str, document_right_to_left: bool) -> bool:
    """Whether a paragraph reads right to left: by most of its strong letters (so an Arabic
    paragraph that opens with a Latin name stays right to left); a paragraph without
    letters (a number, a blank line), or with as many of each kind, goes the document's
    way."""
    rtl, ltr = strong_letters(text)
    return document_right_to_left if rtl == ltr else rtl > ltr


def option_for(base: QTextOption, right_to_left: bool) -> QTextOption:
    """The document's text option turned to one direction, flush to that side."""
    option = QTextOption(base)
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    )
    option.setAlignment(
        Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
    )
    return option


def turn(block: QTextBlock, option: QTextOption) -> None:
    """Lay a paragraph out again in another direction, line for line where QPlainTextEdit
    put it: the same widths and tops, so the height it knows stays true. (QPlainTextEdit
    lays every paragraph out with the document's one option, and again whenever its width
    changes; the reader turns a paragraph back each time it shows it.)"""
    layout = block.layout()
    if layout.textOption().textDirection() == option.textDirection():
        return
    placed = [(line.width(), line.position()) for line in _lines(layout)]
    layout.setTextOption(option)
    layout.beginLayout()
    for width, position in placed:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLeadingIncluded(True)
        line.setLineWidth(width)
        line.setPosition(position)
    layout.endLayout()


def lines_between(layout: QTextLayout, top: float, bottom: float) -> range:
    """Numbers of the lines that reach into [top, bottom) (the layout's coordinates)."""
    count = layout.lineCount()
    low, high = 0, count
    while low < high:  # the first line whose bottom is below top
        middle = (low + high) // 2
        line = layout.lineAt(middle)
        if line.y() + line.height() <= top:
            low = middle + 1
        else:
            high = middle
    last = low
    while last < count and layout.lineAt(last).y() < bottom:
        last += 1
    return range(low, last)


def line_holding(layout: QTextLayout, index: int) -> int:
    """The number of the line that starts at or before `index` (the paragraph's own
    positions) and is the last to do so. (QTextLayout.lineForTextPosition gives a wrapped
    line's start to the line before, whose trailing space reaches it.)"""
    low, high = 0, max(layout.lineCount() - 1, 0)
    while low < high:
        middle = (low + high + 1) // 2
        if layout.lineAt(middle).textStart() <= index:
            low = middle
        else:
            high = middle - 1
    return low


def _lines(layout: QTextLayout) -> list[QTextLine]:
    return [layout.lineAt(number) for number in range(layout.lineCount())]


class ParagraphLayout(QPlainTextDocumentLayout):
    """QPlainTextEdit's layout with a gap after each paragraph that another follows, so
    paragraphs read as paragraphs (a blank line between them is gap enough)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.gap = 0.0

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)
        if self.gap and block.length() > 1:
            following = block.next()
            if following.isValid() and following.length() > 1:
                rect.setHeight(rect.height() + self.gap)
        return rect


class GlyphKeeper(QObject):
    """Tells every paragraph's layout of a document to keep the glyphs it shapes.

    Qt shapes a paragraph's text to break it into lines, then, unless told to keep them,
    throws the glyphs away and shapes the text again when the lines are first drawn or
    asked for their glyphs: a tenth of a millisecond a line, a third of a page scroll.
    Telling costs a few microseconds a paragraph, so the first paragraphs are told at
    once and the rest a batch at a time between events."""

    FIRST = 64  # paragraphs told before the first paint: more than a page shows
    BATCH = 500  # paragraphs told in each turn of the event loop
    PAUSE = 20  # ms before the first batch, so that the first paint comes first

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._next: QTextBlock | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tell_batch)

    def start(self, document: QTextDocument) -> None:
        self._next = document.firstBlock()
        self._tell(self.FIRST)
        if self._next is not None:
            self._timer.start(self.PAUSE)

    @property
    def done(self) -> bool:
        return self._next is None

    def _tell_batch(self) -> None:
        self._tell(self.BATCH)
        if self._next is not None:
            self._timer.start(0)

    def _tell(self, count: int) -> None:
        block = self._next
        for _ in range(count):
            if block is None or not block.isValid():
                self._next = None
                return
            block.layout().setCacheEnabled(True)
            block = block.next()
        self._next = block
