"""The Project facade: one object over a project file, one manager per aggregate."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from annotate.annotations import Relations, Spans
from annotate.assignments import Assignments
from annotate.comments import Comments
from annotate.documents import Documents
from annotate.errors import ProjectError
from annotate.labels import Annotators, Labels
from annotate.schema import DEFAULT_SCHEMA_PATH, Schema, load_schema
from annotate.store import Store
from annotate.suggestions import Suggestions


class Project:
    """A project file. Every mutating method runs in one transaction and returns Changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.labels = Labels(store)
        self.annotators = Annotators(store)
        self.documents = Documents(store, self.annotators)
        self.spans = Spans(store, self.labels, self.annotators)
        self.relations = Relations(store, self.labels, self.spans)
        self.assignments = Assignments(store, self.documents, self.annotators)
        self.comments = Comments(store)
        self.suggestions = Suggestions(store, self.labels)

    @classmethod
    def create(cls, path: Path | str, schema: Schema | None = None) -> Project:
        schema = schema or load_schema(DEFAULT_SCHEMA_PATH)
        path = Path(path)
        project = cls(Store.create(path))
        try:
            project.labels.add_schema(schema)
        except BaseException:
            project.close()
            path.unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(
        cls, path: Path | str, read_only: bool | None = None, outdated_ok: bool = False
    ) -> Project:
        """The project at ``path``; read-only when asked (True) or when it cannot be written
        (None). A read-only project cannot be upgraded, so one from an older version opens
        only for a caller that reads no more than the file's own structure (``outdated_ok``)."""
        store = Store.open(Path(path), read_only)
        if store.outdated and not outdated_ok:
            version = store.schema_version
            store.close()
            raise ProjectError(
                f"{path}: written by an older version (schema {version}) and"
                " read-only here: open it once where it can be written, and it is upgraded"
            )
        return cls(store)

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def path(self) -> Path:
        return self.store.path

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several operations into one transaction (all or nothing)."""
        with self.store.write():
            yield

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
