"""The learning curve drawn to a PNG: F1 on the held-out part against the share of the
training sentences, with the figure at each point, so that a flattening curve shows."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from annotate.errors import AnnotateError
from annotate.training.curve import CurvePoint
from annotate.training.scores import shown_figure

WIDTH = 640
HEIGHT = 400
MARGIN_LEFT = 64
MARGIN_RIGHT = 60
MARGIN_TOP = 70
MARGIN_BOTTOM = 64
CURVE_COLOUR = QColor("#2a9d8f")
GRID_COLOUR = QColor("#d9d9d9")
TEXT_COLOUR = QColor("#303030")
TICKS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
TITLE = "Entity F1 on the held-out part, by share of the training sentences"


def draw_curve(points: Sequence[CurvePoint], out: Path) -> None:
    """Draw the curve to ``out`` (a .png file, WIDTH x HEIGHT pixels); needs a
    QGuiApplication."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _axes(painter)
        _curve(painter, points)
    finally:
        painter.end()
    if not image.save(str(out)):  # a PNG: the command asks for a .png name
        raise AnnotateError(f"{out}: the curve could not be written there")


def _plot() -> QRectF:
    return QRectF(
        MARGIN_LEFT,
        MARGIN_TOP,
        WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
        HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
    )


def _at(share: float, f1: float) -> QPointF:
    plot = _plot()
    return QPointF(plot.left() + share * plot.width(), plot.bottom() - f1 * plot.height())


def _axes(painter: QPainter) -> None:
    plot = _plot()
    painter.setPen(TEXT_COLOUR)
    painter.drawText(QRectF(0, 8, WIDTH, MARGIN_TOP - 12), Qt.AlignmentFlag.AlignCenter, TITLE)
    for tick in TICKS:
        y = _at(0, tick).y()
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(TEXT_COLOUR)
        label = QRectF(0, y - 10, MARGIN_LEFT - 8, 20)
        painter.drawText(
            label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick:.1f}"
        )
    painter.setPen(QPen(TEXT_COLOUR, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    painter.drawText(
        QRectF(0, HEIGHT - 24, WIDTH, 20),
        Qt.AlignmentFlag.AlignCenter,
        "share of the training sentences (sentences trained on)",
    )


def _curve(painter: QPainter, points: Sequence[CurvePoint]) -> None:
    placed = [(point, _at(point.share, point.f1 or 0.0)) for point in points]
    painter.setPen(QPen(CURVE_COLOUR, 2.5))
    for (_, start), (_, end) in pairwise(placed):
        painter.drawLine(start, end)
    for point, at in placed:
        painter.setPen(QPen(CURVE_COLOUR, 2))
        painter.setBrush(CURVE_COLOUR)
        painter.drawEllipse(at, 4.5, 4.5)
        painter.setPen(TEXT_COLOUR)
        figure = QRectF(at.x() - 40, at.y() - 26, 80, 18)
        painter.drawText(figure, Qt.AlignmentFlag.AlignCenter, shown_figure(point.f1))
        tick = QRectF(at.x() - 50, _plot().bottom() + 6, 100, 18)
        painter.drawText(
            tick, Qt.AlignmentFlag.AlignCenter, f"{point.share:.0%} ({point.sentences})"
        )
