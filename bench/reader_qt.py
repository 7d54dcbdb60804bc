"""The Qt side of the reader scenarios: views shown offscreen at one size, and their frames.

Everything a side needs before its timer starts is made here: the QApplication with the
bundled font, settings of its own (so a user's saved font size never counts), the widget,
shown. A frame is what the app's event loop does after a change: one turn of it, which runs
the deferred layout and paints the view and its children (text, gutter, scroll bar). Every
frame is checked to have painted the text area, and every timed action to have drawn what
it should (highlights on the first paint, the edited span, new paragraphs after a scroll).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from annotate.model import Changes, Span
from annotate.project import Project
from bench.scenario import Action, Repeat, Samples
from gui.app import application
from gui.reader import DEFAULT_POINT_SIZE, ReaderView

VIEW_SIZE = (1000, 800)  # pixels, the same for every view
REPETITIONS = 50  # of each timed edit or scroll, each at another place in the article
MAX_EVENT_TURNS = 10  # a frame is one turn; more means something is wrong
EDIT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE")
WORD = re.compile(r"\w+")


def start_qt(scratch: Path) -> QApplication:
    """The app as it starts (bundled font), offscreen, with settings kept in ``scratch``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = str(scratch / "settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return application()


def text_font(app: QApplication) -> QFont:
    """The font the reader shows text in when no size was saved."""
    font = QFont(app.font())
    font.setPointSizeF(DEFAULT_POINT_SIZE)
    return font


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class Painted(Protocol):
    paints: int


def next_frame(app: QApplication, painted: Painted, failure: str) -> None:
    """Turn the event loop until `painted` counts one more paint (a frame), or fail."""
    before = painted.paints
    for _ in range(MAX_EVENT_TURNS):
        app.processEvents()
        if painted.paints > before:
            return
    raise RuntimeError(f"{failure} in {MAX_EVENT_TURNS} turns of events")


class Screen:
    """A view shown at VIEW_SIZE, drawn one frame at a time."""

    def __init__(self, app: QApplication, view: QPlainTextEdit) -> None:
        self.app = app
        self.view = view
        view.resize(*VIEW_SIZE)
        view.show()
        self.text_area = PaintCounter(view.viewport())
        self.frame()

    def frame(self) -> None:
        """Turn the event loop until the text area has been painted (one turn, normally)."""
        next_frame(self.app, self.text_area, "the view was not painted")


# -- opening ------------------------------------------------------------------------------


def open_ours(project_path: Path, scratch: Path) -> Action:
    """Timed: load the article and its annotations from the project, show it, first frame."""
    app = start_qt(scratch)
    project = Project.open(project_path)
    document = project.documents.resolve("1")
    reader = ReaderView()
    _check_font(reader, text_font(app))
    screen = Screen(app, reader)

    def run() -> int:
        reader.open_document(project, document)
        screen.frame()
        _check_highlighted(reader)
        return reader.document().characterCount()

    return run


def open_reference(project_path: Path, scratch: Path) -> Action:
    """Timed: the article's bare text into a plain read-only QPlainTextEdit, first frame."""
    app = start_qt(scratch)
    with Project.open(project_path) as project:
        text = project.documents.get(project.documents.resolve("1")).text
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setFont(text_font(app))
    screen = Screen(app, view)

    def run() -> int:
        view.setPlainText(text)
        screen.frame()
        return view.document().characterCount()

    return run


def _check_font(reader: ReaderView, expected: QFont) -> None:
    font = reader.font()
    if (font.family(), font.pointSizeF()) != (expected.family(), expected.pointSizeF()):
        raise RuntimeError(f"the reader shows {font.family()} {font.pointSizeF()} pt")


def _check_highlighted(reader: ReaderView) -> None:
    if not reader.marked_in_last_paint:
        raise RuntimeError("the first frame drew no highlights")


# -- editing and scrolling ----------------------------------------------------------------


class _OpenArticle:
    """The reader showing the article, already painted once, and where to go in it.

    The project is a copy in ``scratch``, so that edits never reach the next run's project.
    """

    def __init__(self, project_path: Path, scratch: Path) -> None:
        app = start_qt(scratch)
        copy = scratch / project_path.name
        with Project.open(project_path) as original:
            original.store.backup_to(copy)
        self.project = Project.open(copy)
        self.document = self.project.documents.resolve("1")
        self.reader = ReaderView()
        self.screen = Screen(app, self.reader)
        self.reader.open_document(self.project, self.document)
        self.screen.frame()
        while self.reader.loading:  # the rest of the spans, read between events
            app.processEvents()
        annotated = self.reader.annotated
        assert annotated is not None and annotated.complete
        self.annotated = annotated

    def places(self) -> list[int]:
        """REPETITIONS offsets spread evenly through the article, in order."""
        length = len(self.annotated.text)
        return [length * (2 * i + 1) // (2 * REPETITIONS) for i in range(REPETITIONS)]

    def go_to(self, offset: int) -> None:
        """Untimed: show the page around ``offset`` and paint it."""
        self.reader.scroll_to(offset)
        self.reader.viewport().update()
        self.screen.frame()

    def visible_range(self) -> tuple[int, int]:
        lines = self.reader.visible_lines(0, self.reader.viewport().height())
        return lines[0].start, lines[-1].end


def span_edit(project_path: Path, scratch: Path, annotator: str) -> Repeat:
    """At each place: add a span to a word in view, then delete one (every other time the
    span just added, else a span already there, a quote with its speaker when one is in
    view). Each timed edit: the committed write, reader.apply, and the frame after it."""
    article = _OpenArticle(project_path, scratch)
    editor = _SpanEditor(article, annotator)

    def run() -> Samples:
        samples: Samples = {"add": [], "delete": []}
        for number, place in enumerate(article.places()):
            article.go_to(place)
            added = editor.add(place, number, samples["add"])
            doomed = added if number % 2 == 0 else editor.span_in_view(besides=added)
            editor.delete(doomed, samples["delete"])
        return samples

    return run


class _SpanEditor:
    def __init__(self, article: _OpenArticle, annotator: str) -> None:
        self.article = article
        self.project = article.project
        self.reader = article.reader
        self.annotator = annotator

    def add(self, place: int, number: int, samples: list[float]) -> Span:
        match = WORD.search(self.article.annotated.text, place)
        if match is None:
            raise RuntimeError(f"no word after offset {place}")
        start, end = match.span()
        label = self._free_label(start, end, number)
        document, annotator = self.article.document, self.annotator
        drawn = self._marks_in_view()
        changes = self._timed(
            lambda: self.project.spans.add(document, annotator, label, start, end), samples
        )
        if self._marks_in_view() <= drawn:
            raise RuntimeError(f"the {label} span added at {start} was not drawn")
        return self.article.annotated.span(changes.spans_added[0])

    def delete(self, span: Span, samples: list[float]) -> None:
        drawn = self._marks_in_view()
        self._timed(lambda: self.project.spans.remove(span.uid), samples)
        if self._marks_in_view() >= drawn:
            raise RuntimeError(f"the {span.label} span deleted at {span.start} is still drawn")

    def _marks_in_view(self) -> int:
        """Untimed: the span pieces a full repaint of the page draws."""
        self.reader.viewport().repaint()
        return self.reader.marked_in_last_paint

    def span_in_view(self, besides: Span) -> Span:
        """A span starting on the page: the first quote (most have a speaker), else the
        entity in the middle."""
        start, end = self.article.visible_range()
        spans = [
            span
            for span in self.article.annotated.overlapping(start, end)
            if start <= span.start < end and span.uid != besides.uid
        ]
        quotes = [span for span in spans if self.article.annotated.is_passage(span)]
        if quotes:
            return quotes[0]
        if not spans:
            raise RuntimeError(f"no span in view at {start}-{end}")
        return spans[len(spans) // 2]

    def _free_label(self, start: int, end: int, number: int) -> str:
        labels = EDIT_LABELS[number % len(EDIT_LABELS) :] + EDIT_LABELS
        document = self.article.document
        for label in labels:
            if self.project.spans.find(document, self.annotator, label, start, end) is None:
                return label
        raise RuntimeError(f"every edit label is already on {start}-{end}")

    def _timed(self, edit: Callable[[], Changes], samples: list[float]) -> Changes:
        started = time.perf_counter()
        changes = edit()
        self.reader.apply(self.project, changes)
        self.article.screen.frame()
        samples.append(time.perf_counter() - started)
        return changes


def scroll(project_path: Path, scratch: Path) -> Repeat:
    """At each place: scroll down one page (the scroll bar's page step) to text never shown
    before. Each timed scroll: setValue and the frame after it."""
    article = _OpenArticle(project_path, scratch)
    reader = article.reader
    bar = reader.verticalScrollBar()

    def run() -> Samples:
        pages: list[float] = []
        for place in article.places():
            article.go_to(place)
            value, first = bar.value(), article.visible_range()[0]
            started = time.perf_counter()
            bar.setValue(value + bar.pageStep())
            article.screen.frame()
            pages.append(time.perf_counter() - started)
            if bar.value() == value or article.visible_range()[0] <= first:
                raise RuntimeError(f"scrolling from offset {place} showed no new text")
        return {"page": pages}

    return run
