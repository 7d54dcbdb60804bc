"""How analysts decided suggestions, per label: still open, accepted as they were,
corrected and rejected, every analyst's decisions or one analyst's; what a team lead looks at to see
whether a source of suggestions is worth its while."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotate.project import Project
from annotate.suggestions import OUTCOMES
from gui.i18n import translate
from gui.label_words import label_word
from gui.layers import annotator_shown
from gui.plain_text import plain_label
from gui.rtl import direct_cells

EVERYONE = ""  # the chooser's item data for every analyst's decisions
MIN_COLUMN = 48  # pixels


def outcome_names() -> dict[str, str]:
    return {
        "open": translate("SuggestionStats", "Open"),
        "accepted": translate("SuggestionStats", "Accepted"),
        "corrected": translate("SuggestionStats", "Corrected"),
        "rejected": translate("SuggestionStats", "Rejected"),
    }


class SuggestionStats(QDialog):
    def __init__(self, parent: QWidget | None, project: Project) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(translate("SuggestionStats", "Suggestion statistics"))
        self.whose = QComboBox(self)
        self.table = QTableWidget(0, 1 + len(OUTCOMES), self)
        names = outcome_names()
        self.table.setHorizontalHeaderLabels(
            [translate("SuggestionStats", "Label"), *(names[o] for o in OUTCOMES)]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(MIN_COLUMN)  # Qt's default comes out at 187 px here
        direct_cells(self.table)
        said = [
            translate(
                "SuggestionStats",
                "Open: decided by no analyst, or, for one analyst, not decided by them.",
            ),
            translate("SuggestionStats", "Each analyst's decision counts."),
            translate(
                "SuggestionStats",
                "Corrected: accepted under another label, or its span relabelled, resized or"
                " deleted since.",
            ),
        ]
        self.note = plain_label(" ".join(said), self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whose)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self.whose.currentIndexChanged.connect(lambda _: self._fill())
        self.resize(560, 420)

    def refresh(self) -> None:
        """The analysts anew (someone may have joined) and their counts."""
        chosen = self.whose.currentData()
        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem(translate("SuggestionStats", "Everyone's decisions"), EVERYONE)
        shown = translate("SuggestionStats", "Decisions of {name}")
        for name in self.project.annotators.names():
            self.whose.addItem(shown.format(name=annotator_shown(name)), name)
        self.whose.setCurrentIndex(max(self.whose.findData(chosen), 0))
        self.whose.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        whose = self.whose.currentData()
        stats = self.project.suggestions.stats(whose or None)
        total = {o: sum(counts[o] for counts in stats.values()) for o in OUTCOMES}
        labels = self.project.labels
        rows = [
            (label_word(name, labels.span_label(name)), counts) for name, counts in stats.items()
        ]
        rows.append((translate("SuggestionStats", "All labels"), total))
        self.table.setRowCount(len(rows))
        for row, (name, counts) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            for column, outcome in enumerate(OUTCOMES, start=1):
                self.table.setItem(row, column, QTableWidgetItem(str(counts[outcome])))

    def rows(self) -> list[list[str]]:
        """The table's cells, row by row, as shown."""
        return [
            [self._cell(row, column) for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
