"""Corpus formats: what each one is called, where it lives, the offsets its files use, and
which files it reads when the user names no format.

A format's module is imported only when the format is used, so that the heavy consumers
(spaCy, pyarrow) stay out of every other command. An export module has
``write(records, out, schema) -> list[str]`` (notes for the user, such as spans it had to
adjust); an import module has ``read(path) -> Iterator[Record]``, and ``sniff(path) -> bool``
when it tells its files from others of the same name by their content.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from annotate.errors import AnnotateError, InputError

if TYPE_CHECKING:
    from annotate.corpus.exported import ExportRecord
    from annotate.corpus.records import Record
    from annotate.schema import Schema

Writer = Callable[["Iterable[ExportRecord]", Path, "Schema"], list[str]]
Reader = Callable[[Path], "Iterator[Record]"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    module: str
    suffix: str  # of what is written (a file, or spaCy's folder); "" for brat's folder
    offsets: str  # the unit of the offsets in the format's files
    folder: bool = False  # writes a folder of files

    def writer(self) -> Writer:
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as missing:
            raise AnnotateError(
                f"the {self.name} format needs {missing.name}: "
                "pip install 'arabic-annotate[formats]'"
            ) from missing
        return cast(Writer, module.write)


FOLDER = "folder"  # claimed or sniffed like a suffix: the format reads a folder


@dataclass(frozen=True)
class ImportFormat:
    name: str
    module: str
    options: tuple[str, ...] = ()  # keyword options its read() takes
    claims: tuple[str, ...] = ()  # suffixes (or FOLDER) it reads whatever they hold
    sniffs: tuple[str, ...] = ()  # those it reads when its module's sniff() recognises them
    assumed: str = ""  # said in a note when sniff() took a file from the format its name claims

    def reader(self, **options: object) -> Reader:
        read = importlib.import_module(self.module).read
        given = {name: value for name, value in options.items() if name in self.options}
        return cast(Reader, functools.partial(read, **given))

    def sniff(self, path: Path) -> bool:
        return cast(bool, importlib.import_module(self.module).sniff(path))


CODE_POINTS = "code points"
EXPORT_FORMATS = {
    f.name: f
    for f in (
        ExportFormat("jsonl", "annotate.corpus.formats.jsonl", ".jsonl", CODE_POINTS),
        ExportFormat("conll", "annotate.corpus.formats.conll", ".conll", "tokens"),
        ExportFormat("conll-nested", "annotate.corpus.formats.conll_nested", ".conll", "tokens"),
        ExportFormat("brat", "annotate.corpus.formats.brat", "", CODE_POINTS, folder=True),
        ExportFormat(
            "spacy", "annotate.corpus.formats.spacy_docbin", ".spacy", "tokens", folder=True
        ),
        ExportFormat("parquet", "annotate.corpus.formats.parquet", ".parquet", CODE_POINTS),
        ExportFormat("doccano", "annotate.corpus.formats.doccano", ".jsonl", CODE_POINTS),
        ExportFormat("label-studio", "annotate.corpus.formats.label_studio", ".json", CODE_POINTS),
    )
}
TAGGED = "(its lines are tokens and IOB2 tags); --format txt: as text"
IMPORT_FORMATS = {
    f.name: f
    for f in (
        ImportFormat("txt", "annotate.corpus.formats.plain_text", claims=(".txt", FOLDER)),
        ImportFormat("jsonl", "annotate.corpus.formats.jsonl", claims=(".jsonl", ".ndjson")),
        ImportFormat(
            "conll",
            "annotate.corpus.formats.conll",
            ("repair_iob", "tag_column"),
            sniffs=(".txt",),
            assumed=TAGGED,
        ),
        ImportFormat(
            "conll-nested",
            "annotate.corpus.formats.conll_nested",
            ("repair_iob",),
            claims=(".conll", ".iob", ".bio"),  # reads flat files too
            sniffs=(".txt",),
            assumed=TAGGED,
        ),
        ImportFormat(
            "brat", "annotate.corpus.formats.brat_reading", claims=(".ann",), sniffs=(FOLDER,)
        ),
        ImportFormat(
            "doccano",
            "annotate.corpus.formats.doccano",
            ("graphemes",),
            sniffs=(".jsonl", ".ndjson"),
        ),
        ImportFormat(
            "label-studio",
            "annotate.corpus.formats.label_studio",
            ("predictions",),
            claims=(".json",),
        ),
    )
}


def detect(path: Path) -> tuple[ImportFormat, bool]:
    """The format that reads ``path`` when the user names none, and whether its content
    chose it: a format that sniffs the path's suffix and recognises the content, else the
    one that claims the suffix."""
    kind = FOLDER if path.is_dir() else path.suffix.lower()
    formats = IMPORT_FORMATS.values()
    sniffed = next((f for f in formats if kind in f.sniffs and f.sniff(path)), None)
    if sniffed is not None:
        return sniffed, True
    claimed = next((f for f in formats if kind in f.claims), None)
    if claimed is None:
        raise InputError("cannot tell the format from the file name; use --format", file=str(path))
    return claimed, False
