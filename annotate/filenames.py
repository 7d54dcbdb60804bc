"""File names made from document titles and annotator names, safe on every system."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

MAX_STEM_BYTES = 80  # leaves room for a suffix within the 255 bytes most systems allow
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def safe_stem(name: str, fallback: str) -> str:
    """``name`` as one path component: no separators, control or format characters, no
    leading dot, no reserved Windows device name, at most MAX_STEM_BYTES of UTF-8.
    ``fallback`` (plain ASCII) is used when nothing of the name is left."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cf", "Zl", "Zp") else char
        for char in unicodedata.normalize("NFC", name)
    )
    cleaned = UNSAFE.sub("_", cleaned)
    cleaned = "_".join(cleaned.split())
    cleaned = cleaned.strip("._-")
    cleaned = _cut_to_bytes(cleaned, MAX_STEM_BYTES).rstrip("._-")
    if not cleaned or WINDOWS_RESERVED.match(cleaned):
        return fallback
    return cleaned


def unique_stems(
    names: list[tuple[str, str]], reserved: Callable[[str], bool] = lambda stem: False
) -> list[str]:
    """Safe stems for (name, fallback) pairs, distinct without regard to case, so two
    documents titled alike never share a file: stems alike get the fallback added, a stem
    ``reserved`` refuses becomes the fallback, and any still alike are numbered (a title
    may itself look like another's stem with its fallback added)."""
    stems = [safe_stem(name, fallback) for name, fallback in names]
    uses = Counter(stem.casefold() for stem in stems)
    stems = [
        stem if uses[stem.casefold()] == 1 or stem == fallback else f"{stem}_{fallback}"
        for stem, (_, fallback) in zip(stems, names, strict=True)
    ]
    stems = [
        fallback if reserved(stem) else stem
        for stem, (_, fallback) in zip(stems, names, strict=True)
    ]
    return _numbered(stems)


def _numbered(stems: list[str]) -> list[str]:
    taken: set[str] = set()
    result = []
    for stem in stems:
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}_{number}"
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def _cut_to_bytes(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")
