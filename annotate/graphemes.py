"""Where user-perceived characters (grapheme clusters) begin, for tools that count them.

doccano can count offsets in grapheme clusters ("count grapheme clusters as one character",
JavaScript's segmenter). This follows Unicode's extended grapheme cluster rules (UAX #29)
as far as a text in this project needs them: a character keeps the marks and joiners that
follow it (harakat, shadda, variation selectors, skin tones, ZWJ and what it joins), CR LF
is one cluster, and regional indicators pair into flags.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"
EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)


def continues_cluster(char: str) -> bool:
    """Whether char belongs to the cluster of the character before it."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == ZWJ
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or code in EMOJI_MODIFIERS
    )


def cluster_starts(text: str) -> list[int]:
    """The code point offset of each cluster's first character, in order."""
    starts: list[int] = []
    pairing_flag = False
    for offset, char in enumerate(text):
        if offset and _joins(text[offset - 1], char, pairing_flag):
            pairing_flag = False
            continue
        starts.append(offset)
        pairing_flag = ord(char) in REGIONAL_INDICATORS
    return starts


def _joins(before: str, char: str, pairing_flag: bool) -> bool:
    if before == "\r" and char == "\n":
        return True
    if before == ZWJ:
        return True  # an emoji ZWJ sequence: the joined character is part of it
    if pairing_flag and ord(char) in REGIONAL_INDICATORS:
        return True
    return continues_cluster(char)
