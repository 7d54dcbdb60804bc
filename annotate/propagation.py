"""Proposals to annotate the other mentions of a span's text in its document."""

from __future__ import annotations

from dataclasses import dataclass

from annotate.mentions import find_mentions
from annotate.model import Span


@dataclass(frozen=True)
class Proposal:
    start: int
    end: int
    checked: bool  # offered ticked unless it is already done or would clash
    reason: str  # why it starts unticked


def propose(text: str, span: Span, layer: list[Span]) -> list[Proposal]:
    """Every other mention of the span's text; a mention already covered by a span of its
    label, or overlapping a span of another label (in the same layer), starts unticked."""
    proposals = []
    for mention in find_mentions(text, text[span.start : span.end]):
        if (mention.start, mention.end) == (span.start, span.end):
            continue
        reason = _reason(mention.start, mention.end, span.label, layer)
        proposals.append(Proposal(mention.start, mention.end, not reason, reason))
    return proposals


def _reason(start: int, end: int, label: str, layer: list[Span]) -> str:
    overlapping = [s for s in layer if s.start < end and start < s.end]
    if any(s.label == label and s.start <= start and end <= s.end for s in overlapping):
        return f"already {label}"
    others = sorted({s.label for s in overlapping if s.label != label})
    return f"overlaps {', '.join(others)}" if others else ""
