"""Suggestions without training: the project's known mentions (the texts of the spans of
one layer, per label, across every document) wherever else they are written.

A mention is found as `annotate search` finds it (annotate.mentions): with attached
proclitics left out only where they are proclitics (وكندا, بكندا, لكندا: كندا; never ندا in
كندا), the known text never shortened. One spelled otherwise (another hamza seat, ى for ي)
is not offered, nor one a span of its label in the layer already covers, nor one inside a
longer known mention of its label found at the same place."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from annotate.errors import InputError
from annotate.intervals import IntervalIndex
from annotate.lexicon import Lexicon
from annotate.mentions import Query, compile_query, mentions_in, normalise, written
from annotate.model import GOLD_ANNOTATOR, Span
from annotate.project import Project
from annotate.schema import passage_labels
from annotate.searching import project_lexicon
from annotate.suggestions import Candidate

EVERY_LAYER = "all"
MIN_LETTERS = 2  # a known mention of one letter would be found in every text


def gazetteer_candidates(
    project: Project, document: str, source: str = GOLD_ANNOTATOR
) -> list[Candidate]:
    """The known mentions of `source` (gold, an annotator, or all) found in a document."""
    return Gazetteer(project, source).candidates(document)


class Gazetteer:
    """The known mentions of one layer (or all), read once for any number of documents."""

    def __init__(self, project: Project, source: str = GOLD_ANNOTATOR) -> None:
        self._project = project
        self._annotator = known_layer(project, source)
        self._passages = passage_labels(project.labels.schema())
        self._known = self._known_mentions()
        self._words: Lexicon = project_lexicon(
            project, (query.spelled for queries in self._known.values() for query in queries)
        )

    @property
    def size(self) -> int:
        """How many different mentions it knows (a text known under two labels twice)."""
        return sum(len(queries) for queries in self._known.values())

    def candidates(self, document: str) -> list[Candidate]:
        """Every known mention in the document, by (start, end, label)."""
        text = self._project.documents.get(document).text
        normalised = normalise(text)
        spans = _by_label(self._project.spans.for_document(document, self._annotator))
        found: dict[tuple[str, int, int], Candidate] = {}
        for label, queries in self._known.items():
            for query in queries:
                if _first_letters(query) not in normalised.text:
                    continue  # most known mentions are not in a given text at all
                for mention in mentions_in(normalised, text, query, self._words):
                    marked = _marked(spans, label, mention.start, mention.end)
                    if not mention.variant and not marked:
                        found[label, mention.start, mention.end] = Candidate(
                            label, mention.start, mention.end
                        )
        return sorted(_outermost(found.values()), key=lambda c: (c.start, c.end, c.label))

    def _known_mentions(self) -> dict[str, list[Query]]:
        """Per label that a new span may take (entities, not passages), the query of each
        different spelling of its spans' texts. A text the layer gave several labels is
        known under the one it gave most often, and not at all when two tie: offered under
        each, it would be two suggestions on one name."""
        offered = {
            label.name
            for label in self._project.labels.schema().labels
            if not label.retired and label.name not in self._passages
        }
        labels_of: dict[str, Counter[str]] = defaultdict(Counter)
        for label, mention in self._mention_texts():
            if label in offered and len(written(mention).replace(" ", "")) >= MIN_LETTERS:
                labels_of[written(mention)][label] += 1
        spelled: dict[str, list[str]] = defaultdict(list)
        for text, labels in sorted(labels_of.items()):
            (label, most), *others = labels.most_common(2)
            if not others or others[0][1] < most:
                spelled[label].append(text)
        return {label: [compile_query(text) for text in texts] for label, texts in spelled.items()}

    def _mention_texts(self) -> list[tuple[str, str]]:
        """(label, text) of every span of the layer, each document's text read once."""
        conn = self._project.store.conn
        where, params = (
            ("WHERE s.annotator = ?", (self._annotator,)) if self._annotator else ("", ())
        )
        by_document: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        for number, label, start, end in conn.execute(
            f'SELECT s.document, s.label, s.start, s."end" FROM spans s {where}', params
        ):
            by_document[number].append((label, start, end))
        texts = []
        for number, spans in by_document.items():
            query = "SELECT text FROM documents WHERE position = ?"
            text = conn.execute(query, (number,)).fetchone()[0]
            texts += [(label, text[start:end]) for label, start, end in spans]
        return texts


def _by_label(layer: Iterable[Span]) -> dict[str, IntervalIndex[str]]:
    """A layer's spans, an index of them per label."""
    index: dict[str, IntervalIndex[str]] = defaultdict(IntervalIndex)
    for span in layer:
        index[span.label].add(span.uid, span.start, span.end)
    return dict(index)


def _marked(spans: dict[str, IntervalIndex[str]], label: str, start: int, end: int) -> bool:
    """Whether a span of the label shares a character with [start, end): the mention is
    marked already (as annotate.propagation says "already")."""
    index = spans.get(label)
    return index is not None and bool(index.overlapping(start, end))


def usual_layer(project: Project) -> str:
    """The layer whose mentions are known by default: the reviewed reference where the
    project has a span of it, else everyone's."""
    query = "SELECT 1 FROM spans WHERE annotator = ? LIMIT 1"
    has_gold = project.store.conn.execute(query, (GOLD_ANNOTATOR,)).fetchone() is not None
    return GOLD_ANNOTATOR if has_gold else EVERY_LAYER


def known_layer(project: Project, source: str, field: str = "source") -> str | None:
    """The annotator whose spans are the known mentions of `source` (None for every
    annotator's), refused when the project has no such annotator."""
    if source == EVERY_LAYER:
        return None
    if source != GOLD_ANNOTATOR and source not in project.annotators.names():
        names = [name for name in project.annotators.names() if name != GOLD_ANNOTATOR]
        choices = f"gold, all or one of: {', '.join(names)}" if names else "gold or all"
        raise InputError(f"no annotator {source!r} in the project: give {choices}", field=field)
    return source


def _first_letters(query: Query) -> str:
    """What a text holds, normalised, wherever the query is found in it: its first word,
    without the article's alef when it may follow a ل (للأمم for الأمم)."""
    first = query.words[0]
    return first[1:] if query.contracted is not None else first


def _outermost(found: Iterable[Candidate]) -> list[Candidate]:
    """Without a candidate that lies inside a longer one of its label (أحمد in أحمد سعيد):
    in order of start, longest first, one ending no later than the furthest end so far of
    its label is inside (no two have the same bounds and label)."""
    kept = []
    furthest: dict[str, int] = {}
    for candidate in sorted(found, key=lambda c: (c.start, -c.end)):
        if candidate.end > furthest.get(candidate.label, -1):
            kept.append(candidate)
            furthest[candidate.label] = candidate.end
    return kept
