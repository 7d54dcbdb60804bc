"""`annotate train-curve`: F1 at four shares of the training sentences, as a table and a PNG."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PySide6.QtGui import QColor, QImage

from annotate.project import Project
from annotate.training.curve import learning_curve
from annotate.training.options import TrainingOptions
from annotate.training.trainer import train
from gui.cli import main
from gui.curve_plot import CURVE_COLOUR, HEIGHT, WIDTH
from tests.annotate.test_training import fill_news

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_curve_is_printed_and_drawn(tmp_path: Path) -> None:
    project = tmp_path / "news.annotate"
    with Project.create(project) as created:
        fill_news(created)
    out = tmp_path / "curve.png"
    args = ["train-curve", str(project), "--out", str(out), "--epochs", "2", "--seed", "3"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["share", "sentences", "F1", "precision", "recall"]
    rows = [line.split() for line in lines[1:5]]
    assert [row[:2] for row in rows] == [
        ["25%", "10"],
        ["50%", "20"],
        ["75%", "30"],
        ["100%", "40"],
    ]
    assert all(0 <= float(row[2]) <= 1 for row in rows)
    assert lines[5:] == [f"wrote {out}"]
    assert out.read_bytes().startswith(PNG_SIGNATURE)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    colours = [image.pixelColor(x, y) for x in range(0, WIDTH, 2) for y in range(0, HEIGHT, 2)]
    white = QColor("white")
    assert sum(colour != white for colour in colours) > 1000  # axes, grid, figures
    assert sum(colour == CURVE_COLOUR for colour in colours) > 50  # the curve and its points


def test_a_curve_needs_a_png_name_and_a_held_out_part(tmp_path: Path) -> None:
    project = tmp_path / "news.annotate"
    with Project.create(project) as created:
        fill_news(created)
    runner = CliRunner()
    result = runner.invoke(main, ["train-curve", str(project), "--out", str(tmp_path / "c.jpg")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: field 'out': '{tmp_path / 'c.jpg'}': the curve is drawn to a .png file\n"
    )
    nowhere = tmp_path / "missing" / "c.png"  # said before any training, not after it
    result = runner.invoke(main, ["train-curve", str(project), "--out", str(nowhere)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {nowhere.parent}: no such folder\n")
    result = runner.invoke(main, ["train-curve", str(project), "--eval-split", "0"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: field 'eval-split': a curve needs a held-out part to score: --eval-split above"
        " 0, or --split NAME\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["news.annotate"]


def test_the_whole_share_scores_as_annotate_train_does(tmp_path: Path) -> None:
    with Project.create(tmp_path / "news.annotate") as project:
        fill_news(project)
        options = TrainingOptions(seed=5, epochs=6)
        points = learning_curve(project, options)
        report = train(project, tmp_path / "model", options)
    assert [point.sentences for point in points] == [10, 20, 30, 40]
    assert points[-1].scores == report.scores
