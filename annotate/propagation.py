"""Proposals to annotate the other mentions of a span's text in its document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from annotate.lexicon import Lexicon
from annotate.mentions import find_mentions
from annotate.model import Span
from annotate.project import Project
from annotate.schema import passage_labels
from annotate.searching import iter_hits, marked_forms, project_lexicon

VARIANT = "spelled otherwise"

# Why a mention starts unticked: a span of the label is on it already, it overlaps spans
# of other labels, or it is spelled otherwise than the span; "" when it starts ticked.
Why = Literal["", "already", "overlaps", "variant"]


@dataclass(frozen=True)
class Proposal:
    start: int
    end: int
    checked: bool  # offered ticked unless it is already done or would clash
    why: Why = ""
    labels: tuple[str, ...] = ()  # the label it already has, or those it overlaps

    @property
    def reason(self) -> str:
        """Why it starts unticked, in words ("already PERSON", "overlaps ORG, GPE")."""
        match self.why:
            case "already":
                return f"already {self.labels[0]}"
            case "overlaps":
                return f"overlaps {', '.join(self.labels)}"
            case "variant":
                return VARIANT
        return ""


def propose(
    text: str,
    span: Span,
    layer: list[Span],
    passages: frozenset[str] = frozenset(),
    words: Lexicon | None = None,
    family: bool = False,
) -> list[Proposal]:
    """Every other mention of the span's text. Only a mention spelled as the span is
    offered ticked: one spelled otherwise (another hamza seat, ى for ي, another member of
    the word family), one already covered by a span of its label, or one overlapping a
    span of another label of its kind (in the same layer) starts unticked. Kinds are
    passages (quotes, labels in `passages`) and entities: an entity inside a quote is
    normal nesting, not a clash. `words` is the evidence for proclitics (by default the
    word list, the span's own text and those of the layer)."""
    words = words or Lexicon(marked_forms(text[s.start : s.end] for s in layer))
    proposals = []
    for mention in find_mentions(text, text[span.start : span.end], family=family, words=words):
        if mention.start < span.end and span.start < mention.end:
            continue  # the span itself (perhaps without a trailing mark)
        why, labels = why_unticked(
            mention.start, mention.end, span.label, layer, passages, mention.variant
        )
        proposals.append(Proposal(mention.start, mention.end, not why, why, labels))
    return proposals


def why_unticked(
    start: int,
    end: int,
    label: str,
    layer: list[Span],
    passages: frozenset[str],
    variant: bool = False,
) -> tuple[Why, tuple[str, ...]]:
    """Why a mention of `label` at [start, end) starts unticked in a list of mentions to
    annotate, judged against the spans of `layer`, with the labels that make it so."""
    kind = label in passages
    overlapping = [
        s for s in layer if s.start < end and start < s.end and (s.label in passages) == kind
    ]
    if any(s.label == label for s in overlapping):
        return "already", (label,)
    others = tuple(sorted({s.label for s in overlapping if s.label != label}))
    if others:
        return "overlaps", others
    return ("variant" if variant else ""), ()


@dataclass(frozen=True)
class CorpusProposal:
    document: str
    number: int  # the document's place in the list
    proposal: Proposal
    context: str


def propose_in_corpus(
    project: Project, span: Span, text: str, family: bool = False
) -> list[CorpusProposal]:
    """Every other mention of the span's text in every document, judged against the
    annotator's own spans in each (as `propose` does in one)."""
    passages = passage_labels(project.labels.schema())
    layers: dict[str, list[Span]] = {}
    proposals = []
    words = project_lexicon(project, [text[span.start : span.end]])
    for hit in iter_hits(project, text[span.start : span.end], family=family, words=words):
        if hit.document == span.document and hit.start < span.end and span.start < hit.end:
            continue
        if hit.document not in layers:
            layers[hit.document] = project.spans.for_document(hit.document, span.annotator)
        layer = layers[hit.document]
        why, labels = why_unticked(hit.start, hit.end, span.label, layer, passages, hit.variant)
        proposal = Proposal(hit.start, hit.end, not why, why, labels)
        proposals.append(CorpusProposal(hit.document, hit.number, proposal, hit.context))
    return proposals
