"""Where user-perceived characters (grapheme clusters) begin, for tools that count them.

doccano can count offsets in grapheme clusters ("count grapheme clusters as one character",
JavaScript's segmenter). This follows Unicode's extended grapheme cluster rules (UAX #29)
for what texts here hold: a character keeps the marks and extenders after it (harakat,
shadda, ZWNJ, ZWJ, variation selectors, skin tones), a prepended sign (the Arabic number
and end-of-ayah signs) keeps the character after it, ZWJ joins two pictographs (emoji
sequences), regional indicators pair into flags, CR LF is one cluster, and nothing joins a
control character or a line break. Emoji are told by their blocks, not Unicode's
Extended_Pictographic property.
"""

from __future__ import annotations

import unicodedata

ZWNJ, ZWJ = "\u200c", "\u200d"
EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
PREPEND = {*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD}
PICTOGRAPHS = (
    range(0x1F000, 0x1FB00),
    range(0x2600, 0x27C0),
    range(0x2300, 0x2400),
    range(0x2B00, 0x2C00),
)
CONTROLS = ("Cc", "Zl", "Zp")


def continues_cluster(char: str) -> bool:
    """Whether char extends the cluster of the character before it."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char in (ZWNJ, ZWJ)
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences
        or code in EMOJI_MODIFIERS
    )


def cluster_starts(text: str) -> list[int]:
    """The code point offset of each cluster's first character, in order."""
    starts: list[int] = []
    flags = 0  # regional indicators in a row
    pictograph = False  # the cluster so far holds a pictograph (for ZWJ sequences)
    for offset, char in enumerate(text):
        code = ord(char)
        if not offset or not _joins(text[offset - 1], char, flags, pictograph):
            starts.append(offset)
            pictograph = False
        flags = flags + 1 if code in REGIONAL_INDICATORS else 0
        pictograph = pictograph or _is_pictograph(code)
    return starts


def _joins(before: str, char: str, flags: int, pictograph: bool) -> bool:
    if before == "\r" and char == "\n":
        return True
    if unicodedata.category(before) in CONTROLS or unicodedata.category(char) in CONTROLS:
        return False
    if ord(before) in PREPEND:
        return True
    if before == ZWJ:
        return pictograph and _is_pictograph(ord(char))
    if ord(char) in REGIONAL_INDICATORS:
        return flags % 2 == 1
    return continues_cluster(char)


def _is_pictograph(code: int) -> bool:
    return any(code in block for block in PICTOGRAPHS)
