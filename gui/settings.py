"""What the app remembers between runs (font size, ...), in one INI file per user."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "arabic-annotate"
APPLICATION = "workbench"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )
