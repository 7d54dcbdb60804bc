"""The agreement chart: alpha-U and exact F1 per label as grouped horizontal bars."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from annotate.agreement.report import AgreementReport
from annotate.agreement.text import figure
from gui.i18n import translate

ALPHA_COLOUR = QColor("#2a9d8f")
F1_COLOUR = QColor("#e9c46a")


def shown_figure(value: float | None) -> str:
    """A figure as the tables and the chart show it; "n/a" where it is undefined."""
    return translate("AgreementChart", "n/a") if value is None else figure(value)


@dataclass(frozen=True)
class Bar:
    name: str  # the label as the reader knows it (Arabic and the label's name)
    alpha_u: float | None
    f1_exact: float | None


class AgreementChart(QWidget):
    """Grouped horizontal bars per label: alpha-U above, exact F1 below, on an axis 0..1.
    Laid out left to right, and mirrored in a right-to-left window: the names on the
    right, the bars growing leftwards (the texts themselves are not mirrored)."""

    ROW = 44  # pixels per label
    BAR = 15
    TOP = 34  # room for the legend
    AXIS = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setMinimumSize(520, 200)

    def show_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.setMinimumHeight(self.TOP + self.ROW * len(bars) + self.AXIS + 8)
        self.update()

    def _names_width(self) -> int:
        metrics = self.fontMetrics()
        return max([metrics.horizontalAdvance(bar.name) for bar in self.bars] + [60]) + 16

    def _mirrored(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _placed(self, rect: QRectF) -> QRectF:
        """Where a rectangle of the left-to-right layout is drawn."""
        if not self._mirrored():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def _line(self, x1: float, y1: float, x2: float, y2: float) -> QLineF:
        if self._mirrored():
            x1, x2 = self.width() - x1, self.width() - x2
        return QLineF(x1, y1, x2, y2)

    def bar_rect(self, row: int, series: int) -> QRectF:
        """Where the bar of a label (row) for alpha-U (series 0) or F1 (series 1) is drawn."""
        return self._placed(self._bar(row, series))

    def _bar(self, row: int, series: int) -> QRectF:
        left = self._names_width()
        width = max(self.width() - left - 70, 10)
        bar = self.bars[row]
        value = bar.alpha_u if series == 0 else bar.f1_exact
        length = width * min(max(value or 0.0, 0.0), 1.0)
        top = self.TOP + row * self.ROW + 5 + series * (self.BAR + 2)
        return QRectF(left, top, length, self.BAR)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        self._legend(painter)
        for row, bar in enumerate(self.bars):
            self._row(painter, row, bar)
        self._axis(painter)
        painter.end()

    def _legend(self, painter: QPainter) -> None:
        x = 8
        legend = (
            (ALPHA_COLOUR, translate("AgreementChart", "alpha-U")),
            (F1_COLOUR, translate("AgreementChart", "F1 exact")),
        )
        for colour, text in legend:
            width = self.fontMetrics().horizontalAdvance(text) + 8
            painter.fillRect(self._placed(QRectF(x, 10, 14, 14)), colour)
            painter.setPen(self.palette().text().color())
            place = self._placed(QRectF(x + 20, 6, width, 22))
            painter.drawText(place, Qt.AlignmentFlag.AlignVCenter, text)
            x += 20 + width + 12

    def _row(self, painter: QPainter, row: int, bar: Bar) -> None:
        painter.setPen(self.palette().text().color())
        names = QRectF(4, self.TOP + row * self.ROW, self._names_width() - 12, self.ROW - 8)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # by the axis
        painter.drawText(self._placed(names), int(align), bar.name)
        for series, (colour, value) in enumerate(
            ((ALPHA_COLOUR, bar.alpha_u), (F1_COLOUR, bar.f1_exact))
        ):
            rect = self._bar(row, series)
            painter.fillRect(self._placed(rect), colour)
            text = QRectF(rect.right() + 4, rect.top() - 2, 60, self.BAR + 4)
            painter.drawText(self._placed(text), Qt.AlignmentFlag.AlignVCenter, shown_figure(value))

    def _axis(self, painter: QPainter) -> None:
        left = self._names_width()
        width = max(self.width() - left - 70, 10)
        y = self.TOP + self.ROW * len(self.bars)
        painter.setPen(self.palette().mid().color())
        painter.drawLine(self._line(left, self.TOP - 4, left, y))
        painter.drawLine(self._line(left, y, left + width, y))
        painter.setPen(self.palette().text().color())
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            x = left + width * tick
            painter.drawLine(self._line(int(x), y, int(x), y + 4))
            painter.drawText(
                self._placed(QRectF(x - 20, y + 4, 40, 18)),
                Qt.AlignmentFlag.AlignHCenter,
                f"{tick:g}",
            )


def bars_of(report: AgreementReport, names: dict[str, str]) -> list[Bar]:
    """One bar pair per label someone marked: the group's figures, or the one pair's."""
    return [
        Bar(names.get(s.label, s.label), s.alpha_u, s.f1_exact)
        for s in report.scores
        if s.label is not None
        and len(s.annotators) == len(report.annotators)
        and (s.alpha_u is not None or s.f1_exact is not None)
    ]
