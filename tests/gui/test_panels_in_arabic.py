"""The panels in Arabic: the document list, the annotations, the guidelines, the Search
dock, the Show toolbar and View › Show, and "annotate every mention", with no word in
Latin letters but the annotators' names and key names.

The Arabic catalogue is this checkout's resources/i18n/annotate_ar.ts, compiled as the
build compiles it, so that a .qm left from an older build cannot stand in for it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from annotate.model import GOLD_ANNOTATOR
from annotate.propagation import Proposal
from annotate.sample import open_default_project
from annotate.tokens import tokenise
from annotate.words import is_word_char
from gui.app import application
from gui.guidelines_panel import first_line, tooltip_html
from gui.layers import EVERYONE
from gui.main_window import MainWindow
from gui.propagation_dialog import Candidate, PropagationDialog
from gui.vocabulary import status_name
from tests.gui.test_search import type_text

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "annotate_ar.ts"
WATER = 1  # the sample article on water, second in the list
ADDED = {"ali": "PERSON", "sara": "ORG", GOLD_ANNOTATOR: "GPE"}  # label of each one's spans
NAMES = {"ali", "sample", "sara"}  # the annotators' names stay as they are written
KEYS = {"Enter"}
LATIN = re.compile(r"[A-Za-z]+")


def latin_words(texts: dict[str, str], allowed: set[str]) -> dict[str, list[str]]:
    """Where a text shows words in Latin letters other than `allowed`, and which."""
    found = {
        where: [word for word in LATIN.findall(text) if word not in allowed]
        for where, text in texts.items()
    }
    return {where: words for where, words in found.items() if words}


@pytest.fixture(scope="session")
def catalogue_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("i18n")
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    compiled = folder / "annotate_ar.qm"
    subprocess.run([str(lrelease), "-silent", str(CATALOGUE), "-qm", str(compiled)], check=True)
    return folder


@pytest.fixture
def arabic(catalogue_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app in Arabic while the test runs, in English again after it."""
    monkeypatch.setattr("gui.i18n.catalogue_folder", lambda: str(catalogue_folder))
    application("ar")
    yield
    application("en")


@pytest.fixture
def window(
    arabic: None, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window in Arabic on the sample, for "ali", on the water article, which
    also has spans of ali, sara and gold (a propagated one among them)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_default_project() as project:
        shown = MainWindow(project, annotator="ali")
        qtbot.addWidget(shown)
        shown.resize(1400, 800)
        shown.show()
        qtbot.waitExposed(shown)
        uid = project.documents.summaries()[WATER].uid
        add_spans(shown, uid)
        shown.document_list.selectRow(WATER)
        qtbot.waitUntil(lambda: not shown.reader.loading)
        yield shown
        shown.close()


def add_spans(window: MainWindow, uid: str) -> None:
    project = window.project
    text = project.documents.get(uid).text
    sample = project.spans.for_document(uid, "sample")
    free = [
        (t.start, t.end)
        for t in tokenise(text)
        if is_word_char(text[t.start])
        and not any(s.start < t.end and t.start < s.end for s in sample)
    ]
    for number, (start, end) in enumerate(free[:6]):
        name = list(ADDED)[number % 3]
        origin = "propagated" if number == 0 else "manual"
        project.spans.add(uid, name, ADDED[name], start, end, origin=origin)
    project.documents.set_status(uid, "ali", "in_progress")
    window.refresh()


def test_the_document_list_and_the_annotations_speak_arabic(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.layers.action(EVERYONE).trigger()
    qtbot.waitUntil(lambda: not window.reader.loading)
    documents, spans = window.document_list.documents, window.annotations.spans
    assert [documents.headerData(n, Qt.Orientation.Horizontal) for n in range(5)] == [
        "#",
        "العنوان",
        "المحارف",
        "المقاطع",
        "الحالة",
    ]
    assert [spans.headerData(n, Qt.Orientation.Horizontal) for n in range(5)] == [
        "الوسم",
        "النص",
        "الموسِّم",
        "المصدر",
        "ملاحظات",
    ]
    water = documents.index(WATER, 4).data()
    assert water == "، ".join(
        f"{name}: {status_name(status)}"
        for name, status in documents.document(WATER).statuses.items()
    )
    assert f"ali: {status_name('in_progress')}" in water
    rows = {
        tuple(spans.index(row, column).data() for column in (0, 2, 3))
        for row in range(spans.rowCount())
    }
    assert {("شخص", "ali", "معمَّم"), ("منظمة", "sara", "يدوي")} <= rows
    assert ("كيان جغرافي سياسي", "المرجع", "يدوي") in rows
    assert ("اقتباس", "sample", "مستورد") in rows
    cells = {f"row {n}": " ".join(row) for n, row in enumerate(rows)}
    assert latin_words(cells, NAMES) == {}
    notes = window.annotations.horizontalHeader()
    assert notes.sectionSize(4) >= notes.sectionSizeHint(4)  # ملاحظات shown whole


def test_the_show_toolbar_and_menu_speak_arabic(qtbot: QtBot, window: MainWindow) -> None:
    layers = window.layers
    toolbar = window.findChild(QToolBar, "show")
    assert toolbar is not None and toolbar.windowTitle() == "إظهار"
    assert toolbar.findChildren(QLabel)[0].text() == "إظهار:"
    assert layers.menu.title() == "إ&ظهار"
    menu = [action.text() for action in layers.menu.actions() if not action.isSeparator()]
    assert menu == [
        "&وسومي (ali)",
        "ال&جميع",
        "ال&مرجع (للقراءة فقط)",
        "&1 sample (للقراءة فقط)",
        "&2 sara (للقراءة فقط)",
    ]
    combo = [layers.combo.itemText(n) for n in range(layers.combo.count())]
    assert combo == [
        "وسومي (ali)",
        "الجميع",
        "المرجع (للقراءة فقط)",
        "sample (للقراءة فقط)",
        "sara (للقراءة فقط)",
    ]
    said = {}
    for layer in layers.layers():
        layers.choose(layer)
        said[layer.key] = layers.status.text()
    assert said == {
        "mine": "تُعرض مقاطعك",
        "everyone": "تُعرض مقاطع الجميع (لا تغيِّر إلا مقاطعك)",
        "gold": "تُعرض مقاطع المرجع (للقراءة فقط)",
        "annotator:sample": "تُعرض مقاطع sample (للقراءة فقط)",
        "annotator:sara": "تُعرض مقاطع sara (للقراءة فقط)",
    }
    layers.choose(EVERYONE)
    legend = layers.legend
    qtbot.waitUntil(legend.isVisible)
    names = [label.text() for label in legend.findChildren(QLabel)][1::2]
    assert names == ["ali (أنت)", "sample", "sara", "المرجع"]
    shown = {
        "toolbar's label": " ".join(label.text() for label in toolbar.findChildren(QLabel)),
        "combo box's name": layers.combo.accessibleName(),
        "legend's hover": legend.toolTip(),
        "menu": " ".join([layers.menu.title(), *menu]),
        "combo box": " ".join(combo),
        "status bar": " ".join(said.values()),
    }
    assert latin_words(shown, NAMES) == {}


def test_the_search_dock_speaks_arabic(qtbot: QtBot, window: MainWindow) -> None:
    window.project.documents.add(
        "قال مسؤول في الوزارة إن مسئول آخر سيحضر، وأكد المسؤول\nالأوكراني ذلك لمسؤولين."
    )
    window.refresh()
    search = window.corpus_search
    window.search_all()
    type_text(search.query, "مسؤول")
    search.family.setChecked(True)
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not search.searching)
    assert search.status.text() == "عدد المواضع: 4، منها 3 بإملاء آخر"
    spelling = [search.results.item(row, 2).text() for row in range(search.results.rowCount())]
    assert spelling == ["كما كُتب", "بإملاء آخر", "بإملاء آخر", "بإملاء آخر"]
    headers = [search.results.horizontalHeaderItem(n).text() for n in range(4)]
    assert headers == ["#", "الموضع", "الإملاء", "السياق"]
    shown = {
        "placeholder": search.query.placeholderText(),
        "query's name": search.query.accessibleName(),
        "word family": search.family.text(),
        "word family's hover": search.family.toolTip(),
        "headers": " ".join(headers),
        "spelling": " ".join(spelling),
        "status": search.status.text(),
    }
    assert latin_words(shown, KEYS) == {}
    window.search_dock.setFloating(True)
    qtbot.waitUntil(lambda: window.search_dock.isVisible())
    assert search.isRightToLeft()


def test_annotate_every_mention_speaks_arabic(qtbot: QtBot, window: MainWindow) -> None:
    annotated = window.reader.annotated
    assert annotated is not None
    line = "وقالت وزيرة المياه الأردنية 【ليلى الخطيب】 في مؤتمر صحفي"
    reasons = [
        Proposal(0, 4, True),
        Proposal(5, 9, False, "already", ("PERSON",)),
        Proposal(10, 14, False, "overlaps", ("ORG", "GPE")),
        Proposal(15, 19, False, "variant"),
    ]
    mentions = [Candidate(p, line, ("d", p.start, p.end)) for p in reasons]
    dialog = PropagationDialog(window, "PERSON", lambda family: mentions, annotated.labels)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "توسيم كل الورود بوسم «شخص»"
    items = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert items == [
        line,
        f"{line}   (موسوم سلفًا: شخص)",
        f"{line}   (يتداخل مع: منظمة، كيان جغرافي سياسي)",
        f"{line}   (بإملاء آخر)",
    ]
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    shown = {
        "title": dialog.windowTitle(),
        "help": " ".join(label.text() for label in dialog.findChildren(QLabel)),
        "word family": dialog.family.text(),
        "buttons": " ".join(button.text() for button in buttons.buttons()),
        "mentions": " ".join(items),
    }
    assert latin_words(shown, KEYS) == {}
    assert dialog.isRightToLeft()


def test_the_guidelines_put_arabic_first(qtbot: QtBot, window: MainWindow) -> None:
    window.show_guidelines()
    panel = window.guidelines
    chooser = [panel.chooser.itemText(n) for n in range(panel.chooser.count())]
    assert chooser[0] == "شخص · Person"
    assert chooser[-2:] == ["المتحدث · Speaker (علاقة)", "فعل القول · Reporting verb (علاقة)"]
    languages = [panel.language.itemText(n) for n in range(panel.language.count())]
    assert languages == ["العربية", "الإنجليزية"]
    assert panel.shown_language() == "arabic"
    assert "اسم شخص بعينه كما كُتب" in panel.text.toPlainText()
    assert "أمثلة" in panel.text.toPlainText()
    person = window.project.labels.schema().labels[0]
    tip = tooltip_html(person)
    assert tip.startswith("<b>شخص · Person</b> (PERSON)")
    assert tip.index("اسم شخص بعينه") < tip.index("A named person")
    assert first_line(person.guide).startswith("اسم شخص بعينه كما كُتب")
    shown = {"label's name": panel.chooser.accessibleName(), "language": " ".join(languages)}
    assert latin_words(shown, set()) == {}


def test_rows_are_selected_right_to_left(qtbot: QtBot, window: MainWindow) -> None:
    """Qt's own selectRow selects nothing in a right-to-left table."""
    documents = window.document_list
    assert documents.isRightToLeft()
    documents.selectRow(0)
    qtbot.waitUntil(lambda: not window.reader.loading)
    first = window.project.documents.summaries()[0].uid
    assert documents.current_uid() == first
    assert window.reader.annotated is not None and window.reader.annotated.document.uid == first
    assert [index.row() for index in documents.selectionModel().selectedRows()] == [0]
    documents.selectRow(WATER)
    window.layers.choose(EVERYONE)
    qtbot.waitUntil(lambda: not window.reader.loading)
    panel = window.annotations
    row = 3
    uid = panel.spans.span_at(row).uid
    window.reader.select_span(uid)
    assert [index.row() for index in panel.selectionModel().selectedRows()] == [row]


def test_every_mention_says_why_it_starts_unticked_also_across_documents(
    qtbot: QtBot,
) -> None:
    """The reasons are the dialog's own, so the mentions of other documents (listed by
    their numbers alone) have them too."""
    application()
    parent = QWidget()
    qtbot.addWidget(parent)
    mention = Candidate(Proposal(5, 9, False, "already", ("PERSON",)), "#2  قال أحمد", ("d", 5, 9))
    dialog = PropagationDialog(parent, "PERSON", lambda family: [mention])
    assert dialog.windowTitle() == "Annotate every mention as PERSON"
    assert dialog.list.item(0).text() == "#2  قال أحمد   (already PERSON)"
