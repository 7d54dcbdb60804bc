"""The reader under the mouse and keyboard: hover, click, zoom, changes, quote speakers."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from annotate.annotated_text import CHUNK_SIZE
from annotate.project import Project
from gui.app import application
from gui.gutter import NOTES_SEPARATOR, line_notes, note_rows, speaker_note, starting_notes
from gui.main_window import MainWindow
from gui.paragraphs import GlyphKeeper
from gui.reader import DEFAULT_POINT_SIZE, ReaderView
from gui.span_paint import SELECTED_DARKNESS
from tests.gui.layout_geometry import colours_in, glyph_boxes
from tests.gui.reader_fixtures import OpenDocument, open_document

TEXT = (
    "وقالت وزيرة المياه الأردنية، ليلى الخطيب، في مؤتمر صحفي: “لم يعد الجفاف أزمة عابرة، "
    "بل صار واقعًا نعيشه كل صيف.”\nوأكد سامي بن عاشور أن الخطة ستنجح."
)
QUOTE = "“لم يعد الجفاف أزمة عابرة، بل صار واقعًا نعيشه كل صيف.”"
ORANGE = "#f4a261"


@pytest.fixture
def doc(qtbot: QtBot, project: Project) -> OpenDocument:
    opened = open_document(qtbot, project, TEXT)
    start, end = opened.offsets(QUOTE)
    changes = project.spans.add(opened.uid, "ali", "QUOTE", start, end, {"kind": "direct"})
    opened.reader.apply(project, changes)
    opened.spans["quote"] = changes.spans_added[0]
    opened.add("leila", "PERSON", "ليلى الخطيب")
    opened.add("title", "TITLE", "وزيرة المياه الأردنية")
    opened.add("country", "GPE", "الأردنية")
    opened.link("SPEAKER", "quote", "leila")
    opened.grab()
    return opened


def hover(qtbot: QtBot, doc: OpenDocument, words: str) -> None:
    """Rest the mouse on words in an active window, where Qt shows tooltips."""
    window = doc.reader.window()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.mouseMove(doc.reader.viewport(), centre_of(doc, words))


def three_chunks(sentence: str) -> str:
    """A document long enough to be read in three chunks."""
    return sentence * (3 * CHUNK_SIZE // len(sentence))


def centre_of(doc: OpenDocument, words: str) -> QPoint:
    boxes = glyph_boxes(doc.reader, *doc.offsets(words))
    return boxes[len(boxes) // 2].center().toPoint()


def test_hovering_a_span_shows_label_annotator_attributes_and_speaker(
    qtbot: QtBot, doc: OpenDocument
) -> None:
    hover(qtbot, doc, "ليلى الخطيب")
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "PERSON" in QToolTip.text())
    assert "annotator: ali" in QToolTip.text()
    assert "ليلى الخطيب" not in QToolTip.text()  # a person's tip has no links
    hover(qtbot, doc, "الجفاف أزمة")
    qtbot.waitUntil(lambda: "QUOTE" in QToolTip.text())
    assert "SPEAKER: ليلى الخطيب" in QToolTip.text()
    assert "kind: direct" in QToolTip.text()


def test_tooltip_escapes_markup_from_the_document(qtbot: QtBot, project: Project) -> None:
    text = "قال <b>الوزير</b> إن <img src=x> الخطة جاهزة."
    opened = open_document(qtbot, project, text)
    opened.add("who", "PERSON", "<b>الوزير</b>")
    opened.add("quote", "QUOTE", "<img src=x> الخطة جاهزة")
    opened.link("SPEAKER", "quote", "who")
    opened.grab()
    hover(qtbot, opened, "الخطة جاهزة")
    qtbot.waitUntil(lambda: "QUOTE" in QToolTip.text())
    assert "&lt;b&gt;الوزير&lt;/b&gt;" in QToolTip.text()


def test_clicking_a_span_selects_it_and_clicking_again_selects_the_span_around_it(
    qtbot: QtBot, doc: OpenDocument
) -> None:
    viewport = doc.reader.viewport()
    with qtbot.waitSignal(doc.reader.span_selected) as selected:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre_of(doc, "الأردنية"))
    assert selected.args == [doc.spans["country"]]
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre_of(doc, "الأردنية"))
    assert doc.reader.selected_span == doc.spans["title"]
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre_of(doc, "مؤتمر"))
    assert doc.reader.selected_span is None


def test_a_quote_shows_its_speaker_beside_its_first_line(qtbot: QtBot, doc: OpenDocument) -> None:
    annotated = doc.reader.annotated
    assert annotated is not None
    assert speaker_note(annotated, doc.spans["quote"]) == "ليلى الخطيب"
    image = doc.reader.grab().toImage()
    gutter_left = doc.reader.viewport().geometry().right() + 1
    boxes = glyph_boxes(doc.reader, *doc.offsets("“لم"))
    line_top, line_bottom = int(boxes[0].top()) + 1, int(boxes[0].bottom()) - 1
    gutter = [
        QColor(image.pixel(x, y))
        for x in range(gutter_left, image.width())
        for y in range(line_top, line_bottom)
    ]
    assert QColor("#a8dadc") in gutter, "no quote bar beside the quote"
    assert sum(colour.lightness() < 120 for colour in gutter) > 30, "no speaker name written"
    first_line = doc.reader.document().firstBlock()
    below = int(doc.reader.block_top(first_line.next())) + 5
    text_free = [QColor(image.pixel(x, below)) for x in range(gutter_left, image.width())]
    assert QColor("#a8dadc") not in text_free, "a bar beside a paragraph with no quote"


def test_adding_and_removing_a_span_redraws_it(qtbot: QtBot, doc: OpenDocument) -> None:
    uid = doc.add("sami", "PERSON", "سامي بن عاشور")
    image = doc.grab()
    for box in glyph_boxes(doc.reader, *doc.offsets("سامي بن عاشور")):
        assert ORANGE in colours_in(image, box)
    changes = doc.project.spans.remove(uid)
    doc.reader.apply(doc.project, changes)
    image = doc.grab()
    for box in glyph_boxes(doc.reader, *doc.offsets("سامي بن عاشور")):
        assert ORANGE not in colours_in(image, box)


def test_removing_the_speaker_removes_the_name_beside_the_quote(doc: OpenDocument) -> None:
    room = doc.reader.gutter_geometry(0).name_width
    wrapped = doc.reader.viewport().width()
    changes = doc.project.spans.remove(doc.spans["leila"])
    doc.reader.apply(doc.project, changes)
    annotated = doc.reader.annotated
    assert annotated is not None
    assert speaker_note(annotated, doc.spans["quote"]) == ""
    gutter_left = doc.reader.viewport().geometry().right() + 1
    gutter_right = gutter_left + round(doc.reader.gutter_geometry(0).width)
    view = doc.reader.viewport().geometry()
    image = doc.reader.grab().toImage()
    names = [
        QColor(image.pixel(x, y))
        for x in range(gutter_left, gutter_right)
        for y in range(view.top(), view.bottom())
    ]
    assert not any(colour.lightness() < 120 for colour in names), "a name is still written"
    # The room stays while the document is shown, so the text does not wrap anew.
    assert doc.reader.gutter_geometry(0).name_width == room
    assert doc.reader.viewport().width() == wrapped


def test_selecting_another_span_takes_the_emphasis_off_the_first(
    qtbot: QtBot, doc: OpenDocument
) -> None:
    emphasis = QColor(ORANGE).darker(SELECTED_DARKNESS).name()

    def share_of_emphasis(image: QImage) -> float:
        colours = [
            colour
            for box in glyph_boxes(doc.reader, *doc.offsets("ليلى الخطيب"))
            for colour in colours_in(image, box)
        ]
        return colours.count(emphasis) / len(colours)

    doc.reader.select_span(doc.spans["leila"])
    assert share_of_emphasis(doc.grab()) > 0.4
    doc.reader.select_span(doc.spans["country"])
    assert share_of_emphasis(doc.grab()) < 0.1  # only the edges of letters, blended


def test_two_quotes_on_one_line_show_both_speakers(qtbot: QtBot, project: Project) -> None:
    opened = open_document(qtbot, project, "قال أحمد “نعم” ورد سامي “لا” ثم انصرفا.")
    opened.add("q1", "QUOTE", "“نعم”")
    opened.add("q2", "QUOTE", "“لا”")
    opened.add("ahmad", "PERSON", "أحمد")
    opened.add("sami", "PERSON", "سامي")
    opened.link("SPEAKER", "q1", "ahmad")
    opened.link("SPEAKER", "q2", "sami")
    annotated = opened.reader.annotated
    assert annotated is not None
    notes = line_notes(annotated, annotated.passages(), 0, len(opened.text))
    assert notes == "أحمد" + NOTES_SEPARATOR + "سامي"


def test_a_quote_bar_runs_through_an_empty_line(qtbot: QtBot, project: Project) -> None:
    text = "قال الوزير:\n“الخطة جاهزة.\n\nوسنبدأ غدا.”\nانتهى."
    opened = open_document(qtbot, project, text)
    opened.add("quote", "QUOTE", "“الخطة جاهزة.\n\nوسنبدأ غدا.”")
    image = opened.reader.grab().toImage()
    gutter_left = opened.reader.viewport().geometry().right() + 1
    empty = opened.reader.document().findBlockByNumber(2)
    y = int(opened.reader.block_top(empty) + empty.layout().lineAt(0).height() / 2)
    row = [QColor(image.pixel(x, y)) for x in range(gutter_left, image.width())]
    assert QColor("#a8dadc") in row
    after = opened.reader.document().findBlockByNumber(4)
    y = int(opened.reader.block_top(after) + after.layout().lineAt(0).height() / 2)
    row = [QColor(image.pixel(x, y)) for x in range(gutter_left, image.width())]
    assert QColor("#a8dadc") not in row


def test_lines_are_generously_spaced(doc: OpenDocument) -> None:
    line = doc.reader.document().firstBlock().layout().lineAt(0)
    assert line.height() >= 1.6 * doc.reader.fontInfo().pixelSize()


def test_switching_documents_or_closing_while_loading_is_safe(
    qtbot: QtBot, project: Project
) -> None:
    long_text = three_chunks("وقال الوزير إن الخطة جاهزة للتنفيذ.\n")
    long_uid = project.documents.add(long_text).documents_added[0]
    project.spans.add(long_uid, "ali", "PERSON", len(long_text) - 20, len(long_text) - 14)
    short_uid = project.documents.add("نص قصير عن عمّان.").documents_added[0]
    project.spans.add(short_uid, "ali", "GPE", 12, 16)
    application()
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show()
    reader.open_document(project, long_uid)
    reader.viewport().repaint()  # the first paint starts the loading
    reader.open_document(project, short_uid)
    qtbot.wait(50)
    assert reader.annotated is not None
    assert [s.label for s in reader.annotated.spans()] == ["GPE"]
    reader.open_document(project, long_uid)
    reader.viewport().repaint()
    assert reader.loading
    reader.stop_loading()
    project.close()
    qtbot.wait(50)  # a chunk read now would fail on the closed project


def test_every_paragraph_keeps_its_shaped_glyphs_soon_after_opening(
    qtbot: QtBot, project: Project
) -> None:
    def told(reader: ReaderView) -> list[bool]:
        block, kept = reader.document().firstBlock(), []
        while block.isValid():
            kept.append(block.layout().cacheEnabled())
            block = block.next()
        return kept

    many = "\n".join(f"الفقرة رقم {n} من التقرير." for n in range(1_500))
    uids = [project.documents.add(text).documents_added[0] for text in (many, many + "!")]
    application()
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show()
    for uid in uids:
        reader.open_document(project, uid)
        assert told(reader)[: GlyphKeeper.FIRST] == [True] * GlyphKeeper.FIRST
        assert not all(told(reader)), "the rest is told between events"
        qtbot.waitUntil(lambda: reader.glyph_keeper.done)
        assert all(told(reader)) and len(told(reader)) == 1_500


def test_font_size_keys_change_the_reader_and_are_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    reader = window.reader
    assert reader.point_size() == DEFAULT_POINT_SIZE
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reader.point_size() == DEFAULT_POINT_SIZE + 2
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader.point_size() == DEFAULT_POINT_SIZE + 1
    later = ReaderView()
    qtbot.addWidget(later)
    assert later.point_size() == DEFAULT_POINT_SIZE + 1
    qtbot.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader.point_size() == DEFAULT_POINT_SIZE
    reset = ReaderView()
    qtbot.addWidget(reset)
    assert reset.point_size() == DEFAULT_POINT_SIZE


def test_choosing_a_document_opens_it_blind_to_other_annotators(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.document_list
    table.setFocus()
    assert window.reader.document().toRawText().startswith("صفاقس")
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.reader.document().toRawText().startswith("عمّان")
    annotated = window.reader.annotated
    assert annotated is not None
    assert annotated.spans() == []  # ali sees only ali's spans
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(table, Qt.Key.Key_O, ctrl_shift)  # View › Show › Everyone
    assert window.reader.annotated is not None
    assert len(window.reader.annotated.spans()) == 25  # the sample's spans
    with Project.open(window.project.path) as other:
        other.spans.add(annotated.document.uid, "ali", "GPE", 0, 5)
    qtbot.keyClick(table, Qt.Key.Key_F5)
    assert window.reader.document().toRawText().startswith("عمّان")  # still this document
    assert len(window.reader.annotated.spans()) == 26
    qtbot.keyClick(table, Qt.Key.Key_M, ctrl_shift)  # View › Show › Mine
    assert [span.label for span in window.reader.annotated.spans()] == ["GPE"]


def test_a_long_document_shows_at_once_and_its_other_spans_follow(
    qtbot: QtBot, project: Project
) -> None:
    text = three_chunks("وقال الوزير إن الخطة جاهزة للتنفيذ في مطلع العام المقبل.\n")
    uid = project.documents.add(text).documents_added[0]
    last = text.rindex("الوزير")
    project.spans.add(uid, "ali", "PERSON", last, last + len("الوزير"))
    project.spans.add(uid, "ali", "PERSON", 5, 11)
    application()
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(600, 400)
    reader.show()
    reader.open_document(project, uid)
    annotated = reader.annotated
    assert annotated is not None
    assert [span.start for span in annotated.spans()] == [5]  # what the first screen needs
    assert reader.loading
    qtbot.waitUntil(lambda: not reader.loading)
    assert [span.start for span in annotated.spans()] == [5, last]
    reader.scroll_to(last)
    reader.viewport().repaint()
    image = reader.viewport().grab().toImage()
    for box in glyph_boxes(reader, last, last + len("الوزير")):
        assert ORANGE in colours_in(image, box)


def test_the_character_under_the_mouse_is_exact_on_wrapped_lines(
    qtbot: QtBot, project: Project
) -> None:
    text = "من جهته، أكد الأمين العام للمنظمة، الدكتور سامي بن عاشور، أن تمويل " * 4
    opened = open_document(qtbot, project, text.strip(), width=420)
    opened.grab()
    assert opened.reader.document().firstBlock().layout().lineCount() > 2
    for offset, char in enumerate(opened.text):
        boxes = glyph_boxes(opened.reader, offset, offset + 1)
        if boxes and not char.isspace():
            assert opened.reader.char_at(boxes[0].center().toPoint()) == offset, char


def test_speakers_of_two_quotes_on_one_line_stack_rather_than_cut_each_other_off(
    qtbot: QtBot, project: Project
) -> None:
    first, second = "سامي الحداد", "ليلى الخطيب"
    opened = open_document(qtbot, project, f"قال {first} “نعم” ورد {second} “لا” ثم انصرفا.")
    opened.add("q1", "QUOTE", "“نعم”")
    opened.add("q2", "QUOTE", "“لا”")
    opened.add("a", "PERSON", first)
    opened.add("b", "PERSON", second)
    opened.link("SPEAKER", "q1", "a")
    opened.link("SPEAKER", "q2", "b")
    annotated = opened.reader.annotated
    assert annotated is not None
    notes = starting_notes(annotated, annotated.passages(), 0, len(opened.text))
    geometry = opened.reader.gutter_geometry(0)
    metrics = QFontMetricsF(geometry.name_font)
    assert metrics.horizontalAdvance(NOTES_SEPARATOR.join(notes)) > geometry.name_width
    rows = note_rows(notes, metrics, geometry.name_width)
    assert rows == [first, second]  # one a row, each whole
    assert all(metrics.horizontalAdvance(row) <= geometry.name_width for row in rows)


def test_pages_read_leave_the_cyclic_collector_nothing_more_to_walk(
    qtbot: QtBot, project: Project
) -> None:
    """What the reader keeps of the lines it painted once made every full collection
    (one in about 25 page scrolls) walk all of them, 1-5 ms in the middle of a scroll."""
    paragraph = "قال المتحدث باسم الوزارة إن الخطة تشمل عشرين مشروعا في المنطقة. " * 6
    uid = project.documents.add("\n".join([paragraph] * 300)).documents_added[0]
    with project.transaction():  # a span on every line, whose glyphs the marks need
        for start in range(0, 300 * (len(paragraph) + 1), 60):
            project.spans.add(uid, "ali", "ORG", start + 17, start + 24)
    application()
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(800, 600)
    reader.show()
    reader.open_document(project, uid)
    qtbot.waitUntil(lambda: not reader.loading)
    bar = reader.verticalScrollBar()
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(40):  # about a thousand lines
        bar.setValue(bar.value() + bar.pageStep())
        reader.viewport().repaint()
    gc.collect()
    assert len(gc.get_objects()) - before < 100
