"""The main window: the project's documents beside the reader."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QSplitter

from annotate.project import Project
from gui.document_list import DocumentList
from gui.reader import ReaderView

ALL_ANNOTATORS = "All annotators"


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.setWindowTitle(f"{project.path.name} — Arabic annotation workbench")
        self.document_list = DocumentList(self)
        self.reader = ReaderView(self)
        self.annotator_choice = QComboBox(self)
        self.annotator_choice.setToolTip("Whose annotations the reader shows")
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label)
        self._lay_out()
        self._add_actions()
        self.document_list.selectionModel().currentRowChanged.connect(self._open_current)
        self.annotator_choice.currentIndexChanged.connect(lambda _: self._open_current())
        self.refresh()
        self.resize(1200, 760)

    def _lay_out(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.document_list)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 820])
        self.setCentralWidget(self.splitter)
        toolbar = self.addToolBar("Layers")
        toolbar.setObjectName("layers")
        toolbar.addWidget(QLabel("Show: ", self))
        toolbar.addWidget(self.annotator_choice)

    def _add_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(
            self._action("&Refresh", QKeySequence.StandardKey.Refresh, self.refresh)
        )
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close))
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
        view_menu.addAction(
            self._action("&Actual size", QKeySequence("Ctrl+0"), self.reader.reset_zoom)
        )

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.stop_loading()
        super().closeEvent(event)

    def refresh(self) -> None:
        documents = self.project.documents.summaries()
        self._fill_annotator_choice()
        self.document_list.show_documents(documents, self.document_list.current_uid())
        self.status_label.setText(f"{self.project.path}  ·  {len(documents)} documents")

    def shown_annotator(self) -> str | None:
        chosen = self.annotator_choice.currentData()
        return chosen if isinstance(chosen, str) else None

    def _fill_annotator_choice(self) -> None:
        choice = self.annotator_choice
        chosen = self.shown_annotator()
        choice.blockSignals(True)
        choice.clear()
        choice.addItem(ALL_ANNOTATORS, None)
        for name in self.project.annotators.names():
            choice.addItem(name, name)
        choice.setCurrentIndex(max(choice.findData(chosen), 0) if chosen else 0)
        choice.blockSignals(False)

    def _open_current(self, current: QModelIndex | None = None) -> None:
        row = (current or self.document_list.currentIndex()).row()
        if row < 0:
            self.reader.show_text(None)
            return
        uid = self.document_list.documents.document(row).uid
        shown = self.reader.annotated
        again = shown is not None and shown.document.uid == uid
        position = self.reader.verticalScrollBar().value()
        self.reader.open_document(self.project, uid, self.shown_annotator())
        if again:  # a refresh or another layer: stay where the reader was
            self.reader.verticalScrollBar().setValue(position)
