"""Search a project's documents for the mentions of a name (see annotate.mentions)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from annotate.corpus_scan import TRIGRAM, documents_with_hits
from annotate.lexicon import Lexicon
from annotate.mentions import compile_query, normalised_text
from annotate.project import Project

CONTEXT = 30  # characters shown on each side of a mention
ALONE_LOOKS = 2000  # places of a word looked at, at most, to see whether it stands alone


class Hit(NamedTuple):  # a tuple: a common word has a hit in every document
    document: str
    number: int
    title: str
    start: int
    end: int
    text: str
    context: str
    variant: bool = False  # spelled otherwise than the query

    def to_json(self) -> dict[str, Any]:
        return self._asdict()


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
    is read (annotate.corpus_scan reads only the text around them)."""
    wanted = compile_query(query, prefix, family)
    if wanted.empty:
        return
    words = words or project_lexicon(project)
    only = project.documents.get(project.documents.resolve(doc)).position if doc else None
    conn = project.store.conn
    for document, found in documents_with_hits(conn, wanted, words, CONTEXT, only):
        for hit in found:
            yield Hit(document.uid, document.position, document.title, *hit)


def project_lexicon(project: Project, mentions: Iterable[str] = ()) -> Lexicon:
    """The word list with the project's evidence: the texts of `mentions` (spans an
    analyst marked; read only if the list lacks a word), and any word that stands alone
    somewhere in the corpus."""
    marked = marked_forms(mentions)
    return Lexicon(lambda form: marked(form) or occurs_alone(project, form))


def marked_forms(mentions: Iterable[str]) -> Callable[[str], bool]:
    """Whether a form is, normalised, the text of one of `mentions` (read only when first
    asked: most forms are decided by the word list alone)."""
    known: set[str] = set()
    unread = iter(mentions)

    def marked(form: str) -> bool:
        known.update(normalised_text(text) for text in unread)
        return normalised_text(form) in known

    return marked


def occurs_alone(project: Project, form: str) -> bool:
    """Whether the word stands somewhere in the corpus with no letter attached to it (at
    one of its first places in the index)."""
    wanted = compile_query(form)
    if wanted.empty or len(wanted.words) != 1 or len(wanted.words[0]) < TRIGRAM:
        return False  # a word the index cannot look up is not worth reading every document
    hits = documents_with_hits(project.store.conn, wanted, NO_PROCLITICS, 0, looks=ALONE_LOOKS)
    return next(hits, None) is not None


class _NoProclitics(Lexicon):
    """Evidence that takes no letter for a proclitic: what is found stands alone."""

    def zipf(self, form: str) -> float:
        return 0.0

    def is_word(self, form: str) -> bool:
        return False


NO_PROCLITICS = _NoProclitics()
