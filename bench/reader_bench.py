"""The reading view on one long article: opening it, editing its spans, scrolling through it.

The article is ``corpus.long_document()``: 500,000 characters of Arabic news in paragraphs,
10,000 spans by one annotator and SPEAKER relations, stored in a project with the core API.
The Qt side is in ``bench.reader_qt``, imported only by the reader's own workers so that the
other scenarios' processes never load Qt.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from annotate.project import Project
from bench import corpus
from bench.scenario import Action, Repeat

PROJECT_NAME = "reader.annotate"
ANNOTATOR = "analyst"
OTHER_ANNOTATORS = ("second", "third")


def setup(data: Path, docs: int) -> None:
    """The article and its annotations in a new project, in one transaction.

    The article's size is fixed (the reader's targets are set for it), whatever ``docs``.
    """
    store(data, corpus.long_document())


def setup_one_paragraph(data: Path, docs: int) -> None:
    """The same article written as one paragraph (as scraped news and transcripts often
    are): its paragraph breaks become spaces, so every offset stays where it was."""
    store(data, _one_paragraph(corpus.long_document()))


def setup_million(data: Path, docs: int) -> None:
    """One paragraph of 1,000,000 characters with 20,000 spans."""
    article = corpus.long_document(2 * corpus.LONG_DOCUMENT_CHARS, 2 * corpus.LONG_DOCUMENT_SPANS)
    store(data, _one_paragraph(article))


def setup_three_annotators(data: Path, docs: int) -> None:
    """The article with its spans by three annotators (two of them with every third span
    left out), for showing everyone's annotations at once."""
    article = corpus.long_document()
    store(data, article)
    with Project.open(data / PROJECT_NAME) as project, project.transaction():
        document = project.documents.resolve("1")
        for number, annotator in enumerate(OTHER_ANNOTATORS):
            for index, span in enumerate(article.spans):
                if index % 3 != number:
                    project.spans.add(document, annotator, span.label, span.start, span.end)


def _one_paragraph(article: corpus.LongDocument) -> corpus.LongDocument:
    text = article.text.replace(corpus.PARAGRAPH_BREAK, " " * len(corpus.PARAGRAPH_BREAK))
    return replace(article, text=text)


def store(data: Path, article: corpus.LongDocument) -> None:
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


def label_key_while_training(data: Path, scratch: Path) -> Repeat:
    from bench import window_qt

    return window_qt.label_key_while_training(data / PROJECT_NAME, scratch, ANNOTATOR)


def show_others(data: Path, scratch: Path) -> Repeat:
    from bench import window_qt

    return window_qt.show_others(data / PROJECT_NAME, scratch, ANNOTATOR)
