"""The analyst's keys for suggestions: accept (Y) or reject (R) the one at the caret or
else the next, accept every one in the paragraph (Shift+Y), walk them with Tab and
Shift+Tab, and a label's key on one Tab chose to accept it as that label.

Each decision is one undoable step in the analyst's history (annotate/suggestion_steps.py);
the reader outlines the open suggestions of the document for the analyst, read again
whenever a step changes them or the analyst's spans.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotate.model import Changes
from annotate.suggestions import Suggestion
from gui.i18n import translate
from gui.label_words import label_word, step_name
from gui.suggestion_marks import (
    ACCEPT_ALL_KEY,
    ACCEPT_KEY,
    NEXT_KEY,
    PREVIOUS_KEY,
    REJECT_KEY,
    ShownSuggestions,
)

if TYPE_CHECKING:
    from gui.annotating import Annotating


class SuggestionKeys(QObject):
    def __init__(self, annotating: Annotating) -> None:
        super().__init__(annotating)
        self.annotating = annotating
        self.reader = annotating.reader
        add = annotating.actions.add
        unless_a_labels = _keys_labels_leave(annotating)
        add(
            "suggestion",
            translate("SuggestionKeys", "Accept the suggestion at the cursor (or the next)"),
            unless_a_labels(ACCEPT_KEY),
            self.accept,
        )
        add(
            "suggestion",
            translate("SuggestionKeys", "Reject the suggestion at the cursor (or the next)"),
            unless_a_labels(REJECT_KEY),
            self.reject,
        )
        add(
            "suggestion",
            translate("SuggestionKeys", "Accept every suggestion in the paragraph"),
            unless_a_labels(ACCEPT_ALL_KEY),
            self.accept_paragraph,
        )
        # Tab walks the reader's suggestions; elsewhere (the panel) it moves as usual
        reader = self.reader
        next_text = translate("SuggestionKeys", "Next suggestion")
        add("suggestion", next_text, NEXT_KEY, self.next, only_in=reader)
        previous_text = translate("SuggestionKeys", "Previous suggestion")
        add("suggestion", previous_text, PREVIOUS_KEY, self.previous, only_in=reader)
        annotating.changed.connect(self._after_change)

    @property
    def shown(self) -> ShownSuggestions:
        return self.reader.suggestions

    # -- what is shown ----------------------------------------------------------------

    def show_document(self) -> None:
        """Read the open document's suggestions for the analyst again and outline them;
        none where the layer shown is not one the analyst annotates."""
        document = self.annotating.document
        if document is None or self.annotating.read_only_note is not None:
            self.reader.show_suggestions(ShownSuggestions())
            return
        project = self.annotating.project
        found = project.suggestions.open_for(document, self.annotating.annotator)
        self.reader.show_suggestions(ShownSuggestions(document, found))

    def _after_change(self, changes: Changes) -> None:
        """A step that changed suggestions, or spans (a span like a suggestion hides it),
        may change what is outlined."""
        touched = changes.spans_added or changes.spans_removed or changes.spans_changed
        if touched or changes.suggestions_changed:
            self.show_document()

    # -- commands ---------------------------------------------------------------------

    def accept(self) -> None:
        suggestion = self._target()
        if suggestion is not None:
            self._decide(
                suggestion, lambda: self.annotating.editor.accept_suggestion(suggestion.uid)
            )

    def reject(self) -> None:
        suggestion = self._target()
        if suggestion is not None:
            self._decide(
                suggestion, lambda: self.annotating.editor.reject_suggestion(suggestion.uid)
            )

    def accept_as(self, label: str) -> bool:
        """A label's key on the suggestion Tab chose: it is accepted as that label. False
        when none is chosen (the key does what it always does)."""
        suggestion = self.reader.chosen_suggestion()
        if suggestion is None:
            return False
        editor = self.annotating.editor
        self._decide(suggestion, lambda: editor.accept_suggestion(suggestion.uid, label))
        return True

    def accept_paragraph(self) -> None:
        """Every suggestion open in the paragraph of the caret, as one step."""
        document = self.annotating.document
        if document is None or not self._may_annotate():
            return
        block = self.reader.textCursor().block()
        start, end = self.reader.block_offsets(block)
        if not self.shown.overlapping(start, max(end, start + 1)):
            self.annotating.message.emit(
                translate("SuggestionKeys", "No open suggestion in this paragraph.")
            )
            return
        editor = self.annotating.editor
        if self.annotating.run(lambda: editor.accept_suggestions(document, start, end)):
            self._tell_step()

    def next(self) -> None:
        reader = self.reader
        self._walk(
            self.shown.following(reader.caret(), reader.chosen_suggestion(), reader.walked())
        )

    def previous(self) -> None:
        reader = self.reader
        self._walk(
            self.shown.preceding(reader.caret(), reader.chosen_suggestion(), reader.walked())
        )

    def _walk(self, suggestion: Suggestion | None) -> None:
        if suggestion is None:
            self.annotating.message.emit(
                translate("SuggestionKeys", "No more suggestions that way.")
                if len(self.shown)
                else translate("SuggestionKeys", "No open suggestion in this document.")
            )
            return
        self.reader.choose_suggestion(suggestion)
        annotated = self.reader.annotated
        text = annotated.text[suggestion.start : suggestion.end] if annotated else ""
        said = translate("SuggestionKeys", "Suggestion {number} of {count}: {label} ‘{text}’")
        labels = self.annotating.project.labels
        self.annotating.message.emit(
            said.format(
                number=list(self.shown).index(suggestion) + 1,
                count=len(self.shown),
                label=label_word(suggestion.label, labels.span_label(suggestion.label)),
                text=" ".join(text.split()),
            )
        )

    def _target(self) -> Suggestion | None:
        """The suggestion Y and R act on: the one Tab chose, else, right after a decision,
        the next in Tab's order, else the innermost under the caret or the next after it."""
        if not self._may_annotate():
            return None
        reader = self.reader
        found = reader.chosen_suggestion() or self.shown.following(
            reader.caret(), None, reader.walked()
        )
        if found is None:
            self.annotating.message.emit(
                translate("SuggestionKeys", "No open suggestion at or after the cursor.")
            )
        return found

    def _may_annotate(self) -> bool:
        note = self.annotating.read_only_note
        if note is not None:
            self.annotating.message.emit(note)
        return note is None

    def _decide(self, suggestion: Suggestion, command: Callable[[], Changes]) -> None:
        """Run a decision; the caret goes to where the suggestion began and the next Y or
        Tab takes the one after it in Tab's order, and the span accepting it made is
        selected."""
        changes = self.annotating.run(command)
        if changes is None:
            return
        self.reader.walk_on_from(suggestion)
        annotated = self.reader.annotated
        made = [uid for uid in changes.spans_added if annotated and annotated.has_span(uid)]
        if made:
            self.reader.select_span(made[0])
        self._tell_step()

    def _tell_step(self) -> None:
        """The status bar names the step, as the Edit menu's undo does."""
        step = self.annotating.editor.history.next_undo()
        if step is not None:
            self.annotating.message.emit(step_name(step, self.annotating.project.labels))


def _keys_labels_leave(annotating: Annotating) -> Callable[[str], str]:
    """A suggestion key, or none where a label has its letter: a project made before Y and
    R were kept for suggestions may hold a label keyed y or r, and two actions on one key
    would make Qt fire neither. The label keeps it (the analyst's habit and data); Tab
    and that label's key still accept a suggestion."""
    taken = {label.key.upper() for label in annotating.project.labels.schema().labels}
    return lambda keys: "" if keys.split("+")[-1].upper() in taken else keys
