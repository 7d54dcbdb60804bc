"""What a user installs is the wheel: built from this checkout, installed with its
dependencies into a fresh virtual environment, and run from there, never from the checkout:
the CLI (init, import of the bundled sample, export, render) and the app's window, offscreen.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
from annotate.project import Project
from gui.app import application
from gui.main_window import MainWindow
application()
window = MainWindow(Project.open(sys.argv[1]), "analyst")  # no first-run name dialog
window.resize(1000, 700)
window.show()
QApplication.processEvents()
assert window.reader.annotated is not None, "no document shown"
window.grab().save(sys.argv[2])
print(window.reader.annotated.document.title)
"""

IN_ARABIC = """
from gui.app import application
from gui.i18n import translate
application("ar")
print(translate("MainWindow", "&File").replace("&", ""))
"""


def run(command: list[str], where: Path) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    environment["XDG_CONFIG_HOME"] = str(where / "config")
    environment["XDG_DATA_HOME"] = str(where / "data")
    result = subprocess.run(
        command, cwd=where, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command}: {result.stderr}"
    return result.stdout


def checkout_copy(folder: Path) -> Path:
    """The checkout's files (committed or not, but not ignored), copied to folder."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


def test_the_installed_wheel_holds_everything_and_runs(tmp_path: Path) -> None:
    source = checkout_copy(tmp_path / "source")  # a build/ folder left behind leaks into wheels
    wheels = tmp_path / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
        tmp_path,
    )
    (wheel,) = wheels.glob("arabic_annotate-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    packages = [p.relative_to(ROOT).as_posix() for p in ROOT.glob("[ag]*/**/__init__.py")]
    assert packages and [p for p in packages if p not in inside] == []
    resources = [
        p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*")
    ]
    bundled = [
        f"annotate_resources/{name}"
        for name in resources
        if "." in name and "__" not in name and not name.endswith((".ts", ".qm"))
    ]
    assert [name for name in bundled if name not in inside] == []
    assert "annotate_resources/i18n/annotate_ar.qm" in inside  # compiled by the build

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    bin_ = venv / "bin"
    run([str(bin_ / "pip"), "install", "-q", str(wheel)], tmp_path)
    annotate = str(bin_ / "annotate")
    assert "version 0.1.0" in run([annotate, "--version"], tmp_path)
    where = json.loads(
        run(
            [
                str(bin_ / "python"),
                "-c",
                "import json, annotate, gui;"
                "from annotate.sample import SAMPLE_FOLDER, SAMPLE_ANNOTATIONS;"
                "print(json.dumps([annotate.__file__, gui.__file__,"
                " str(SAMPLE_FOLDER), str(SAMPLE_ANNOTATIONS)]))",
            ],
            tmp_path,
        )
    )
    assert all(path.startswith(str(venv)) for path in where), where
    run([annotate, "init", "p.annotate"], tmp_path)
    imported = run([annotate, "import", "p.annotate", where[2], where[3]], tmp_path)
    assert "documents: 2 added" in imported
    run([annotate, "export", "p.annotate", "out.jsonl"], tmp_path)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert records and all(record["spans"] for record in records)
    # the proclitic rule reads the installed word list: و is taken off ولبنان, not off لبنان
    found = run([annotate, "search", "p.annotate", "لبنان", "--json"], tmp_path)
    assert [hit["text"] for hit in json.loads(found)] == ["لبنان"]
    assert not json.loads(run([annotate, "search", "p.annotate", "بنان", "--json"], tmp_path))
    run([annotate, "render", "p.annotate", "1", "page.png"], tmp_path)
    assert (tmp_path / "page.png").stat().st_size > 10_000
    shown = run([str(bin_ / "python"), "-c", START_WINDOW, "p.annotate", "window.png"], tmp_path)
    assert shown.strip() and (tmp_path / "window.png").stat().st_size > 10_000
    run([annotate, "gui", "--lang", "ar", "--screenshot", "ar.png", "p.annotate"], tmp_path)
    arabic = run([str(bin_ / "python"), "-c", IN_ARABIC], tmp_path)
    assert arabic.strip() == "ملف", arabic
