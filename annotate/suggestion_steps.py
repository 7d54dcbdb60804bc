"""Accepting and rejecting suggestions (annotate.suggestions) as undoable named steps, each
the decision of one analyst: an accepted suggestion becomes their span, of origin
"suggested"; undoing the step removes the span and their decision (other analysts'
decisions stay), opening the suggestion for them again."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, NamedTuple

from annotate.annotations import new_uid
from annotate.errors import InputError
from annotate.history import Operation, Step, named_step
from annotate.model import Changes
from annotate.project import Project
from annotate.suggestions import Suggestion


class Acceptance(NamedTuple):
    suggestion: Suggestion
    label: str  # the span's: the suggestion's own, or the one the analyst chose
    attrs: dict[str, Any]
    span: str  # the uid the span takes, the same each time the step is done


def accept_step(
    project: Project, annotator: str, suggestion: Suggestion, label: str | None, quoted: str
) -> Step:
    """Accept one suggestion; `quoted` is its text as the step's name shows it."""
    acceptance = _acceptance(project, suggestion, label, annotator)
    do, undo = _accepting([acceptance], annotator)
    values = {"label": acceptance.label, "text": quoted}
    return named_step("Accept {label} ‘{text}’", values, do, undo, suggestion.document)


def accept_all_step(project: Project, annotator: str, document: str, start: int, end: int) -> Step:
    """Accept every suggestion open for the annotator within [start, end) of a document
    that is a choice of its own: not one that overlaps another open suggestion (two
    labels for one name, a name inside a longer one), nor one at the bounds of a span the
    annotator gave another label. Those are left open, to be decided one by one."""
    within = [
        suggestion
        for suggestion in project.suggestions.open_for(document, annotator)
        if start <= suggestion.start and suggestion.end <= end
    ]
    if not within:
        raise InputError("no open suggestion there", field="suggestions")
    spans = project.spans.overlapping(document, start, end, annotator)
    labelled = {(span.start, span.end) for span in spans}
    within = [s for s in _apart(within) if (s.start, s.end) not in labelled]
    if not within:
        raise InputError(
            "the open suggestions there overlap one another or your spans: decide them one by one",
            field="suggestions",
        )
    acceptances = [_acceptance(project, s, None, annotator) for s in within]
    do, undo = _accepting(acceptances, annotator)
    pattern = "Accept {count} suggestions" if len(within) > 1 else "Accept {count} suggestion"
    return named_step(pattern, {"count": str(len(within))}, do, undo, document)


def reject_step(annotator: str, suggestion: Suggestion, quoted: str) -> Step:
    _check_open(suggestion, annotator)
    uid = suggestion.uid
    return named_step(
        "Reject {label} ‘{text}’",
        {"label": suggestion.label, "text": quoted},
        lambda p: p.suggestions.decide(uid, "rejected", annotator),
        lambda p: p.suggestions.reopen(uid, annotator),
        suggestion.document,
    )


def _apart(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions that overlap none of the others. In order of start, a later one
    overlaps an earlier one exactly when it starts before the earlier one ends."""
    ordered = sorted(suggestions, key=lambda s: (s.start, s.end))
    overlapped: set[str] = set()
    for index, earlier in enumerate(ordered):
        later = index + 1
        while later < len(ordered) and ordered[later].start < earlier.end:
            overlapped.update((earlier.uid, ordered[later].uid))
            later += 1
    return [s for s in ordered if s.uid not in overlapped]


def _acceptance(
    project: Project, suggestion: Suggestion, label: str | None, annotator: str
) -> Acceptance:
    _check_open(suggestion, annotator)
    label = label or suggestion.label
    allowed = project.labels.offered(label).attributes
    attrs = suggestion.attrs
    if label != suggestion.label:  # only the values the other label takes too
        attrs = {name: value for name, value in attrs.items() if value in allowed.get(name, ())}
    return Acceptance(suggestion, label, attrs, new_uid())


def _check_open(suggestion: Suggestion, annotator: str) -> None:
    """Refused when the annotator has decided it already; another's decision is theirs."""
    decided = suggestion.decision_of(annotator)
    if decided is not None:
        raise InputError(
            f"the suggestion is already {decided.state} (by {annotator})", field="state"
        )


def _accepting(accepted: list[Acceptance], annotator: str) -> tuple[Operation, Operation]:
    def do(project: Project) -> Changes:
        changes = Changes()
        for suggestion, label, attrs, span in accepted:
            changes += project.suggestions.decide(suggestion.uid, "accepted", annotator, span)
            changes += project.spans.add(
                suggestion.document,
                annotator,
                label,
                suggestion.start,
                suggestion.end,
                attrs,
                "suggested",
                span,
            )
        return _once(changes)

    def undo(project: Project) -> Changes:
        changes = Changes()
        for suggestion, _, _, span in reversed(accepted):
            changes += project.spans.remove(span)
            changes += project.suggestions.reopen(suggestion.uid, annotator)
        return _once(changes)

    return do, undo


def _once(changes: Changes) -> Changes:
    """Each document whose suggestions changed named once."""
    return replace(changes, suggestions_changed=tuple(dict.fromkeys(changes.suggestions_changed)))
