"""Labels, relations, flags and undo steps in the words of the interface.

The English messages name a label or relation as the data does (PERSON), as they always
have; the Arabic ones by its Arabic name from the schema. A step's name comes from the core
in English; in Arabic it is said again from the pattern and values the step keeps."""

from __future__ import annotations

from annotate.history import Step
from annotate.labels import Labels
from annotate.schema import RelationLabel, SpanLabel
from gui.i18n import shown_name, translate

LABEL_VALUES = ("label", "new")  # the values of a step's name that are span labels


def label_word(name: str, label: SpanLabel | RelationLabel | None) -> str:
    """A label's or relation's name in a message: the data's name in English, the
    schema's Arabic name in Arabic (the data's name when the schema gives none)."""
    return shown_name(name, label.arabic) if label is not None else name


def flag_name(flag: str) -> str:
    """A flag as the interface says it; the stored value is the English one."""
    names = {
        "unsure": translate("LabelWords", "unsure"),
        "needs discussion": translate("LabelWords", "needs discussion"),
    }
    return names.get(flag, flag)


def step_name(step: Step, labels: Labels) -> str:
    """What the Edit menu and the status bar call an undoable step; in English, the
    core's own name."""
    pattern = _step_patterns().get(step.pattern)
    if pattern is None:
        return step.name
    values = dict(step.values)
    for key in LABEL_VALUES:
        if key in values:
            values[key] = label_word(values[key], labels.span_label(values[key]))
    if "relation" in values:
        relation = values["relation"]
        values["relation"] = label_word(relation, labels.relation_label(relation))
    if "flag" in values:
        values["flag"] = flag_name(values["flag"])
    return pattern.format(**values)


def _step_patterns() -> dict[str, str]:
    """The core's patterns of step names (annotate/editing.py, annotate/commenting.py,
    annotate/suggestion_steps.py), each with its translation."""
    return {
        "Add {label} ‘{text}’": translate("LabelWords", "Add {label} ‘{text}’"),
        "Add {count} {label} span": translate("LabelWords", "Add {count} {label} span"),
        "Add {count} {label} spans": translate("LabelWords", "Add {count} {label} spans"),
        "Delete {label} ‘{text}’": translate("LabelWords", "Delete {label} ‘{text}’"),
        "Relabel {label} → {new} ‘{text}’": translate(
            "LabelWords", "Relabel {label} → {new} ‘{text}’"
        ),
        "Edit attributes of {label} ‘{text}’": translate(
            "LabelWords", "Edit attributes of {label} ‘{text}’"
        ),
        "Grow {label} at its start ‘{text}’": translate(
            "LabelWords", "Grow {label} at its start ‘{text}’"
        ),
        "Shrink {label} at its start ‘{text}’": translate(
            "LabelWords", "Shrink {label} at its start ‘{text}’"
        ),
        "Grow {label} at its end ‘{text}’": translate(
            "LabelWords", "Grow {label} at its end ‘{text}’"
        ),
        "Shrink {label} at its end ‘{text}’": translate(
            "LabelWords", "Shrink {label} at its end ‘{text}’"
        ),
        "Move {label} edges ‘{text}’": translate("LabelWords", "Move {label} edges ‘{text}’"),
        "Put ‘{letters}’ back on {label} ‘{text}’": translate(
            "LabelWords", "Put ‘{letters}’ back on {label} ‘{text}’"
        ),
        "Take ‘{letters}’ off {label} ‘{text}’": translate(
            "LabelWords", "Take ‘{letters}’ off {label} ‘{text}’"
        ),
        "Remove ‘{letters}’ from {label} ‘{text}’": translate(
            "LabelWords", "Remove ‘{letters}’ from {label} ‘{text}’"
        ),
        "Accept {label} ‘{text}’": translate("LabelWords", "Accept {label} ‘{text}’"),
        "Accept {count} suggestion": translate("LabelWords", "Accept {count} suggestion"),
        "Accept {count} suggestions": translate("LabelWords", "Accept {count} suggestions"),
        "Reject {label} ‘{text}’": translate("LabelWords", "Reject {label} ‘{text}’"),
        "Link {relation}": translate("LabelWords", "Link {relation}"),
        "Unlink {relation}": translate("LabelWords", "Unlink {relation}"),
        "Comment on the span ‘{text}’": translate("LabelWords", "Comment on the span ‘{text}’"),
        "Comment on the document ‘{text}’": translate(
            "LabelWords", "Comment on the document ‘{text}’"
        ),
        "Resolve comment ‘{text}’": translate("LabelWords", "Resolve comment ‘{text}’"),
        "Reopen comment ‘{text}’": translate("LabelWords", "Reopen comment ‘{text}’"),
        "Flag '{flag}' on the span": translate("LabelWords", "Flag '{flag}' on the span"),
        "Flag '{flag}' on the document": translate("LabelWords", "Flag '{flag}' on the document"),
        "Clear '{flag}' on the span": translate("LabelWords", "Clear '{flag}' on the span"),
        "Clear '{flag}' on the document": translate("LabelWords", "Clear '{flag}' on the document"),
    }
