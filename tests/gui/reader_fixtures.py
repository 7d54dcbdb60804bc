"""A reader on a document of our own, with spans placed by the words they cover."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotate.annotated_text import AnnotatedText
from annotate.project import Project
from gui.app import application
from gui.reader import ReaderView

ANNOTATOR = "ali"


@dataclass
class OpenDocument:
    project: Project
    uid: str
    text: str
    reader: ReaderView
    spans: dict[str, str] = field(default_factory=dict)  # name -> span uid

    def offsets(self, words: str, occurrence: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(words, start + 1)
        return start, start + len(words)

    def add(self, name: str, label: str, words: str, occurrence: int = 0) -> str:
        start, end = self.offsets(words, occurrence)
        changes = self.project.spans.add(self.uid, ANNOTATOR, label, start, end)
        self.reader.apply(self.project, changes)
        self.spans[name] = changes.spans_added[0]
        return self.spans[name]

    def link(self, label: str, head: str, tail: str) -> None:
        changes = self.project.relations.add(label, self.spans[head], self.spans[tail])
        self.reader.apply(self.project, changes)

    def reopen(self) -> None:
        self.reader.show_text(AnnotatedText.load(self.project, self.uid))

    def grab(self) -> QImage:
        self.reader.viewport().repaint()
        return self.reader.viewport().grab().toImage()


def open_document(
    qtbot: QtBot, project: Project, text: str, width: int = 700, height: int = 500
) -> OpenDocument:
    application()  # the bundled font, as the app uses it
    uid = project.documents.add(text).documents_added[0]
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(width, height)
    reader.show_text(AnnotatedText.load(project, uid))
    reader.show()
    qtbot.waitExposed(reader)
    return OpenDocument(project, uid, project.documents.get(uid).text, reader)
