"""The annotating window in Arabic: every annotation action, the reader's right-click menu
and hover, the comment dialog, the label palette and its menu, the find bar and the key
help speak Arabic; labels go by their Arabic names; Latin letters are left only in key
names and in names the data gives (an annotator, a label's English name beside its Arabic
one). Each test starts the app in Arabic and leaves it in English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QInputDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from annotate.commenting import comment_step, flag_step, resolve_step
from annotate.editing import Edge, Editor
from annotate.history import Step
from annotate.project import Project
from annotate.suggestions import Candidate
from gui.app import application
from gui.keys_overlay import KeysOverlay
from gui.label_words import step_name
from gui.main_window import MainWindow
from gui.reader import describe_span
from tests.gui.test_annotating import WATER, Session, when_modal
from tests.gui.test_label_editing import choose, shown_menu
from tests.gui.test_search import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEY_NAMES = {"Ctrl", "Shift", "Alt", "Del", "Esc", "Return", "Enter", "Space", "Home", "End"}
NAME = "سامي بن عاشور"  # a person in the sample's water article
TEXT = "وقالت ليلى الخطيب إن “الجفاف لم يعد أزمة عابرة”، وأكد وترامب ذلك."


def foreign_words(text: str) -> list[str]:
    """The Latin words of a text that are not key names (single letters among them)."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
    return [word for word in words if len(word) > 1 and word not in KEY_NAMES]


def shown_texts(action: QAction) -> list[str]:
    """What an action shows: its text (without the key Qt writes after a tab), its
    tooltip and its status tip."""
    return [action.text().split("\t")[0], action.toolTip(), action.statusTip()]


@pytest.fixture
def arabic(arabic_window: MainWindow) -> MainWindow:
    return arabic_window


class ArabicSession(Session):
    """The session on the water article, chosen in the document list as a click does:
    right to left, QTableView.selectRow selects nothing once the list is on screen."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.reader = window.reader
        listed = window.document_list
        listed.setCurrentIndex(listed.documents.index(WATER, 0))
        annotated = self.reader.annotated
        assert annotated is not None
        self.uid = annotated.document.uid
        self.text = annotated.text


@pytest.fixture
def session(qtbot: QtBot, arabic: MainWindow) -> Session:
    """The water article open, the reader with the focus."""
    arabic.reader.setFocus()
    return ArabicSession(qtbot, arabic)


def add_person(session: Session) -> str:
    start, end = session.at(NAME)
    session.drag(start, end - 1)
    session.key(Qt.Key.Key_P)
    uid = session.reader.selected_span
    assert uid is not None
    return uid


def test_every_annotation_action_speaks_arabic(arabic: MainWindow) -> None:
    actions = arabic.annotating.actions.all()
    for action in actions:
        for text in shown_texts(action):
            assert foreign_words(text) == [], text
    keys = {action.shortcut().toString(): action.text() for action in actions}
    assert keys["P"] == "شخص"
    assert keys["Shift+C"] == "فعل القول، بالمحارف المحددة تمامًا"
    assert keys["Alt+S"] == "ربط المتحدث…"
    assert keys["Ctrl+Z"] == "&تراجع"
    assert keys["Ctrl+Shift+U"] == "وضع علامة «غير متأكد» على المقطع (أو المستند)"


def test_a_step_is_named_in_arabic_in_the_edit_menu_and_the_status_bar(
    session: Session, arabic: MainWindow
) -> None:
    add_person(session)
    assert arabic.annotating.undo_action.text() == f"&تراجع عن إضافة شخص «{NAME}»"
    assert arabic.saved_label.text().startswith("حُفظ الساعة ")
    session.key(Qt.Key.Key_Z, CTRL)
    assert arabic.saved_label.text() == f"تم التراجع عن: إضافة شخص «{NAME}»"
    assert arabic.annotating.redo_action.text() == f"&إعادة إضافة شخص «{NAME}»"
    session.key(Qt.Key.Key_Delete)  # nothing selected now
    assert arabic.saved_label.text() == "حدِّد مقطعًا أولًا (انقر عليه، أو اضغط Space عليه)."


def test_the_readers_menu_and_hover_speak_arabic(
    qtbot: QtBot, session: Session, arabic: MainWindow, tmp_path: Path
) -> None:
    uid = add_person(session)
    reader = arabic.reader
    assert reader.annotated is not None
    hover = describe_span(reader.annotated, reader.annotated.span(uid))
    assert hover == "<b>شخص</b><br>الموسِّم: ali"
    point = session.point(session.at(NAME)[0] + 2)
    menu = arabic.commenting.context_menu(point)
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [
        "ا&نسخ\tCtrl+C",  # Qt's own, from its Arabic catalogue
        "حدّد الكلّ\tCtrl+A",
        "التعليق على المقطع (أو المستند)…",
        "وضع علامة «غير متأكد» على المقطع (أو المستند)",
        "وضع علامة «يحتاج إلى نقاش» على المقطع (أو المستند)",
        "حلّ تعليق…",
    ]
    assert menu.layoutDirection() == Qt.LayoutDirection.RightToLeft
    menu.popup(reader.viewport().mapToGlobal(point))
    qtbot.waitExposed(menu)
    assert menu.grab().save(str(tmp_path / "reader_menu_ar.png"))
    menu.close()


def test_the_comment_dialog_and_the_flags_speak_arabic(
    qtbot: QtBot, session: Session, arabic: MainWindow
) -> None:
    add_person(session)
    seen: list[str] = []

    def look_and_cancel(dialog: QWidget) -> None:
        seen.append(dialog.windowTitle())
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.text())
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        seen.extend(button.text() for button in buttons.buttons())
        buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    when_modal(look_and_cancel)
    session.key(Qt.Key.Key_C, CTRL | SHIFT)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["تعليق", "التعليق على هذا المقطع:", "حسنًا", "ألغِ"]
    arabic.reader.select_span(None)
    session.key(Qt.Key.Key_U, CTRL | SHIFT)  # the document is flagged
    assert arabic.commenting.document_mark.text() == "المستند: ⚑ غير متأكد"
    assert arabic.saved_label.text().startswith("حُفظ الساعة ")
    session.key(Qt.Key.Key_Z, CTRL)
    assert arabic.saved_label.text() == "تم التراجع عن: وضع علامة «غير متأكد» على المستند"


def test_the_label_palette_and_its_menu_name_labels_in_arabic(
    qtbot: QtBot, arabic: MainWindow
) -> None:
    palette = arabic.palette_list
    items = [palette.item(row).text() for row in range(palette.count())]
    assert items[0] == "[p / ح]  شخص · Person"
    assert items[-1] == "[c / ؤ]  فعل القول · Reporting verb"
    event = palette.item_named("EVENT")
    assert event is not None
    menu = shown_menu(qtbot, palette, event)
    assert menu == ["إعادة &تسمية…", "&لون…", "إضافة &قيم للسمة…", "إ&يقاف"]
    choose(arabic, "EVENT", "إ&يقاف")
    assert arabic.saved_label.text() == "أُوقف حدث: تحتفظ به مقاطعه"
    event = palette.item_named("EVENT")
    assert event is not None and event.text() == "[e / ث]  حدث · Event  (موقوف)"
    assert "موقوف: تحتفظ به مقاطعه، ولا يأخذه أي مقطع جديد." in event.toolTip()


def test_attribute_values_typed_with_the_arabic_comma_are_each_added(
    arabic: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def typed(parent: QWidget, title: str, label: str) -> tuple[str, bool]:
        asked.extend([title, label])
        return "kind: مختلط، جزئي", True

    monkeypatch.setattr(QInputDialog, "getText", typed)
    choose(arabic, "QUOTE", "إضافة &قيم للسمة…")
    assert asked == [
        "إضافة قيم للسمة",
        # the attribute as the schema names it: a translated name would make a new one
        "سمة اقتباس باسمها في المخطط والقيم المراد إضافتها، مثلًا  kind: مختلط، جزئي",
    ]
    quote = arabic.project.labels.span_label("QUOTE")
    assert quote is not None
    assert quote.attributes == {"kind": ["direct", "indirect", "مختلط", "جزئي"]}
    assert arabic.saved_label.text() == "اقتباس kind: مختلط، جزئي"


def test_the_attributes_dialog_names_the_label_and_no_value_in_arabic(
    qtbot: QtBot, session: Session, arabic: MainWindow
) -> None:
    quote = session.at("الخطة لن تنجح إذا بقيت حبرًا على ورق")
    session.drag(quote[0], quote[1] - 1)
    session.key(Qt.Key.Key_Q)
    uid = arabic.reader.selected_span
    assert uid is not None
    seen: list[list[str]] = []

    def choose_item(row: int) -> None:
        def choose_it(dialog: QWidget) -> None:
            choice = dialog.findChild(QComboBox)
            assert choice is not None
            seen.append([dialog.windowTitle(), *map(choice.itemText, range(choice.count()))])
            choice.setCurrentIndex(row)
            qtbot.keyClick(dialog, Qt.Key.Key_Return)

        when_modal(choose_it)
        session.key(Qt.Key.Key_A)

    choose_item(2)
    assert seen == [["سمات اقتباس", "(لا شيء)", "direct", "indirect"]]
    assert arabic.project.spans.get(uid).attrs == {"kind": "indirect"}
    choose_item(0)  # no value
    assert arabic.project.spans.get(uid).attrs == {}


def test_the_find_bar_speaks_arabic(qtbot: QtBot, session: Session, arabic: MainWindow) -> None:
    bar = arabic.find_bar
    qtbot.keyClick(arabic.reader, Qt.Key.Key_F, CTRL)
    assert bar.query.placeholderText() == "بحث في هذا المستند (مع تجاهل الهمزات والحركات و ب ل …)"
    assert "بحث:" in [label.text() for label in bar.findChildren(QLabel)]
    type_text(bar.query, "المنظمة")
    assert bar.count.text() == "1 من 2"
    type_text(bar.query, "ززز")
    assert bar.count.text() == "لا نتائج"


def test_the_key_help_speaks_arabic_and_keeps_key_names(
    qtbot: QtBot, arabic: MainWindow, tmp_path: Path
) -> None:
    overlay = KeysOverlay(arabic, arabic.annotating.actions.all())
    qtbot.addWidget(overlay)
    table = overlay.table
    headers = [table.horizontalHeaderItem(column).text() for column in range(2)]
    assert [overlay.windowTitle(), *headers] == ["المفاتيح", "المفتاح", "عمله"]
    rows = dict(overlay.rows())
    for does in rows.values():
        assert foreign_words(does) == [], does
    assert rows["p / ح"].startswith("شخص: اسم شخص بعينه كما كُتب")
    assert rows["Shift+P"] == "شخص، بالمحارف المحددة تمامًا"
    assert rows["Ctrl+Shift+Z, Ctrl+Y"] == "إعادة"
    assert rows["Del"] == "حذف المقطع"
    assert overlay.layoutDirection() == Qt.LayoutDirection.RightToLeft
    overlay.show()
    qtbot.waitExposed(overlay)
    assert overlay.grab().save(str(tmp_path / "key_help_ar.png"))


def every_kind_of_step(project: Project) -> list[Step]:
    """One step of each name the editor and the comments give."""
    editor = Editor(project, "ali")
    document = project.documents.add(TEXT).documents_added[0]

    def at(words: str) -> tuple[int, int]:
        return TEXT.index(words), TEXT.index(words) + len(words)

    def last() -> Step:
        step = editor.history.next_undo()
        assert step is not None
        return step

    steps = []
    person = editor.add_span(document, "PERSON", *at("ليلى الخطيب")).spans_added[0]
    steps.append(last())
    quote = editor.add_span(document, "QUOTE", *at("الجفاف لم يعد أزمة عابرة")).spans_added[0]
    editor.add_spans(document, "DATE", [at("ذلك")], "propagated")
    steps.append(last())
    editor.add_spans(document, "EVENT", [at("أزمة"), at("عابرة")], "propagated")
    steps.append(last())
    moves: list[tuple[Edge, bool]] = [
        ("end", False),
        ("end", True),
        ("start", False),
        ("start", True),
    ]
    for edge, grow in moves:
        editor.resize(person, edge, grow)
        steps.append(last())
    editor.set_bounds(person, *at("ليلى الخطيب"))
    steps.append(last())
    editor.relabel(person, "ORG")
    steps.append(last())
    editor.set_attrs(quote, {"kind": "direct"})
    steps.append(last())
    trump = editor.add_span(document, "PERSON", *at("وترامب")).spans_added[0]
    for _ in range(2):  # off, then back on
        editor.toggle_proclitics(trump)
        steps.append(last())
    the = editor.add_span(document, "GPE", *at("الجفاف")).spans_added[0]
    editor.strip_article(the)
    steps.append(last())
    editor.link("SPEAKER", quote, trump)
    steps.append(last())
    link = project.relations.touching(quote)[0].uid
    editor.unlink(link)
    steps.append(last())
    editor.remove_span(the)
    steps.append(last())
    for span in (quote, ""):
        said = comment_step(document, "ali", "هل هو الأمين العام؟", span)
        editor.history.take(said)
        steps.append(said)
        for flag in ("unsure", "needs discussion"):
            for _ in range(2):  # set, then cleared
                flagged = flag_step(project, document, span, "ali", flag)
                editor.history.take(flagged)
                steps.append(flagged)
    comment = project.comments.for_document(document)[0].uid
    for resolved in (True, False):
        step = resolve_step(project, comment, "ali", resolved)
        editor.history.take(step)
        steps.append(step)
    suggested = [("PERSON", "ليلى"), ("GPE", "الخطيب"), ("ORG", "وأكد"), ("ORG", "إن")]
    suggested += [("EVENT", "لم يعد"), ("EVENT", "الجفاف")]
    candidates = [Candidate(label, *at(words)) for label, words in suggested]
    project.suggestions.add(document, candidates, "gazetteer")
    uids = {TEXT[s.start : s.end]: s.uid for s in project.suggestions.open_for(document, "ali")}
    for decide in (
        lambda: editor.accept_suggestion(uids["ليلى"]),
        lambda: editor.accept_suggestion(uids["الخطيب"], "ORG"),
        lambda: editor.reject_suggestion(uids["وأكد"]),
        lambda: editor.accept_suggestions(document, *at("إن")),
        lambda: editor.accept_suggestions(document, 0, len(TEXT)),
    ):
        decide()
        steps.append(last())
    return steps


@pytest.fixture
def steps(project: Project) -> Iterator[list[Step]]:
    yield every_kind_of_step(project)
    application("en")


def test_every_step_has_an_arabic_name_and_its_own_name_in_english(
    project: Project, steps: list[Step]
) -> None:
    application("en")
    assert [step_name(step, project.labels) for step in steps] == [s.name for s in steps]
    application("ar")
    names = [step_name(step, project.labels) for step in steps]
    for name in names:
        assert foreign_words(name) == [], name
    assert names[:4] == [
        "إضافة شخص «ليلى الخطيب»",
        "إضافة مقطع واحد بوسم تاريخ",
        "إضافة مقاطع بوسم حدث، عددها 2",
        "تقليص شخص «ليلى الخطيب» من نهايته",
    ]
    assert "تغيير وسم «ليلى الخطيب» من شخص إلى منظمة" in names
    assert "فصل «و» عن شخص «وترامب»" in names
    assert "ربط المتحدث" in names and "فك ربط المتحدث" in names
    assert "إزالة علامة «يحتاج إلى نقاش» عن المستند" in names
    assert "إعادة فتح التعليق «هل هو الأمين العام؟»" in names
    assert names[-5:] == [
        "قبول شخص «ليلى»",
        "قبول منظمة «الخطيب»",
        "رفض منظمة «وأكد»",
        "قبول اقتراح واحد",
        "قبول اقتراحات، عددها 2",
    ]
    assert len(set(names)) == len(names)
