"""Splitting a corpus by document into named parts, the same way for the same seed, and
the part a document was imported into (its meta's "split", such as train or test)."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable
from typing import Any

from annotate.errors import InputError

SPLIT_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
SPLIT_KEY = "split"  # in a document's meta: the named part of the corpus it belongs to


def split_of(meta: dict[str, Any]) -> str | None:
    """The named part a document belongs to, if its meta names one."""
    name = meta.get(SPLIT_KEY)
    return name if isinstance(name, str) and name else None


def checked_split_name(name: str, field: str = "split") -> str:
    if not SPLIT_NAME.match(name):
        raise InputError(
            f"{name!r} is not a split name (letters, digits, _ and -, at most 40)", field=field
        )
    return name


def parse_split(spec: str) -> dict[str, float]:
    """``train=0.8,dev=0.1,test=0.1`` as {name: fraction}; the fractions must add up to 1."""
    fractions: dict[str, float] = {}
    for part in spec.split(","):
        name, equals, value = part.strip().partition("=")
        if not equals or not SPLIT_NAME.match(name):
            raise InputError(f"{part.strip()!r} is not NAME=FRACTION", field="split")
        if name in fractions:
            raise InputError(f"{name!r} is named twice", field="split")
        try:
            fraction = float(value)
        except ValueError:
            raise InputError(f"{value!r} is not a number", field="split") from None
        if not 0 < fraction <= 1 or not math.isfinite(fraction):
            raise InputError(f"{name}={value}: a fraction is above 0 and at most 1", field="split")
        fractions[name] = fraction
    if not math.isclose(sum(fractions.values()), 1.0, abs_tol=1e-6):
        raise InputError(
            f"the fractions add up to {sum(fractions.values()):g}, not 1", field="split"
        )
    return fractions


def assign_splits(
    documents: Iterable[str], fractions: dict[str, float], seed: int
) -> dict[str, str]:
    """{document uid: split name}. Documents are shuffled from their sorted uids, so the
    result depends on the seed and the set of documents, not on the order of import."""
    shuffled = sorted(documents)
    random.Random(seed).shuffle(shuffled)
    assigned: dict[str, str] = {}
    cumulative = 0.0
    start = 0
    for name, fraction in fractions.items():
        cumulative += fraction
        end = round(cumulative * len(shuffled))
        assigned.update((uid, name) for uid in shuffled[start:end])
        start = end
    last = list(fractions)[-1]
    assigned.update((uid, last) for uid in shuffled[start:])
    return assigned
