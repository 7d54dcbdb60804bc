"""Names of annotators and labels, which are shown beside other text: none may hold a
character that reorders the text around it."""

from __future__ import annotations

import re
import unicodedata

from annotate.errors import InputError

# Embeddings and overrides, isolates, and the marks LRM, RLM and ALM.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def checked_name(name: str, field: str) -> str:
    """``name`` as given, refused if it holds a bidi control: an override such as U+202E
    turns the rest of every line that shows the name around, in the app and in a report."""
    found = BIDI_CONTROLS.search(name)
    if found is not None:
        control = found.group()
        raise InputError(
            f"{name!r} holds U+{ord(control):04X} {unicodedata.name(control)}; a name cannot"
            " hold a bidi control, which reorders the text shown around it",
            field=field,
        )
    return name
