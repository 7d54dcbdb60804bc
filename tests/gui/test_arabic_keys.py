"""Label keys with the Arabic keyboard layout active: the key marked P types ح, and still
applies PERSON; the key help shows both letters."""

from __future__ import annotations

import ctypes
import ctypes.util
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.arabic_keys import ARABIC_101, LATIN_OF, both_keys
from gui.keys_overlay import KeysOverlay
from gui.main_window import MainWindow
from tests.annotate.test_review import disagreeing_document
from tests.gui.test_annotating import Session
from tests.gui.test_review import gold, open_review, press

XKB_DATA = Path("/usr/share/X11/xkb/symbols/ara")
EVDEV_LETTERS = range(16, 59)  # the keycodes of the three rows of letters


def type_on_arabic_layout(qtbot: QtBot, widget: object, latin: str) -> None:
    """Press the key marked `latin` with the Arabic layout active: Qt gets the Arabic
    letter it types, as its key code and its text."""
    arabic = ARABIC_101[latin]
    code = Qt.Key(ord(arabic)) if len(arabic) == 1 else Qt.Key.Key_unknown
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, code, arabic, Qt.KeyboardModifier.NoModifier)


def test_the_table_is_the_standard_arabic_layout() -> None:
    assert sorted(ARABIC_101) == list("abcdefghijklmnopqrstuvwxyz")
    assert len(set(ARABIC_101.values())) == 26
    assert all(
        unicodedata.name(char).startswith("ARABIC LETTER")
        for arabic in ARABIC_101.values()
        for char in arabic
    )
    given = dict(p="ح", o="خ", g="ل", l="م", e="ث", n="ى", d="ي", t="ف", q="ض", c="ؤ")
    assert {latin: ARABIC_101[latin] for latin in given} == given
    assert LATIN_OF["ح"] == "p" and LATIN_OF["لا"] == LATIN_OF["\ufefb"] == "b"


def typed_by_each_key(layout: str) -> dict[int, str]:
    """What each letter key types on an X11 layout, as libxkbcommon works it out."""
    xkb = ctypes.CDLL(ctypes.util.find_library("xkbcommon") or "libxkbcommon.so.0")

    class Names(ctypes.Structure):
        _fields_ = [
            (n, ctypes.c_char_p) for n in ("rules", "model", "layout", "variant", "options")
        ]

    xkb.xkb_context_new.restype = ctypes.c_void_p
    xkb.xkb_keymap_new_from_names.restype = ctypes.c_void_p
    xkb.xkb_keymap_new_from_names.argtypes = [ctypes.c_void_p, ctypes.POINTER(Names), ctypes.c_int]
    xkb.xkb_state_new.restype = ctypes.c_void_p
    xkb.xkb_state_new.argtypes = [ctypes.c_void_p]
    xkb.xkb_state_key_get_utf8.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_char_p,
        ctypes.c_size_t,
    ]
    names = Names(b"evdev", b"pc105", layout.encode(), b"", b"")
    keymap = xkb.xkb_keymap_new_from_names(xkb.xkb_context_new(0), ctypes.byref(names), 0)
    assert keymap, f"no keymap for {layout}"
    state = xkb.xkb_state_new(keymap)
    typed = ctypes.create_string_buffer(16)
    found = {}
    for code in EVDEV_LETTERS:
        xkb.xkb_state_key_get_utf8(state, code + 8, typed, len(typed))
        found[code] = typed.value.decode()
    return found


@pytest.mark.skipif(not XKB_DATA.exists(), reason="no X11 keyboard data here")
def test_the_table_is_what_the_x11_arabic_layout_types() -> None:
    latin, arabic = typed_by_each_key("us"), typed_by_each_key("ara")
    by_key = {latin[code].lower(): arabic[code] for code in latin if latin[code].isalpha()}
    assert len(by_key) == 26
    assert {key: LATIN_OF[typed] for key, typed in by_key.items()} == {key: key for key in by_key}


def test_a_label_key_on_the_arabic_layout_applies_the_label(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = Session(qtbot, window)
    start, end = session.at("المياه")
    session.drag(start, end - 1)  # a word, by the mouse
    assert window.reader.selected_range() == (start, end)
    type_on_arabic_layout(qtbot, window.reader, "p")  # ح
    assert session.spans() == {"المياه": ("PERSON", start, end)}
    type_on_arabic_layout(qtbot, window.reader, "g")  # ل: the selected span becomes GPE
    assert session.spans() == {"المياه": ("GPE", start, end)}


def test_arabic_typed_into_a_text_box_stays_typing(qtbot: QtBot, window: MainWindow) -> None:
    session = Session(qtbot, window)
    start, end = session.at("المياه")
    session.drag(start, end - 1)
    query = window.corpus_search.query
    query.setFocus()
    type_on_arabic_layout(qtbot, query, "p")
    assert query.text() == "ح"
    assert session.spans() == {}


def test_the_reviewers_label_keys_work_on_the_arabic_layout(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = disagreeing_document(window.project)
    review = open_review(qtbot, window)
    press(qtbot, review, Qt.Key.Key_F8)  # from the first row to the boundaries
    press(qtbot, review, Qt.Key.Key_1)  # the gold span: ali's "سامي الحداد"
    type_on_arabic_layout(qtbot, review.items, "t")  # ف: TITLE
    assert gold(window.project, document) == [("TITLE", "سامي الحداد", "adjudicated")]


def test_the_key_help_shows_both_letters(window: MainWindow) -> None:
    actions = [*window.actions(), *window.annotating.actions.all()]
    overlay = KeysOverlay(window, [action for action in actions if action.shortcuts()])
    rows = dict(overlay.rows())
    assert rows["p / ح"].startswith("Person (PERSON): ")
    assert rows["t / ف"].startswith("Title or occupation (TITLE): ")
    assert "Shift+P" in rows  # the exact-characters key, as it was
    assert both_keys("Delete") == "Delete" and both_keys("Ctrl+Z") == "Ctrl+Z"
    assert window.palette_list.item(0).text().startswith("[p / ح]  Person")
