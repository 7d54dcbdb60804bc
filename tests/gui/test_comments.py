"""Comments and flags in the app, by real keys and mouse on the sample's water article
(25 spans of "sample", some of huda's, ali's own): the corner marks where the spans end,
the hover, the Annotations panel, the status bar, undo, and the review window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMenu,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.annotations_panel import NOTES_COLUMN
from gui.comment_marks import COMMENT_COLOUR, FLAG_COLOUR
from gui.layers import EVERYONE
from gui.main_window import MainWindow
from tests.gui.layout_geometry import glyph_boxes
from tests.gui.test_annotating import Session, when_modal
from tests.gui.test_review_counts import open_review, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUESTION = "هل هو الأمين العام؟"
HUDA = [("GPE", "العاصمة"), ("PERSON", "سامي بن عاشور"), ("ORG", "الصندوق العربي للتنمية")]


@pytest.fixture
def team(qtbot: QtBot, window: MainWindow) -> Session:
    """The water article with everyone's spans shown: sample's, and three of huda's."""
    session = Session(qtbot, window)
    project = window.project
    project.annotators.ensure("huda")
    for label, words in HUDA:
        project.spans.add(session.uid, "huda", label, *session.at(words))
    window.layers.choose(EVERYONE)
    session.reader = window.reader
    return session


def type_comment(qtbot: QtBot, text: str) -> None:
    def write(dialog: QWidget) -> None:
        edit = dialog.findChild(QPlainTextEdit)
        assert edit is not None
        type_arabic(edit, text)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(write)


def type_arabic(widget: QWidget, text: str) -> None:
    """Key presses as an Arabic keyboard sends them: each with its character as text (QTest
    types only what a Latin keyboard has)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def right_click(qtbot: QtBot, session: Session, point: QPoint) -> None:
    """A right click as the window system delivers it: the button, then the context menu
    event (which QTest's clicks leave out)."""
    viewport = session.reader.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=point)
    reason = QContextMenuEvent.Reason.Mouse
    QApplication.sendEvent(viewport, QContextMenuEvent(reason, point, viewport.mapToGlobal(point)))


def end_box(session: Session, start: int, end: int) -> QRectF:
    """The glyph box of a span's last character (the text reads right to left: the span
    ends at its left edge)."""
    session.point(start)
    box = glyph_boxes(session.reader, end - 1, end)[0]
    return QRectF(box)


def pixel(image: QImage, x: float, y: float) -> str:
    return QColor(image.pixel(int(x), int(y))).name()


def comment_pixel(image: QImage, box: QRectF) -> str:
    """A pixel inside the comment mark: in the top corner where the span ends."""
    return pixel(image, box.left() + 2, box.top() + 2)


def flag_pixel(image: QImage, box: QRectF) -> str:
    return pixel(image, box.left() + 2, box.bottom() - 3)


def grab(session: Session) -> QImage:
    session.reader.viewport().repaint()
    return session.reader.viewport().grab().toImage()


def test_a_comment_on_a_dragged_span_is_marked_where_it_ends_and_shown_on_hover(
    qtbot: QtBot, team: Session
) -> None:
    name = team.at("سامي بن عاشور")
    team.drag(name[0], name[1] - 1)
    team.key(Qt.Key.Key_P)
    uid = team.reader.selected_span
    assert uid is not None and team.spans()["سامي بن عاشور"] == ("PERSON", *name)
    type_comment(qtbot, QUESTION)
    team.key(Qt.Key.Key_C, CTRL | SHIFT)
    project = team.window.project
    (comment,) = project.comments.for_span(uid)
    assert (comment.author, comment.body) == ("ali", QUESTION)

    box = end_box(team, *name)
    image = grab(team)
    assert comment_pixel(image, box) == COMMENT_COLOUR
    start_box = glyph_boxes(team.reader, name[0], name[0] + 1)[0]
    assert pixel(image, start_box.right() - 2, start_box.top() + 2) != COMMENT_COLOUR
    other = team.at("الصندوق العربي للتنمية")  # huda's and sample's: nothing said
    assert comment_pixel(image, end_box(team, *other)) != COMMENT_COLOUR

    team.window.activateWindow()
    qtbot.waitActive(team.window)
    qtbot.mouseMove(team.reader.viewport(), team.point(name[0] + 3))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QUESTION in QToolTip.text())
    assert "✎ ali, " in QToolTip.text()

    spans = team.window.annotations.spans
    row = spans.row_of(uid)
    assert row is not None
    assert spans.index(row, NOTES_COLUMN).data() == "✎ 1"

    team.key(Qt.Key.Key_Z, CTRL)  # the comment is one step of the undo history
    assert project.comments.for_span(uid) == []
    assert comment_pixel(grab(team), box) != COMMENT_COLOUR
    assert spans.index(spans.row_of(uid) or 0, NOTES_COLUMN).data() == ""


def test_the_context_menu_flags_another_annotators_span_and_undo_clears_it(
    qtbot: QtBot, team: Session
) -> None:
    capital = team.at("العاصمة")
    huda = next(s for s in team.window.project.spans.for_document(team.uid, "huda"))
    assert (huda.start, huda.end) == capital

    def choose_flag(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if "needs discussion" in a.text())
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    when_modal(choose_flag)
    right_click(qtbot, team, team.point(capital[0] + 2))
    project = team.window.project
    qtbot.waitUntil(
        lambda: project.comments.is_flagged(team.uid, huda.uid, "ali", "needs discussion")
    )
    assert team.reader.selected_span == huda.uid
    box = end_box(team, *capital)
    assert flag_pixel(grab(team), box) == FLAG_COLOUR
    assert comment_pixel(grab(team), box) != COMMENT_COLOUR  # a flag, no comment
    spans = team.window.annotations.spans
    notes = spans.index(spans.row_of(huda.uid) or 0, NOTES_COLUMN)
    assert notes.data() == "⚑"
    assert "⚑\xa0needs\xa0discussion\xa0(ali)" in notes.data(Qt.ItemDataRole.ToolTipRole)

    team.key(Qt.Key.Key_Z, CTRL)
    assert not project.comments.is_flagged(team.uid, huda.uid, "ali", "needs discussion")
    assert flag_pixel(grab(team), box) != FLAG_COLOUR


def test_the_document_is_commented_when_no_span_is_selected_and_keeps_a_deleted_spans(
    qtbot: QtBot, team: Session
) -> None:
    team.click(team.at("اتفق")[0] + 1)  # into the reader, on words nobody marked
    assert team.reader.selected_span is None
    team.key(Qt.Key.Key_U, CTRL | SHIFT)  # nothing selected: the document is unsure
    mark = team.window.commenting.document_mark
    assert mark.text() == "Document: ⚑ unsure"
    name = team.at("سامي بن عاشور")
    team.drag(name[0], name[1] - 1)
    team.key(Qt.Key.Key_P)
    type_comment(qtbot, QUESTION)
    team.key(Qt.Key.Key_C, CTRL | SHIFT)
    team.key(Qt.Key.Key_Delete)
    assert "سامي بن عاشور" not in team.spans()
    assert mark.text() == "Document: ✎ 1 · ⚑ unsure"
    tip = mark.toolTip().replace("\xa0", " ")  # a plain-text tooltip's spaces
    assert "(on a deleted span: \u2068PERSON ‘سامي بن عاشور’ of ali\u2069)" in tip
    team.key(Qt.Key.Key_Z, CTRL)
    assert mark.text() == "Document: ⚑ unsure"
    (span,) = [s for s in team.window.project.spans.for_document(team.uid, "ali")]
    assert [c.body for c in team.window.project.comments.for_span(span.uid)] == [QUESTION]


def test_review_marks_the_item_whose_span_has_a_comment_and_shows_it(
    qtbot: QtBot, team: Session
) -> None:
    project = team.window.project
    huda = {s.label: s for s in project.spans.for_document(team.uid, "huda")}
    team.click(huda["GPE"].start + 2)
    assert team.reader.selected_span == huda["GPE"].uid
    type_comment(qtbot, QUESTION)
    team.key(Qt.Key.Key_C, CTRL | SHIFT)
    team.key(Qt.Key.Key_N, CTRL | SHIFT)
    review = open_review(qtbot, project)
    review.documents.setCurrentIndex(
        review.documents_model.index(review.documents_model.row_of(team.uid), 0)
    )
    model = review.items_model
    marked = [row for row in range(model.rowCount()) if model.notes(row)]
    assert len(marked) == 1
    text = model.index(marked[0], 1).data()
    assert text.startswith("✎ ⚑ ") and "العاصمة" in text
    review.items.setCurrentIndex(model.index(0, 0))
    review.items.setFocus()
    for _ in range(marked[0]):
        press(qtbot, review, Qt.Key.Key_Down)
    assert review.items.currentIndex().row() == marked[0]
    assert review.notes.text() == (
        f"huda GPE: ⚑ needs discussion (ali)\nhuda GPE: ✎ ali, "
        f"{project.comments.for_span(huda['GPE'].uid)[0].created_at[:10]}: \u2068{QUESTION}\u2069"
    )
    tip = model.index(marked[0], 1).data(Qt.ItemDataRole.ToolTipRole).replace("\xa0", " ")
    assert QUESTION in tip


def test_a_comment_is_resolved_by_its_key_and_the_resolution_undone(
    qtbot: QtBot, team: Session
) -> None:
    name = team.at("سامي بن عاشور")
    team.drag(name[0], name[1] - 1)
    team.key(Qt.Key.Key_P)
    uid = team.reader.selected_span
    assert uid is not None
    type_comment(qtbot, QUESTION)
    team.key(Qt.Key.Key_C, CTRL | SHIFT)
    when_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))  # the only one
    team.key(Qt.Key.Key_K, CTRL | SHIFT)
    project = team.window.project
    (comment,) = project.comments.for_span(uid)
    assert comment.resolved_by == "ali"
    assert team.reader.talk.lines(uid)[0].endswith("[resolved by ali]")
    team.key(Qt.Key.Key_K, CTRL | SHIFT)  # nothing open is left: said, and nothing asked
    assert team.window.saved_label.text() == "No open comment here to resolve."
    team.key(Qt.Key.Key_Z, CTRL)
    assert not project.comments.for_span(uid)[0].resolved


class PaintedRegions(QObject):
    """The regions the reader's viewport repaints."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.heights: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.heights.append(event.region().boundingRect().height())
        return False


def test_a_label_key_repaints_the_span_not_the_whole_reader_when_no_comment_moves(
    qtbot: QtBot, team: Session
) -> None:
    name = team.at("سامي بن عاشور")
    team.drag(name[0], name[1] - 1)
    viewport = team.reader.viewport()
    qtbot.wait(50)  # what the drag left to paint
    painted = PaintedRegions(viewport)
    team.key(Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(painted.heights))
    assert team.spans()["سامي بن عاشور"] == ("PERSON", *name)
    assert max(painted.heights) < viewport.height() // 2
