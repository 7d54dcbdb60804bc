"""Arabic in every item view reads right to left in the English window: told from the
pixels of a cell, against the same text laid out by Qt right to left on its own."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bidi import get_display
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QStandardItem,
    QStandardItemModel,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate.annotated_text import AnnotatedText
from annotate.corpus.export_files import export_corpus
from annotate.model import DocumentSummary
from annotate.progress import AnalystProgress, DocumentProgress, ProgressReport
from annotate.project import Project
from annotate.propagation import Proposal
from annotate.review.counts import ReviewCount
from annotate.review.listing import ItemList
from gui import agreement_view, progress_view, review_window
from gui.annotations_panel import TEXT_COLUMN, AnnotationsPanel
from gui.app import application
from gui.corpus_search import CorpusSearch
from gui.document_list import TITLE_COLUMN, DocumentList
from gui.i18n import ARABIC, ENGLISH
from gui.keys_overlay import KeysOverlay
from gui.main_window import MainWindow
from gui.progress_models import AnalystsModel
from gui.progress_models import DocumentsModel as ProgressDocuments
from gui.propagation_dialog import Candidate, PropagationDialog
from gui.review_models import ItemsModel, ReviewDocumentsModel
from gui.rtl import FSI, LRI, PDI, RLI, DirectedCells, direct_cells, isolated, without_isolates

QUOTE = "«سنعود قريبًا»"
NATO_SAYS = "NATO قال إن الاجتماع"
DARK = 110  # of 255: a pixel of a glyph, not of the cell's background
POINTS = 28  # the cells' font, for glyphs of some size
FLUSH = 12  # pixels: the style's margin in a cell, and no more
RLM = "\u200f"
RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight

Cell = tuple[QAbstractItemView, QModelIndex]
Build = Callable[[Project, str, QWidget], Cell]


def ink(image: QImage) -> list[list[bool]]:
    """Which pixels are a glyph's, cropped to where there are any."""
    return cropped(
        [
            [image.pixelColor(x, y).lightness() < DARK for x in range(image.width())]
            for y in range(image.height())
        ]
    )


def cropped(glyphs: list[list[bool]]) -> list[list[bool]]:
    inked_rows = [row for row in glyphs if any(row)]
    columns = [x for x in range(len(inked_rows[0])) if any(row[x] for row in inked_rows)]
    return [row[columns[0] : columns[-1] + 1] for row in inked_rows]


def laid_out(text: str, font: QFont, direction: Qt.LayoutDirection) -> list[list[bool]]:
    """The text's glyphs as Qt lays the text out on its own in one direction."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(2000)
    layout.endLayout()
    image = QImage(2000, 120, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    layout.draw(painter, QPointF(10, 10))
    painter.end()
    return ink(image)


def likeness(first: list[list[bool]], second: list[list[bool]]) -> float:
    """The share of inked pixels of each that have ink of the other within a pixel (the
    two laid one on the other from the top left; antialiasing and subpixel placement
    move edges by one), the lower of the two: 1.0 for the same glyphs at the same places."""
    return min(covered(first, second), covered(second, first))


def covered(first: list[list[bool]], second: list[list[bool]]) -> float:
    near = {
        (y + dy, x + dx)
        for y, row in enumerate(second)
        for x, inked in enumerate(row)
        if inked
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
    }
    inked = [(y, x) for y, row in enumerate(first) for x, on in enumerate(row) if on]
    return sum(place in near for place in inked) / len(inked)


def ends(glyphs: list[list[bool]]) -> tuple[list[list[bool]], list[list[bool]]]:
    """The ink up to the first blank column from each end: the end glyphs, or their outer
    strokes (a guillemet's two chevrons stand apart)."""
    inked = [any(row[x] for row in glyphs) for x in range(len(glyphs[0]))]
    first, last = inked.index(False), len(inked) - inked[::-1].index(False)
    return cropped([row[:first] for row in glyphs]), cropped([row[last:] for row in glyphs])


def right_end(glyphs: list[list[bool]], width: int) -> list[list[bool]]:
    return cropped([row[-width:] for row in glyphs])


def cell_picture(view: QAbstractItemView, index: QModelIndex) -> QImage:
    """The part of the cell its text is painted in (not its check box or icon)."""
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    text = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    return view.viewport().grab(text).toImage()


def blank_columns_right(image: QImage) -> int:
    """How many columns at the cell's right edge hold no glyph."""
    glyph = [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < DARK for y in range(image.height()))
    ]
    return image.width() - 1 - glyph[-1]


# Each builder shows `text` in one of the app's item views and gives its cell.


def document_list(project: Project, text: str, parent: QWidget) -> Cell:
    listed = DocumentList(parent)
    listed.show_documents([DocumentSummary("d", 1, text, len(text), 0, {})])
    listed.clearSelection()
    return listed, listed.documents.index(0, TITLE_COLUMN)


def one_document(project: Project, text: str) -> str:
    (uid,) = project.documents.add(text, QUOTE).documents_added
    for annotator in ("ali", "sara"):
        project.annotators.ensure(annotator)
    project.spans.add(uid, "ali", "QUOTE", 0, len(text))
    project.spans.add(uid, "sara", "PERSON", 0, 4)
    return uid


def annotations_panel(project: Project, text: str, parent: QWidget) -> Cell:
    panel = AnnotationsPanel(parent)
    panel.show_spans(AnnotatedText.load(project, one_document(project, text)), None)
    return panel, panel.spans.index(panel.spans.row_of(panel.spans.span_at(0).uid), TEXT_COLUMN)


def search_results(project: Project, text: str, parent: QWidget) -> Cell:
    one_document(project, text)
    search = CorpusSearch(project, parent)
    search.query.setText("قال" if "قال" in text else "قريبًا")
    search.search()
    assert search.hits[0].context == text
    return search.results, search.results.model().index(0, 3)


def review_documents(project: Project, text: str, parent: QWidget) -> Cell:
    model = ReviewDocumentsModel(parent)
    table = review_window._table(parent, model)
    model.set_documents([ReviewCount("d", text, 1, 1, 1, 1)])
    return table, model.index(0, 0)


def review_items(project: Project, text: str, parent: QWidget) -> Cell:
    uid = one_document(project, text)
    model = ItemsModel(parent)
    table = review_window._table(parent, model)
    model.show_items(text, ItemList(project, uid), {})
    row = next(row for row in range(model.rowCount()) if model.found(row).end == len(text))
    return table, model.index(row, 1)


def propagation(project: Project, text: str, parent: QWidget) -> Cell:
    mention = Candidate(Proposal(0, 4, True, ""), text, ("d", 0, 4))
    dialog = PropagationDialog(parent, "PERSON", lambda family: [mention, mention])
    return dialog.list, dialog.list.model().index(1, 0)  # the first is current


def agreement_documents(project: Project, text: str, parent: QWidget) -> Cell:
    model = agreement_view.DocumentsModel(parent)
    table = agreement_view._sorted_table(parent, model)
    model.replace([(("1", text, "1.0", "1.0", "1.0", "1 / 1"), (1, text, 1.0, 1.0, 1.0, 2))])
    return table, table.model().index(0, 1)


def progress_documents(project: Project, text: str, parent: QWidget) -> Cell:
    model = ProgressDocuments(parent)
    table = progress_view._table(parent, model)
    model.show_report(ProgressReport([], [DocumentProgress("d", 1, text, "not_started", (), None)]))
    return table, model.index(0, 1)


def progress_analysts(project: Project, text: str, parent: QWidget) -> Cell:
    model = AnalystsModel(parent)
    table = progress_view._table(parent, model)
    model.show_report(ProgressReport([AnalystProgress(text, 1, 1, 0, 0, 0, 0, 0)], []))
    return table, model.index(0, 0)


VIEWS: list[Build] = [
    document_list,
    annotations_panel,
    search_results,
    review_documents,
    review_items,
    propagation,
    agreement_documents,
    progress_documents,
    progress_analysts,
]


@pytest.fixture(params=[ENGLISH, ARABIC], ids=["english-interface", "arabic-interface"])
def shown(
    qtbot: QtBot, project: Project, request: pytest.FixtureRequest
) -> Iterator[Callable[[Build, str], Cell]]:
    """Each view shown in the English interface, then in the Arabic one (mirrored)."""
    application(request.param)  # the bundled font, as the app uses it
    parents: list[QWidget] = []  # kept until the test ends

    def show(view: Build, text: str) -> Cell:
        parent = QWidget()
        qtbot.addWidget(parent)
        parents.append(parent)
        table, index = view(project, text, parent)
        table.setFont(QFont(table.font().family(), POINTS))  # glyphs large enough to compare
        if isinstance(table, QTableView):  # rows tall enough, and the text not elided
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.setColumnWidth(index.column(), 600)
        for child in parent.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            child.resize(880, 280)
        window = table.window()
        window.resize(900, 300)
        window.show()
        qtbot.waitExposed(window)
        return table, index

    yield show
    application(ENGLISH)


def test_an_isolated_cell_reads_right_to_left_in_a_left_to_right_view() -> None:
    """What the Unicode bidi algorithm (python-bidi) gives the cells' text in a
    left-to-right paragraph once isolated: the right-to-left order, the quote between its
    guillemets and NATO at the right end (which the cells' pixels are checked against)."""
    for text in (QUOTE, NATO_SAYS):
        shown = get_display(isolated(text), base_dir="L")
        assert without_isolates(shown) == get_display(text, base_dir="R")
    quote = get_display(QUOTE, base_dir="R")
    assert {quote[0], quote[-1]} == {"«", "»"} and not {"«", "»"} & set(quote[1:-1])
    assert get_display(NATO_SAYS, base_dir="R").endswith("NATO")
    assert get_display(NATO_SAYS, base_dir="L").startswith("NATO")  # as it was shown
    assert isolated(NATO_SAYS) == RLI + NATO_SAYS + PDI
    assert isolated("NATO said") == LRI + "NATO said" + PDI
    assert isolated("1,024") == "1,024"


@pytest.mark.parametrize("view", VIEWS, ids=[view.__name__ for view in VIEWS])
def test_arabic_cells_read_right_to_left(
    view: Build,
    shown: Callable[[Build, str], Cell],
) -> None:
    table, index = shown(view, QUOTE)
    font = table.font()
    assert isinstance(table.itemDelegate(), DirectedCells)
    assert index.data() == QUOTE  # the text itself has no marks added
    picture = cell_picture(table, index)
    glyphs = ink(picture)
    assert likeness(glyphs, laid_out(QUOTE, font, RTL)) > 0.9
    # as a leading right-to-left mark left it: both guillemets at the right end
    assert likeness(glyphs, laid_out(RLM + QUOTE, font, LTR)) < 0.8
    # a guillemet at each end, as python-bidi has them: the outer stroke of each as the
    # font draws it beside an Arabic letter
    guillemets = ends(laid_out("«س»", font, RTL))
    for end, guillemet in zip(ends(glyphs), guillemets, strict=True):
        assert likeness(end, guillemet) > 0.9
    before = ends(laid_out(RLM + QUOTE, font, LTR))
    assert likeness(before[0], guillemets[0]) < 0.8  # the check tells the old layout apart
    assert blank_columns_right(picture) < FLUSH  # flush right

    table, index = shown(view, NATO_SAYS)
    picture = cell_picture(table, index)
    glyphs = ink(picture)
    assert likeness(glyphs, laid_out(NATO_SAYS, font, RTL)) > 0.9
    assert likeness(glyphs, laid_out(NATO_SAYS, font, LTR)) < 0.8
    nato = laid_out("NATO", font, LTR)
    assert likeness(right_end(glyphs, len(nato[0])), nato) > 0.9  # NATO at the right end


def item_views(widget: QWidget) -> list[QAbstractItemView]:
    """The item views in the window, but for headers and combo boxes' lists (whose
    items the window's own code never fills with a document's text)."""
    return [
        view
        for view in widget.findChildren(QAbstractItemView)
        if not isinstance(view, QHeaderView)
        and not isinstance(view.parent(), QComboBox)
        and not isinstance(view.parentWidget().parentWidget(), QComboBox)
    ]


def test_every_item_view_of_the_app_lays_its_cells_out_in_their_direction(
    window: MainWindow,
) -> None:
    window.show_agreement()
    window.show_progress()
    window.review_disagreements()
    overlay = KeysOverlay(window, window.actions())
    mention = Candidate(Proposal(0, 4, True, ""), QUOTE, ("d", 0, 4))
    dialog = PropagationDialog(window, "PERSON", lambda family: [mention])
    assert {overlay.parent(), dialog.parent()} == {window}  # as are the windows opened
    views = item_views(window)
    names = {type(view).__name__ for view in views}
    assert {"DocumentList", "AnnotationsPanel", "LabelPalette", "QTableWidget"} <= names
    assert len(views) >= 12
    undirected = [
        f"{type(view).__name__} in {type(view.window()).__name__}"
        for view in views
        if not isinstance(view.itemDelegate(), DirectedCells)
    ]
    assert undirected == ["LabelPalette in MainWindow"]  # lines led by a key, not text


def test_a_copied_cell_has_no_marks_added(qtbot: QtBot, window: MainWindow) -> None:
    listed = window.document_list
    listed.setFocus()
    listed.setCurrentIndex(listed.documents.index(0, TITLE_COLUMN))
    qtbot.keyClick(listed, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "افتتاح ميناء جديد للصيد في صفاقس"
    items = QStandardItemModel(1, 1)
    items.setItem(0, 0, QStandardItem("QUOTE (SPEAKER \u2068والتز\u2069; CUE \u2068قال\u2069)"))
    table = direct_cells(QTableView())
    qtbot.addWidget(table)
    table.setModel(items)
    table.setCurrentIndex(items.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "QUOTE (SPEAKER والتز; CUE قال)"


def test_an_export_of_what_the_cells_show_has_no_marks_added(
    qtbot: QtBot,
    project: Project,
    tmp_path: Path,
    shown: Callable[[Build, str], Cell],
) -> None:
    shown(annotations_panel, NATO_SAYS)  # a document titled QUOTE
    out = tmp_path / "out.jsonl"
    export_corpus(project, out, "jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["title"], r["text"], r["spans"][0]["text"]) for r in records] == [
        (QUOTE, NATO_SAYS, NATO_SAYS),
        (QUOTE, NATO_SAYS, "NATO"),
    ]
    assert not set(out.read_text(encoding="utf-8")) & set(RLM + LRI + RLI + FSI + PDI)
