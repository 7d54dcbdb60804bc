"""`annotate gui` says which system libraries Qt's window plugin lacks, before Qt aborts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gui import platform_check
from gui.cli import EXIT_NO_WINDOW, main
from gui.platform_check import (
    PlatformMissing,
    check_platform,
    explain,
    not_found,
    platforms_to_try,
)

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffa857e1000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007ffa856fd000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007ffa84000000)
\tlibxcb-icccm.so.4 => not found
\tlibfoo-unheard.so.7 => not found
"""


def test_ldd_output_gives_each_missing_library_once() -> None:
    assert not_found(LDD_OUTPUT) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libfoo-unheard.so.7",
    ]


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, ["xcb"]),
        ({"QT_QPA_PLATFORM": "offscreen"}, []),
        ({"QT_QPA_PLATFORM": "xcb"}, ["xcb"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, []),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, ["wayland", "xcb"]),
        ({"XDG_SESSION_TYPE": "x11"}, ["xcb"]),
        ({"WAYLAND_DISPLAY": "wayland-1"}, ["wayland", "xcb"]),
    ],
)
def test_the_plugins_qt_would_try(environment: dict[str, str], expected: list[str]) -> None:
    assert platforms_to_try(environment) == expected


def test_the_message_names_the_libraries_and_the_commands_that_install_them() -> None:
    message = explain("xcb", not_found(LDD_OUTPUT))
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1, libfoo-unheard.so.7" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms\n" in message
    assert "the packages that provide libfoo-unheard.so.7" in message


def test_a_plugin_missing_from_pyside_is_said_so() -> None:
    assert "missing from the PySide6 install" in explain("xcb", ["libqxcb.so"])


def test_a_wayland_session_needs_only_one_of_its_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = {"libqwayland.so": ["libwayland-cursor.so.0"], "libqxcb.so": []}
    monkeypatch.setattr(platform_check, "missing_libraries", lambda path: missing[path.name])
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    check_platform(session)  # xcb through XWayland will do
    missing["libqxcb.so"] = ["libxcb-icccm.so.4"]
    with pytest.raises(PlatformMissing, match=r"libxcb-icccm\.so\.4"):
        check_platform(session)


def test_no_display_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform_check, "missing_libraries", lambda path: [])
    with pytest.raises(PlatformMissing, match="no display"):
        check_platform({"QT_QPA_PLATFORM": "xcb"})
    check_platform({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})


def test_the_plugins_pyside_brings_are_where_they_are_looked_for() -> None:
    assert platform_check.plugin_path("xcb").is_file()
    assert platform_check.plugin_path("wayland").is_file()
    assert platform_check.missing_libraries(Path("/nowhere/libqxcb.so")) == ["libqxcb.so"]


def test_annotate_gui_stops_with_the_message_before_qt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(platform_check, "missing_libraries", lambda path: ["libxcb-icccm.so.4"])

    def no_app(path: Path | None) -> int:
        raise AssertionError("the app was started")

    monkeypatch.setattr("gui.app.run_app", no_app)
    environment = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    result = CliRunner().invoke(main, ["gui", str(tmp_path / "p.annotate")], env=environment)
    assert result.exit_code == EXIT_NO_WINDOW
    assert "sudo apt-get install libxcb-icccm4" in result.output
    assert not (tmp_path / "p.annotate").exists()
