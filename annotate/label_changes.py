"""Changing the span labels of an existing project: renaming, recolouring, new attribute
values, retiring and bringing back. Each change is one transaction and keeps every span;
bad input is refused, naming the argument, before anything is written."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotate.errors import InputError
from annotate.model import now
from annotate.project import Project
from annotate.review.disagreements import Item, document_items
from annotate.schema import COLOUR, LABEL_NAME, SpanLabel

Signature = tuple[object, ...]


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    spans: int  # spans that took the new name
    decisions: int  # review decisions on items that held it, now keyed by the new name


def rename_label(project: Project, old: str, new: str) -> Renamed:
    """Every span of ``old`` takes the name ``new``, as do the relation rules that name it
    and the review decisions on items that hold it; ``old`` is kept as a former name."""
    label = existing_label(project, old, "old")
    check_new_name(project, new)
    conn = project.store.conn
    with project.transaction():
        decided = _decided_items(project, lambda name: new if name == old else name)
        conn.execute("PRAGMA defer_foreign_keys = ON")  # the spans follow in this transaction
        conn.execute("DELETE FROM label_renames WHERE old = ?", (new,))
        conn.execute("UPDATE labels SET name = ? WHERE name = ?", (new, label.name))
        spans = conn.execute("UPDATE spans SET label = ? WHERE label = ?", (new, old)).rowcount
        conn.execute(
            "INSERT INTO label_renames (old, new, renamed_at) VALUES (?, ?, ?)", (old, new, now())
        )
        _rename_in_relation_rules(project, old, new)
        project.labels.forget()
        decisions = _rekey_decisions(project, decided)
    project.labels.forget()
    return Renamed(old, new, spans, decisions)


def recolour_label(project: Project, name: str, colour: str) -> None:
    existing_label(project, name, "name")
    if not COLOUR.match(colour):
        raise InputError(f"a colour looks like #1f77b4, not {colour!r}", field="colour")
    _set(project, name, "colour", colour.lower())


def retire_label(project: Project, name: str, retired: bool = True) -> None:
    """Retire a label (its spans keep it; no new span may take it), or bring it back."""
    label = existing_label(project, name, "name")
    if label.retired == retired:
        state = "already retired" if retired else "not retired"
        raise InputError(f"label {name} is {state}", field="name")
    _set(project, name, "retired", int(retired))


def add_attribute_values(project: Project, name: str, attribute: str, values: list[str]) -> int:
    """Values added to a label's attribute (a new attribute when it has none of that name);
    the count of values that were new."""
    label = existing_label(project, name, "name")
    if not attribute.strip():
        raise InputError("an attribute needs a name", field="attribute")
    if not values or not all(value.strip() for value in values):
        raise InputError("give one or more values, none of them empty", field="values")
    choices = list(label.attributes.get(attribute, []))
    added = [value for value in dict.fromkeys(values) if value not in choices]
    if not added:
        raise InputError(f"{name} {attribute} already allows {', '.join(values)}", field="values")
    attributes = {**label.attributes, attribute: choices + added}
    _set(project, name, "attributes", json.dumps(attributes, ensure_ascii=False))
    return len(added)


def label_lines(project: Project) -> list[str]:
    """One line a label: name, key, colour, names, spans, retired, former names."""
    counts = dict(project.store.conn.execute("SELECT label, count(*) FROM spans GROUP BY label"))
    former: dict[str, list[str]] = {}
    for old, new in sorted(project.labels.renames().items()):
        former.setdefault(new, []).append(old)
    lines = []
    for label in project.labels.schema().labels:
        parts = [
            label.name,
            f"[{label.key}]" if label.key else "[ ]",
            label.colour,
            f"{label.english} · {label.arabic}",
            f"{counts.get(label.name, 0)} spans",
        ]
        if label.attributes:
            parts.append("; ".join(f"{a}: {', '.join(v)}" for a, v in label.attributes.items()))
        if label.retired:
            parts.append("retired")
        if label.name in former:
            parts.append(f"formerly {', '.join(former[label.name])}")
        lines.append("  ".join(parts))
    return lines


def existing_label(project: Project, name: str, argument: str) -> SpanLabel:
    label = project.labels.span_label(name)
    if label is None:
        renamed = project.labels.renames().get(name)
        hint = f" (renamed {name} → {renamed})" if renamed else ""
        raise InputError(f"no span label {name!r} in the project{hint}", field=argument)
    return label


def check_new_name(project: Project, new: str) -> None:
    if not LABEL_NAME.match(new):
        raise InputError(
            f"a label name is 1-40 letters, digits, _ or -, starting with a letter, not {new!r}",
            field="new",
        )
    if project.labels.span_label(new) is not None:
        raise InputError(f"{new} is already a label; labels are not merged", field="new")


def _set(project: Project, name: str, column: str, value: object) -> None:
    with project.transaction():
        project.store.conn.execute(f"UPDATE labels SET {column} = ? WHERE name = ?", (value, name))
    project.labels.forget()


def _rename_in_relation_rules(project: Project, old: str, new: str) -> None:
    conn = project.store.conn
    for relation, heads, tails in conn.execute(
        "SELECT name, heads, tails FROM relation_labels"
    ).fetchall():
        renamed = [[new if n == old else n for n in json.loads(names)] for names in (heads, tails)]
        conn.execute(
            "UPDATE relation_labels SET heads = ?, tails = ? WHERE name = ?",
            (json.dumps(renamed[0]), json.dumps(renamed[1]), relation),
        )


# -- review decisions, whose item keys are made from label names ---------------------


def _decided_items(
    project: Project, renamed: Callable[[str], str]
) -> dict[str, dict[Signature, str]]:
    """Per document with decisions, each decided item's key by what the item will hold
    once renamed."""
    conn = project.store.conn
    decided: dict[str, set[str]] = {}
    for document, item in conn.execute("SELECT document, item FROM decisions"):
        decided.setdefault(str(document), set()).add(str(item))
    return {
        document: {
            _signature(item, renamed): item.key
            for item in document_items(project, document)
            if item.key in keys
        }
        for document, keys in decided.items()
    }


def _rekey_decisions(project: Project, decided: dict[str, dict[Signature, str]]) -> int:
    conn = project.store.conn
    kept = 0
    for document, old_keys in decided.items():
        for item in document_items(project, document):
            old_key = old_keys.get(_signature(item, str))
            if old_key is not None and old_key != item.key:
                kept += conn.execute(
                    "UPDATE decisions SET item = ? WHERE document = ? AND item = ?",
                    (item.key, document, old_key),
                ).rowcount
    return kept


def _signature(item: Item, renamed: Callable[[str], str]) -> Signature:
    """What an item holds, whatever the order of its spans."""
    return (
        item.start,
        item.end,
        tuple(
            (
                version.annotator,
                _sorted((renamed(s.label), s.start, s.end) for s in version.spans),
                _sorted(tuple(sorted(links)) for links in version.links),
            )
            for version in item.versions
        ),
    )


def _sorted(values: Iterable[tuple[object, ...]]) -> tuple[tuple[object, ...], ...]:
    return tuple(sorted(values, key=repr))
