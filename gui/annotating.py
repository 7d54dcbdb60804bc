"""The analyst's commands: keys and menus that turn a selection into spans and links.

Every command goes through the core `Editor`, which commits it as one undoable step before
returning; the views are then told what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from annotate.editing import Edge, Editor
from annotate.errors import AnnotateError
from annotate.model import Changes, Span
from annotate.project import Project
from annotate.schema import RelationLabel
from annotate.words import snap_to_words
from gui.attributes_dialog import edit_attributes
from gui.reader import ReaderView

MAX_PICK_LIST = 30  # spans offered when linking a speaker from a list


class Annotating(QObject):
    """Owns the annotation actions of a window and carries them out on its reader."""

    changed = Signal(object)  # the Changes of a committed step
    message = Signal(str)  # what to tell the analyst in the status bar

    def __init__(self, parent: QWidget, project: Project, annotator: str, reader: ReaderView):
        super().__init__(parent)
        self.project = project
        self.reader = reader
        self.editor = Editor(project, annotator)
        self.snap_to_words = True
        self.document: str | None = None
        self._pending_link: RelationLabel | None = None
        self._link_head: str | None = None
        self.actions = _ActionSet(parent)
        self._add_actions()
        reader.span_selected.connect(self._span_selected)
        reader.edge_dragged.connect(
            lambda uid, start, end: self._do(lambda: self.editor.set_bounds(uid, start, end))
        )

    @property
    def annotator(self) -> str:
        return self.editor.annotator

    def switch_annotator(self, annotator: str) -> None:
        self.editor = Editor(self.project, annotator)
        self.changed.emit(Changes())

    # -- actions ----------------------------------------------------------------------

    def _add_actions(self) -> None:
        add = self.actions.add
        for label in self.project.labels.schema().labels:
            if label.key:
                add(
                    "label",
                    f"{label.english} ({label.name})",
                    label.key,
                    self._label_key(label.name),
                )
                add(
                    "exact",
                    f"{label.english}, exact characters",
                    f"Shift+{label.key}",
                    self._label_key(label.name, exact=True),
                )
        for relation in self.project.labels.schema().relations:
            add(
                "link",
                f"Link {relation.name}…",
                f"Alt+{relation.name[0]}",
                self._link_key(relation),
            )
        add("edit", "Delete span", "Delete", self.delete_selected)
        add("edit", "Remove attached letter (و ف ب ل ك)", "X", lambda: self.strip(False))
        add("edit", "Remove article (ال)", "Shift+X", lambda: self.strip(True))
        add("edit", "Edit attributes…", "A", self.edit_attributes)
        for keys, edge, grow, by_word, what in _RESIZES:
            add("resize", what, keys, self._resize_key(edge, grow, by_word))
        add("link-mode", "Pick from a list", "Return", self.pick_link_from_list)
        add("link-mode", "Cancel linking", "Escape", self.cancel_link)
        self.undo_action = add("history", "Undo", QKeySequence.StandardKey.Undo, self.undo)
        self.redo_action = add("history", "Redo", "Ctrl+Shift+Z", self.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in self.actions.group("link-mode"):
            action.setEnabled(False)
        self.refresh_history()

    def _label_key(self, label: str, exact: bool = False) -> Callable[[], None]:
        return lambda: self.apply_label(label, exact)

    def _link_key(self, relation: RelationLabel) -> Callable[[], None]:
        return lambda: self.start_link(relation)

    def _resize_key(self, edge: Edge, grow: bool, by_word: bool) -> Callable[[], None]:
        return lambda: self.resize(edge, grow, by_word)

    # -- commands ---------------------------------------------------------------------

    def apply_label(self, label: str, exact: bool = False) -> None:
        """A selection becomes a span; with no selection, the selected span is relabelled."""
        selected = self.reader.selected_range()
        if selected is not None and self.document is not None:
            self._add_span(label, *selected, exact=exact or not self.snap_to_words)
        elif self.reader.selected_span is not None:
            uid = self.reader.selected_span
            self._do(lambda: self.editor.relabel(uid, label))
        else:
            self.message.emit("Select some text (or a span) first.")

    def _add_span(self, label: str, start: int, end: int, exact: bool) -> None:
        assert self.reader.annotated is not None and self.document is not None
        document = self.document
        if not exact:
            snapped = snap_to_words(self.reader.annotated.text, start, end)
            if snapped is None:
                self.message.emit("The selection holds no word.")
                return
            start, end = snapped
        changes = self._do(lambda: self.editor.add_span(document, label, start, end))
        if changes is not None:
            self.reader.clear_selected_range()
            self.reader.select_span(changes.spans_added[0])

    def delete_selected(self) -> None:
        uid = self._selected_own_span()
        if uid is None:
            return
        linked = [r for r in self.project.relations.touching(uid) if r.tail == uid]
        if linked and not self._confirm_delete(uid, len(linked)):
            return
        self._do(lambda: self.editor.remove_span(uid))

    def _confirm_delete(self, uid: str, links: int) -> bool:
        assert self.reader.annotated is not None
        span = self.reader.annotated.span(uid)
        labels = ", ".join(sorted({r.label for r in self.project.relations.touching(uid)}))
        question = (
            f"“{self.reader.annotated.covered_text(span)}” is the {labels} of "
            f"{links} quote{'s' if links > 1 else ''}. Delete it and the link?"
        )
        answer = QMessageBox.question(self.reader, "Delete a linked span", question)
        return answer == QMessageBox.StandardButton.Yes

    def strip(self, article: bool) -> None:
        uid = self._selected_own_span()
        if uid is not None:
            self._do(lambda: self.editor.strip_proclitic(uid, article))

    def resize(self, edge: Edge, grow: bool, by_word: bool) -> None:
        uid = self._selected_own_span()
        if uid is not None:
            self._do(lambda: self.editor.resize(uid, edge, grow, by_word))

    def edit_attributes(self) -> None:
        uid = self._selected_own_span()
        if uid is None or self.reader.annotated is None:
            return
        span = self.reader.annotated.span(uid)
        definition = self.reader.annotated.labels.get(span.label)
        if definition is None or not definition.attributes:
            self.message.emit(f"{span.label} has no attributes.")
            return
        attrs = edit_attributes(self.reader, span, definition)
        if attrs is not None and attrs != span.attrs:
            self._do(lambda: self.editor.set_attrs(uid, attrs))

    # -- linking ----------------------------------------------------------------------

    def start_link(self, relation: RelationLabel) -> None:
        head = self._selected_own_span()
        if head is None or self.reader.annotated is None:
            return
        head_label = self.reader.annotated.span(head).label
        if relation.heads and head_label not in relation.heads:
            self.message.emit(f"{relation.name} starts from {', '.join(relation.heads)}.")
            return
        self._pending_link, self._link_head = relation, head
        for action in self.actions.group("link-mode"):
            action.setEnabled(True)
        tails = ", ".join(relation.tails) or "any span"
        self.message.emit(
            f"Click the {relation.name} ({tails}), or press Enter for a list; Esc cancels."
        )

    def cancel_link(self) -> None:
        self._pending_link = self._link_head = None
        for action in self.actions.group("link-mode"):
            action.setEnabled(False)
        self.message.emit("")

    def pick_link_from_list(self) -> None:
        relation, head = self._pending_link, self._link_head
        if relation is None or head is None or self.reader.annotated is None:
            return
        menu = QMenu(self.reader)
        for span in self._candidates(relation, head):
            text = " ".join(self.reader.annotated.covered_text(span).split())
            action = menu.addAction(f"{span.label}  {text}")
            action.setData(span.uid)
        if menu.isEmpty():
            self.message.emit(f"No span here can be the {relation.name}.")
            self.cancel_link()
            return
        menu.setActiveAction(menu.actions()[0])
        chosen = menu.exec(self.reader.mapToGlobal(QPoint(self.reader.width() // 2, 40)))
        if chosen is not None:
            self._finish_link(str(chosen.data()))

    def _candidates(self, relation: RelationLabel, head: str) -> list[Span]:
        assert self.reader.annotated is not None
        quote = self.reader.annotated.span(head)
        allowed = [
            span
            for span in self.reader.annotated.spans()
            if span.uid != head
            and span.annotator == self.annotator
            and (not relation.tails or span.label in relation.tails)
        ]
        allowed.sort(key=lambda span: abs(span.start - quote.start))
        return allowed[:MAX_PICK_LIST]

    def _span_selected(self, uid: object) -> None:
        if self._pending_link is not None and isinstance(uid, str) and uid != self._link_head:
            self._finish_link(uid)

    def _finish_link(self, tail: str) -> None:
        relation, head = self._pending_link, self._link_head
        self.cancel_link()
        if relation is None or head is None:
            return
        changes = self._do(lambda: self.editor.link(relation.name, head, tail))
        if changes is not None:
            self.reader.select_span(head)

    # -- history ----------------------------------------------------------------------

    def undo(self) -> None:
        if self.editor.history.next_undo() is not None:
            self._do(self.editor.history.undo)

    def redo(self) -> None:
        if self.editor.history.next_redo() is not None:
            self._do(self.editor.history.redo)

    def refresh_history(self) -> None:
        undo, redo = self.editor.history.next_undo(), self.editor.history.next_redo()
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")
        self.redo_action.setEnabled(redo is not None)

    # -- helpers ----------------------------------------------------------------------

    def _selected_own_span(self) -> str | None:
        uid = self.reader.selected_span
        if uid is None or self.reader.annotated is None:
            self.message.emit("Select a span first (click it, or pick it in the list).")
            return None
        if self.reader.annotated.span(uid).annotator != self.annotator:
            self.message.emit("That span is another annotator's; you can only change your own.")
            return None
        return uid

    def _do(self, command: Callable[[], Changes]) -> Changes | None:
        """Run one command; it is committed when it returns. Refusals become a message."""
        try:
            changes = command()
        except AnnotateError as error:
            self.message.emit(str(error))
            return None
        finally:
            self.refresh_history()
        self.reader.apply(self.project, changes)
        self.message.emit(f"Saved at {datetime.now():%H:%M:%S}")
        self.changed.emit(changes)
        return changes


_RESIZES: list[tuple[str, Edge, bool, bool, str]] = [
    ("Alt+Home", "start", True, False, "Grow at the start by a character"),
    ("Alt+Shift+Home", "start", False, False, "Shrink at the start by a character"),
    ("Alt+End", "end", True, False, "Grow at the end by a character"),
    ("Alt+Shift+End", "end", False, False, "Shrink at the end by a character"),
    ("Ctrl+Alt+Home", "start", True, True, "Grow at the start by a word"),
    ("Ctrl+Alt+Shift+Home", "start", False, True, "Shrink at the start by a word"),
    ("Ctrl+Alt+End", "end", True, True, "Grow at the end by a word"),
    ("Ctrl+Alt+Shift+End", "end", False, True, "Shrink at the end by a word"),
]


class _ActionSet:
    """The window's annotation actions, by group, for menus and the key overlay."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._groups: dict[str, list[QAction]] = {}

    def add(
        self,
        group: str,
        text: str,
        keys: str | QKeySequence.StandardKey,
        slot: Callable[[], None],
    ) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self._window.addAction(action)
        self._groups.setdefault(group, []).append(action)
        return action

    def group(self, name: str) -> list[QAction]:
        return self._groups.get(name, [])

    def all(self) -> list[QAction]:
        return [action for actions in self._groups.values() for action in actions]
