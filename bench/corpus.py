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
    count: int, spans_per_document: int, seed: int = SEED, chars: int = DOCUMENT_CHARS
) -> Iterator[SyntheticDocument]:
    """The same documents as ``documents(count, seed)``, each with spans on word boundaries;
    of about ``chars`` characters each (the spread scaled with it) when asked."""
    text_rng, span_rng = random.Random(seed), random.Random(seed + 1)
    for _ in range(count):
        title = _title(text_rng)
        words = _words(text_rng, chars)
        yield SyntheticDocument(title, words.text, _spans(span_rng, words, spans_per_document))


def _title(rng: random.Random) -> str:
    return " ".join(rng.choices(NEWS_WORDS, k=rng.randint(*TITLE_WORDS)))


def _words(rng: random.Random, chars: int = DOCUMENT_CHARS) -> _Words:
    """Words and separators up to a random length near ``chars``, ending with a stop."""
    spread = DOCUMENT_CHARS_SPREAD * chars // DOCUMENT_CHARS
    wanted = chars + rng.randint(-spread, spread)
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


# -- one long article, for the reader ------------------------------------------------------

LONG_DOCUMENT_CHARS = 500_000
LONG_DOCUMENT_SPANS = 10_000
PARAGRAPH_CHARS = (200, 600)
PARAGRAPH_BREAK = "\n\n"
INLINE_SEPARATOR_POOL = tuple(s for s in SEPARATOR_POOL if "\n" not in s)
QUOTE_SHARE = 0.05  # of all spans
QUOTE_WORDS = (8, 40)
QUOTE_CROSSING_SHARE = 0.15  # quotes that run on into the next paragraph
SPEAKER_SHARE = 0.85  # quotes with a SPEAKER relation to a PERSON span
NESTED_SHARE = 0.16  # spans that are one half of an (outer, inner) pair of entities
NESTED_OUTER_LABELS = ("ORG", "EVENT", "TITLE")
NESTED_INNER_LABELS = ("GPE", "PERSON", "NORP")
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE", "NORP", "EVENT", "TITLE", "CUE")
ENTITY_WEIGHTS = (5, 4, 4, 2, 2, 1, 1, 1, 1)


@dataclass(frozen=True)
class SyntheticRelation:
    uid: str
    label: str
    head: str  # span uids
    tail: str


@dataclass(frozen=True)
class LongDocument:
    title: str
    text: str
    spans: tuple[SyntheticSpan, ...]
    relations: tuple[SyntheticRelation, ...]


def long_document(
    chars: int = LONG_DOCUMENT_CHARS, spans: int = LONG_DOCUMENT_SPANS, seed: int = SEED
) -> LongDocument:
    """A news article of exactly ``chars`` characters in paragraphs of a few hundred, with
    ``spans`` spans: entities (some nested in others), quotes (some running on into the
    next paragraph) and SPEAKER relations from most quotes to a PERSON next to them."""
    rng = random.Random(seed)
    title = _title(rng)
    text, paragraphs = _paragraphs(rng, chars)
    builder = _SpanBuilder(rng, paragraphs)
    builder.add_quotes(round(spans * QUOTE_SHARE))
    builder.add_nested_pairs(round(spans * NESTED_SHARE / 2))
    builder.add_entities(spans - len(builder.spans))
    return LongDocument(title, text, tuple(builder.spans), tuple(builder.relations))


def _paragraphs(rng: random.Random, chars: int) -> tuple[str, list[_Words]]:
    """Text of exactly ``chars`` characters, and its paragraphs' words at text offsets."""
    pieces: list[str] = []
    paragraphs: list[_Words] = []
    offset = 0
    while offset < chars:
        room = chars - offset
        wanted = min(rng.randint(*PARAGRAPH_CHARS), room)
        if room - wanted < PARAGRAPH_CHARS[0] + len(PARAGRAPH_BREAK):
            wanted = room  # the last paragraph takes what is left
        words = _paragraph(rng, wanted, offset)
        pieces.append(words.text)
        paragraphs.append(words)
        offset += len(words.text)
        if offset < chars:
            pieces.append(PARAGRAPH_BREAK)
            offset += len(PARAGRAPH_BREAK)
    return "".join(pieces), paragraphs


def _paragraph(rng: random.Random, length: int, offset: int) -> _Words:
    """Words and separators cut to exactly ``length`` characters, the last one a full stop,
    with word offsets counted from ``offset``."""
    pieces: list[str] = []
    starts: list[int] = []
    used = 0
    while used < length - 1:
        starts.append(used)
        word, separator = rng.choice(WORD_POOL), rng.choice(INLINE_SEPARATOR_POOL)
        pieces += (word, separator)
        used += len(word) + len(separator)
    cut = length - 1
    text = "".join(pieces)[:cut] + "."
    ends = [min(start + len(word), cut) for start, word in zip(starts, pieces[::2], strict=True)]
    return _Words(text, [offset + s for s in starts], [offset + e for e in ends])


class _SpanBuilder:
    """Spans on word boundaries, never two with the same label and offsets."""

    def __init__(self, rng: random.Random, paragraphs: list[_Words]) -> None:
        self.rng = rng
        self.paragraphs = paragraphs
        self.starts = [start for words in paragraphs for start in words.starts]
        self.ends = [end for words in paragraphs for end in words.ends]
        self.paragraph_of = [i for i, words in enumerate(paragraphs) for _ in words.starts]
        self.spans: list[SyntheticSpan] = []
        self.relations: list[SyntheticRelation] = []
        self._taken: set[tuple[str, int, int]] = set()

    def add_quotes(self, count: int) -> None:
        for _ in range(count):
            index = self.rng.randrange(len(self.paragraphs) - 1)
            words = self.paragraphs[index]
            length = min(self.rng.randint(*QUOTE_WORDS), len(words.starts) - 1)
            if self.rng.random() < QUOTE_CROSSING_SHARE:
                following = self.paragraphs[index + 1]
                before = self.rng.randint(1, length)  # words in this paragraph
                first = len(words.starts) - before
                after = min(length - before + 1, len(following.starts))
                quote = self._add("QUOTE", words.starts[first], following.ends[after - 1])
            else:
                first = self.rng.randint(1, len(words.starts) - length)
                quote = self._add("QUOTE", words.starts[first], words.ends[first + length - 1])
            if quote is not None and self.rng.random() < SPEAKER_SHARE:
                name = self.rng.randrange(first)  # a word before the quote in its paragraph
                person = self._add("PERSON", words.starts[name], words.ends[name])
                if person is not None:
                    self._relate("SPEAKER", quote, person)

    def add_nested_pairs(self, count: int) -> None:
        """An outer entity of three words with an inner one on its first or last word."""
        for _ in range(count):
            first = self._first_of(3)
            outer = self.rng.choice(NESTED_OUTER_LABELS)
            if self._add(outer, self.starts[first], self.ends[first + 2]) is not None:
                inner = first + self.rng.choice((0, 2))
                label = self.rng.choice(NESTED_INNER_LABELS)
                self._add(label, self.starts[inner], self.ends[inner])

    def add_entities(self, count: int) -> None:
        while count > 0:
            length = self.rng.randint(*SPAN_WORDS)
            first = self._first_of(length)
            label = self.rng.choices(ENTITY_LABELS, ENTITY_WEIGHTS)[0]
            if self._add(label, self.starts[first], self.ends[first + length - 1]) is not None:
                count -= 1

    def _first_of(self, length: int) -> int:
        """The first of ``length`` words in a row within one paragraph."""
        while True:
            first = self.rng.randrange(len(self.starts) - length + 1)
            if self.paragraph_of[first] == self.paragraph_of[first + length - 1]:
                return first

    def _add(self, label: str, start: int, end: int) -> str | None:
        if (label, start, end) in self._taken:
            return None
        self._taken.add((label, start, end))
        uid = f"{self.rng.getrandbits(128):032x}"
        self.spans.append(SyntheticSpan(uid, label, start, end))
        return uid

    def _relate(self, label: str, head: str, tail: str) -> None:
        uid = f"{self.rng.getrandbits(128):032x}"
        self.relations.append(SyntheticRelation(uid, label, head, tail))
