"""What the app remembers between runs (font size, recent projects, ...), in one INI file
per user."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "arabic-annotate"
APPLICATION = "workbench"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def stored_rows(key: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a list kept as a settings array, each field as text."""
    settings = app_settings()
    count = settings.beginReadArray(key)
    rows = []
    for index in range(count):
        settings.setArrayIndex(index)
        rows.append({field: str(settings.value(field, "")) for field in fields})
    settings.endArray()
    return rows


def store_rows(key: str, rows: list[dict[str, str]]) -> None:
    """Keep a list as a settings array, in place of the one there was."""
    settings = app_settings()
    settings.remove(key)  # a shorter list leaves none of the longer one's rows behind
    settings.beginWriteArray(key, len(rows))
    for index, row in enumerate(rows):
        settings.setArrayIndex(index)
        for field, value in row.items():
            settings.setValue(field, value)
    settings.endArray()
