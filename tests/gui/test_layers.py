"""The reader's layer selector: the analyst's own spans, one annotator's, gold, everyone's.

The sample's water article carries the spans of four annotators: the sample's 25, and
ali's (the analyst), sara's and gold's on words the sample left alone. Each layer is
chosen as a user does (the toolbar's combo box by keyboard, View › Show, its keys), at a
narrow and a wide window, and checked on the reader's model and on its pixels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from annotate.model import GOLD_ANNOTATOR, Span
from annotate.project import Project
from annotate.tokens import tokenise
from annotate.words import is_word_char
from gui.app import application
from gui.layer_selector import layer_title
from gui.layers import (
    EVERYONE,
    GOLD,
    LAYERS_KEY,
    MINE,
    Layer,
    annotator_layer,
    remembered_layer,
)
from gui.main_window import MainWindow
from gui.recent_projects import project_key
from gui.settings import store_rows
from gui.span_paint import label_colour
from tests.gui.layout_geometry import colours_in, glyph_boxes, reading_edges
from tests.helpers import table_checksums

WATER = 1  # the sample article on water, second in the list
WIDTHS = {"narrow": 900, "wide": 1900}
ADDED = {"ali": "PERSON", "sara": "ORG", GOLD_ANNOTATOR: "GPE"}  # label of each one's spans
SARA = annotator_layer("sara")
SAMPLE = annotator_layer("sample")
LEFT = Qt.MouseButton.LeftButton
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | SHIFT
WHITE = "#ffffff"


class Layered:
    """The main window on the water article, with spans of the sample, ali, sara and gold."""

    def __init__(self, qtbot: QtBot, window: MainWindow, width: int) -> None:
        self.qtbot, self.window, self.reader = qtbot, window, window.reader
        self.project = window.project
        window.resize(width, 800)
        window.document_list.selectRow(WATER)
        annotated = self.reader.annotated
        assert annotated is not None
        self.uid, self.text = annotated.document.uid, annotated.text
        sample = self.project.spans.for_document(self.uid, "sample")
        free = [
            (t.start, t.end)
            for t in tokenise(self.text)
            if is_word_char(self.text[t.start])
            and not any(s.start < t.end and t.start < s.end for s in sample)
        ]
        names = list(ADDED)
        for number, (start, end) in enumerate(free[::4][:24]):
            name = names[number % 3]
            self.project.spans.add(self.uid, name, ADDED[name], start, end)
        for span in sample[:6]:  # where sara agrees with the sample, on the same words
            self.project.spans.add(self.uid, "sara", span.label, span.start, span.end)
        window.refresh()  # the new annotators are offered, the new spans shown
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        self.reader.setFocus()

    def stored(self, annotator: str | None = None) -> list[Span]:
        return self.project.spans.for_document(self.uid, annotator)

    def alone(self) -> list[Span]:
        """The entity spans that share no character with any other span."""
        every = self.stored()
        return [
            span
            for span in every
            if span.label not in ("QUOTE", "CUE")
            and not any(
                other.uid != span.uid and other.start < span.end and span.start < other.end
                for other in every
            )
        ]

    def state(self) -> set[tuple[str, str, int, int]]:
        return {(s.annotator, s.label, s.start, s.end) for s in self.stored()}

    def picture_of(self, span: Span) -> tuple[QImage, list[QColor]]:
        """The reader with the span in view, and the colours under its glyphs."""
        self.reader.scroll_to(span.start)
        self.reader.viewport().repaint()
        image = self.reader.viewport().grab().toImage()
        boxes = glyph_boxes(self.reader, span.start, span.end)
        assert boxes, f"no glyphs for {span}"
        return image, [QColor(c) for box in boxes for c in colours_in(image, box)]

    def drag(self, start: int, end: int) -> None:
        """A mouse drag from where reading the character at start begins to where the one
        before end ends."""
        self.reader.scroll_to(start)
        self.reader.viewport().repaint()
        begin, finish = reading_edges(self.reader, start, end)
        self.drag_between(begin, finish)

    def drag_between(self, begin: QPoint, finish: QPoint) -> None:
        viewport = self.reader.viewport()
        self.qtbot.mousePress(viewport, LEFT, pos=begin)
        self.qtbot.mouseMove(viewport, (begin + finish) / 2)
        self.qtbot.mouseMove(viewport, finish)
        self.qtbot.mouseRelease(viewport, LEFT, pos=finish)

    def click_span(self, span: Span) -> None:
        self.reader.scroll_to(span.start)
        self.reader.viewport().repaint()
        boxes = glyph_boxes(self.reader, span.start, span.end)
        self.qtbot.mouseClick(self.reader.viewport(), LEFT, pos=boxes[0].center().toPoint())

    def key(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.reader, key, modifiers)


def expected_annotators(layer: Layer) -> set[str]:
    every = {"sample", *ADDED}
    return every if layer == EVERYONE else {layer.annotator("ali") or ""}


@pytest.fixture(params=WIDTHS.values(), ids=WIDTHS.keys())
def layered(request: pytest.FixtureRequest, qtbot: QtBot, window: MainWindow) -> Layered:
    return Layered(qtbot, window, request.param)


def test_the_selector_offers_each_layer_and_the_status_bar_says_which_is_shown(
    layered: Layered,
) -> None:
    window = layered.window
    assert window.layers.layers() == [MINE, EVERYONE, GOLD, SAMPLE, SARA]
    combo = window.layers.combo
    assert [combo.itemText(n) for n in range(combo.count())] == [
        "Mine (ali)",
        "Everyone",
        "Gold (read-only)",
        "sample (read-only)",
        "sara (read-only)",
    ]
    menu = [a.text() for a in window.layers.menu.actions() if not a.isSeparator()]
    assert menu == [
        "&Mine (ali)",
        "&Everyone",
        "&Gold (read-only)",
        "&1 sample (read-only)",
        "&2 sara (read-only)",
    ]
    assert window.layers.status.text() == "Showing your spans"
    assert window.layers.menu.menuAction() in window.menuBar().actions()[3].menu().actions()


@pytest.mark.parametrize("index", range(5))
def test_each_layer_chosen_by_keyboard_shows_exactly_its_spans(
    layered: Layered, index: int
) -> None:
    window, reader, combo = layered.window, layered.reader, layered.window.layers.combo
    combo.setFocus()
    for _ in range(index):  # down the combo box, one layer a key
        layered.qtbot.keyClick(combo, Qt.Key.Key_Down)
    layer = window.layers.layers()[index]
    assert window.layers.layer == layer and combo.currentText() == layer_title(layer, "ali")
    assert window.layers.action(layer).isChecked()
    layered.qtbot.waitUntil(lambda: not reader.loading)
    annotated = reader.annotated
    assert annotated is not None
    wanted = [s for s in layered.stored() if s.annotator in expected_annotators(layer)]
    assert len(wanted) >= (20 if layer == EVERYONE else 6)
    assert {s.uid for s in annotated.spans()} == {s.uid for s in wanted}
    assert window.annotations.spans.rowCount() == len(wanted)
    assert window.layers.status.text() == layer.described("ali")
    assert window.document_list.documents.document(WATER).span_count == len(wanted)
    marks = window.layers.marks
    for span in layered.alone():
        _, colours = layered.picture_of(span)
        names = {c.name() for c in colours}
        fill = label_colour(annotated, span.label).name()
        underline = marks[span.annotator].colour.name()
        if span.annotator in expected_annotators(layer):
            assert fill in names, f"{span} not highlighted in {layer}"
            assert (underline in names) == (layer == EVERYONE), f"{span} underline in {layer}"
        else:
            assert fill not in names and underline not in names, f"{span} shown in {layer}"
            assert WHITE in names


def test_everyone_underlines_each_annotators_spans_in_their_own_colour_and_lane(
    layered: Layered,
) -> None:
    window = layered.window
    window.layers.action(EVERYONE).trigger()  # View › Show › Everyone
    marks = window.layers.marks
    assert set(marks) == {"ali", "gold", "sample", "sara"}
    assert len({mark.colour.name() for mark in marks.values()}) == 4
    assert len({mark.lane for mark in marks.values()}) == 4
    legend = window.layers.legend
    layered.qtbot.waitUntil(legend.isVisible)  # once the toolbar is laid out
    texts = [label.text() for label in legend.findChildren(QLabel)]
    assert texts == ["▬", "ali (you)", "▬", "sample", "▬", "sara", "▬", "gold"]
    picture = {QColor(c).name() for c in colours_in(legend.grab().toImage(), QRectF(legend.rect()))}
    assert {mark.colour.name() for mark in marks.values()} <= picture
    sara, sample = ("sara", "sample")
    both = [
        s
        for s in layered.stored(sara)
        if any((o.start, o.end) == (s.start, s.end) for o in layered.stored(sample))
    ]
    assert both, "no words marked by both sara and the sample"
    for span in both:  # one word, two annotators: both underlines, one above the other
        names = {c.name() for c in layered.picture_of(span)[1]}
        assert marks[sara].colour.name() in names and marks[sample].colour.name() in names
    window.layers.action(MINE).trigger()
    layered.qtbot.waitUntil(lambda: not legend.isVisible())


def test_hovering_a_span_in_everyone_names_its_annotator(layered: Layered) -> None:
    window, qtbot = layered.window, layered.qtbot
    qtbot.keyClick(layered.reader, Qt.Key.Key_O, CTRL_SHIFT)  # View › Show › Everyone
    assert window.layers.layer == EVERYONE
    for name in ("sara", "gold", "ali"):
        span = next(s for s in layered.alone() if s.annotator == name)
        layered.picture_of(span)
        boxes = glyph_boxes(layered.reader, span.start, span.end)
        QToolTip.hideText()
        qtbot.mouseMove(layered.reader.viewport(), boxes[len(boxes) // 2].center().toPoint())
        said = f"annotator: {name}"
        qtbot.waitUntil(lambda said=said: QToolTip.isVisible() and said in QToolTip.text())
        tip = QToolTip.text()
        assert f"<b>{span.label}</b>" in tip
        assert window.layers.marks[name].colour.name() in tip  # the underline's colour


def test_a_drag_in_everyone_makes_a_span_of_the_analysts_alone_with_its_exact_offsets(
    layered: Layered,
) -> None:
    window, reader = layered.window, layered.reader
    window.layers.action(EVERYONE).trigger()
    before = layered.state()
    others = [s for s in layered.alone() if s.annotator in ("sara", "gold")]
    made = set()
    for span in others[:4]:  # over another's span and the word after it
        following = next(t for t in tokenise(layered.text) if t.start > span.end)
        start, end = span.start, following.end
        layered.drag(start, end)
        assert reader.selected_range() == (start, end)
        layered.key(Qt.Key.Key_P, SHIFT)  # exactly the characters dragged over
        made.add(("ali", "PERSON", start, end))
        assert layered.state() == before | made


def test_pressing_the_edge_of_anothers_span_selects_text_and_never_moves_it(
    layered: Layered,
) -> None:
    window, reader, qtbot = layered.window, layered.reader, layered.qtbot
    window.layers.action(EVERYONE).trigger()
    viewport = reader.viewport()
    tried = 0
    for span in layered.alone():
        if span.annotator == "ali":
            continue
        layered.click_span(span)
        assert reader.selected_span == span.uid
        following = next(t for t in tokenise(layered.text) if t.start > span.end)
        grab, drop = reading_edges(reader, span.end - 1, following.end)
        if reader.char_at(grab) != span.end - 1:
            continue  # its last letter drawn in one glyph with the one before
        tried += 1
        before = table_checksums(window.project.path)
        qtbot.mousePress(viewport, LEFT, pos=grab)  # its last letter: an own span's edge
        qtbot.mouseMove(viewport, (grab + drop) / 2)
        assert viewport.cursor().shape() == Qt.CursorShape.IBeamCursor  # not moving an edge
        qtbot.mouseMove(viewport, drop)
        qtbot.mouseRelease(viewport, LEFT, pos=drop)
        assert table_checksums(window.project.path) == before  # the span is as it was
        assert reader.selected_range() == (span.end - 1, following.end)
        layered.key(Qt.Key.Key_P, SHIFT)
        (made,) = [s for s in layered.stored("ali") if s.start == span.end - 1]
        assert (made.label, made.end) == ("PERSON", following.end)
        assert window.project.spans.get(span.uid) == span
    assert tried >= 4


@pytest.mark.parametrize("layer", [SARA, GOLD, SAMPLE], ids=["sara", "gold", "sample"])
def test_in_anothers_layer_nothing_can_be_made_or_changed(layered: Layered, layer: Layer) -> None:
    window, reader = layered.window, layered.reader
    window.layers.action(layer).trigger()  # View › Show › one of them
    before = table_checksums(window.project.path)
    word = next(t for t in tokenise(layered.text) if t.start > 300 and t.end - t.start > 3)
    layered.drag(word.start, word.end)
    layered.key(Qt.Key.Key_P)
    note = f"{layer.described('ali')}: show Mine or Everyone to annotate."
    assert window.saved_label.text() == note
    shown = next(s for s in layered.alone() if s.annotator == layer.annotator("ali"))
    layered.click_span(shown)
    assert reader.selected_span == shown.uid
    for key, modifiers in (
        (Qt.Key.Key_O, Qt.KeyboardModifier.NoModifier),  # relabel
        (Qt.Key.Key_End, Qt.KeyboardModifier.AltModifier),  # grow
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ):
        layered.key(key, modifiers)
        assert "another annotator's" in window.saved_label.text()
    assert table_checksums(window.project.path) == before


def test_undo_in_anothers_layer_shows_the_analysts_own_again(layered: Layered) -> None:
    window = layered.window
    word = next(t for t in tokenise(layered.text) if t.start > 300 and t.end - t.start > 3)
    layered.drag(word.start, word.end)
    layered.key(Qt.Key.Key_P, SHIFT)
    (made,) = [s for s in layered.stored("ali") if s.start == word.start]
    window.layers.action(SARA).trigger()
    assert not layered.reader.annotated.has_span(made.uid)  # type: ignore[union-attr]
    layered.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.layers.layer == MINE
    assert window.saved_label.text().startswith("Undid: Add PERSON")
    assert made.uid not in {s.uid for s in layered.stored("ali")}
    layered.key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert layered.reader.selected_span == made.uid  # back, and shown


def test_switching_layers_never_reads_the_text_again(
    layered: Layered, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, reader = layered.window, layered.reader
    documents = window.project.documents
    read = []
    real_get = documents.get
    monkeypatch.setattr(documents, "get", lambda uid: read.append(uid) or real_get(uid))
    text_document, positions = reader.document(), reader.positions
    revision = text_document.revision()
    for layer in (EVERYONE, GOLD, SARA, SAMPLE, MINE, EVERYONE):
        window.layers.action(layer).trigger()
        assert {s.annotator for s in reader.annotated.spans()} <= expected_annotators(layer)  # type: ignore[union-attr]
    assert read == []
    assert reader.document() is text_document and text_document.revision() == revision
    assert reader.positions is positions


def test_the_layer_chosen_is_remembered_for_each_project(
    qtbot: QtBot, layered: Layered, tmp_path: Path
) -> None:
    window, path = layered.window, layered.window.project.path
    window.layers.action(SARA).trigger()
    qtbot.waitUntil(lambda: remembered_layer(path) == SARA)  # a moment later
    window.layers.action(GOLD).trigger()
    window.close()  # at once: the window's last choice is written as it closes
    assert remembered_layer(path) == GOLD
    with Project.open(path) as project:
        again = MainWindow(project, annotator="ali")
        qtbot.addWidget(again)
        again.show()
        again.document_list.selectRow(WATER)
        assert again.layers.layer == GOLD
        assert again.layers.combo.currentText() == "Gold (read-only)"
        assert again.layers.action(GOLD).isChecked()
        assert again.layers.status.text() == "Showing gold spans (read-only)"
        qtbot.waitUntil(lambda: not again.reader.loading)
        annotated = again.reader.annotated
        assert annotated is not None
        assert {s.annotator for s in annotated.spans()} == {GOLD_ANNOTATOR}
        assert len(annotated.spans()) == len(layered.stored(GOLD_ANNOTATOR)) >= 6
        again.layers.action(SARA).trigger()
        again.close()
    with Project.open(path) as project:
        third = MainWindow(project, annotator="ali")
        qtbot.addWidget(third)
        assert third.layers.layer == SARA
        third.close()
    with Project.create(tmp_path / "other.annotate") as other:  # another project: its own
        application()
        elsewhere = MainWindow(other, annotator="ali")
        qtbot.addWidget(elsewhere)
        assert elsewhere.layers.layer == MINE
        elsewhere.close()


def test_the_list_shows_the_counts_and_statuses_of_the_layer_and_filters_by_them(
    layered: Layered,
) -> None:
    window, documents = layered.window, layered.project.documents
    first = window.document_list.documents.document(0).uid
    documents.set_status(first, "ali", "done")
    documents.set_status(layered.uid, "sara", "done")
    window.refresh()
    window.status_filter.setCurrentText("done")

    def listed() -> list[tuple[str, int, dict[str, str]]]:
        rows = window.document_list.documents.listed()
        return [(row.uid, row.span_count, dict(row.statuses)) for row in rows]

    assert listed() == [(first, 0, {"ali": "done"})]  # ali's own
    window.layers.action(SARA).trigger()
    sara = len(layered.stored("sara"))
    assert listed() == [(layered.uid, sara, {"sara": "done"})]  # what sara has done
    window.layers.action(EVERYONE).trigger()
    assert [uid for uid, _, _ in listed()] == [first]  # the analyst's own statuses again
    window.status_filter.setCurrentText("All documents")
    assert listed()[WATER] == (layered.uid, len(layered.stored()), {"sara": "done"})


def test_a_layer_edited_into_nonsense_in_the_settings_is_the_analysts_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.project.path
    store_rows(LAYERS_KEY, [{"project": str(project_key(path)), "layer": "annotator:"}])
    assert remembered_layer(path) == MINE
    store_rows(LAYERS_KEY, [{"project": str(project_key(path)), "layer": "annotator:huda"}])
    assert remembered_layer(path) == annotator_layer("huda")
    again = MainWindow(window.project, annotator="ali")  # huda has no spans here
    qtbot.addWidget(again)
    assert again.layers.layer == MINE and again.layers.combo.currentText() == "Mine (ali)"
    again.close()


def test_names_with_markup_or_ampersands_are_shown_as_written(
    qtbot: QtBot, project: Project
) -> None:
    application()
    hostile = ['<a href="https://example.com/">huda</a>', "<b>bold</b> & co"]
    uid = project.documents.add("قال الوزير إن الخطة جاهزة.").documents_added[0]
    for name in hostile:
        project.spans.add(uid, name, "PERSON", 4, 10)
    window = MainWindow(project, annotator="ali")
    qtbot.addWidget(window)
    window.show()
    window.layers.action(EVERYONE).trigger()
    qtbot.waitUntil(window.layers.legend.isVisible)
    legend = window.layers.legend
    assert [(label.text(), label.textFormat()) for label in legend.findChildren(QLabel)][1::2] == [
        (name, Qt.TextFormat.PlainText) for name in sorted([*hostile, "ali (you)"])
    ]
    combo = window.layers.combo
    assert [combo.itemText(n) for n in range(3, combo.count())] == [
        f"{name} (read-only)" for name in sorted(hostile)
    ]
    named = [action.text() for action in window.layers.menu.actions()][-2:]
    assert named == [
        f"&{n} {name.replace('&', '&&')} (read-only)" for n, name in enumerate(sorted(hostile), 1)
    ]
    window.close()
