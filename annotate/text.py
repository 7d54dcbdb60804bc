"""How imported text is stored, and how a document is identified."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable

BOM = "\ufeff"
CRLF = re.compile("\r\n")


def normalise_stored_text(text: str) -> str:
    """Text exactly as imported, except a leading BOM removed and CRLF/CR turned into LF."""
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_uid(stored_text: str) -> str:
    """A document's uid: the sha256 of its stored text (UTF-8)."""
    return hashlib.sha256(stored_text.encode("utf-8")).hexdigest()


def default_title(stored_text: str, limit: int = 60) -> str:
    """The first non-empty line, cut at a word boundary near ``limit`` characters."""
    first = next((line.strip() for line in stored_text.split("\n") if line.strip()), "")
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit)
    return first[: cut if cut > 0 else limit] + "…"


def stored_offset_mapper(raw: str) -> Callable[[int], int]:
    """Map an offset into ``raw`` to the same place in ``normalise_stored_text(raw)``."""
    removed = [match.start() for match in CRLF.finditer(raw)] if "\r" in raw else []
    if raw.startswith(BOM):
        removed.insert(0, 0)
    if not removed:
        return lambda offset: offset
    return lambda offset: offset - bisect_left(removed, offset)


STRONG = ("R", "AL", "L")  # bidi classes of strong characters


def base_direction(text: str) -> str:
    """ "rtl" when most strong characters are right-to-left, else "ltr".

    Not the first strong character (Unicode rules P2-P3): an Arabic sentence that opens
    with a Latin name ("NATO قال ...") still reads right to left. A tie goes to the first.
    """
    rtl, ltr = strong_letters(text)
    if rtl != ltr:
        return "rtl" if rtl > ltr else "ltr"
    first = next(
        (kind for char in text if (kind := unicodedata.bidirectional(char)) in STRONG), "L"
    )
    return "ltr" if first == "L" else "rtl"


def strong_letters(text: str) -> tuple[int, int]:
    """How many strong right-to-left and strong left-to-right characters a text holds."""
    kinds = list(map(unicodedata.bidirectional, text))
    return kinds.count("R") + kinds.count("AL"), kinds.count("L")
