from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from gui.screenshots import WINDOW_SIZE, write_all


def test_screenshot_command_writes_the_readme_pictures(tmp_path: Path) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    written = write_all(tmp_path, folder)
    names = [path.name for path in written]
    assert names == [
        "main-window.png",
        "reader.png",
        "render.png",
        "linking.png",
        "search.png",
        "propagation.png",
        "review.png",
        "progress.png",
        "comments.png",
        "main-window-ar.png",
        "review-ar.png",
        "suggestions.png",
    ]
    window = QImage(str(written[0]))
    assert (window.width(), window.height()) == WINDOW_SIZE
    assert all(QImage(str(path)).height() >= 300 for path in written)
