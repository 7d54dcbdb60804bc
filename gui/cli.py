"""The `annotate` console script: the core's CLI plus the `gui` command of the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotate.cli import main, reports_errors

__all__ = ["main"]


@main.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@reports_errors
def gui(project: str | None) -> None:
    """Open the desktop app on PROJECT (default: the sample project in your data folder)."""
    from gui.app import run_app  # Qt is loaded only when the app is asked for

    sys.exit(run_app(Path(project) if project else None))
