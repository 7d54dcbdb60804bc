"""The main window, its menus and status bar, and the dialogs of files, projects and
failures in Arabic: what the analyst reads holds no English, only names (of formats,
programs, files, annotators) and keys."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDockWidget,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate.corpus.export_files import ExportReport
from annotate.corpus.import_writer import ImportReport
from annotate.failures import WriteFailed
from annotate.merge.report import MergeReport
from annotate.project import Project
from annotate.sample import open_default_project
from gui.app import application
from gui.corpus_files import ExportDialog, ImportDialog, describe_export, describe_import
from gui.empty_project import EmptyProjectPanel
from gui.failure_box import read_only_banner, tell_refusal, unexpected_error_hook
from gui.identity import ask_annotator
from gui.main_window import MainWindow
from gui.merging import describe_merge
from gui.project_switch import CurrentWindow
from gui.rtl import LRI, PDI
from tests.gui.test_annotating import when_modal
from tests.gui.test_corpus_files import drop_files, press_default
from tests.helpers import read_only_copy

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
# What stays in Latin letters in Arabic: keys, and the names of formats and programs.
NAMES = {
    *("Ctrl", "Shift", "Alt", "F1", "F3", "I", "B"),
    *("JSONL", "CoNLL", "brat", "doccano", "Label", "Studio", "SQLite"),
    *("jsonl", "conll", "nested", "spacy", "parquet", "label", "studio"),
    "English",  # the Language menu names each language in itself
}
ANALYST = "ali"
MENUS = ("File", "Edit", "Annotate", "View", "Find", "Go", "Review", "Suggestions", "Help")
Shown = list[tuple[str, str]]


def english_in(text: str, *data: str) -> list[str]:
    """The Latin words of `text` that are neither names nor keys, once the data it shows
    (file names, annotators) is taken out."""
    for value in data:
        text = text.replace(value, "")
    return [word for word in LATIN_WORD.findall(text.replace("&", "")) if word not in NAMES]


def english_left(texts: list[str], *data: str) -> list[str]:
    return [text for text in texts if english_in(text, *data)]


def widget_texts(widget: QWidget) -> list[str]:
    """What a dialog shows: its title, labels, buttons, choices, tips and placeholders."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        texts.append(child.toolTip())
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QComboBox):
            texts.extend(child.itemText(row) for row in range(child.count()))
    return [text for text in texts if text]


def menu_texts(menu: QMenu, skipped: tuple[QMenu, ...] = ()) -> list[str]:
    """The titles of a menu's actions and of its submenus' actions."""
    texts = []
    for action in menu.actions():
        if action.isSeparator() or action.menu() in skipped:
            continue
        texts.append(action.text())
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            submenu.aboutToShow.emit()  # Open recent fills itself as it opens
            texts.extend(menu_texts(submenu))
    return texts


def mnemonics(texts: list[str]) -> list[str]:
    """The letter after each text's "&"."""
    return [text[text.index("&") + 1] for text in texts if "&" in text]


def is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a"


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Every message box shown, as (title, text), answered at once."""
    shown: Shown = []

    def record(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def menus(window: MainWindow) -> dict[str, QMenu]:
    """The menu bar's menus, by their English names, in order."""
    shown = [action.menu() for action in window.menuBar().actions()]
    assert all(isinstance(menu, QMenu) for menu in shown)
    return dict(zip(MENUS, shown, strict=True))


def own_actions(window: MainWindow, menu: QMenu) -> list[str]:
    """The main window's own commands and submenus in a menu: gui/annotating.py makes the
    others, gui/layer_selector.py View › Show (each checked with its module)."""
    others = {*window.annotating.actions.all(), window.layers.menu.menuAction()}
    return [a.text() for a in menu.actions() if not a.isSeparator() and a not in others]


def test_the_menus_and_docks_of_the_main_window_are_in_arabic(
    arabic_window: MainWindow, tmp_path: Path
) -> None:
    window = arabic_window
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [
        "&ملف",
        "ت&حرير",
        "&توسيم",
        "&عرض",
        "&بحث",
        "ا&نتقال",
        "م&راجعة",
        "ا&قتراحات",
        "م&ساعدة",
    ]
    shown = menus(window)
    project = window.project.path  # in Open recent
    for name in ("File", "Find", "Go", "Review", "Help"):
        texts = menu_texts(shown[name])
        assert texts and english_left(texts, project.name, str(project.parent)) == [], name
    # View › Show is the layer selector's (gui/layer_selector.py), checked with it
    view = menu_texts(shown["View"], skipped=(window.layers.menu,))
    assert english_left(view) == []
    assert {"العربية", "English"} <= set(view)  # each language named in itself
    for name in ("Edit", "Annotate", "Suggestions"):
        assert english_left(own_actions(window, shown[name])) == [], name
    assert "تعيين المستند &منجزًا والانتقال إلى التالي" in own_actions(window, shown["Annotate"])
    docks = [dock.windowTitle() for dock in window.findChildren(QDockWidget)]
    assert sorted(docks) == sorted(["الوسوم", "التوسيمات", "البحث", "دليل التوسيم"])
    window.grab().save(str(tmp_path / "arabic-main-window.png"))


def test_each_arabic_menu_command_has_an_arabic_access_key_of_its_own(
    arabic_window: MainWindow,
) -> None:
    """Alt and a letter of an Arabic keyboard layout opens a menu and runs a command in it:
    one "&", before an Arabic letter, no two alike in a menu."""
    window = arabic_window
    shown = menus(window)
    groups = {"menu bar": [action.text() for action in window.menuBar().actions()]}
    for name in ("File", "Find", "Go", "Review", "Help"):
        groups[name] = [a.text() for a in shown[name].actions() if not a.isSeparator()]
    groups["View"] = own_actions(window, shown["View"])
    groups["Suggestions"] = own_actions(window, shown["Suggestions"])
    for name, texts in groups.items():
        keys = mnemonics(texts)
        assert len(keys) == len(texts), (name, texts)
        assert all(is_arabic_letter(key) for key in keys), (name, keys)
        assert len(set(keys)) == len(keys), (name, keys)


def test_the_title_and_status_bar_of_the_main_window_are_in_arabic(
    arabic_window: MainWindow,
) -> None:
    window = arabic_window
    name = window.project.path.name
    assert window.windowTitle() == f"{name} — منضدة توسيم النصوص العربية"
    assert window.annotator_label.text() == "الموسِّم: ali"
    assert window.position_label.text() == "المستند 1 من 2"
    assert window.saved_label.text().startswith("حُفظت نسخة احتياطية في ")
    backup = window.saved_label.text().removeprefix("حُفظت نسخة احتياطية في ")
    assert english_left([window.saved_label.text()], backup) == []
    assert window.status_label.text() == name  # the project's file name, as it is
    filters = [window.status_filter.itemText(row) for row in range(window.status_filter.count())]
    assert filters == [
        "كل المستندات",
        "قائمة مهامي: المسندة إليّ غير المنجزة",
        "جديد",
        "قيد العمل",
        "منجز",
    ]


def test_the_status_filter_in_arabic_lists_the_documents_of_the_status_chosen(
    qtbot: QtBot, arabic_window: MainWindow
) -> None:
    window = arabic_window
    first = window.annotating.document
    qtbot.keyClick(window.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.saved_label.text() == "صار المستند منجزًا"
    window.status_filter.setCurrentText("منجز")
    assert [d.uid for d in window.document_list.documents.listed()] == [first]
    window.status_filter.setCurrentText("جديد")
    assert first not in [d.uid for d in window.document_list.documents.listed()]
    window.open_document(first)  # hidden by the filter: every status is shown again
    assert window.status_filter.currentText() == "كل المستندات"
    assert window.document_list.documents.rowCount() == 2


def test_a_read_only_project_says_so_in_arabic(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_arabic: None
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_default_project() as project:
        sample = project.path
    with read_only_copy([sample], tmp_path / "ro") as folder:
        window = MainWindow(Project.open(folder / sample.name), annotator=ANALYST)
        qtbot.addWidget(window)
        window.protect_on_open()
        title, banner = window.windowTitle(), window.read_only_banner.text()
        told = window.saved_label.text()
        window.close()  # and the project, before its folder is unmounted
        window.project.close()
    assert title == f"{sample.name} (للقراءة فقط) — منضدة توسيم النصوص العربية"
    assert banner.startswith("للقراءة فقط: لا يمكن الكتابة في ملف هذا المشروع")
    assert english_left([banner]) == []
    assert told == "للقراءة فقط: لم تُنشأ نسخة احتياطية، إذ لا يمكن أن يتغير شيء"


def test_the_import_dialog_is_in_arabic_and_asks_for_the_format_by_its_name(
    qtbot: QtBot, tmp_path: Path, in_arabic: None
) -> None:
    source = tmp_path / "news.txt"
    dialog = ImportDialog(None, [source], ANALYST)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "استيراد"
    assert english_left(widget_texts(dialog), str(source), ANALYST) == []
    # a path reads left to right (folders before the file) in a right-to-left dialog too
    (files,) = [label for label in dialog.findChildren(QLabel) if str(source) in label.text()]
    assert files.text() == f"{LRI}{source}{PDI}"
    assert dialog.format.itemText(0) == "تلقائي"
    assert dialog.annotator.currentText() == "كما تسمّيه الملفات، وإلا ali"
    request = dialog.request()
    assert (request.fmt, request.annotator, request.unnamed) == ("auto", None, ANALYST)
    dialog.format.setCurrentText("نص عادي")
    assert dialog.request().fmt == "txt"


def test_the_export_dialog_is_in_arabic_and_exports_by_the_values_chosen(
    qtbot: QtBot, in_arabic: None
) -> None:
    dialog = ExportDialog(None, ["sample", ANALYST])
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "تصدير"
    # the split's example names the files the parts are written to
    assert english_left(widget_texts(dialog), "sample", ANALYST, "train", "dev", "test") == []
    dialog.out.setText("/tmp/corpus.jsonl")
    request = dialog.request()
    assert (request.fmt, request.source, request.status) == ("jsonl", "all", "any")
    dialog.source.setCurrentText("المرجع")
    dialog.status.setCurrentText("المنجزة فقط")
    request = dialog.request()
    assert (request.source, request.status) == ("gold", "done")


def test_an_import_dropped_on_the_arabic_window_is_told_in_arabic(
    qtbot: QtBot, arabic_window: MainWindow, tmp_path: Path
) -> None:
    window = arabic_window
    source = tmp_path / "خبر.txt"
    source.write_text("زار وفد من جامعة دمشق مدينة حمص.", encoding="utf-8")
    labels: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        labels.extend(widget_texts(dialog))
        press_default(qtbot, dialog)

    when_modal(fill)
    drop_files(window, [source])
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("استُورد"))
    assert "استيراد" in labels and "ا&ستيراد" in labels
    assert window.saved_label.text() == (
        "استُورد من المستندات 1 (وكان 0 منها موجودًا من قبل)، ومن المقاطع 0، ومن العلاقات 0"
    )


def test_a_refused_import_is_told_in_arabic_around_the_files_own_error(
    qtbot: QtBot, arabic_window: MainWindow, tmp_path: Path, boxes: Shown
) -> None:
    window = arabic_window
    source = tmp_path / "bad.jsonl"
    source.write_text("{not json\n", encoding="utf-8")
    when_modal(lambda dialog: press_default(qtbot, dialog))
    drop_files(window, [source])
    qtbot.waitUntil(lambda: bool(boxes))
    title, text = boxes[0]
    assert title == "رُفض الاستيراد"
    assert text.startswith(f"{source}:1")  # the core's own words, naming file and line


def test_what_an_import_export_and_merge_did_is_told_in_arabic(in_arabic: None) -> None:
    imported = ImportReport(3, 1, 12, 2, relations_added=4, labels_added=["PLACE"])
    assert describe_import(imported) == (
        "استُورد من المستندات 3 (وكان 1 منها موجودًا من قبل)، ومن المقاطع 12، ومن العلاقات 4"
        "؛ وأخذت مقاطع موجودة من قبل قيمًا جديدة لسماتها: 2؛ الوسوم المضافة: PLACE"
    )
    exported = ExportReport(5, [Path("corpus.jsonl")])
    assert describe_export(exported) == "صُدِّر من السجلات 5 إلى corpus.jsonl"
    merged = MergeReport(["bob.annotate", "huda.annotate"], 1, 2, 3, 4, relations_added=5)
    merged.assignments_updated = 6
    assert describe_merge(merged) == (
        "دُمج من الملفات 2: أُضيف من المستندات 1 (وكان 2 منها موجودًا من قبل)، ومن المقاطع 3"
        " وحُدِّث منها 4، ومن العلاقات 5؛ وحُدِّث من الإسنادات 6"
    )


def test_the_empty_project_panel_is_in_arabic(qtbot: QtBot, in_arabic: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    panel = EmptyProjectPanel(parent, lambda: None, lambda: None, lambda: None)
    texts = widget_texts(panel)
    assert "لا مستندات في هذا المشروع بعد" in texts
    assert "استيراد ملفات… (Ctrl+I)" in texts
    assert english_left(texts) == []
    panel.set_read_only(True)
    assert panel.import_hint.text() == "هذا المشروع للقراءة فقط: لا يمكن استيراد مستندات إليه."


def test_the_first_run_name_dialog_asks_in_arabic_and_again_for_a_name_refused(
    qtbot: QtBot, in_arabic: None, boxes: Shown
) -> None:
    asked: list[list[str]] = []
    names = iter(["ali\u202ehuda", "huda"])

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        asked.append(widget_texts(dialog))
        dialog.setTextValue(next(names))
        if len(asked) == 1:
            when_modal(answer)  # asked again, after the refusal
        dialog.accept()

    when_modal(answer)
    assert ask_annotator(None) == "huda"
    title, question = asked[0][:2]
    assert title == "الموسِّم"
    assert question == "اسمك موسِّمًا (يُنسب إليه كل مقطع تنشئه):"
    assert english_left(asked[0]) == []
    assert [title for title, _ in boxes] == ["الموسِّم"]  # the refusal: the core's words


def test_failures_are_framed_in_arabic(
    qtbot: QtBot, in_arabic: None, boxes: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    status: list[str] = []
    tell_refusal(WriteFailed("/data/p.annotate: the disk is full"), None, status.append)
    assert status == ["لم يُحفظ: /data/p.annotate: the disk is full"]
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    hook = unexpected_error_hook(lambda: None, lambda: Path("/data/p.annotate"))
    hook(sqlite3.IntegrityError, sqlite3.IntegrityError("constraint failed"), None)
    hook(KeyError, KeyError("span"), None)
    assert [title for title, _ in boxes] == ["لم يُحفظ", "تعذّر التنفيذ", "خطأ غير متوقع"]
    assert boxes[2][1] == (
        "KeyError: 'span'\n\nالتفاصيل في الطرفية؛ نرجو الإبلاغ عنها."
        " كل ما حُفظ قبل هذا في أمان في المشروع."
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    assert english_left([read_only_banner(parent, True).text()]) == []


def test_choosing_arabic_in_the_language_menu_builds_the_window_again_in_arabic(
    qtbot: QtBot, current: CurrentWindow
) -> None:
    """And back to English: the Arabic window, closed with its project, opens no document
    of it afterwards (its list, left without a current row, takes one when focused)."""
    english = current.window
    path = english.project.path
    try:
        (arabic_choice,) = [a for a in english.findChildren(QAction) if a.text() == "العربية"]
        arabic_choice.trigger()
        window = current.window
        assert window is not english
        assert window.project.path == path and window.isVisible()
        assert window.windowTitle().endswith(" — منضدة توسيم النصوص العربية")
        assert menus(window)["File"].title() == "&ملف"
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        (english_choice,) = [a for a in window.findChildren(QAction) if a.text() == "English"]
        english_choice.trigger()
        assert current.window.windowTitle().endswith(" — Arabic annotation workbench")
        assert current.window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        application("en")
