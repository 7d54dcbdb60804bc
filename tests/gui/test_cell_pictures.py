"""The annotations panel and the document list paint their cells from pictures kept of
them: they must look exactly as Qt paints them, follow every change, and take a label
key in as one new row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from gui.cell_pictures import CellPictures
from gui.layers import EVERYONE
from gui.main_window import MainWindow
from gui.rtl import DirectedCells

WATER = 1  # the sample article on water, second in the list
ROUNDING = 2  # of 255: antialiased corners blend a unit apart where they are painted


def same_picture(shown: QImage, painted: QImage) -> bool:
    """Every pixel alike, but for the rounding of antialiased edges."""
    if shown.size() != painted.size():
        return False
    first, second = (
        bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits())
        for image in (shown, painted)
    )
    return (
        first == second or max(abs(a - b) for a, b in zip(first, second, strict=True)) <= ROUNDING
    )


def as_qt_paints_it(table: QTableView) -> QImage:
    """The table's cells painted by Qt's own delegate (each cell's text in its own
    direction), then its pictures put back."""
    pictures = table.itemDelegate()
    table.setItemDelegate(DirectedCells(table))
    image = table.viewport().grab().toImage()
    table.setItemDelegate(pictures)
    return image


def as_shown(table: QTableView) -> QImage:
    return table.viewport().grab().toImage()


@pytest.fixture
def everyone(window: MainWindow) -> MainWindow:
    """The water article with everyone's spans, so the panel has rows."""
    window.document_list.selectRow(WATER)
    window.layers.choose(EVERYONE)
    window.reader.setFocus()
    return window


def test_the_panel_and_the_list_look_exactly_as_qt_paints_them(
    qtbot: QtBot, everyone: MainWindow
) -> None:
    panel, listed = everyone.annotations, everyone.document_list
    assert isinstance(panel.itemDelegate(), CellPictures)
    assert isinstance(listed.itemDelegate(), CellPictures)
    assert panel.spans.rowCount() > 10
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Down)  # a current, selected row with focus
    qtbot.keyClick(panel, Qt.Key.Key_Down)
    for table in (panel, listed):  # the list: alternate rows, one selected
        shown = as_shown(table)
        assert same_picture(shown, as_qt_paints_it(table))
        assert shown == as_shown(table)  # painted again, from the pictures
    everyone.reader.setFocus()  # the panel's rows now without focus
    assert same_picture(as_shown(panel), as_qt_paints_it(panel))


def test_a_relabelled_span_and_its_documents_count_are_painted_anew(
    qtbot: QtBot, everyone: MainWindow
) -> None:
    panel = everyone.annotations
    as_shown(panel)  # every row in view has its pictures
    before = as_shown(everyone.document_list)
    uid = panel.spans.span_at(2).uid
    span = everyone.reader.annotated.span(uid)  # type: ignore[union-attr]
    text = everyone.reader.annotated.covered_text(span)  # type: ignore[union-attr]
    cursor = everyone.reader.textCursor()
    cursor.setPosition(everyone.reader.positions.to_qt(span.start))
    cursor.setPosition(everyone.reader.positions.to_qt(span.end), cursor.MoveMode.KeepAnchor)
    everyone.reader.setTextCursor(cursor)
    qtbot.keyClick(everyone.reader, Qt.Key.Key_T)  # ali's own TITLE on the same words
    row = panel.spans.row_of(everyone.reader.selected_span or "")
    assert row is not None
    assert panel.spans.index(row, 0).data() == "TITLE"
    assert text.split()[0] in panel.spans.index(row, 1).data()
    assert same_picture(as_shown(panel), as_qt_paints_it(panel))
    listed = as_shown(everyone.document_list)
    assert listed != before  # one span more in the water article's row
    assert same_picture(listed, as_qt_paints_it(everyone.document_list))


def test_a_label_key_inserts_one_row_and_paints_only_it_afresh(
    qtbot: QtBot, everyone: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel, reader = everyone.annotations, everyone.reader
    panel.scrollToTop()
    as_shown(panel)
    first_shown = panel.spans.span_at(panel.rowAt(0))
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    panel.spans.rowsInserted.connect(lambda _, first, last: inserted.append((first, last)))
    panel.spans.modelReset.connect(lambda: resets.append(True))
    painted: list[int] = []
    fresh = CellPictures._picture

    def counted(self: CellPictures, *args: object) -> object:
        painted.append(1)
        return fresh(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(CellPictures, "_picture", counted)
    cursor = reader.textCursor()  # the first word of the first span in view
    start = first_shown.start
    end = reader.annotated.text.index(" ", start)  # type: ignore[union-attr]
    cursor.setPosition(reader.positions.to_qt(start))
    cursor.setPosition(reader.positions.to_qt(end), cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    qtbot.keyClick(reader, Qt.Key.Key_D)  # ali's own DATE on the first word
    row = panel.spans.row_of(reader.selected_span or "")
    assert inserted == [(row, row)] and not resets
    shown = as_shown(panel)
    rows_in_view = panel.rowAt(panel.viewport().height() - 1) - panel.rowAt(0)
    assert row is not None and panel.rowAt(0) <= row and rows_in_view > 8
    assert len(painted) <= 2 * panel.spans.columnCount()  # it, and the row selected before
    assert same_picture(shown, as_qt_paints_it(panel))
