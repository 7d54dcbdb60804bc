"""`annotate render`: the reader's drawing of a document as PNG, or as PDF with real text."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER
from gui.cli import main

PERSON = QColor("#f4a261")
QUOTE_BAR = QColor("#a8dadc")


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    path = tmp_path / "sample.annotate"
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def water_text(path: Path) -> str:
    with Project.open(path) as project:
        return project.documents.get(project.documents.resolve("2")).text


def test_png_has_the_reader_highlights_and_quote_bars(sample_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "water.png"
    code, output = run("render", str(sample_project), "2", str(out), "--width", "800")
    assert code == 0, output
    assert "wrote" in output
    image = QImage(str(out))
    assert image.width() == 800
    assert image.height() > 400
    colours = {
        image.pixelColor(x, y).name() for x in range(0, 800, 2) for y in range(0, image.height(), 2)
    }
    assert PERSON.name() in colours
    assert QUOTE_BAR.name() in colours
    right_half_ink = [
        x
        for x in range(image.width() // 2, image.width())
        for y in range(0, 60)
        if image.pixelColor(x, y).lightness() < 100
    ]
    assert right_half_ink, "the first line does not start on the right"


def person_colour_drawn(out: Path) -> bool:
    image = QImage(str(out))
    return any(
        image.pixelColor(x, y) == PERSON
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_annotator_option_limits_the_spans_drawn(sample_project: Path, tmp_path: Path) -> None:
    with Project.open(sample_project) as project:
        first = project.documents.resolve("1")
        project.spans.add(first, "huda", "PERSON", 0, 5)  # huda has nothing on document 2
    for annotator, drawn in (("sample", True), ("huda", False)):
        out = tmp_path / f"{annotator}.png"
        code, output = run("render", str(sample_project), "2", str(out), "--annotator", annotator)
        assert code == 0, output
        assert person_colour_drawn(out) is drawn
    code, output = run(
        "render", str(sample_project), "2", str(tmp_path / "x.png"), "--annotator", "nobody"
    )
    assert code == 2
    assert "no annotator 'nobody'" in output


def test_a_left_to_right_document_starts_at_the_left(tmp_path: Path) -> None:
    path = tmp_path / "english.annotate"
    with Project.create(path) as project:
        project.documents.add("The ministers met in Amman and agreed on a plan.")
    out = tmp_path / "english.png"
    assert run("render", str(path), "1", str(out))[0] == 0
    image = QImage(str(out))
    ink = [
        x
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 100
    ]
    assert min(ink) < 30 and max(ink) < image.width() / 2


def without_marks(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and not unicodedata.combining(c))


def test_pdf_text_can_be_copied_and_searched(sample_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "water.pdf"
    code, output = run("render", str(sample_project), "2", str(out))
    assert code == 0, output
    pages = PdfReader(out).pages
    extracted = "".join(page.extract_text() for page in pages)
    text = water_text(sample_project)
    assert without_marks(extracted) == without_marks(text)


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed"
)
def test_pdf_words_come_out_whole_in_poppler(sample_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "water.pdf"
    assert run("render", str(sample_project), "2", str(out))[0] == 0
    words = poppler_words(out)
    for name in ("ليلى الخطيب", "سامي بن عاشور", "المنظمة العربية للموارد المائية", "عمّان", "EWN"):
        assert name in words


def poppler_words(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(re.sub("[\u202a-\u202e]", "", text).split())  # poppler's bidi marks


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed"
)
def test_words_with_harakat_come_out_whole_from_a_pdf(tmp_path: Path) -> None:
    words = [
        "تقريبًا",
        "قائلاً",
        "مؤكّداً",
        "جداً",
        "مسؤولٌ",
        "كتابٌ",
        "مدرسةٍ",
        "حقًّا",
        "الشَّمس",
        "مُحَمَّد",
        "الأُرْدُنّ",
        "سَيُوَقِّعُ",
        "لَكِنَّ",
        "إِلَى",
    ]
    text = f"قال الوزير إن الاتفاق تم {words[0]} ثم خرج {words[1]} إن العمل مستمر\n" + " ".join(
        words[2:]
    )
    path = tmp_path / "marks.annotate"
    with Project.create(path) as project:
        project.documents.add(text)
    for width in ("400", "900"):
        out = tmp_path / f"marks-{width}.pdf"
        assert run("render", str(path), "1", str(out), "--width", width)[0] == 0
        found = poppler_words(out).split()
        assert [word for word in words if word not in found] == []


def test_long_document_pdf_has_several_pages(tmp_path: Path) -> None:
    path = tmp_path / "long.annotate"
    paragraph = "قال الوزير إن الخطة ستنفذ على مراحل خلال الأعوام المقبلة بدعم من الشركاء."
    with Project.create(path) as project:
        project.documents.add("\n".join(f"{paragraph} ({n})" for n in range(120)))
    out = tmp_path / "long.pdf"
    code, output = run("render", str(path), "1", str(out))
    assert code == 0, output
    assert len(PdfReader(out).pages) >= 3
    assert "pages" in output


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("notes.txt", [], "must end in .png or .pdf"),
        ("small.png", ["--width", "50"], "--width must be at least"),
    ],
)
def test_bad_output_is_refused_and_nothing_is_written(
    sample_project: Path, tmp_path: Path, name: str, args: list[str], message: str
) -> None:
    out = tmp_path / name
    code, output = run("render", str(sample_project), "2", str(out), *args)
    assert code == 2
    assert message in output
    assert not out.exists()
    assert list(tmp_path.glob("*.partial")) == []


def test_a_project_file_is_never_overwritten(sample_project: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.png"
    shutil.copy(sample_project, victim)
    before = victim.read_bytes()
    code, output = run("render", str(sample_project), "2", str(victim))
    assert code == 2
    assert f"{victim}: is a SQLite file" in output
    assert victim.read_bytes() == before


def test_an_existing_image_is_replaced(sample_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "water.png"
    out.write_bytes(b"old")
    assert run("render", str(sample_project), "2", str(out))[0] == 0
    assert QImage(str(out)).width() == 900


@pytest.mark.parametrize("name", ["x.png", "x.pdf"])
def test_a_missing_folder_is_named(sample_project: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "no" / "such" / name
    code, output = run("render", str(sample_project), "2", str(out))
    assert code == 2
    assert f"{out.parent}: no such folder" in output


def test_unknown_document_is_named(sample_project: Path, tmp_path: Path) -> None:
    code, output = run("render", str(sample_project), "99", str(tmp_path / "x.png"))
    assert code == 2
    assert "99" in output


def test_pdf_glyphs_of_any_width_copy_as_no_text(tmp_path: Path) -> None:
    path = tmp_path / "digits.annotate"
    text = "قال 0123456789 ثم ذهب"  # ten glyphs of one width: a range in the PDF's widths
    with Project.create(path) as project:
        project.documents.add(text)
    out = tmp_path / "digits.pdf"
    assert run("render", str(path), "1", str(out))[0] == 0
    extracted = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert [c for c in extracted if unicodedata.category(c) == "Cc" and c not in "\n"] == []
    assert without_marks(extracted) == without_marks(text)
