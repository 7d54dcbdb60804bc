"""The agreement window: sorting by a header click, the documents worst first, choosing a
document, and the chart's bars as long as their figures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from annotate.project import Project
from gui.agreement_chart import ALPHA_COLOUR
from gui.agreement_view import AgreementView
from gui.app import application
from gui.main_window import MainWindow
from tests.gui.progress_watch import watch_progress

TEXT = "قال الرئيس محمد علي في القاهرة: «الاتفاق سيوقع غدا» وغادر."
OTHER = "وصل الوزير سمير حداد إلى بيروت أمس."


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def two_analysts(project: Project) -> None:
    """ali and sara agree on PERSON; sara marks one more word of the GPE in the first
    document and misses the GPE of the second."""
    first = project.documents.add(TEXT, "خبر القاهرة").documents_added[0]
    second = project.documents.add(OTHER, "خبر بيروت").documents_added[0]
    for name, gpe in (("ali", "القاهرة"), ("sara", "في القاهرة")):
        project.spans.add(first, name, "PERSON", *_at(TEXT, "محمد علي"))
        project.spans.add(first, name, "GPE", *_at(TEXT, gpe))
        project.documents.set_status(first, name, "done")
        project.documents.set_status(second, name, "done")
    project.spans.add(second, "ali", "GPE", *_at(OTHER, "بيروت"))


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> Iterator[AgreementView]:
    application()
    with Project.create(tmp_path / "agreement.annotate") as project:
        two_analysts(project)
        shown = AgreementView(None, project)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        yield shown


def _column(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_header_clicks_sort_the_label_table(qtbot: QtBot, view: AgreementView) -> None:
    table = view.scores_table
    assert view.report is not None and view.report.documents == 2
    assert _column(table, 0)[0] == "all labels"  # in report order at first
    _click_header(qtbot, table, 5)  # alpha-U, ascending: n/a first, then lowest
    alphas = _column(table, 5)
    defined = [float(a) for a in alphas if a != "n/a"]
    assert alphas[: alphas.count("n/a")] == ["n/a"] * alphas.count("n/a")
    assert defined == sorted(defined) and defined[-1] == 1.0
    _click_header(qtbot, table, 5)  # descending
    assert float(_column(table, 5)[0]) == 1.0
    assert _column(table, 0)[0].endswith("PERSON")


def test_documents_worst_first_and_chosen_by_double_click(
    qtbot: QtBot, view: AgreementView
) -> None:
    table = view.documents_table
    assert _column(table, 1) == ["خبر بيروت", "خبر القاهرة"]
    assert _column(table, 2) == ["0.000", "0.500"]
    view.tabs.setCurrentWidget(table)
    qtbot.waitUntil(table.isVisible)
    rect = table.visualRect(table.model().index(0, 1))
    with qtbot.waitSignal(view.document_chosen) as chosen:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [view.documents.uids[0]]


def test_chart_bar_for_full_agreement_is_longer(qtbot: QtBot, view: AgreementView) -> None:
    view.tabs.setCurrentWidget(view.chart)
    qtbot.waitUntil(view.chart.isVisible)
    names = [bar.name for bar in view.chart.bars]
    person = next(i for i, name in enumerate(names) if name.endswith("PERSON"))
    gpe = next(i for i, name in enumerate(names) if name.endswith("GPE"))
    assert view.chart.bars[person].alpha_u == 1.0
    assert (view.chart.bars[gpe].alpha_u or 0) < 1.0
    image = view.chart.grab().toImage()
    assert _painted_length(image, view, person) > _painted_length(image, view, gpe) > 0


def _painted_length(image: QImage, view: AgreementView, row: int) -> int:
    """Pixels of the alpha-U colour along the middle of the row's alpha-U bar."""
    rect = view.chart.bar_rect(row, 0)
    ratio = image.devicePixelRatio()
    y = int(rect.center().y() * ratio)
    colour = ALPHA_COLOUR.rgb()
    return sum(QColor(image.pixel(x, y)).rgb() == colour for x in range(int(image.width())))


def test_fewer_than_two_annotators_is_a_message(qtbot: QtBot, view: AgreementView) -> None:
    view.annotators.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(view.recompute_button, Qt.MouseButton.LeftButton)
    assert "at least two annotators" in view.message.text()


def test_ctrl_shift_g_opens_agreement_beside_the_main_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    (shown,) = [w for w in window.findChildren(AgreementView) if w.isVisible()]
    # the sample project has one annotator: nothing to compare, and the window says so
    assert shown.message.text() == (
        "Agreement needs at least two annotators: tick them in the list (ticked: sample)"
    )


def test_comparing_many_documents_shows_its_progress(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    with Project.create(tmp_path / "many.annotate") as project:
        for number in range(120):
            uid = project.documents.add(f"{TEXT} ({number})").documents_added[0]
            for name in ("ali", "sara"):
                project.spans.add(uid, name, "PERSON", *_at(TEXT, "محمد علي"))
                project.documents.set_status(uid, name, "done")
        seen = watch_progress(monkeypatch)
        view = AgreementView(None, project)
        qtbot.addWidget(view)
        assert view.report is not None and view.report.documents == 120
    assert seen and seen[0][0] == "Comparing annotators…" and seen[0][2] == 120
    assert 0 < seen[0][1] < 120
    assert QApplication.activeModalWidget() is None  # the progress is gone


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "No documents to compare: none that ali, sara all marked done. Choose any to"
            " compare every document.",
        ),
        (
            "ar",
            "لا مستندات للمقارنة: لم يعلِّم ali، sara جميعًا أيَّ مستند منجزًا. اختر «أي حالة»"
            " لمقارنة كل المستندات.",
        ),
    ],
)
def test_with_no_document_done_by_all_the_window_says_which_choice_compares(
    qtbot: QtBot, tmp_path: Path, language: str, said: str
) -> None:
    application(language)
    try:
        with Project.create(tmp_path / "agreement.annotate") as project:
            two_analysts(project)
            for document in project.documents.summaries():
                project.documents.set_status(document.uid, "sara", "in_progress")
            shown = AgreementView(None, project)
            qtbot.addWidget(shown)
            assert shown.message.text() == said
            shown.status.setCurrentIndex(shown.status.findData("any"))
            qtbot.mouseClick(shown.recompute_button, Qt.MouseButton.LeftButton)
            assert shown.report is not None and shown.report.documents == 2
    finally:
        application("en")
