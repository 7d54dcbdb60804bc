"""The other mentions of a span, as a list to tick before they all become spans."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotate.propagation import Proposal
from gui.rtl import with_direction

CONTEXT = 25  # characters on each side of a mention


class PropagationDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        proposals: list[Proposal],
        lines: list[str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Annotate every mention as {label}")
        self.proposals = proposals
        self.list = QListWidget(self)
        for proposal, line in zip(proposals, lines, strict=True):
            item = QListWidgetItem(line)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = proposal.checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Space ticks or unticks a mention; Enter adds the ticked ones.", self)
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def chosen(self) -> list[int]:
        """The rows the analyst left ticked."""
        return [
            row
            for row in range(len(self.proposals))
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


def line_in_text(text: str, proposal: Proposal) -> str:
    before = text[max(proposal.start - CONTEXT, 0) : proposal.start]
    after = text[proposal.end : proposal.end + CONTEXT]
    shown = " ".join(f"{before}【{text[proposal.start : proposal.end]}】{after}".split())
    note = f"   ({proposal.reason})" if proposal.reason else ""
    return with_direction(shown) + note


def choose_mentions(
    parent: QWidget | None, label: str, proposals: list[Proposal], lines: list[str]
) -> list[int] | None:
    """The rows of the mentions the analyst ticked, or None when they cancelled."""
    dialog = PropagationDialog(parent, label, proposals, lines)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
