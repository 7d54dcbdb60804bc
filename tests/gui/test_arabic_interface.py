"""The interface in Arabic: every text translated, the window mirrored, the language chosen
on the command line, in the app or by the system's locale."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from annotate.sample import open_default_project
from gui.app import application
from gui.i18n import ARABIC, ENGLISH, LANGUAGE_KEY, language
from gui.keys_overlay import KeysOverlay
from gui.main_window import MainWindow
from gui.project_switch import CurrentWindow
from gui.screenshots import WINDOW_SIZE, wait_for_reader
from gui.settings import app_settings
from gui.training_run import model_folder

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "annotate_ar.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
ANNOTATORS = ("ali", "sample")
# What may stay in Latin letters inside Arabic text: key names, proper names of formats
# and programs, and the language menu's "English".
KEY_NAMES = {
    "Ctrl", "Shift", "Alt", "Meta", "Esc", "Tab", "Enter", "Return", "Space", "Backspace",
    "Del", "Delete", "Ins", "Home", "End", "PgUp", "PgDown", "Up", "Down", "Left", "Right",
}  # fmt: skip
PROPER_NAMES = {
    "Qt", "SQLite", "spaCy", "CoNLL", "brat", "JSONL", "JSON", "PDF", "PNG", "CSV", "TSV",
    "IOB", "BIO", "BIOES", "Hugging", "Face", "Parquet", "UTF", "Amiri", "English", "XML",
    "HTML", "WAL", "ID", "doccano",
}  # fmt: skip
PROPER_PHRASES = ("Label Studio",)
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
FUNCTION_KEY = re.compile(r"F\d{1,2}")
FILE_NAME = re.compile(r"[^\s()]+\.annotate|/[^\s()]+")  # file and folder names: data


def latin_words(text: str, data: tuple[str, ...]) -> list[str]:
    """The Latin words of `text` that are neither names nor keys, once the data shown in it
    (file and annotator names) is taken out."""
    for shown in sorted((*data, *PROPER_PHRASES), key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z]){re.escape(shown)}(?![A-Za-z])", " ", text)
    text = FILE_NAME.sub(" ", text)
    words = WORD.findall(text.replace("&&", "").replace("&", ""))
    return [
        word
        for word in words
        if len(word) > 1  # a letter key, as the label keys show them
        and word not in KEY_NAMES | PROPER_NAMES
        and not FUNCTION_KEY.fullmatch(word)
    ]


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user reads in `window` and the windows it opened:
    titles, menus and actions, labels, buttons, fields' hints, headers and tooltips."""
    for widget in [window, *window.findChildren(QWidget)]:
        kind = type(widget).__name__
        if widget.isWindow() or isinstance(widget, QDockWidget | QToolBar):
            yield f"{kind} title", widget.windowTitle()
        yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, QMenu):
            widget.aboutToShow.emit()  # menus filled as they open
            yield "menu", widget.title()
        elif isinstance(widget, QLabel):
            yield f"{kind} text", QTextDocumentFragment.fromHtml(widget.text()).toPlainText()
        elif isinstance(widget, QAbstractButton):
            yield f"{kind} text", widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{kind} hint", widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield "group", widget.title()
        elif isinstance(widget, QComboBox):
            for row in range(widget.count()):
                yield f"{kind} item", widget.itemText(row)
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            header = widget.header() if isinstance(widget, QTreeView) else widget.horizontalHeader()
            for column in range(header.count()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    header = model.headerData(column, Qt.Orientation.Horizontal, role)
                    yield f"{kind} header", str(header or "")
    for action in window.findChildren(QAction):
        for text in (action.text(), action.toolTip(), action.statusTip()):
            yield "action", text


def bilingual(window: MainWindow) -> list[str]:
    """Each label's and relation's names side by side ("شخص · Person"), as the guidelines
    name them: the schema's English name there is the label's other name, not interface."""
    schema = window.project.labels.schema()
    return [f"{item.arabic} · {item.english}" for item in (*schema.labels, *schema.relations)]


def test_in_arabic_every_text_the_app_shows_is_arabic(arabic_window: MainWindow) -> None:
    window = arabic_window
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    actions = [*window.actions(), *window.annotating.actions.all()]
    KeysOverlay(window, [a for a in actions if a.shortcuts()]).show()  # F1, not modal here
    window.show_agreement()
    window.show_progress()
    window.review_disagreements()
    window.suggestions.show_stats()
    window.suggestions.train()  # the training dialog, asking what to learn from
    window.find_bar.open_bar()
    QApplication.processEvents()
    model = str(model_folder(window.project.path))  # a folder's name: data
    data = (model, str(window.project.path), window.project.path.name, *ANNOTATORS)
    data += tuple(bilingual(window))
    texts = list(shown_texts(window))
    assert len(texts) > 300
    untranslated = sorted(
        {(where, text) for where, text in texts if latin_words(text, data)},
    )
    assert untranslated == []
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&ملف" and len(menus) == 9


def test_the_check_finds_english_texts(window: MainWindow) -> None:
    """The English window fails the check above (it is no check otherwise)."""
    data = (window.project.path.name, *ANNOTATORS)
    english = {text for _, text in shown_texts(window) if latin_words(text, data)}
    assert {"&File", "&Edit", "Labels"} <= english


def test_the_catalogue_holds_every_text_translated() -> None:
    """The catalogue is what pyside6-lupdate makes of gui/ now (`make translations`), and
    every message in it has its Arabic: no unfinished or empty translation, every plural
    form given."""
    fresh = Path(os.environ.get("TMPDIR", "/tmp")) / f"catalogue-{os.getpid()}.ts"
    shutil.copy(CATALOGUE, fresh)
    sources = sorted(str(path) for path in (ROOT / "gui").glob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert fresh.read_text(encoding="utf-8") == CATALOGUE.read_text(encoding="utf-8")
    fresh.unlink()
    messages = ElementTree.parse(CATALOGUE).getroot().iter("message")
    unfinished = []
    count = 0
    for message in messages:
        count += 1
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform") or [translation]
        if translation.get("type") or not all((form.text or "").strip() for form in forms):
            unfinished.append(message.findtext("source"))
        if translation.findall("numerusform"):
            assert len(forms) == 6, message.findtext("source")  # Arabic's plural categories
    assert count > 300 and unfinished == []


def ink_columns(image: QImage, top: int, bottom: int) -> list[int]:
    """The columns of the strip between `top` and `bottom` that hold dark (text) pixels."""
    dark = []
    for x in range(image.width()):
        if any(QColor(image.pixel(x, y)).lightness() < 100 for y in range(top, bottom)):
            dark.append(x)
    return dark


@pytest.mark.parametrize("chosen", [ARABIC, ENGLISH])
def test_in_arabic_the_menu_bar_starts_at_the_right_edge(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chosen: str
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    application(chosen)
    try:
        with open_default_project() as project:
            shown = MainWindow(project, annotator="ali")
            qtbot.addWidget(shown)
            shown.show()
            qtbot.waitExposed(shown)
            wait_for_reader(shown)
            bar = shown.menuBar()
            picture = bar.grab().toImage()
            first = bar.actionGeometry(bar.actions()[0])
            shown.close()
    finally:
        application(ENGLISH)
    inked = ink_columns(picture, first.top(), first.bottom())
    assert inked, "no menu text drawn"
    if chosen == ARABIC:
        assert first.right() >= bar.width() - 20
        assert inked[-1] > bar.width() - 30 and inked[0] > bar.width() // 2
    else:
        assert first.left() <= 20
        assert inked[0] < 30 and inked[-1] < bar.width() // 2
    assert [x for x in inked if first.left() <= x <= first.right()], "first title not drawn"


def test_the_language_menu_rebuilds_the_window_mirrored(
    current: CurrentWindow, qtbot: QtBot
) -> None:
    first = current.window
    document = first.reader.annotated.document.uid if first.reader.annotated else None
    first.findChild(QAction, "language-ar").trigger()
    try:
        window = current.window
        assert window is not first and window.isVisible()
        assert language() == ARABIC and app_settings().value(LANGUAGE_KEY) == ARABIC
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.menuBar().actions()[0].text() == "&ملف"
        assert window.reader.annotated is not None
        assert window.reader.annotated.document.uid == document  # the same place
        side = window.dockWidgetArea(window.annotations_dock)
        assert side == Qt.DockWidgetArea.LeftDockWidgetArea  # after the reader, leftwards
        window.findChild(QAction, "language-en").trigger()
        assert language() == ENGLISH and current.window.menuBar().actions()[0].text() == "&File"
    finally:
        application(ENGLISH)


@pytest.mark.parametrize(
    ("environment", "stored", "expected"),
    [
        ({"LANG": "ar_EG.UTF-8"}, None, ARABIC),
        ({"LANG": "en_GB.UTF-8"}, None, ENGLISH),
        ({"LANG": "ar_EG.UTF-8"}, ENGLISH, ENGLISH),  # the app's setting wins
        ({"LANG": "en_GB.UTF-8"}, ARABIC, ARABIC),
    ],
)
def test_the_language_follows_the_system_unless_chosen(
    tmp_path: Path, environment: dict[str, str], stored: str | None, expected: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env |= environment | {"XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    if stored is not None:
        settings = tmp_path / "arabic-annotate" / "workbench.ini"
        settings.parent.mkdir()
        settings.write_text(f"[interface]\nlanguage={stored}\n")
    shown = subprocess.run(
        [sys.executable, "-c", "from gui.i18n import chosen_language; print(chosen_language())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == expected


def test_the_screenshot_option_draws_the_window_in_either_language(tmp_path: Path) -> None:
    from annotate.corpus.importing import import_paths
    from annotate.project import Project
    from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER

    path = tmp_path / "p.annotate"
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    pictures = {}
    for chosen in (ARABIC, ENGLISH):
        out = tmp_path / f"{chosen}.png"
        command = ["from gui.cli import main; main()", "gui", "--lang", chosen]
        result = subprocess.run(
            [sys.executable, "-c", *command, "--screenshot", str(out), str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"wrote {out}"
        pictures[chosen] = QImage(str(out))
        assert (pictures[chosen].width(), pictures[chosen].height()) == WINDOW_SIZE
    width = WINDOW_SIZE[0]
    arabic_menus = ink_columns(pictures[ARABIC], 4, 20)
    english_menus = ink_columns(pictures[ENGLISH], 4, 20)
    assert arabic_menus and arabic_menus[0] > width // 2  # menus from the right
    assert english_menus and english_menus[-1] < width // 2
