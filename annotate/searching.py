"""Search a project's documents for the mentions of a name (see annotate.mentions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotate.mentions import mentions_in, normalise
from annotate.project import Project

CONTEXT = 30  # characters shown on each side of a mention


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
        return {
            "document": self.document,
            "number": self.number,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "context": self.context,
        }


def search_documents(
    project: Project, query: str, doc: str | None = None, prefix: bool = False
) -> list[Hit]:
    """Every mention in the project (or in one document), in document order."""
    wanted = normalise(query.strip()).text
    uids = [project.documents.resolve(doc)] if doc else None
    hits = []
    for summary in project.documents.summaries():
        if uids is not None and summary.uid not in uids:
            continue
        text = project.documents.get(summary.uid).text
        for mention in mentions_in(normalise(text), wanted, prefix):
            hits.append(
                _hit(summary.uid, summary.position, summary.title, text, mention.start, mention.end)
            )
    return hits


def _hit(uid: str, number: int, title: str, text: str, start: int, end: int) -> Hit:
    left, right = max(start - CONTEXT, 0), min(end + CONTEXT, len(text))
    context = " ".join(text[left:right].split())
    return Hit(uid, number, title, start, end, text[start:end], context)
