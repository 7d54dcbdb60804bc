"""The terminal view: shaped Arabic in the order a terminal prints it, as the reader shows it."""

from __future__ import annotations

import pytest

from annotate.terminal import for_terminal, visual_line


@pytest.mark.parametrize(
    ("logical", "visual"),
    [
        ("قال (هنا) «نعم»", "«معن» (انه) لاق"),  # brackets and guillemets mirrored (L4)
        ("قال NATO (EWN) إن", "نإ NATO (EWN) لاق"),  # inside the Latin run: left as they are
        ("The (big) test", "The (big) test"),
        ("قالَ الوزيرُ", "رُيزولا لَاق"),  # each mark stays after its letter (L3)
    ],
)
def test_visual_order_mirrors_brackets_at_right_to_left_levels(logical: str, visual: str) -> None:
    assert visual_line(logical) == visual


def test_harakat_are_kept_and_follow_their_letter() -> None:
    shaped = for_terminal("قالَ", visual=True)
    assert "\u064e" in shaped  # the fatha is not dropped
    assert shaped.index("\u064e") == 1  # after the lam, which is printed first
