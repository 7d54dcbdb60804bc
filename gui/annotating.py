"""The analyst's commands: keys and menus that turn a selection into spans and links.

Every command goes through the core `Editor`, which commits it as one undoable step before
returning; the views are then told what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotate.editing import Edge, Editor
from annotate.errors import AnnotateError
from annotate.history import Step
from annotate.lexicon import Lexicon
from annotate.model import Changes
from annotate.project import Project
from annotate.propagation import propose, propose_in_corpus
from annotate.schema import RelationLabel
from annotate.searching import project_lexicon
from annotate.snapping import snap_to_words, without_proclitics
from gui import linking
from gui.attributes_dialog import edit_attributes
from gui.failure_box import tell_refusal
from gui.guidelines_panel import first_line
from gui.plain_text import ask
from gui.propagation_dialog import Candidate, Find, choose_mentions, line_in_text
from gui.reader import ReaderView
from gui.settings import app_settings

SNAP_KEY = "annotating/snap_to_words"
MENU_MNEMONICS = "aefghnrv"  # Alt+ these open the menus
PROCLITIC_LETTERS = "وفبلك"


class Annotating(QObject):
    """Owns the annotation actions of a window and carries them out on its reader."""

    changed = Signal(object)  # the Changes of a committed step
    message = Signal(str)  # what to tell the analyst in the status bar
    document_wanted = Signal(str)  # a step to undo or redo changes this document
    own_spans_wanted = Signal()  # a step to undo or redo changes spans the layer hides

    def __init__(
        self, window: QWidget, project: Project, annotator: str, reader: ReaderView
    ) -> None:
        super().__init__(window)
        self.project = project
        self.reader = reader
        self.editor = Editor(project, annotator)
        self.snap_to_words = app_settings().value(SNAP_KEY, "true") != "false"
        # why no span can be made in the layer shown (another's, read-only); None: they can
        self.read_only_note: str | None = None
        self.actions = _ActionSet(window, before_command=self._leave_link_mode)
        self._add_actions()
        self.link = linking.PendingLink(self.actions.group("link-mode"))
        reader.picked.connect(self.tail_picked)
        reader.edge_dragged.connect(
            lambda uid, start, end: self._do(lambda: self.editor.set_bounds(uid, start, end))
        )

    @property
    def annotator(self) -> str:
        return self.editor.annotator

    @property
    def document(self) -> str | None:
        annotated = self.reader.annotated
        return annotated.document.uid if annotated is not None else None

    def switch_annotator(self, annotator: str) -> None:
        """Annotate as someone else from now on; their undo history starts empty."""
        self.editor = Editor(self.project, annotator)
        self._leave_link_mode()
        self.refresh_history()

    def document_opened(self) -> None:
        self._leave_link_mode()

    def set_snap_to_words(self, snap: bool) -> None:
        self.snap_to_words = snap
        app_settings().setValue(SNAP_KEY, "true" if snap else "false")

    # -- actions ----------------------------------------------------------------------

    def _add_actions(self) -> None:
        add = self.actions.add
        schema = self.project.labels.schema()
        for label in schema.labels:
            if label.key:
                name = f"{label.english} ({label.name})"
                action = add("label", name, label.key, self._label_key(label.name))
                action.setStatusTip(first_line(label.guide))  # the key overlay shows it
                exact = f"{label.english}, exact characters"
                add("exact", exact, f"Shift+{label.key}", self._label_key(label.name, True))
        taken = set(MENU_MNEMONICS)
        for relation in schema.relations:
            letter = next((c for c in relation.name.lower() if c not in taken), None)
            if letter is not None:
                taken.add(letter)
                add("link", f"Link {relation.name}…", f"Alt+{letter}", self._link_key(relation))
        add("link", "Unlink…", "U", self.unlink)
        add("edit", "Delete span", "Delete", self.delete_selected)
        add("edit", "Take attached و ف ب ل ك off, or put them back", "X", self.toggle_proclitics)
        add("edit", "Remove article (ال)", "Shift+X", self.strip_article)
        add("edit", "Edit attributes…", "A", self.edit_attributes)
        add("edit", "Annotate every mention…", "M", self.annotate_mentions)
        add(
            "edit",
            "Annotate every mention in all documents…",
            "Shift+M",
            self.annotate_mentions_everywhere,
        )
        add("edit", "Select the span at the cursor", "Space", self.reader.select_span_at_cursor)
        for keys, edge, grow, by_word, what in RESIZE_KEYS:
            add("resize", what, keys, self._resize_key(edge, grow, by_word))
        add("link-mode", "Pick from a list", "Return", self.pick_link_from_list)
        add("link-mode", "Cancel linking", "Escape", self.cancel_link)
        self.undo_action = add("history", "Undo", "Ctrl+Z", self.undo, window_wide=True)
        self.redo_action = add("history", "Redo", "Ctrl+Shift+Z", self.redo, window_wide=True)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.refresh_history()

    def _label_key(self, label: str, exact: bool = False) -> Callable[[], None]:
        key = self.project.labels.span_label(label).key  # type: ignore[union-attr]
        return lambda: self.apply_label(self._label_with_key(key, label), exact)

    def _label_with_key(self, key: str, name: str) -> str:
        """The label that has the key now (a label can be renamed while the app runs)."""
        labels = self.project.labels.schema().labels
        return next((label.name for label in labels if label.key == key), name)

    def _link_key(self, relation: RelationLabel) -> Callable[[], None]:
        return lambda: self.start_link(relation)

    def _resize_key(self, edge: Edge, grow: bool, by_word: bool) -> Callable[[], None]:
        return lambda: self.resize(edge, grow, by_word)

    # -- commands ---------------------------------------------------------------------

    def apply_label(self, label: str, exact: bool = False) -> None:
        """A selection becomes a span; with no selection, the selected span is relabelled."""
        selected = self.reader.selected_range()
        if selected is not None and self.read_only_note is not None:
            self.message.emit(self.read_only_note)
        elif selected is not None and self.document is not None:
            self._add_span(label, *selected, exact=exact or not self.snap_to_words)
        elif self.reader.selected_span is not None:
            uid = self._selected_own_span()
            if uid is not None:
                self._do(lambda: self.editor.relabel(uid, label))
        else:
            self.message.emit("Select some text (or a span) first.")

    def _add_span(self, label: str, start: int, end: int, exact: bool) -> None:
        assert self.reader.annotated is not None and self.document is not None
        document, annotated = self.document, self.reader.annotated
        left_out = ""
        if not exact:
            snapped = snap_to_words(annotated.text, start, end, annotated.document.meta)
            if snapped is None:
                self.message.emit("The selection holds no word.")
                return
            start, end = snapped
            stem = None if label in annotated.passage_labels else self._stem(start, end)
            if stem is not None:
                left_out, start = annotated.text[start:stem], stem
        changes = self._do(lambda: self.editor.add_span(document, label, start, end))
        if changes is not None:
            self.reader.clear_selected_range()
            self.reader.select_span(changes.spans_added[0])
            if left_out:
                name = annotated.text[start:end]
                self.message.emit(f"{label} ‘{name}’ saved without ‘{left_out}’ (X puts it back)")

    def _stem(self, start: int, end: int) -> int | None:
        """Where an entity starts without the proclitics of its first word (a word list
        look-up: only a selection that begins with one of و ف ب ل ك asks)."""
        annotated = self.reader.annotated
        assert annotated is not None
        if annotated.text[start] not in PROCLITIC_LETTERS:
            return None
        return without_proclitics(annotated.text, start, end, self._words())

    def _words(self) -> Lexicon:
        """The proclitic rule's evidence: the word list, the open document's spans (all
        layers), the corpus."""
        annotated = self.reader.annotated
        mentions = (annotated.covered_text(s) for s in annotated.spans()) if annotated else ()
        return project_lexicon(self.project, mentions)

    def delete_selected(self) -> None:
        uid = self._selected_own_span()
        if uid is None:
            return
        tail_of = [r.label for r in self.project.relations.touching(uid) if r.tail == uid]
        if tail_of and not self._confirm_delete(uid, tail_of):
            return
        self._do(lambda: self.editor.remove_span(uid))

    def _confirm_delete(self, uid: str, tail_of: list[str]) -> bool:
        assert self.reader.annotated is not None
        text = self.reader.annotated.covered_text(self.reader.annotated.span(uid))
        links = len(tail_of)
        question = (
            f"“{text}” is the {', '.join(sorted(set(tail_of)))} of {links} "
            f"quote{'s' if links > 1 else ''}. Delete it and "
            f"{'those links' if links > 1 else 'that link'}?"
        )
        return ask(self.reader, "Delete a linked span", question)

    def toggle_proclitics(self) -> None:
        """Take the attached conjunction or preposition off the selected span, or put it
        back, and say which."""
        uid = self._selected_own_span()
        if uid is None:
            return
        words = self._words()
        if self._do(lambda: self.editor.toggle_proclitics(uid, words)) is not None:
            step = self.editor.history.next_undo()
            self.message.emit(step.name if step else "")

    def strip_article(self) -> None:
        uid = self._selected_own_span()
        if uid is not None:
            self._do(lambda: self.editor.strip_article(uid))

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

    def annotate_mentions(self) -> None:
        """Offer the other mentions of the selected span's text, to add as one step."""
        uid, annotated = self._selected_own_span(), self.reader.annotated
        if uid is None or annotated is None:
            return
        span = annotated.span(uid)
        layer = self.project.spans.for_document(span.document, self.annotator)  # all of it
        words = self._words()

        def find(family: bool) -> list[Candidate]:
            proposals = propose(
                annotated.text, span, layer, annotated.passage_labels, words, family
            )
            return [
                Candidate(p, line_in_text(annotated.text, p), (span.document, p.start, p.end))
                for p in proposals
            ]

        self._add_chosen(span.label, find, "in this document")

    def annotate_mentions_everywhere(self) -> None:
        """The same across every document of the project."""
        uid, annotated = self._selected_own_span(), self.reader.annotated
        if uid is None or annotated is None:
            return
        span = annotated.span(uid)

        def find(family: bool) -> list[Candidate]:
            found = propose_in_corpus(self.project, span, annotated.text, family)
            return [
                Candidate(
                    item.proposal,
                    f"#{item.number}  {item.context}",
                    (item.document, item.proposal.start, item.proposal.end),
                )
                for item in found
            ]

        self._add_chosen(span.label, find, "in any document")

    def _add_chosen(self, label: str, find: Find, where: str) -> None:
        found: dict[bool, list[Candidate]] = {}

        def once(family: bool) -> list[Candidate]:
            if family not in found:
                found[family] = find(family)
            return found[family]

        if not once(False):
            self.message.emit(f"No other mention of it {where}.")
            return
        chosen = choose_mentions(self.reader, label, once)
        if chosen:
            places = [candidate.place for candidate in chosen]
            self._do(lambda: self.editor.add_spans_across(label, places, "propagated"))

    # -- linking ----------------------------------------------------------------------

    def start_link(self, relation: RelationLabel) -> None:
        head = self._selected_own_span()
        if head is None or self.reader.annotated is None:
            return
        head_label = self.reader.annotated.span(head).label
        if relation.heads and head_label not in relation.heads:
            self.message.emit(f"{relation.name} starts from {', '.join(relation.heads)}.")
            return
        self.link.start(relation, head)
        tails = " or ".join(relation.tails) or "span"
        prompt = (
            f"Linking {relation.name}: click the {tails} it links to (Enter: choose from a "
            "list). A click anywhere else, or Esc, cancels."
        )
        self.reader.start_picking(prompt)
        self.message.emit(prompt)

    def cancel_link(self) -> None:
        self._leave_link_mode()
        self.message.emit("Linking cancelled.")

    def _leave_link_mode(self) -> None:
        self.link.cancel()
        self.reader.stop_picking()

    def pick_link_from_list(self) -> None:
        relation, head, annotated = self.link.relation, self.link.head, self.reader.annotated
        if relation is None or head is None or annotated is None:
            return
        spans = linking.candidates(annotated, relation, head, self.annotator)
        if not spans:
            self.message.emit(f"No span here can be the {relation.name}; linking cancelled.")
            self._leave_link_mode()
            return
        chosen = linking.pick(self.reader, [(s.uid, linking.describe(annotated, s)) for s in spans])
        if chosen is not None:
            self._finish_link(chosen)

    def tail_picked(self, uids: list[str]) -> None:
        """A click (or a row chosen in the panel) while linking: the innermost span there
        that the relation can link to is the tail; anything else cancels the link."""
        relation, head, annotated = self.link.relation, self.link.head, self.reader.annotated
        if relation is None or head is None or annotated is None:
            return
        tail = next(
            (
                uid
                for uid in uids
                if linking.can_be_tail(relation, head, annotated.span(uid), self.annotator)
            ),
            None,
        )
        if tail is None:
            self.cancel_link()
        else:
            self._finish_link(tail)

    def _finish_link(self, tail: str) -> None:
        relation, head = self.link.relation, self.link.head
        self._leave_link_mode()
        if relation is None or head is None:
            return
        if self._do(lambda: self.editor.link(relation.name, head, tail)) is not None:
            self.reader.select_span(head)

    def unlink(self) -> None:
        """Remove one of the selected span's links (from a list when it has several)."""
        head, annotated = self._selected_own_span(), self.reader.annotated
        if head is None or annotated is None:
            return
        links = [r for r in self.project.relations.touching(head) if r.head == head]
        if not links:
            self.message.emit("The selected span has no links.")
            return
        uid: str | None = links[0].uid
        if len(links) > 1:
            uid = linking.pick(
                self.reader, [(r.uid, linking.describe_link(annotated, r)) for r in links]
            )
        if uid is not None:
            chosen = uid
            self._do(lambda: self.editor.unlink(chosen))

    def take(self, step: Step) -> Changes | None:
        """Take a step made elsewhere (a comment, a flag) in this analyst's history."""
        return self._do(lambda: self.editor.history.take(step))

    # -- history ----------------------------------------------------------------------

    def undo(self) -> None:
        step = self.editor.history.next_undo()
        if step is not None:
            self._show(step)
            changes = self._do(self.editor.history.undo, f"Undid: {step.name}")
            self._select_what_changed(changes)

    def redo(self) -> None:
        step = self.editor.history.next_redo()
        if step is not None:
            self._show(step)
            changes = self._do(self.editor.history.redo, f"Redid: {step.name}")
            self._select_what_changed(changes)

    def _select_what_changed(self, changes: Changes | None) -> None:
        annotated = self.reader.annotated
        touched = changes.spans_added + changes.spans_changed if changes else ()
        shown = [uid for uid in touched if annotated is not None and annotated.has_span(uid)]
        if shown:
            self.reader.select_span(shown[0])

    def _show(self, step: Step) -> None:
        """Undo and redo happen where the analyst can see them: in the document, with
        their own spans shown."""
        if self.read_only_note is not None:
            self.own_spans_wanted.emit()
        if step.document != self.document:
            self.document_wanted.emit(step.document)

    def refresh_history(self) -> None:
        for action, verb, step in (
            (self.undo_action, "&Undo", self.editor.history.next_undo()),
            (self.redo_action, "&Redo", self.editor.history.next_redo()),
        ):
            action.setText(f"{verb} {step.name.replace('&', '&&')}" if step else verb)
            action.setEnabled(step is not None)

    # -- helpers ----------------------------------------------------------------------

    def _selected_own_span(self) -> str | None:
        uid = self.reader.selected_span
        if uid is None or self.reader.annotated is None:
            self.message.emit("Select a span first (click it, or press Space on it).")
            return None
        if self.reader.annotated.span(uid).annotator != self.annotator:
            self.message.emit("That span is another annotator's; you can only change your own.")
            return None
        return uid

    def _do(self, command: Callable[[], Changes], done: str | None = None) -> Changes | None:
        """Run one command; it is committed when it returns. Refusals become a message, and
        so does what was done (`done`, or when it was saved)."""
        try:
            changes = command()
        except AnnotateError as error:
            tell_refusal(error, self.reader.window(), self.message.emit)
            return None
        finally:
            self.refresh_history()
        self.reader.apply(self.project, changes)
        self.message.emit(done or f"Saved at {datetime.now():%H:%M:%S}")
        self.changed.emit(changes)
        return changes


RESIZE_KEYS: list[tuple[str, Edge, bool, bool, str]] = [
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
    """The annotation actions, by group. Their keys work where spans are, in the reader and
    the annotations panel, so typing elsewhere (a filter, a dialog) never makes a span."""

    def __init__(self, window: QWidget, before_command: Callable[[], None]) -> None:
        self._window = window
        self._before_command = before_command  # what every command but link mode's does first
        self._groups: dict[str, list[QAction]] = {}
        self._span_widgets: list[QWidget] = []

    def add(
        self,
        group: str,
        text: str,
        keys: str,
        slot: Callable[[], None],
        window_wide: bool = False,
    ) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        if group != "link-mode":
            action.triggered.connect(self._before_command)
        action.triggered.connect(slot)
        if window_wide:
            self._window.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for widget in self._span_widgets:
                widget.addAction(action)
        self._groups.setdefault(group, []).append(action)
        return action

    def work_in(self, widget: QWidget) -> None:
        """Make the span keys work while `widget` (or a child) has the focus."""
        self._span_widgets.append(widget)
        for action in self.all():
            if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut:
                widget.addAction(action)

    def group(self, name: str) -> list[QAction]:
        return self._groups.get(name, [])

    def all(self) -> list[QAction]:
        return [action for actions in self._groups.values() for action in actions]
