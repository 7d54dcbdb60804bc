"""Exact gestures: what the mouse goes over is what is stored, at every window width.

Drags, shift-clicks and double-clicks go over every word of the seed article and of a
mixed Arabic/Latin/digit text of ours, at a narrow, the default and a wide window, with
points taken from the glyphs Qt drew; each selection is then stored in exact mode
(Shift+label) and read back from the database. Every test runs in the English window and
in the mirrored Arabic one (docks on the other side, the reader elsewhere on screen).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from annotate.tokens import tokenise
from annotate.words import is_word_char
from gui.i18n import is_arabic
from gui.layers import EVERYONE
from gui.main_window import MainWindow
from tests.gui.layout_geometry import glyph_boxes, reading_edges
from tests.helpers import shared_corpus

SEED = shared_corpus("seed", "article.txt")
MIXED = (
    "قال مستشار الأمن في شركة Microsoft، جون سميث، إن الشركة سيرسل 3.5 مليار دولار "
    "إلى المنطقة خلال 2026، وإن الاتفاق لا يزال قائمًا 👍🏽 رغم الخلاف الذي ظهر بين "
    "الأطراف في الاجتماع الأخير حول جدول التنفيذ وتوزيع المسؤوليات على اللجان الفنية "
    "والمالية، وهو ما دفع المراقبين إلى التشكيك في قدرة الشركاء على الالتزام بالموعد.\n"
    "The board met in Cairo on Monday and approved the plan; "
    "وزير الاقتصاد أكّد أن النمو بلغ ١٥٫٥ بالمئة في الربع الأول.\n"
    "وأضاف ACME‎ و‌المنظمة 🌍 أن «لا تراجع عن الخطة» قبل 1,000 يوم من الآن، "
    "ثم غادر القاعة دون أن يجيب عن أسئلة الصحفيين."
)
WIDTHS = {"narrow": 900, "default": 1280, "wide": 1900}
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(window_in_each_language: MainWindow) -> MainWindow:
    """Each test in the English window and in the mirrored Arabic one."""
    return window_in_each_language


def says(window: MainWindow, words: str, exactly: bool = False) -> bool:
    """Whether the status bar says so of the last step, in the English window; the Arabic
    window's words are checked by the Arabic interface tests."""
    text = window.saved_label.text()
    return is_arabic() or (text == words if exactly else text.startswith(words))


def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the seed article is not in ../shared/corpora/seed")
    return SEED.read_text(encoding="utf-8")


def words_of(text: str) -> list[tuple[int, int]]:
    """The word tokens of a text, as the exports cut it."""
    return [(t.start, t.end) for t in tokenise(text) if is_word_char(text[t.start])]


class Reading:
    """The main window on a document of its own, for the analyst "ali"."""

    def __init__(
        self, qtbot: QtBot, window: MainWindow, text: str, width: int, uid: str | None = None
    ) -> None:
        """The text added as a document, or the document ``uid`` already there."""
        self.qtbot, self.window, self.reader = qtbot, window, window.reader
        window.resize(width, 800)
        uid = uid or window.project.documents.add(text).documents_added[0]
        window.refresh()
        window.open_document(uid)
        self.uid, self.text = uid, window.project.documents.get(uid).text
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        self.reader.setFocus()

    def edges(self, start: int, end: int) -> tuple[QPoint, QPoint]:
        QApplication.processEvents()  # the window's layout settles as a person sees it
        self.reader.scroll_to(start)
        self.reader.viewport().repaint()
        return reading_edges(self.reader, start, end)

    def drag(self, start: int, end: int) -> None:
        begin, finish = self.edges(start, end)
        viewport = self.reader.viewport()
        self.qtbot.mousePress(viewport, LEFT, pos=begin)
        self.qtbot.mouseMove(viewport, (begin + finish) / 2)
        self.qtbot.mouseMove(viewport, finish)
        self.qtbot.mouseRelease(viewport, LEFT, pos=finish)

    def shift_click(self, start: int, end: int) -> None:
        begin, finish = self.edges(start, end)
        viewport = self.reader.viewport()
        self.qtbot.mouseClick(viewport, LEFT, pos=begin)
        self.qtbot.mouseClick(viewport, LEFT, SHIFT, pos=finish)

    def double_click(self, start: int, end: int) -> None:
        self.edges(start, end)  # into view
        boxes = glyph_boxes(self.reader, start, end)
        middle = boxes[len(boxes) // 2].center().toPoint()
        self.qtbot.mouseDClick(self.reader.viewport(), LEFT, pos=middle)
        # QTest's double-click leaves its button down; a real mouse lets it go.
        self.qtbot.mouseRelease(self.reader.viewport(), LEFT, pos=middle)

    def wrapped(self) -> bool:
        document = self.reader.document()
        blocks = (document.findBlockByNumber(n) for n in range(document.blockCount()))
        return any(block.layout().lineCount() > 1 for block in blocks)

    def selected(self) -> tuple[str | None, str | None]:
        """The span selected in the reader, and the one whose row the panel marks."""
        panel = self.window.annotations
        rows = panel.selectionModel().selectedRows()
        marked = panel.spans.span_at(rows[0].row()).uid if rows else None
        return self.reader.selected_span, marked

    def stored(self) -> set[tuple[int, int]]:
        spans = self.window.project.spans.for_document(self.uid, "ali")
        return {(span.start, span.end) for span in spans}


def wrong(reading: Reading, words: list[tuple[int, int]], gesture: str) -> list[str]:
    """Make each word a PERSON in exact mode by one gesture; the words that came out
    otherwise, as "word -> selected"."""
    misses = []
    for start, end in words:
        getattr(reading, gesture)(start, end)
        selected = reading.reader.selected_range()
        if selected != (start, end):
            got = reading.text[selected[0] : selected[1]] if selected else None
            misses.append(f"{reading.text[start:end]!r} -> {got!r}")
            continue
        reading.qtbot.keyClick(reading.reader, Qt.Key.Key_P, SHIFT)
    return misses


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("which", ["seed", "mixed"])
def test_dragging_over_any_word_stores_exactly_that_word(
    qtbot: QtBot, window: MainWindow, width: int, which: str
) -> None:
    reading = Reading(qtbot, window, seed_text() if which == "seed" else MIXED, width)
    words = words_of(reading.text)
    misses = wrong(reading, words, "drag")
    assert not misses, f"{len(misses)} of {len(words)} words: {misses[:10]}"
    assert reading.stored() == set(words)
    assert reading.wrapped(), "no paragraph wraps: the test would miss wrapped lines"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("which", ["seed", "mixed"])
@pytest.mark.parametrize("gesture", ["shift_click", "double_click"])
def test_shift_click_and_double_click_select_exactly_the_word(
    qtbot: QtBot, window: MainWindow, width: int, which: str, gesture: str
) -> None:
    reading = Reading(qtbot, window, seed_text() if which == "seed" else MIXED, width)
    words = words_of(reading.text)
    misses = wrong(reading, words, gesture)
    assert not misses, f"{len(misses)} of {len(words)} words: {misses[:10]}"
    assert reading.stored() == set(words)


LABEL_KEYS = {"PERSON": Qt.Key.Key_P, "ORG": Qt.Key.Key_O, "GPE": Qt.Key.Key_G}
OTHERS = ("sara", "omar")


class Annotated(Reading):
    """The seed article with 24 spans of ali's and 24 of two other analysts, all shown."""

    def __init__(self, qtbot: QtBot, window: MainWindow, width: int) -> None:
        super().__init__(qtbot, window, seed_text(), width)
        project, labels = window.project, list(LABEL_KEYS)
        words = words_of(self.text)
        for number, (start, end) in enumerate(words[3::16][:24]):
            project.spans.add(self.uid, "ali", labels[number % 3], start, end)
        for number, (start, end) in enumerate(words[5::16][:24]):
            project.spans.add(self.uid, OTHERS[number % 2], labels[number % 3], start, end)
        window.layers.choose(EVERYONE)  # everyone's spans, in the reader and the panel
        self.reader.setFocus()

    def state(self) -> dict[str, tuple[str, str, int, int]]:
        """Every span of the document: uid -> (annotator, label, start, end)."""
        spans = self.window.project.spans.for_document(self.uid)
        return {s.uid: (s.annotator, s.label, s.start, s.end) for s in spans}

    def span_on(self, annotator: str, label: str, start: int, end: int) -> str:
        """The uid of the annotator's span there, added unless it is there already."""
        for span in self.window.project.spans.for_document(self.uid, annotator):
            if (span.label, span.start, span.end) == (label, start, end):
                return span.uid
        return self.window.project.spans.add(self.uid, annotator, label, start, end).spans_added[0]

    def click_span(self, uid: str) -> None:
        _, _, start, end = self.state()[uid]
        self.edges(start, end)  # into view
        boxes = glyph_boxes(self.reader, start, end)
        middle = boxes[len(boxes) // 2].center().toPoint()
        self.qtbot.mouseClick(self.reader.viewport(), LEFT, pos=middle)

    def key(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.reader, key, modifiers)


@pytest.mark.parametrize("panel", ["panel shown", "panel hidden"])
def test_edits_act_on_the_chosen_span_and_keep_it_selected(
    qtbot: QtBot, window: MainWindow, panel: str
) -> None:
    reading = Annotated(qtbot, window, WIDTHS["default"])
    dock = window.annotations.parentWidget()
    dock.setVisible(panel == "panel shown")
    expected = reading.state()
    own = [
        uid
        for uid, (annotator, *_) in sorted(expected.items(), key=lambda i: i[1][3])
        if annotator == "ali"
    ]
    assert len(own) == 24 and len(expected) == 48
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier

    def check(chosen: str | None) -> None:
        assert reading.state() == expected
        assert reading.selected() == (chosen, chosen)

    for uid in (own[1], own[11], own[22]):
        reading.click_span(uid)
        check(uid)
        annotator, label, start, end = expected[uid]
        new_label = next(other for other in LABEL_KEYS if other != label)
        reading.key(LABEL_KEYS[new_label])  # relabel
        expected[uid] = (annotator, new_label, start, end)
        check(uid)
        reading.key(Qt.Key.Key_End, alt)  # grow by a character
        expected[uid] = (annotator, new_label, start, end + 1)
        check(uid)
        reading.key(Qt.Key.Key_Z, ctrl)
        expected[uid] = (annotator, new_label, start, end)
        check(uid)
        assert says(window, f"Undid: Grow {new_label} at its end ")
        reading.key(Qt.Key.Key_Z, ctrl | SHIFT)
        expected[uid] = (annotator, new_label, start, end + 1)
        check(uid)
        assert says(window, f"Redid: Grow {new_label} at its end ")
        reading.key(Qt.Key.Key_Delete)
        removed = expected.pop(uid)
        check(None)
        reading.key(Qt.Key.Key_Z, ctrl)  # it comes back, selected
        expected[uid] = removed
        check(uid)
        assert says(window, f"Undid: Delete {new_label} ")
        reading.key(Qt.Key.Key_Z, ctrl | SHIFT)
        expected.pop(uid)
        check(None)


def test_a_pending_link_ends_at_any_click_off_a_target_escape_or_another_command(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Annotated(qtbot, window, WIDTHS["default"])
    project, text, uid = window.project, reading.text, reading.uid
    said = "“مستعد لفرض ضرائب، ورسوم جمركية، وعقوبات”"
    start = text.index(said)
    quote = project.spans.add(uid, "ali", "QUOTE", start, start + len(said)).spans_added[0]
    trump, putin = text.index("ترامب", start - 12), text.index("بوتين", start)
    person = reading.span_on("ali", "PERSON", trump, trump + 5)
    theirs = reading.span_on("sara", "PERSON", putin, putin + 5)
    window.reopen()
    alt = Qt.KeyboardModifier.AltModifier
    viewport = reading.reader.viewport()

    def links() -> list[tuple[str, str, str]]:
        return [(r.label, r.head, r.tail) for r in project.relations.for_document(uid)]

    def start_linking() -> None:
        reading.click_span(quote)
        assert reading.reader.selected_span == quote
        reading.key(Qt.Key.Key_S, alt)
        assert window.annotating.link.active
        assert ("المتحدث" if is_arabic() else "SPEAKER") in reading.reader.banner()
        assert viewport.cursor().shape() == Qt.CursorShape.CrossCursor

    def assert_not_linking() -> None:
        assert not window.annotating.link.active
        assert reading.reader.banner() == ""
        assert viewport.cursor().shape() != Qt.CursorShape.CrossCursor

    start_linking()
    plain = text.index("موسكو")
    reading.qtbot.mouseClick(viewport, LEFT, pos=reading.edges(plain, plain + 5)[0])
    assert_not_linking()
    reading.drag(plain, plain + 5)
    reading.key(Qt.Key.Key_G)  # a new span, and no link to it
    assert reading.reader.selected_span is not None
    assert project.spans.get(reading.reader.selected_span).label == "GPE"
    assert links() == []

    for cancel in (
        lambda: reading.key(Qt.Key.Key_Escape),
        lambda: reading.key(Qt.Key.Key_Space),  # any other command
        lambda: window.document_list.selectRow(0),  # another document
        lambda: reading.click_span(theirs),  # sara's span cannot be ali's speaker
    ):
        window.open_document(uid)
        start_linking()
        cancel()
        assert_not_linking()
        window.open_document(uid)
        reading.reader.select_span(None)
        reading.click_span(person)
        assert links() == []

    start_linking()
    reading.click_span(person)  # a click on a target makes the link
    assert links() == [("SPEAKER", quote, person)]
    assert_not_linking()
    assert reading.reader.selected_span == quote


def test_a_drag_from_inside_a_number_keeps_it_and_a_press_in_a_selection_starts_anew(
    qtbot: QtBot, window: MainWindow
) -> None:
    text = "قالت الوزارة إن الحكومة سيرسل 3.5 مليار دولار إلى المنطقة قبل نهاية العام."
    reading = Reading(qtbot, window, text, WIDTHS["default"])
    reader, viewport = reading.reader, reading.reader.viewport()
    three, billion, dollar = text.index("3.5"), text.index("مليار"), text.index("دولار")
    reading.edges(three, dollar + 5)  # into view
    middle_of_three = glyph_boxes(reader, three, three + 1)[0].center().toPoint()
    end_of_dollar = reading_edges(reader, dollar, dollar + 5)[1]
    qtbot.mousePress(viewport, LEFT, pos=middle_of_three)
    qtbot.mouseMove(viewport, end_of_dollar)
    qtbot.mouseRelease(viewport, LEFT, pos=end_of_dollar)
    selected = reader.selected_range()
    assert selected is not None and selected[1] == dollar + 5
    assert selected[0] in (three, three + 1)  # before or after the 3, by the pixel

    start_of_billion = reading_edges(reader, billion, billion + 5)[0]  # inside the selection
    qtbot.mousePress(viewport, LEFT, pos=start_of_billion)
    qtbot.mouseMove(viewport, end_of_dollar)
    qtbot.mouseRelease(viewport, LEFT, pos=end_of_dollar)
    assert reader.selected_range() == (billion, dollar + 5)  # a new selection, no drag-and-drop

    reading.drag(three, three + 3)
    qtbot.mousePress(viewport, LEFT, pos=middle_of_three)
    qtbot.mouseMove(viewport, end_of_dollar)
    qtbot.mouseRelease(viewport, LEFT, pos=end_of_dollar)
    qtbot.keyClick(reader, Qt.Key.Key_N)  # snapped: the whole number, whatever half was pressed
    assert reading.stored() == {(three, dollar + 5)}


def test_dragging_a_selected_spans_edge_moves_it_to_the_letter_dropped_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    reading = Annotated(qtbot, window, WIDTHS["narrow"])
    expected = reading.state()
    own = sorted(
        (uid for uid, state in expected.items() if state[0] == "ali"),
        key=lambda uid: expected[uid][2],
    )
    words = words_of(reading.text)
    viewport = reading.reader.viewport()

    def centre_of_letter(offset: int) -> QPoint:
        return glyph_boxes(reading.reader, offset, offset + 1)[0].center().toPoint()

    for uid in (own[2], own[12], own[20]):
        annotator, label, start, end = expected[uid]
        following = next(word for word in words if word[0] > end)
        reading.click_span(uid)
        grab, drop = centre_of_letter(end - 1), centre_of_letter(following[1] - 1)
        qtbot.mousePress(viewport, LEFT, pos=grab)
        qtbot.mouseMove(viewport, (grab + drop) / 2)
        qtbot.mouseMove(viewport, drop)
        qtbot.mouseRelease(viewport, LEFT, pos=drop)
        expected[uid] = (annotator, label, start, following[1])
        assert reading.state() == expected
        assert reading.selected() == (uid, uid)
        grab, drop = centre_of_letter(start), centre_of_letter(following[0])
        qtbot.mousePress(viewport, LEFT, pos=grab)
        qtbot.mouseMove(viewport, (grab + drop) / 2)
        qtbot.mouseMove(viewport, drop)
        qtbot.mouseRelease(viewport, LEFT, pos=drop)
        expected[uid] = (annotator, label, following[0], following[1])
        assert reading.state() == expected
        assert reading.selected() == (uid, uid)


# Words of the seed article dragged over whole, and what an entity made of each keeps:
# names that begin with و ف ب ل ك keep every letter; a real proclitic is left out.
SEED_ENTITIES = {
    "والتز": "والتز",
    "فلاديمير": "فلاديمير",
    "بوتين": "بوتين",
    "كييف": "كييف",
    "واشنطن": "واشنطن",
    "فانس": "فانس",
    "باريس": "باريس",
    "فولوديمير": "فولوديمير",
    "كيث": "كيث",
    "كيلوغ": "كيلوغ",
    "بروكسل": "بروكسل",
    "وزير": "وزير",
    "ونظيره": "نظيره",
    "وروسيا": "روسيا",
    "لأوكرانيا": "أوكرانيا",
    "وبوتين": "بوتين",
    "ووزير": "وزير",
    "لمجموعة": "مجموعة",
    "بالدفاع": "الدفاع",
}


def others_spans(reading: Reading, every: int = 9) -> int:
    """Spans of two other annotators on every ninth word, shown beside the analyst's."""
    words = words_of(reading.text)
    spans = reading.window.project.spans
    for number, (start, end) in enumerate(words[::every]):
        spans.add(reading.uid, ("sara", "omar")[number % 2], "ORG", start, end)
    reading.window.layers.choose(EVERYONE)
    return len(words[::every])


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("docks", ["shown", "hidden"])
def test_a_dragged_name_keeps_its_letters_and_a_proclitic_is_left_out(
    qtbot: QtBot, window: MainWindow, width: int, docks: str
) -> None:
    reading = Reading(qtbot, window, seed_text(), width)
    assert others_spans(reading) >= 20
    for dock in window.findChildren(QDockWidget):
        dock.setVisible(docks == "shown")
    stored = {}
    for word, kept in SEED_ENTITIES.items():
        start = next(
            t.start for t in tokenise(reading.text) if reading.text[t.start : t.end] == word
        )
        reading.drag(start, start + len(word))
        assert reading.reader.selected_range() == (start, start + len(word))
        reading.qtbot.keyClick(reading.reader, Qt.Key.Key_P)
        (span,) = [
            s
            for s in window.project.spans.for_document(reading.uid, "ali")
            if s.start < start + len(word) and start < s.end
        ]
        stored[word] = reading.text[span.start : span.end]
        assert window.reader.selected_span == span.uid  # the span just made, not a neighbour
        left_out = word[: len(word) - len(kept)]
        message = f"PERSON ‘{kept}’ saved without ‘{left_out}’ (X puts it back)"
        assert is_arabic() or says(window, message, exactly=True) == bool(left_out)
    assert stored == SEED_ENTITIES
    reading.qtbot.keyClick(reading.reader, Qt.Key.Key_X)  # the last one: its ب back
    assert says(window, "Put ‘ب’ back on PERSON ‘الدفاع’", exactly=True)
    last = window.project.spans.get(window.reader.selected_span or "")
    assert reading.text[last.start : last.end] == "بالدفاع"
