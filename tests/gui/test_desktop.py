"""`annotate desktop-entry`: the app in a Linux desktop's application menu."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.bundled import RESOURCES
from gui.cli import main
from gui.desktop import exec_argument


def test_the_entry_and_its_icon_go_to_the_users_data_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["desktop-entry"], env={"XDG_DATA_HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    entry = tmp_path / "applications" / "arabic-annotate.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "arabic-annotate.svg"
    assert result.output.splitlines() == [f"wrote {entry}", f"wrote {icon}"]
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    keys = parser["Desktop Entry"]
    assert (keys["Type"], keys["Icon"], keys["Terminal"]) == (
        "Application",
        "arabic-annotate",
        "false",
    )
    assert keys["Exec"].endswith(" gui %f") and "annotate" in keys["Exec"]
    assert keys["Name"] == "Arabic annotation workbench"
    assert keys["Name[ar]"] == "منضدة توسيم النصوص العربية"  # as the Arabic window's title
    assert keys["Comment[ar]"] == "توسيم الأخبار العربية: الكيانات والاقتباسات وقائلوها"
    assert icon.read_bytes() == (RESOURCES / "icon.svg").read_bytes()
    assert ElementTree.parse(icon).getroot().tag.endswith("svg")


@pytest.mark.parametrize(
    ("path", "argument"),
    [
        ("/usr/bin/annotate", "/usr/bin/annotate"),
        ("/home/me/my apps/annotate", '"/home/me/my apps/annotate"'),
        ('/x/a"b', '"/x/a\\\\"b"'),
        ("/x/$HOME", '"/x/\\\\$HOME"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_specification_says(path: str, argument: str) -> None:
    assert exec_argument(path) == argument
