"""The reading view on one long article: opening it, editing its spans, scrolling through it.

The article is ``corpus.long_document()``: 500,000 characters of Arabic news in paragraphs,
10,000 spans by one annotator and SPEAKER relations, stored in a project with the core API.
The Qt side is in ``bench.reader_qt``, imported only by the reader's own workers so that the
other scenarios' processes never load Qt.
"""

from __future__ import annotations

from pathlib import Path

from annotate.project import Project
from bench import corpus
from bench.scenario import Action, Repeat

PROJECT_NAME = "reader.annotate"
ANNOTATOR = "analyst"


def setup(data: Path, docs: int) -> None:
    """The article and its annotations in a new project, in one transaction.

    The article's size is fixed (the reader's targets are set for it), whatever ``docs``.
    """
    article = corpus.long_document()
    with Project.create(data / PROJECT_NAME) as project, project.transaction():
        document = project.documents.add(article.text, article.title).documents_added[0]
        for span in article.spans:
            project.spans.add(
                document, ANNOTATOR, span.label, span.start, span.end, None, "imported", span.uid
            )
        for relation in article.relations:
            project.relations.add(
                relation.label, relation.head, relation.tail, "imported", relation.uid
            )


def open_ours(data: Path, scratch: Path) -> Action:
    from bench import reader_qt  # Qt is loaded by the reader's workers only

    return reader_qt.open_ours(data / PROJECT_NAME, scratch)


def open_reference(data: Path, scratch: Path) -> Action:
    from bench import reader_qt

    return reader_qt.open_reference(data / PROJECT_NAME, scratch)


def span_edit(data: Path, scratch: Path) -> Repeat:
    from bench import reader_qt

    return reader_qt.span_edit(data / PROJECT_NAME, scratch, ANNOTATOR)


def scroll(data: Path, scratch: Path) -> Repeat:
    from bench import reader_qt

    return reader_qt.scroll(data / PROJECT_NAME, scratch)


def label_key(data: Path, scratch: Path) -> Repeat:
    from bench import window_qt

    return window_qt.label_key(data / PROJECT_NAME, scratch, ANNOTATOR)
