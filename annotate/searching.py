"""Search a project's documents for the mentions of a name (see annotate.mentions)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from annotate.mentions import mentions_in, normalise
from annotate.project import Project

CONTEXT = 30  # characters shown on each side of a mention
TRIGRAM = 3  # the shortest query the trigram index can look up


@dataclass(frozen=True)
class Hit:
    document: str
    number: int
    title: str
    start: int
    end: int
    text: str
    context: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def search_documents(
    project: Project, query: str, doc: str | None = None, prefix: bool = False
) -> list[Hit]:
    """Every mention in the project (or in one document), in document order."""
    return list(iter_hits(project, query, doc, prefix))


def iter_hits(
    project: Project, query: str, doc: str | None = None, prefix: bool = False
) -> Iterator[Hit]:
    """The mentions, a document at a time, so the first ones come before the whole corpus
    is read. The search index gives the documents that can hold the query."""
    wanted = normalise(query).text.strip()
    if not wanted:
        return
    only = project.documents.resolve(doc) if doc else None
    for uid, position, title, text in _candidates(project, wanted, only):
        for mention in mentions_in(normalise(text), wanted, prefix):
            yield _hit(uid, position, title, text, mention.start, mention.end)


def _candidates(
    project: Project, wanted: str, only: str | None
) -> Iterator[tuple[str, int, str, str]]:
    conn = project.store.conn
    where, params = ("WHERE d.uid = ?", [only]) if only else ("", [])
    if len(wanted) >= TRIGRAM:
        forms = [wanted] + ([wanted[1:]] if wanted.startswith("ال") else [])  # لل+stem
        match = " OR ".join('"' + form.replace('"', '""') + '"' for form in forms)
        where = ("WHERE" if not where else where + " AND") + " s.body MATCH ?"
        params.append(match)
        source = "search_index s JOIN documents d ON d.position = s.rowid"
        order = "s.rowid"  # the index's own order (rowid = position): results stream
    else:
        source, order = "documents d", "d.position"  # too short for the index: read all
    query = f"SELECT d.uid, d.position, d.title, d.text FROM {source} {where} ORDER BY {order}"
    yield from conn.execute(query, params)


def _hit(uid: str, number: int, title: str, text: str, start: int, end: int) -> Hit:
    left, right = max(start - CONTEXT, 0), min(end + CONTEXT, len(text))
    context = " ".join(text[left:right].split())
    return Hit(uid, number, title, start, end, text[start:end], context)
