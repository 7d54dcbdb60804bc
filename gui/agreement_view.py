"""Inter-annotator agreement in a window of its own: a table per label and annotator pair,
the documents worst first, and a chart of alpha-U and F1 per label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotate.agreement_data import STATUS_CHOICES
from annotate.agreement_report import AgreementReport, agreement_report
from annotate.agreement_scores import DocumentScores, Scores
from annotate.errors import AnnotateError
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from gui.table_model import ModelIndex, RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole
UNDEFINED = -2.0  # sorts "n/a" before every figure
ALL_LABELS = "all labels"
ALPHA_COLOUR = QColor("#2a9d8f")
F1_COLOUR = QColor("#e9c46a")


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


class _FiguresModel(RowsModel):
    """Rows of text cells with a number to sort each by."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[tuple[str, ...], tuple[Any, ...]]] = []

    def rows(self) -> list[tuple[tuple[str, ...], tuple[Any, ...]]]:
        return self._rows

    def replace(self, rows: list[tuple[tuple[str, ...], tuple[Any, ...]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        texts, keys = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == SORT_ROLE:
            return keys[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ScoresModel(_FiguresModel):
    columns = ("Label", "Annotators", "F1 exact", "F1 overlap", "Kappa", "Alpha-U", "Spans")

    def show(self, report: AgreementReport, names: dict[str, str]) -> None:
        self.replace([_score_row(scores, names) for scores in report.scores])


class DocumentsModel(_FiguresModel):
    columns = ("#", "Title", "F1 exact", "F1 overlap", "Kappa", "Spans")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uids: list[str] = []

    def show(self, report: AgreementReport) -> None:
        self.uids = [document.uid for document in report.per_document]
        self.replace([_document_row(document) for document in report.per_document])


def _key(value: float | None) -> float:
    return UNDEFINED if value is None else value


def _score_row(scores: Scores, names: dict[str, str]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    label = ALL_LABELS if scores.label is None else names.get(scores.label, scores.label)
    who = (
        "group: " + ", ".join(scores.annotators)
        if scores.is_group
        else " – ".join(scores.annotators)
    )
    spans = " / ".join(map(str, scores.spans))
    values = (scores.f1_exact, scores.f1_overlap, scores.kappa, scores.alpha_u)
    texts = (label, who, *map(figure, values), spans)
    return texts, (label, who, *map(_key, values), sum(scores.spans))


def _document_row(document: DocumentScores) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    values = (document.f1_exact, document.f1_overlap, document.kappa)
    spans = " / ".join(map(str, document.spans))
    texts = (str(document.position), document.title, *map(figure, values), spans)
    return texts, (document.position, document.title, *map(_key, values), sum(document.spans))


@dataclass(frozen=True)
class Bar:
    name: str  # the label as the reader knows it (Arabic and the label's name)
    alpha_u: float | None
    f1_exact: float | None


class AgreementChart(QWidget):
    """Grouped horizontal bars per label: alpha-U above, exact F1 below, on an axis 0..1."""

    ROW = 44  # pixels per label
    BAR = 15
    TOP = 34  # room for the legend
    AXIS = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setMinimumSize(520, 200)

    def show_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.setMinimumHeight(self.TOP + self.ROW * len(bars) + self.AXIS + 8)
        self.update()

    def _names_width(self) -> int:
        metrics = self.fontMetrics()
        return max([metrics.horizontalAdvance(bar.name) for bar in self.bars] + [60]) + 16

    def bar_rect(self, row: int, series: int) -> QRectF:
        """Where the bar of a label (row) for alpha-U (series 0) or F1 (series 1) is drawn."""
        left = self._names_width()
        width = max(self.width() - left - 70, 10)
        bar = self.bars[row]
        value = bar.alpha_u if series == 0 else bar.f1_exact
        length = width * min(max(value or 0.0, 0.0), 1.0)
        top = self.TOP + row * self.ROW + 5 + series * (self.BAR + 2)
        return QRectF(left, top, length, self.BAR)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        self._legend(painter)
        for row, bar in enumerate(self.bars):
            self._row(painter, row, bar)
        self._axis(painter)
        painter.end()

    def _legend(self, painter: QPainter) -> None:
        x = 8
        for colour, text in ((ALPHA_COLOUR, "alpha-U"), (F1_COLOUR, "F1 exact")):
            painter.fillRect(QRectF(x, 10, 14, 14), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 20, 6, 100, 22), Qt.AlignmentFlag.AlignVCenter, text)
            x += 120

    def _row(self, painter: QPainter, row: int, bar: Bar) -> None:
        painter.setPen(self.palette().text().color())
        names = QRectF(4, self.TOP + row * self.ROW, self._names_width() - 12, self.ROW - 8)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(names, int(align), bar.name)
        for series, (colour, value) in enumerate(
            ((ALPHA_COLOUR, bar.alpha_u), (F1_COLOUR, bar.f1_exact))
        ):
            rect = self.bar_rect(row, series)
            painter.fillRect(rect, colour)
            text = QRectF(rect.right() + 4, rect.top() - 2, 60, self.BAR + 4)
            painter.drawText(text, Qt.AlignmentFlag.AlignVCenter, figure(value))

    def _axis(self, painter: QPainter) -> None:
        left = self._names_width()
        width = max(self.width() - left - 70, 10)
        y = self.TOP + self.ROW * len(self.bars)
        painter.setPen(self.palette().mid().color())
        painter.drawLine(left, self.TOP - 4, left, y)
        painter.drawLine(left, y, left + width, y)
        painter.setPen(self.palette().text().color())
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            x = left + width * tick
            painter.drawLine(int(x), y, int(x), y + 4)
            painter.drawText(
                QRectF(x - 20, y + 4, 40, 18), Qt.AlignmentFlag.AlignHCenter, f"{tick:g}"
            )


class AgreementView(QDialog):
    """Not modal: the reviewer keeps it open beside the main window."""

    document_chosen = Signal(str)  # a document's uid

    def __init__(self, parent: QWidget | None, project: Project) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement")
        self.setModal(False)
        self._project = project
        self.report: AgreementReport | None = None
        self.annotators = QListWidget(self)
        self.annotators.setFlow(QListWidget.Flow.LeftToRight)
        self.annotators.setMaximumHeight(40)
        self.status = QComboBox(self)
        self.status.addItems(list(STATUS_CHOICES))
        self.recompute_button = QPushButton("&Recompute", self)
        self.message = QLabel(self)
        self.scores = ScoresModel(self)
        self.documents = DocumentsModel(self)
        self.scores_table = _sorted_table(self, self.scores)
        self.documents_table = _sorted_table(self, self.documents)
        self.chart = AgreementChart(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.scores_table, "&Labels")
        self.tabs.addTab(self.documents_table, "&Documents")
        self.tabs.addTab(self.chart, "&Chart")
        self._lay_out()
        self.recompute_button.clicked.connect(self.recompute)
        self.documents_table.doubleClicked.connect(self._choose_document)
        self._fill_annotators()
        self.resize(900, 560)
        self.recompute()

    def _lay_out(self) -> None:
        options = QHBoxLayout()
        options.addWidget(QLabel("Annotators:", self))
        options.addWidget(self.annotators, 1)
        options.addWidget(QLabel("Status:", self))
        options.addWidget(self.status)
        options.addWidget(self.recompute_button)
        column = QVBoxLayout(self)
        column.addLayout(options)
        column.addWidget(self.message)
        column.addWidget(self.tabs, 1)

    def _fill_annotators(self) -> None:
        for name in self._project.annotators.names():
            item = QListWidgetItem(name, self.annotators)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = name != GOLD_ANNOTATOR
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_annotators(self) -> list[str]:
        items = (self.annotators.item(row) for row in range(self.annotators.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def recompute(self) -> None:
        try:
            report = agreement_report(  # in this process: the app has threads, not forked
                self._project, self.chosen_annotators(), status=self.status.currentText(), workers=1
            )
        except AnnotateError as error:
            self.message.setText(str(error))
            return
        self.report = report
        self.message.setText(
            f"{report.documents} documents, {report.tokens} tokens; kappa: Cohen's for a"
            " pair, Fleiss' for the group"
        )
        names = self._label_names()
        self.scores.show(report, names)
        self.documents.show(report)
        self.documents_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # worst first
        self.chart.show_bars(_bars(report, names))

    def _label_names(self) -> dict[str, str]:
        return {
            label.name: f"{label.arabic} {label.name}"
            for label in self._project.labels.schema().labels
        }

    def _choose_document(self, index: QModelIndex | QPersistentModelIndex) -> None:
        proxy = self.documents_table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        row = proxy.mapToSource(proxy.index(index.row(), 0)).row()
        self.document_chosen.emit(self.documents.uids[row])


def _sorted_table(parent: QWidget, model: RowsModel) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the report lists them
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setMinimumSectionSize(48)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _bars(report: AgreementReport, names: dict[str, str]) -> list[Bar]:
    """One bar pair per label someone marked: the group's figures, or the one pair's."""
    return [
        Bar(names.get(s.label, s.label), s.alpha_u, s.f1_exact)
        for s in report.scores
        if s.label is not None
        and len(s.annotators) == len(report.annotators)
        and (s.alpha_u is not None or s.f1_exact is not None)
    ]
