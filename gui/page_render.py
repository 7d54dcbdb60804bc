"""Render a document as the reader shows it, to a PNG image or a PDF with real text."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextLine,
    QTransform,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame

from annotate.annotated_text import AnnotatedText
from annotate.errors import InputError
from annotate.output_files import check_output_file
from gui import gutter
from gui.pdf_silence import silence_fonts
from gui.pdf_text import BLIND_FAMILY, blind_glyph_count, blind_runs, paint_text_layer
from gui.reader import DEFAULT_POINT_SIZE, ReaderView
from gui.span_paint import Marks, PaintedLine, paint_over, paint_under

FORMATS = (".png", ".pdf")
MIN_WIDTH = 200
MAX_PNG_HEIGHT = 32_000  # a taller image takes hundreds of megabytes: a PDF pages it
PDF_RESOLUTION = 96  # one PDF unit per reader pixel before scaling to the page
PDF_MARGIN_MM = 15.0
# Qt's PDF writer draws text under a perspective transform as outlines; this one is
# perspective in name only (it moves nothing by a visible amount).
AS_OUTLINES = QTransform(1, 0, 0, 0, 1, 0, 0, 0, 1.000001)


def render(annotated: AnnotatedText, out: Path, width: int) -> int:
    """Write the document to out (.png or .pdf) at the reader's default font size;
    returns the number of pages (1 for a PNG). Nothing is left behind on failure."""
    _check_output(out, width)
    reader = _laid_out_reader(annotated, width)
    partial = out.with_name(out.name + ".partial")
    try:
        lines = list(_lines(reader))
        if out.suffix.lower() == ".png":
            pages = _write_png(reader, lines, width, partial, out)
        else:
            pages = _write_pdf(reader, lines, width, partial, out)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
        reader.close()
        reader.deleteLater()
    return pages


def _check_output(out: Path, width: int) -> None:
    if out.suffix.lower() not in FORMATS:
        raise InputError("the output must end in .png or .pdf", file=str(out))
    if width < MIN_WIDTH:
        raise InputError(f"--width must be at least {MIN_WIDTH} pixels", field="width")
    check_output_file(out)


def _laid_out_reader(annotated: AnnotatedText, width: int) -> ReaderView:
    reader = ReaderView()
    reader.set_point_size(DEFAULT_POINT_SIZE, remember=False)
    reader.setFrameShape(QFrame.Shape.NoFrame)
    reader.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    reader.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    reader.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    reader.show_text(annotated)
    reader.resize(width, 400)
    reader.show()
    return reader


class _Line(NamedTuple):
    block: QTextBlock
    line: QTextLine
    top: float  # where the line starts, down from the top of the text


def _lines(reader: ReaderView) -> Iterator[_Line]:
    """Every laid-out line, each paragraph in its own direction and with the reader's
    gap after it."""
    document = reader.document()
    top = 0.0
    for number in range(document.blockCount()):
        block = document.findBlockByNumber(number)
        block.layout().setCacheEnabled(True)  # keep the glyphs shaped for the layout
        height = reader.blockBoundingRect(block).height()  # lays it out at the reader's width
        reader.orient(block)
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            yield _Line(block, line, top + line.y())
        top += height


def _write_png(reader: ReaderView, lines: list[_Line], width: int, path: Path, out: Path) -> int:
    margin = reader.document().documentMargin()
    height = lines[-1].top + lines[-1].line.height() + 2 * margin if lines else 2 * margin
    if height > MAX_PNG_HEIGHT:
        raise InputError(
            f"the document is {height:.0f} pixels tall at this width; write a PDF instead",
            file=str(out),
        )
    image = QImage(width, max(round(height), 1), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _paint_lines(painter, reader, lines, margin)
    painter.end()
    writer = QImageWriter(str(path), QByteArray(b"PNG"))
    if not writer.write(image):
        raise InputError(f"cannot write the image: {writer.errorString()}", file=str(out))
    return 1


def pdf_writer(path: Path) -> QPdfWriter:
    """A writer of A4 pages with the report's margins, one unit per reader pixel."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    margins = QMarginsF(*(PDF_MARGIN_MM,) * 4)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def _write_pdf(reader: ReaderView, lines: list[_Line], width: int, path: Path, out: Path) -> int:
    writer = pdf_writer(path)
    writer.setTitle(reader.annotated.document.title if reader.annotated is not None else "")
    painter = QPainter()
    if not painter.begin(writer):
        raise InputError("cannot write the PDF", file=str(out))
    scale = writer.width() / width
    painter.scale(scale, scale)
    pages = list(_pages(lines, writer.height() / scale))
    for number, page_lines in enumerate(pages):
        if number:
            writer.newPage()
        _paint_lines(painter, reader, page_lines, 0.0, searchable=True)
    painter.end()
    silence_fonts(path, BLIND_FAMILY, blind_glyph_count())
    return len(pages)


def _pages(lines: list[_Line], page_height: float) -> Iterator[list[_Line]]:
    page: list[_Line] = []
    for line in lines:
        if page and line.top + line.line.height() - page[0].top > page_height:
            yield page
            page = []
        page.append(line)
    yield page


def _paint_lines(
    painter: QPainter,
    reader: ReaderView,
    lines: list[_Line],
    top: float,
    searchable: bool = False,
) -> None:
    """Paint lines one under another, with the reader's marks and gutter; `searchable`
    draws glyphs no viewer reads under an invisible layer of the real words (PDF)."""
    annotated = reader.annotated
    text_width = reader.viewport().width()
    text_left = 0.0 if reader.right_to_left else float(reader.width() - text_width)
    geometry = reader.gutter_geometry(float(text_width) if reader.right_to_left else 0.0)
    painter.setPen(reader.palette().text().color())
    painter.setFont(reader.font())
    first = lines[0].top if lines else 0.0
    for block, line, line_top in lines:
        origin = QPointF(text_left, top + line_top - first - line.y())
        runs = partial(blind_runs, line) if searchable else None
        painted = PaintedLine(reader.positions, block, line, origin, runs=runs)
        if annotated is not None:
            paint_under(painter, annotated, painted, Marks())
        if searchable:
            for run in painted.glyph_runs():
                painter.drawGlyphRun(origin, run)
        else:
            line.draw(painter, origin)
        if annotated is not None:
            paint_over(painter, annotated, painted, Marks())
            painter.save()
            if searchable:  # speakers' names: drawn as outlines, no text of the page
                painter.setTransform(AS_OUTLINES, True)
            gutter.paint_line(painter, annotated, painted, geometry)
            painter.restore()
        if searchable and annotated is not None:
            paint_text_layer(painter, annotated.text, painted)
