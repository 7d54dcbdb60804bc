"""The review window shows every document and item as the project's records count them, and
keeps those counts right through decisions, undo and redo, on any item."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.counts import ReviewCount, review_counts
from annotate.review.disagreements import Version, document_items
from gui.review_lanes import LINKED, LanesView, Mark, context_of, look
from gui.review_window import ReviewWindow
from tests.annotate.test_review import disagreeing_document
from tests.annotate.test_review_counts import random_project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Row = tuple[str, ...]


def open_review(qtbot: QtBot, project: Project) -> ReviewWindow:
    review = ReviewWindow(project, "reviewer")
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    review.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    review.items.setFocus()
    return review


def press(qtbot: QtBot, review: ReviewWindow, key: Qt.Key, keys: object = None) -> None:
    modifiers = keys if keys is not None else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(review.items, key, modifiers)  # type: ignore[arg-type]


def shown_rows(review: ReviewWindow) -> list[Row]:
    model = review.items_model
    return [
        tuple(str(model.index(row, column).data()) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def expected_rows(project: Project, document: str) -> list[Row]:
    """Each item as its record says: state, text, each annotator's labels (a quote's with
    what it links to), verdict."""
    text = project.documents.get(document).text
    verdicts = {key: d.verdict for key, d in Review(project, "x").decisions(document).items()}
    rows = []
    for item in document_items(project, document):
        state = look(item.state)
        labels = [version_cell(text, v) for v in item.versions]
        words = " ".join(text[item.start : item.end].split())
        rows.append((f"{state.symbol} {state.name}", words, *labels, verdicts.get(item.key, "")))
    return rows


def version_cell(text: str, version: Version) -> str:
    """An annotator's cell: "QUOTE (SPEAKER والتز; CUE قال)", "QUOTE (no SPEAKER)", "—"."""
    cells = []
    for span, links in zip(version.spans, version.links, strict=True):
        ordered = sorted(links, key=lambda link: (link[0] != "SPEAKER", link))
        words = [f"{name} \u2068{' '.join(text[s:e].split())}\u2069" for name, s, e in ordered]
        if span.label == "QUOTE" and "SPEAKER" not in {name for name, _, _ in links}:
            words.insert(0, "no SPEAKER")
        cells.append(f"{span.label} ({'; '.join(words)})" if words else span.label)
    return ", ".join(cells) or "—"


def shown_count(review: ReviewWindow) -> ReviewCount:
    return review.documents_model.document(review.documents.currentIndex().row())


def counted(project: Project, document: str) -> ReviewCount:
    return next(count for count in review_counts(project) if count.uid == document)


def progress_of(project: Project, document: str) -> str:
    count = counted(project, document)
    left = sum(
        item.disagreement and item.key not in Review(project, "x").decisions(document)
        for item in document_items(project, document)
    )
    return (
        f"Resolved {count.items - count.undecided} / {count.items} in this document; "
        f"{left} disagreement{'s' if left != 1 else ''} left"
    )


def test_every_document_and_item_is_listed_as_counted(qtbot: QtBot, project: Project) -> None:
    random_project(project, 3)
    review = open_review(qtbot, project)
    model = review.documents_model
    listed = [model.document(row) for row in range(model.rowCount())]
    assert sorted(listed, key=lambda c: c.uid) == sorted(
        review_counts(project), key=lambda c: c.uid
    )
    for row, count in enumerate(listed):
        review.documents.setCurrentIndex(model.index(row, 0))
        assert shown_rows(review) == expected_rows(project, count.uid)
        assert review.progress.text() == progress_of(project, count.uid)


def test_decisions_undo_and_redo_keep_every_count_right(qtbot: QtBot, project: Project) -> None:
    document = disagreeing_document(project)
    review = open_review(qtbot, project)
    steps = [
        (Qt.Key.Key_1, None),  # the first item: Ali's version
        (Qt.Key.Key_Down, None),
        (Qt.Key.Key_Down, None),
        (Qt.Key.Key_Down, None),
        (Qt.Key.Key_2, None),  # the relation: Huda's
        (Qt.Key.Key_Z, CTRL),  # undoes it
        (Qt.Key.Key_Z, CTRL),  # undoes the first item's, three rows up
        (Qt.Key.Key_Z, CTRL | SHIFT),  # the first item's again
        (Qt.Key.Key_A, None),  # every agreed span
        (Qt.Key.Key_F8, None),
        (Qt.Key.Key_Delete, None),
        (Qt.Key.Key_Z, CTRL),  # the rejection undone
        (Qt.Key.Key_Z, CTRL),  # the agreed spans undone
        (Qt.Key.Key_Z, CTRL | SHIFT),
    ]
    for key, keys in steps:
        press(qtbot, review, key, keys)
        assert shown_rows(review) == expected_rows(project, document), (key, keys)
        assert shown_count(review) == counted(project, document), (key, keys)
        assert review.progress.text() == progress_of(project, document), (key, keys)
    assert review.progress.text() == "Resolved 3 / 6 in this document; 3 disagreements left"


def test_a_read_only_project_lists_its_review_and_changes_nothing(
    qtbot: QtBot, project_path: Path, project: Project
) -> None:
    document = disagreeing_document(project)
    project.close()
    with Project.open(project_path, read_only=True) as read_only:
        review = open_review(qtbot, read_only)
        assert shown_count(review) == ReviewCount(document, "مؤتمر", 4, 6, 6, 4)
        press(qtbot, review, Qt.Key.Key_1)
        assert review.message.text() == (
            f"{project_path}: the project is open read-only (its file or folder cannot be"
            " written): nothing was changed"
        )
        assert review.progress.text() == "Resolved 0 / 6 in this document; 4 disagreements left"
        assert shown_rows(review) == expected_rows(read_only, document)
        review.close()


def test_the_lanes_mark_every_span_around_the_item(
    qtbot: QtBot, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Around each item: every span that shares a character with the stretch shown, those
    of items that start before it too, in the state of its item, the item's own in bold."""
    random_project(project, 5)
    shown: list[dict[str, list[Mark]]] = []
    monkeypatch.setattr(
        LanesView, "show_context", lambda _, text, first, last, marks: shown.append(marks)
    )
    review = open_review(qtbot, project)
    model = review.documents_model
    for row in range(model.rowCount()):
        review.documents.setCurrentIndex(model.index(row, 0))
        uid = model.document(row).uid
        text = project.documents.get(uid).text
        items = document_items(project, uid)
        for number, item in enumerate(items):
            review.items.setCurrentIndex(review.items_model.index(number, 0))
            first, last = context_of(text, item.start, item.end)
            expected: dict[str, list[Mark]] = {}
            for other in items:
                if other.end > first and other.start < last:
                    for version in other.versions:
                        expected.setdefault(version.annotator, []).extend(
                            Mark(s.start, s.end, other.state, other is item) for s in version.spans
                        )
            for version in item.versions:  # what the item's spans link to, over their marks
                expected[version.annotator].extend(
                    Mark(s, e, LINKED, False)
                    for links in version.links
                    for _, s, e in sorted(links, key=lambda link: (link[0] != "SPEAKER", link))
                )
            shown[-1].pop(GOLD_ANNOTATOR)
            assert shown[-1] == expected


def test_an_item_changed_since_it_was_listed_is_listed_again_not_decided(
    qtbot: QtBot, project: Project
) -> None:
    """Spans edited in the main window while review is open: the item the reviewer acts on
    is no longer what the list shows, so the list is read again and nothing is decided."""
    document = disagreeing_document(project)
    review = open_review(qtbot, project)
    assert review.items_model.rowCount() == 6
    for span in project.spans.for_document(document):
        if span.start == review.items_model.found(0).start:  # both annotators' first item
            project.spans.remove(span.uid)
    press(qtbot, review, Qt.Key.Key_1)
    assert review.message.text() == (
        "The document's spans have changed since its items were listed: listed again"
    )
    qtbot.waitUntil(lambda: review.items_model.rowCount() == 5)
    assert shown_rows(review) == expected_rows(project, document)
    assert Review(project, "x").decisions(document) == {}
    press(qtbot, review, Qt.Key.Key_1)  # now on the first item as it is
    assert len(Review(project, "x").decisions(document)) == 1


def test_the_document_list_counts_disagreements_left_apart_from_agreed_items_to_accept(
    qtbot: QtBot, project: Project
) -> None:
    disagreeing_document(project)  # 6 items: 4 disagreements, 2 all agree on
    review = open_review(qtbot, project)
    model = review.documents_model

    def cells() -> list[str]:
        return [str(model.index(0, column).data()) for column in range(model.columnCount())]

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Title", "Disagreements", "Left to decide", "To accept"]
    assert cells()[1:] == ["4", "4", "2"]
    press(qtbot, review, Qt.Key.Key_A)  # every agreed item into gold
    assert cells()[1:] == ["4", "4", "0"]
    press(qtbot, review, Qt.Key.Key_F8)
    press(qtbot, review, Qt.Key.Key_Delete)  # one disagreement decided
    assert cells()[1:] == ["4", "3", "0"]
