"""The review window, the agreement window and the progress dashboard in Arabic: what they
show (window titles, actions, the key help, headers, buttons, labels, the states of items,
labels and relations, what a step did) is in Arabic, but for the names of annotators and
files (data) and of keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate.progress import State
from annotate.project import Project
from gui.agreement_chart import ALPHA_COLOUR
from gui.agreement_view import AgreementView
from gui.keys_overlay import KeysOverlay
from gui.progress_view import ProgressView
from gui.review_window import ReviewWindow
from gui.vocabulary import state_name
from tests.annotate.test_progress import make_team
from tests.annotate.test_review import disagreeing_document
from tests.annotate.test_review_attribution import three_annotators
from tests.gui.test_agreement_view import two_analysts
from tests.gui.test_annotating import when_modal
from tests.gui.test_review_attribution import choose
from tests.gui.test_review_counts import open_review, press, shown_rows

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
KEY_NAMES = {"F1", "Shift", "Ctrl"}  # F1 is also the name of a measure of agreement
ANNOTATORS = {"ali", "huda", "omar", "sara", "layla", "gold", "reviewer"}
STATES: tuple[State, ...] = ("not_started", "in_progress", "done", "reviewed")


def in_latin(texts: Iterable[str]) -> list[str]:
    """The texts with a Latin word that is not an annotator's name or a key's."""
    allowed = KEY_NAMES | ANNOTATORS
    return [text for text in texts if set(LATIN_WORD.findall(text)) - allowed]


def shown_texts(window: QWidget, file_name: str) -> list[str]:
    """The window's title (but its project's file name), labels, buttons, tabs and the
    entries of its lists to choose from."""
    texts = [window.windowTitle().replace(file_name, "")]
    texts += [label.text() for label in window.findChildren(QLabel)]
    texts += [button.text() for button in window.findChildren(QAbstractButton)]
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(number) for number in range(tabs.count())]
    for combo in window.findChildren(QComboBox):
        if not combo.isEditable():  # an editable one takes names
            texts += [combo.itemText(number) for number in range(combo.count())]
    return texts


def headers(table: QTableView) -> list[str]:
    model = table.model()
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal))
        for column in range(model.columnCount())
    ]


def cells(table: QTableView) -> list[str]:
    model = table.model()
    return [
        str(model.index(row, column).data() or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def key_help(qtbot: QtBot, review: ReviewWindow) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, KeysOverlay)
        rows.extend(dialog.rows())
        dialog.reject()

    when_modal(read)
    press(qtbot, review, Qt.Key.Key_F1)
    return rows


def test_the_review_window_is_arabic(qtbot: QtBot, project: Project, in_arabic: None) -> None:
    disagreeing_document(project)  # ali and huda disagree in every way
    three_annotators(project)  # ali, huda and omar on a quote's speaker and cue
    review = open_review(qtbot, project)
    assert review.windowTitle() == f"المراجعة — {project.path.name}"
    seen = shown_texts(review, project.path.name)
    seen += [action.text() for action in review.actions()]
    seen += headers(review.documents)
    documents = review.documents_model
    for row in range(documents.rowCount()):
        review.documents.setCurrentIndex(documents.index(row, 0))
        seen += headers(review.items) + cells(review.items)
        seen += shown_texts(review, project.path.name)
    assert "اقتباس (المتحدث: غير محدد)" in seen  # a quote without a speaker
    assert "⇄ المتحدث مختلف" in seen
    assert "✓ متفق عليه" in seen
    assert "قبول نسخة ali (الاقتباس مع متحدثه وفعل القول)" in seen
    assert in_latin(seen) == []

    press(qtbot, review, Qt.Key.Key_F8)  # to the quote
    # right to left though the name, in Latin letters, comes first
    assert review.lanes.names["ali"].text() == (
        "\u200f1  ali\nالمتحدث \u2068والتز\u2069\nفعل القول \u2068قال\u2069"
    )
    press(qtbot, review, Qt.Key.Key_1)
    assert review.message.text() == "حُفظ: قبول نسخة ali، المتحدث والتز، فعل القول قال"
    assert review.progress.text() == "حُسم 1 من 6 في هذا المستند؛ الخلافات الباقية: 2"
    assert shown_rows(review)[2][-1] == "مقبول"
    offered: list[str] = []
    choose(qtbot, 1, offered)  # Huda's speaker in place of Ali's
    press(qtbot, review, Qt.Key.Key_S, ALT)
    review.activateWindow()  # as a desktop gives it back once the list has closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    assert offered[1] == "شخص  \u2068زيلينسكي\u2069  — ali، huda، omar (المتحدث بحسب huda)"
    assert review.message.text() == "حُفظ: المتحدث في المرجع: زيلينسكي"
    press(qtbot, review, Qt.Key.Key_Z, CTRL)
    assert review.message.text() == "تم التراجع عن: المتحدث في المرجع: زيلينسكي"
    press(qtbot, review, Qt.Key.Key_F8)
    press(qtbot, review, Qt.Key.Key_Delete)
    assert review.message.text() == "حُفظ: رفض"
    assert review.progress.text() == "حُسم 2 من 6 في هذا المستند؛ بقي خلاف واحد"
    described = [text for _, text in key_help(qtbot, review)]
    assert "المتحدث في المرجع: اختيار المقطع الذي يرتبط به اقتباس في المرجع…" in described
    assert in_latin([*offered, *described, *shown_texts(review, project.path.name)]) == []


def test_the_agreement_window_is_arabic(qtbot: QtBot, project: Project, in_arabic: None) -> None:
    two_analysts(project)
    view = AgreementView(None, project)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.status.currentData() == "done"  # the words shown are not what is compared
    seen = shown_texts(view, "")
    for table in (view.scores_table, view.documents_table):
        seen += headers(table) + cells(table)
    seen += [bar.name for bar in view.chart.bars]
    assert {"كل الوسوم", "غير متاح", "شخص", "كيان جغرافي سياسي"} <= set(seen)
    assert view.message.text().startswith("المستندات: 2،")
    assert in_latin(seen) == []


def test_the_agreement_chart_is_mirrored_in_arabic(
    qtbot: QtBot, project: Project, in_arabic: None
) -> None:
    """The bars start at the axis beside the names on the right and grow leftwards."""
    two_analysts(project)
    view = AgreementView(None, project)
    qtbot.addWidget(view)
    view.show()
    view.tabs.setCurrentWidget(view.chart)
    qtbot.waitUntil(view.chart.isVisible)
    names = [bar.name for bar in view.chart.bars]
    image = view.chart.grab().toImage()
    person = painted(image, view.chart.bar_rect(names.index("شخص"), 0))
    gpe = painted(image, view.chart.bar_rect(names.index("كيان جغرافي سياسي"), 0))
    assert max(person) == max(gpe) > image.width() // 2  # alpha-U 1.0 and 0.741
    assert min(person) < min(gpe)


def painted(image: QImage, bar: QRectF) -> list[int]:
    """The x of the pixels in alpha-U's colour along the middle of a bar."""
    ratio = image.devicePixelRatio()
    y = int(bar.center().y() * ratio)
    colour = ALPHA_COLOUR.rgb()
    return [x for x in range(image.width()) if QColor(image.pixel(x, y)).rgb() == colour]


def test_the_progress_dashboard_is_arabic(
    qtbot: QtBot, project_path: Path, in_arabic: None
) -> None:
    make_team(project_path)
    with Project.open(project_path) as project:
        view = ProgressView(None, project, "huda")
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        seen = shown_texts(view, project_path.name)
        for table in (view.documents_table, view.analysts_table):
            seen += headers(table) + cells(table)
        model = view.documents_model
        column = model.fixed.index("الحالة")
        assert [model.index(row, column).data() for row in range(model.rowCount())] == [
            state_name(model.document(row).state) for row in range(model.rowCount())
        ]
        assert f"{state_name('done')} · المقاطع: 2 · 6 د" in seen  # ali's on the minister
        chosen = view.documents_table.selectionModel()
        chosen.select(model.index(0, 0), chosen.SelectionFlag.Select | chosen.SelectionFlag.Rows)
        view.analyst.setCurrentText("omar")
        view.change_assignments(assign=True)
        seen.append(view.message.text())
        assert view.message.text() == "أُسند مستند واحد إلى omar"
        asked: list[str] = []

        def answer_no(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.extend([box.windowTitle(), box.text()])
            box.button(QMessageBox.StandardButton.No).click()

        when_modal(answer_no)
        view.analyst.setCurrentText("layla")
        view.change_assignments(assign=True)
        assert asked[0] == "محلل جديد"
    vocabulary = {state_name(state) for state in STATES}  # gui.vocabulary's own words
    assert in_latin(_without(seen + asked, vocabulary)) == []


def _without(texts: list[str], words: set[str]) -> list[str]:
    """The texts with the given words taken out."""
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return [pattern.sub("", text) for text in texts]
