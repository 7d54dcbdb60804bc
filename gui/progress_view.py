"""Progress and assignments in a window of their own: each analyst's documents by state,
each document with every analyst's work on it, and documents assigned to an analyst (or
taken back) from the selected rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotate.assignments import Outcome
from annotate.errors import AnnotateError, InputError
from annotate.model import GOLD_ANNOTATOR
from annotate.progress import ProgressReport, progress_report
from annotate.project import Project
from annotate.work_time import IDLE_MINUTES
from gui.failure_box import tell_refusal
from gui.i18n import translate
from gui.plain_text import ask, plain_label
from gui.progress_models import AnalystsModel, DocumentsModel
from gui.rtl import direct_cells
from gui.table_model import RowsModel
from gui.work_progress import quiet_progress

MIN_COLUMN = 40


def explained() -> str:
    """What the time and the reviewed state count, under the tables."""
    said = translate(
        "ProgressView",
        "Time spent: the time between an analyst's recorded edits of a document (spans, links,"
        " status), pauses over {minutes} minutes left out. Reviewed: a reviewer decided every"
        " item of the document.",
    )
    return said.format(minutes=IDLE_MINUTES)


class ProgressView(QDialog):
    """Not modal: the team lead keeps it open beside the main window."""

    document_chosen = Signal(str)  # a document's uid
    assignments_changed = Signal()

    def __init__(self, parent: QWidget | None, project: Project, lead: str) -> None:
        super().__init__(parent)
        self.project = project
        self.lead = lead  # who assigns: kept with each assignment
        self.setWindowTitle(
            translate("ProgressView", "Progress — {project}").format(project=project.path.name)
        )
        self.setModal(False)
        self.report: ProgressReport | None = None
        self.analysts_model = AnalystsModel(self)
        self.documents_model = DocumentsModel(self)
        self.analysts_table = _table(self, self.analysts_model)
        self.documents_table = _table(self, self.documents_model)
        self.documents_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.analysts_table.horizontalHeader().setStretchLastSection(False)  # figures, not text
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.documents_table, translate("ProgressView", "&Documents"))
        self.tabs.addTab(self.analysts_table, translate("ProgressView", "A&nalysts"))
        self.analyst = QComboBox(self)
        self.analyst.setEditable(True)
        self.analyst.setMinimumContentsLength(16)
        self.assign_button = QPushButton(translate("ProgressView", "&Assign selected"), self)
        self.unassign_button = QPushButton(translate("ProgressView", "&Unassign selected"), self)
        self.refresh_button = QPushButton(translate("ProgressView", "&Refresh"), self)
        self.message = plain_label(parent=self)
        self._lay_out()
        self.assign_button.clicked.connect(lambda: self.change_assignments(assign=True))
        self.unassign_button.clicked.connect(lambda: self.change_assignments(assign=False))
        self.refresh_button.clicked.connect(self.refresh)
        self.documents_table.activated.connect(self._choose_document)
        for button in (self.assign_button, self.unassign_button):
            button.setEnabled(not project.read_only)
        self.resize(1000, 560)
        self.refresh()

    def _lay_out(self) -> None:
        assigning = QHBoxLayout()
        assigning.addWidget(plain_label(translate("ProgressView", "Analyst:"), self))
        assigning.addWidget(self.analyst)
        assigning.addWidget(self.assign_button)
        assigning.addWidget(self.unassign_button)
        assigning.addStretch(1)
        assigning.addWidget(self.refresh_button)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addLayout(assigning)
        column.addWidget(self.message)
        explaining = plain_label(explained(), self)
        explaining.setWordWrap(True)
        column.addWidget(explaining)

    def refresh(self) -> None:
        """Count again (others' work may have been merged), keeping the selected documents."""
        selected = self.selected_documents()
        parent = self if self.isVisible() else self.parentWidget() or self
        with quiet_progress(
            parent, translate("ProgressView", "Counting…"), translate("ProgressView", "Progress")
        ):
            report = progress_report(self.project)
        self.report = report
        self.analysts_model.show_report(report)
        self.documents_model.show_report(report)
        for table in (self.analysts_table, self.documents_table):
            table.resizeColumnsToContents()
        self._fill_analysts()
        self._select(selected)

    def _fill_analysts(self) -> None:
        typed = self.analyst.currentText()
        names = [name for name in self.project.annotators.names() if name != GOLD_ANNOTATOR]
        self.analyst.clear()
        self.analyst.addItems(names)
        self.analyst.setCurrentText(typed)

    def selected_documents(self) -> list[str]:
        rows = sorted({index.row() for index in self.documents_table.selectedIndexes()})
        return [self.documents_model.document(row).uid for row in rows]

    def _select(self, uids: list[str]) -> None:
        selection = self.documents_table.selectionModel()
        selection.clear()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for uid in uids:
            row = self.documents_model.row_of(uid)
            if row >= 0:
                selection.select(self.documents_model.index(row, 0), flags)

    def change_assignments(self, assign: bool) -> None:
        """Assign the selected documents to the analyst named (or take them back); a name
        the project does not know yet is added once the lead says so."""
        name = self.analyst.currentText().strip()
        documents = self.selected_documents()
        if not documents:
            self.message.setText(
                translate("ProgressView", "Select the documents first (Shift or Ctrl with a click)")
            )
            return
        known = name in self.project.annotators.names()
        if assign and name and not known and not self._add_analyst(name):
            return
        given = self.project.assignments
        try:
            if assign:
                outcome = given.assign(documents, name, self.lead, new_annotator=not known)
            else:
                outcome = given.unassign(documents, name, self.lead)
        except InputError as error:
            self.message.setText(error.message)  # the field is the box beside the buttons
            return
        except AnnotateError as error:
            tell_refusal(error, self, self.message.setText)
            return
        self.message.setText(_said(outcome, name, assign))
        self.refresh()
        if outcome.changed:
            self.assignments_changed.emit()

    def _add_analyst(self, name: str) -> bool:
        question = translate(
            "ProgressView",
            "{name} is not an annotator of this project yet. Add {name} as an analyst and"
            " assign the documents?",
        )
        return ask(self, translate("ProgressView", "New analyst"), question.format(name=name))

    def _choose_document(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.document_chosen.emit(self.documents_model.document(index.row()).uid)


def _said(outcome: Outcome, name: str, assign: bool) -> str:
    """ "Assigned 2 documents to ali; 1 was already assigned"."""
    changed, unchanged = len(outcome.changed), len(outcome.unchanged)
    if assign and changed == 1:
        said = translate("ProgressView", "Assigned 1 document to {name}")
    elif assign:
        said = translate("ProgressView", "Assigned {count} documents to {name}")
    elif changed == 1:
        said = translate("ProgressView", "Took 1 document back from {name}")
    else:
        said = translate("ProgressView", "Took {count} documents back from {name}")
    said = said.format(count=changed, name=name)
    if not unchanged:
        return said
    if assign:
        rest = translate("ProgressView", "{count} already assigned to {name}")
    else:
        rest = translate("ProgressView", "{count} not assigned to {name}")
    rest = rest.format(count=unchanged, name=name)
    return translate("ProgressView", "{said}; {rest}").format(said=said, rest=rest)


def _table(parent: QWidget, model: RowsModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    direct_cells(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setMinimumSectionSize(MIN_COLUMN)  # else a tall font's width
    return table
