"""Text for terminals, which neither shape Arabic nor run the bidi algorithm."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, TextIO

from annotate.model import Span

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper

# arabic-reshaper and python-bidi are imported by the functions that use them: only text put
# in visual order needs them, and every command would pay for them at start (10 ms).
VISUAL_MODES = ("auto", "always", "never")
LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Control characters but tab and line break: data holding ESC or BEL could clear the
# screen, write the clipboard (OSC 52) or disguise a link (OSC 8) on the reader's terminal.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_PICTURES = 0x2400  # U+2400 SYMBOL FOR NULL, then one for each C0 control


def wants_visual(mode: str, stream: TextIO) -> bool:
    """auto: visual order only on a terminal; a pipe or file gets logical order."""
    if mode == "auto":
        return stream.isatty()
    return mode == "always"


def visible_controls(text: str) -> str:
    """Control characters shown, not obeyed: C0 ones and DEL as their Unicode pictures
    (ESC as ␛, BEL as ␇), the rest as a hex escape (\\x9b)."""
    return CONTROLS.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(CONTROL_PICTURES + code)
    return "\u2421" if code == 0x7F else f"\\x{code:02x}"


def for_terminal(text: str, visual: bool) -> str:
    """Each line shaped (harakat kept) and put in visual order when ``visual``; logical
    order otherwise; control characters written out either way."""
    text = visible_controls(text)
    if not visual:
        return text
    reshaper = _reshaper()
    return "\n".join(visual_line(reshaper.reshape(line)) for line in text.split("\n"))


@cache
def _reshaper() -> ArabicReshaper:
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={"delete_harakat": False})


def visual_line(line: str) -> str:
    """A line in the order a terminal prints it, left to right: the levels of the Unicode
    bidi algorithm (python-bidi), then its rules L1-L4, of which python-bidi's get_display
    leaves out L3 (a mark stays after its letter) and L4 (brackets and « » are mirrored at
    right-to-left levels)."""
    from bidi import get_base_level, get_display

    levels = _levels(line)
    if levels is None:
        return str(get_display(line))
    base = get_base_level(line) if line.strip() else 0
    trailing = len(line) - len(line.rstrip())
    for offset in range(len(line) - trailing, len(line)):  # L1
        levels[offset] = base
    clusters = _clusters(line, levels)
    odd = [level for _, level in clusters if level % 2]
    for level in range(max((lvl for _, lvl in clusters), default=0), min(odd, default=1) - 1, -1):
        clusters = _reverse_runs(clusters, level)  # L2
    return "".join(text for text, _ in clusters)


def _levels(line: str) -> list[int] | None:
    """Each character's embedding level, read from python-bidi's debug report (one level
    per UTF-8 byte); None if the report cannot be read."""
    from bidi import get_display

    report = str(get_display(line, debug=True))
    if "levels:" not in report:
        return None
    by_byte = [int(n) for n in LEVEL.findall(report.split("levels:", 1)[1].split("paragraphs:")[0])]
    if len(by_byte) != len(line.encode()):
        return None
    levels, byte = [], 0
    for char in line:
        levels.append(by_byte[byte])
        byte += len(char.encode())
    return levels


def _clusters(line: str, levels: list[int]) -> list[tuple[str, int]]:
    """(letter with the marks after it, level), mirrored where its level is odd (L3, L4)."""
    from bidi.algorithm import MIRRORED

    clusters: list[tuple[str, int]] = []
    for char, level in zip(line, levels, strict=True):
        if clusters and unicodedata.combining(char):
            text, first_level = clusters[-1]
            clusters[-1] = (text + char, first_level)
        else:
            clusters.append((MIRRORED.get(char, char) if level % 2 else char, level))
    return clusters


def _reverse_runs(clusters: list[tuple[str, int]], level: int) -> list[tuple[str, int]]:
    reordered: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []
    for cluster in clusters:
        if cluster[1] >= level:
            run.append(cluster)
        else:
            reordered.extend(reversed(run))
            run = []
            reordered.append(cluster)
    reordered.extend(reversed(run))
    return reordered


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
