"""Every CLI command and option is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click

from gui.cli import main  # the console script: the core's commands and `gui`

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    opening = README[:600]
    assert "make run" in opening and "make test" in opening


def test_every_command_and_option_is_in_the_readme() -> None:
    context = click.Context(main)
    assert "gui" in main.list_commands(context)
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None
        assert f"annotate {name}" in README, f"command {name} is not documented"
        for parameter in command.params:
            for option in getattr(parameter, "opts", []):
                if option.startswith("--"):
                    assert option in README, f"{name} {option} is not documented"
