"""A corpus search, which reads bytes, finds exactly what annotate.mentions finds in str."""

from __future__ import annotations

import random

import pytest

from annotate.mentions import find_mentions
from annotate.project import Project
from annotate.searching import CONTEXT, search_documents
from tests.annotate.matching_quality import load_cases

MIXED = [
    "قال مُحَمَّد إن الاتفاق سيُوقَّع في ٢٠٢٥ أو 2026، وأكد ذلك لاحقًا.",
    "التقى\u00a0وزير الخارجية\u2009بنظيره في 3.5 ساعات 👍🏽 ثم غادر",
    "وأضاف ACME\u200e و\u200cالمنظمة 🌍 أن «لا تراجع عن الخطة» قبل ١٬٠٠٠ يوم.",
    "المسؤولـــون والمسئولون وللمسؤولين ومسؤولو الوزارة",
    "دونالد\nترامب ودونالد  ترامب وبدونالد ترامب",
    "درس في École Normale ثم في ÉCOLE أخرى",
]
QUERIES = [
    "محمد",
    "2025",
    "وزير الخارجية",
    "المنظمة",
    "مسؤول",
    "المسؤول",
    "دونالد ترامب",
    "ترامب",
    "لاحقا",
    "قال",
    "في",
    "École",
]


def expected(text: str, query: str, family: bool = False) -> list[tuple[int, int, str, bool]]:
    return [
        (m.start, m.end, text[m.start : m.end], m.variant)
        for m in find_mentions(text, query, family=family)
    ]


def got(project: Project, query: str, family: bool = False) -> list[tuple[int, int, str, bool]]:
    return [
        (hit.start, hit.end, hit.text, hit.variant)
        for hit in search_documents(project, query, doc="1", family=family)
    ]


@pytest.mark.parametrize("case", load_cases(), ids=lambda case: case.query)
def test_every_matching_case_is_found_alike(project: Project, case: object) -> None:
    text, query, family = case.text, case.query, case.family  # type: ignore[attr-defined]
    project.documents.add(text)
    assert got(project, query, family) == expected(text, query, family)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("family", [False, True])
def test_marks_digits_odd_spaces_and_emoji_shift_nothing(
    project: Project, query: str, family: bool
) -> None:
    text = " ".join(MIXED)
    project.documents.add(text)
    assert got(project, query, family) == expected(text, query, family)


def test_contexts_are_those_of_the_stored_text(project: Project) -> None:
    text = "مُقدِّمة " * 20 + "قال وزير الخارجيّة إن ٢٠٢٥ عام حاسم " + "خاتِمة " * 20
    project.documents.add(text)
    (hit,) = search_documents(project, "وزير الخارجية")
    left, right = max(hit.start - CONTEXT, 0), hit.end + CONTEXT
    assert hit.context == " ".join(text[left:right].split())


def test_random_texts_of_the_cases_words(project: Project) -> None:
    """Words of the cases in random order, with random marks and spaces."""
    chooser = random.Random(7)
    words = [word for case in load_cases() for word in case.text.split()]
    extras = ["\u064e", "\u0651", "\u0640", "", "", "", ""]
    texts = []
    for _ in range(30):
        picked = chooser.sample(words, 40)
        noisy = [word + chooser.choice(extras) for word in picked]
        texts.append("".join(w + chooser.choice([" ", "  ", "\n", "، "]) for w in noisy))
    for text in texts:
        project.documents.add(text)
    for query in ["بوتين", "المنظمة", "كييف", "مسؤول", "الأمم المتحدة", "على", "والتز"]:
        for number, text in enumerate(texts, start=1):
            hits = search_documents(project, query, doc=str(number))
            assert [(h.start, h.end, h.variant) for h in hits] == [
                (start, end, variant) for start, end, _, variant in expected(text, query)
            ], (query, number)


def test_a_word_longer_than_the_window_is_never_cut_into_a_false_proclitic(
    project: Project,
) -> None:
    """A long token around a match (a web address) is judged on whole words: ندا is not
    in كندا, wherever the window read around it would start."""
    for width in range(60, 140, 7):
        address = "https://example.org/" + "x" * width + "-news-كندا-خبر"
        text = f"قال المراسل {address} أمس، وسافرت ندا إلى عمّان."
        project.documents.add(text)
        hits = search_documents(project, "ندا", doc=str(project.documents.count()))
        assert (
            [(h.start, h.end) for h in hits]
            == [(m.start, m.end) for m in find_mentions(text, "ندا")]
            == [(text.index(" ندا") + 1, text.index(" ندا") + 4)]
        )


def test_a_name_broken_by_a_long_run_of_white_space_is_found(project: Project) -> None:
    text = "قال عبد" + "\n" * 120 + "الله إن الاتفاق قريب."
    project.documents.add(text)
    hits = search_documents(project, "عبد الله")
    assert [(h.start, h.end) for h in hits] == [(4, len(text) - len(" إن الاتفاق قريب."))]


def test_digits_with_a_proclitic_are_judged_by_the_word_list_as_written_there(
    project: Project,
) -> None:
    text = "وقع الاتفاق في 2025 و2025 عام حاسم، وفي ٢٠٢٥ أيضا."
    project.documents.add(text)
    reference = [(m.start, m.end, m.variant) for m in find_mentions(text, "2025")]
    assert [(h.start, h.end, h.variant) for h in search_documents(project, "2025")] == reference
    assert [text[start:end] for start, end, _ in reference] == ["2025", "2025", "٢٠٢٥"]


def test_a_word_too_short_for_the_index_is_not_looked_for_alone(project: Project) -> None:
    from annotate.searching import occurs_alone

    project.documents.add("رفع يد المساعدة ويد العون.")
    assert not occurs_alone(project, "يد")  # would read every document of the corpus
    assert occurs_alone(project, "العون")


def test_every_document_is_read_far_enough_with_or_without_marks(project: Project) -> None:
    """A search reads a document without marks only as far as its matches need, and one
    with marks with room for them, read again when they are more: all three alike."""
    plain = "تمهيد " * 60 + "قال وزير الخارجية إن الاتفاق قريب، وزير الخارجية"
    marked = "تَمْهِيد " * 3 + plain
    vocalised = "تَمْهِيدٌ طَوِيلٌ " * 80 + "قَالَ وَزِيرُ الْخَارِجِيَّةِ إِنَّ الِاتِّفَاقَ قَرِيبٌ، وَزِيرُ الْخَارِجِيَّةِ"
    texts = [plain, marked, vocalised, plain.replace("تمهيد ", "")]
    for text in texts:
        project.documents.add(text)
    for query in ("وزير", "الخارجية", "وزير الخارجية", "قريب"):
        hits = search_documents(project, query)
        assert [(h.number, h.start, h.end, h.text, h.variant, h.context) for h in hits] == [
            (number, start, end, found, variant, context_of(text, start, end))
            for number, text in enumerate(texts, start=1)
            for start, end, found, variant in expected(text, query)
        ], query


def context_of(text: str, start: int, end: int) -> str:
    return " ".join(text[max(start - CONTEXT, 0) : end + CONTEXT].split())
