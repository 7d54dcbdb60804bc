"""A write the project refuses is shown, and nothing pretends it was done: a full disk, a
lock held by another program, a read-only project, and anything unexpected."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from annotate.project import Project
from annotate.sample import open_default_project
from gui.app import application
from gui.failure_box import read_only_text, unexpected_error_hook
from gui.main_window import MainWindow
from tests.gui.test_gestures import LABEL_KEYS, MIXED, WIDTHS, Annotated, Reading, words_of
from tests.helpers import fill_disk, read_only_copy, small_disk, table_checksums

Shown = list[tuple[str, str]]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Every message box the app shows, as (title, text), answered at once."""
    shown: Shown = []

    def record(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture
def sample_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample project with a document of mixed paragraphs, closed."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_default_project() as project:
        project.documents.add(MIXED, title="مختلط")
        return project.path


@pytest.fixture
def open_windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    close_all(windows)


def close_all(windows: list[MainWindow]) -> None:
    """Close the windows and their projects, so that their file system can be unmounted."""
    while windows:
        window = windows.pop()
        window.close()
        window.project.close()


def mixed_document(window: MainWindow) -> str:
    return next(d.uid for d in window.project.documents.summaries() if d.title == "مختلط")


def reading_on(qtbot: QtBot, path: Path, windows: list[MainWindow]) -> Reading:
    """The main window on the project at path, the mixed document open, for "ali"."""
    application()
    window = MainWindow(Project.open(path), annotator="ali")
    windows.append(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.protect_on_open()
    return Reading(qtbot, window, MIXED, 1280, mixed_document(window))


def label_a_word(reading: Reading) -> tuple[int, int]:
    """Drag over the third word and press the PERSON key, as an analyst does."""
    start, end = words_of(reading.text)[2]
    reading.drag(start, end)
    reading.qtbot.keyClick(reading.reader, Qt.Key.Key_P)
    return start, end


def undo_text(reading: Reading) -> str:
    return reading.window.annotating.undo_action.text()


def test_a_full_disk_is_shown_and_the_span_is_not_pretended_saved(
    qtbot: QtBot, tmp_path: Path, sample_file: Path, boxes: Shown, open_windows: list[MainWindow]
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        copy = disk / sample_file.name
        copy.write_bytes(sample_file.read_bytes())
        reading = reading_on(qtbot, copy, open_windows)
        undo_before = undo_text(reading)
        filler = fill_disk(disk)
        start, end = label_a_word(reading)
        assert boxes == [
            (
                "Not saved",
                f"{copy}: the disk is full: free some space, then do it again."
                " Nothing of this action was saved.",
            )
        ]
        assert reading.window.saved_label.text().startswith("Not saved: ")
        assert reading.stored() == set()
        shown = reading.reader.annotated
        assert shown is not None and not [s for s in shown.spans() if s.annotator == "ali"]
        assert undo_text(reading) == undo_before
        filler.unlink()
        reading.drag(start, end)
        reading.qtbot.keyClick(reading.reader, Qt.Key.Key_P)
        assert reading.stored() == {(start, end)}
        assert len(boxes) == 1
        close_all(open_windows)


def test_a_lock_held_by_another_program_fails_fast_and_says_so(
    qtbot: QtBot, sample_file: Path, boxes: Shown, open_windows: list[MainWindow]
) -> None:
    reading = reading_on(qtbot, sample_file, open_windows)
    holder = sqlite3.connect(sample_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        began = time.monotonic()
        start, end = label_a_word(reading)
        waited = time.monotonic() - began
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert waited < 2, f"the window froze for {waited:.1f} s"
    ((title, text),) = boxes
    assert title == "Not saved"
    assert "another program is writing to the project (database is locked)" in text
    assert "damaged" not in text
    assert reading.stored() == set()
    reading.drag(start, end)
    reading.qtbot.keyClick(reading.reader, Qt.Key.Key_P)
    assert reading.stored() == {(start, end)}


def test_a_read_only_project_opens_with_a_banner_and_refuses_every_change(
    qtbot: QtBot, tmp_path: Path, sample_file: Path, boxes: Shown, open_windows: list[MainWindow]
) -> None:
    with read_only_copy([sample_file], tmp_path / "ro") as folder:
        copy = folder / sample_file.name
        before = table_checksums(copy)
        application()
        window = MainWindow(Project.open(copy), annotator="ali")
        open_windows.append(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.protect_on_open()
        banner = window.findChild(QLabel, "read_only_banner")
        assert banner.isVisible() and banner.text() == read_only_text()
        assert "(read-only)" in window.windowTitle()
        assert window.saved_label.text() == "Read-only: no backup made, as nothing can change"
        reading = Reading(qtbot, window, MIXED, 1280, mixed_document(window))
        window.grab().save(str(tmp_path / "read-only.png"))
        label_a_word(reading)
        refusal = (
            f"{copy}: the project is open read-only (its file or folder cannot be written):"
            " nothing was changed"
        )
        assert window.saved_label.text() == refusal
        qtbot.keyClick(window.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert window.saved_label.text() == refusal
        assert boxes == []
        assert reading.stored() == set()
        assert table_checksums(copy) == before
        assert sorted(p.name for p in folder.iterdir()) == [copy.name]
        close_all(open_windows)


def test_a_window_on_a_writable_project_has_no_banner(window: MainWindow) -> None:
    banner = window.findChild(QLabel, "read_only_banner")
    assert not banner.isVisible()
    assert "(read-only)" not in window.windowTitle()


def test_an_unexpected_failure_is_shown_as_well_as_printed(
    qtbot: QtBot,
    window: MainWindow,
    boxes: Shown,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)  # the one the app starts with
    hook = unexpected_error_hook(lambda: window, lambda: Path("/data/p.annotate"))
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    hook(type(full), full, None)
    fault = KeyError("span")
    hook(type(fault), fault, None)
    assert boxes[0] == (
        "Project failed",
        "/data/p.annotate: the disk is full: free some space, then do it again",
    )
    assert boxes[1][0] == "Unexpected error"
    assert boxes[1][1].startswith("KeyError: 'span'\n\nThe details are on the terminal")
    assert "KeyError: 'span'" in capsys.readouterr().err


@pytest.mark.parametrize("width", ["narrow", "wide"])
def test_a_refused_relabel_and_undo_on_the_seed_article_change_nothing_and_keep_the_span(
    qtbot: QtBot, window: MainWindow, boxes: Shown, width: str
) -> None:
    """48 spans of three annotators: while another program holds the lock, a relabel and
    an undo fail, the stored spans stay as they were and the span chosen stays selected;
    once the lock is gone the same keys act on that span."""
    reading = Annotated(qtbot, window, WIDTHS[width])
    expected = reading.state()
    own = sorted((u for u, s in expected.items() if s[0] == "ali"), key=lambda u: expected[u][2])
    chosen = own[12]
    annotator, label, start, end = expected[chosen]
    new_label = next(other for other in LABEL_KEYS if other != label)
    reading.click_span(chosen)
    assert reading.selected() == (chosen, chosen)
    holder = sqlite3.connect(window.project.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        reading.key(LABEL_KEYS[new_label])
        assert reading.state() == expected and reading.selected() == (chosen, chosen)
        assert [title for title, _ in boxes] == ["Not saved"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    reading.key(LABEL_KEYS[new_label])
    expected[chosen] = (annotator, new_label, start, end)
    assert reading.state() == expected and reading.selected() == (chosen, chosen)
    holder = sqlite3.connect(window.project.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        reading.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert reading.state() == expected and reading.selected() == (chosen, chosen)
        assert len(boxes) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    reading.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the undo was kept
    expected[chosen] = (annotator, label, start, end)
    assert reading.state() == expected and reading.selected() == (chosen, chosen)
