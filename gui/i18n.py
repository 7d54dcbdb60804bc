"""The interface language: Arabic, with the whole window mirrored right to left, or English.

Every text the app shows goes through Qt's translation system: `translate(context, text)`
here (pyside6-lupdate finds each call by that name) and the Arabic catalogue
resources/i18n/annotate_ar.ts, compiled to annotate_ar.qm when the package is built. Qt's
own catalogue (qtbase_ar) translates the standard dialogs and buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotate.bundled import RESOURCES
from gui.settings import app_settings

ARABIC = "ar"
ENGLISH = "en"
LANGUAGES = (ARABIC, ENGLISH)
LANGUAGE_KEY = "interface/language"  # the language chosen in the app; none: the system's
CATALOGUE = "annotate"  # annotate_ar.qm
QT_CATALOGUE = "qtbase"  # qtbase_ar.qm, from Qt's own translations

_state = {"language": ENGLISH}
_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language. With `n`, "%n" in the text is the number, and the
    Arabic catalogue has a form for each of Arabic's plural categories."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def language() -> str:
    return _state["language"]


def is_arabic() -> bool:
    return _state["language"] == ARABIC


def chosen_language(requested: str | None = None) -> str:
    """The language asked for on the command line, else the one chosen in the app, else
    Arabic when the system's locale is Arabic, else English."""
    if requested in LANGUAGES:
        return requested
    stored = app_settings().value(LANGUAGE_KEY, "")
    if stored in LANGUAGES:
        return str(stored)
    return ARABIC if QLocale.system().language() == QLocale.Language.Arabic else ENGLISH


def remember_language(chosen: str) -> None:
    app_settings().setValue(LANGUAGE_KEY, chosen)


def use_language(app: QApplication, chosen: str) -> None:
    """Translate what is built from now on into `chosen`, and lay the app out in its
    direction. Windows already built keep their texts."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen == ARABIC:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((QT_CATALOGUE, qt_folder), (CATALOGUE, catalogue_folder())):
            translator = QTranslator(app)
            if translator.load(QLocale(QLocale.Language.Arabic), name, "_", folder):
                app.installTranslator(translator)
                _installed.append(translator)
    _state["language"] = chosen
    direction = (
        Qt.LayoutDirection.RightToLeft if chosen == ARABIC else Qt.LayoutDirection.LeftToRight
    )
    app.setLayoutDirection(direction)


def catalogue_folder() -> str:
    return str(RESOURCES / "i18n")


def shown_name(english: str, arabic: str) -> str:
    """A label's or relation's name as the schema gives it in the interface language."""
    return (arabic or english) if is_arabic() else (english or arabic)
