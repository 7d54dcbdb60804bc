"""The review window's second look: the places where a trained model's confident
suggestions read a document otherwise than its three analysts, walked with F7 and chosen
by a click, each shown in the lanes with the model's lane; a possible error's item decided
from there by the keys; the list of documents counting them; all of it in Arabic too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from annotate.editing import Editor
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.review.second_look import Place
from annotate.suggestions import Candidate, Decision, Suggestion
from gui.review_lanes import LOOKS, MODEL_LANE
from gui.review_second_look import decision_words
from gui.review_window import ReviewWindow
from tests.gui.test_review_arabic import cells, headers, in_latin, key_help, shown_texts
from tests.gui.test_review_counts import open_review

SHIFT = Qt.KeyboardModifier.ShiftModifier
TIP = Qt.ItemDataRole.ToolTipRole
LEFT = Qt.MouseButton.LeftButton
# News sentences we wrote for these tests.
TEXT = (
    "أعلن وزير المياه الأردني خالد العمري في عمّان أن شركة الرافدين للمقاولات ستبدأ العمل"
    " في سد الوالة الشهر المقبل. وقال العمري إن المشروع سيوفر المياه لنصف مليون نسمة."
    " وأضافت المهندسة سلمى حداد من وزارة المياه أن البنك الدولي يموّل المرحلة الأولى."
)
OTHER = "وصلت سلمى حداد إلى بيروت صباح الأحد."
MARKED = {
    "ali": [
        ("TITLE", "وزير المياه"),
        ("PERSON", "خالد العمري"),
        ("GPE", "عمّان"),
        ("ORG", "شركة الرافدين للمقاولات"),
        ("LOC", "سد الوالة"),
        ("PERSON", "سلمى حداد"),
        ("ORG", "وزارة المياه"),
        ("ORG", "البنك الدولي"),
    ],
    "huda": [
        ("TITLE", "وزير المياه الأردني"),
        ("PERSON", "خالد العمري"),
        ("GPE", "عمّان"),
        ("ORG", "الرافدين للمقاولات"),
        ("LOC", "سد الوالة"),
        ("PERSON", "سلمى حداد"),
        ("ORG", "وزارة المياه"),
        ("ORG", "البنك الدولي"),
    ],
    "omar": [
        ("TITLE", "وزير المياه"),
        ("PERSON", "خالد العمري"),
        ("GPE", "عمّان"),
        ("ORG", "شركة الرافدين للمقاولات"),
        ("ORG", "سد الوالة"),
        ("TITLE", "المهندسة"),
        ("ORG", "البنك الدولي"),
    ],
}
SUGGESTED = [  # a trained model's, and one from the known mentions
    ("PERSON", "خالد العمري", 0.97, "model:news-ner"),
    ("NORP", "الأردني", 0.88, "model:news-ner"),
    ("ORG", "شركة الرافدين للمقاولات", 0.9, "model:news-ner"),
    ("LOC", "سد الوالة", 0.92, "model:news-ner"),
    ("DATE", "الشهر المقبل", 0.85, "model:news-ner"),
    ("PERSON", "سلمى حداد", None, "model:news-ner"),
    ("GPE", "عمّان", 0.5, "model:news-ner"),  # below the threshold
    ("EVENT", "المرحلة الأولى", None, "gazetteer"),  # not a model's
]
PLACES = [  # as the second look lists them
    ("possible miss", "الأردني", "—", "—", "NORP", "0.88", ""),
    (
        "possible error: other bounds",
        "الرافدين للمقاولات",
        "huda",
        "ORG",
        "ORG: شركة الرافدين للمقاولات",
        "0.90",
        "",
    ),
    ("possible error: other label", "سد الوالة", "omar", "ORG", "LOC", "0.92", ""),
    ("possible miss", "الشهر المقبل", "—", "—", "DATE", "0.85", "rejected by huda, omar"),
]


def at(words: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def three_analysts_and_a_model(project: Project) -> tuple[str, str]:
    """TEXT marked by ali, huda and omar (23 spans) and suggested by a model; OTHER marked
    by ali and huda, where the model found a place they did not mark."""
    first = project.documents.add(TEXT, "سد الوالة").documents_added[0]
    for annotator, spans in MARKED.items():
        for label, words in spans:
            project.spans.add(first, annotator, label, *at(words))
    for label, words, score, source in SUGGESTED:
        project.suggestions.add(first, [Candidate(label, *at(words), score)], source)
    date = next(s for s in project.suggestions.open_for(first, "huda") if s.label == "DATE")
    for name in ("huda", "omar"):  # each for themselves
        Editor(project, name).reject_suggestion(date.uid)
    second = project.documents.add(OTHER, "الوصول").documents_added[0]
    for annotator in ("ali", "huda"):
        project.spans.add(second, annotator, "PERSON", *at("سلمى حداد", OTHER))
    project.suggestions.add(second, [Candidate("GPE", *at("بيروت", OTHER), 0.9)], "model:news")
    return first, second


def rows_of(table: QTableView) -> list[tuple[str, ...]]:
    model = table.model()
    return [
        tuple(str(model.index(row, column).data()) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def tab_titles(review: ReviewWindow) -> list[str]:
    return [review.tabs.tabText(number) for number in range(review.tabs.count())]


def key(qtbot: QtBot, review: ReviewWindow, pressed: Qt.Key, keys: object = None) -> None:
    """A key pressed where the focus is, as a reviewer presses it."""
    modifiers = keys if keys is not None else Qt.KeyboardModifier.NoModifier
    focused = review.focusWidget() or review
    qtbot.keyClick(focused, pressed, modifiers)  # type: ignore[arg-type]


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    table.scrollTo(table.model().index(row, 1))
    place = table.visualRect(table.model().index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=place)


def model_marks(review: ReviewWindow) -> list[tuple[str, bool]]:
    """The model lane's marks: their text, and whether bold (over the current place)."""
    marks = []
    for selection in review.lanes.lanes[MODEL_LANE].extraSelections():
        found: QTextCharFormat = selection.format  # type: ignore[attr-defined]
        assert found.background().color().name() == LOOKS["model"].colour
        text = selection.cursor.selectedText()  # type: ignore[attr-defined]
        marks.append((text, found.fontWeight() == QFont.Weight.Bold))
    return marks


def gold(project: Project, document: str) -> list[tuple[str, str]]:
    return [
        (s.label, TEXT[s.start : s.end])
        for s in project.spans.for_document(document, GOLD_ANNOTATOR)
    ]


def test_the_reviewer_walks_the_places_and_decides_an_error_from_there(
    qtbot: QtBot, project: Project
) -> None:
    first, _ = three_analysts_and_a_model(project)
    review = open_review(qtbot, project)
    assert headers(review.documents)[-1] == "◇"  # as the legend marks a model's suggestion
    assert review.documents_model.headerData(4, Qt.Orientation.Horizontal, TIP) == (
        "Second look: places where a trained model disagrees with the analysts (possible"
        " misses and errors)"
    )
    assert [row[0::4] for row in rows_of(review.documents)] == [("سد الوالة", "4"), ("الوصول", "1")]
    tip = review.documents_model.index(0, 4).data(TIP)
    assert tip == "Possible misses: 2; possible errors: 2"
    assert tab_titles(review) == ["Items", "Second look: 4"]
    assert review.tabs.tabBar().isVisible()
    assert review.lanes.titles[MODEL_LANE] == "Model"
    assert not review.lanes.lanes[MODEL_LANE].isVisible()  # shown on a second look

    key(qtbot, review, Qt.Key.Key_F7)  # to the first place: a miss nobody marked
    assert review.tabs.currentWidget() is review.second_look
    assert rows_of(review.second_look) == PLACES
    assert review.second_look.currentIndex().row() == 0
    assert review.message.text() == "A possible miss: no analyst marked it, no item holds it"
    assert review.items.currentIndex().row() == -1
    assert review.lanes.lanes[MODEL_LANE].isVisible()
    assert ("الأردني", True) in model_marks(review)
    assert ("خالد العمري", False) in model_marks(review)
    key(qtbot, review, Qt.Key.Key_1)  # no item: nothing is decided
    assert gold(project, first) == []

    key(qtbot, review, Qt.Key.Key_F7)  # huda's shorter name of the company
    item = review.current_item()
    assert item is not None and (item.state, TEXT[item.start : item.end]) == (
        "boundaries",
        "شركة الرافدين للمقاولات",
    )
    assert ("شركة الرافدين للمقاولات", True) in model_marks(review)
    key(qtbot, review, Qt.Key.Key_1)  # ali's version, as the model reads it
    assert gold(project, first) == [("ORG", "شركة الرافدين للمقاولات")]
    assert review.message.text() == "Saved: Accept ali's version"

    click_row(qtbot, review.second_look, 2)  # omar's ORG where the model reads LOC
    item = review.current_item()
    assert item is not None and (item.state, TEXT[item.start : item.end]) == (
        "label",
        "سد الوالة",
    )
    assert ("سد الوالة", True) in model_marks(review)
    key(qtbot, review, Qt.Key.Key_2)  # huda's LOC
    assert gold(project, first) == [
        ("ORG", "شركة الرافدين للمقاولات"),
        ("LOC", "سد الوالة"),
    ]
    assert review.progress.text().startswith("Resolved 2 / ")

    key(qtbot, review, Qt.Key.Key_F7, SHIFT)  # back to the company
    assert review.second_look.currentIndex().row() == 1
    key(qtbot, review, Qt.Key.Key_F7)
    key(qtbot, review, Qt.Key.Key_F7)
    assert review.second_look.currentIndex().row() == 3  # the miss huda and omar rejected
    assert rows_of(review.second_look)[3][-1] == "rejected by huda, omar"
    key(qtbot, review, Qt.Key.Key_F7)
    assert review.second_look.currentIndex().row() == 0  # round again
    key(qtbot, review, Qt.Key.Key_F8)  # the next disagreement, in the list of items
    assert review.tabs.currentWidget() is review.items
    assert review.current_item() is not None
    assert not review.lanes.lanes[MODEL_LANE].isVisible()

    click_row(qtbot, review.documents, 1)  # the other document
    assert tab_titles(review) == ["Items", "Second look: 1"]
    assert rows_of(review.second_look) == [("possible miss", "بيروت", "—", "—", "GPE", "0.90", "")]
    described = [text for _, text in key_help(qtbot, review)]
    assert "Next place for a second look (a model disagrees)" in described


def test_without_a_models_suggestions_the_window_is_as_before(
    qtbot: QtBot, project: Project
) -> None:
    three_analysts_and_a_model(project)
    with project.store.write() as conn:
        conn.execute("DELETE FROM suggestions")
    review = open_review(qtbot, project)
    assert headers(review.documents) == ["Title", "Disagreements", "Left to decide", "To accept"]
    assert tab_titles(review) == ["Items"] and not review.tabs.tabBar().isVisible()
    assert not review.second_look.isVisible()  # not drawn over the window's corner
    assert MODEL_LANE not in review.lanes.lanes
    key(qtbot, review, Qt.Key.Key_F7)
    assert review.message.text() == "No place for a second look in this document"
    assert review.tabs.currentWidget() is review.items


def test_the_second_look_is_arabic(
    qtbot: QtBot, project: Project, in_arabic: None, tmp_path: Path
) -> None:
    three_analysts_and_a_model(project)
    review = open_review(qtbot, project)
    key(qtbot, review, Qt.Key.Key_F7)
    key(qtbot, review, Qt.Key.Key_F7)
    assert tab_titles(review) == ["العناصر", "نظرة ثانية: 4"]
    assert headers(review.second_look) == [
        "الموضع",
        "النص",
        "المحلل",
        "الوسم",
        "النموذج",
        "درجة الثقة",
        "الاقتراح",
    ]
    assert rows_of(review.second_look)[1] == (
        "خطأ محتمل: حدود أخرى",
        "الرافدين للمقاولات",
        "huda",
        "منظمة",
        "منظمة: شركة الرافدين للمقاولات",
        "0.90",
        "",
    )
    assert rows_of(review.second_look)[3][::6] == ("سهو محتمل", "رفضه huda، omar")
    assert review.documents_model.headerData(4, Qt.Orientation.Horizontal, TIP) == (
        "نظرة ثانية: مواضع يخالف فيها نموذج مدرَّب المحللين (السهو والأخطاء المحتملة)"
    )
    tip = review.documents_model.index(0, 4).data(TIP)
    assert tip == "السهو المحتمل: 2؛ الأخطاء المحتملة: 2"
    assert review.lanes.names[MODEL_LANE].text() == "\u200fالنموذج"
    key(qtbot, review, Qt.Key.Key_F7, SHIFT)
    assert review.message.text() == "سهو محتمل: لم يسِمه أي محلل، فلا عنصر يضمه"
    seen = shown_texts(review, project.path.name) + [a.text() for a in review.actions()]
    seen += headers(review.second_look) + cells(review.second_look) + headers(review.documents)
    seen += [text for _, text in key_help(qtbot, review)]
    assert "الموضع التالي لنظرة ثانية (يخالف فيه النموذج)" in seen
    assert in_latin(seen) == []
    review.grab().save(str(tmp_path / "second-look-ar.png"))


def test_the_suggestion_column_names_every_analysts_decision(qtbot: QtBot) -> None:
    stamp = "2025-01-01T00:00:00+00:00"
    decisions = (
        Decision("ali", "accepted", "s1", stamp),
        Decision("huda", "rejected", "", stamp),
        Decision("omar", "rejected", "", stamp),
    )
    suggestion = Suggestion("g", "d", "DATE", 0, 3, {}, "model:news", 0.9, decisions)
    place = Place("d", 1, "miss", 0, 3, "DATE", "", "", "أمس", suggestion)
    assert decision_words(place) == "rejected by huda, omar; accepted by ali"
    assert decision_words(place._replace(suggestion=suggestion._replace(decisions=()))) == ""
