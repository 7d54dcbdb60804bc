"""The analyst's commands: keys and menus that turn a selection into spans and links.

Every command goes through the core `Editor`, which commits it as one undoable step before
returning; the views are then told what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
from annotate.schema import RelationLabel, SpanLabel
from annotate.searching import project_lexicon
from annotate.snapping import snap_to_words, without_proclitics
from gui import linking
from gui.attributes_dialog import edit_attributes
from gui.failure_box import tell_refusal
from gui.guidelines_panel import first_line
from gui.i18n import is_arabic, shown_name, translate
from gui.label_words import label_word, step_name
from gui.plain_text import ask
from gui.propagation_dialog import Candidate, Find, choose_mentions, line_in_text
from gui.reader import ReaderView
from gui.settings import app_settings
from gui.suggestion_keys import SuggestionKeys

SNAP_KEY = "annotating/snap_to_words"
MENU_MNEMONICS = "aefghnruv"  # Alt+ these open the menus
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
        self.suggestion_keys = SuggestionKeys(self)
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
                self._add_label_keys(label)
        taken = set(MENU_MNEMONICS)
        for relation in schema.relations:
            letter = next((c for c in relation.name.lower() if c not in taken), None)
            if letter is not None:
                taken.add(letter)
                name = label_word(relation.name, relation)
                text = translate("Annotating", "Link {relation}…").format(relation=name)
                add("link", text, f"Alt+{letter}", self._link_key(relation))
        add("link", translate("Annotating", "Unlink…"), "U", self.unlink)
        self._add_edit_actions()
        for keys, edge, grow, by_word, what in RESIZE_KEYS:
            add("resize", resize_text(what), keys, self._resize_key(edge, grow, by_word))
        add(
            "link-mode",
            translate("Annotating", "Pick from a list"),
            "Return",
            self.pick_link_from_list,
        )
        add("link-mode", translate("Annotating", "Cancel linking"), "Escape", self.cancel_link)
        undo, redo = translate("Annotating", "&Undo"), translate("Annotating", "&Redo")
        self.undo_action = add("history", undo, "Ctrl+Z", self.undo, window_wide=True)
        self.redo_action = add("history", redo, "Ctrl+Shift+Z", self.redo, window_wide=True)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.refresh_history()

    def _add_label_keys(self, label: SpanLabel) -> None:
        """A label's key, and with Shift its key for the exact characters selected."""
        name = shown_name(label.english, label.arabic)
        text = translate("Annotating", "{label} ({name})", "a label's key").format(
            label=name, name=label.name
        )
        action = self.actions.add("label", text, label.key, self._label_key(label.name))
        # the key overlay shows it
        action.setStatusTip(first_line(label.guide, "arabic" if is_arabic() else "english"))
        exact = translate("Annotating", "{label}, exact characters").format(label=name)
        self.actions.add(
            "exact", exact, f"Shift+{label.key}", self._label_key(label.name, exact=True)
        )

    def _add_edit_actions(self) -> None:
        add = self.actions.add
        add("edit", translate("Annotating", "Delete span"), "Delete", self.delete_selected)
        add(
            "edit",
            translate("Annotating", "Take attached و ف ب ل ك off, or put them back"),
            "X",
            self.toggle_proclitics,
        )
        add("edit", translate("Annotating", "Remove article (ال)"), "Shift+X", self.strip_article)
        add("edit", translate("Annotating", "Edit attributes…"), "A", self.edit_attributes)
        add("edit", translate("Annotating", "Annotate every mention…"), "M", self.annotate_mentions)
        add(
            "edit",
            translate("Annotating", "Annotate every mention in all documents…"),
            "Shift+M",
            self.annotate_mentions_everywhere,
        )
        add(
            "edit",
            translate("Annotating", "Select the span at the cursor"),
            "Space",
            self.reader.select_span_at_cursor,
        )

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
        """A selection becomes a span; with no selection, the selected span is relabelled.
        On a suggestion Tab chose, the suggestion is accepted as that label."""
        if self.suggestion_keys.accept_as(label):
            return
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
            self.message.emit(translate("Annotating", "Select some text (or a span) first."))

    def _add_span(self, label: str, start: int, end: int, exact: bool) -> None:
        assert self.reader.annotated is not None and self.document is not None
        document, annotated = self.document, self.reader.annotated
        left_out = ""
        if not exact:
            snapped = snap_to_words(annotated.text, start, end, annotated.document.meta)
            if snapped is None:
                self.message.emit(translate("Annotating", "The selection holds no word."))
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
                said = translate(
                    "Annotating", "{label} ‘{text}’ saved without ‘{left_out}’ (X puts it back)"
                )
                word = self._label_word(label)
                self.message.emit(
                    said.format(label=word, text=annotated.text[start:end], left_out=left_out)
                )

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
        relations = self._listed(self._relation_word(name) for name in sorted(set(tail_of)))
        if len(tail_of) > 1:
            question = translate(
                "Annotating",
                "“{text}” is the {relations} of {count} quotes. Delete it and those links?",
            )
        else:
            question = translate(
                "Annotating", "“{text}” is the {relations} of 1 quote. Delete it and that link?"
            )
        said = question.format(text=text, relations=relations, count=len(tail_of))
        return ask(self.reader, translate("Annotating", "Delete a linked span"), said)

    def toggle_proclitics(self) -> None:
        """Take the attached conjunction or preposition off the selected span, or put it
        back, and say which."""
        uid = self._selected_own_span()
        if uid is None:
            return
        words = self._words()
        if self._do(lambda: self.editor.toggle_proclitics(uid, words)) is not None:
            step = self.editor.history.next_undo()
            self.message.emit(self._step_name(step) if step else "")

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
            said = translate("Annotating", "{label} has no attributes.")
            self.message.emit(said.format(label=self._label_word(span.label)))
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

        self._add_chosen(
            span.label, find, translate("Annotating", "No other mention of it in this document.")
        )

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

        self._add_chosen(
            span.label, find, translate("Annotating", "No other mention of it in any document.")
        )

    def _add_chosen(self, label: str, find: Find, none_found: str) -> None:
        found: dict[bool, list[Candidate]] = {}

        def once(family: bool) -> list[Candidate]:
            if family not in found:
                found[family] = find(family)
            return found[family]

        if not once(False):
            self.message.emit(none_found)
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
        name = label_word(relation.name, relation)
        if relation.heads and head_label not in relation.heads:
            said = translate("Annotating", "{relation} starts from {labels}.")
            heads = self._listed(self._label_word(label) for label in relation.heads)
            self.message.emit(said.format(relation=name, labels=heads))
            return
        self.link.start(relation, head)
        prompt = self._link_prompt(relation, name)
        self.reader.start_picking(prompt)
        self.message.emit(prompt)

    def _link_prompt(self, relation: RelationLabel, name: str) -> str:
        if not relation.tails:
            return translate(
                "Annotating",
                "Linking {relation}: click the span it links to (Enter: choose from a list)."
                " A click anywhere else, or Esc, cancels.",
            ).format(relation=name)
        tails = translate("Annotating", " or ").join(
            self._label_word(label) for label in relation.tails
        )
        return translate(
            "Annotating",
            "Linking {relation}: click the {labels} it links to (Enter: choose from a list)."
            " A click anywhere else, or Esc, cancels.",
        ).format(relation=name, labels=tails)

    def cancel_link(self) -> None:
        self._leave_link_mode()
        self.message.emit(translate("Annotating", "Linking cancelled."))

    def _leave_link_mode(self) -> None:
        self.link.cancel()
        self.reader.stop_picking()

    def pick_link_from_list(self) -> None:
        relation, head, annotated = self.link.relation, self.link.head, self.reader.annotated
        if relation is None or head is None or annotated is None:
            return
        spans = linking.candidates(annotated, relation, head, self.annotator)
        if not spans:
            said = translate("Annotating", "No span here can be the {relation}; linking cancelled.")
            self.message.emit(said.format(relation=label_word(relation.name, relation)))
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
            self.message.emit(translate("Annotating", "The selected span has no links."))
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
            said = translate("Annotating", "Undid: {step}")
            changes = self._do(self.editor.history.undo, said.format(step=self._step_name(step)))
            self._select_what_changed(changes)

    def redo(self) -> None:
        step = self.editor.history.next_redo()
        if step is not None:
            self._show(step)
            said = translate("Annotating", "Redid: {step}")
            changes = self._do(self.editor.history.redo, said.format(step=self._step_name(step)))
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
        undo, redo = self.editor.history.next_undo(), self.editor.history.next_redo()
        for action, step, alone, named in (
            (
                self.undo_action,
                undo,
                translate("Annotating", "&Undo"),
                translate("Annotating", "&Undo {step}"),
            ),
            (
                self.redo_action,
                redo,
                translate("Annotating", "&Redo"),
                translate("Annotating", "&Redo {step}"),
            ),
        ):
            shown = self._step_name(step).replace("&", "&&") if step else ""
            action.setText(named.format(step=shown) if step else alone)
            action.setEnabled(step is not None)

    # -- helpers ----------------------------------------------------------------------

    def _selected_own_span(self) -> str | None:
        uid = self.reader.selected_span
        if uid is None or self.reader.annotated is None:
            self.message.emit(
                translate("Annotating", "Select a span first (click it, or press Space on it).")
            )
            return None
        if self.reader.annotated.span(uid).annotator != self.annotator:
            self.message.emit(
                translate(
                    "Annotating", "That span is another annotator's; you can only change your own."
                )
            )
            return None
        return uid

    def _label_word(self, name: str) -> str:
        return label_word(name, self.project.labels.span_label(name))

    def _relation_word(self, name: str) -> str:
        return label_word(name, self.project.labels.relation_label(name))

    def _step_name(self, step: Step) -> str:
        return step_name(step, self.project.labels)

    @staticmethod
    def _listed(words: Iterable[str]) -> str:
        return translate("Annotating", ", ", "between the names of a list").join(words)

    def run(self, command: Callable[[], Changes]) -> Changes | None:
        """Run a command made elsewhere (gui/suggestion_keys.py) as the keys here run
        theirs; None when it was refused (and said so)."""
        return self._do(command)

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
        saved = translate("Annotating", "Saved at {time}")
        self.message.emit(done or saved.format(time=f"{datetime.now():%H:%M:%S}"))
        self.changed.emit(changes)
        return changes


RESIZE_KEYS: list[tuple[str, Edge, bool, bool, str]] = [  # the texts: see resize_text
    ("Alt+Home", "start", True, False, "Grow at the start by a character"),
    ("Alt+Shift+Home", "start", False, False, "Shrink at the start by a character"),
    ("Alt+End", "end", True, False, "Grow at the end by a character"),
    ("Alt+Shift+End", "end", False, False, "Shrink at the end by a character"),
    ("Ctrl+Alt+Home", "start", True, True, "Grow at the start by a word"),
    ("Ctrl+Alt+Shift+Home", "start", False, True, "Shrink at the start by a word"),
    ("Ctrl+Alt+End", "end", True, True, "Grow at the end by a word"),
    ("Ctrl+Alt+Shift+End", "end", False, True, "Shrink at the end by a word"),
]


def resize_text(what: str) -> str:
    """A text of RESIZE_KEYS in the interface language."""
    return {
        "Grow at the start by a character": translate(
            "Annotating", "Grow at the start by a character"
        ),
        "Shrink at the start by a character": translate(
            "Annotating", "Shrink at the start by a character"
        ),
        "Grow at the end by a character": translate("Annotating", "Grow at the end by a character"),
        "Shrink at the end by a character": translate(
            "Annotating", "Shrink at the end by a character"
        ),
        "Grow at the start by a word": translate("Annotating", "Grow at the start by a word"),
        "Shrink at the start by a word": translate("Annotating", "Shrink at the start by a word"),
        "Grow at the end by a word": translate("Annotating", "Grow at the end by a word"),
        "Shrink at the end by a word": translate("Annotating", "Shrink at the end by a word"),
    }[what]


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
        only_in: QWidget | None = None,
    ) -> QAction:
        """An action in a group; its key works where spans are, or in the whole window
        (`window_wide`), or only while `only_in` has the focus."""
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        if group != "link-mode":
            action.triggered.connect(self._before_command)
        action.triggered.connect(slot)
        if window_wide:
            self._window.addAction(action)
        elif only_in is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            only_in.addAction(action)
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
