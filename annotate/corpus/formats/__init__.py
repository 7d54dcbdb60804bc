"""Corpus formats: what each one is called, where it lives, and the offsets its files use.

A format's module is imported only when the format is used, so that the heavy consumers
(spaCy, pyarrow) stay out of every other command. An export module has
``write(records, out, schema) -> list[str]`` (notes for the user, such as spans it had to
adjust); an import module has ``read(path) -> Iterator[Record]``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from annotate.errors import AnnotateError

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
    suffix: str  # of the file written; "" when the format is a folder of files
    offsets: str  # the unit of the offsets in the format's files

    def writer(self) -> Writer:
        try:
            module = importlib.import_module(self.module)
        except ModuleNotFoundError as missing:
            raise AnnotateError(
                f"the {self.name} format needs {missing.name}: "
                "pip install 'arabic-annotate[formats]'"
            ) from missing
        return cast(Writer, module.write)


@dataclass(frozen=True)
class ImportFormat:
    name: str
    module: str
    options: tuple[str, ...] = ()  # keyword options its read() takes

    def reader(self, **options: object) -> Reader:
        read = importlib.import_module(self.module).read
        given = {name: value for name, value in options.items() if name in self.options}
        return cast(Reader, functools.partial(read, **given))


CODE_POINTS = "code points"
EXPORT_FORMATS = {
    f.name: f
    for f in (
        ExportFormat("jsonl", "annotate.corpus.formats.jsonl", ".jsonl", CODE_POINTS),
        ExportFormat("conll", "annotate.corpus.formats.conll", ".conll", "tokens"),
        ExportFormat("conll-nested", "annotate.corpus.formats.conll_nested", ".conll", "tokens"),
        ExportFormat("brat", "annotate.corpus.formats.brat", "", CODE_POINTS),
        ExportFormat("spacy", "annotate.corpus.formats.spacy_docbin", ".spacy", "tokens"),
        ExportFormat("parquet", "annotate.corpus.formats.parquet", ".parquet", CODE_POINTS),
        ExportFormat("doccano", "annotate.corpus.formats.doccano", ".jsonl", CODE_POINTS),
        ExportFormat("label-studio", "annotate.corpus.formats.label_studio", ".json", CODE_POINTS),
    )
}
IMPORT_FORMATS = {
    f.name: f
    for f in (
        ImportFormat("conll", "annotate.corpus.formats.conll", ("repair_iob", "tag_column")),
        ImportFormat("conll-nested", "annotate.corpus.formats.conll_nested", ("repair_iob",)),
        ImportFormat("brat", "annotate.corpus.formats.brat_reading"),
        ImportFormat("doccano", "annotate.corpus.formats.doccano", ("graphemes",)),
        ImportFormat("label-studio", "annotate.corpus.formats.label_studio"),
    )
}
