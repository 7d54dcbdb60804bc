"""The Suggestions menu: suggestions from the project's known names (the reference's once it
has a span, everyone's before), for the open document or all; clearing a document's open
ones; the counts per label a team lead reads; the keys in the F1 help."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from annotate.editing import Editor
from annotate.gazetteer import gazetteer_candidates
from annotate.project import Project
from annotate.sample import open_default_project
from annotate.suggestions import Candidate
from gui import known_names_run
from gui.keys_overlay import KeysOverlay
from gui.main_window import MainWindow
from tests.gui.test_gestures import WIDTHS, Reading, seed_text
from tests.helpers import read_only_copy, table_checksums

LEFT = Qt.MouseButton.LeftButton
PROGRESS_THEN_WAIT = 'import time; print(\'{"done": 1, "total": 3}\', flush=True); time.sleep(60)'
FAILING = "import sys; print('error: the project is busy', file=sys.stderr); sys.exit(2)"


def action_named(menu: QMenu, text: str) -> QAction:
    return next(action for action in menu.actions() if action.text().replace("&", "") == text)


def choose(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Open the Suggestions menu from the menu bar and click the item, as a mouse does."""
    bar = window.menuBar()
    menu = window.suggestions.menu
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    item = action_named(menu, text)
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(item).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def every_column_shows(table: QTableWidget) -> bool:
    header = table.horizontalHeader()
    widths = [header.sectionSize(column) for column in range(header.count())]
    return sum(widths) <= table.viewport().width() and min(widths) > 0


def every(text: str, words: str) -> list[tuple[int, int]]:
    starts, at = [], text.find(words)
    while at >= 0:
        starts.append((at, at + len(words)))
        at = text.find(words, at + 1)
    return starts


def stored(window: MainWindow, document: str) -> list[tuple[str, int, int, str, str]]:
    rows = window.project.store.conn.execute(
        'SELECT g.label, g.start, g."end", g.source, coalesce((SELECT group_concat(x.state)'
        " FROM suggestion_decisions x WHERE x.suggestion = g.uid), 'open') FROM suggestions g"
        " JOIN documents d ON d.position = g.document WHERE d.uid = ? ORDER BY 2",
        (document,),
    )
    return [tuple(row) for row in rows]


def test_known_names_come_from_everyone_until_the_reference_has_spans(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Reading(qtbot, window, seed_text(), WIDTHS["default"])
    text, uid, project = reading.text, reading.uid, window.project
    trump = every(text, "ترامب")
    assert len(trump) == 7
    project.spans.add(uid, "sara", "PERSON", *trump[0])  # another analyst's
    choose(qtbot, window, "Suggest from known names")
    # everyone's names: sara's ترامب and what the sample's analyst marked in its articles
    known = gazetteer_candidates(project, uid, "all")
    assert stored(window, uid) == [(c.label, c.start, c.end, "gazetteer", "open") for c in known]
    assert {(c.start, c.end) for c in known if c.label == "PERSON"} >= set(trump[1:])
    assert trump[0] not in {(c.start, c.end) for c in known}  # sara's span is there
    assert [(s.label, s.start, s.end) for s in window.reader.suggestions] == [
        (c.label, c.start, c.end) for c in known
    ]
    said = f"Suggestions from everyone's names: {len(known)} in this document."
    assert window.saved_label.text() == said

    putin = every(text, "بوتين")
    project.spans.add(uid, "gold", "PERSON", *putin[0])  # the reference has a span now
    choose(qtbot, window, "Suggest from known names")
    # the gazetteer's open ones are replaced by what the reference knows: بوتين alone
    # (one of them written وبوتين, found without its و)
    assert stored(window, uid) == [
        ("PERSON", start, end, "gazetteer", "open") for start, end in putin[1:]
    ]
    assert [(s.start, s.end) for s in window.reader.suggestions] == putin[1:]
    assert (
        window.saved_label.text() == "Suggestions from the reference's names: 2 in this document."
    )


def test_known_names_in_all_documents(qtbot: QtBot, window: MainWindow) -> None:
    project = window.project
    documents = [
        project.documents.add(f"قال الوزير {name} إن الاجتماع انتهى، وغادر {name} القاعة.")
        for name in ("سامي بن عاشور", "ليلى الخطيب")
    ]
    uids = [changes.documents_added[0] for changes in documents]
    window.refresh()
    choose(qtbot, window, "Suggest from known names in all documents")
    run = window.suggestions.searching
    assert run is not None and run.isVisible()  # a bar while another process searches
    said = "Suggestions from everyone's names: 4 in 2 documents."
    qtbot.waitUntil(lambda: window.saved_label.text() == said, timeout=30_000)
    assert not run.isVisible() and run.maximum() == run.value() == 4  # every document told
    for uid in uids:
        found = project.suggestions.open_for(uid, "ali")
        assert [(s.label, s.source) for s in found] == [("PERSON", "gazetteer")] * 2


def stand_in(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """The search for known names replaced by a Python script of the test's."""
    monkeypatch.setattr(
        known_names_run,
        "known_names_command",
        lambda project, layer: [sys.executable, "-c", script],
    )


def test_the_window_is_the_analysts_while_every_document_is_searched(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A label key is stored at once while the search goes on; Cancel stops it, and the
    search (which writes at its end) has written nothing."""
    stand_in(monkeypatch, PROGRESS_THEN_WAIT)
    reading = Reading(qtbot, window, seed_text(), WIDTHS["default"])
    choose(qtbot, window, "Suggest from known names in all documents")
    run = window.suggestions.searching
    assert run is not None
    qtbot.waitUntil(lambda: run.value() == 1 and run.maximum() == 3, timeout=30_000)
    start = reading.text.index("ترامب")
    reading.drag(start, start + len("ترامب"))
    qtbot.keyClick(reading.reader, "p")
    assert [(s.label, s.start) for s in window.project.spans.for_document(reading.uid, "ali")] == [
        ("PERSON", start)
    ]
    assert run.running
    qtbot.mouseClick(run.findChild(QPushButton), LEFT)
    assert not run.running and not run.isVisible()
    assert window.saved_label.text() == "Cancelled: no suggestions were written."
    assert window.project.store.conn.execute("SELECT count(*) FROM suggestions").fetchone() == (0,)


def test_escape_on_the_bar_cancels_the_search(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in(monkeypatch, PROGRESS_THEN_WAIT)
    choose(qtbot, window, "Suggest from known names in all documents")
    run = window.suggestions.searching
    assert run is not None
    qtbot.waitUntil(lambda: run.value() == 1, timeout=30_000)
    qtbot.keyClick(run, Qt.Key.Key_Escape)
    assert not run.running and not run.isVisible()
    assert window.saved_label.text() == "Cancelled: no suggestions were written."


def test_a_search_that_fails_says_why(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in(monkeypatch, FAILING)
    choose(qtbot, window, "Suggest from known names in all documents")
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("error:"), timeout=30_000)
    assert window.saved_label.text() == "error: the project is busy"


def test_clearing_removes_the_open_ones_and_keeps_decisions(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Reading(qtbot, window, seed_text(), WIDTHS["default"])
    text, uid, project = reading.text, reading.uid, window.project
    places = every(text, "ترامب")
    project.suggestions.add(uid, [Candidate("PERSON", *place) for place in places], "gazetteer")
    window.reopen()
    assert len(window.reader.suggestions) == 7
    reading.reader.put_caret(0)
    for key in (Qt.Key.Key_Y, Qt.Key.Key_R):  # the first accepted, the second rejected
        qtbot.keyClick(reading.reader, key)
    choose(qtbot, window, "Clear open suggestions in this document")
    assert [row[1:3] + row[4:] for row in stored(window, uid)] == [
        (*places[0], "accepted"),
        (*places[1], "rejected"),
    ]
    assert len(window.reader.suggestions) == 0
    assert window.saved_label.text() == "Open suggestions removed from this document: 5."
    qtbot.keyClick(reading.reader, Qt.Key.Key_Tab)
    assert window.saved_label.text() == "No open suggestion in this document."


def test_the_statistics_count_per_label_for_everyone_or_one_analyst(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Reading(qtbot, window, seed_text(), WIDTHS["default"])
    text, uid, project = reading.text, reading.uid, window.project
    trump, putin = every(text, "ترامب"), every(text, "بوتين")
    candidates = [Candidate("PERSON", *place) for place in trump]
    candidates += [Candidate("GPE", *place) for place in putin]
    project.suggestions.add(uid, candidates, "model:seed.annotate.model")
    window.reopen()
    reader = reading.reader
    for place, key in zip(trump, (Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_R), strict=False):
        reader.put_caret(place[0])  # ترامب twice accepted, once rejected
        qtbot.keyClick(reader, key)
    first_putin = next(s for s in reader.suggestions if s.label == "GPE")
    reader.put_caret(first_putin.start)
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    qtbot.keyClick(reader, Qt.Key.Key_P)  # accepted as a PERSON: corrected
    sara = [s for s in project.suggestions.open_for(uid, "sara") if s.label == "PERSON"]
    project.suggestions.decide(sara[-1].uid, "rejected", "sara")
    Editor(project, "sara").accept_suggestion(sara[0].uid)  # accepted by ali too
    choose(qtbot, window, "Suggestion statistics…")
    stats = window.suggestions.stats
    assert stats is not None and stats.isVisible()
    assert every_column_shows(stats.table)
    assert stats.note.text().startswith(
        "Open: decided by no analyst, or, for one analyst, not decided by them."
        " Each analyst's decision counts. Corrected: "
    )
    assert stats.rows() == [  # every analyst's decisions; open: decided by nobody
        ["PERSON", "3", "3", "0", "2"],
        ["GPE", "2", "0", "1", "0"],
        ["All labels", "5", "3", "1", "2"],
    ]
    stats.whose.setCurrentIndex(stats.whose.findData("ali"))
    assert stats.whose.currentText() == "Decisions of ali"
    assert stats.rows() == [  # open: not decided by ali
        ["PERSON", "4", "2", "0", "1"],
        ["GPE", "2", "0", "1", "0"],
        ["All labels", "6", "2", "1", "1"],
    ]
    stats.whose.setCurrentIndex(stats.whose.findData("sara"))
    assert stats.rows() == [
        ["PERSON", "5", "1", "0", "1"],
        ["GPE", "3", "0", "0", "0"],
        ["All labels", "8", "1", "0", "1"],
    ]
    stats.whose.setCurrentIndex(stats.whose.findData("ali"))
    qtbot.keyClick(reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.suggestions.show_stats()  # shown again: counted anew
    assert stats.rows()[1] == ["GPE", "3", "0", "0", "0"]


def test_f1_lists_the_suggestion_keys(qtbot: QtBot, window: MainWindow) -> None:
    actions = [*window.actions(), *window.annotating.actions.all()]
    overlay = KeysOverlay(window, [a for a in actions if a.shortcuts()])
    qtbot.addWidget(overlay)
    keys = dict(overlay.rows())
    assert keys["y / غ"] == "Accept the suggestion at the cursor (or the next)"
    assert keys["r / ق"] == "Reject the suggestion at the cursor (or the next)"
    assert keys["Shift+Y"] == "Accept every suggestion in the paragraph"
    assert keys["Tab"] == "Next suggestion"
    assert keys["Shift+Tab"] == "Previous suggestion"


def test_a_read_only_project_is_not_searched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Said at once, as every change there is refused, not after minutes of search."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_default_project() as sample:
        sample.store.backup_to(tmp_path / "sample.annotate")
    with read_only_copy([tmp_path / "sample.annotate"], tmp_path / "ro") as folder:
        copy = folder / "sample.annotate"
        before = table_checksums(copy)
        project = Project.open(copy)
        window = MainWindow(project, annotator="ali")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        choose(qtbot, window, "Suggest from known names in all documents")
        assert window.suggestions.searching is None  # no process started
        assert window.saved_label.text() == (
            f"{copy}: the project is open read-only (its file or folder cannot be written):"
            " nothing was changed"
        )
        window.close()
        project.close()
        assert table_checksums(copy) == before
