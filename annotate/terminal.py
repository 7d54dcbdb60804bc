"""Text for terminals, which neither shape Arabic nor run the bidi algorithm."""

from __future__ import annotations

from typing import TextIO

import arabic_reshaper
from bidi import get_display

from annotate.model import Span

VISUAL_MODES = ("auto", "always", "never")


def wants_visual(mode: str, stream: TextIO) -> bool:
    """auto: visual order only on a terminal; a pipe or file gets logical order."""
    if mode == "auto":
        return stream.isatty()
    return mode == "always"


def for_terminal(text: str, visual: bool) -> str:
    """Each line shaped and put in visual order when ``visual``; logical order otherwise."""
    if not visual:
        return text
    return "\n".join(str(get_display(arabic_reshaper.reshape(line))) for line in text.split("\n"))


def with_marks(text: str, spans: list[Span]) -> str:
    """The text with [LABEL ...] around each span; nested spans nest, longest outside."""
    opens: dict[int, list[Span]] = {}
    closes: dict[int, int] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label)):
        opens.setdefault(span.start, []).append(span)
        closes[span.end] = closes.get(span.end, 0) + 1
    boundaries = sorted(set(opens) | set(closes) | {0, len(text)})
    pieces: list[str] = []
    for offset, following in zip(boundaries, [*boundaries[1:], len(text)], strict=True):
        pieces.append("]" * closes.get(offset, 0))
        pieces.extend(f"[{span.label} " for span in opens.get(offset, []))
        pieces.append(text[offset:following])
    return "".join(pieces)
