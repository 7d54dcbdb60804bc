"""Find in the open document (Ctrl+F) and search every document (Ctrl+Shift+F)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.span_paint import CURRENT_FOUND_BACKGROUND
from tests.gui.layout_geometry import colours_in, glyph_boxes


def type_text(widget: QWidget, text: str) -> None:
    """Key presses that type Arabic (QTest's keyClicks knows only Latin keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WATER = 1


def test_find_marks_every_mention_and_steps_through_them(qtbot: QtBot, window: MainWindow) -> None:
    window.document_list.selectRow(WATER)
    reader = window.reader
    text = reader.annotated.text if reader.annotated else ""
    qtbot.keyClick(reader, Qt.Key.Key_F, CTRL)
    type_text(window.find_bar.query, "المنظمة")  # also للمنظمة, without its first ل
    found = reader.found
    assert found is not None
    first, second = text.index("المنظمة"), text.index("للمنظمة") + 1
    assert found.stretches == [(first, first + 7), (second, second + 6)]
    assert window.find_bar.count.text() == "1 of 2"
    reader.viewport().repaint()
    image = reader.viewport().grab().toImage()
    boxes = glyph_boxes(reader, first, first + 7)
    assert any(CURRENT_FOUND_BACKGROUND in colours_in(image, box) for box in boxes)
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)
    assert reader.found is not None and reader.found.current == 1
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    assert reader.found is None and not window.find_bar.isVisible()


def test_search_every_document_and_open_a_result(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.document_list, Qt.Key.Key_F, CTRL | SHIFT)
    search = window.corpus_search
    type_text(search.query, "عمان")  # written عمّان in the article
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not search.searching)
    assert [hit.text for hit in search.hits] == ["عمّان", "عمّان"]
    assert "2 mentions" in search.status.text()
    second = search.hits[1]
    rect = search.results.visualItemRect(search.results.item(1, 3))
    qtbot.mouseClick(search.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    annotated = window.reader.annotated
    assert annotated is not None and annotated.document.uid == second.document
    found = window.reader.found
    assert found is not None
    assert found.stretches[found.current] == (second.start, second.end)


def test_search_shows_which_hits_are_spelled_otherwise_and_finds_the_word_family(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.project.documents.add(
        "قال مسؤول في الوزارة إن مسئول آخر سيحضر، وأكد المسؤول\nالأوكراني ذلك لمسؤولين."
    )
    window.refresh()
    search = window.corpus_search
    search.show()
    type_text(search.query, "مسؤول")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not search.searching)

    def rows() -> list[tuple[str, str]]:
        return [
            (hit.text, search.results.item(row, 2).text()) for row, hit in enumerate(search.hits)
        ]

    assert rows() == [  # the last one inside المسؤول
        ("مسؤول", "as typed"),
        ("مسئول", "otherwise"),
        ("مسؤول", "as typed"),
    ]
    search.family.setChecked(True)  # searches again at once
    qtbot.waitUntil(lambda: not search.searching)
    assert rows() == [
        ("مسؤول", "as typed"),
        ("مسئول", "otherwise"),
        ("المسؤول", "otherwise"),
        ("مسؤولين", "otherwise"),
    ]
    assert search.status.text() == "4 mentions, 3 spelled otherwise"


def test_find_follows_the_reader_to_another_document_and_results_keep_their_query(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.document_list.selectRow(WATER)
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    type_text(window.find_bar.query, "في")
    assert window.find_bar.count.text().startswith("1 of")
    window.document_list.selectRow(0)  # the other article has its own mentions
    text = window.reader.annotated.text if window.reader.annotated else ""
    assert window.reader.found is not None
    assert len(window.reader.found.stretches) == text.count("في ")
    search = window.corpus_search
    type_text(search.query, "عمان")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not search.searching)
    type_text(search.query, "xyz")  # typed, not searched
    window.show_hit(search.hits[0])
    found = window.reader.found
    assert found is not None and found.stretches[found.current][0] == search.hits[0].start
    qtbot.keyClick(search.query, Qt.Key.Key_Return)  # a new search replaces the results
    qtbot.waitUntil(lambda: not search.searching)
    assert search.hits == []
