"""Inter-annotator agreement in a window of its own: a table per label and annotator pair,
the documents worst first, and a chart of alpha-U and F1 per label."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
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

from annotate.agreement.report import AgreementReport, agreement_report
from annotate.agreement.scores import DocumentScores, Scores
from annotate.errors import AnnotateError
from annotate.model import GOLD_ANNOTATOR, STATUS_FILTERS
from annotate.project import Project
from gui.agreement_chart import AgreementChart, bars_of, shown_figure
from gui.i18n import is_arabic, shown_name, translate
from gui.plain_text import plain_label
from gui.rtl import direct_cells
from gui.table_model import ModelIndex, RowsModel
from gui.work_progress import quiet_progress

SORT_ROLE = Qt.ItemDataRole.UserRole
UNDEFINED = -2.0  # sorts "n/a" before every figure


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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            translate("AgreementView", "Label"),
            translate("AgreementView", "Annotators"),
            translate("AgreementView", "F1 exact"),
            translate("AgreementView", "F1 overlap"),
            translate("AgreementView", "Kappa"),
            translate("AgreementView", "Alpha-U"),
            translate("AgreementView", "Spans"),
        )

    def show(self, report: AgreementReport, names: dict[str, str]) -> None:
        self.replace([_score_row(scores, names) for scores in report.scores])


class DocumentsModel(_FiguresModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uids: list[str] = []
        self.columns = (
            "#",
            translate("AgreementView", "Title"),
            translate("AgreementView", "F1 exact"),
            translate("AgreementView", "F1 overlap"),
            translate("AgreementView", "Kappa"),
            translate("AgreementView", "Spans"),
        )

    def show(self, report: AgreementReport) -> None:
        self.uids = [document.uid for document in report.per_document]
        self.replace([_document_row(document) for document in report.per_document])


def _key(value: float | None) -> float:
    return UNDEFINED if value is None else value


def _score_row(scores: Scores, names: dict[str, str]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    if scores.label is None:
        label = translate("AgreementView", "all labels")
    else:
        label = names.get(scores.label, scores.label)
    if scores.is_group:
        listed = translate("AgreementView", ", ").join(scores.annotators)
        who = translate("AgreementView", "group: {annotators}").format(annotators=listed)
    else:
        who = " – ".join(scores.annotators)
    spans = " / ".join(map(str, scores.spans))
    values = (scores.f1_exact, scores.f1_overlap, scores.kappa, scores.alpha_u)
    texts = (label, who, *map(shown_figure, values), spans)
    return texts, (label, who, *map(_key, values), sum(scores.spans))


def _document_row(document: DocumentScores) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    values = (document.f1_exact, document.f1_overlap, document.kappa)
    spans = " / ".join(map(str, document.spans))
    texts = (str(document.position), document.title, *map(shown_figure, values), spans)
    return texts, (document.position, document.title, *map(_key, values), sum(document.spans))


class AgreementView(QDialog):
    """Not modal: the reviewer keeps it open beside the main window."""

    document_chosen = Signal(str)  # a document's uid

    def __init__(self, parent: QWidget | None, project: Project) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AgreementView", "Agreement"))
        self.setModal(False)
        self._project = project
        self.report: AgreementReport | None = None
        self.annotators = QListWidget(self)
        direct_cells(self.annotators)
        self.annotators.setFlow(QListWidget.Flow.LeftToRight)
        self.annotators.setMaximumHeight(40)
        self.status = QComboBox(self)
        for status in STATUS_FILTERS:
            self.status.addItem(_status_filter_name(status), status)
        # as `annotate agreement` compares by default
        self.status.setCurrentIndex(self.status.findData("done"))
        self.recompute_button = QPushButton(translate("AgreementView", "&Recompute"), self)
        self.message = plain_label(parent=self)
        self.scores = ScoresModel(self)
        self.documents = DocumentsModel(self)
        self.scores_table = _sorted_table(self, self.scores)
        self.documents_table = _sorted_table(self, self.documents)
        self.chart = AgreementChart(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.scores_table, translate("AgreementView", "&Labels"))
        self.tabs.addTab(self.documents_table, translate("AgreementView", "&Documents"))
        self.tabs.addTab(self.chart, translate("AgreementView", "&Chart"))
        self._lay_out()
        self.recompute_button.clicked.connect(self.recompute)
        self.documents_table.doubleClicked.connect(self._choose_document)
        self._fill_annotators()
        self.resize(900, 560)
        self.recompute()

    def _lay_out(self) -> None:
        options = QHBoxLayout()
        options.addWidget(QLabel(translate("AgreementView", "Annotators:"), self))
        options.addWidget(self.annotators, 1)
        options.addWidget(QLabel(translate("AgreementView", "Status:"), self))
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
            parent = self if self.isVisible() else self.parentWidget() or self
            with quiet_progress(
                parent,
                translate("AgreementView", "Comparing annotators…"),
                translate("AgreementView", "Agreement"),
            ) as step:
                report = agreement_report(  # in this process: the app has threads, not forked
                    self._project,
                    self.chosen_annotators(),
                    status=self.status.currentData(),
                    workers=1,
                    progress=step,
                )
        except AnnotateError as error:
            self.message.setText(self._why_nothing_compared(error))
            return
        self.report = report
        said = translate(
            "AgreementView",
            "{documents} documents, {tokens} tokens; kappa: Cohen's for a pair, Fleiss' for"
            " the group",
        )
        self.message.setText(said.format(documents=report.documents, tokens=report.tokens))
        names = self._label_names()
        self.scores.show(report, names)
        self.documents.show(report)
        self.documents_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # worst first
        self.chart.show_bars(bars_of(report, names))

    def _why_nothing_compared(self, error: AnnotateError) -> str:
        """The two refusals an analyst meets in this window in the interface language;
        any other as the core words it, without its field."""
        chosen = translate("AgreementView", ", ").join(self.chosen_annotators())
        field = getattr(error, "field", "")
        if field == "annotators" and len(self.chosen_annotators()) < 2:
            said = translate(
                "AgreementView",
                "Agreement needs at least two annotators: tick them in the list (ticked: {names})",
            )
            return said.format(names=chosen or "-")
        if field == "status" and self.status.currentData() == "done":
            said = translate(
                "AgreementView",
                "No documents to compare: none that {names} all marked done. Choose {any} to"
                " compare every document.",
            )
            return said.format(names=chosen, any=_status_filter_name("any"))
        return getattr(error, "message", str(error))

    def _label_names(self) -> dict[str, str]:
        """In Arabic a label's Arabic name, in English its Arabic name and its name."""
        return {
            label.name: shown_name(label.english, label.arabic)
            if is_arabic()
            else f"{label.arabic} {label.name}"
            for label in self._project.labels.schema().labels
        }

    def _choose_document(self, index: QModelIndex | QPersistentModelIndex) -> None:
        proxy = self.documents_table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        row = proxy.mapToSource(proxy.index(index.row(), 0)).row()
        self.document_chosen.emit(self.documents.uids[row])


def _status_filter_name(status: str) -> str:
    """Which documents are compared: "any" (every one) or "done"."""
    names = {
        "any": translate("AgreementView", "any"),
        "done": translate("AgreementView", "done"),
    }
    return names.get(status, status)


def _sorted_table(parent: QWidget, model: RowsModel) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView(parent)
    table.setModel(proxy)
    direct_cells(table)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the report lists them
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setMinimumSectionSize(48)
    table.horizontalHeader().setStretchLastSection(True)
    return table
