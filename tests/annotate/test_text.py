import hashlib

from annotate.text import (
    base_direction,
    default_title,
    document_uid,
    normalise_stored_text,
    stored_offset_mapper,
)


def test_stored_text_drops_bom_and_turns_crlf_and_cr_into_lf() -> None:
    assert normalise_stored_text("\ufeffسطر\r\nسطر\rسطر\n") == "سطر\nسطر\nسطر\n"


def test_stored_text_keeps_everything_else() -> None:
    text = "مُحَمَّد ـــ لا\u200c\u200f\u200e 😀 \ufeff"
    assert normalise_stored_text(text) == text


def test_uid_is_sha256_of_utf8_text() -> None:
    assert document_uid("سلام") == hashlib.sha256("سلام".encode()).hexdigest()


def test_offsets_follow_the_removed_characters() -> None:
    raw = "\ufeffأ\r\nب\r\nج"
    stored = normalise_stored_text(raw)
    to_stored = stored_offset_mapper(raw)
    assert stored == "أ\nب\nج"
    assert raw[4:5] == "ب" and stored[to_stored(4) : to_stored(5)] == "ب"
    assert raw[7:8] == "ج" and stored[to_stored(7) : to_stored(8)] == "ج"


def test_base_direction_follows_most_strong_characters() -> None:
    assert base_direction("NATO قال إن الاجتماع سيعقد غدا") == "rtl"
    assert base_direction("NATO said the talks with قطر go on") == "ltr"
    assert base_direction("«2026» قالت NATO") == "rtl"  # a tie: the first strong character
    assert base_direction("NATO قالت") == "ltr"
    assert base_direction("123") == "ltr"


def test_default_title_is_the_first_line_cut_at_a_word() -> None:
    assert default_title("\n  عنوان قصير\nنص") == "عنوان قصير"
    title = default_title("كلمة " * 40)
    assert title.endswith("…") and len(title) <= 61
