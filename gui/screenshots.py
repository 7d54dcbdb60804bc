"""Write the README's screenshots of the app on the annotated sample article.

    python -m gui.screenshots [FOLDER]     (default: docs/screenshots; `make screenshots`)

Runs offscreen; the pictures are what the app draws, at a fixed size.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotate.project import Project
    from gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "docs" / "screenshots"
WINDOW_SIZE = (1280, 760)
WATER_ARTICLE = 1  # row of the sample article on water in the document list
SEARCHED = "الماء"  # in the water article, with its family
SEARCH_SIZE = (760, 300)
SUGGESTIONS_SIZE = (1100, 560)
# A follow-up to the sample articles, written for this picture: most of its names are ones
# the sample's analyst marked there.
FOLLOW_UP = (
    "عمّان - قالت وزيرة المياه الأردنية ليلى الخطيب، الأحد، إن الأردن وتونس ومصر بدأت تبادل"
    " بيانات الأمطار عبر شبكة EWN، بعد اجتماع المنظمة العربية للموارد المائية الأسبوع الماضي."
    "\n\nوأضافت الخطيب أن مركز القاهرة الإقليمي للأرصاد سيصدر أول نشرة مشتركة في الربيع، فيما"
    " أكد سامي بن عاشور أن الصندوق العربي للتنمية وافق على تمويل المرحلة الأولى."
    "\n\nوفي صفاقس، قال كمال الرياحي إن البحارة في قابس ينتظرون نتائج الشبكة قبل موسم الصيد."
)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DEFAULT_FOLDER
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as scratch:
        for path in write_all(Path(scratch), folder):
            print(f"wrote {path}")
    return 0


def write_all(scratch: Path, folder: Path) -> list[Path]:
    from annotate.annotated_text import AnnotatedText
    from annotate.corpus.importing import import_paths
    from annotate.project import Project
    from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER
    from gui.app import application
    from gui.cli import RENDER_WIDTH
    from gui.main_window import MainWindow
    from gui.page_render import render

    app = application()
    with Project.create(scratch / "sample.annotate") as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
        window = MainWindow(project, annotator="sample")
        window.resize(*WINDOW_SIZE)
        window.splitter.setSizes([300, WINDOW_SIZE[0] - 300])
        window.show()
        window.document_list.selectRow(WATER_ARTICLE)
        reader = window.reader
        wait_for_reader(window)
        annotated = reader.annotated
        assert annotated is not None
        person = next(s for s in annotated.spans() if s.label == "PERSON")
        reader.select_span(person.uid)
        app.processEvents()
        written = [folder / "main-window.png", folder / "reader.png", folder / "render.png"]
        window.grab().save(str(written[0]))
        reader.grab().save(str(written[1]))
        render(AnnotatedText.load(project, annotated.document.uid), written[2], RENDER_WIDTH)
        written.append(_linking(window, folder / "linking.png"))
        written.append(_search(window, folder / "search.png"))
        written.append(_propagation(window, folder / "propagation.png"))
        written.append(_review(project, annotated.document.uid, window, folder / "review.png"))
        written.append(_progress(project, annotated.document.uid, window, folder / "progress.png"))
        written.append(_comments(window, folder / "comments.png"))
        window.close()
        written.extend(_in_arabic(project, folder))
        written.append(_suggestions(project, folder / "suggestions.png"))  # adds a document
    return written


def wait_for_reader(window: MainWindow) -> None:
    """Until the reader has laid out its document (it lays out in steps)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    while window.reader.loading:
        QApplication.processEvents()


def _linking(window: MainWindow, out: Path) -> Path:
    """The reader waiting for a quote's speaker: its banner and cross-shaped pointer."""
    from PySide6.QtWidgets import QApplication

    reader, annotating = window.reader, window.annotating
    assert reader.annotated is not None
    quote = next(s for s in reader.annotated.spans() if s.label == "QUOTE")
    speaker = next(r for r in window.project.labels.schema().relations if r.name == "SPEAKER")
    reader.select_span(quote.uid)
    reader.scroll_to(quote.start)
    annotating.start_link(speaker)
    QApplication.processEvents()
    reader.grab().save(str(out))
    annotating.cancel_link()
    return out


def _search(window: MainWindow, out: Path) -> Path:
    """The Search dock: a word with its family, hits spelled otherwise in grey."""
    from PySide6.QtWidgets import QApplication

    search = window.corpus_search
    window.search_all()
    search.query.setText(SEARCHED)
    search.family.setChecked(True)
    search.search()
    while search.searching:
        QApplication.processEvents()
    window.search_dock.setFloating(True)
    window.search_dock.resize(*SEARCH_SIZE)
    QApplication.processEvents()
    window.search_dock.grab().save(str(out))
    window.search_dock.setFloating(False)
    window.annotations_dock.raise_()  # as the window opens, for the screenshots after this
    return out


def _propagation(window: MainWindow, out: Path) -> Path:
    """ "Annotate every mention" offered from a span of the water article's text."""
    from PySide6.QtWidgets import QApplication

    from annotate.model import Span
    from annotate.propagation import propose
    from gui.propagation_dialog import Candidate, PropagationDialog, line_in_text

    annotated = window.reader.annotated
    assert annotated is not None
    text = annotated.text
    start = text.index(SEARCHED)
    span = Span(
        "shot", annotated.document.uid, "sample", "LOC", start, start + len(SEARCHED), {}, "manual"
    )

    def find(family: bool) -> list[Candidate]:
        proposals = propose(text, span, [span], annotated.passage_labels, family=family)
        return [
            Candidate(p, line_in_text(text, p), (span.document, p.start, p.end)) for p in proposals
        ]

    dialog = PropagationDialog(window, span.label, find)
    dialog.family.setChecked(True)
    dialog.show()
    QApplication.processEvents()
    dialog.grab().save(str(out))
    dialog.close()
    return out


def _review(project: Project, document: str, window: QWidget, out: Path) -> Path:
    """The review of the water article by two more analysts, on the quote whose speaker
    they name differently."""
    from PySide6.QtWidgets import QApplication

    from gui.review_window import ReviewWindow

    _other_opinions(project, document)
    review = ReviewWindow(project, "reviewer", window)
    review.resize(*WINDOW_SIZE)
    review.show()
    review.accept_unanimous()
    model = review.items_model
    row = next(row for row in range(model.rowCount()) if model.found(row).state == "speaker")
    review.items.setCurrentIndex(model.index(row, 0))
    QApplication.processEvents()  # the lanes' names take the room their new lines need
    review.grab().save(str(out))
    review.close()
    return out


def _progress(project: Project, document: str, window: QWidget, out: Path) -> Path:
    """The progress dashboard once a lead has given both articles to two analysts of
    the review above, and one of them has marked the water article done."""
    from PySide6.QtWidgets import QApplication

    from gui.progress_view import ProgressView

    both = [summary.uid for summary in project.documents.summaries()]
    for analyst in ("sample", "huda"):
        project.assignments.assign(both, analyst, "lead")
    project.documents.set_status(document, "sample", "done")
    view = ProgressView(window, project, "lead")
    view.resize(WINDOW_SIZE[0], 360)
    view.show()
    view.documents_table.selectRow(WATER_ARTICLE)
    view.analyst.setCurrentText("huda")
    QApplication.processEvents()
    view.grab().save(str(out))
    view.close()
    return out


def _comments(window: MainWindow, out: Path) -> Path:
    """The water article with a question on its minister's name, the first quote flagged
    for discussion, and a flag on the document, as the reader, the Annotations panel and
    the status bar show them."""
    from PySide6.QtWidgets import QApplication

    from annotate.commenting import comment_step, flag_step
    from gui.layers import MINE

    window.layers.choose(MINE)
    project, reader = window.project, window.reader
    annotated = reader.annotated
    assert annotated is not None
    document = annotated.document.uid
    person = next(s for s in annotated.spans() if s.label == "PERSON")
    quote = next(s for s in annotated.spans() if s.label == "QUOTE")
    take = window.annotating.take
    take(comment_step(document, "huda", "هل هي الوزيرة نفسها في الفقرة الأخيرة؟", person.uid))
    take(flag_step(project, document, quote.uid, "sample", "needs discussion"))
    take(flag_step(project, document, "", "sample", "unsure"))
    reader.select_span(None)
    reader.scroll_to(0)
    QApplication.processEvents()
    window.grab().save(str(out))
    return out


def _suggestions(project: Project, out: Path) -> Path:
    """A follow-up article (FOLLOW_UP) with suggestions from the names the sample's analyst
    marked in the sample articles: the first two accepted with Y (filled, spans now), the
    next one chosen with Tab (selected), the others outlined."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotate.suggesting import suggest
    from gui.main_window import MainWindow

    document = project.documents.add(FOLLOW_UP, "متابعة").documents_added[0]
    suggest(project, [document], gazetteer_from="sample")
    window = MainWindow(project, annotator="sample")
    window.resize(*SUGGESTIONS_SIZE)
    window.show()
    window.open_document(document)
    wait_for_reader(window)
    reader = window.reader
    window.activateWindow()
    reader.setFocus()
    reader.put_caret(0)
    for key in (Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_Tab):
        QTest.keyClick(reader, key)
        QApplication.processEvents()
    window.grab().save(str(out))
    window.close()
    return out


def _in_arabic(project: Project, folder: Path) -> list[Path]:
    """The main window and the review above with the interface in Arabic, mirrored."""
    from PySide6.QtWidgets import QApplication

    from gui.app import application
    from gui.i18n import ARABIC, ENGLISH
    from gui.main_window import MainWindow
    from gui.review_window import ReviewWindow

    application(ARABIC)
    try:
        window = MainWindow(project, annotator="sample")
        window.resize(*WINDOW_SIZE)
        window.splitter.setSizes([300, WINDOW_SIZE[0] - 300])
        window.show()
        window.document_list.selectRow(WATER_ARTICLE)
        wait_for_reader(window)
        written = [folder / "main-window-ar.png", folder / "review-ar.png"]
        window.grab().save(str(written[0]))
        review = ReviewWindow(project, "reviewer", window)
        review.resize(*WINDOW_SIZE)
        review.show()
        model = review.items_model
        row = next(row for row in range(model.rowCount()) if model.found(row).state == "speaker")
        review.items.setCurrentIndex(model.index(row, 0))
        QApplication.processEvents()
        review.grab().save(str(written[1]))
        review.close()
        window.close()
    finally:
        application(ENGLISH)
    return written


def _other_opinions(project: Project, document: str) -> None:
    """Huda: the sample's spans and links, with the first PERSON relabelled, the first GPE
    left out, the first quote one word shorter and the organisation named as the second
    quote's speaker. Omar: the sample's, without the second quote."""
    text = project.documents.get(document).text
    spans = project.spans.for_document(document, "sample")
    quotes = [span for span in spans if span.label == "QUOTE"]
    organisation = next(span for span in spans if span.label == "ORG")
    changed: set[str] = set()
    huda: dict[str, str] = {}
    for span in spans:
        label, start, end = span.label, span.start, span.end
        if span.label not in changed:
            changed.add(span.label)
            if label == "GPE":
                continue
            label = "ORG" if label == "PERSON" else label
            if label == "QUOTE":
                start = text.index(" ", start) + 1
        huda[span.uid] = project.spans.add(
            document, "huda", label, start, end, span.attrs
        ).spans_added[0]
    omar = {
        span.uid: project.spans.add(
            document, "omar", span.label, span.start, span.end, span.attrs
        ).spans_added[0]
        for span in spans
        if span != quotes[1]
    }
    for relation in project.relations.for_document(document, "sample"):
        tail = relation.tail
        if (relation.label, relation.head) == ("SPEAKER", quotes[1].uid):
            tail = organisation.uid
        if relation.head in huda and tail in huda:
            project.relations.add(relation.label, huda[relation.head], huda[tail])
        if relation.head in omar and relation.tail in omar:
            project.relations.add(relation.label, omar[relation.head], omar[relation.tail])


if __name__ == "__main__":
    sys.exit(main())
