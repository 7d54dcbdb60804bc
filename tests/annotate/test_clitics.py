"""Proclitics taken off a selection or a span: never a letter of the name itself."""

from __future__ import annotations

import pytest

from annotate.editing import Editor
from annotate.errors import InputError
from annotate.lexicon import Lexicon
from annotate.project import Project
from annotate.snapping import with_proclitics, without_proclitics

# Names and words of the news that begin with و ف ب ل ك (or with ال): all their letters
# are theirs.
WHOLE = [
    "والتز",
    "فلاديمير",
    "كييف",
    "لبنان",
    "كندا",
    "ستالين",
    "سماء",
    "فرنسا",
    "بريطانيا",
    "بيروت",
    "واشنطن",
    "لندن",
    "فاطمة",
    "فايز",
    "فؤاد",
    "فوزي",
    "فيصل",
    "فهد",
    "فرح",
    "فاخر",
    "فدوى",
    "كمال",
    "كريم",
    "كوثر",
    "كنان",
    "بسام",
    "بسمة",
    "بلال",
    "بشير",
    "بشرى",
    "بهاء",
    "بدر",
    "باسل",
    "وليد",
    "وائل",
    "وفاء",
    "وداد",
    "وسام",
    "ليلى",
    "لينا",
    "لؤي",
    "لطيفة",
    "ليث",
    "لمى",
    "وزير",
    "وزارة",
    "بلدية",
    "كتائب",
    "لجنة",
    "بغداد",
    "بنغازي",
    "كركوك",
    "بكين",
    "برلين",
    "باريس",
    "بروكسل",
    "فنزويلا",
    "فيتنام",
    "كوريا",
    "كوبا",
    "ليبيا",
    "بولندا",
    "فنلندا",
    "كولومبيا",
    "فيينا",
    "باكو",
    "كابل",
    "لاهاي",
    "كاراكاس",
    "فلسطين",
    "فلوريدا",
    "بلينكن",
    "لافروف",
    "فيدان",
    "فيسبوك",
    "ولاية",
    "وكالة",
    "بنك",
    "برلمان",
    "كنيسة",
]
# Words with their proclitics, and the word each leaves.
ATTACHED = {
    "وبوتين": "بوتين",
    "لبوتين": "بوتين",
    "ووالتز": "والتز",
    "وفلاديمير": "فلاديمير",
    "بكييف": "كييف",
    "وبكييف": "كييف",
    "ولبنان": "لبنان",
    "بلبنان": "لبنان",
    "وكندا": "كندا",
    "لفرنسا": "فرنسا",
    "بواشنطن": "واشنطن",
    "ببغداد": "بغداد",
    "وكمال": "كمال",
    "لكمال": "كمال",
    "وبسام": "بسام",
    "ووزير": "وزير",
    "والوزير": "الوزير",
    "بالمنظمة": "المنظمة",
    "للمنظمة": "لمنظمة",  # ل + المنظمة: the article's lam stays
    "وبحر": "بحر",
    "وترامب": "ترامب",
    "فبيروت": "بيروت",
    "وَبوتين": "بوتين",  # the conjunction's vowel goes with it
}
WORDS = Lexicon()


def snapped(word: str) -> str:
    text = f"قال {word} أمس"
    start = text.index(word)
    stem = without_proclitics(text, start, start + len(word), WORDS)
    return text[stem if stem is not None else start : start + len(word)]


def test_the_lists_are_long_enough() -> None:
    assert len(WHOLE) >= 80 and len(ATTACHED) >= 20


@pytest.mark.parametrize("name", WHOLE)
def test_a_name_keeps_every_letter(name: str) -> None:
    assert snapped(name) == name


@pytest.mark.parametrize(("word", "left"), ATTACHED.items())
def test_attached_proclitics_are_left_out(word: str, left: str) -> None:
    assert snapped(word) == left


def test_a_selection_inside_its_word_is_left_alone_and_finds_its_word() -> None:
    text = "قال وبوتين أمس"
    stem = text.index("بوتين")
    assert without_proclitics(text, stem, stem + 5, WORDS) is None
    assert with_proclitics(text, stem) == text.index("وبوتين")
    assert with_proclitics(text, text.index("تين")) is None  # بو is no stack of proclitics


@pytest.mark.parametrize("name", ["والتز", "فلاديمير", "لبنان", "كندا", "فيدان"])
def test_the_proclitic_key_refuses_a_name_and_says_why(project: Project, name: str) -> None:
    doc = project.documents.add(f"قال {name} أمس.").documents_added[0]
    editor = Editor(project, "ali")
    start = 4
    uid = editor.add_span(doc, "PERSON", start, start + len(name)).spans_added[0]
    with pytest.raises(InputError, match=f"{name[0]} belongs to the word"):
        editor.toggle_proclitics(uid)
    assert project.spans.get(uid).start == start


def test_the_proclitic_key_uses_the_projects_own_names(project: Project) -> None:
    """A name too rare for the word list is known from the corpus, where it stands alone."""
    text = "قال شتاينماير إن الزيارة مهمة، ورحب وشتاينماير بالضيوف."
    doc = project.documents.add(text).documents_added[0]
    editor = Editor(project, "ali")
    start = text.index("وشتاينماير")
    uid = editor.add_span(doc, "PERSON", start, start + len("وشتاينماير")).spans_added[0]
    editor.toggle_proclitics(uid)
    span = project.spans.get(uid)
    assert text[span.start : span.end] == "شتاينماير"
