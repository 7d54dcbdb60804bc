"""Render: a 100,000-character article with its spans to a PDF, as `annotate render` does.

The reference is bare Qt: the same text in a QTextDocument at the reader's font, printed to
a QPdfWriter with the same page size and margins (its Arabic cannot be copied out whole, and
it shows no spans). Our side's PDF is weighed too, against a cap.
"""

from __future__ import annotations

from pathlib import Path

from annotate.project import Project
from bench import corpus, reader_bench
from bench.scenario import OUTPUT_STEM, Action

ARTICLE_CHARS = 100_000
ARTICLE_SPANS = 2_000
WIDTH = 900  # pixels, as `annotate render --width`


def setup(data: Path, docs: int) -> None:
    """The article and its spans in a new project; its size is fixed, whatever ``docs``."""
    reader_bench.store(data, corpus.long_document(ARTICLE_CHARS, ARTICLE_SPANS))


def ours(data: Path, scratch: Path) -> Action:
    from annotate.annotated_text import AnnotatedText
    from bench.reader_qt import start_qt
    from gui.page_render import render

    start_qt(scratch)
    project = Project.open(data / reader_bench.PROJECT_NAME)
    document = project.documents.resolve("1")

    def run() -> int:
        annotated = AnnotatedText.load(project, document)
        render(annotated, scratch / f"{OUTPUT_STEM}.pdf", WIDTH)
        return len(annotated.text)

    return run


def reference(data: Path, scratch: Path) -> Action:
    from PySide6.QtGui import QTextDocument

    from bench.reader_qt import start_qt, text_font
    from gui.page_render import pdf_writer

    app = start_qt(scratch)
    with Project.open(data / reader_bench.PROJECT_NAME) as project:
        text = project.documents.get(project.documents.resolve("1")).text

    def run() -> int:
        writer = pdf_writer(scratch / "reference.pdf")
        document = QTextDocument()
        document.setDefaultFont(text_font(app))
        document.setPlainText(text)
        document.print_(writer)
        return len(text)

    return run
