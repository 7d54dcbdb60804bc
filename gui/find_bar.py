"""Ctrl+F: find in the open document, matched the way `annotate search` matches."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from annotate.lexicon import Lexicon
from annotate.mentions import Normalised, compile_query, mentions_in, normalise
from gui.i18n import translate
from gui.reader import ReaderView
from gui.span_paint import Found

MIN_TYPED = 2  # letters before a find runs as you type


class FindBar(QWidget):
    def __init__(
        self,
        reader: ReaderView,
        parent: QWidget | None = None,
        words: Callable[[], Lexicon] = Lexicon,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._words = words  # the proclitic rule's evidence, as the corpus search has it
        self._cache: tuple[str, Normalised] | None = None
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            translate("FindBar", "Find in this document (hamza, harakat and و ب ل … ignored)")
        )
        self.count = QLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel(translate("FindBar", "Find:"), self))
        row.addWidget(self.query, 1)
        row.addWidget(self.count)
        self.query.textChanged.connect(lambda _: self.refresh_found())
        self.query.returnPressed.connect(lambda: self.step(1))
        for keys, slot in (
            ("Shift+Return", lambda: self.step(-1)),
            ("Escape", self.close_bar),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.query)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self.refresh_found()

    def close_bar(self) -> None:
        self.hide()
        self._reader.show_found(None)
        self._reader.setFocus()

    def refresh_found(self, typed: bool = True) -> None:
        """Find the query; as it is typed, from its second letter on (a single letter is
        everywhere in a long document, and Enter still finds it)."""
        annotated = self._reader.annotated
        wanted = compile_query(self.query.text())
        letters = sum(len(word) for word in wanted.words)
        if annotated is None or wanted.empty or (typed and letters < MIN_TYPED):
            self._reader.show_found(None)
            self.count.setText("")
            return
        text = self._normalised(annotated.document.uid, annotated.text)
        found = mentions_in(text, annotated.text, wanted, self._words())
        stretches = [(m.start, m.end) for m in found]
        self._reader.show_found(Found(stretches) if stretches else None)
        self._show_count()

    def _normalised(self, uid: str, text: str) -> Normalised:
        """The open document's normalised text, made once, not at every key press."""
        if self._cache is None or self._cache[0] != uid:
            self._cache = (uid, normalise(text))
        return self._cache[1]

    def step(self, by: int) -> None:
        """Make the next (or previous) mention current."""
        if self._reader.found is None:
            self.refresh_found(typed=False)
            return
        found = self._reader.found
        if not found.stretches:
            return
        current = (found.current + by) % len(found.stretches)
        self._reader.show_found(Found(found.stretches, current))
        self._show_count()

    def _show_count(self) -> None:
        found = self._reader.found
        if found is None:
            self.count.setText(translate("FindBar", "not found"))
        else:
            shown = translate("FindBar", "{current} of {count}")
            self.count.setText(shown.format(current=found.current + 1, count=len(found.stretches)))
