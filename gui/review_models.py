"""The tables of a review: documents by what is left to decide, and one document's items."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from annotate.review.attribution import links_in_order
from annotate.review.counts import ReviewCount
from annotate.review.disagreements import Item, Links
from annotate.review.listing import ItemList
from annotate.review.second_look import Counts
from annotate.review.tally import Found
from annotate.schema import SPEAKER_RELATION, Schema
from gui.comment_marks import PlacedTalk
from gui.i18n import is_arabic, shown_name, translate
from gui.plain_text import tooltip
from gui.review_lanes import look
from gui.table_model import ModelIndex, RowsModel

NOTHING = "—"
SECOND_LOOK_COLUMN = 4  # of the list of documents, when it shows
ISOLATE = "\u2068{}\u2069"  # FSI ... PDI: a name laid out in its own direction


@dataclass(frozen=True)
class ShownNames:
    """Label and relation names as the review shows them: in Arabic the schema's Arabic
    names, in English the names themselves (QUOTE, SPEAKER)."""

    labels: Mapping[str, str] = field(default_factory=dict)
    relations: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, schema: Schema) -> ShownNames:
        if not is_arabic():
            return cls()
        return cls(
            {known.name: shown_name(known.english, known.arabic) for known in schema.labels},
            {known.name: shown_name(known.english, known.arabic) for known in schema.relations},
        )

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def relation(self, name: str) -> str:
        return self.relations.get(name, name)


def verdict_words(verdict: str) -> str:
    """A decision as the item list's last column says it."""
    words = {
        "accepted": translate("ReviewModels", "accepted"),
        "rejected": translate("ReviewModels", "rejected"),
        "edited": translate("ReviewModels", "edited"),
    }
    return words.get(verdict, verdict)


class ReviewDocumentsModel(RowsModel):
    """A row per document: its title, its disagreements, those left to decide and the
    items to accept; and, where a model's suggestions were made, its places for a second
    look (possible misses and errors)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: list[ReviewCount] = []
        self._second_looks: dict[str, Counts] = {}  # by document uid
        self.columns = self._headers(False)

    @staticmethod
    def _headers(second_look: bool) -> tuple[str, ...]:
        # Left to decide: the disagreements without a decision; To accept: the items
        # everyone agrees on that are not in gold yet (A accepts them all)
        headers = (
            translate("ReviewModels", "Title"),
            translate("ReviewModels", "Disagreements"),
            translate("ReviewModels", "Left to decide"),
            translate("ReviewModels", "To accept"),
        )
        return (*headers, look("model").symbol) if second_look else headers

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and section == SECOND_LOOK_COLUMN:
            return translate(
                "ReviewModels",
                "Second look: places where a trained model disagrees with the analysts"
                " (possible misses and errors)",
            )
        return super().headerData(section, orientation, role)

    def set_documents(
        self, documents: list[ReviewCount], second_looks: Mapping[str, Counts] | None = None
    ) -> None:
        """The documents, and the places for a second look of those that have any (the
        column shows only when some document has a model's suggestions)."""
        self.beginResetModel()
        self._documents = sorted(
            documents, key=lambda d: (-d.undecided_disagreements, -d.disagreements)
        )
        self._second_looks = dict(second_looks or {})
        self.columns = self._headers(second_looks is not None)
        self.endResetModel()

    def second_look(self, row: int) -> Counts:
        return self._second_looks.get(self._documents[row].uid, Counts(0, 0))

    def document(self, row: int) -> ReviewCount:
        return self._documents[row]

    def replace(self, row: int, document: ReviewCount) -> None:
        """New counts for one document, in place (the order changes on the next refresh)."""
        self._documents[row] = document
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def row_of(self, uid: str) -> int:
        return next((row for row, d in enumerate(self._documents) if d.uid == uid), -1)

    def rows(self) -> list[Any]:
        return self._documents

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SECOND_LOOK_COLUMN:
            counts = self.second_look(index.row())
            said = translate("ReviewModels", "Possible misses: {misses}; possible errors: {errors}")
            return said.format(misses=counts.misses, errors=counts.errors)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        document = self._documents[index.row()]
        if index.column() == SECOND_LOOK_COLUMN:
            return sum(self.second_look(index.row()))
        return (
            document.title,
            document.disagreements,
            document.undecided_disagreements,
            document.undecided_agreed,
        )[index.column()]


def linked_words(
    text: str, label: str, links: Links, passages: frozenset[str], names: ShownNames
) -> list[str]:
    """What a span links to, in words: "SPEAKER والتز", "CUE قال"; a passage (a quote)
    without a speaker says "no SPEAKER"."""
    words = [
        f"{names.relation(relation)} {ISOLATE.format(' '.join(text[start:end].split()))}"
        for relation, start, end in links_in_order(links)
    ]
    if label in passages and not any(link[0] == SPEAKER_RELATION for link in links):
        speaker = names.relation(SPEAKER_RELATION)
        words.insert(0, translate("ReviewModels", "no {relation}").format(relation=speaker))
    return words


def described_span(
    text: str, label: str, links: Links, passages: frozenset[str], names: ShownNames
) -> str:
    """A span as a cell of the item list shows it: "QUOTE (SPEAKER والتز; CUE قال)"."""
    words = linked_words(text, label, links, passages, names)
    if not words:
        return names.label(label)
    return translate("ReviewModels", "{label} ({links})").format(
        label=names.label(label), links=translate("ReviewModels", "; ").join(words)
    )


class ItemsModel(RowsModel):
    """One row per item: its state (symbol and words), its text, each annotator's labels
    (a quote's with the speaker and cue it links to) and the decision taken. It keeps count
    of the decided items and of the disagreements left as decisions come and go, and finds
    the items around a place without going through them all: a document may have ten
    thousand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list: ItemList | None = None
        self._rows: list[Found] = []
        self._verdicts: dict[str, str] = {}  # by item key
        self._starts: list[int] = []  # of the items, in order
        self._reach: list[int] = []  # the furthest end of the items up to each one
        self.text = ""  # the text of the document the items are in
        self.talk = PlacedTalk()  # comments and flags on the items' spans
        self.names = ShownNames()  # the labels' and relations' as the interface shows them
        self.columns = self._headers([])
        self.disagreements = 0
        self.decided_items = 0
        self.disagreements_left = 0

    def show_items(self, text: str, listed: ItemList, verdicts: Mapping[str, str]) -> None:
        self.beginResetModel()
        self.text, self._list, self._rows = text, listed, listed.rows
        self._verdicts = dict(verdicts)
        self._starts = [found.start for found in self._rows]
        self._reach = list(accumulate((found.end for found in self._rows), max))
        self.disagreements = sum(found.disagreement for found in self._rows)
        self.columns = self._headers(listed.annotators)
        self._count_decided()
        self.endResetModel()

    @staticmethod
    def _headers(annotators: list[str]) -> tuple[str, ...]:
        numbered = [f"{number} {name}" for number, name in enumerate(annotators, 1)]
        return (
            translate("ReviewModels", "State"),
            translate("ReviewModels", "Text"),
            *numbered,
            translate("ReviewModels", "Decision"),
        )

    def set_verdicts(self, verdicts: Mapping[str, str]) -> None:
        """Every verdict in the document, after a step that may have changed any."""
        self._verdicts = dict(verdicts)
        self._count_decided()
        last = len(self.columns) - 1
        self.dataChanged.emit(self.index(0, last), self.index(len(self._rows) - 1, last))

    def set_verdict(self, row: int, verdict: str | None) -> None:
        """The verdict on one item, after a step that changed no other."""
        found = self._rows[row]
        change = (verdict is not None) - (found.key in self._verdicts)
        if verdict is None:
            self._verdicts.pop(found.key, None)
        else:
            self._verdicts[found.key] = verdict
        self.decided_items += change
        self.disagreements_left -= change * found.disagreement
        last = len(self.columns) - 1
        self.dataChanged.emit(self.index(row, last), self.index(row, last))

    def _count_decided(self) -> None:
        """Items differ in their spans, so no two have one key: each verdict is of one
        item at most, and once every verdict has found its item the rest are undecided
        (their keys are not worked out)."""
        unmatched = set(self._verdicts)
        decided = decided_disagreements = 0
        for found in self._rows:
            if not unmatched:
                break
            if found.key in unmatched:
                unmatched.discard(found.key)
                decided += 1
                decided_disagreements += found.disagreement
        self.decided_items = decided
        self.disagreements_left = self.disagreements - decided_disagreements

    @property
    def agreed_left(self) -> int:
        """The items everyone agrees on without a decision (A accepts them)."""
        return len(self._rows) - self.decided_items - self.disagreements_left

    def found(self, row: int) -> Found:
        return self._rows[row]

    def item(self, row: int) -> Item:
        """The item, read back with its spans and links."""
        assert self._list is not None
        return self._list.item(row)

    def items(self) -> list[Item]:
        return self._list.items() if self._list is not None else []

    @property
    def passage_labels(self) -> frozenset[str]:
        return self._list.passage_labels if self._list is not None else frozenset()

    def spans(self, row: int) -> dict[str, list[tuple[int, int]]]:
        """Each annotator's spans in the item, by offsets."""
        return self._list.spans(row) if self._list is not None else {}

    def notes(self, row: int) -> list[str]:
        """The comments and flags on the item's spans, a line each."""
        return self.talk.of(self.spans(row))

    def row_of(self, key: str) -> int:
        """The row of the item with this key, or -1."""
        return next((row for row, found in enumerate(self._rows) if found.key == key), -1)

    def overlapping(self, first: int, last: int) -> list[int]:
        """The rows of the items sharing a character with [first, last), in order."""
        row = bisect_left(self._starts, last)  # those from here start at ``last`` or later
        found = []
        while row > 0 and self._reach[row - 1] > first:
            row -= 1
            if self._rows[row].end > first:
                found.append(row)
        found.reverse()
        return found

    def decided(self, row: int) -> bool:
        return bool(self._verdicts) and self._rows[row].key in self._verdicts

    def rows(self) -> list[Any]:
        return self._rows

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        found = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), found, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and self.talk.lines:
            return tooltip("\n".join(self.notes(index.row()))) or None
        if role == Qt.ItemDataRole.ToolTipRole and 1 < index.column() < len(self.columns) - 1:
            return tooltip(self._display(index.row(), found, index.column()))  # a long speaker
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QColor(look(found.state).colour)
        return None

    def _display(self, row: int, found: Found, column: int) -> str:
        if column == 0:
            chosen = look(found.state)
            return f"{chosen.symbol} {chosen.name}"
        if column == 1:
            words = " ".join(self.text[found.start : found.end].split())
            signs = self.talk.signs(self.spans(row)) if self.talk.lines else ""
            return f"{signs} {words}" if signs else words
        if column == len(self.columns) - 1:
            verdict = self._verdicts.get(found.key) if self._verdicts else None
            return verdict_words(verdict) if verdict else ""
        assert self._list is not None
        labels = self._list.labels(row, column - 2)
        links = self._list.links(row, column - 2)
        passages = self._list.passage_labels
        described = [
            described_span(self.text, label, linked, passages, self.names)
            for label, linked in zip(labels, links, strict=True)
        ]
        return translate("ReviewModels", ", ").join(described) or NOTHING
