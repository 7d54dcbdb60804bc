"""Import by drag and drop or the File menu, export with its dialog, and Cancel undoing both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate.corpus.export_files import export_corpus
from annotate.corpus.importing import import_paths
from annotate.project import Project
from gui.corpus_files import ProgressBox
from gui.main_window import MainWindow
from tests.annotate.test_importing import SPANS, long_record
from tests.gui.test_annotating import when_modal
from tests.gui.test_search import type_text
from tests.helpers import table_checksums

CTRL = Qt.KeyboardModifier.ControlModifier
CONLL = "-DOCSTART- O\n\nزار O\nسامي B-PERSON\nمدينة O\nحمص B-GPE\n.\tO\n\n"


def drop_files(window: MainWindow, paths: list[Path], on: QWidget | None = None) -> None:
    """Drag files from a file manager and drop them on the middle of the window (or of
    one of its parts)."""
    target = on or window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    middle = QPointF(target.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(int(middle.x()), int(middle.y())), actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(middle, actions, mime, buttons, keys))


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry by keyboard: focus the box, then Home and Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not offered"


def press_default(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


def test_a_dropped_conll_file_is_imported_for_the_analyst(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "حمص.conll"
    source.write_text(CONLL, encoding="utf-8")
    before = window.document_list.documents.rowCount()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog) and dialog.windowTitle() == "Import"
        boxes = dialog.findChildren(QComboBox)
        choose(qtbot, boxes[0], "conll")
        assert boxes[1].currentText() == "As named in the files, else ali"
        press_default(qtbot, dialog)

    when_modal(fill)
    drop_files(window, [source])
    qtbot.waitUntil(lambda: window.document_list.documents.rowCount() == before + 1)
    listed = window.document_list.documents.document(before)
    document = window.project.documents.get(listed.uid)
    assert document.text == "زار سامي مدينة حمص ."
    spans = window.project.spans.for_document(listed.uid, "ali")
    assert [(s.label, s.start, s.end, s.origin) for s in spans] == [
        ("PERSON", 4, 8, "imported"),
        ("GPE", 15, 18, "imported"),
    ]
    assert window.saved_label.text().startswith("Imported 1 documents")


def test_a_dropped_corrected_file_tells_of_the_spans_it_updated(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = "قال الوزير «سنبدأ غدا»."
    start = text.index("«")
    quote = {"id": "q", "start": start, "end": len(text) - 1, "label": "QUOTE"}
    first, corrected = tmp_path / "first.jsonl", tmp_path / "corrected.jsonl"
    for path, kind in ((first, "direct"), (corrected, "indirect")):
        record = {"text": text, "annotator": "ali", "spans": [{**quote, "attrs": {"kind": kind}}]}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(window.project, [first])

    when_modal(lambda dialog: press_default(qtbot, dialog))
    drop_files(window, [corrected])
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Imported"))
    assert window.saved_label.text() == (
        "Imported 0 documents (1 already there), 0 spans, 0 relations;"
        " 1 spans already there took new attribute values"
    )
    assert window.project.spans.get("q").attrs == {"kind": "indirect"}


def test_import_refuses_bad_input_with_file_and_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "bad.conll"
    source.write_text("زار O\nسامي I-PERSON\n", encoding="utf-8")
    before = table_checksums(window.project.path)
    shown: list[str] = []

    def fill(dialog: QWidget) -> None:
        choose(qtbot, dialog.findChildren(QComboBox)[0], "conll")
        when_modal(read_refusal)
        press_default(qtbot, dialog)

    def read_refusal(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    when_modal(fill)
    drop_files(window, [source])
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith(f"{source}:2, field 'column 2': I-PERSON continues no PERSON")
    assert table_checksums(window.project.path) == before


def test_cancel_during_a_large_import_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"text": f"خبر رقم {number} عن الطقس في حلب."}, ensure_ascii=False)
        for number in range(4000)
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = table_checksums(window.project.path)

    def fill(dialog: QWidget) -> None:
        when_modal(cancel_progress)
        press_default(qtbot, dialog)

    def cancel_progress(box: QWidget) -> None:
        assert isinstance(box, QProgressDialog)
        box.cancel()

    when_modal(fill)
    drop_files(window, [source])
    qtbot.waitUntil(lambda: "cancelled" in window.saved_label.text())
    assert window.saved_label.text() == "Import cancelled: nothing was changed"
    assert table_checksums(window.project.path) == before


def test_cancel_within_a_document_of_many_spans_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "annotated.jsonl"
    source.write_text(json.dumps(long_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    before = table_checksums(window.project.path)
    shown: list[tuple[str, int, int]] = []  # the label and the bar, at each step
    step = ProgressBox.step

    def watch_then_cancel(box: ProgressBox, text: str, done: int, total: int) -> None:
        within_the_document = text.startswith("Importing 0 of 1,")
        if within_the_document and shown and shown[-1][0].startswith("Importing"):
            box.dialog.cancel()  # the second step within it: the bar has moved
        step(box, text, done, total)
        shown.append((box.dialog.labelText(), box.dialog.value(), box.dialog.maximum()))

    monkeypatch.setattr(ProgressBox, "step", watch_then_cancel)
    when_modal(lambda dialog: press_default(qtbot, dialog))
    drop_files(window, [source])
    qtbot.waitUntil(lambda: "cancelled" in window.saved_label.text())
    assert window.saved_label.text() == "Import cancelled: nothing was changed"
    assert table_checksums(window.project.path) == before
    label, value, maximum = shown[-1]
    assert label == f"Importing 0 of 1, 2,000 of {SPANS + 1:,} spans"
    assert 0 < value < maximum == SPANS + 2


def test_export_dialog_writes_conll_with_its_notes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "corpus.conll"
    notes: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog) and dialog.windowTitle() == "Export"
        format_box, source_box = dialog.findChildren(QComboBox)[:2]
        choose(qtbot, format_box, "conll")
        choose(qtbot, source_box, "sample")
        where = [e for e in dialog.findChildren(QLineEdit) if not e.placeholderText()][-1]
        where.setFocus()
        qtbot.keyClicks(where, str(out))
        when_modal(read_notes)
        press_default(qtbot, where)

    def read_notes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        notes.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(fill)
    window.activateWindow()
    qtbot.keyClick(window.reader, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(notes))
    written = out.read_text(encoding="utf-8")
    assert written.count("-DOCSTART- -X- O O\n") == window.project.documents.count()
    assert "ليلى B-PERSON\nالخطيب I-PERSON\n" in written
    assert notes[0].startswith(f"Exported {window.project.documents.count()} records to")
    assert "QUOTE" in notes[0]
    assert window.saved_label.text().startswith("Exported")
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_ctrl_i_picks_files_and_imports_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "خبر_قصير.txt"
    source.write_text("وصل الوفد إلى حمص صباح اليوم.", encoding="utf-8")

    def pick(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        when_modal(lambda imported: press_default(qtbot, imported))
        type_text(name, str(source))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    when_modal(pick)
    window.activateWindow()
    qtbot.keyClick(window.reader, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Imported 1 documents"))
    titles = [d.title for d in window.project.documents.summaries()]
    assert titles[-1] == "خبر قصير"


def test_a_dropped_folder_keeps_the_annotators_it_names(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = "زار سامي مدينة حمص."
    with Project.create(tmp_path / "team.annotate") as team:
        uid = team.documents.add(text, "زيارة").documents_added[0]
        team.spans.add(uid, "huda", "PERSON", 4, 8)
        team.spans.add(uid, "omar", "GPE", 15, 18)
        export_corpus(team, tmp_path / "brat", "brat")

    when_modal(lambda dialog: press_default(qtbot, dialog))
    drop_files(window, [tmp_path / "brat"])
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Imported 1 documents"))
    spans = window.project.spans.for_document(uid)
    assert [(s.annotator, s.label) for s in spans] == [("huda", "PERSON"), ("omar", "GPE")]
