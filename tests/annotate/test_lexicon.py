"""The word list the proclitic rule consults."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotate import lexicon


def test_the_word_table_is_made_once_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon._read_centibels.cache_clear()
    try:
        made = [lexicon.zipf(form) for form in ("بوتين", "وبوتين", "كندا", "لاديمير")]
        (kept,) = tmp_path.glob("arabic-annotate/wordlist-ar-*.bin")
        assert kept.stat().st_size > 1_000_000
        lexicon._read_centibels.cache_clear()
        read = [lexicon.zipf(form) for form in ("بوتين", "وبوتين", "كندا", "لاديمير")]
        assert read == made == [4.19, 2.63, 4.63, 0.0]
        assert lexicon.zipf("بُوتِين") == 4.19  # harakat do not count
    finally:
        lexicon._read_centibels.cache_clear()


def test_a_folder_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    lexicon._read_centibels.cache_clear()
    try:
        assert lexicon.zipf("كندا") == 4.63
        assert not list(tmp_path.glob("**/*.partial"))
    finally:
        lexicon._read_centibels.cache_clear()
