"""The desktop app on a real X server (Xvfb), through Qt's xcb plugin and its system
libraries, as on a Linux desktop; every other GUI test runs offscreen. CI installs Xvfb and
sets ANNOTATE_REQUIRE_XVFB=1, so there the test cannot be skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER

ROOT = Path(__file__).resolve().parents[2]
XVFB = shutil.which("Xvfb")
REQUIRED = os.environ.get("ANNOTATE_REQUIRE_XVFB") == "1"
WORD = "ميناءً"  # in the first sample article (tanween included), in no span
PERSON = QColor("#f4a261")

pytestmark = pytest.mark.skipif(
    XVFB is None and not REQUIRED, reason="Xvfb is not installed (CI installs it)"
)


@contextmanager
def x_server() -> Iterator[str]:
    """A fresh Xvfb on a free display number; its DISPLAY."""
    assert XVFB is not None, "ANNOTATE_REQUIRE_XVFB is set but Xvfb is not installed"
    read, write = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            yield f":{numbers.readline().strip()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_app_annotates_in_a_real_x_window(tmp_path: Path) -> None:
    project_path = tmp_path / "sample.annotate"
    with Project.create(project_path) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
    shot = tmp_path / "xcb.png"
    with x_server() as display:
        environment = os.environ | {
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        }
        environment.pop("WAYLAND_DISPLAY", None)
        result = subprocess.run(
            [sys.executable, "-m", "tests.gui.xcb_session", str(project_path), WORD, str(shot)],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout.splitlines()[-1])
    with Project.open(project_path) as project:
        document = project.documents.resolve("1")
        text = project.documents.get(document).text
        uid = project.spans.find(document, "analyst", "PERSON", made["start"], made["end"])
        assert uid is not None
        span = project.spans.get(uid)
    assert text[span.start : span.end] == WORD
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 700
    left, top, width, height = made["glyph"]
    under = [
        image.pixelColor(x, y) for x in range(left, left + width) for y in range(top, top + height)
    ]
    orange = [c for c in under if abs(c.hueF() - PERSON.hueF()) < 0.05 and c.saturationF() > 0.3]
    assert len(orange) > len(under) / 3, "the new span's highlight is not under its glyph"
