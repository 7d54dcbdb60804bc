"""Real corpora the benchmarks read where they lie, never copied: ../shared/corpora beside
the checkout, or beside the folder holding it (a git worktree)."""

from __future__ import annotations

from pathlib import Path

FOLDER = ("shared", "corpora")


def shared(*parts: str) -> Path | None:
    """The file or folder at `parts` inside the shared corpora, if it is there."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder.joinpath(*FOLDER, *parts)
        if candidate.exists():
            return candidate
    return None


def shown(*parts: str) -> str:
    """The path as a message names it: shared/corpora/..."""
    return "/".join((*FOLDER, *parts))
