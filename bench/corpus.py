"""Deterministic synthetic Arabic news documents and spans, the same on every run."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import add

SEED = 20240601
DOCUMENT_CHARS = 4500
DOCUMENT_CHARS_SPREAD = 200
TITLE_WORDS = (4, 9)
SPAN_WORDS = (1, 3)
SPAN_LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE")

NEWS_TEXT = """
قال أعلن أكد أضاف أوضح أشار صرح نفى الرئيس الحكومة الوزير وزير وزارة الخارجية الداخلية
المالية الاقتصاد الاقتصادي السياسي السياسية مجلس الأمن الدولي الأمم المتحدة العربية الدول
دولة المنطقة الشرق الأوسط العاصمة المدينة الشعب المواطنين الجيش القوات المسلحة الشرطة
الانتخابات البرلمان النواب القرار الاتفاق اتفاقية المفاوضات الحوار السلام الحرب الأزمة الوضع
الأوضاع التنمية المشروع المشاريع الاستثمار النفط الغاز الطاقة المياه الزراعة الصناعة التجارة
السوق الأسعار البنك المركزي العملة الدولار الميزانية العام الماضي المقبل اليوم أمس الأسبوع
الشهر السنة خلال بعد قبل حيث كما التي الذي الذين على في من إلى عن مع بين حول منذ أن إن لا لم
لن قد هذا هذه ذلك تلك كل بعض أكثر أول آخر جديد جديدة كبير كبيرة مؤتمر صحفي بيان رسمي مصادر
مسؤول مسؤولين التعليم الصحة المستشفى الجامعة الطلاب الشباب المرأة الأطفال المجتمع الثقافة
الإعلام الصحافة الرياضة المنتخب المباراة البطولة الفريق اللاعب المدرب الملعب الزيارة اللقاء
الاجتماع القمة الوفد السفير السفارة العلاقات التعاون الثنائية الدعم المساعدات الإنسانية
اللاجئين الحدود الأمنية العملية الهجوم الضحايا المحكمة القضاء القانون الدستور الحقوق الحرية
الإصلاح الفساد التحقيق الشركة الشركات العمال الوظائف البطالة النمو نسبة مليون مليار ألف بالمئة
المناخ البيئة الطقس الأمطار الجفاف
"""
NEWS_WORDS = NEWS_TEXT.split()

NAMES_TEXT = """
محمد أحمد فاطمة علي خالد مريم يوسف ليلى عمر سارة حسن زينب القاهرة بيروت دمشق بغداد الرياض
تونس الرباط عمان الدوحة الجزائر صنعاء الخرطوم
"""
NAMES = NAMES_TEXT.split()

NUMBERS = ["٢٠٢٤", "١٥", "٣٠٠", "٧٫٥", "2023", "12", "1.5", "250"]

# Repetition weighs the draws: news words are the most common, then names, then numbers.
WORD_POOL = tuple(NEWS_WORDS * 8 + NAMES * 3 + NUMBERS * 2)
SEPARATOR_POOL = tuple([" "] * 80 + ["، "] * 8 + [". "] * 6 + ["؛ ", ": ", "؟ "] + [".\n\n"] * 3)
SHORTEST_PAIR = 3  # the shortest word and separator together


@dataclass(frozen=True)
class SyntheticSpan:
    uid: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class SyntheticDocument:
    title: str
    text: str
    spans: tuple[SyntheticSpan, ...] = ()


@dataclass(frozen=True)
class _Words:
    """A generated text and where each of its words starts and ends."""

    text: str
    starts: list[int]
    ends: list[int]


def documents(count: int, seed: int = SEED) -> Iterator[SyntheticDocument]:
    """``count`` documents of about DOCUMENT_CHARS characters, without spans."""
    text_rng = random.Random(seed)
    for _ in range(count):
        title = _title(text_rng)
        yield SyntheticDocument(title, _words(text_rng).text)


def annotated_documents(
    count: int, spans_per_document: int, seed: int = SEED
) -> Iterator[SyntheticDocument]:
    """The same documents as ``documents(count, seed)``, each with spans on word boundaries."""
    text_rng, span_rng = random.Random(seed), random.Random(seed + 1)
    for _ in range(count):
        title = _title(text_rng)
        words = _words(text_rng)
        yield SyntheticDocument(title, words.text, _spans(span_rng, words, spans_per_document))


def _title(rng: random.Random) -> str:
    return " ".join(rng.choices(NEWS_WORDS, k=rng.randint(*TITLE_WORDS)))


def _words(rng: random.Random) -> _Words:
    """Words and separators up to a random length near DOCUMENT_CHARS, ending with a stop."""
    wanted = DOCUMENT_CHARS + rng.randint(-DOCUMENT_CHARS_SPREAD, DOCUMENT_CHARS_SPREAD)
    drawn = wanted // SHORTEST_PAIR  # enough pairs even if every one is the shortest
    words = rng.choices(WORD_POOL, k=drawn)
    separators = rng.choices(SEPARATOR_POOL, k=drawn)
    pair_lengths = map(add, map(len, words), map(len, separators))
    ends_with_separator = list(accumulate(pair_lengths))
    count = max(1, bisect_left(ends_with_separator, wanted))
    starts = [0, *ends_with_separator[: count - 1]]
    ends = [start + len(word) for start, word in zip(starts, words[:count], strict=True)]
    pieces = [
        piece for pair in zip(words[:count], separators[:count], strict=True) for piece in pair
    ]
    pieces[-1] = "."
    return _Words("".join(pieces), starts, ends)


def _spans(rng: random.Random, words: _Words, count: int) -> tuple[SyntheticSpan, ...]:
    """Spans of one to three words, each starting at a different word; they may overlap."""
    longest = SPAN_WORDS[1]
    first_words = sorted(rng.sample(range(len(words.starts) - longest + 1), count))
    return tuple(
        SyntheticSpan(
            uid=f"{rng.getrandbits(128):032x}",
            label=rng.choice(SPAN_LABELS),
            start=words.starts[first],
            end=words.ends[first + rng.randint(*SPAN_WORDS) - 1],
        )
        for first in first_words
    )
