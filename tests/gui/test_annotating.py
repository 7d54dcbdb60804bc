"""An analyst's session on the sample article, with real keys and mouse, checked in the
database after every step; then the project is closed and opened again."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate.model import Span
from annotate.project import Project
from annotate.store import side_files
from gui import idle_checkpoints
from gui.app import application
from gui.identity import remembered_annotator
from gui.main_window import MainWindow
from tests.gui.layout_geometry import glyph_boxes, reading_edges

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
WATER = 1  # the sample article on water, second in the list


class Session:
    """The window on the water article, and what its database says."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.reader = window.reader
        window.document_list.selectRow(WATER)
        annotated = self.reader.annotated
        assert annotated is not None
        self.uid = annotated.document.uid
        self.text = annotated.text

    def at(self, words: str, occurrence: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(words, start + 1)
        return start, start + len(words)

    def point(self, offset: int, scroll: bool = True) -> QPoint:
        """The middle of the glyph Qt draws for the character at offset."""
        if scroll:
            self.reader.scroll_to(offset)
            self.reader.viewport().repaint()
        return glyph_boxes(self.reader, offset, offset + 1)[0].center().toPoint()

    def drag(self, first: int, last: int) -> None:
        """Select from the character at first to the one at last with the mouse, from the
        edge where reading the first begins to the edge where the last ends."""
        viewport = self.reader.viewport()
        self.point(first)  # bring it into view, then take both points where they are
        start, end = reading_edges(self.reader, first, last + 1)
        self.qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        self.qtbot.mouseMove(viewport, end)
        self.qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)

    def click(self, offset: int) -> None:
        viewport = self.reader.viewport()
        self.qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=self.point(offset))

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
        if QApplication.activeWindow() is not self.window:  # as a desktop does after a dialog
            self.window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        self.qtbot.keyClick(self.reader, key, modifiers)

    def spans(self, project: Project | None = None) -> dict[str, tuple[str, int, int]]:
        """The analyst's spans by their text: (label, start, end)."""
        project = project or self.window.project
        return {
            self.text[s.start : s.end]: (s.label, s.start, s.end)
            for s in project.spans.for_document(self.uid, "ali")
        }

    def links(self, project: Project | None = None) -> set[tuple[str, str, str]]:
        project = project or self.window.project
        spans = {s.uid: s for s in project.spans.for_document(self.uid, "ali")}
        return {
            (r.label, self._text(spans[r.head]), self._text(spans[r.tail]))
            for r in project.relations.for_document(self.uid, "ali")
        }

    def person_in_new_document(self, text: str, name: str) -> tuple[str, tuple[int, int]]:
        """Add a document, open it, and mark the first mention of name a PERSON by keys."""
        uid = self.window.project.documents.add(text).documents_added[0]
        self.window.refresh()
        self.window.open_document(uid)
        self.uid, self.text = uid, text
        first = self.at(name)
        self.drag(first[0], first[1] - 1)
        self.key(Qt.Key.Key_P)
        return uid, first

    def state(self) -> tuple[dict[str, tuple[str, int, int]], set[tuple[str, str, str]]]:
        return self.spans(), self.links()

    def step(self, do: Callable[[], None]) -> None:
        """Do one step by keys, then check that Ctrl+Z undoes exactly it and Ctrl+Shift+Z
        does it again."""
        before = self.state()
        do()
        after = self.state()
        assert after != before, "the step changed nothing"
        self.key(Qt.Key.Key_Z, CTRL)
        assert self.state() == before
        self.key(Qt.Key.Key_Z, CTRL | SHIFT)
        assert self.state() == after

    def _text(self, span: Span) -> str:
        return self.text[span.start : span.end]


def when_modal(act: Callable[[QWidget], None], seconds: float = 5) -> None:
    """Act on the dialog or menu that the next key opens, once it is up."""
    tries = int(seconds * 1000 / 20)

    def look() -> None:
        nonlocal tries
        dialog = QApplication.activeModalWidget()
        # Until the dialog is the active window, the main window's shortcuts (Space
        # among them) still take the keys meant for it.
        shown = dialog if dialog is QApplication.activeWindow() else None
        shown = shown or QApplication.activePopupWidget()
        if shown is not None:
            act(shown)
        elif tries > 0:
            tries -= 1
            QTimer.singleShot(20, look)
        else:  # fail rather than leave the dialog's event loop waiting for ever
            if isinstance(dialog, QDialog):
                dialog.reject()
            raise AssertionError(f"no dialog or menu became the active window in {seconds} s")

    QTimer.singleShot(20, look)


@pytest.fixture
def session(qtbot: QtBot, window: MainWindow) -> Session:
    window.reader.setFocus()
    return Session(qtbot, window)


def test_an_analysts_session_is_exact_undoable_and_kept(
    qtbot: QtBot, session: Session, window: MainWindow
) -> None:
    name = session.at("ليلى الخطيب")
    quote = session.at(
        "لم يعد الجفاف أزمة عابرة، بل صار واقعًا نعيشه كل صيف. "
        "نحتاج إلى أن نتقاسم البيانات قبل أن نتقاسم الماء"
    )
    said = session.text[slice(*quote)]

    def person() -> None:  # from inside the first word into the second: snapped
        session.drag(name[0] + 1, name[1] - 2)
        session.key(Qt.Key.Key_P)

    session.step(person)
    assert session.spans() == {"ليلى الخطيب": ("PERSON", *name)}

    def the_quote() -> None:  # the quotation marks are dropped
        session.drag(quote[0] - 1, quote[1] + 1)
        session.key(Qt.Key.Key_Q)

    session.step(the_quote)
    assert session.spans()[said] == ("QUOTE", *quote)

    def speaker() -> None:  # with the quote selected: Alt+S, then click her
        session.click(quote[0] + 3)
        session.key(Qt.Key.Key_S, ALT)
        session.click(name[0] + 2)

    session.step(speaker)
    assert session.links() == {("SPEAKER", said, "ليلى الخطيب")}

    cue = session.at("وقالت")

    def the_cue() -> None:  # the whole word dragged; its و is a conjunction, left out
        session.drag(cue[0], cue[1] - 1)
        session.key(Qt.Key.Key_C)
        assert window.saved_label.text() == "CUE ‘قالت’ saved without ‘و’ (X puts it back)"

    session.step(the_cue)
    assert session.spans()["قالت"] == ("CUE", cue[0] + 1, cue[1])

    def cue_from_the_list() -> None:
        session.click(quote[0] + 3)
        when_modal(lambda menu: qtbot.keyClick(menu, Qt.Key.Key_Return))  # the first choice
        session.key(Qt.Key.Key_C, ALT)
        session.key(Qt.Key.Key_Return)

    session.step(cue_from_the_list)
    assert session.links() == {("SPEAKER", said, "ليلى الخطيب"), ("CUE", said, "قالت")}

    session.click(name[0] + 2)
    session.step(lambda: session.key(Qt.Key.Key_O))  # relabel
    assert session.spans()["ليلى الخطيب"] == ("ORG", *name)
    session.step(lambda: session.key(Qt.Key.Key_End, ALT))  # grow by a character
    assert session.spans()["ليلى الخطيب،"] == ("ORG", name[0], name[1] + 1)
    session.step(lambda: session.key(Qt.Key.Key_End, ALT | SHIFT | CTRL))  # shrink by a word
    assert session.spans()["ليلى الخطيب"] == ("ORG", *name)
    session.step(lambda: session.key(Qt.Key.Key_Home, ALT | SHIFT))  # shrink by a character
    assert session.spans()["يلى الخطيب"] == ("ORG", name[0] + 1, name[1])
    session.step(lambda: session.key(Qt.Key.Key_Home, ALT | CTRL))  # to its word's start
    assert session.spans()["ليلى الخطيب"] == ("ORG", *name)
    for _ in range(5):
        session.key(Qt.Key.Key_Z, CTRL)  # back to the person she was
    assert session.spans()["ليلى الخطيب"] == ("PERSON", *name)
    assert "Relabel" in window.annotating.redo_action.text()

    country = session.at("والمغرب")
    session.step(lambda: (session.drag(country[0] + 2, country[0] + 3), session.key(Qt.Key.Key_G)))
    assert session.spans()["المغرب"] == ("GPE", country[0] + 1, country[1])  # و left out

    def put_back() -> None:
        session.key(Qt.Key.Key_X)
        assert window.saved_label.text() == "Put ‘و’ back on GPE ‘المغرب’"

    session.step(put_back)
    assert session.spans()["والمغرب"] == ("GPE", *country)
    session.step(lambda: session.key(Qt.Key.Key_Delete))
    assert "والمغرب" not in session.spans()

    def delete_the_speaker() -> None:  # asks first, and takes her link
        session.click(name[0] + 2)
        when_modal(lambda box: qtbot.keyClick(box, Qt.Key.Key_Y, ALT))
        session.key(Qt.Key.Key_Delete)

    session.step(delete_the_speaker)
    assert "ليلى الخطيب" not in session.spans()
    assert session.links() == {("CUE", said, "قالت")}

    def unlink_the_cue() -> None:
        session.click(quote[0] + 3)
        session.key(Qt.Key.Key_U)

    session.step(unlink_the_cue)
    assert session.links() == set()

    qtbot.keyClick(window.reader, Qt.Key.Key_Return, CTRL)  # done, and on to the next
    assert window.project.documents.status(session.uid, "ali") == "done"
    assert window.document_list.currentIndex().row() == WATER  # it was the last one
    assert "last document" in window.saved_label.text()

    path = window.project.path
    expected_spans, expected_links = session.spans(), session.links()
    window.close()
    window.project.close()
    with Project.open(path) as reopened:
        assert session.spans(reopened) == expected_spans
        assert session.links(reopened) == expected_links
        assert reopened.documents.status(session.uid, "ali") == "done"


def test_a_quote_gets_its_kind_from_the_attributes_dialog(qtbot: QtBot, session: Session) -> None:
    quote = session.at("الخطة لن تنجح إذا بقيت حبرًا على ورق")
    session.drag(quote[0], quote[1] - 1)
    session.key(Qt.Key.Key_Q)
    assert session.spans() == {session.text[slice(*quote)]: ("QUOTE", *quote)}

    def choose_indirect(dialog: QWidget) -> None:
        choice = dialog.findChild(QComboBox)
        assert choice is not None
        choice.setFocus()
        qtbot.keyClick(choice, Qt.Key.Key_End)  # the last value: indirect
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(choose_indirect)
    session.key(Qt.Key.Key_A)
    uid = session.reader.selected_span
    assert uid is not None
    assert session.window.project.spans.get(uid).attrs == {"kind": "indirect"}


def test_dragging_either_edge_moves_it_to_the_letter_dropped_on(
    qtbot: QtBot, session: Session
) -> None:
    name = session.at("سامي بن عاشور")
    session.drag(name[0] + 5, name[0] + 6)  # بن
    session.key(Qt.Key.Key_P)
    assert session.spans() == {"بن": ("PERSON", name[0] + 5, name[0] + 7)}
    viewport = session.reader.viewport()

    def drag(start: int, target: int) -> None:
        session.point(start)
        qtbot.mousePress(
            viewport, Qt.MouseButton.LeftButton, pos=session.point(start, scroll=False)
        )
        qtbot.mouseMove(viewport, session.point(target, scroll=False))
        qtbot.mouseRelease(
            viewport, Qt.MouseButton.LeftButton, pos=session.point(target, scroll=False)
        )

    drag(name[0] + 6, name[1] - 1)  # the end, onto the last letter of عاشور
    assert session.spans() == {"بن عاشور": ("PERSON", name[0] + 5, name[1])}
    drag(name[0] + 5, name[0])  # the start, onto the first letter of سامي
    assert session.spans() == {"سامي بن عاشور": ("PERSON", *name)}
    session.click(name[0])  # a click on an edge letter without moving changes nothing
    assert session.spans() == {"سامي بن عاشور": ("PERSON", *name)}


def test_exact_characters_and_refusals(qtbot: QtBot, session: Session) -> None:
    name = session.at("ليلى الخطيب")
    session.drag(name[0] + 1, name[1] - 2)
    selected = session.reader.selected_range()
    assert selected is not None and name[0] < selected[0] and selected[1] < name[1]
    session.key(Qt.Key.Key_P, SHIFT)  # exact characters: no snapping
    assert session.spans() == {session.text[slice(*selected)]: ("PERSON", *selected)}
    session.click(session.at("مؤتمر")[0])  # a press on the selected span's edge grabs it
    session.drag(name[0] + 1, name[1] - 2)
    session.key(Qt.Key.Key_P, SHIFT)
    assert "already has a PERSON span" in session.window.saved_label.text()
    assert len(session.spans()) == 1


def test_f1_lists_every_key(qtbot: QtBot, session: Session) -> None:
    seen: list[tuple[str, str]] = []

    def read_and_close(dialog: QWidget) -> None:
        seen.extend(dialog.rows())  # type: ignore[attr-defined]
        dialog.close()

    when_modal(read_and_close)
    session.key(Qt.Key.Key_F1)
    keys = dict(seen)
    assert keys["p / ح"] == (
        "Person (PERSON): A named person, real or fictional: the name as written, with the"
        " kunya or laqab…"
    )  # the first line of its definition
    assert keys["Del"] == "Delete span"
    assert keys["Ctrl+Z"].startswith("Undo")
    assert "Mark done and go on" in keys.values()


def test_the_annotations_panel_jumps_relabels_and_deletes(
    qtbot: QtBot, session: Session, window: MainWindow
) -> None:
    for words, key in (("ليلى الخطيب", Qt.Key.Key_P), ("عمّان", Qt.Key.Key_G)):
        first, last = session.at(words)
        session.drag(first, last - 1)
        session.key(key)
    panel = window.annotations
    assert [panel.spans.span_at(row).label for row in range(panel.spans.rowCount())] == [
        "GPE",
        "PERSON",
    ]
    assert window.document_list.documents.document(WATER).span_count == 2  # blind: ali's
    panel.setFocus()
    qtbot.mouseClick(
        panel.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.visualRect(panel.spans.index(1, 1)).center(),
    )
    assert session.reader.selected_span == panel.spans.span_at(1).uid
    qtbot.keyClick(panel, Qt.Key.Key_O)  # relabel from the panel
    assert session.spans()["ليلى الخطيب"][0] == "ORG"
    qtbot.keyClick(panel, Qt.Key.Key_Up)  # the row above: عمّان
    assert session.reader.selected_span == panel.spans.span_at(0).uid
    qtbot.keyClick(panel, Qt.Key.Key_Delete)
    assert list(session.spans()) == ["ليلى الخطيب"]
    assert window.project.documents.status(session.uid, "ali") == "in_progress"


def test_the_annotator_is_asked_on_first_run_and_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    application()
    with Project.create(tmp_path / "new.annotate") as project:
        project.documents.add("نص قصير للتجربة.")

        def type_name(dialog: QWidget) -> None:
            line = dialog.findChild(QLineEdit)
            assert line is not None
            line.selectAll()
            qtbot.keyClicks(line, "huda")
            qtbot.keyClick(line, Qt.Key.Key_Return)

        when_modal(type_name)
        first = MainWindow(project)
        qtbot.addWidget(first)
        assert first.annotator == "huda"
        again = MainWindow(project)  # no question this time
        qtbot.addWidget(again)
        assert again.annotator == "huda"
        assert remembered_annotator() == "huda"


def test_letters_typed_outside_the_reader_make_no_spans(qtbot: QtBot, session: Session) -> None:
    name = session.at("ليلى الخطيب")
    session.drag(name[0], name[1] - 1)
    window = session.window
    window.status_filter.setFocus()
    qtbot.keyClick(window.status_filter, Qt.Key.Key_D)  # "done" in the filter, not DATE
    assert session.spans() == {}
    assert window.status_filter.currentText() == "done"


def test_keyboard_only_a_span_at_the_cursor(qtbot: QtBot, session: Session) -> None:
    window = session.window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # to the reader
    reader = session.reader
    qtbot.keyClick(reader, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(reader, Qt.Key.Key_Left, SHIFT)  # one letter of عمّان, right to left
    session.key(Qt.Key.Key_G)
    assert session.spans() == {"عمّان": ("GPE", 0, 5)}
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    reader.select_span(None)
    session.key(Qt.Key.Key_Space)
    assert reader.selected_span is not None
    session.key(Qt.Key.Key_Delete)
    assert session.spans() == {}


def test_undo_opens_the_document_it_changes(qtbot: QtBot, session: Session) -> None:
    window = session.window
    name = session.at("ليلى الخطيب")
    session.drag(name[0], name[1] - 1)
    session.key(Qt.Key.Key_P)
    window.document_list.selectRow(0)  # the other article
    other = window.annotating.document
    assert other != session.uid
    session.key(Qt.Key.Key_Z, CTRL)
    assert window.annotating.document == session.uid  # back where the undo happens
    assert session.spans() == {}
    assert window.project.documents.status(other, "ali") == "new"


@pytest.fixture
def quick_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pause of 50 ms is one (before the window is made)."""
    monkeypatch.setattr(idle_checkpoints, "PAUSE_MS", 50)


def test_the_log_is_folded_into_the_project_file_in_a_pause_after_a_step(
    quick_pauses: None, qtbot: QtBot, session: Session
) -> None:
    """Not inside a step's commit (one in about 200 folded the log in, 3-50 ms more)."""
    path = session.window.project.path
    name = session.at("ليلى الخطيب")
    session.drag(name[0], name[1] - 1)
    session.key(Qt.Key.Key_P)
    assert session.spans() == {"ليلى الخطيب": ("PERSON", *name)}  # saved, in the log
    assert analysts_spans_in_the_file_alone(path) == 0
    qtbot.waitUntil(lambda: analysts_spans_in_the_file_alone(path) == 1)


def analysts_spans_in_the_file_alone(path: Path) -> int:
    """ali's spans in the project file without its write-ahead log."""
    copy = path.with_name("alone.annotate")
    for stale in (copy, *side_files(copy)):
        stale.unlink(missing_ok=True)
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return int(conn.execute("SELECT count(*) FROM spans WHERE annotator = 'ali'").fetchone()[0])
    finally:
        conn.close()


def test_a_filter_that_lists_nothing_leaves_nothing_to_annotate(
    qtbot: QtBot, session: Session
) -> None:
    window = session.window
    window.status_filter.setCurrentText("done")  # ali has finished nothing yet
    assert window.document_list.documents.rowCount() == 0
    assert window.reader.annotated is None
    assert window.position_label.text() == ""
    session.key(Qt.Key.Key_P)
    assert "Select some text" in window.saved_label.text()


def test_annotate_every_mention_from_a_span_in_one_undoable_step(
    qtbot: QtBot, session: Session
) -> None:
    window = session.window
    ours, first = session.person_in_new_document(
        "قال أحمد إن أحمد وأحمد سيزورون بأحمد منزل احمد سعيد في حي الأحمدية.", "أحمد"
    )

    def untick_the_second_and_accept(dialog: QWidget) -> None:
        listed = dialog.findChild(QListWidget)
        assert listed is not None
        assert listed.count() == 4  # أحمد, وأحمد, بأحمد, احمد; not الأحمدية
        ticked = [listed.item(row).checkState() == Qt.CheckState.Checked for row in range(4)]
        assert ticked == [True, True, True, False]  # احمد is spelled without its hamza
        assert listed.item(3).text().endswith("(spelled otherwise)")
        listed.setFocus()
        qtbot.keyClick(listed, Qt.Key.Key_Down)
        qtbot.keyClick(listed, Qt.Key.Key_Space)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(untick_the_second_and_accept)
    session.key(Qt.Key.Key_M)
    spans = window.project.spans.for_document(ours, "ali")
    added = [(session.text[s.start : s.end], s.start, s.origin) for s in spans]
    assert added == [
        ("أحمد", first[0], "manual"),
        ("أحمد", session.at("أحمد", 1)[0], "propagated"),
        ("أحمد", session.at("بأحمد")[0] + 1, "propagated"),
    ]
    assert "Add 2 PERSON spans" in window.annotating.undo_action.text()
    session.key(Qt.Key.Key_Z, CTRL)
    assert [s.origin for s in window.project.spans.for_document(ours, "ali")] == ["manual"]


def test_annotate_every_mention_in_all_documents(qtbot: QtBot, session: Session) -> None:
    window = session.window
    other = window.project.documents.add("وصل أحمد أمس إلى عمّان.").documents_added[0]
    ours, _ = session.person_in_new_document("قال أحمد إن الاجتماع انتهى، وأكد أحمد ذلك.", "أحمد")
    listed: list[str] = []

    def accept_all(dialog: QWidget) -> None:
        found = dialog.findChild(QListWidget)
        assert found is not None
        listed.extend(found.item(row).text() for row in range(found.count()))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_modal(accept_all)
    session.key(Qt.Key.Key_M, SHIFT)
    numbers = sorted({line.split()[0] for line in listed})
    assert len(listed) == 2 and len(numbers) == 2  # one in this document, one in the other
    spans = window.project.spans
    assert [s.origin for s in spans.for_document(ours, "ali")] == ["manual", "propagated"]
    (there,) = spans.for_document(other, "ali")
    assert ("وصل أحمد أمس إلى عمّان."[there.start : there.end], there.origin) == (
        "أحمد",
        "propagated",
    )
    session.key(Qt.Key.Key_Z, CTRL)
    assert spans.for_document(other, "ali") == []
    assert [s.origin for s in spans.for_document(ours, "ali")] == ["manual"]
