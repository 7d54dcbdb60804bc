"""The app in a Linux desktop's application menu: a desktop entry and its icon, written
where the freedesktop.org specifications say a user's own go (no root, no system files)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from annotate.bundled import RESOURCES

APP_ID = "arabic-annotate"
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
ENTRY = """[Desktop Entry]
Type=Application
Name=Arabic annotation workbench
Name[ar]=منضدة توسيم النصوص العربية
Comment=Annotate Arabic news: entities, quotes and their speakers
Comment[ar]=توسيم الأخبار العربية: الكيانات والاقتباسات وقائلوها
Exec={command} gui %f
Icon={app_id}
Terminal=false
Categories=Office;Education;
"""


def install_desktop_entry(environ: dict[str, str] | None = None) -> tuple[Path, Path]:
    """Write the desktop entry and the icon; return where they are."""
    environ = dict(os.environ) if environ is None else environ
    data = Path(environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    entry = data / "applications" / f"{APP_ID}.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    for path in (entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RESOURCES / "icon.svg", icon)
    entry.write_text(ENTRY.format(command=_command(), app_id=APP_ID), encoding="utf-8")
    return entry, icon


def _command() -> str:
    """The annotate command this one was started as, as an argument of a desktop entry's
    Exec key."""
    started = Path(sys.argv[0])
    found = started.resolve() if started.name == "annotate" and started.exists() else None
    return exec_argument(str(found) if found else shutil.which("annotate") or "annotate")


def exec_argument(text: str) -> str:
    """text quoted as the Desktop Entry Specification says: in double quotes when it holds
    a reserved character, with \\, ", ` and $ escaped; then every backslash doubled, as in
    any string value of the file."""
    if not any(char in RESERVED for char in text):
        return text
    quoted = "".join("\\" + char if char in '\\"`$' else char for char in text)
    return f'"{quoted}"'.replace("\\", "\\\\")
