"""The lanes of a review: the gold layer above one lane per annotator, around one item.

Every span is drawn in the colour of its item's state and, for readers who do not tell the
colours apart, with an underline of its own shape (and the item list adds a symbol): solid
for agreed, wavy for a different label, dashed for different boundaries, dotted for a span
only some annotators found, dash-dot for another speaker, dash-dot-dot for another cue,
solid with a line above for other links. The current item is bold. The speaker and cue
the current item links to in each lane are bold, dark and overlined, and written beside
the lane under its name. Where a trained model's suggestions count for a second look
(annotate.review.second_look), a last lane shows them, dotted with a line above.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPlainTextEdit, QTextEdit, QWidget

from annotate.review.disagreements import State
from annotate.text import base_direction
from gui.i18n import translate
from gui.plain_text import plain_label, tooltip
from gui.positions import Utf16Positions

CONTEXT = 160  # characters shown on each side of the item, within its paragraph
LANE_LINES = 3
SECOND_LOOK_LINES = 2  # of each lane with the model's: the list of places keeps some room
RLM = "\u200f"  # right-to-left mark
NAME_WIDTH = 200  # pixels, at most, for what a lane's span links to (or its name's width)
Underline = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class Look:
    colour: str
    underline: QTextCharFormat.UnderlineStyle
    symbol: str
    state: str  # an item state, or "gold"
    overline: bool = False

    @property
    def name(self) -> str:
        return state_words(self.state)


LOOKS: dict[str, Look] = {
    "agreed": Look("#b7e4c7", Underline.SingleUnderline, "✓", "agreed"),
    "speaker": Look("#d0b8e8", Underline.DashDotLine, "⇄", "speaker"),
    "cue": Look("#f1c0e8", Underline.DashDotDotLine, "⇆", "cue"),
    "label": Look("#ffd6a5", Underline.WaveUnderline, "≠", "label"),
    "boundaries": Look("#a0c4ff", Underline.DashUnderline, "↔", "boundaries"),
    "missing": Look("#ffadad", Underline.DotLine, "◐", "missing"),
    "relation": Look("#d6ccc2", Underline.SingleUnderline, "⋯", "relation", overline=True),
    "gold": Look("#ffe066", Underline.SingleUnderline, "★", "gold"),
    "model": Look("#cfd8dc", Underline.DotLine, "◇", "model", overline=True),
}
MODEL_LANE = ""  # the lane of a model's suggestions: no annotator has an empty name
LINKED = "linked"  # a mark's state: the speaker or cue of the current item
LINKED_COLOUR = "#5a189a"


def look(state: State | str) -> Look:
    return LOOKS[state]


def state_words(state: State | str) -> str:
    """An item's state as the item list and the legend say it."""
    words = {
        "agreed": translate("ReviewLanes", "agreed"),
        "speaker": translate("ReviewLanes", "speaker differs"),
        "cue": translate("ReviewLanes", "cue differs"),
        "label": translate("ReviewLanes", "other label"),
        "boundaries": translate("ReviewLanes", "other boundaries"),
        "missing": translate("ReviewLanes", "only some"),
        "relation": translate("ReviewLanes", "other links"),
        "gold": translate("ReviewLanes", "gold"),
        "model": translate("ReviewLanes", "model's suggestion"),
    }
    return words[state]


def linked_legend() -> str:
    """The legend of the marks over the current item's speaker and cue."""
    return translate("ReviewLanes", "‾ speaker, cue")


@dataclass(frozen=True)
class Mark:
    start: int  # offsets into the document
    end: int
    state: str  # an item state, "gold" or "model"
    current: bool


def context_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch shown around [start, end): its paragraph, at most CONTEXT characters on
    each side, cut at spaces."""
    first = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    last = text.find("\n", end)
    last = min(len(text) if last < 0 else last, end + CONTEXT)
    if first > 0 and text[first - 1] != "\n":
        first = text.find(" ", first, start) + 1 or first
    if last < len(text) and text[last] != "\n":
        cut = text.rfind(" ", end, last)
        last = cut if cut > 0 else last
    return first, last


class Lane(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._shown: tuple[str, int, list[Mark]] | None = None
        self.set_lines(LANE_LINES)

    def set_lines(self, lines: int) -> None:
        """As high as so many lines of text, the current mark kept in view."""
        height = self.fontMetrics().lineSpacing() * lines
        self.setFixedHeight(height + 2 * self.frameWidth() + 8)
        self.ensureCursorVisible()

    def show_marks(self, text: str, first: int, marks: list[Mark]) -> None:
        """The stretch of text that starts at offset ``first``, with its marks. After a
        decision most lanes show what they showed: they are left alone."""
        if self._shown == (text, first, marks):
            return
        if self._shown is None or self._shown[0] != text:
            self._show_text(text)
        self._shown = (text, first, marks)
        units = Utf16Positions(text)
        selections = []
        for mark in marks:
            start, end = max(mark.start - first, 0), min(mark.end - first, len(text))
            if start >= end:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(units.to_qt(start))
            cursor.setPosition(units.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = _format(mark)
            selections.append(selection)
        self.setExtraSelections(selections)
        current = next((m for m in marks if m.current), None)
        if current is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(units.to_qt(max(current.start - first, 0)))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _show_text(self, text: str) -> None:
        self.setPlainText(text)
        option = QTextOption(self.document().defaultTextOption())
        rtl = base_direction(text) == "rtl"
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDefaultTextOption(option)


def _name_label(text: str, parent: QWidget) -> QLabel:
    """A lane's name, with room under it for what the lane's span links to."""
    label = plain_label(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _format(mark: Mark) -> QTextCharFormat:
    format_ = QTextCharFormat()
    if mark.state == LINKED:  # over the mark of its own item, whose colour stays
        format_.setForeground(QColor(LINKED_COLOUR))
        format_.setFontWeight(QFont.Weight.Bold)
        format_.setFontOverline(True)
        return format_
    chosen = look(mark.state)
    format_.setBackground(QColor(chosen.colour))
    format_.setUnderlineStyle(chosen.underline)
    format_.setUnderlineColor(QColor(chosen.colour).darker(250))
    format_.setFontOverline(chosen.overline)
    if mark.current:
        format_.setFontWeight(QFont.Weight.Bold)
    return format_


class LanesView(QWidget):
    """A name on the left of each lane: "Gold", then "1  ali", "2  huda" (the digit is the
    key that accepts that annotator's version), and "Model" where a model suggested.
    Under the name, what the lane's span in the current item links to ("SPEAKER والتز")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.lanes: dict[str, Lane] = {}
        self.names: dict[str, QLabel] = {}
        self.titles: dict[str, str] = {}

    def set_lanes(self, annotators: list[str], gold: str, model: bool = False) -> None:
        """Gold's lane, each annotator's, and, with `model`, one of a model's suggestions
        (MODEL_LANE) last, hidden until `show_model`."""
        named = [gold, *annotators, *[MODEL_LANE] * model]
        if list(self.lanes) == named:
            return
        for widget in [*self.lanes.values(), *self.names.values()]:
            widget.deleteLater()
        self.lanes, self.names = {}, {}
        self.titles = {}
        for row, name in enumerate(named):
            self.titles[name] = self._title(row, name)
            self.names[name] = _name_label(self._directed(self.titles[name]), self)
            self.lanes[name] = Lane(self)
            self.grid.addWidget(self.names[name], row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(self.lanes[name], row, 1)
        self.grid.setColumnStretch(1, 1)
        self.show_model(False)

    def show_model(self, shown: bool) -> None:
        """The model's lane, if there is one, shown (on a second look, every lane lower
        then) or hidden."""
        shown = shown and MODEL_LANE in self.lanes
        for widgets in (self.lanes, self.names):
            if MODEL_LANE in widgets:
                widgets[MODEL_LANE].setVisible(shown)
        for lane in self.lanes.values():
            lane.set_lines(SECOND_LOOK_LINES if shown else LANE_LINES)

    @staticmethod
    def _title(row: int, name: str) -> str:
        if name == MODEL_LANE:
            return translate("ReviewLanes", "Model")
        return translate("ReviewLanes", "Gold") if row == 0 else f"{row}  {name}"

    def _directed(self, text: str) -> str:
        """The lines of a lane's name in the window's direction: right to left in Arabic
        even when an annotator's name in Latin letters comes first."""
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return RLM + text if right_to_left else text

    def show_context(self, text: str, first: int, last: int, marks: dict[str, list[Mark]]) -> None:
        for name, lane in self.lanes.items():
            lane.show_marks(text[first:last], first, marks.get(name, []))

    def show_links(self, links: dict[str, list[str]]) -> None:
        """What each lane's span in the current item links to, a line each under its name,
        a long one cut short (the label's tooltip has it whole)."""
        for name, label in self.names.items():
            title, lines = self.titles[name], links.get(name, [])
            metrics = label.fontMetrics()
            width = max(NAME_WIDTH, metrics.horizontalAdvance(title))
            cut = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
            label.setText(self._directed("\n".join([title, *cut])))
            label.setToolTip(tooltip("\n".join([title, *lines])) if lines else "")
