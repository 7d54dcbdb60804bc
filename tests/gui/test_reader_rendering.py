"""What the reader draws, checked on its pixels and on Qt's own text layout."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from bidi import get_display
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from annotate.project import Project
from annotate.schema import DEFAULT_SCHEMA_PATH, load_schema
from gui.span_paint import COVERED_UNDERLINE_DARKNESS, NESTED_DARKNESS_STEP, SELECTED_DARKNESS
from tests.gui.layout_geometry import FLAGS, colours_in, glyph_boxes, visual_order
from tests.gui.reader_fixtures import OpenDocument, open_document

PARAGRAPHS = (
    "NATO قال في بيان إن الاجتماع المقبل سيعقد في عمّان بمشاركة وزراء الخارجية والدفاع "
    "من الدول الأعضاء، وإن جدول الأعمال يشمل التعاون في مجال المياه والطاقة.\n"
    "وقالت وزيرة المياه الأردنية، ليلى الخطيب، إن “الجفاف لم يعد أزمة عابرة”.\n"
    "120 مليون دولار خصصت للمشروع الذي تديره المنظمة العربية للموارد المائية بالتعاون "
    "مع البنك الأوروبي للاستثمار، على أن يبدأ التنفيذ في مطلع العام المقبل."
)
ORANGE = "#f4a261"  # PERSON in the default schema
BLUE = "#8ecae6"  # ORG
GREEN = "#95d5b2"  # GPE
WHITE = "#ffffff"


def ink_rows(image: QImage, top: int, bottom: int) -> list[int]:
    """x of every dark pixel (text) between two rows."""
    return [
        x
        for y in range(max(top, 0), min(bottom, image.height()))
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 110
    ]


def line_extents(doc: OpenDocument, image: QImage) -> list[tuple[int, int]]:
    """(leftmost, rightmost) ink of every laid-out line of every paragraph."""
    return [extent for paragraph in paragraph_extents(doc, image) for extent in paragraph]


def paragraph_extents(doc: OpenDocument, image: QImage) -> list[list[tuple[int, int]]]:
    """(leftmost, rightmost) ink of each inked line, paragraph by paragraph."""
    reader = doc.reader
    paragraphs = []
    block = reader.document().firstBlock()
    while block.isValid():
        top = reader.block_top(block)
        layout = block.layout()
        extents = []
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            ink = ink_rows(
                image, round(top + line.y()) + 2, round(top + line.y() + line.height()) - 2
            )
            if ink:
                extents.append((min(ink), max(ink)))
        paragraphs.append(extents)
        block = block.next()
    return paragraphs


def test_every_line_of_an_arabic_paragraph_ends_at_the_right_margin(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS, width=520, height=700)
    doc.add("quote", "QUOTE", "“الجفاف لم يعد أزمة عابرة”")
    doc.add("speaker", "PERSON", "ليلى الخطيب")
    doc.link("SPEAKER", "quote", "speaker")  # the gutter now takes room beside the text
    image = doc.grab()
    image.save(str(tmp_path / "rtl.png"))
    right_margin = doc.reader.viewport().width() - doc.reader.document().documentMargin()
    extents = line_extents(doc, image)
    assert len(extents) >= 7, "expected wrapped paragraphs"
    for _, right in extents:
        assert abs(right - right_margin) <= 4, f"a line ends at {right}, margin {right_margin}"
    short_last_lines = [left for left, _ in extents if left > image.width() / 3]
    assert short_last_lines, "no line is short: the test shows nothing about alignment"


def test_a_mostly_latin_document_stays_left_to_right(qtbot: QtBot, project: Project) -> None:
    text = (
        "The ministers met in Amman on Tuesday and agreed on a shared plan against drought, "
        "said ليلى الخطيب, who chaired the meeting of the six countries."
    )
    doc = open_document(qtbot, project, text, width=420)
    extents = line_extents(doc, doc.grab())
    margin = doc.reader.document().documentMargin()
    assert len(extents) >= 2
    for left, _ in extents:
        assert abs(left - margin) <= 4


def test_label_colour_lies_under_the_glyphs_of_a_span(qtbot: QtBot, project: Project) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS)
    doc.add("leila", "PERSON", "ليلى الخطيب")
    image = doc.grab()
    start, end = doc.offsets("ليلى الخطيب")
    boxes = glyph_boxes(doc.reader, start, end)
    assert len(boxes) >= 8
    for box in boxes:
        colours = colours_in(image, box)
        assert WHITE not in colours, f"page background under the span at {box}"
        assert colours.count(ORANGE) > len(colours) / 3
    before = glyph_boxes(doc.reader, start - 3, start - 2)  # the comma before the name
    assert ORANGE not in colours_in(image, before[0])


def test_a_span_on_part_of_a_word_colours_only_its_letters_which_stay_joined(
    qtbot: QtBot, project: Project
) -> None:
    text = "تعاونت بالمنظمة مع وزارة الخارجية في الأمر."
    doc = open_document(qtbot, project, text)
    block = doc.reader.document().firstBlock()
    plain_glyphs = [list(run.glyphIndexes()) for run in block.layout().glyphRuns(-1, -1, FLAGS)]
    doc.add("org", "ORG", "المنظمة")  # after the attached preposition ب
    image = doc.grab()
    start, end = doc.offsets("المنظمة")
    for box in glyph_boxes(doc.reader, start, end):
        assert BLUE in colours_in(image, box)
    preposition = glyph_boxes(doc.reader, start - 1, start)
    assert len(preposition) == 1
    assert BLUE not in colours_in(image, preposition[0])
    highlighted_glyphs = [
        list(run.glyphIndexes()) for run in block.layout().glyphRuns(-1, -1, FLAGS)
    ]
    assert highlighted_glyphs == plain_glyphs, "a highlight changed the letters' shapes"


def test_lam_alef_stays_one_glyph_at_a_highlight_edge(qtbot: QtBot, project: Project) -> None:
    text = "قال الوزير إن الاتفاق سيوقع غدا."
    doc = open_document(qtbot, project, text)
    block = doc.reader.document().firstBlock()
    before = [list(run.glyphIndexes()) for run in block.layout().glyphRuns(-1, -1, FLAGS)]
    start = text.index("الاتفاق")
    changes = doc.project.spans.add(doc.uid, "ali", "EVENT", start + 2, start + 7)  # splits لا
    doc.reader.apply(doc.project, changes)
    doc.grab()
    after = [list(run.glyphIndexes()) for run in block.layout().glyphRuns(-1, -1, FLAGS)]
    assert after == before


def test_mixed_line_comes_out_in_the_order_python_bidi_gives(
    qtbot: QtBot, project: Project
) -> None:
    text = "قال NATO إن 120 مليون (EWN) «لا» شيء، و“نعم” في 2026."
    doc = open_document(qtbot, project, text, width=900)
    doc.grab()
    block = doc.reader.document().firstBlock()
    assert block.layout().lineCount() == 1
    assert visual_order(block, text) == get_display(text, base_dir="R")


def test_nested_and_overlapping_spans_are_all_visible(qtbot: QtBot, project: Project) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS)
    doc.add("quote", "QUOTE", "“الجفاف لم يعد أزمة عابرة”")
    doc.add("outer", "ORG", "المنظمة العربية للموارد المائية")
    doc.add("inner", "ORG", "المنظمة العربية")
    doc.add("place", "GPE", "عمّان")
    image = doc.grab()
    inner_shade = QColor(BLUE).darker(100 + NESTED_DARKNESS_STEP).name()
    underline = QColor(BLUE).darker(COVERED_UNDERLINE_DARKNESS).name()
    for box in glyph_boxes(doc.reader, *doc.offsets("المنظمة العربية")):
        colours = colours_in(image, box, inset=0)
        assert inner_shade in colours and BLUE not in colours[: len(colours) // 2]
        assert underline in colours, "the outer span is not marked under the inner one"
    for box in glyph_boxes(doc.reader, *doc.offsets("للموارد المائية")):
        assert BLUE in colours_in(image, box)
    quote_text = QColor("#a8dadc").darker(300)
    quote_boxes = glyph_boxes(doc.reader, *doc.offsets("الجفاف لم يعد"))
    assert all(WHITE in colours_in(image, box) for box in quote_boxes), "quote has a background"
    dark = [QColor(c) for box in quote_boxes for c in colours_in(image, box)]
    assert any(_close(c, quote_text) for c in dark), "quote text not in the quote colour"


def test_a_selected_span_is_emphasised(qtbot: QtBot, project: Project) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS)
    uid = doc.add("place", "GPE", "عمّان")
    doc.reader.select_span(uid)
    image = doc.grab()
    emphasis = QColor(GREEN).darker(SELECTED_DARKNESS).name()
    for box in glyph_boxes(doc.reader, *doc.offsets("عمّان")):
        assert emphasis in colours_in(image, box)
        assert GREEN not in colours_in(image, box)


def test_highlights_leave_the_text_document_untouched(qtbot: QtBot, project: Project) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS)
    document = doc.reader.document()
    revision = document.revision()
    for name, words in (("a", "عمّان"), ("b", "ليلى الخطيب"), ("c", "البنك الأوروبي للاستثمار")):
        doc.add(name, "ORG", words)
    doc.grab()
    assert document.revision() == revision
    assert not document.isUndoAvailable()
    assert document.toRawText().replace("\u2029", "\n") == doc.text


def test_markup_in_a_document_is_shown_as_written(qtbot: QtBot, project: Project) -> None:
    text = (
        "قال <b>الوزير</b> <img src=x onerror=alert(1)> &amp; <script>x()</script> "
        "file:///etc/passwd **نص**"
    )
    doc = open_document(qtbot, project, text)
    assert doc.reader.document().toRawText() == text
    assert doc.reader.document().blockCount() == 1


def test_emoji_before_and_inside_a_span_keep_its_highlight_on_its_letters(
    qtbot: QtBot, project: Project
) -> None:
    text = "😀🌍 قالت ليلى 👋 الخطيب إن المشروع سيبدأ 🚀 غدا."
    doc = open_document(qtbot, project, text)
    doc.add("person", "PERSON", "ليلى 👋 الخطيب")
    image = doc.grab()
    start, end = doc.offsets("ليلى 👋 الخطيب")
    assert doc.reader.positions.to_qt(start) == start + 2  # two emoji before it
    letters = glyph_boxes(doc.reader, start, start + 4) + glyph_boxes(doc.reader, end - 6, end)
    for box in letters:
        assert ORANGE in colours_in(image, box)
    outside = glyph_boxes(doc.reader, end + 1, end + 3)
    assert all(ORANGE not in colours_in(image, box) for box in outside)
    middle = glyph_boxes(doc.reader, start + 2, start + 3)[0].center().toPoint()
    assert [span.uid for span in doc.reader.spans_at(middle)] == [doc.spans["person"]]


def _close(colour: QColor, target: QColor, tolerance: int = 40) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def test_spans_leave_the_text_ink_exactly_as_without_them(qtbot: QtBot, tmp_path: Path) -> None:
    """Spans whose edges fall inside words, lam-alef included, painted in white: the page
    must be the very same pixels as with no spans, so no glyph changed shape or place."""
    text = (
        "قال مستشار الأمن القومي الأمريكي إن الاقتصاد الروسي لا يزال ضعيفا، "
        "وإن الاتفاق على الأسلحة ما زال بعيدا عن الاكتمال في هذه المرحلة."
    )
    schema = load_schema(DEFAULT_SCHEMA_PATH)
    white = replace(schema, labels=tuple(replace(label, colour=WHITE) for label in schema.labels))
    edges_inside_words = [
        ("أمريكي", 0),  # after the article's lam: لأ
        ("اقتصاد", 0),  # لا
        ("ا يزال", 0),  # inside the word لا itself
        ("تشار", 0),
        ("سلحة ما", 0),
        ("اكتمال", 0),
    ]
    images = []
    for spans in ([], edges_inside_words):
        with Project.create(tmp_path / f"ink{len(spans)}.annotate", white) as project:
            doc = open_document(qtbot, project, text, width=640)
            for number, (words, occurrence) in enumerate(spans):
                doc.add(f"s{number}", "ORG", words, occurrence)
            images.append(doc.grab())
    assert images[0].size() == images[1].size()
    assert images[0] == images[1], "a span changed the text's ink"


def test_each_paragraph_is_flush_to_its_own_side(qtbot: QtBot, project: Project) -> None:
    text = (
        "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بمشاركة الوفود "
        "الإقليمية والدولية، وإن جدول الأعمال يشمل ملفات المياه والطاقة.\n"
        "The minister said that the talks would resume next week in the capital, with "
        "regional and international delegations taking part in every session.\n"
        "Microsoft أعلنت أنها ستفتح مكتبا إقليميا في القاهرة خلال العام المقبل لخدمة "
        "عملائها في المنطقة، بحسب بيان صدر اليوم."
    )
    doc = open_document(qtbot, project, text, width=520, height=900)
    image = doc.grab()
    margin = doc.reader.document().documentMargin()
    right_margin = doc.reader.viewport().width() - margin
    sides = []
    for lines in paragraph_extents(doc, image):
        assert len(lines) >= 2, "each paragraph should wrap"
        flush_right = all(abs(right - right_margin) <= 4 for _, right in lines)
        flush_left = all(abs(left - margin) <= 4 for left, _ in lines)
        sides.append("right" if flush_right else "left" if flush_left else "ragged")
    assert sides == ["right", "left", "right"]


def ink_bands(image: QImage) -> list[tuple[int, int]]:
    """(first, last) row of each run of rows that hold text ink, top to bottom."""
    rows = [
        any(QColor(image.pixel(x, y)).lightness() < 110 for x in range(0, image.width(), 2))
        for y in range(image.height())
    ]
    bands: list[tuple[int, int]] = []
    for y, inked in enumerate(rows):
        if inked and (not bands or bands[-1][1] != y - 1):
            bands.append((y, y))
        elif inked:
            bands[-1] = (bands[-1][0], y)
    return bands


def test_paragraphs_are_set_apart_and_their_lines_are_not(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS, width=520, height=700)
    reader = doc.reader
    image = doc.grab()
    image.save(str(tmp_path / "paragraphs.png"))
    line_height = reader.document().firstBlock().layout().lineAt(0).height()
    blocks = [block for block, _ in reader.visible_blocks()]
    assert len(blocks) == 3
    for block in blocks:
        layout = block.layout()
        assert layout.lineCount() >= 2, "each paragraph should wrap"
        steps = [
            layout.lineAt(n + 1).y() - layout.lineAt(n).y() for n in range(layout.lineCount() - 1)
        ]
        assert steps == [line_height] * len(steps)
    for above, below in itertools.pairwise(blocks):
        last = above.layout().lineAt(above.layout().lineCount() - 1)
        end_of_text = reader.block_top(above) + last.y() + last.height()
        gap = reader.block_top(below) - end_of_text
        assert line_height * 0.4 <= gap <= line_height * 0.6
    # What a reader sees: the blank rows between paragraphs are wider than between lines.
    bands = ink_bands(image)
    gaps = [low[0] - high[1] for high, low in itertools.pairwise(bands)]
    assert max(gaps) > min(gaps) + line_height * 0.4


def test_a_blank_line_between_paragraphs_is_gap_enough(qtbot: QtBot, project: Project) -> None:
    doc = open_document(qtbot, project, PARAGRAPHS.replace("\n", "\n\n"), width=520)
    reader = doc.reader
    blocks = [block for block, _ in reader.visible_blocks()]
    for above, below in itertools.pairwise(blocks):
        bottom = reader.block_top(above) + above.layout().boundingRect().bottom()
        assert reader.block_top(below) == bottom
