"""The main window: documents, the reader, the label palette and the annotations panel."""

from __future__ import annotations

import getpass
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotate.model import STATUSES, Changes, DocumentSummary
from annotate.project import Project
from gui.annotating import Annotating
from gui.annotations_panel import AnnotationsPanel
from gui.document_list import DocumentList
from gui.identity import ask_annotator, remember_annotator, remembered_annotator
from gui.keys_overlay import KeysOverlay
from gui.label_palette import LabelPalette
from gui.reader import ReaderView

ALL_DOCUMENTS = "All documents"
DOCK_WIDTH = 360


class MainWindow(QMainWindow):
    def __init__(self, project: Project, annotator: str | None = None) -> None:
        super().__init__()
        self.project = project
        self.setWindowTitle(f"{project.path.name} — Arabic annotation workbench")
        self.document_list = DocumentList(self)
        self.status_filter = QComboBox(self)
        self.status_filter.addItems([ALL_DOCUMENTS, *STATUSES])
        self.reader = ReaderView(self)
        self.palette_list = LabelPalette(self)
        self.annotations = AnnotationsPanel(self)
        self.annotating = Annotating(self, project, self._identity(annotator), self.reader)
        self.status_label = QLabel(self)
        self.position_label = QLabel(self)
        self.annotator_label = QLabel(self)
        self.saved_label = QLabel(self)
        self._lay_out()
        self._add_menus()
        self._connect()
        self.refresh()
        self.resize(1280, 800)

    # -- building ---------------------------------------------------------------------

    def _identity(self, annotator: str | None) -> str:
        name = annotator or remembered_annotator()
        if name is None:
            name = ask_annotator(self, getpass.getuser()) or getpass.getuser()
            remember_annotator(name)
        return name

    def _lay_out(self) -> None:
        documents = QWidget(self)
        column = QVBoxLayout(documents)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status_filter)
        column.addWidget(self.document_list)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(documents)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([340, 640])
        self.setCentralWidget(self.splitter)
        docks = []
        for title, widget in (("Labels", self.palette_list), ("Annotations", self.annotations)):
            dock = QDockWidget(title, self)
            dock.setObjectName(title.lower())
            dock.setWidget(widget)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            docks.append(dock)
        self.resizeDocks(docks, [DOCK_WIDTH] * len(docks), Qt.Orientation.Horizontal)
        self.palette_list.show_schema(self.project.labels.schema())
        for label in (self.annotator_label, self.position_label, self.status_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.saved_label)

    def _add_menus(self) -> None:
        actions = self.annotating.actions
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(
            self._action("&Refresh", QKeySequence.StandardKey.Refresh, self.refresh)
        )
        file_menu.addAction(self._action("&Switch annotator…", "Ctrl+Shift+A", self.switch))
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close))
        edit_menu = self.menuBar().addMenu("&Edit")
        for group in ("history", "edit", "resize"):
            edit_menu.addActions(actions.group(group))
            edit_menu.addSeparator()
        annotate_menu = self.menuBar().addMenu("&Annotate")
        for group in ("label", "link"):
            annotate_menu.addActions(actions.group(group))
            annotate_menu.addSeparator()
        annotate_menu.addAction(self._action("Mark &done and go on", "Ctrl+Return", self.done))
        self._add_view_menu()
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keys", "F1", self.show_keys))

    def _add_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu("&View")
        zoom_in = self._action(
            "Zoom &in", QKeySequence.StandardKey.ZoomIn, lambda: self.reader.zoom(1)
        )
        zoom_in.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        view_menu.addAction(zoom_in)
        view_menu.addAction(
            self._action(
                "Zoom &out", QKeySequence.StandardKey.ZoomOut, lambda: self.reader.zoom(-1)
            )
        )
        view_menu.addAction(self._action("&Actual size", "Ctrl+0", self.reader.reset_zoom))
        view_menu.addSeparator()
        self.show_others = self._action("Show &others' annotations", "Ctrl+Shift+O", self.reopen)
        self.show_others.setCheckable(True)
        view_menu.addAction(self.show_others)
        self.snap = self._action("&Snap selections to words", "Ctrl+Shift+W", self._set_snap)
        self.snap.setCheckable(True)
        self.snap.setChecked(True)
        view_menu.addAction(self.snap)

    def _action(
        self, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.document_list.selectionModel().currentRowChanged.connect(self._open_current)
        self.status_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.palette_list.label_chosen.connect(self.annotating.apply_label)
        self.annotations.span_chosen.connect(self._jump_to_span)
        self.reader.span_selected.connect(self.annotations.mark)
        self.annotating.changed.connect(self._after_change)
        self.annotating.message.connect(self.saved_label.setText)

    # -- what the window shows ---------------------------------------------------------

    @property
    def annotator(self) -> str:
        return self.annotating.annotator

    def shown_annotator(self) -> str | None:
        """Whose spans the reader shows: the analyst's own (blind), or everyone's."""
        return None if self.show_others.isChecked() else self.annotator

    def refresh(self) -> None:
        documents = [d for d in self.project.documents.summaries() if self._wanted(d)]
        self.document_list.show_documents(documents, self.document_list.current_uid())
        self.status_label.setText(f"{self.project.path}")
        self.annotator_label.setText(f"Annotator: {self.annotator}")
        self._show_position()

    def _wanted(self, document: DocumentSummary) -> bool:
        wanted = self.status_filter.currentText()
        return wanted == ALL_DOCUMENTS or document.statuses.get(self.annotator, "new") == wanted

    def reopen(self) -> None:
        self._open_current()

    def _open_current(self, current: QModelIndex | None = None) -> None:
        row = (current or self.document_list.currentIndex()).row()
        if row < 0:
            self.annotating.document = None
            self.reader.show_text(None)
            self.annotations.show_spans(None, None)
            return
        uid = self.document_list.documents.document(row).uid
        shown = self.reader.annotated
        again = shown is not None and shown.document.uid == uid
        position = self.reader.verticalScrollBar().value()
        self.annotating.document = uid
        self.reader.open_document(self.project, uid, self.shown_annotator())
        if again:  # a refresh or another layer: stay where the reader was
            self.reader.verticalScrollBar().setValue(position)
        self.annotations.show_spans(self.reader.annotated, None)
        self._show_position()

    def _show_position(self) -> None:
        row, count = (
            self.document_list.currentIndex().row(),
            self.document_list.documents.rowCount(),
        )
        self.position_label.setText(f"Document {row + 1} of {count}" if row >= 0 else "")

    def _after_change(self, changes: Changes) -> None:
        self.annotations.show_spans(self.reader.annotated, self.reader.selected_span)
        document = self.annotating.document
        if document is None or not changes:
            return
        if self.project.documents.status(document, self.annotator) == "new":
            self.project.documents.set_status(document, self.annotator, "in_progress")
        self.document_list.documents.update_document(self.project.documents.summary(document))

    def _jump_to_span(self, uid: str) -> None:
        annotated = self.reader.annotated
        if annotated is not None and annotated.has_span(uid):
            self.reader.scroll_to(annotated.span(uid).start)
            self.reader.select_span(uid)

    # -- commands ---------------------------------------------------------------------

    def done(self) -> None:
        """Mark the open document done for this annotator and open the next one."""
        document = self.annotating.document
        if document is None:
            return
        self.project.documents.set_status(document, self.annotator, "done")
        listed = self.document_list.documents
        row = self.document_list.currentIndex().row()
        following = listed.document(row + 1).uid if row + 1 < listed.rowCount() else document
        self.document_list.show_documents(
            [d for d in self.project.documents.summaries() if self._wanted(d)], following
        )
        self.saved_label.setText("Marked done")

    def switch(self) -> None:
        name = ask_annotator(self, self.annotator)
        if name and name != self.annotator:
            remember_annotator(name)
            self.annotating.switch_annotator(name)
            self.refresh()
            self.reopen()

    def _set_snap(self) -> None:
        self.annotating.snap_to_words = self.snap.isChecked()

    def show_keys(self) -> None:
        window_actions = [a for a in self.actions() if a.shortcuts()]
        KeysOverlay(self, window_actions).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.stop_loading()
        super().closeEvent(event)
