"""What a review item's spans link to, as its lanes show it: a line for each link under
each lane's name, and the linked spans marked in the lane."""

from __future__ import annotations

from annotate.model import GOLD_ANNOTATOR, Relation, Span
from annotate.review.attribution import Tail, links_in_order
from annotate.review.disagreements import Item, Links
from gui.i18n import translate
from gui.review_lanes import LINKED, Mark
from gui.review_models import ISOLATE, ShownNames, linked_words

GoldLinks = list[tuple[Relation, Span]]


def lane_lines(
    text: str,
    item: Item,
    gold: list[Span],
    links: GoldLinks,
    passages: frozenset[str],
    names: ShownNames,
) -> dict[str, list[str]]:
    """Each lane's links in the item, in words ("SPEAKER والتز"), gold's first."""
    lines = {GOLD_ANNOTATOR: _lines(text, _gold_spans(gold, links), passages, names)}
    for version in item.versions:
        spans = [(s.label, linked) for s, linked in zip(version.spans, version.links, strict=True)]
        lines[version.annotator] = _lines(text, spans, passages, names)
    return lines


def linked_marks(item: Item, links: GoldLinks) -> dict[str, list[Mark]]:
    """The spans each lane's span in the item links to, as marks over their own."""
    marks = {
        version.annotator: [
            Mark(start, end, LINKED, False)
            for linked in version.links
            for _, start, end in links_in_order(linked)
        ]
        for version in item.versions
    }
    marks[GOLD_ANNOTATOR] = [Mark(tail.start, tail.end, LINKED, False) for _, tail in links]
    return marks


def tail_choice(text: str, relation: str, tail: Tail, names: ShownNames) -> str:
    """A span offered as a link's end: "PERSON  والتز  — ali, huda (SPEAKER of ali)"."""
    words = ISOLATE.format(" ".join(text[tail.start : tail.end].split()))
    listed = translate("ReviewLinks", ", ")
    choice = f"{names.label(tail.label)}  {words}  — {listed.join(tail.marked_by)}"
    if not tail.named_by:
        return choice
    named = translate("ReviewLinks", "({relation} of {annotators})").format(
        relation=names.relation(relation), annotators=listed.join(tail.named_by)
    )
    return f"{choice} {named}"


def _gold_spans(gold: list[Span], links: GoldLinks) -> list[tuple[str, Links]]:
    return [
        (
            span.label,
            frozenset((r.label, tail.start, tail.end) for r, tail in links if r.head == span.uid),
        )
        for span in gold
    ]


def _lines(
    text: str, spans: list[tuple[str, Links]], passages: frozenset[str], names: ShownNames
) -> list[str]:
    lines: list[str] = []
    for label, links in spans:
        words = linked_words(text, label, links, passages, names)
        lines.extend(w for w in words if w not in lines)
    return lines
