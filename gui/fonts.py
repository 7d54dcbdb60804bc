"""The bundled Arabic font (Amiri, OFL), used on every platform."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotate.bundled import RESOURCES

FONT_FOLDER = RESOURCES / "fonts"
FONT_FILES = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")
DEFAULT_POINT_SIZE = 12


def load_arabic_font() -> QFont:
    """Register the bundled font files and return the font to show Arabic with."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(FONT_FOLDER / name))
        if font_id < 0:
            raise RuntimeError(f"cannot load the bundled font {FONT_FOLDER / name}")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont(families[0], DEFAULT_POINT_SIZE)
    return font
