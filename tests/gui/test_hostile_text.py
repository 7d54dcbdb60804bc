"""Markup in the data (a title, the text, a label, an annotator's or a file's name) is shown
as the characters it is, in every label and message box of the app, never obeyed as HTML:
no link to click, no image fetched, no bold."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate import filesystems
from annotate.project import Project
from annotate.schema import SpanLabel
from gui import corpus_files
from gui.agreement_view import AgreementView
from gui.app import application
from gui.corpus_files import ProgressBox
from gui.identity import remember_annotator, remembered_annotator
from gui.main_window import MainWindow
from tests.gui.test_annotating import when_modal
from tests.gui.test_corpus_files import drop_files, press_default
from tests.helpers import table_checksums

LINK = '<a href="https://e.x/">go</a>'  # short enough to be quoted whole in a step's name
MARKUP = f'{LINK} <img src="x.png"> <b>bold</b> &lt;i&gt;'
IN_FILE_NAMES = "<b>bold <img src=x.png>"  # a file name holds no slash, so no end tag
ANALYST = "<b>ali</b>"
OTHER = '<a href="https://example.com/">huda</a>'
TEXT = f"قال {MARKUP} إن «الموسم سيكون جيدا» في مؤتمر صحفي."


def shown(text: str, text_format: Qt.TextFormat) -> str:
    """What a label shows of its text: the text itself, or what is left of it read as HTML
    (as QLabel decides: rich text, or automatic and Qt thinks it might be)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


Label = tuple[str, str]  # a label's text, and what it shows of it


def labels(widgets: list[QWidget] | None = None) -> list[Label]:
    """Every label of the app's windows and dialogs (a message box shows its text in one),
    or of the widgets given."""
    found: list[QLabel] = []
    for top in widgets or QApplication.topLevelWidgets():
        found += [top] if isinstance(top, QLabel) else []
        found += top.findChildren(QLabel)
    return [(label.text(), shown(label.text(), label.textFormat())) for label in found]


def as_written(found: list[Label]) -> list[str]:
    """The texts of the labels, each checked to show exactly what it holds."""
    wrong = [(text, showing) for text, showing in found if showing != text]
    assert not wrong, f"shown as markup: {wrong}"
    return [text for text, _ in found]


def anywhere(texts: list[str], wanted: str) -> bool:
    return any(wanted in text for text in texts)


@pytest.fixture
def hostile(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """A project file named with markup, whose document (title and text), labels and
    annotators hold markup, open in the main window as one of those annotators."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    application()
    with Project.create(tmp_path / f"{IN_FILE_NAMES}.annotate") as project:
        project.labels.add_span_label(
            SpanLabel("NOTE", MARKUP, "ملاحظة", attributes={MARKUP: [f"<b>{MARKUP}", "no"]})
        )
        uid = project.documents.add(TEXT, MARKUP).documents_added[0]
        person = project.spans.add(uid, ANALYST, "PERSON", *at(LINK)).spans_added[0]
        quote = project.spans.add(uid, ANALYST, "QUOTE", *at("«الموسم سيكون جيدا»"))
        project.relations.add("SPEAKER", quote.spans_added[0], person)
        project.spans.add(uid, ANALYST, "NOTE", *at("مؤتمر صحفي"))
        project.spans.add(uid, OTHER, "ORG", *at(LINK))
        for annotator in (ANALYST, OTHER):
            project.documents.set_status(uid, annotator, "done")
        window = MainWindow(project, annotator=ANALYST)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: bool(window.reader.annotated and window.reader.annotated.complete))
        yield window
        window.close()


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def own_span(window: MainWindow, label: str) -> str:
    assert window.reader.annotated is not None
    return next(s.uid for s in window.reader.annotated.spans() if s.label == label)


def when_box(act: Callable[[QMessageBox], None]) -> None:
    """Act on the message box the next step shows (and close it even when it is wrong, so
    that a failure never leaves the test waiting)."""

    def check(box: QWidget) -> None:
        if not isinstance(box, QMessageBox):
            if isinstance(box, QDialog):
                box.reject()
            raise AssertionError(f"{box!r} is not a message box")
        text_format = box.textFormat()
        act(box)
        assert text_format == Qt.TextFormat.PlainText

    when_modal(check)


def test_the_main_window_shows_names_and_file_names_as_written(hostile: MainWindow) -> None:
    texts = as_written(labels())
    assert anywhere(texts, f"Annotator: {ANALYST}")
    assert anywhere(texts, f"{IN_FILE_NAMES}.annotate")
    tip = hostile.status_label.toolTip()
    assert shown(tip, Qt.TextFormat.AutoText) == str(hostile.project.path)  # as QToolTip does


def test_deleting_a_linked_span_quotes_its_text_as_written(
    qtbot: QtBot, hostile: MainWindow
) -> None:
    hostile.reader.select_span(own_span(hostile, "PERSON"))
    asked: list[Label] = []

    def answer_yes(box: QMessageBox) -> None:
        asked.extend(labels([box]))
        box.button(QMessageBox.StandardButton.Yes).click()

    when_box(answer_yes)
    hostile.annotating.delete_selected()
    qtbot.waitUntil(lambda: bool(asked))
    assert anywhere(as_written(asked), f"“{LINK}” is the SPEAKER of 1 quote")
    hostile.annotating.undo()
    assert hostile.saved_label.text() == f"Undid: Delete PERSON ‘{LINK}’"
    as_written(labels())


def test_attribute_names_are_shown_as_written(qtbot: QtBot, hostile: MainWindow) -> None:
    hostile.reader.select_span(own_span(hostile, "NOTE"))
    seen: list[Label] = []

    def look(dialog: QWidget) -> None:
        seen.extend(labels([dialog]))
        assert isinstance(dialog, QDialog)
        dialog.reject()

    when_modal(look)
    hostile.annotating.edit_attributes()
    qtbot.waitUntil(lambda: bool(seen))
    assert f"{MARKUP}:" in as_written(seen)


def test_review_and_agreement_show_annotator_names_as_written(
    qtbot: QtBot, hostile: MainWindow
) -> None:
    hostile.review_disagreements()
    review = hostile.review_window
    assert review is not None
    qtbot.waitExposed(review)
    texts = as_written(labels())
    assert anywhere(texts, f"Reviewer: {ANALYST}")
    assert review.annotators == [OTHER, ANALYST]  # by name: "<a" before "<b"
    assert f"1  {OTHER}" in texts and f"2  {ANALYST}" in texts
    items = review.items_model.items()
    row = next(
        n for n, item in enumerate(items) if not item.version(OTHER).spans and not item.is_passage
    )
    review.items.setCurrentIndex(review.items_model.index(row, 0))
    review.accept(1)
    assert review.message.text() == f"{OTHER} marked nothing here; reject to leave gold empty"
    as_written(labels())
    review.accept(2)
    assert review.message.text() == f"Saved: Accept {ANALYST}'s version"
    as_written(labels())
    hostile.show_agreement()
    (agreement,) = [w for w in hostile.findChildren(AgreementView) if w.isVisible()]
    as_written(labels([agreement]))


def test_import_shows_file_names_and_refused_labels_as_written(
    qtbot: QtBot, hostile: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / f"{IN_FILE_NAMES}.jsonl"
    span = {"start": 4, "end": 9, "label": MARKUP}
    record = {"text": TEXT, "annotator": OTHER, "spans": [span]}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    before = table_checksums(hostile.project.path)
    asked: list[Label] = []
    progress: list[Label] = []
    refused: list[Label] = []

    def step(box: ProgressBox, text: str, done: int, total: int) -> None:
        shown_step(box, text, done, total)
        progress.extend(labels([box.dialog]))

    shown_step = ProgressBox.step
    monkeypatch.setattr(corpus_files.ProgressBox, "step", step)

    def fill(dialog: QWidget) -> None:
        asked.extend(labels([dialog]))
        when_box(lambda box: (refused.extend(labels([box])), box.accept()))
        press_default(qtbot, dialog)

    when_modal(fill)
    drop_files(hostile, [source])
    qtbot.waitUntil(lambda: bool(refused))
    assert anywhere(as_written(asked), f"{source}")
    assert anywhere(as_written(progress), f"Reading {source.name}: 1 documents")
    assert anywhere(
        as_written(refused),
        f"{source}:1, field 'spans[0].label': unknown labels: {MARKUP}; add them to the schema"
        " or use --add-labels",
    )
    assert table_checksums(hostile.project.path) == before
    progress_shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert not [w for w in progress_shown if w.isVisible()]


def test_the_network_warning_shows_the_file_name_as_written(
    qtbot: QtBot, hostile: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/share {tmp_path} nfs4 rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(filesystems, "MOUNTS", mounts)
    warned: list[Label] = []
    when_box(lambda box: (warned.extend(labels([box])), box.accept()))
    hostile.protect_on_open()
    qtbot.waitUntil(lambda: bool(warned))
    path = hostile.project.path
    assert anywhere(as_written(warned), f"{path} is on a network filesystem (nfs4)")
    assert hostile.saved_label.text().startswith(f"Backed up to {IN_FILE_NAMES}")
    as_written(labels())


def test_a_name_with_a_bidi_control_is_asked_again(qtbot: QtBot, hostile: MainWindow) -> None:
    refused: list[str] = []

    def type_name(name: str) -> Callable[[QWidget], None]:
        def fill(dialog: QWidget) -> None:
            assert isinstance(dialog, QInputDialog)
            dialog.setTextValue(name)
            if "\u202e" in name:
                when_box(refuse)
            dialog.accept()

        return fill

    def refuse(box: QMessageBox) -> None:
        refused.append(box.text())
        when_modal(type_name("huda"))  # the name is asked again
        box.accept()

    when_modal(type_name("ali\u202ehuda"))
    hostile.switch()
    assert refused == [
        "'ali\\u202ehuda' holds U+202E RIGHT-TO-LEFT OVERRIDE; a name cannot hold a bidi"
        " control, which reorders the text shown around it"
    ]
    assert hostile.annotator == "huda"
    assert hostile.saved_label.text() == "Annotating as huda"


def test_a_remembered_name_with_a_bidi_control_is_asked_anew(
    qtbot: QtBot, project: Project
) -> None:
    application()
    remember_annotator("\u202eali")  # kept by an older version, which took any name

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("ali")
        dialog.accept()

    when_modal(fill)
    window = MainWindow(project)
    qtbot.addWidget(window)
    assert window.annotator == "ali"
    assert remembered_annotator() == "ali"
    window.close()
