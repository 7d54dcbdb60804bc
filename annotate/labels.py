"""The project's label schema and its annotators, as stored in the project."""

from __future__ import annotations

import json

from annotate.errors import InputError
from annotate.model import Changes, now
from annotate.names import checked_name
from annotate.schema import Guide, RelationLabel, Schema, SpanLabel
from annotate.store import Store


class Labels:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._cached: Schema | None = None
        store.rollback_listeners.append(self.forget)

    def forget(self) -> None:
        """Drop the cached schema; the next call reads it again."""
        self._cached = None

    def schema(self) -> Schema:
        if self._cached is None:
            self._cached = self._read()
        return self._cached

    def span_label(self, name: str) -> SpanLabel | None:
        return next((label for label in self.schema().labels if label.name == name), None)

    def relation_label(self, name: str) -> RelationLabel | None:
        return next((label for label in self.schema().relations if label.name == name), None)

    def offered(self, name: str) -> SpanLabel:
        """The span label a new span may take, refused when unknown or retired."""
        label = self.span_label(name)
        if label is None:
            raise InputError(f"unknown label {name!r}", field="label")
        if label.retired:
            raise InputError(
                f"label {name} is retired: the spans made before keep it, new spans cannot take it",
                field="label",
            )
        return label

    def renames(self) -> dict[str, str]:
        """Each former name of a span label, with the name it has now."""
        rows = self._store.conn.execute("SELECT old, new FROM label_renames")
        return {str(old): str(new) for old, new in rows}

    def add_schema(self, schema: Schema) -> Changes:
        changes = Changes()
        with self._store.write():
            for label in schema.labels:
                changes += self.add_span_label(label)
            for relation in schema.relations:
                changes += self.add_relation_label(relation)
        return changes

    def add_span_label(self, label: SpanLabel) -> Changes:
        with self._store.write() as conn:
            taken = conn.execute(
                "SELECT name FROM labels WHERE key <> '' AND key = ?", (label.key,)
            ).fetchone()
            if taken:
                raise InputError(f"key {label.key!r} is already used by {taken[0]}", field="key")
            conn.execute(
                "INSERT INTO labels (name, position, english, arabic, colour, key, attributes,"
                " guide, retired) VALUES"
                " (?, (SELECT coalesce(max(position), 0) + 1 FROM labels), ?, ?, ?, ?, ?, ?, ?)",
                (
                    label.name,
                    label.english,
                    label.arabic,
                    label.colour,
                    label.key,
                    json.dumps(label.attributes, ensure_ascii=False),
                    label.guide.as_json(),
                    int(label.retired),
                ),
            )
        self._cached = None
        return Changes(labels_added=(label.name,))

    def add_relation_label(self, relation: RelationLabel) -> Changes:
        with self._store.write() as conn:
            conn.execute(
                "INSERT INTO relation_labels (name, position, english, arabic, heads, tails,"
                " guide) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM"
                " relation_labels), ?, ?, ?, ?, ?)",
                (
                    relation.name,
                    relation.english,
                    relation.arabic,
                    json.dumps(list(relation.heads)),
                    json.dumps(list(relation.tails)),
                    relation.guide.as_json(),
                ),
            )
        self._cached = None
        return Changes(labels_added=(relation.name,))

    def _read(self) -> Schema:
        conn = self._store.conn
        labels = tuple(
            SpanLabel(
                name,
                english,
                arabic,
                colour,
                key,
                json.loads(attrs),
                Guide.from_json(guide),
                bool(retired),
            )
            for name, english, arabic, colour, key, attrs, guide, retired in conn.execute(
                "SELECT name, english, arabic, colour, key, attributes, guide, retired"
                " FROM labels ORDER BY position"
            )
        )
        relations = tuple(
            RelationLabel(
                name,
                english,
                arabic,
                tuple(json.loads(heads)),
                tuple(json.loads(tails)),
                Guide.from_json(guide),
            )
            for name, english, arabic, heads, tails, guide in conn.execute(
                "SELECT name, english, arabic, heads, tails, guide FROM relation_labels"
                " ORDER BY position"
            )
        )
        return Schema(labels=labels, relations=relations)


class Annotators:
    def __init__(self, store: Store) -> None:
        self._store = store

    def ensure(self, name: str) -> Changes:
        if not name.strip():
            raise InputError("an annotator needs a name", field="annotator")
        checked_name(name, "annotator")
        with self._store.write() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)", (name, now())
            )
        return Changes(annotators_added=(name,)) if cursor.rowcount else Changes()

    def names(self) -> list[str]:
        query = "SELECT name FROM annotators ORDER BY name"
        return [str(row[0]) for row in self._store.conn.execute(query)]
