"""When letters at the front of a word are proclitics (و ف ب ل ك, the article ال) and when
they belong to the word: وبوتين is و + بوتين, but كندا, لبنان and فلاديمير are names.

A split is accepted only when all of these hold:
- the letters are a stack of proclitics in Arabic order: a conjunction (و ف), then a
  preposition (ب ل ك), then the article (ال, or لل where ل meets the article and its alef
  is not written). The future marker س is never taken: it only goes before verbs, and no
  list tells a verb here (سماء is not س + ماء);
- what is left is a plausible word (annotate.lexicon): in the word list, marked as a
  mention in the project, or standing alone in its corpus;
- the whole word is not a word in its own right. It is one when a proclitic that cannot
  stand before the letters in question is found before the whole word (وفاخر: فاخر is a
  name, as و cannot precede the conjunction ف; بكمال: كمال is one), or when the whole word
  is about as common as what would be left (كندا is far more common than ندا; for ف and
  ك, which begin many names and go mostly before verbs, the rest must be 30 times as
  common).
The same rule serves search, "annotate every mention", snapping a selection and the key
that takes a proclitic off a span.
"""

from __future__ import annotations

from annotate.lexicon import Lexicon

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
CONTRACTED = "لل"  # ل + ال, the article's alef not written
MIN_STEM = 2  # letters a word keeps after its proclitics are taken off
MARGIN = 0.5  # zipf: what is left must be 3x as common as the whole word...
# ...30x for ف and ك, which go before verbs and particles (فقال, فإن, كلما) far more
# often than before a name, and begin many names (فيدان, كنان, كروان)
WIDER_MARGIN = {"ف": 1.5, "ك": 1.5}
OWN_RIGHT = 1.5  # the whole word must not itself take a proclitic this common (zipf)


def is_stack(letters: str, article: bool = True) -> bool:
    """Whether letters are proclitics in Arabic order; `article` lets the stack end in ال
    (or the contracted لل)."""
    if not letters:
        return False
    rest = letters[1:] if letters[0] in CONJUNCTIONS else letters
    if article and rest in (CONTRACTED, ARTICLE):
        return True
    return rest == "" or (len(rest) == 1 and rest in PREPOSITIONS)


def dictionary_forms(proclitics: str, rest: str) -> tuple[str, ...]:
    """The words `rest` may stand for: after ل, a rest that begins with ل may be the
    article with its alef elided (للمنظمة: ل + المنظمة), or the word itself (للجنة)."""
    if proclitics.endswith("ل") and rest.startswith("ل"):
        return ("ا" + rest, rest)
    return (rest,)


def accepts(word: str, at: int, words: Lexicon, article: bool = True) -> bool:
    """Whether word[:at] are proclitics attached to the word that word[at:] stands for.
    `word` is written without harakat or tatweel. An article needs only a plausible word
    after it (definite forms are often the more common ones); a conjunction or preposition
    is judged by the whole rule."""
    proclitics, rest = word[:at], word[at:]
    if not is_stack(proclitics, article) or len(rest) < MIN_STEM:
        return False
    outer = _before_article(proclitics)
    if len(outer) < len(proclitics) and not words.is_word(rest):
        return False
    return not outer or _takes(word, len(outer), words)


def _before_article(proclitics: str) -> str:
    if proclitics.endswith(ARTICLE):
        return proclitics[: -len(ARTICLE)]
    if proclitics.endswith(CONTRACTED):
        return proclitics[:-1]  # the first ل is the preposition
    return proclitics


def _takes(word: str, at: int, words: Lexicon) -> bool:
    """Whether the conjunction and preposition word[:at] are attached to word[at:]: each
    letter to what follows it (in وكمال, و is a proclitic of كمال, and ك is part of it),
    and what is left at the end a plausible word."""
    for letter in range(at):
        if not _may_take(word[letter:], words):
            return False
    return any(words.is_word(form) for form in dictionary_forms(word[at - 1], word[at:]))


def _may_take(word: str, words: Lexicon) -> bool:
    """Whether the first letter of word may be a proclitic of the rest: the whole is no
    word in its own right, and not about as common as the rest."""
    if _word_in_its_own_right(word, words):
        return False
    whole = words.zipf(word)
    rest = max(words.zipf(form) for form in dictionary_forms(word[0], word[1:]))
    return whole == 0 or rest >= whole + WIDER_MARGIN.get(word[0], MARGIN)


def stem_start(word: str, words: Lexicon) -> int | None:
    """Where the word starts once its conjunction and preposition are taken off (the
    article stays), or None when nothing at its front is a proclitic."""
    for at in (2, 1):
        fits = len(word) - at >= MIN_STEM and is_stack(word[:at], article=False)
        if fits and _takes(word, at, words):
            return at
    return None


def _word_in_its_own_right(word: str, words: Lexicon) -> bool:
    """Whether the whole word is found after a proclitic that could not stand before its
    first letter if that letter were a proclitic too."""
    first = word[0]
    if first in CONJUNCTIONS:
        outer: tuple[str, ...] = CONJUNCTIONS
    elif first == "ل":
        outer = ("ب", "ك")  # ل + ل... would be the contracted article
    elif first in PREPOSITIONS:
        outer = PREPOSITIONS
    else:
        return False
    return max(words.zipf(letter + word) for letter in outer) >= OWN_RIGHT
