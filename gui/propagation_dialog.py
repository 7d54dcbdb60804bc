"""The other mentions of a span, as a list to tick before they all become spans."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotate.propagation import VARIANT, Proposal
from gui.rtl import direct_cells

CONTEXT = 25  # characters on each side of a mention
VARIANT_COLOUR = QColor("#6b6b6b")


@dataclass(frozen=True)
class Candidate:
    """One mention offered: where it is, and the line that shows it."""

    proposal: Proposal
    line: str
    place: tuple[str, int, int]  # document, start, end


Find = Callable[[bool], list[Candidate]]  # the mentions, with the word family or not


class PropagationDialog(QDialog):
    def __init__(self, parent: QWidget | None, label: str, find: Find) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Annotate every mention as {label}")
        self._find = find
        self.candidates: list[Candidate] = []
        self.list = QListWidget(self)
        direct_cells(self.list)
        self.family = QCheckBox("Word family (with or without ال, with suffixes)", self)
        self.family.toggled.connect(self._fill)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Space ticks or unticks a mention; Enter adds the ticked ones. Mentions"
                f" {VARIANT} than the span start unticked.",
                self,
            )
        )
        layout.addWidget(self.list)
        layout.addWidget(self.family)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self._fill(False)

    def _fill(self, family: bool) -> None:
        self.candidates = self._find(family)
        self.list.clear()
        for candidate in self.candidates:
            item = QListWidgetItem(candidate.line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = candidate.proposal.checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if candidate.proposal.reason == VARIANT:
                item.setForeground(QBrush(VARIANT_COLOUR))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def chosen(self) -> list[Candidate]:
        """The mentions the analyst left ticked."""
        return [
            candidate
            for row, candidate in enumerate(self.candidates)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


def line_in_text(text: str, proposal: Proposal) -> str:
    before = text[max(proposal.start - CONTEXT, 0) : proposal.start]
    after = text[proposal.end : proposal.end + CONTEXT]
    shown = " ".join(f"{before}【{text[proposal.start : proposal.end]}】{after}".split())
    note = f"   ({proposal.reason})" if proposal.reason else ""
    return shown + note


def choose_mentions(parent: QWidget | None, label: str, find: Find) -> list[Candidate] | None:
    """The mentions the analyst ticked, or None when they cancelled."""
    dialog = PropagationDialog(parent, label, find)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
