"""The analyst's comment and flag commands: keys, the reader's context menu, and the marks
they leave in the reader, the Annotations panel and the status bar.

A command acts on the selected span (anyone's: a reviewer comments on an analyst's span),
or on the open document when no span is selected. Each is one undoable step in the same
history as the span edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMenu

from annotate.commenting import comment_step, flag_step, resolve_step
from annotate.history import Step
from annotate.model import Changes
from annotate.project import Project
from gui.annotating import Annotating
from gui.annotations_panel import SpanTableModel
from gui.comment_marks import DOCUMENT, Talk, shown_comment
from gui.i18n import translate
from gui.label_words import flag_name
from gui.plain_text import plain_label, tooltip
from gui.reader import ReaderView

COMMENT_KEY = "Ctrl+Shift+C"
FLAG_KEYS = {"unsure": "Ctrl+Shift+U", "needs discussion": "Ctrl+Shift+N"}
RESOLVE_KEY = "Ctrl+Shift+K"


class Commenting(QObject):
    def __init__(
        self,
        window: QMainWindow,
        project: Project,
        annotating: Annotating,
        spans: SpanTableModel,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.project = project
        self.annotating = annotating
        self.reader: ReaderView = annotating.reader
        self.spans = spans
        self.document_mark: QLabel = plain_label(parent=window)
        window.statusBar().addWidget(self.document_mark)
        add = annotating.actions.add
        flag_text = translate("Commenting", "Flag “{flag}” on the span (or the document)")
        self.actions: list[QAction] = [
            add(
                "comment",
                translate("Commenting", "Comment on the span (or the document)…"),
                COMMENT_KEY,
                self.comment,
            ),
            *(
                add("comment", flag_text.format(flag=flag_name(flag)), key, self._flag(flag))
                for flag, key in FLAG_KEYS.items()
            ),
            add(
                "comment", translate("Commenting", "Resolve a comment…"), RESOLVE_KEY, self.resolve
            ),
        ]
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._show_context_menu)
        annotating.changed.connect(self._after_change)

    # -- what is shown ----------------------------------------------------------------

    def show_document(self, document: str | None) -> None:
        """Read the open document's comments and flags and show them everywhere."""
        self._show(Talk.load(self.project, document) if document else Talk())

    def _show(self, talk: Talk) -> None:
        self.reader.talk = talk
        self.reader.viewport().update()
        self.spans.set_talk(talk)
        note = talk.note(DOCUMENT)
        shown = translate("Commenting", "Document: {note}").format(note=note) if note else ""
        self.document_mark.setText(shown)
        self.document_mark.setToolTip(tooltip("\n".join(talk.lines(DOCUMENT))))

    def _after_change(self, changes: Changes) -> None:
        """After a comment step, or a span removed or brought back (its comments move to
        the document and back), the comments are read again; the reader and the panel
        are redrawn only when they changed: a whole repaint at every label key would
        double its time."""
        if changes.comments_changed or changes.spans_removed or changes.spans_added:
            document = self.annotating.document
            talk = Talk.load(self.project, document) if document else Talk()
            if changes.comments_changed or talk != self.reader.talk:
                self._show(talk)

    # -- commands ---------------------------------------------------------------------

    def target(self) -> tuple[str, str] | None:
        """(document, span) a command acts on: the selected span, else the document."""
        document = self.annotating.document
        if document is None:
            self.annotating.message.emit(translate("Commenting", "Open a document first."))
            return None
        return document, self.reader.selected_span or ""

    def comment(self) -> None:
        target = self.target()
        if target is None:
            return
        document, span = target
        asked = (
            translate("Commenting", "Comment on this span:")
            if span
            else translate("Commenting", "Comment on this document:")
        )
        title = translate("Commenting", "Comment")
        text, given = QInputDialog.getMultiLineText(self.window, title, asked)
        if given and text.strip():
            self._take(comment_step(document, self.annotating.annotator, text, span))

    def flag(self, flag: str) -> None:
        target = self.target()
        if target is not None:
            self._take(flag_step(self.project, *target, self.annotating.annotator, flag))

    def _flag(self, flag: str) -> Callable[[], None]:
        return lambda: self.flag(flag)

    def resolve(self) -> None:
        """Resolve one of the open comments on the selected span (or the document)."""
        target = self.target()
        if target is None:
            return
        key = target[1] or DOCUMENT
        still_open = self.reader.talk.open_comments(key)
        if not still_open:
            self.annotating.message.emit(
                translate("Commenting", "No open comment here to resolve.")
            )
            return
        shown = [shown_comment(comment) for comment in still_open]
        title, asked = (
            translate("Commenting", "Resolve"),
            translate("Commenting", "Resolve which comment?"),
        )
        chosen, given = QInputDialog.getItem(self.window, title, asked, shown, 0, False)
        if given:
            uid = still_open[shown.index(chosen)].uid
            self._take(resolve_step(self.project, uid, self.annotating.annotator))

    def _take(self, step: Step) -> None:
        self.annotating.take(step)

    # -- context menu -----------------------------------------------------------------

    def context_menu(self, position: QPoint) -> QMenu:
        """The reader's own menu (copy, select all) and the comment commands, acting on
        the span under the pointer, which the click selects."""
        uids = [span.uid for span in self.reader.spans_at(position)]
        if uids and self.reader.selected_span not in uids:
            self.reader.select_span(uids[0])
        menu = self.reader.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addActions(self.actions)
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        menu.exec(self.reader.viewport().mapToGlobal(position))
        menu.deleteLater()
