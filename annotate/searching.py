"""Search a project's documents for the mentions of a name (see annotate.mentions)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from annotate.lexicon import Lexicon
from annotate.mentions import Query, compile_query, mentions_in, normalise, normalised_text
from annotate.project import Project

CONTEXT = 30  # characters shown on each side of a mention
TRIGRAM = 3  # the shortest query the trigram index can look up
ALONE_LOOKS = 500  # documents read, at most, to see whether a word stands alone


@dataclass(frozen=True)
class Hit:
    document: str
    number: int
    title: str
    start: int
    end: int
    text: str
    context: str
    variant: bool = False  # spelled otherwise than the query

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def search_documents(
    project: Project,
    query: str,
    doc: str | None = None,
    prefix: bool = False,
    family: bool = False,
) -> list[Hit]:
    """Every mention in the project (or in one document), in document order."""
    return list(iter_hits(project, query, doc, prefix, family))


def iter_hits(
    project: Project,
    query: str,
    doc: str | None = None,
    prefix: bool = False,
    family: bool = False,
    words: Lexicon | None = None,
) -> Iterator[Hit]:
    """The mentions, a document at a time, so the first ones come before the whole corpus
    is read. The search index gives the documents that can hold the query."""
    wanted = compile_query(query, prefix, family)
    if wanted.empty:
        return
    words = words or project_lexicon(project)
    only = project.documents.resolve(doc) if doc else None
    for uid, position, title, text in _candidates(project, wanted, only):
        for mention in mentions_in(normalise(text), text, wanted, words):
            yield _hit(uid, position, title, text, mention.start, mention.end, mention.variant)


def _candidates(
    project: Project, wanted: Query, only: str | None
) -> Iterator[tuple[str, int, str, str]]:
    conn = project.store.conn
    where, params = ("WHERE d.uid = ?", [only]) if only else ("", [])
    match = _index_query(wanted)
    if match:
        where = ("WHERE" if not where else where + " AND") + " s.body MATCH ?"
        params.append(match)
        source = "search_index s JOIN documents d ON d.position = s.rowid"
        order = "s.rowid"  # the index's own order (rowid = position): results stream
    else:
        source, order = "documents d", "d.position"  # too short for the index: read all
    query = f"SELECT d.uid, d.position, d.title, d.text FROM {source} {where} ORDER BY {order}"
    yield from conn.execute(query, params)


def _index_query(wanted: Query) -> str:
    """An FTS5 query every document holding a mention matches: each word of three letters
    or more (a word starting with the article also as written after a contracted ل)."""
    terms = []
    for number, word in enumerate(wanted.words):
        if len(word) < TRIGRAM:
            continue
        forms = [word] + ([word[1:]] if number == 0 and wanted.contracted else [])
        terms.append("(" + " OR ".join(_phrase(form) for form in forms) + ")")
    return " AND ".join(terms)


def _phrase(form: str) -> str:
    return '"' + form.replace('"', '""') + '"'


def _hit(uid: str, number: int, title: str, text: str, start: int, end: int, variant: bool) -> Hit:
    left, right = max(start - CONTEXT, 0), min(end + CONTEXT, len(text))
    context = " ".join(text[left:right].split())
    return Hit(uid, number, title, start, end, text[start:end], context, variant)


def project_lexicon(project: Project, mentions: Iterable[str] = ()) -> Lexicon:
    """The word list with the project's evidence: the texts of `mentions` (spans an
    analyst marked; read only if the list lacks a word), and any word that stands alone
    somewhere in the corpus."""
    known: set[str] = set()
    unread = iter(mentions)

    def knows(form: str) -> bool:
        known.update(normalised_text(text) for text in unread)
        return normalised_text(form) in known or occurs_alone(project, form)

    return Lexicon(knows)


def occurs_alone(project: Project, form: str) -> bool:
    """Whether the word stands somewhere in the corpus with no letter attached to it (of
    the first documents the index gives, for a word too rare for the word list)."""
    wanted = normalised_text(form)
    if len(wanted) < TRIGRAM or not wanted.strip():
        return False
    alone = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    rows = project.store.conn.execute(
        "SELECT body FROM search_index WHERE body MATCH ? LIMIT ?", (_phrase(wanted), ALONE_LOOKS)
    )
    return any(alone.search(body) for (body,) in rows)
