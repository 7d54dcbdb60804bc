"""Suggestions in the reader: the seed article with 48 spans of three analysts and 24
suggestions (some of two words, wrapping at a narrow window), outlined dashed in their
label's colour and never filled; Tab walks them in order; Y, R, Shift+Y and a label's key
decide them as one undoable step each, and what is stored is exactly what was decided.
Every test runs in the English window and in the mirrored Arabic one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotate.model import Span
from annotate.project import Project
from annotate.sample import open_default_project
from annotate.schema import SpanLabel
from annotate.suggestions import Candidate, Suggestion
from gui.app import application
from gui.i18n import is_arabic
from gui.keys_overlay import KeysOverlay
from gui.layers import EVERYONE, MINE, annotator_layer
from gui.main_window import MainWindow
from gui.suggestion_marks import INSET, OUTLINE_WIDTH
from tests.gui.layout_geometry import colours_in, glyph_boxes
from tests.gui.test_arabic_keys import type_on_arabic_layout
from tests.gui.test_gestures import (
    LABEL_KEYS,
    LEFT,
    SHIFT,
    WIDTHS,
    Annotated,
    Reading,
    seed_text,
    words_of,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SOURCE = "model:seed.annotate.model"
LABELS = list(LABEL_KEYS)  # PERSON, ORG, GPE
WHITE = "#ffffff"


@pytest.fixture
def window(window_in_each_language: MainWindow) -> MainWindow:
    """Each test in the English window and in the mirrored Arabic one."""
    return window_in_each_language


class Suggested(Annotated):
    """The seed article with 24 spans of ali's, 24 of sara's and omar's (all shown), and 24
    suggestions on other words: every fourth one covers two words."""

    def __init__(self, qtbot: QtBot, window: MainWindow, width: int) -> None:
        super().__init__(qtbot, window, width)
        words = words_of(self.text)
        candidates = []
        for number, index in enumerate(range(8, 8 + 10 * 24, 10)):
            start, end = words[index]
            if number % 4 == 3:
                end = words[index + 1][1]
            candidates.append(Candidate(LABELS[number % 3], start, end, 0.5 + number / 100))
        window.project.suggestions.add(self.uid, candidates, SOURCE)
        window.reopen()
        self.reader.setFocus()
        self.suggestions = window.project.suggestions.open_for(self.uid, "ali")
        assert len(self.suggestions) == 24

    def shown(self) -> list[Suggestion]:
        return list(self.reader.suggestions)

    def decisions(self, annotator: str = "ali") -> dict[str, tuple[str, str]]:
        """Each suggestion of the document: uid -> (state, who decided) of one analyst's
        decisions, ("open", "") where they made none."""
        rows = self.window.project.store.conn.execute(
            "SELECT g.uid, coalesce(x.state, 'open'), coalesce(x.annotator, '')"
            " FROM suggestions g LEFT JOIN suggestion_decisions x ON x.suggestion = g.uid"
            " AND x.annotator = ?",
            (annotator,),
        )
        return {uid: (state, who) for uid, state, who in rows}

    def tab_to(self, suggestion: Suggestion) -> None:
        tab_to(self.qtbot, self.window, suggestion)

    def click_on(self, suggestion: Suggestion) -> None:
        """A click in the middle of the suggestion's first word."""
        self.edges(suggestion.start, suggestion.end)  # into view
        boxes = glyph_boxes(self.reader, suggestion.start, suggestion.start + 3)
        middle = boxes[len(boxes) // 2].center().toPoint()
        self.qtbot.mouseClick(self.reader.viewport(), LEFT, pos=middle)

    def origin_shown(self, uid: str) -> str:
        panel = self.window.annotations
        row = panel.spans.row_of(uid)
        assert row is not None
        return str(panel.spans.index(row, 3).data())


def tab_to(qtbot: QtBot, window: MainWindow, suggestion: Suggestion) -> None:
    """Tab from the start of the text until the suggestion is chosen."""
    reader = window.reader
    reader.put_caret(0)
    for _ in range(len(reader.suggestions)):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
        if reader.selected_range() == (suggestion.start, suggestion.end):
            return
    raise AssertionError("Tab never reached the suggestion")


def decided(project: Project, uid: str, annotator: str = "ali") -> str:
    """What the analyst decided of a suggestion: "accepted", "rejected" or "open"."""
    decision = project.suggestions.get(uid).decision_of(annotator)
    return "open" if decision is None else decision.state


def says(window: MainWindow, english: str, arabic: str) -> None:
    assert window.saved_label.text() == (arabic if is_arabic() else english)


def outline_boxes(reading: Suggested, suggestion: Suggestion) -> list[QRectF]:
    """The rectangle of each line's run of the suggestion's glyphs, the height of the
    line, as the outline is drawn around it."""
    by_line: dict[float, QRectF] = {}
    for start, end in words_of(reading.text):  # a word is on one line: its glyphs' line
        if suggestion.start <= start and end <= suggestion.end:
            for box in glyph_boxes(reading.reader, start, end):
                line = by_line.get(box.top())
                by_line[box.top()] = box if line is None else line.united(box)
    return list(by_line.values())


def colours(image: QImage, points: list[tuple[int, int]]) -> list[str]:
    return [QColor(image.pixel(x, y)).name() for x, y in points]


def dashed(image: QImage, colour: str, left: int, right: int, rows: range) -> float:
    """The share of the columns from left to right that have the colour in the rows."""
    marked = [colour in colours(image, [(x, y) for y in rows]) for x in range(left, right)]
    return marked.count(True) / len(marked)


def outlined(reading: Suggested, suggestion: Suggestion) -> bool:
    """Whether the reader draws the suggestion's outline: its top edge dashed in its
    colour (a span's colour would be there in every column)."""
    reading.edges(suggestion.start, suggestion.end)
    image = reading.reader.viewport().grab().toImage()
    colour = QColor(label_of(reading.window, suggestion.label).colour).name()
    box = outline_boxes(reading, suggestion)[0]
    top = round(box.top())
    rows = range(top, top + round(INSET + OUTLINE_WIDTH) + 1)
    return 0.3 < dashed(image, colour, round(box.left()) + 4, round(box.right()) - 4, rows) < 0.9


def label_of(window: MainWindow, label: str) -> SpanLabel:
    definition = window.project.labels.span_label(label)
    assert definition is not None
    return definition


def arabic_name(window: MainWindow, label: str) -> str:
    definition = window.project.labels.span_label(label)
    assert definition is not None
    return definition.arabic


@pytest.mark.parametrize("width", [WIDTHS["narrow"], WIDTHS["wide"]], ids=["narrow", "wide"])
def test_each_suggestion_is_outlined_dashed_in_its_labels_colour_and_never_filled(
    qtbot: QtBot, window: MainWindow, width: int
) -> None:
    reading = Suggested(qtbot, window, width)
    reader = reading.reader
    labels = window.project.labels
    wrapped = 0
    for suggestion in reading.suggestions:
        reading.edges(suggestion.start, suggestion.end)  # into view, painted
        image = reader.viewport().grab().toImage()
        colour = QColor(labels.span_label(suggestion.label).colour).name()  # type: ignore[union-attr]
        boxes = outline_boxes(reading, suggestion)
        wrapped += len(boxes) > 1
        for box in boxes:
            left, right = round(box.left()) + 4, round(box.right()) - 4
            edge = round(INSET + OUTLINE_WIDTH) + 1  # rows from the line's top or bottom
            top, bottom = round(box.top()), round(box.bottom())
            for rows in (range(top, top + edge), range(bottom - edge, bottom)):
                share = dashed(image, colour, left, right, rows)
                assert 0.3 < share < 0.9, (reading.text[suggestion.start : suggestion.end], share)
            inside = [
                (x, y)
                for x in range(left, right)
                for y in range(round(box.top()) + 5, round(box.bottom()) - 5)
            ]
            assert colour not in colours(image, inside)  # the text on the page, not filled
            assert colours(image, inside).count(WHITE) > len(inside) / 2
    assert wrapped or width == WIDTHS["wide"]  # a two-word one breaks at the narrow window
    for number in range(reader.document().blockCount()):  # the text itself is untouched
        assert reader.document().findBlockByNumber(number).layout().formats() == []


@pytest.mark.parametrize("width", [WIDTHS["narrow"], WIDTHS["wide"]], ids=["narrow", "wide"])
def test_an_outline_leaves_its_first_and_last_letters_uncovered(
    qtbot: QtBot, window: MainWindow, width: int
) -> None:
    """Its sides lie beside the word, not on it: a side drawn over a thin first letter
    (the alef of الـ) showed the suggestion a letter shorter than it is."""
    reading = Suggested(qtbot, window, width)
    labels = window.project.labels
    covered = []
    for suggestion in reading.suggestions:
        reading.edges(suggestion.start, suggestion.end)
        image = reading.reader.viewport().grab().toImage()
        colour = QColor(labels.span_label(suggestion.label).colour).name()  # type: ignore[union-attr]
        edge = round(INSET + OUTLINE_WIDTH) + 1  # the top and bottom sides' rows
        for letter in (suggestion.start, suggestion.end - 1):
            for box in glyph_boxes(reading.reader, letter, letter + 1):
                middle = QRectF(box.left(), box.top() + edge, box.width(), box.height() - 2 * edge)
                if colour in colours_in(image, middle):  # a pixel in: its own columns
                    covered.append(reading.text[suggestion.start : suggestion.end])
    assert covered == []


def test_tab_walks_every_suggestion_in_order_and_keeps_the_focus(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Suggested(qtbot, window, WIDTHS["narrow"])
    reader = reading.reader
    reader.put_caret(0)
    for number, suggestion in enumerate(reading.suggestions, start=1):
        reading.key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is reader
        assert reader.selected_range() == (suggestion.start, suggestion.end)
        assert reader.chosen_suggestion() == suggestion
        assert reader.viewport().rect().contains(reader.cursorRect().center())  # in view
        words = " ".join(reading.text[suggestion.start : suggestion.end].split())
        label = window.project.labels.span_label(suggestion.label)
        assert label is not None
        says(
            window,
            f"Suggestion {number} of 24: {suggestion.label} ‘{words}’",
            f"الاقتراح {number} من 24: {label.arabic} «{words}»",
        )
    reading.key(Qt.Key.Key_Tab)  # none after the last: it stays chosen
    assert reader.chosen_suggestion() == reading.suggestions[-1]
    says(window, "No more suggestions that way.", "لا مزيد من الاقتراحات في هذا الاتجاه.")
    for suggestion in reversed(reading.suggestions[:-1]):
        reading.key(Qt.Key.Key_Backtab, SHIFT)  # what Shift+Tab sends
        assert QApplication.focusWidget() is reader
        assert reader.selected_range() == (suggestion.start, suggestion.end)
    panel = window.annotations
    panel.setFocus()
    panel.setCurrentIndex(panel.spans.index(0, 0))  # its span selected in the reader
    shown = (reader.selected_range(), reader.selected_span)
    qtbot.keyClick(panel, Qt.Key.Key_Tab)  # in the panel, Tab moves to the next cell
    assert panel.currentIndex().column() == 1
    assert (reader.selected_range(), reader.selected_span) == shown
    assert reading.decisions() == {s.uid: ("open", "") for s in reading.suggestions}


def test_y_r_shift_y_and_a_label_key_store_exactly_what_was_decided_each_undone_and_redone(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Suggested(qtbot, window, WIDTHS["default"])
    project, reader, all_ = window.project, reading.reader, reading.suggestions
    spans, decisions = reading.state(), reading.decisions()

    def check(selected: str | None) -> None:
        assert reading.state() == spans
        assert reading.decisions() == decisions
        still_open = [s for s in all_ if decisions[s.uid][0] == "open"]
        assert reading.shown() == still_open  # outlined: exactly the open ones
        assert reading.selected() == (selected, selected)

    def undone_and_redone(before: tuple[dict, dict], after: tuple[dict, dict]) -> None:
        nonlocal spans, decisions
        selected, step = reader.selected_span, window.saved_label.text()  # the step's name
        reading.key(Qt.Key.Key_Z, CTRL)
        spans, decisions = dict(before[0]), dict(before[1])
        check(None)
        said = "تم التراجع عن: {step}" if is_arabic() else "Undid: {step}"
        assert window.saved_label.text() == said.format(step=step)
        reading.key(Qt.Key.Key_Z, CTRL | SHIFT)
        spans, decisions = dict(after[0]), dict(after[1])
        check(selected)
        said = "تمت إعادة: {step}" if is_arabic() else "Redid: {step}"
        assert window.saved_label.text() == said.format(step=step)

    def new_span() -> str:
        (uid,) = set(reading.state()) - set(spans)
        return uid

    # Y on the suggestion Tab chose
    chosen = all_[5]
    reading.tab_to(chosen)
    before = (dict(spans), dict(decisions))
    reading.key(Qt.Key.Key_Y)
    made = new_span()
    spans[made] = ("ali", chosen.label, chosen.start, chosen.end)
    decisions[chosen.uid] = ("accepted", "ali")
    check(made)
    assert project.spans.get(made).origin == "suggested"
    assert [d.span for d in project.suggestions.get(chosen.uid).decisions] == [made]
    assert reading.origin_shown(made) == ("مقترَح" if is_arabic() else "suggested")
    words = reading.text[chosen.start : chosen.end]
    arabic = arabic_name(window, chosen.label)
    says(window, f"Accept {chosen.label} ‘{words}’", f"قبول {arabic} «{words}»")
    undone_and_redone(before, (spans, decisions))
    reading.key(Qt.Key.Key_Z, CTRL)  # the suggestion is back, drawn again
    assert outlined(reading, chosen)
    reading.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert not outlined(reading, chosen)  # a span now: filled, no dashes

    # R on the one a click put the caret in
    clicked = all_[9]
    reading.click_on(clicked)
    before = (dict(spans), dict(decisions))
    reading.key(Qt.Key.Key_R)
    decisions[clicked.uid] = ("rejected", "ali")
    check(None)
    words, arabic = reading.text[clicked.start : clicked.end], arabic_name(window, clicked.label)
    says(window, f"Reject {clicked.label} ‘{words}’", f"رفض {arabic} «{words}»")
    undone_and_redone(before, (spans, decisions))

    # a label's key on a chosen one: accepted as that label (corrected)
    chosen = all_[12]  # a PERSON
    assert chosen.label == "PERSON"
    reading.tab_to(chosen)
    before = (dict(spans), dict(decisions))
    reading.key(LABEL_KEYS["GPE"])
    made = new_span()
    spans[made] = ("ali", "GPE", chosen.start, chosen.end)
    decisions[chosen.uid] = ("accepted", "ali")
    check(made)
    assert project.suggestions.stats("ali")["PERSON"]["corrected"] == 1
    undone_and_redone(before, (spans, decisions))

    # Shift+Y: every open one in the caret's paragraph, one step
    paragraph = reader.document().findBlock(reader.positions.to_qt(all_[15].start))
    start, end = reader.block_offsets(paragraph)
    still_open = [s for s in all_ if decisions[s.uid][0] == "open"]
    inside = [s for s in still_open if start <= s.start and s.end <= end]
    assert len(inside) >= 2
    reader.put_caret(all_[15].start)
    reader.select_span(None)
    before = (dict(spans), dict(decisions))
    reading.key(Qt.Key.Key_Y, SHIFT)
    made_spans = {s.uid: s for s in project.spans.for_document(reading.uid, "ali")}
    for suggestion in inside:
        (span,) = [d.span for d in project.suggestions.get(suggestion.uid).decisions]
        assert made_spans[span].origin == "suggested"
        spans[span] = ("ali", suggestion.label, suggestion.start, suggestion.end)
        decisions[suggestion.uid] = ("accepted", "ali")
    check(None)
    count = len(inside)
    says(window, f"Accept {count} suggestions", f"قبول اقتراحات، عددها {count}")
    reading.key(Qt.Key.Key_Z, CTRL)  # one step undoes them all
    spans, decisions = before
    check(None)


def test_y_after_y_accepts_each_next_one_and_never_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Y, again and again from a click: each press the next suggestion in reading order,
    exactly it, the span it made selected; nothing else changes."""
    reading = Suggested(qtbot, window, WIDTHS["narrow"])
    project, all_ = window.project, reading.suggestions
    reading.click_on(all_[2])
    spans = reading.state()
    for suggestion in all_[2:14]:
        reading.key(Qt.Key.Key_Y)
        (made,) = set(reading.state()) - set(spans)
        spans[made] = ("ali", suggestion.label, suggestion.start, suggestion.end)
        assert reading.state() == spans
        assert decided(project, suggestion.uid) == "accepted"
        assert reading.selected() == (made, made)
    settled = {uid for uid, (state, _) in reading.decisions().items() if state != "open"}
    assert settled == {s.uid for s in all_[2:14]}


def test_a_click_on_a_suggestion_and_y_or_r_decide_that_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Suggested(qtbot, window, WIDTHS["wide"])
    decisions = reading.decisions()
    for number, suggestion in enumerate(reading.suggestions[::3]):
        reading.click_on(suggestion)
        accept = number % 2 == 0
        reading.key(Qt.Key.Key_Y if accept else Qt.Key.Key_R)
        decisions[suggestion.uid] = ("accepted" if accept else "rejected", "ali")
        assert reading.decisions() == decisions


def test_on_the_arabic_layout_the_keys_of_y_and_r_decide(qtbot: QtBot, window: MainWindow) -> None:
    reading = Suggested(qtbot, window, WIDTHS["default"])
    first, second = reading.suggestions[:2]
    reading.tab_to(first)
    type_on_arabic_layout(qtbot, reading.reader, "y")  # غ
    assert decided(window.project, first.uid) == "accepted"
    reading.tab_to(second)
    type_on_arabic_layout(qtbot, reading.reader, "r")  # ق
    assert decided(window.project, second.uid) == "rejected"


def test_hovering_a_suggestion_says_what_it_is_and_its_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Suggested(qtbot, window, WIDTHS["default"])
    suggestion = reading.suggestions[1]  # an ORG
    reading.edges(suggestion.start, suggestion.end)
    window.activateWindow()
    qtbot.waitActive(window)
    box = glyph_boxes(reading.reader, suggestion.start, suggestion.start + 2)[0]
    qtbot.mouseMove(reading.reader.viewport(), box.center().toPoint())
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "Y" in QToolTip.text())
    tip = QToolTip.text()
    if is_arabic():
        assert "<b>منظمة</b>" in tip
        assert "اقتراح من النموذج seed.annotate.model" in tip
        assert "الدرجة: 0.51" in tip and "Y: قبول · R: رفض" in tip
    else:
        assert "<b>ORG</b>" in tip and "Suggested by the model seed.annotate.model" in tip
        assert "score: 0.51" in tip and "Y: accept · R: reject" in tip
    QToolTip.hideText()


def test_a_suggestion_inside_a_span_of_its_colour_still_shows_its_dashes(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Suggested(qtbot, window, WIDTHS["default"])
    project, text = window.project, reading.text
    whole = text.index("دونالد ترامب")
    # sara's span, shown beside the analyst's own (an own span of the label would hide it)
    project.spans.add(reading.uid, "sara", "PERSON", whole, whole + len("دونالد ترامب"))
    trump = text.index("ترامب", whole)
    project.suggestions.add(reading.uid, [Candidate("PERSON", trump, trump + 5)], SOURCE)
    window.layers.choose(EVERYONE)
    window.reopen()
    (inside,) = [s for s in reading.reader.suggestions if s.start == trump]
    reading.edges(inside.start, inside.end)
    image = reading.reader.viewport().grab().toImage()
    (box,) = outline_boxes(reading, inside)
    top, bottom = round(box.top()), round(box.bottom())
    edge = round(INSET + OUTLINE_WIDTH) + 1
    left, right = round(box.left()) + 4, round(box.right()) - 4
    for rows in (range(top, top + edge), range(bottom - edge, bottom)):
        gaps = dashed(image, WHITE, left, right, rows)
        assert 0.2 < gaps < 0.7  # the gaps in the page's colour, on the span's


def test_in_another_analysts_layer_no_suggestion_is_shown_or_decided(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Suggested(qtbot, window, WIDTHS["default"])
    window.layers.choose(annotator_layer("sara"))
    assert len(reading.shown()) == 0
    reading.reader.put_caret(0)
    reading.key(Qt.Key.Key_Y)
    assert window.saved_label.text() == window.annotating.read_only_note
    assert reading.decisions() == {s.uid: ("open", "") for s in reading.suggestions}
    window.layers.choose(MINE)
    assert reading.shown() == reading.suggestions


def suggested_spans(project: Project, document: str, annotator: str) -> list[Span]:
    """The annotator's spans made by accepting a suggestion."""
    spans = project.spans.for_document(document, annotator)
    return [span for span in spans if span.origin == "suggested"]


def turn_of(qtbot: QtBot, window: MainWindow) -> None:
    """The analyst's window brought to the front, its reader focused."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()


@pytest.mark.parametrize("width", [WIDTHS["narrow"], WIDTHS["wide"]], ids=["narrow", "wide"])
def test_two_analysts_decide_the_same_suggestion_each_in_their_own_window(
    qtbot: QtBot, window: MainWindow, width: int
) -> None:
    """Ali rejects a suggestion with R; in Sara's window on the same project it is still
    shown, and Y accepts it. Ctrl+Z in Ali's window takes back his rejection only: the
    suggestion is shown to him again and Sara's acceptance stays; hers undone in her
    window, his stays undone, the suggestion open for both."""
    reading = Suggested(qtbot, window, width)
    project, chosen = window.project, reading.suggestions[3]  # two words: wraps when narrow

    def alis() -> dict[str, tuple[str, str, int, int]]:
        return {uid: span for uid, span in reading.state().items() if span[0] == "ali"}

    ali_spans = alis()
    reading.tab_to(chosen)
    reading.key(Qt.Key.Key_R)
    assert chosen.uid not in [s.uid for s in reading.shown()]
    assert alis() == ali_spans and reading.selected() == (None, None)
    saras = MainWindow(project, annotator="sara")
    qtbot.addWidget(saras)
    saras.show()
    qtbot.waitExposed(saras)
    hers = Reading(qtbot, saras, "", width, reading.uid)
    try:
        assert chosen.uid in [s.uid for s in saras.reader.suggestions]
        tab_to(qtbot, saras, chosen)
        qtbot.keyClick(saras.reader, Qt.Key.Key_Y)
        (made,) = suggested_spans(project, reading.uid, "sara")
        assert (made.start, made.end, made.label) == (chosen.start, chosen.end, chosen.label)
        assert hers.selected() == (made.uid, made.uid)  # her new span, and nobody else's
        assert alis() == ali_spans
        assert (decided(project, chosen.uid), decided(project, chosen.uid, "sara")) == (
            "rejected",
            "accepted",
        )
        turn_of(qtbot, window)
        reading.key(Qt.Key.Key_Z, CTRL)
        assert (decided(project, chosen.uid), decided(project, chosen.uid, "sara")) == (
            "open",
            "accepted",
        )
        assert chosen.uid in [s.uid for s in reading.shown()]
        assert alis() == ali_spans and reading.selected() == (None, None)
        assert suggested_spans(project, reading.uid, "sara") == [made]
        turn_of(qtbot, saras)
        qtbot.keyClick(saras.reader, Qt.Key.Key_Z, CTRL)
        assert (decided(project, chosen.uid), decided(project, chosen.uid, "sara")) == (
            "open",
            "open",
        )
        assert suggested_spans(project, reading.uid, "sara") == []
        assert chosen.uid in [s.uid for s in saras.reader.suggestions]
    finally:
        saras.close()


def nested(reading: Suggested) -> tuple[Suggestion, Suggestion]:
    """An ORG suggestion «إدارة ترامب» and, inside it, a PERSON one on «ترامب», besides
    the 24: (outer, inner)."""
    window, text = reading.window, reading.text
    start = text.index("إدارة ترامب")
    end = start + len("إدارة ترامب")
    inside = text.index("ترامب", start)
    candidates = [Candidate("ORG", start, end), Candidate("PERSON", inside, end)]
    window.project.suggestions.add(reading.uid, candidates, SOURCE)
    window.reopen()
    reading.reader.setFocus()
    shown = reading.shown()
    outer = next(s for s in shown if (s.start, s.end) == (start, end))
    inner = next(s for s in shown if (s.start, s.end) == (inside, end))
    return outer, inner


def test_y_and_tab_after_a_nested_suggestion_go_on_in_reading_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A click inside the inner of two nested suggestions and Y takes the inner one; the
    next Y, or Tab, takes the one after it in reading order, never the outer one again."""
    reading = Suggested(qtbot, window, WIDTHS["default"])
    reader = reading.reader
    outer, inner = nested(reading)
    shown = reading.shown()
    after = shown[shown.index(inner) + 1 : shown.index(inner) + 3]

    def state(suggestion: Suggestion) -> str:
        return decided(window.project, suggestion.uid)

    reading.click_on(inner)
    reading.key(Qt.Key.Key_Y)
    assert (state(inner), state(outer)) == ("accepted", "open")
    reading.key(Qt.Key.Key_Y)
    assert (state(after[0]), state(outer)) == ("accepted", "open")
    reading.key(Qt.Key.Key_Z, CTRL)
    reading.key(Qt.Key.Key_Z, CTRL)
    assert (state(inner), state(after[0]), state(outer)) == ("open", "open", "open")

    reading.tab_to(inner)  # Tab passed the outer one to get there
    reading.key(Qt.Key.Key_Y)
    assert (state(inner), state(outer)) == ("accepted", "open")
    reading.key(Qt.Key.Key_Tab)
    assert reader.selected_range() == (after[0].start, after[0].end)
    reading.key(Qt.Key.Key_R)
    reading.key(Qt.Key.Key_Tab)
    assert reader.selected_range() == (after[1].start, after[1].end)
    assert (state(after[0]), state(outer)) == ("rejected", "open")


def test_a_tab_choice_is_forgotten_once_the_analyst_moves_the_cursor(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Tab to a suggestion, click elsewhere, select its word by hand and press a label's
    key: a span of the analyst's own is made; the suggestion stays open."""
    reading = Suggested(qtbot, window, WIDTHS["default"])
    project, reader = window.project, reading.reader
    chosen = reading.suggestions[5]  # a GPE on one word
    assert chosen.label == "GPE"
    spans = reading.state()
    reading.tab_to(chosen)
    reading.click_on(reading.suggestions[9])
    reading.double_click(chosen.start, chosen.end)
    assert reader.selected_range() == (chosen.start, chosen.end)
    reading.key(LABEL_KEYS["PERSON"])
    (made,) = set(reading.state()) - set(spans)
    span = project.spans.get(made)
    assert (span.label, span.start, span.end, span.origin) == (
        "PERSON",
        chosen.start,
        chosen.end,
        "manual",
    )
    assert decided(project, chosen.uid) == "open"
    counted = project.suggestions.stats("ali")["GPE"]
    assert (counted["accepted"], counted["corrected"]) == (0, 0)


def test_a_label_keyed_y_in_an_older_project_keeps_its_key(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A project made before Y and R were kept for suggestions, its ORG keyed y: Y makes an
    ORG span as it always did, and the keys' help gives y to the label alone."""
    application()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_default_project() as project:
        project.store.conn.execute("UPDATE labels SET key = 'y' WHERE name = 'ORG'")
        project.store.conn.commit()
        project.labels.forget()
        window = MainWindow(project, annotator="ali")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        try:
            reading = Reading(qtbot, window, seed_text(), WIDTHS["default"])
            words = words_of(reading.text)
            start, end = words[12]
            project.suggestions.add(reading.uid, [Candidate("PERSON", *words[8])], SOURCE)
            window.reopen()
            reading.double_click(start, end)
            qtbot.keyClick(reading.reader, Qt.Key.Key_Y)
            spans = project.spans.for_document(reading.uid, "ali")
            assert [(s.label, s.start, s.end, s.origin) for s in spans] == [
                ("ORG", start, end, "manual")
            ]
            assert len(project.suggestions.open_for(reading.uid, "ali")) == 1
            actions = window.annotating.actions.all()
            rows = KeysOverlay(window, [a for a in actions if a.shortcuts()]).rows()
            (plain,) = [does for keys, does in rows if keys == "y / غ"]
            (shifted,) = [does for keys, does in rows if keys == "Shift+Y"]
            assert "(ORG)" in plain and "suggestion" not in shifted
        finally:
            window.close()
