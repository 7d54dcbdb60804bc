"""What a review step did, in the interface language ("Accept ali's version, SPEAKER والتز"):
the window says it once the step is taken, undone or redone. In English the words are the
names the core gives its steps."""

from __future__ import annotations

from annotate.review.attribution import links_in_order
from annotate.review.disagreements import Version
from gui.i18n import translate
from gui.review_models import ShownNames


def words_of(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def accepted(annotator: str, version: Version, text: str, names: ShownNames) -> str:
    """With what the version's spans link to: "Accept ali's version, SPEAKER والتز"."""
    links = links_in_order(frozenset().union(*version.links))
    linking = "".join(
        translate("ReviewSteps", ", {relation} {words}").format(
            relation=names.relation(relation), words=words_of(text, start, end)
        )
        for relation, start, end in links
    )
    return translate("ReviewSteps", "Accept {annotator}'s version{links}").format(
        annotator=annotator, links=linking
    )


def rejected() -> str:
    return translate("ReviewSteps", "Reject")


def accepted_unanimous(count: int) -> str:
    return translate("ReviewSteps", "Accept {count} unanimous span(s)").format(count=count)


def linked(relation: str, words: str, names: ShownNames) -> str:
    return translate("ReviewSteps", "Gold {relation} {words}").format(
        relation=names.relation(relation), words=words
    )


def unlinked(relation: str, words: str, names: ShownNames) -> str:
    return translate("ReviewSteps", "Remove the gold {relation} {words}").format(
        relation=names.relation(relation), words=words
    )


def moved(label: str, names: ShownNames) -> str:
    return translate("ReviewSteps", "Move the gold {label}").format(label=names.label(label))


def relabelled(label: str, names: ShownNames) -> str:
    return translate("ReviewSteps", "Gold {label}").format(label=names.label(label))
