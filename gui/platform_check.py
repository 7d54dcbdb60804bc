"""Whether Qt's window system plugin can load here, asked before the application is made.

PySide6 brings Qt's platform plugins, but the xcb (X11) and Wayland plugins need system
libraries pip cannot install; without them Qt prints a long message and aborts the process.
So `annotate gui` looks first: it asks the dynamic linker (ldd) which libraries of the
plugin it is about to use do not resolve and, if any, names them with the command that
installs them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# The libraries Qt's xcb and wayland plugins need and a fresh desktop install may lack, by
# soname: (Debian/Ubuntu package, Fedora package).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}
PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}
NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)


class PlatformMissing(Exception):
    """The window system plugin Qt would use cannot load; the message says what to install."""


def check_platform(environ: Mapping[str, str] | None = None) -> None:
    """Raise PlatformMissing when none of the plugins Qt would try can load (Linux only)."""
    environ = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return
    names = platforms_to_try(environ)
    if not names:
        return
    missing = {name: missing_libraries(plugin_path(name)) for name in names}
    if all(missing.values()):
        raise PlatformMissing(explain(names[-1], missing[names[-1]]))
    if names == ["xcb"] and not environ.get("DISPLAY"):
        raise PlatformMissing(
            "The desktop app cannot open a window: there is no display (DISPLAY is not set)."
            " Start it from a desktop session, or over SSH with X forwarding (ssh -X)."
        )


def platforms_to_try(environ: Mapping[str, str]) -> list[str]:
    """The plugins among xcb and wayland that Qt will try, in its order: the ones
    QT_QPA_PLATFORM names (none that needs checking for offscreen and the like), else
    wayland then xcb where a Wayland display is set, else xcb."""
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        names = [part.split(":")[0] for part in asked.split(";") if part]
        return names if all(name in PLUGIN_FILES for name in names) else []
    if environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]  # Qt goes by the session type; either plugin may serve
    return ["xcb"]


def plugin_path(name: str) -> Path:
    import PySide6  # its folder only; no Qt module is loaded

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / PLUGIN_FILES[name]


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries plugin needs that the dynamic linker cannot find."""
    if not plugin.exists():
        return [plugin.name]
    ldd = shutil.which("ldd")
    if ldd is None:
        return []  # nothing to ask; Qt will say it if the plugin cannot load
    result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
    return not_found(result.stdout)


def not_found(ldd_output: str) -> list[str]:
    """The libraries ldd's output says are not found, each once, in its order."""
    return list(dict.fromkeys(NOT_FOUND.findall(ldd_output)))


def explain(platform: str, libraries: list[str]) -> str:
    """What is missing, and the command that installs it on Debian/Ubuntu and on Fedora."""
    if libraries == [PLUGIN_FILES[platform]]:
        return (
            f"The desktop app cannot open a window: Qt's {platform} platform plugin"
            f" ({libraries[0]}) is missing from the PySide6 install; install PySide6 again."
        )
    known = [PACKAGES[library] for library in libraries if library in PACKAGES]
    unknown = [library for library in libraries if library not in PACKAGES]
    lines = [
        f"The desktop app cannot open a window: Qt's {platform} platform plugin needs"
        f" {', '.join(libraries)}, which this system does not have.",
    ]
    if known:
        debian = " ".join(dict.fromkeys(package for package, _ in known))
        fedora = " ".join(dict.fromkeys(package for _, package in known))
        lines += [
            "Install them with:",
            f"  Debian/Ubuntu:  sudo apt-get install {debian}",
            f"  Fedora:         sudo dnf install {fedora}",
        ]
    if unknown:
        lines.append(f"Install the packages that provide {', '.join(unknown)}.")
    lines.append("(The command line works without them; `annotate --help` lists it.)")
    return "\n".join(lines)
