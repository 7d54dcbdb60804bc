"""Which documents a model is trained on, and which it is scored on: a named split (the
meta's "split" of the documents, as ``annotate import --split`` keeps it), or a share of
the documents drawn with the seed, as ``export --split`` draws them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotate.corpus.splits import assign_splits, checked_split_name
from annotate.errors import InputError
from annotate.training.examples import LayerDocument

TRAIN = "train"
HELD_OUT = "held-out"


@dataclass(frozen=True)
class Parts:
    train: list[LayerDocument]
    held_out: list[LayerDocument]
    described: str  # how the held-out part was chosen, for the report


def held_out_parts(
    documents: Sequence[LayerDocument], split: str | None, eval_split: float, seed: int
) -> Parts:
    """The layers of the documents in split ``split`` held out, or a share ``eval_split``
    of the documents (0: none, every layer trains)."""
    if split is not None:
        parts = _named(documents, checked_split_name(split))
    else:
        parts = _drawn(documents, eval_split, seed)
    if not parts.train:
        raise InputError(
            f"every annotated document is held out ({parts.described}): none is left to train on",
            field="split" if split is not None else "eval-split",
        )
    return parts


def _named(documents: Sequence[LayerDocument], split: str) -> Parts:
    held = [document for document in documents if document.split == split]
    if not held:
        known = sorted({d.split for d in documents if d.split is not None})
        named = ", ".join(known) if known else "none: annotate import --split NAME names one"
        raise InputError(
            f"no annotated document is in split {split!r} (splits: {named})", field="split"
        )
    train = [document for document in documents if document.split != split]
    return Parts(train, held, f"split {split}")


def _drawn(documents: Sequence[LayerDocument], share: float, seed: int) -> Parts:
    if not 0 <= share < 1:
        raise InputError(
            f"{share:g} is not a share from 0 up to (not including) 1", field="eval-split"
        )
    described = f"{share:g} of the documents, seed {seed}"
    if share == 0:
        return Parts(list(documents), [], "none")
    uids = sorted({document.uid for document in documents})
    drawn = assign_splits(uids, {TRAIN: 1 - share, HELD_OUT: share}, seed)
    held = [document for document in documents if drawn[document.uid] == HELD_OUT]
    if not held:
        raise InputError(
            f"{share:g} of {len(uids)} document(s) holds none out: name a larger share, or a"
            " split with --split",
            field="eval-split",
        )
    train = [document for document in documents if drawn[document.uid] == TRAIN]
    return Parts(train, held, described)
