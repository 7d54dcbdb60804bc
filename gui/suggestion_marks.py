"""Suggestions where the reader shows them: a dashed outline in the label's colour around
the glyphs of each open suggestion, never filled, so that a suggestion never looks like a
span; the words a hover shows; and the order Tab walks them in.

The outline is painted from the laid-out line's glyph boxes, as spans are (gui/span_paint.py):
the text's formats are never touched.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen

from annotate.annotated_text import AnnotatedText
from annotate.suggestions import GAZETTEER_SOURCE, IMPORT_SOURCE, MODEL_SOURCE, Suggestion
from gui.i18n import translate
from gui.span_paint import PaintedLine, label_colour

OUTLINE_WIDTH = 2.0  # pixels
DASHES = [3.0, 2.0]  # dash and gap, in outline widths
# The top and bottom sides lie this far inside the line, so outlines on two lines stay two;
# the left and right ones just outside the glyphs, in the space beside the word: drawn over
# a thin first or last letter (the alef of الـ), they hid it.
INSET = 1.0
ACCEPT_KEY, REJECT_KEY, ACCEPT_ALL_KEY, NEXT_KEY, PREVIOUS_KEY = (
    "Y",
    "R",
    "Shift+Y",
    "Tab",
    "Shift+Tab",
)


WalkPlace = tuple[int, int, str]  # a suggestion's place in the walk: start, end, label


def walk_place(suggestion: Suggestion) -> WalkPlace:
    return (suggestion.start, suggestion.end, suggestion.label)


class ShownSuggestions:
    """The open suggestions a reader shows on one document (none: document ""), in the
    order Tab walks them: by start, then end, then label."""

    def __init__(self, document: str = "", suggestions: Iterable[Suggestion] = ()) -> None:
        self.document = document
        self._all = sorted(suggestions, key=lambda s: (*walk_place(s), s.uid))
        self._starts = [suggestion.start for suggestion in self._all]
        self._places = [walk_place(suggestion) for suggestion in self._all]
        self._longest = max((s.end - s.start for s in self._all), default=0)

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[Suggestion]:
        return iter(self._all)

    def get(self, uid: str | None) -> Suggestion | None:
        return next((s for s in self._all if s.uid == uid), None) if uid else None

    def overlapping(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions sharing a character with [start, end)."""
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        return [s for s in self._all[first:last] if s.end > start]

    def at(self, offset: int) -> Suggestion | None:
        """The suggestion under a caret at offset, the innermost where they nest: one
        holding the character after it, else one ending right before it (the caret just
        after a word)."""
        around = self.overlapping(offset, offset + 1)
        if not around:
            around = [s for s in self.overlapping(offset - 1, offset) if s.end == offset]
        return min(around, key=lambda s: s.end - s.start, default=None)

    def at_or_after(self, offset: int) -> Suggestion | None:
        """The suggestion under the caret, else the first one after it."""
        return self.at(offset) or self._from(bisect.bisect_left(self._starts, offset))

    def following(
        self, offset: int, chosen: Suggestion | None, walked: WalkPlace | None = None
    ) -> Suggestion | None:
        """Where Tab (and Y with none chosen) goes: the suggestion after the chosen one;
        none chosen, the one after the place the walk is at (`walked`: where the one just
        decided was); else the one under the caret or the first after it."""
        if chosen is not None:
            return self._from(self._all.index(chosen) + 1)
        if walked is not None:
            return self._from(bisect.bisect_right(self._places, walked))
        return self.at_or_after(offset)

    def preceding(
        self, offset: int, chosen: Suggestion | None, walked: WalkPlace | None = None
    ) -> Suggestion | None:
        """Where Shift+Tab goes: the suggestion before the chosen one, or before the place
        the walk is at, or, neither, the last one that starts before the caret."""
        if chosen is not None:
            return self._from(self._all.index(chosen) - 1)
        if walked is not None:
            return self._from(bisect.bisect_left(self._places, walked) - 1)
        return self._from(bisect.bisect_left(self._starts, offset) - 1)

    def _from(self, index: int) -> Suggestion | None:
        return self._all[index] if 0 <= index < len(self._all) else None


def paint_suggestions(
    painter: QPainter,
    annotated: AnnotatedText,
    painted: PaintedLine,
    shown: ShownSuggestions,
    page: QColor,
) -> int:
    """The dashed outline of each suggestion on a line, a rectangle for each run of its
    glyphs there; how many rectangles it drew. The gaps between the dashes are the page's
    colour (`page`), so that the outline shows on a span of its own colour too."""
    on_line = shown.overlapping(painted.start, max(painted.end, painted.start + 1))
    if not on_line:
        return 0
    drawn = 0
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inward = INSET + OUTLINE_WIDTH / 2  # the pen's middle: its whole width inside
    outward = OUTLINE_WIDTH / 2  # its whole width outside
    for suggestion in on_line:
        pieces = [
            piece.adjusted(-outward, inward, outward, -inward)
            for piece in painted.rects(suggestion.start, suggestion.end)
        ]
        painter.setPen(_pen(page, solid=True))  # under the top and bottom: a span's fill
        for piece in pieces:
            painter.drawLine(piece.topLeft(), piece.topRight())
            painter.drawLine(piece.bottomLeft(), piece.bottomRight())
        painter.setPen(_pen(label_colour(annotated, suggestion.label)))
        for piece in pieces:
            painter.drawRect(piece)
        drawn += len(pieces)
    painter.restore()
    return drawn


def _pen(colour: QColor, solid: bool = False) -> QPen:
    pen = QPen(colour, OUTLINE_WIDTH)
    if not solid:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern(DASHES)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def source_name(source: str) -> str:
    """Who proposed a suggestion, in the interface language."""
    if source == GAZETTEER_SOURCE:
        return translate("SuggestionMarks", "the project's known names")
    if source.startswith(MODEL_SOURCE):
        return translate("SuggestionMarks", "the model {name}").format(
            name=source.removeprefix(MODEL_SOURCE)
        )
    if source.startswith(IMPORT_SOURCE):
        return translate("SuggestionMarks", "the file {name}").format(
            name=source.removeprefix(IMPORT_SOURCE)
        )
    return source


def describe_suggestion(suggestion: Suggestion) -> str:
    """What a hover says of a suggestion besides its label, as escaped rich text: where it
    came from, its score, and the keys that decide it."""
    said = translate("SuggestionMarks", "Suggested by {source}").format(
        source=html.escape(source_name(suggestion.source))
    )
    lines = [f"<i>{said}</i>"]
    if suggestion.score is not None:
        score = translate("SuggestionMarks", "score: {score}")
        lines.append(score.format(score=f"{suggestion.score:.2f}"))
    keys = translate(
        "SuggestionMarks",
        "{accept}: accept · {reject}: reject · {all}: accept all in the paragraph ·"
        " {next}, then a label's key: accept as that label",
    )
    lines.append(
        html.escape(
            keys.format(accept=ACCEPT_KEY, reject=REJECT_KEY, all=ACCEPT_ALL_KEY, next=NEXT_KEY)
        )
    )
    return "<br>".join(lines)
