"""The reviewer resolves every disagreement by keyboard; the gold layer is exactly right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.schema import SpanLabel
from gui.main_window import MainWindow
from gui.review_lanes import LOOKS
from gui.review_window import ReviewWindow
from tests.annotate.test_review import TEXT, disagreeing_document
from tests.gui.progress_watch import watch_progress

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_review(qtbot: QtBot, window: MainWindow) -> ReviewWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.reader, Qt.Key.Key_R, CTRL | SHIFT)
    review = window.review_window
    assert review is not None and review.isVisible()
    qtbot.waitExposed(review)
    review.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    review.items.setFocus()
    return review


def gold(project: Project, document: str) -> list[tuple[str, str, str]]:
    return [
        (s.label, TEXT[s.start : s.end], s.origin)
        for s in project.spans.for_document(document, GOLD_ANNOTATOR)
    ]


def press(qtbot: QtBot, review: ReviewWindow, key: Qt.Key, keys: object = None) -> None:
    modifiers = keys if keys is not None else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(review.items, key, modifiers)  # type: ignore[arg-type]


def test_every_disagreement_is_resolved_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    document = disagreeing_document(window.project)
    review = open_review(qtbot, window)
    assert review.documents_model.document(0).uid == document  # the most disagreements first
    assert review.progress.text() == "Resolved 0 / 6 in this document; 4 disagreements left"
    press(qtbot, review, Qt.Key.Key_A)  # both spans everyone agrees on
    press(qtbot, review, Qt.Key.Key_2)  # the first row: Huda's PERSON, not Ali's TITLE
    press(qtbot, review, Qt.Key.Key_F8)
    press(qtbot, review, Qt.Key.Key_1)  # Ali's whole name
    press(qtbot, review, Qt.Key.Key_F8)
    assert review.current_item() is not None
    assert review.current_item().state == "speaker"  # type: ignore[union-attr]
    press(qtbot, review, Qt.Key.Key_1)  # Ali's quote, linked to Ali's speaker
    press(qtbot, review, Qt.Key.Key_F8)
    press(qtbot, review, Qt.Key.Key_Delete)  # a name only Ali saw: rejected
    assert gold(window.project, document) == [
        ("PERSON", "وزير الخارجية", "adjudicated"),
        ("PERSON", "سامي الحداد", "adjudicated"),
        ("GPE", "عمّان", "adjudicated"),
        ("QUOTE", "الحوار هو الطريق الوحيد", "adjudicated"),
        ("QUOTE", "الاتفاق قريب", "adjudicated"),
    ]
    (link,) = window.project.relations.for_document(document, GOLD_ANNOTATOR)
    tail = window.project.spans.get(link.tail)
    assert (link.label, TEXT[tail.start : tail.end]) == ("SPEAKER", "سامي الحداد")
    assert review.progress.text() == "Resolved 6 / 6 in this document; 0 disagreements left"
    press(qtbot, review, Qt.Key.Key_F8)
    assert review.message.text() == "No disagreement left to decide in this document"

    press(qtbot, review, Qt.Key.Key_Z, CTRL)  # the rejection is undone
    assert review.progress.text() == "Resolved 5 / 6 in this document; 1 disagreement left"
    assert review.message.text() == "Undid: Reject"
    press(qtbot, review, Qt.Key.Key_Z, CTRL | SHIFT)
    assert review.progress.text().startswith("Resolved 6 / 6")
    assert review.message.text() == "Redid: Reject"


def test_the_gold_span_is_edited_by_keys_and_review_resumes(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = disagreeing_document(window.project)
    review = open_review(qtbot, window)
    press(qtbot, review, Qt.Key.Key_F8)  # from the first row to the boundaries
    press(qtbot, review, Qt.Key.Key_1)
    press(qtbot, review, Qt.Key.Key_Home, CTRL | ALT | SHIFT)  # shrink the start by a word
    assert gold(window.project, document) == [("PERSON", "الحداد", "adjudicated")]
    press(qtbot, review, Qt.Key.Key_T)  # the TITLE key relabels the gold span
    assert gold(window.project, document) == [("TITLE", "الحداد", "adjudicated")]
    review.close()
    again = open_review(qtbot, window)
    row = again.items.currentIndex().row()
    column = again.items_model.columnCount() - 1
    decisions = [
        again.items_model.index(r, column).data() for r in range(again.items_model.rowCount())
    ]
    assert (row, decisions) == (1, ["", "edited", "", "", "", ""])  # where it stopped
    fresh = ReviewWindow(window.project, "ali")  # as after closing the app
    qtbot.addWidget(fresh)
    column = fresh.items_model.columnCount() - 1
    assert fresh.items_model.index(1, column).data() == "edited"


def test_each_state_has_its_colour_and_its_own_underline(qtbot: QtBot, window: MainWindow) -> None:
    disagreeing_document(window.project)
    review = open_review(qtbot, window)
    lane = review.lanes.lanes["ali"]
    seen = {}
    for selection in lane.extraSelections():
        text = selection.cursor.selectedText()  # type: ignore[attr-defined]
        found: QTextCharFormat = selection.format  # type: ignore[attr-defined]
        if found.hasProperty(QTextCharFormat.Property.BackgroundBrush):  # not a linked span
            seen[text] = (found.background().color().name(), found.underlineStyle())
    expected = {
        "وزير الخارجية": "label",
        "سامي الحداد": "boundaries",
        "عمّان": "agreed",
        "الحوار هو الطريق الوحيد": "speaker",
        "ريم ناصر": "missing",
    }
    for text, state in expected.items():
        assert seen[text] == (LOOKS[state].colour, LOOKS[state].underline), text
    states = [look for name, look in LOOKS.items() if name != "gold"]
    assert len({(look.underline, look.overline) for look in states}) == len(states)
    assert len({look.colour for look in LOOKS.values()}) == len(LOOKS)
    assert QApplication.activeWindow() is review


def test_review_opened_again_shows_new_work_and_the_current_reviewer(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = disagreeing_document(window.project)
    review = open_review(qtbot, window)
    press(qtbot, review, Qt.Key.Key_F8)  # on the boundaries
    assert review.progress.text().endswith("4 disagreements left")
    start = TEXT.index("ريم ناصر")
    window.project.spans.add(document, "huda", "PERSON", start, start + len("ريم ناصر"))
    again = open_review(qtbot, window)
    assert again is review
    assert review.progress.text().endswith("3 disagreements left")  # Huda saw Reem too
    assert review.current_item().state == "boundaries"  # type: ignore[union-attr]
    window.annotating.switch_annotator("rana")
    other = open_review(qtbot, window)
    assert other is not review and other.review.reviewer == "rana"


def test_a_large_project_shows_how_far_counting_has_come(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.project
    for number in range(120):
        text = f"{TEXT} ({number})"
        uid = project.documents.add(text, f"مؤتمر {number}").documents_added[0]
        place = text.index("عمّان")
        for name in ("ali", "huda"):
            project.spans.add(uid, name, "GPE", place, place + len("عمّان"))
    window.activateWindow()  # so that opening review runs no events before counting does
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    seen = watch_progress(monkeypatch)
    review = open_review(qtbot, window)
    total = project.documents.count()  # the sample's documents too
    assert seen and seen[0][0] == "Counting disagreements…" and seen[0][2] == total
    assert 0 < seen[0][1] < total
    assert review.documents_model.rowCount() == 120
    assert QApplication.activeModalWidget() is None  # the progress is gone


def test_a_label_that_comes_in_later_gets_its_key_when_review_opens_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = disagreeing_document(window.project)
    review = open_review(qtbot, window)
    review.close()
    window.project.labels.add_span_label(SpanLabel("RANK", "Rank", "رتبة", key="k"))
    again = open_review(qtbot, window)
    assert again is review  # the same window, refreshed
    press(qtbot, again, Qt.Key.Key_1)  # the first row: Ali's TITLE for وزير الخارجية
    press(qtbot, again, Qt.Key.Key_K)
    assert gold(window.project, document) == [("RANK", "وزير الخارجية", "adjudicated")]
