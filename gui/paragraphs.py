"""What QPlainTextEdit does not do for paragraphs: give each its own direction, and find
which lines of a long one are in view without walking all of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextLayout, QTextLine, QTextOption

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


def _lines(layout: QTextLayout) -> list[QTextLine]:
    return [layout.lineAt(number) for number in range(layout.lineCount())]
