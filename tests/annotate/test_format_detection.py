"""Which format reads a file or folder imported without --format: the name says, and where
a name is shared (.txt, .jsonl, a folder) the content."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from annotate.corpus.importing import read_records
from annotate.errors import InputError
from tests.annotate.test_label_studio import region, studio_task

NAME = "سمير حداد"
NATIVE = {"text": NAME, "spans": [{"start": 0, "end": 4, "label": "PERSON"}]}
DOCCANO = {"text": NAME, "label": [[0, 4, "GPE"]]}
NESTED_TAGS = "سمير B-PERSON B-X\nحداد I-PERSON O\n"  # as flat CoNLL: only X


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def json_line(path: Path, record: dict[str, object]) -> Path:
    return write(path, json.dumps(record, ensure_ascii=False) + "\n")


def brat_pair(folder: Path) -> Path:
    write(folder / "خبر.txt", NAME)
    return write(folder / "خبر.ann", f"T1\tORG 5 9\t{NAME[5:9]}\n")


def folder_of(make: Callable[[Path], Path], name: str) -> Callable[[Path], Path]:
    def made(tmp_path: Path) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        make(folder)
        return folder

    return made


CASES: dict[str, tuple[Callable[[Path], Path], list[str], str]] = {
    # case: (the file or folder, the span labels read, the note that says what was assumed)
    "txt": (lambda d: write(d / "خبر.txt", "قال الوزير إن الخطة جاهزة."), [], ""),
    "TXT": (lambda d: write(d / "NEWS.TXT", "قال الوزير إن الخطة جاهزة."), [], ""),
    "txt-nested-tags": (
        lambda d: write(d / "tags.txt", "سمير B-PERSON\nحداد I-PERSON\n"),
        ["PERSON"],
        "read as conll-nested (its lines are tokens and IOB2 tags); --format txt: as text",
    ),
    "txt-flat-tags": (
        lambda d: write(d / "tags.txt", "سمير NNP B-PERSON\nحداد NNP I-PERSON\n"),
        ["PERSON"],
        "read as conll (its lines are tokens and IOB2 tags); --format txt: as text",
    ),
    "conll": (lambda d: write(d / "in.conll", NESTED_TAGS), ["PERSON", "X"], ""),
    "iob": (lambda d: write(d / "in.iob", NESTED_TAGS), ["PERSON", "X"], ""),
    "bio": (lambda d: write(d / "in.BIO", NESTED_TAGS), ["PERSON", "X"], ""),
    "jsonl": (lambda d: json_line(d / "in.jsonl", NATIVE), ["PERSON"], ""),
    "ndjson": (lambda d: json_line(d / "in.ndjson", NATIVE), ["PERSON"], ""),
    "jsonl-doccano": (lambda d: json_line(d / "in.jsonl", DOCCANO), ["GPE"], ""),
    "ndjson-doccano": (lambda d: json_line(d / "in.NDJSON", DOCCANO), ["GPE"], ""),
    "ann": (brat_pair, ["ORG"], ""),
    "json": (
        lambda d: write(
            d / "tasks.json",
            json.dumps([studio_task([region("a", "سمير حداد", "PERSON")])], ensure_ascii=False),
        ),
        ["PERSON"],
        "",
    ),
    "folder-of-texts": (folder_of(lambda f: write(f / "a.txt", NAME), "texts"), [], ""),
    "brat-folder": (folder_of(brat_pair, "brat"), ["ORG"], ""),
    "folder-named-jsonl": (folder_of(lambda f: write(f / "a.txt", NAME), "in.jsonl"), [], ""),
}


@pytest.mark.parametrize("case", list(CASES))
def test_auto_reads_each_name_and_content_with_its_format(tmp_path: Path, case: str) -> None:
    make, labels, assumed = CASES[case]
    path = make(tmp_path)
    records = list(read_records(path))
    assert sorted(span.label for record in records for span in record.spans) == labels
    notes = [note for record in records for note in record.notes]
    assert notes == ([f"{path}: {assumed}"] if assumed else [])


def test_a_name_no_format_claims_is_refused_with_a_pointer_to_format(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "سمير,حداد\n")
    with pytest.raises(InputError) as refused:
        list(read_records(path))
    assert str(refused.value) == f"{path}: cannot tell the format from the file name; use --format"


def test_tag_column_reads_a_sniffed_nested_file_as_flat_conll_and_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "tags.txt", NESTED_TAGS)
    (record,) = read_records(path, tag_column=2)
    assert [span.label for span in record.spans] == ["PERSON"]
    assumed = "read as conll (its lines are tokens and IOB2 tags); --format txt: as text"
    assert record.notes == (f"{path}: {assumed}",)
