"""Reading a file the user names: a regular file only, and never more than a bound.

Opening a named pipe waits for a writer that may never come, and a device such as
/dev/zero never ends: both are refused from os.stat, before anything opens them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotate.errors import InputError

SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
UNITS = (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10))


def special_kind(path: Path) -> str | None:
    """What the path is (its symlinks followed) when it is "a named pipe", "a device" or
    "a socket"; None for a regular file, a folder, or nothing at all (whoever reads it says
    what is wrong with those)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return next((kind for is_kind, kind in SPECIAL_KINDS if is_kind(mode)), None)


def to_read_in_folder(path: Path) -> bool:
    """Whether a folder import reads this entry: a regular file, or a special file, which is
    then refused by name rather than passed over in silence."""
    return path.is_file() or special_kind(path) is not None


def refuse_special(path: Path) -> None:
    kind = special_kind(path)
    if kind is not None:
        raise InputError(f"is {kind}, not a regular file", file=str(path))


def read_bounded(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file, refusing one larger than ``max_bytes`` (the most
    ``what`` may take). The size is checked before reading and again by reading at most
    one byte more, so a file that grows, or whose size says nothing (/proc), cannot
    exhaust memory."""
    refuse_special(path)
    if path.stat().st_size > max_bytes:
        raise _too_large(path, max_bytes, what)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(path, max_bytes, what)
    return data


def in_units(size: int) -> str:
    unit, scale = next(((u, s) for u, s in UNITS if size >= s), ("bytes", 1))
    return f"{size // scale} {unit}"


def _too_large(path: Path, max_bytes: int, what: str) -> InputError:
    return InputError(
        f"the file is larger than {in_units(max_bytes)}, the most {what} may take",
        file=str(path),
    )
