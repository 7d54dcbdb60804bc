"""The main window: the project's documents."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from annotate.project import Project
from gui.document_list import DocumentList


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.setWindowTitle(f"{project.path.name} — Arabic annotation workbench")
        self.document_list = DocumentList(self)
        self.setCentralWidget(self.document_list)
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label)
        self._add_actions()
        self.refresh()
        self.resize(900, 500)

    def _add_actions(self) -> None:
        refresh = QAction("&Refresh", self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(refresh)
        file_menu.addAction(quit_action)

    def refresh(self) -> None:
        documents = self.project.documents.summaries()
        self.document_list.show_documents(documents)
        self.status_label.setText(f"{self.project.path}  ·  {len(documents)} documents")
