"""The reading view: a document's text laid out as a printed page, with its spans.

The text document is never changed and its layout never formatted: the reader paints the
marks of the spans around the glyphs Qt laid out (gui/span_paint.py), and it finds what the
mouse points at from those glyphs too (gui/glyphs.py), never from Qt's own hit test.
"""

from __future__ import annotations

import gc
import html
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolTip, QWidget

from annotate.annotated_text import AnnotatedText, Redraw
from annotate.editing import Edge
from annotate.model import Changes, Span
from annotate.project import Project
from annotate.schema import SpanLabel
from annotate.snapping import word_at
from annotate.suggestions import Suggestion
from annotate.text import base_direction
from annotate.words import is_word_char, next_char
from gui import gutter
from gui.comment_marks import Talk, paint_marks
from gui.glyphs import Glyph, by_character, hit_at, index_at
from gui.i18n import is_arabic, translate
from gui.label_words import label_word
from gui.paragraphs import (
    GlyphKeeper,
    ParagraphLayout,
    line_holding,
    lines_between,
    option_for,
    paragraph_direction,
    turn,
)
from gui.positions import Utf16Positions
from gui.settings import app_settings
from gui.span_paint import (
    SWATCH,
    AnnotatorMark,
    Found,
    LineGlyphs,
    Marks,
    PaintedLine,
    paint_over,
    paint_selected_text,
    paint_text,
    paint_under,
    painting,
)
from gui.suggestion_marks import (
    ShownSuggestions,
    WalkPlace,
    describe_suggestion,
    paint_suggestions,
    walk_place,
)

DEFAULT_POINT_SIZE = 16
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 48
POINT_SIZE_KEY = "reader/point_size"
DIRECTION_SAMPLE = 2_000  # characters looked at to decide a document or paragraph direction
DOCUMENT_MARGIN = 12
START_DRAG_DISTANCE = 4  # pixels the mouse moves before pressing an edge becomes a drag
AUTOSCROLL_INTERVAL = 50  # ms between scroll steps while a drag is held above or below
CARET_WIDTH = 1.5
AFTER_FIRST_FRAME = 20  # ms from a document's first paint until the rest is read
PARAGRAPH_GAP = 0.5  # of a line's height, after a paragraph that another follows
MANY_STRETCHES = 64  # changed stretches in view past which the whole view is repainted
BANNER_STYLE = "background: #ffe066; color: #1d1d1d; padding: 6px; font-weight: bold;"


class ReaderView(QPlainTextEdit):
    span_selected = Signal(object)  # the selected span's uid, or None
    edge_dragged = Signal(str, int, int)  # a span's uid and its new start and end
    spans_loaded = Signal()  # more of a long document's spans have been read
    picked = Signal(list)  # while picking: uids of the spans under a click, innermost first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._layout = ParagraphLayout(self.document())
        self.document().setDocumentLayout(self._layout)
        self.glyph_keeper = GlyphKeeper(self)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        # A scroll bar that comes and goes changes the text width, and QPlainTextEdit
        # does not lay its text out again when it does.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)
        self.annotated: AnnotatedText | None = None
        self.talk = Talk()  # the open document's comments and flags
        self.suggestions = ShownSuggestions()  # the analyst's open ones in this document
        self._chosen_suggestion: str | None = None  # the uid of one Tab went to
        # where the walk is after a decision: the decided suggestion's place (Tab's order)
        self._walked: WalkPlace | None = None
        self._placing = False  # the caret moves for the walk, which keeps its place
        self.positions = Utf16Positions("")
        self.selected_span: str | None = None
        self.found: Found | None = None  # what a find shows
        # whose each span is, shown while everyone's spans are (None: not shown)
        self.annotator_marks: dict[str, AnnotatorMark] | None = None
        # whether a span's edges may be dragged (the window allows the analyst's own)
        self.can_change: Callable[[Span], bool] = lambda span: True
        self.right_to_left = True
        self._directions: dict[int, bool] = {}  # paragraph number: reads right to left
        self.marked_in_last_paint = 0  # span pieces painted in the last paint
        self._glyphs = LineGlyphs()
        self._notes = gutter.NoteWidths(None, self.font())
        self._loading_from: Project | None = None
        self._loader = QTimer(self)
        self._loader.setSingleShot(True)
        self._loader.timeout.connect(self._load_next_chunk)
        self._pressed_edge: tuple[str, Edge, QPoint] | None = None  # span, edge, where
        self._dragging = False
        self._selecting = False  # a left button drag is selecting text
        self._last_mouse = QPoint()
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(AUTOSCROLL_INTERVAL)
        self._autoscroll.timeout.connect(self._scroll_selection)
        self._picking = False  # a click picks a span (a link's tail) instead of selecting
        self._banner = QLabel(self)
        self._banner.setTextFormat(Qt.TextFormat.PlainText)
        self._banner.setStyleSheet(BANNER_STYLE)
        self._banner.setWordWrap(True)
        self._banner.hide()
        self._gutter = gutter.GutterWidget(self)
        self._shown_selection: tuple[int, int] | None = None
        self.selectionChanged.connect(self._repaint_selection)
        self.selectionChanged.connect(self._leave_walk)
        self.cursorPositionChanged.connect(self._leave_walk)
        self.updateRequest.connect(self._gutter.follow)
        self._apply_point_size(_saved_point_size())

    # -- content ----------------------------------------------------------------------

    def open_document(
        self, project: Project, document: str, annotator: str | None = None, near: int = 0
    ) -> None:
        """Show a document at once with the spans near `near` (where the view will be),
        then read the rest a chunk at a time between events, so a long document never
        freezes the window."""
        self.show_text(AnnotatedText.begin(project, document, annotator, near))
        self._loading_from = project  # the first paint starts the loading

    def show_layer(self, project: Project, annotator: str | None, near: int = 0) -> None:
        """The document shown with another layer's spans (one annotator's, or everyone's
        when None), read as `open_document` reads them; its text and its laid-out lines
        stay as they are."""
        if self.annotated is None:
            return
        self.show_text(self.annotated.layer(project, annotator, near))
        self._loading_from = project

    def set_annotator_marks(self, marks: dict[str, AnnotatorMark] | None) -> None:
        """Underline each span in its annotator's colour and lane (None: no more)."""
        if marks != self.annotator_marks:
            self.annotator_marks = marks
            self._repaint()

    @property
    def loading(self) -> bool:
        return self._loading_from is not None

    def stop_loading(self) -> None:
        """Read no more spans (the project is about to close)."""
        self._loading_from = None
        self._loader.stop()

    def show_text(self, annotated: AnnotatedText | None) -> None:
        """Show a document with the spans it holds (see also `open_document`). The same
        document with other spans (another annotator's layer) keeps its laid-out text."""
        self.stop_loading()
        self.select_span(None)
        self.found = None
        shown, self.annotated = self.annotated, annotated
        if shown and annotated and shown.document.uid == annotated.document.uid:
            self._notes = gutter.NoteWidths(annotated, self.font(), self._notes.widest)
            self._fit_gutter()
            self._repaint()
            _settle_heap(annotated)
            return
        text = annotated.text if annotated is not None else ""
        self.positions = Utf16Positions(text)
        self._directions.clear()
        self._glyphs.clear()
        self._notes = gutter.NoteWidths(annotated, self.font())
        self.right_to_left = base_direction(text[:DIRECTION_SAMPLE]) == "rtl"
        self.document().setDefaultTextOption(self._text_option())
        self._place_gutter()
        self.setPlainText(text)
        self.glyph_keeper.start(self.document())
        _settle_heap(annotated)

    def apply(self, project: Project, changes: Changes) -> None:
        """Redraw what an operation changed (it is already committed)."""
        if self.annotated is None:
            return
        self._redraw(self.annotated.apply(project, changes))
        if self.selected_span and not self.annotated.has_span(self.selected_span):
            self.select_span(None)

    def _load_next_chunk(self) -> None:
        if self.annotated is None or self._loading_from is None:
            return
        redraw = self.annotated.load_next(self._loading_from, self.first_shown())
        self._redraw(redraw)
        if redraw.stretches:
            self.spans_loaded.emit()
        if self.annotated.complete:
            self._loading_from = None
            _settle_heap(self.annotated)
        else:
            self._loader.start(0)

    def _redraw(self, redraw: Redraw) -> None:
        self._repaint_stretches(redraw.stretches)
        if redraw.passages:
            self._notes.update(redraw.passages)
            self._fit_gutter()
            self._gutter.update()

    def select_span(self, uid: str | None) -> None:
        if uid == self.selected_span:
            return
        annotated = self.annotated
        shown = [
            annotated.span(either)
            for either in (self.selected_span, uid)
            if either is not None and annotated is not None and annotated.has_span(either)
        ]
        self.selected_span = uid
        self._repaint_stretches([(span.start, span.end) for span in shown])
        self.span_selected.emit(uid)

    def first_shown(self) -> int:
        """The offset where the text in view begins."""
        lines = self.visible_lines(0, 1)
        return lines[0].start if lines else 0

    def _repaint_selection(self) -> None:
        """Repaint the lines of the old and the new selection: Qt asks only for the
        places its own geometry gives, which is a space off on wrapped right-to-left
        lines."""
        shown = self.selected_range()
        stretches = [stretch for stretch in (self._shown_selection, shown) if stretch]
        self._shown_selection = shown
        self._repaint_stretches(stretches)

    def _repaint_stretches(self, stretches: list[tuple[int, int]]) -> None:
        """Repaint the rows of the lines in view that hold any of the stretches, and
        nothing else: a change on one line costs one line's painting. (The gutter shows
        passages and speakers, whose changes `_redraw` repaints it for.)"""
        lines = self.visible_lines(0, self.viewport().height()) if stretches else []
        if not lines:
            return
        first, last = lines[0].start, lines[-1].end
        shown = [(start, end) for start, end in stretches if start <= last and first <= end]
        if len(shown) > MANY_STRETCHES:  # spans read in: cheaper to repaint all at once
            self.viewport().update()
            return
        width = self.viewport().width()
        for line in lines:
            if any(start <= line.end and line.start <= end for start, end in shown):
                height = math.ceil(line.line.height()) + 1
                self.viewport().update(QRect(0, math.floor(line.top), width, height))

    def selected_range(self) -> tuple[int, int] | None:
        """The code point offsets of the text selected with mouse or keyboard, if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self.positions.to_core(cursor.selectionStart()),
            self.positions.to_core(cursor.selectionEnd()),
        )

    def clear_selected_range(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def start_picking(self, prompt: str) -> None:
        """Until `stop_picking`, a click tells `picked` which spans lie under it and selects
        nothing; a banner above the text says what to pick, and the mouse is a cross."""
        self._picking = True
        self._banner.setText(prompt)
        self._banner.show()
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self._place_gutter()

    def stop_picking(self) -> None:
        if not self._picking:
            return
        self._picking = False
        self._banner.hide()
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self._place_gutter()

    def banner(self) -> str:
        """What the banner asks for while picking; empty otherwise."""
        return self._banner.text() if self._picking else ""

    def select_span_at_cursor(self) -> None:
        """Select the innermost span at the text cursor; again, the span around it."""
        if self.annotated is None:
            return
        offset = self.positions.to_core(self.textCursor().position())
        spans = self.annotated.at(offset) or self.annotated.at(max(offset - 1, 0))
        uids = [span.uid for span in spans]
        if self.selected_span in uids:
            self.select_span(uids[(uids.index(self.selected_span) + 1) % len(uids)])
        elif uids:
            self.select_span(uids[0])

    def show_suggestions(self, shown: ShownSuggestions) -> None:
        """Outline these suggestions (of the open document) from now on; the lines of
        those that came or went are painted again."""
        same_document = self.suggestions.document == shown.document
        before = {s.uid: s for s in self.suggestions} if same_document else {}
        after = {s.uid: s for s in shown}
        changed = [
            (s.start, s.end)
            for uid, s in (*before.items(), *after.items())
            if (uid in before) != (uid in after)
        ]
        self.suggestions = shown
        self._repaint_stretches(changed)

    def choose_suggestion(self, suggestion: Suggestion) -> None:
        """Select a suggestion's text, the caret at its end, in view; a label's key then
        accepts it as that label (see `chosen_suggestion`)."""
        self.select_span(None)
        with self._walking():
            self._move_caret(suggestion.start, keep_anchor=False)
            self.ensureCursorVisible()
            self._move_caret(suggestion.end, keep_anchor=True)
            self.ensureCursorVisible()
        self._chosen_suggestion, self._walked = suggestion.uid, None

    def walk_on_from(self, suggestion: Suggestion) -> None:
        """After a decision on a suggestion: the caret where it began, and the walk goes on
        from its place (the next Y or Tab takes the one after it in Tab's order), until
        the caret or the selection is moved otherwise."""
        with self._walking():
            self.put_caret(suggestion.start)
        self._chosen_suggestion, self._walked = None, walk_place(suggestion)

    def walked(self) -> WalkPlace | None:
        """The place of the suggestion last decided, while the caret is where that put it."""
        return self._walked

    @contextmanager
    def _walking(self) -> Iterator[None]:
        self._placing = True
        try:
            yield
        finally:
            self._placing = False

    def _leave_walk(self) -> None:
        """A caret or selection the analyst moved: no suggestion is chosen any more (a
        label's key on the same words selected again by hand makes a span of their own),
        and the walk starts from there again."""
        if not self._placing:
            self._chosen_suggestion, self._walked = None, None

    def chosen_suggestion(self) -> Suggestion | None:
        """The suggestion Tab chose, until the caret or the selection moves otherwise."""
        chosen = self.suggestions.get(self._chosen_suggestion)
        if chosen is None or self.selected_range() != (chosen.start, chosen.end):
            return None
        return chosen

    def put_caret(self, offset: int) -> None:
        """The caret at offset, nothing selected, its line in view."""
        self._move_caret(offset, keep_anchor=False)
        self.ensureCursorVisible()

    def caret(self) -> int:
        """The code point offset of the caret, or of the start of the selection."""
        return self.positions.to_core(self.textCursor().selectionStart())

    def show_found(self, found: Found | None) -> None:
        """Mark a find's mentions (None: no more), and bring the current one into view."""
        self.found = found
        self._repaint()
        if found is not None and found.stretches:
            self.scroll_to(found.stretches[found.current][0])

    def scroll_to(self, offset: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.positions.to_qt(offset))
        self.setTextCursor(cursor)
        self.centerCursor()

    def show_from(self, offset: int) -> None:
        """Scroll so that the line holding `offset` is the first in view (what
        `first_shown` then gives), or as near as the end of the text allows."""
        position = self.positions.to_qt(min(max(offset, 0), self.positions.length))
        block = self.document().findBlock(position)
        self.document().documentLayout().blockBoundingRect(block)  # lays the paragraph out
        within = line_holding(block.layout(), position - block.position())
        line_start = block.position() + block.layout().lineAt(within).textStart()
        # QPlainTextEdit scrolls by lines (a paragraph not laid out yet counts as one)
        bar = self.verticalScrollBar()
        bar.setValue(block.firstLineNumber() + within)
        if self.first_shown() < self.positions.to_core(line_start):
            # the line above still shows its last row of pixels, and first_shown counts
            # it: one more line down is the view that gave this offset
            bar.setValue(bar.value() + 1)

    # -- font size --------------------------------------------------------------------

    def point_size(self) -> float:
        return self.font().pointSizeF()

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.point_size() + steps)

    def reset_zoom(self) -> None:
        self.set_point_size(DEFAULT_POINT_SIZE)

    def set_point_size(self, size: float, remember: bool = True) -> None:
        self._apply_point_size(size)
        if remember:
            app_settings().setValue(POINT_SIZE_KEY, self.point_size())

    def _apply_point_size(self, size: float) -> None:
        font = self.font()
        font.setPointSizeF(min(max(size, MIN_POINT_SIZE), MAX_POINT_SIZE))
        self._layout.gap = round(QFontMetricsF(font).lineSpacing() * PARAGRAPH_GAP)
        self.setFont(font)
        self._glyphs.clear()
        self._notes = gutter.NoteWidths(self.annotated, font)
        self._place_gutter()

    # -- where things are -------------------------------------------------------------

    def char_at(self, point: QPoint) -> int | None:
        """The code point offset of the character drawn at a viewport point, if any."""
        found = self._glyphs_at(point, nearest=False)
        if found is None:
            return None
        block, _, glyphs, x = found
        return self._offset_of(block, index_at(glyphs, x))

    def char_near(self, point: QPoint) -> int | None:
        """The code point offset of the character drawn nearest a viewport point (None in
        an empty paragraph)."""
        found = self._glyphs_at(point, nearest=True)
        if found is None:
            return None
        block, _, glyphs, x = found
        hit = hit_at(glyphs, x)
        return self._offset_of(block, hit.character if hit else None)

    def _offset_of(self, block: QTextBlock, index: int | None) -> int | None:
        """The code point offset of a string index in a paragraph's layout."""
        return None if index is None else self.positions.to_core(block.position() + index)

    def position_at(self, point: QPoint) -> int:
        """The caret position (code point offset) a mouse press at a viewport point means:
        before the character drawn nearest to it when the point lies on the half where
        reading that character begins, after it (and its marks, or the rest of its
        ligature) otherwise. Found from the glyphs Qt drew, never QTextLine.xToCursor."""
        found = self._glyphs_at(point, nearest=True)
        if found is None:
            return 0
        block, line, glyphs, x = found
        hit = hit_at(glyphs, x)
        if hit is None:  # an empty paragraph
            return self.positions.to_core(block.position() + line.textStart())
        offset = self.positions.to_core(block.position() + hit.character)
        if hit.before:
            return offset
        line_end = self.positions.to_core(block.position() + line.textStart() + line.textLength())
        return self._after_glyph(offset, line_end, block.position(), glyphs)

    def _after_glyph(
        self, offset: int, line_end: int, block_position: int, glyphs: dict[int, Glyph]
    ) -> int:
        """The offset after the character at offset and the letters drawn in its glyph."""
        text = self.annotated.text if self.annotated is not None else ""
        end = next_char(text, offset)
        while (
            end < line_end
            and is_word_char(text[end])
            and self.positions.to_qt(end) - block_position not in glyphs
        ):
            end = next_char(text, end)
        return end

    def _glyphs_at(
        self, point: QPoint, nearest: bool
    ) -> tuple[QTextBlock, QTextLine, dict[int, Glyph], float] | None:
        """The laid-out line in view at a viewport point (or the one nearest to it), its
        glyphs (from the painter's cache) and the point's x in its paragraph's layout."""
        shown = self.visible_blocks()
        if not shown:
            return None
        above = [(block, origin) for block, origin in shown if origin.y() <= point.y()]
        block, origin = above[-1] if above else shown[0]
        self.orient(block)
        layout, y = block.layout(), point.y() - origin.y()
        numbers = lines_between(layout, y, y + 1)
        if not numbers and nearest and layout.lineCount():
            numbers = range(0, 1) if y < 0 else range(layout.lineCount() - 1, layout.lineCount())
        if not numbers:
            return None
        line = layout.lineAt(numbers[0])
        glyphs = by_character(self._glyphs.of(block, numbers[0], line))
        return block, line, glyphs, point.x() - origin.x()

    def spans_at(self, point: QPoint) -> list[Span]:
        offset = self.char_at(point)
        if offset is None or self.annotated is None:
            return []
        return self.annotated.at(offset)

    def block_offsets(self, block: QTextBlock) -> tuple[int, int]:
        """A paragraph's code point offsets [start, end), without its line break."""
        start = block.position()
        return self.positions.to_core(start), self.positions.to_core(start + block.length() - 1)

    # -- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """The marks under the text, the text, the marks on it, the caret: all for the
        lines in the region only. (QPlainTextEdit's own painting walks every line of a
        paragraph, some 30 ms for one of 500,000 characters.)"""
        rect = event.rect()
        lines = self.visible_lines(rect.top(), rect.bottom() + 1)
        annotated = self.annotated
        marks = Marks(self.selected_span, self.found, self.annotator_marks)
        selection = self.selected_range()
        marked = 0
        with painting(self.viewport()) as painter:
            painter.setClipRect(rect)
            if annotated is not None:
                marked = sum(paint_under(painter, annotated, line, marks) for line in lines)
            for line in lines:
                paint_text(painter, line, selection, self.palette())
            if annotated is not None:
                marked += sum(paint_over(painter, annotated, line, marks) for line in lines)
                for line in lines:
                    paint_marks(painter, annotated, line, self.talk, self.right_to_left)
                if self.suggestions.document == annotated.document.uid:
                    page = self.palette().base().color()
                    for line in lines:
                        paint_suggestions(painter, annotated, line, self.suggestions, page)
            if selection is not None:
                for line in lines:
                    paint_selected_text(painter, line, selection, self.palette())
            self._paint_caret(painter)
        self.marked_in_last_paint = marked
        if self._loading_from is not None and not self._loader.isActive():
            self._loader.start(AFTER_FIRST_FRAME)

    def _paint_caret(self, painter: QPainter) -> None:
        if not self.hasFocus() or self.textCursor().hasSelection():
            return
        rect = self.cursorRect()
        painter.fillRect(
            QRectF(rect.left(), rect.top(), CARET_WIDTH, rect.height()), self.palette().text()
        )

    def visible_lines(self, top: float, bottom: float) -> list[PaintedLine]:
        """The laid-out lines that reach into the viewport's rows [top, bottom), each
        paragraph laid out in its own direction."""
        lines = []
        for block, origin in self.visible_blocks():
            self.orient(block)
            layout = block.layout()
            for number in lines_between(layout, top - origin.y(), bottom - origin.y()):
                line = layout.lineAt(number)
                visual = partial(self._glyphs.of, block, number, line)
                lines.append(PaintedLine(self.positions, block, line, origin, visual))
        return lines

    def orient(self, block: QTextBlock) -> None:
        """Lay a paragraph out right to left and flush right, or left to right and flush
        left, by the direction most of its own letters read in."""
        number = block.blockNumber()
        if number not in self._directions:
            start, end = self.block_offsets(block)
            text = self.annotated.text if self.annotated is not None else ""
            text = text[start : min(end, start + DIRECTION_SAMPLE)]
            self._directions[number] = paragraph_direction(text, self.right_to_left)
        if self._directions[number] != self.right_to_left:
            turn(block, option_for(self.document().defaultTextOption(), self._directions[number]))

    def visible_blocks(self) -> list[tuple[QTextBlock, QPointF]]:
        """The paragraphs in view, each with where its layout starts (viewport
        coordinates). (blockBoundingGeometry walks every paragraph from the first in view
        to the one asked for, so each is measured here once, from the one before.)"""
        shown: list[tuple[QTextBlock, QPointF]] = []
        block = self.firstVisibleBlock()
        if not block.isValid():
            return shown
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        bottom = self.viewport().height()
        while block.isValid() and origin.y() <= bottom:
            shown.append((block, QPointF(origin)))
            origin.setY(origin.y() + self.blockBoundingRect(block).height())
            block = block.next()
        return shown

    def block_origin(self, block: QTextBlock) -> QPointF:
        """Where a paragraph's layout starts, in viewport coordinates."""
        return self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()

    def block_top(self, block: QTextBlock) -> float:
        return self.block_origin(block).y()

    def gutter_geometry(self, left: float) -> gutter.Gutter:
        width, name_width = self._notes.gutter_width()
        return gutter.Gutter(
            left, width, self.right_to_left, name_width, gutter.name_font(self.font())
        )

    def _repaint(self) -> None:
        self.viewport().update()
        self._gutter.update()

    def _text_option(self) -> QTextOption:
        option = QTextOption(
            Qt.AlignmentFlag.AlignRight if self.right_to_left else Qt.AlignmentFlag.AlignLeft
        )
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if self.right_to_left else Qt.LayoutDirection.LeftToRight
        )
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        return option

    def _fit_gutter(self) -> None:
        """Place the gutter again if its notes want another width."""
        if self._gutter.width() != round(self._notes.gutter_width()[0]):
            self._place_gutter()

    def _place_gutter(self) -> None:
        """The gutter beside the text, and the banner above it while picking."""
        width = round(self._notes.gutter_width()[0])
        top = self._banner.heightForWidth(self.viewport().width()) if self._picking else 0
        if self.right_to_left:
            self.setViewportMargins(0, top, width, 0)
        else:
            self.setViewportMargins(width, top, 0, 0)
        view = self.viewport().geometry()
        self._banner.setGeometry(QRect(view.left(), view.top() - top, view.width(), top))
        left = view.right() + 1 if self.right_to_left else view.left() - width
        self._gutter.setGeometry(QRect(left, view.top(), width, view.height()))
        self._gutter.update()

    # -- events -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A left press starts a selection where the glyphs say (Shift: extends the one
        there is), or grabs the selected span's edge. Never Qt's own hit test or its
        text drag-and-drop."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        event.accept()
        if self._picking:
            return  # the release picks
        point = event.position().toPoint()
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        edge = None if extend else self._edge_at(point)
        if edge is not None:
            self._pressed_edge = (*edge, point)  # a drag, if the mouse then moves
            return
        self._selecting = True
        self._last_mouse = point
        self._move_caret(self.position_at(point), keep_anchor=extend)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._picking:
            return
        if self._selecting:
            self._last_mouse = point
            self._move_caret(self.position_at(point), keep_anchor=True)
            outside = not self.viewport().rect().contains(point)
            if outside and not self._autoscroll.isActive():
                self._autoscroll.start()
            return
        pressed = self._pressed_edge
        if pressed is not None and (point - pressed[2]).manhattanLength() >= START_DRAG_DISTANCE:
            self._dragging = True
        on_edge = self._dragging or self._edge_at(point) is not None
        shape = Qt.CursorShape.SizeHorCursor if on_edge else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        point = event.position().toPoint()
        if self._picking:
            self.picked.emit([span.uid for span in self.spans_at(point)])
            return
        if self._pressed_edge is not None:
            uid, edge, _ = self._pressed_edge
            dragged, self._pressed_edge, self._dragging = self._dragging, None, False
            if dragged:
                self._drop_edge(uid, edge, point)
            else:
                self.select_span(self._next_span_at(point))
            return
        if self._selecting:
            self._selecting = False
            self._autoscroll.stop()
            self._move_caret(self.position_at(point), keep_anchor=True)
        if not self.textCursor().hasSelection():
            self.select_span(self._next_span_at(point))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click selects the word (token) under the mouse, as the exports cut it."""
        if event.button() != Qt.MouseButton.LeftButton or self.annotated is None:
            super().mouseDoubleClickEvent(event)
            return
        event.accept()
        self._selecting = False
        self._autoscroll.stop()
        if self._picking:
            return
        offset = self.char_at(event.position().toPoint())
        annotated = self.annotated
        word = None if offset is None else word_at(annotated.text, offset, annotated.document.meta)
        if word is not None:
            self._move_caret(word[0], keep_anchor=False)
            self._move_caret(word[1], keep_anchor=True)

    def _move_caret(self, offset: int, keep_anchor: bool) -> None:
        cursor = self.textCursor()
        mode = QTextCursor.MoveMode.KeepAnchor if keep_anchor else QTextCursor.MoveMode.MoveAnchor
        cursor.setPosition(self.positions.to_qt(offset), mode)
        self.setTextCursor(cursor)

    def _scroll_selection(self) -> None:
        """While a selecting drag is held above or below the text, scroll and select on."""
        point, height = self._last_mouse, self.viewport().height()
        step = -1 if point.y() < 0 else 1 if point.y() >= height else 0
        if not self._selecting or step == 0:
            self._autoscroll.stop()
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + step * bar.singleStep())
        self._move_caret(self.position_at(point), keep_anchor=True)

    def _edge_at(self, point: QPoint) -> tuple[str, Edge] | None:
        """The selected span's first or last character under the mouse: an edge to drag,
        unless the span is one the analyst cannot change (a press there selects text)."""
        if self.selected_span is None or self.annotated is None:
            return None
        span = self.annotated.span(self.selected_span)
        if not self.can_change(span):
            return None
        offset = self.char_at(point)
        if offset == span.start:
            return span.uid, "start"
        if offset is not None and next_char(self.annotated.text, offset) == span.end:
            return span.uid, "end"
        return None

    def _drop_edge(self, uid: str, edge: Edge, point: QPoint) -> None:
        """The edge goes to the character under the mouse (or nearest to it): the span
        starts at it, or ends after it."""
        if self.annotated is None or not self.annotated.has_span(uid):
            return
        span, text = self.annotated.span(uid), self.annotated.text
        under = self.char_near(point)
        if under is None:
            return
        start, end = (under, span.end) if edge == "start" else (span.start, next_char(text, under))
        if start < end and (start, end) != (span.start, span.end):
            self.edge_dragged.emit(uid, start, end)

    def _next_span_at(self, point: QPoint) -> str | None:
        """Innermost span under the mouse; clicking it again selects the one around it."""
        uids = [span.uid for span in self.spans_at(point)]
        if self.selected_span in uids:
            return uids[(uids.index(self.selected_span) + 1) % len(uids)]
        return uids[0] if uids else None

    def _show_tooltip(self, event: QHelpEvent) -> None:
        spans = self.spans_at(event.pos())
        suggested = self.suggestions_at(event.pos())
        if not (spans or suggested) or self.annotated is None:
            QToolTip.hideText()
            return
        annotated, marks = self.annotated, self.annotator_marks or {}
        tip = "<hr>".join(
            [
                *(
                    describe_span(annotated, span, marks.get(span.annotator))
                    + (f"<br>{self.talk.described(span.uid)}" if self.talk.has(span.uid) else "")
                    for span in spans
                ),
                *(
                    _label_heading(s.label, annotated.labels.get(s.label))
                    + "<br>"
                    + describe_suggestion(s)
                    for s in suggested
                ),
            ]
        )
        QToolTip.showText(event.globalPos(), tip, self.viewport())

    def suggestions_at(self, point: QPoint) -> list[Suggestion]:
        """The suggestions shown on the character at a viewport point."""
        offset = self.char_at(point)
        if offset is None or self.annotated is None:
            return []
        if self.suggestions.document != self.annotated.document.uid:
            return []
        return self.suggestions.overlapping(offset, offset + 1)


def _settle_heap(annotated: AnnotatedText | None) -> None:
    """Once a document is read, collect once, then keep Python's cyclic collector from
    walking what is left again: a full collection then would walk the document's objects
    each time (30-40 ms with 10,000 spans, a visible stutter in the middle of a scroll).
    The collection first frees what is garbage at that moment, so that nothing is frozen
    for good; frozen objects are still freed when the last reference to them goes."""
    if annotated is not None and annotated.complete:
        gc.collect()  # what is garbage now is freed, not frozen for good
        gc.freeze()


def describe_span(annotated: AnnotatedText, span: Span, mark: AnnotatorMark | None = None) -> str:
    """A span's label, annotator (with their underline's colour, when the view shows it),
    attributes and links, as escaped rich text. In Arabic, the label by its Arabic name."""
    definition = annotated.labels.get(span.label)
    swatch = f' <span style="color: {mark.colour.name()}">{SWATCH}</span>' if mark else ""
    annotator = translate("Reader", "annotator: {name}").format(name=html.escape(span.annotator))
    lines = [_label_heading(span.label, definition), annotator + swatch]
    lines += [f"{html.escape(k)}: {html.escape(str(v))}" for k, v in sorted(span.attrs.items())]
    for link in annotated.linked_from(span.uid):
        said = html.escape(annotated.covered_text(link.tail))
        relation = link.relation.label
        name = label_word(relation, annotated.relation_labels.get(relation))
        lines.append(f"{html.escape(name)}: {said}")
    return "<br>".join(lines)


def _label_heading(name: str, definition: SpanLabel | None) -> str:
    """PERSON (Person · شخص) in English; شخص in Arabic."""
    if is_arabic():
        return f"<b>{html.escape(label_word(name, definition))}</b>"
    names = f"{definition.english} · {definition.arabic}" if definition else name
    return f"<b>{html.escape(name)}</b> ({html.escape(names)})"


def _saved_point_size() -> float:
    value = app_settings().value(POINT_SIZE_KEY, DEFAULT_POINT_SIZE)
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_POINT_SIZE
