"""The guidelines panel and the palette's hover: each label's definition and examples, in
English or Arabic, reached by keyboard from the View menu or by pointing at a label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow

PERSON_EXAMPLE = "قال الرئيس [سليم الحداد] إن الاتفاق قريب."
ORG_DEFINITION = "A named organisation: ministries, governments acting as a body"


def shown_text(window: MainWindow) -> str:
    return window.guidelines.text.toPlainText()


def block_with(document: QTextDocument, words: str) -> Qt.LayoutDirection:
    block = document.begin()
    while block.isValid():
        if words in block.text():
            return block.blockFormat().layoutDirection()
        block = block.next()
    raise AssertionError(f"no paragraph holds {words!r}")


def test_the_guidelines_key_opens_the_panel_and_arrows_go_through_the_labels(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.guidelines_dock.isVisible()
    assert window.guidelines.chooser.hasFocus()
    assert window.guidelines.current_name() == "PERSON"
    assert PERSON_EXAMPLE in shown_text(window)
    assert "Leave out titles, ranks and honorifics" in shown_text(window)
    qtbot.keyClick(window.guidelines.chooser, Qt.Key.Key_Down)
    assert window.guidelines.current_name() == "ORG"
    assert ORG_DEFINITION in shown_text(window)


def test_the_label_pointed_at_in_the_palette_is_the_one_explained(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_guidelines()
    palette = window.palette_list
    quote = next(i for i in range(palette.count()) if palette.item(i).text().endswith("اقتباس"))
    qtbot.mouseClick(
        palette.viewport(),
        Qt.MouseButton.LeftButton,
        pos=palette.visualItemRect(palette.item(quote)).center(),
    )
    assert window.guidelines.current_name() == "QUOTE"
    assert "Direct (kind = direct): the words inside the quotation marks" in shown_text(window)
    assert "قالت الوزيرة: «[سنفتح المعابر غدًا]»." in shown_text(window)


def test_in_arabic_the_definition_and_examples_read_right_to_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_guidelines()
    panel = window.guidelines
    panel.language.setFocus()
    qtbot.keyClick(panel.language, Qt.Key.Key_Down)  # English, then العربية
    assert panel.shown_language() == "arabic"
    document = panel.text.document()
    assert "اسم شخص بعينه كما كُتب" in shown_text(window)
    assert "اللقب «الرئيس» خارج الاسم." in shown_text(window)
    assert "Leave out titles" not in shown_text(window)
    right_to_left = Qt.LayoutDirection.RightToLeft
    assert block_with(document, "اسم شخص بعينه") == right_to_left
    assert block_with(document, PERSON_EXAMPLE) == right_to_left
    qtbot.keyClick(panel.language, Qt.Key.Key_Up)
    assert block_with(panel.text.document(), PERSON_EXAMPLE) == right_to_left
    assert block_with(panel.text.document(), "Leave out titles") == Qt.LayoutDirection.LeftToRight


def test_hovering_a_label_in_the_palette_shows_its_definition(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    palette = window.palette_list
    date = next(i for i in range(palette.count()) if palette.item(i).text().endswith("تاريخ"))
    qtbot.mouseMove(palette.viewport(), palette.visualItemRect(palette.item(date)).center())
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "Date" in QToolTip.text())
    assert "A date or period, absolute or relative" in QToolTip.text()
    assert "تاريخ أو مدة، مطلقة أو نسبية" in QToolTip.text()
