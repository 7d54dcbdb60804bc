"""Search every document of the project; results arrive a few at a time, so a word found
everywhere never freezes the window."""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotate.project import Project
from annotate.searching import Hit, iter_hits
from gui.i18n import translate
from gui.propagation_dialog import VARIANT_COLOUR  # hits spelled otherwise, alike
from gui.rtl import direct_cells

SLICE_SECONDS = 0.015  # reading results between two turns of the event loop
MIN_COLUMN = 32


class CorpusSearch(QWidget):
    hit_chosen = Signal(object)  # a Hit

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            translate("CorpusSearch", "Search every document, then Enter")
        )
        self.query.setAccessibleName(translate("CorpusSearch", "Search every document"))
        self.family = QCheckBox(translate("CorpusSearch", "Word family"), self)
        self.family.setToolTip(
            translate(
                "CorpusSearch",
                "Also find the word with or without the article and with the suffixes"
                " ة ات ون ين ي ه ها هم هما كم نا (كتاب finds كتابهم)",
            )
        )
        self.results = QTableWidget(0, 4, self)
        self.results.setHorizontalHeaderLabels(
            [
                "#",
                translate("CorpusSearch", "Offsets"),
                translate("CorpusSearch", "Spelling"),
                translate("CorpusSearch", "Context"),
            ]
        )
        self.results.verticalHeader().hide()
        direct_cells(self.results)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.results.horizontalHeader()
        header.setMinimumSectionSize(MIN_COLUMN)  # Qt's default comes out at 187 px here
        for number in range(3):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.family)
        column.addLayout(row)
        column.addWidget(self.results)
        column.addWidget(self.status)
        self.hits: list[Hit] = []
        self.searched = ""  # the query the results are for
        self.searched_family = False
        self._pending: Iterator[Hit] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._read_more)
        self.query.returnPressed.connect(self.search)
        self.family.toggled.connect(lambda _: self.search() if self.searched else None)
        self.results.cellClicked.connect(lambda row, _: self.hit_chosen.emit(self.hits[row]))
        self.results.cellActivated.connect(lambda row, _: self.hit_chosen.emit(self.hits[row]))

    @property
    def searching(self) -> bool:
        return self._pending is not None

    def search(self) -> None:
        self.stop()
        self.hits.clear()
        self.results.setRowCount(0)
        self.searched = self.query.text()
        self.searched_family = self.family.isChecked()
        self._pending = iter_hits(self._project, self.searched, family=self.searched_family)
        self._read_more()

    def stop(self) -> None:
        self._timer.stop()
        self._pending = None

    def _read_more(self) -> None:
        if self._pending is None:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        for hit in self._pending:
            self._add(hit)
            if time.perf_counter() > deadline:
                so_far = translate("CorpusSearch", "Found so far: {count}…")
                self.status.setText(so_far.format(count=len(self.hits)))
                self._timer.start(0)
                return
        self._pending = None
        self.status.setText(found_text(len(self.hits), sum(hit.variant for hit in self.hits)))

    def _add(self, hit: Hit) -> None:
        row = self.results.rowCount()
        self.results.insertRow(row)
        if hit.variant:
            spelling = translate("CorpusSearch", "otherwise", "spelled otherwise")
        else:
            spelling = translate("CorpusSearch", "as typed")
        values = (str(hit.number), f"{hit.start}-{hit.end}", spelling, hit.context)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if hit.variant:
                item.setForeground(QBrush(VARIANT_COLOUR))
            self.results.setItem(row, column, item)
        self.hits.append(hit)


def found_text(count: int, variants: int) -> str:
    """What a finished search found: "4 mentions, 3 spelled otherwise"."""
    if count == 1:  # English's singular (the Arabic is phrased to need no plural forms)
        found = translate("CorpusSearch", "1 mention")
    else:
        found = translate("CorpusSearch", "{count} mentions").format(count=count)
    if not variants:
        return found
    spelled = translate("CorpusSearch", "{found}, {variants} spelled otherwise")
    return spelled.format(found=found, variants=variants)
