"""Which strings are Arabic words, and how common each is: the evidence the proclitic rule
(annotate.clitics) asks for before it takes a letter off a word.

Two sources. The bundled one is the Arabic list of the wordfreq package (585,000 written
forms with their frequencies, from news, Wikipedia, subtitles and the web; code Apache-2.0,
data CC BY-SA 4.0). It is read from the package's data file directly: importing wordfreq
would also import its tokenisers, which the list does not need, and the list's format is
fixed (the package is pinned, and its data no longer changes). The other source is the
project: a word is also plausible when an analyst marked it as a mention, or when it stands
alone somewhere in the corpus (a name too new or too rare for any list).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.util
import os
import re
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

WORDLIST_FILE = ("data", "large_ar.msgpack.gz")
TOP_ZIPF = 9.0  # the list's buckets are centibels below a frequency of 1 (zipf 9)
RAREST_BUCKET = 750  # zipf 1.5: rarer forms are mostly typing slips and broken tokens
BUCKET_BITS = 0xFFFF
HASH_BYTES = 6  # 48 bits of a form's hash, then 16 of its bucket, make one number
MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
DIGITS = re.compile(r"\d")  # the list writes every digit as 0 (2025 is listed as 0000)
CACHE_NAME = "wordlist-ar-{version}-{rarest}-blake2b48.bin"
MIN_TABLE_BYTES = 1_000_000

_loading = threading.Lock()  # the app reads the list on a thread while the reader opens


def _centibels() -> array[int]:
    with _loading:
        return _read_centibels()


@cache
def _read_centibels() -> array[int]:
    """The list's forms with their buckets (centibels below zipf 9; 0 is the most common),
    each one number: the form's hash, then its bucket, sorted. 3 MB where a dict of the
    same forms would take 60. Made once (a third of a second) and kept in the user's cache
    folder, from which it loads in milliseconds."""
    cached = _cache_path()
    kept = _read_kept(cached) if cached is not None else None
    if kept is not None:
        return kept
    keys = array("Q", sorted(_keys_of_wordlist()))
    if cached is not None:
        _keep(cached, _little_endian(keys))
    return keys


def _little_endian(keys: array[int]) -> bytes:
    if sys.byteorder == "little":
        return keys.tobytes()
    swapped = array("Q", keys)
    swapped.byteswap()
    return swapped.tobytes()


def _read_kept(path: Path) -> array[int] | None:
    """The kept table, unless it is missing or not whole (then it is made again)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) < MIN_TABLE_BYTES or len(data) % 8:
        return None
    keys = array("Q")
    keys.frombytes(data)
    if sys.byteorder != "little":
        keys.byteswap()
    return keys


def _keys_of_wordlist() -> Iterator[int]:
    import msgpack  # type: ignore[import-untyped]  # wordfreq's own dependency

    with gzip.open(_wordlist_path(), "rb") as packed:
        unpacker = msgpack.Unpacker(packed, raw=True)  # the forms stay UTF-8 bytes
        buckets = unpacker.read_array_header() - 1
        header = unpacker.unpack()
        if header.get(b"format") != b"cB":
            raise RuntimeError(f"unexpected word list format {header!r}")
        for bucket in range(min(buckets, RAREST_BUCKET + 1)):
            for _ in range(unpacker.read_array_header()):
                yield _hashed(unpacker.unpack()) << 16 | bucket


def _hashed(form: bytes) -> int:
    """A hash that is the same in every process, so that the table can be kept."""
    return int.from_bytes(hashlib.blake2b(form, digest_size=HASH_BYTES).digest(), "big")


def _cache_path() -> Path | None:
    """Where the table is kept: the user's cache folder, by word list version."""
    import importlib.metadata  # 15 ms, which every command would pay at start

    try:
        version = importlib.metadata.version("wordfreq")
    except importlib.metadata.PackageNotFoundError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    name = CACHE_NAME.format(version=version, rarest=RAREST_BUCKET)
    return Path(base, "arabic-annotate", name)


def _keep(path: Path, data: bytes) -> None:
    """Write the table beside its place, then move it there; a folder that cannot be
    written just means it is made again next time."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()


def _wordlist_path() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the wordfreq package is not installed")
    return Path(spec.submodule_search_locations[0], *WORDLIST_FILE)


def zipf(form: str) -> float:
    """How common a written form is, on the Zipf scale (log10 of uses per billion words;
    0 when the list does not hold it). Harakat and tatweel are ignored, and digits are
    read as the list writes them."""
    wanted = _hashed(DIGITS.sub("0", MARKS.sub("", form)).encode()) << 16
    keys = _centibels()
    at = bisect_left(keys, wanted)
    if at == len(keys) or keys[at] >> 16 != wanted >> 16:
        return 0.0
    return TOP_ZIPF - (keys[at] & BUCKET_BITS) / 100


def load() -> None:
    """Read the list now (half a second), so no later gesture waits for it."""
    _centibels()


class Lexicon:
    """The list, with the project's own evidence for words the list lacks."""

    def __init__(self, project_knows: Callable[[str], bool] | None = None) -> None:
        self._project_knows = project_knows
        self._asked: dict[str, bool] = {}

    def zipf(self, form: str) -> float:
        return zipf(form)

    def is_word(self, form: str) -> bool:
        """Whether a written form is a plausible word: common enough in the list, or known
        to the project (its answer kept, as it may cost a query)."""
        if self.zipf(form) > 0:
            return True
        if self._project_knows is None:
            return False
        if form not in self._asked:
            self._asked[form] = self._project_knows(form)
        return self._asked[form]
