"""What a project without documents shows where the reader would be: what to do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.i18n import translate
from gui.plain_text import plain_label


def heading_text() -> str:
    return translate("EmptyProject", "This project has no documents yet")


def import_text() -> str:
    return translate(
        "EmptyProject",
        "Import the articles to annotate: plain text files (one document each), or JSONL,"
        " CoNLL, brat, doccano or Label Studio files.",
    )


def drop_text() -> str:
    return translate("EmptyProject", "Or drop files or folders anywhere on this window.")


def read_only_text() -> str:
    return translate(
        "EmptyProject", "This project is read-only: documents cannot be imported into it."
    )


def sample_text() -> str:
    return translate(
        "EmptyProject",
        "To see first how annotating looks, open the sample project: two annotated articles.",
    )


class EmptyProjectPanel(QWidget):
    def __init__(
        self,
        parent: QWidget,
        import_files: Callable[[], None],
        import_folder: Callable[[], None],
        open_sample: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("empty_project")
        heading = _hint(heading_text(), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.import_hint = _hint(import_text(), self)
        self.import_files = _button(
            translate("EmptyProject", "Import files… (Ctrl+I)"), import_files, self
        )
        self.import_folder = _button(
            translate("EmptyProject", "Import a folder… (Ctrl+Shift+I)"), import_folder, self
        )
        self.drop_hint = _hint(drop_text(), self)
        sample_hint = _hint(sample_text(), self)
        self.open_sample = _button(
            translate("EmptyProject", "Open the sample project"), open_sample, self
        )
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(heading)
        column.addSpacing(12)
        column.addWidget(self.import_hint)
        column.addLayout(_row(self.import_files, self.import_folder))
        column.addWidget(self.drop_hint)
        column.addSpacing(24)
        column.addWidget(sample_hint)
        column.addLayout(_row(self.open_sample))
        column.addStretch(2)

    def set_read_only(self, read_only: bool) -> None:
        """A project that cannot be written takes no import: say so instead of offering one."""
        self.import_hint.setText(read_only_text() if read_only else import_text())
        for shown in (self.import_files, self.import_folder, self.drop_hint):
            shown.setVisible(not read_only)


def _hint(text: str, parent: QWidget) -> QLabel:
    label = plain_label(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _button(text: str, slot: Callable[[], None], parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.clicked.connect(slot)
    return button


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
