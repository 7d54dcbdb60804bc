"""Changing labels from the palette's menu: a retired label is struck through and refused
for a new span; a renamed one keeps its key and every span."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QListWidgetItem, QMenu
from pytestqt.qtbot import QtBot

from gui.label_palette import LABEL_ROLE, LabelPalette
from gui.main_window import MainWindow
from tests.gui.test_annotating import Session

SPAN_ROWS = 'SELECT uid, annotator, label, start, "end", attrs, updated_at FROM spans ORDER BY uid'


def span_rows(window: MainWindow) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(window.project.path)
    try:
        return conn.execute(SPAN_ROWS).fetchall()
    finally:
        conn.close()


def shown_menu(qtbot: QtBot, palette: LabelPalette, item: QListWidgetItem) -> list[str]:
    """The actions of the menu a right-click on the item opens, closed once seen."""
    seen: list[str] = []

    def close_it() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        seen.extend(action.text() for action in popup.actions())
        popup.close()

    QTimer.singleShot(0, close_it)
    centre = palette.visualItemRect(item).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, palette.viewport().mapToGlobal(centre)
    )
    QApplication.sendEvent(palette.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def menu_texts(window: MainWindow, name: str) -> list[str]:
    return [a.text() for a in window.label_editing.menu_for(name).actions()]


def choose(window: MainWindow, name: str, text: str) -> None:
    menu = window.label_editing.menu_for(name)
    (action,) = [a for a in menu.actions() if a.text() == text]
    action.trigger()


@pytest.fixture
def session(qtbot: QtBot, window: MainWindow) -> Session:
    window.reader.setFocus()
    return Session(qtbot, window)


def test_a_retired_label_is_struck_through_and_refused_for_a_new_span(
    qtbot: QtBot, session: Session, window: MainWindow
) -> None:
    palette = window.palette_list
    event = palette.item_named("EVENT")
    assert event is not None
    assert shown_menu(qtbot, palette, event) == [
        "&Rename…",
        "&Colour…",
        "Add attribute &values…",
        "R&etire",
    ]
    before = span_rows(window)
    choose(window, "EVENT", "R&etire")
    assert window.saved_label.text() == "retired EVENT: its spans keep it"
    event = palette.item_named("EVENT")
    assert event is not None and event.text() == "[e / ث]  Event · حدث  (retired)"
    assert event.font().strikeOut()
    assert "Retired: its spans keep it" in event.toolTip()
    assert menu_texts(window, "EVENT")[-1] == "&Offer again"
    first, last = session.at("خطة")
    session.drag(first, last - 1)
    qtbot.mouseClick(
        palette.viewport(),
        Qt.MouseButton.LeftButton,
        pos=palette.visualItemRect(event).center(),
    )
    assert window.saved_label.text() == (
        "field 'label': label EVENT is retired: the spans made before keep it, new spans"
        " cannot take it"
    )
    session.key(Qt.Key.Key_E)  # its key is refused the same way
    assert "label EVENT is retired" in window.saved_label.text()
    assert span_rows(window) == before
    choose(window, "EVENT", "&Offer again")
    session.drag(first, last - 1)
    session.key(Qt.Key.Key_E)
    assert session.spans()["خطة"] == ("EVENT", first, last)


def test_a_label_renamed_from_the_menu_keeps_its_key_and_every_span(
    qtbot: QtBot, session: Session, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = span_rows(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("ORG", True))
    choose(window, "PERSON", "&Rename…")
    assert window.saved_label.text() == (
        "field 'new': ORG is already a label; labels are not merged"
    )
    assert span_rows(window) == before
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("PER", True))
    choose(window, "PERSON", "&Rename…")
    assert window.saved_label.text() == "PERSON → PER"
    assert span_rows(window) == [
        (*row[:2], "PER" if row[2] == "PERSON" else row[2], *row[3:]) for row in before
    ]
    palette = window.palette_list
    assert palette.item(0).data(LABEL_ROLE) == "PER"
    assert palette.item(0).text() == "[p / ح]  Person · شخص"
    first, last = session.at("خطة")
    session.drag(first, last - 1)
    session.key(Qt.Key.Key_P)
    assert session.spans()["خطة"] == ("PER", first, last)


def test_the_annotate_menu_changes_the_label_the_guidelines_show(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_guidelines()
    qtbot.keyClick(window.guidelines.chooser, Qt.Key.Key_Down)  # Organisation
    seen: list[str] = []

    def retire_from_the_menu() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        seen.extend(action.text() for action in popup.actions())
        popup.close()
        next(a for a in popup.actions() if a.text() == "R&etire").trigger()

    QTimer.singleShot(0, retire_from_the_menu)
    (change,) = [a for a in window.actions() if a.text() == "Change &label…"]
    change.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert window.saved_label.text() == "retired ORG: its spans keep it"
    organisation = window.project.labels.span_label("ORG")
    assert organisation is not None and organisation.retired
    assert window.guidelines.current_name() == "ORG"
