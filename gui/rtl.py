"""Text in one-line Qt views (cells, list items): Qt lays each out by its first strong
character, so Arabic that opens with a Latin name ("NATO قال ...") would read left to
right. A leading right-to-left mark (RLM) makes it read as the text mostly is."""

from __future__ import annotations

from annotate.text import base_direction

RLM = "\u200f"


def with_direction(text: str) -> str:
    return RLM + text if base_direction(text) == "rtl" else text
