"""The `annotate` console script: the core's CLI plus the `gui` command of the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from annotate.cli import (
    chosen_training_options,
    existing_project,
    main,
    reports_errors,
    training_options,
)
from annotate.errors import InputError
from annotate.output_files import check_output_file
from annotate.terminal_progress import TerminalProgress

__all__ = ["main"]

RENDER_WIDTH = 900
EXIT_NO_WINDOW = 3  # the window system cannot be used here (see gui/platform_check.py)


@main.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--lang",
    type=click.Choice(["ar", "en"]),
    help="Interface language (default: the one chosen in the app, else the system's).",
)
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False),
    help="Draw the main window with the project's first document to this PNG, and exit.",
)
@reports_errors
def gui(project: str | None, lang: str | None, screenshot: str | None) -> None:
    """Open the desktop app on PROJECT (default: the project opened last, else the sample
    project in your data folder)."""
    if screenshot is not None:
        _use_offscreen_without_display()
        from gui.app import screenshot_app

        screenshot_app(Path(project) if project else None, lang, Path(screenshot))
        click.echo(f"wrote {screenshot}")
        return
    from gui.platform_check import PlatformMissing, check_platform

    try:
        check_platform()  # before Qt, which aborts the process when it cannot load
    except PlatformMissing as missing:
        click.echo(str(missing), err=True)
        sys.exit(EXIT_NO_WINDOW)
    from gui.app import run_app  # Qt is loaded only when the app is asked for

    sys.exit(run_app(Path(project) if project else None, lang))


def _use_offscreen_without_display() -> None:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed


@main.command(name="desktop-entry")
@reports_errors
def desktop_entry() -> None:
    """Add the app to the desktop's application menu (Linux): a .desktop file and its icon
    in your data folder ($XDG_DATA_HOME, or ~/.local/share)."""
    from gui.desktop import install_desktop_entry

    entry, icon = install_desktop_entry()
    click.echo(f"wrote {entry}\nwrote {icon}")


@main.command()
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("doc")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--annotator", help="Show only this annotator's spans (default: all).")
@click.option(
    "--width", type=int, default=RENDER_WIDTH, show_default=True, help="Page width in pixels."
)
@reports_errors
def render(project: str, doc: str, out: str, annotator: str | None, width: int) -> None:
    """Draw document DOC as the reader shows it, to OUT.png or OUT.pdf (with real text)."""
    _use_offscreen_without_display()
    from annotate.annotated_text import AnnotatedText
    from gui.app import application
    from gui.page_render import render as render_document

    application()
    with existing_project(project) as opened:
        if annotator is not None and annotator not in opened.annotators.names():
            raise InputError(f"no annotator {annotator!r} in this project", field="annotator")
        annotated = AnnotatedText.load(opened, opened.documents.resolve(doc), annotator)
    pages = render_document(annotated, Path(out), width)
    click.echo(f"wrote {out}" + (f" ({pages} pages)" if out.lower().endswith(".pdf") else ""))


@main.command(name="train-curve")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default="curve.png",
    show_default=True,
    help="The PNG the curve is drawn to.",
)
@training_options
@reports_errors
def train_curve(project: str, out: str, **chosen: Any) -> None:
    """F1 on the held-out part of models trained on 25, 50, 75 and 100% of PROJECT's
    training sentences: printed as a table and drawn to a PNG."""
    from annotate.training.curve import curve_lines, learning_curve

    if not out.lower().endswith(".png"):
        raise InputError(f"{out!r}: the curve is drawn to a .png file", field="out")
    check_output_file(Path(out))  # before minutes of training, not after
    options = chosen_training_options(**chosen)
    with existing_project(project) as opened, TerminalProgress("training") as progress:
        points = learning_curve(opened, options, progress.show)
    for line in curve_lines(points):
        click.echo(line)
    _use_offscreen_without_display()
    from gui.app import application
    from gui.curve_plot import draw_curve

    application()
    draw_curve(points, Path(out))
    click.echo(f"wrote {out}")
