"""MODEL_DIR: written beside itself and moved in place when whole, so that a failed or
stopped training leaves the model that was there before. A folder that holds something
other than a model this command wrote is never overwritten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from annotate.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language

META_FILE = "meta.json"
OWN_KEY = "annotate"  # in meta.json: what the project says about the model


def check_model_target(model_dir: Path) -> None:
    """Refuse a MODEL_DIR that would lose anything but an earlier model of ours."""
    if model_dir.exists() and not model_dir.is_dir():
        raise InputError("is a file; a model is a folder", file=str(model_dir))
    if model_dir.is_dir() and any(model_dir.iterdir()) and not is_model(model_dir):
        raise InputError(
            "the folder holds files and is not a model from annotate train; name a new or"
            " empty folder",
            file=str(model_dir),
        )


def is_model(folder: Path) -> bool:
    """Whether ``folder`` holds a model written by annotate train."""
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and OWN_KEY in meta


def write_model(nlp: Language, model_dir: Path) -> None:
    check_model_target(model_dir)
    partial = model_dir.with_name(model_dir.name + ".partial")
    earlier = model_dir.with_name(model_dir.name + ".earlier")
    for leftover in (partial, earlier):
        shutil.rmtree(leftover, ignore_errors=True)
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        nlp.to_disk(partial)
        swap_in(partial, model_dir, earlier)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def swap_in(partial: Path, model_dir: Path, earlier: Path) -> None:
    """``partial`` in ``model_dir``'s place; the model there before, moved to ``earlier``
    meanwhile, is back if that fails and gone if not."""
    if model_dir.exists():
        model_dir.replace(earlier)
    try:
        partial.replace(model_dir)
    except BaseException:
        if earlier.exists():
            earlier.replace(model_dir)
        raise
    shutil.rmtree(earlier, ignore_errors=True)
