"""The other mentions of a span, as a list to tick before they all become spans."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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

from annotate.propagation import Proposal
from annotate.schema import SpanLabel
from gui.i18n import shown_name, translate
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


Labels = Mapping[str, SpanLabel]  # the schema's span labels by name


class PropagationDialog(QDialog):
    """`labels` give the names of the label and of those a mention clashes with in the
    interface language; without them, the labels' own names are shown."""

    def __init__(
        self, parent: QWidget | None, label: str, find: Find, labels: Labels | None = None
    ) -> None:
        super().__init__(parent)
        self._labels = labels or {}
        title = translate("PropagationDialog", "Annotate every mention as {label}")
        self.setWindowTitle(title.format(label=label_name(label, self._labels)))
        self._find = find
        self.candidates: list[Candidate] = []
        self.list = QListWidget(self)
        direct_cells(self.list)
        self.family = QCheckBox(
            translate("PropagationDialog", "Word family (with or without ال, with suffixes)"),
            self,
        )
        self.family.toggled.connect(self._fill)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "PropagationDialog",
                    "Space ticks or unticks a mention; Enter adds the ticked ones. Mentions"
                    " spelled otherwise than the span start unticked.",
                ),
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
            reason = reason_text(candidate.proposal, self._labels)
            item = QListWidgetItem(f"{candidate.line}   ({reason})" if reason else candidate.line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = candidate.proposal.checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if candidate.proposal.why == "variant":
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
    """The mention in its line of text (the dialog adds why it starts unticked)."""
    before = text[max(proposal.start - CONTEXT, 0) : proposal.start]
    after = text[proposal.end : proposal.end + CONTEXT]
    return " ".join(f"{before}【{text[proposal.start : proposal.end]}】{after}".split())


def label_name(name: str, labels: Labels) -> str:
    """The label's Arabic name in Arabic; in English its own name, as the annotations
    panel shows it."""
    definition = labels.get(name)
    return shown_name(definition.name, definition.arabic) if definition else name


def reason_text(proposal: Proposal, labels: Labels) -> str:
    """Why a mention starts unticked, in the interface language ("" when it does not)."""
    names = translate("PropagationDialog", ", ", "between label names").join(
        label_name(name, labels) for name in proposal.labels
    )
    match proposal.why:
        case "already":
            return translate("PropagationDialog", "already {label}").format(label=names)
        case "overlaps":
            return translate("PropagationDialog", "overlaps {labels}").format(labels=names)
        case "variant":
            return translate("PropagationDialog", "spelled otherwise")
    return ""


def choose_mentions(
    parent: QWidget | None, label: str, find: Find, labels: Labels | None = None
) -> list[Candidate] | None:
    """The mentions the analyst ticked, or None when they cancelled."""
    dialog = PropagationDialog(parent, label, find, labels)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
