"""Grapheme clusters as doccano's segmenter counts them (UAX #29), for --graphemes."""

from __future__ import annotations

import pytest

from annotate.graphemes import cluster_starts


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("تقريبًا", [0, 1, 2, 3, 4, 6]),  # tanween stays with its letter
        ("عمّان", [0, 1, 3, 4]),  # shadda
        ("ف\u200cا", [0, 2]),  # ZWNJ extends the letter before it
        ("ك\u200dا", [0, 2]),  # ZWJ joins two letters in no cluster
        ("۝١٢", [0, 2]),  # the end-of-ayah sign is prepended to what follows
        ("a😀b", [0, 1, 2]),
        ("👨\u200d👩\u200d👧x", [0, 5]),  # an emoji ZWJ sequence
        ("👍🏽!", [0, 2]),  # a skin tone
        ("🇯🇵🇫🇷", [0, 2]),  # flags pair their regional indicators
        ("🇯🇵🇫", [0, 2]),
        ("e\u0301z", [0, 2]),
        ("a\r\nb", [0, 1, 3]),  # CR LF is one
        ("\n\u0301", [0, 1]),  # nothing joins a line break
    ],
)
def test_clusters_begin_where_uax_29_says(text: str, starts: list[int]) -> None:
    assert cluster_starts(text) == starts
