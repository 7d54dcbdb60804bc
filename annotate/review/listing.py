"""A document's items as the review window lists them: all of them counted from one reading
of the document's spans as codes and places (as the review list counts them), each read
back as an Item, with its spans and links, only when it is asked for. A document may have
ten thousand items; the window shows a few dozen and works on one."""

from __future__ import annotations

from itertools import pairwise

from annotate.errors import AnnotateError
from annotate.project import Project
from annotate.review.codes import (
    OFFSET_BITS,
    OFFSET_MASK,
    Names,
    Unnamed,
    links_by_document,
    read_names,
    spans_by_document,
)
from annotate.review.disagreements import NO_LINKS, Item, Links, document_items, item_at
from annotate.review.tally import Counter, Found, Items


class ListOutdated(AnnotateError):
    """An item listed is no longer in the document as it was."""


class ItemList:
    """The items in the order ``document_items`` gives them, with the same states and
    keys."""

    def __init__(self, project: Project, document: str) -> None:
        self.project = project
        self.document = document
        try:
            self._read(read_names(project))
        except Unnamed:  # a span the tables do not name: the names its spans use
            self._read(read_names(project, document))
        compared = [i for i in range(len(self._names.annotators)) if self._found.everyone >> i & 1]
        self.annotators = [self._names.annotators[i] for i in compared]
        self._compared = compared
        self._column = {annotator: number for number, annotator in enumerate(compared)}
        self.rows = _in_order(self._found.found)
        self.passage_labels = frozenset(self._names.labels[i] for i in self._names.passages)

    def _read(self, names: Names) -> None:
        self._names = names
        rows = next(spans_by_document(self.project, names, self.document), (0, []))[1]
        spans = sum(places.count(",") + 1 for _, _, places in rows)
        links = links_by_document(self.project, names, self.document, spans)
        self._counter = Counter(names)
        self._links = next(iter(links.values()), {})
        found = self._counter.items(rows, self._links) if rows else None
        self._found = found or Items({}, 0, [])

    def __len__(self) -> int:
        return len(self.rows)

    def labels(self, row: int, annotator: int) -> list[str]:
        """The labels of an annotator's spans in the item (the annotator's place among the
        compared), as its version lists them."""
        return [self._names.labels[label] for _, label in self._marked(row)[annotator]]

    def links(self, row: int, annotator: int) -> list[Links]:
        """The links of an annotator's spans in the item, span by span, as its version lists
        them."""
        index = self._compared[annotator]
        return [
            self._links.get((index, label, place >> OFFSET_BITS, place & OFFSET_MASK), NO_LINKS)
            for place, label in self._marked(row)[annotator]
        ]

    def spans(self, row: int) -> dict[str, list[tuple[int, int]]]:
        """Each compared annotator's spans in the item, by offsets, as the versions list
        them."""
        return {
            name: [(place >> OFFSET_BITS, place & OFFSET_MASK) for place, _ in marked]
            for name, marked in zip(self.annotators, self._marked(row), strict=True)
        }

    def _marked(self, row: int) -> list[list[tuple[int, int]]]:
        """(place, label index) of each compared annotator's spans, in order."""
        marked: list[list[tuple[int, int]]] = [[] for _ in self.annotators]
        for place in self.rows[row].places:
            for code in self._counter.codes(self._found.exact[place]):
                annotator, label = self._names.split(code)
                marked[self._column[annotator]].append((place, label))
        for spans in marked:
            spans.sort()
        return marked

    def item(self, row: int) -> Item:
        """The item, read back as it is now with its spans and links; raises ListOutdated
        when it is no longer the item listed (its spans changed since)."""
        found = self.rows[row]
        places = [(place >> OFFSET_BITS, place & OFFSET_MASK) for place in found.places]
        item = item_at(self.project, self.document, places, self.annotators)
        if item is None or item.key != found.key:
            raise ListOutdated(
                "The document's spans have changed since its items were listed: listed again"
            )
        return item

    def items(self) -> list[Item]:
        """Every item, read back (what acting on all of them at once needs)."""
        return document_items(self.project, self.document, self.annotators)


def _in_order(found: list[Found]) -> list[Found]:
    """As ``items_of`` orders items: by start, the longer first, then (rarely needed) by
    key."""
    rows = sorted(found, key=lambda item: (item.start, -item.end))
    if any(a.start == b.start and a.end == b.end for a, b in pairwise(rows)):
        rows.sort(key=lambda item: (item.start, -item.end, item.key))
    return rows
