"""Labels an import uses that the project's schema lacks: found at their first use, added
(--add-labels) or refused, naming every one of them and where the first is used."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from typing import NamedTuple

from annotate.corpus.records import Record
from annotate.errors import InputError
from annotate.project import Project
from annotate.schema import LABEL_NAME, added_relation_label, added_span_label


class UnknownLabel(NamedTuple):
    name: str
    record: Record  # the first record that uses it
    field: str
    is_span_label: bool
    line: int | None  # where that use is written, when not on the record's own line


class LabelsUnknown(Exception):
    """An import met a label the schema lacks, and may not add it; ``later``: the records
    from the one that uses it on, which may name more."""

    def __init__(self, first: UnknownLabel, later: Iterable[Record]) -> None:
        super().__init__(first.name)
        self.first = first
        self.later = later


def unknown_labels(
    records: Iterable[Record], span_names: Container[str], relation_names: Container[str]
) -> Iterator[UnknownLabel]:
    """Labels the schema lacks, each once, in order of first use (a record's spans, then
    its relations)."""
    found: set[tuple[str, bool]] = set()
    for record in records:
        for span in record.spans:
            if span.label not in span_names and (span.label, True) not in found:
                found.add((span.label, True))
                yield UnknownLabel(
                    span.label, record, f"spans[{span.index}].label", True, span.line
                )
        for relation in record.relations:
            if relation.label not in relation_names and (relation.label, False) not in found:
                found.add((relation.label, False))
                where = f"relations[{relation.index}].label"
                yield UnknownLabel(relation.label, record, where, False, relation.line)


def refusal(
    error: LabelsUnknown, span_names: Container[str], relation_names: Container[str]
) -> InputError:
    """The error naming every unknown label of the import, at the first one's use."""
    later = unknown_labels(error.later, span_names, relation_names)
    names = ", ".join(sorted({error.first.name, *(label.name for label in later)}))
    return error.first.record.error(
        f"unknown labels: {names}; add them to the schema or use --add-labels",
        error.first.field,
        error.first.line,
    )


def add_label(project: Project, label: UnknownLabel) -> None:
    """Add a label the import uses to the schema, refusing a name no label may have."""
    if not LABEL_NAME.match(label.name):
        message = f"{label.name!r} cannot be a label name"
        raise label.record.error(message, label.field, label.line)
    if label.is_span_label:
        project.labels.add_span_label(added_span_label(label.name))
    else:
        project.labels.add_relation_label(added_relation_label(label.name))
