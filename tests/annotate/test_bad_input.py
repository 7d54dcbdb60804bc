"""Each bad input: exit code 2, one line naming file, line and field, and nothing changed."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.files import decode_file
from annotate.corpus.importing import FORMATS
from annotate.errors import InputError
from annotate.project import Project
from tests.helpers import table_checksums

TEXT = "قال الرئيس سمير حداد إن المفاوضات ستستمر."
GOOD = {"title": "خبر", "text": TEXT, "annotator": "ali", "spans": []}


def line(**changes: object) -> str:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not ...}, ensure_ascii=False)


def person(start: int = 11, end: int = 20, **changes: object) -> dict[str, object]:
    return {"id": "p", "start": start, "end": end, "label": "PERSON", **changes}


# (name, file content, expected line, expected field, expected words)
CASES: list[tuple[str, bytes, int | None, str, str]] = [
    ("invalid utf-8", line().encode() + b"\n\xff\xfe\n", 2, "", "invalid UTF-8"),
    ("empty input", b"", None, "", "empty input"),
    ("blank lines only", b"\n  \n", None, "", "empty input"),
    ("malformed json", (line() + '\n{"text": \n').encode(), 2, "", "malformed JSON"),
    (
        "nested too deeply",
        (line() + '\n{"text": "x", "deep": ' + "[" * 1000 + "]" * 1000 + "}\n").encode(),
        2,
        "",
        "values nested too deeply",
    ),
    (
        "a 5,000-digit number",
        (line() + '\n{"text": "x", "n": ' + "7" * 5000 + "}\n").encode(),
        2,
        "",
        "a number with too many digits",
    ),
    ("not an object", b"[1, 2]\n", 1, "", "expected a JSON object"),
    ("text missing", b'{"title": "x"}\n', 1, "text", "required field is missing"),
    ("empty text", line(text="  \n").encode(), 1, "text", "the text is empty"),
    ("NUL in text", line(text="نص\u0000نص").encode(), 1, "text", "NUL"),
    (
        "unknown label",
        line(spans=[person(label="SPORT")]).encode(),
        1,
        "spans[0].label",
        "unknown labels: SPORT",
    ),
    (
        "offset beyond text",
        line(spans=[person(end=999)]).encode(),
        1,
        "spans[0].end",
        "outside the text",
    ),
    (
        "negative offset",
        line(spans=[person(start=-3)]).encode(),
        1,
        "spans[0].start",
        "outside the text",
    ),
    (
        "reversed offsets",
        line(spans=[person(start=20, end=11)]).encode(),
        1,
        "spans[0].end",
        "must be greater than start",
    ),
    (
        "empty span",
        line(spans=[person(start=11, end=11)]).encode(),
        1,
        "spans[0].end",
        "must be greater than start",
    ),
    (
        "offset not an integer",
        line(spans=[person(start="11")]).encode(),
        1,
        "spans[0].start",
        "expected an integer",
    ),
    (
        "span text mismatch",
        line(spans=[person(text="سمير")]).encode(),
        1,
        "spans[0].text",
        "does not match",
    ),
    (
        "relation to a missing span",
        line(spans=[person()], relations=[{"label": "SPEAKER", "head": "q", "tail": "p"}]).encode(),
        1,
        "relations[0].head",
        "missing span 'q'",
    ),
    (
        "relation not allowed by the schema",
        line(
            spans=[person(), {"id": "q", "start": 21, "end": 40, "label": "QUOTE"}],
            relations=[{"label": "SPEAKER", "head": "p", "tail": "q"}],
        ).encode(),
        1,
        "relations[0].label",
        "SPEAKER cannot link PERSON to QUOTE",
    ),
    (
        "spans without annotator",
        line(annotator=..., spans=[person()]).encode(),
        1,
        "annotator",
        "need an annotator",
    ),
    (
        "bad attribute value",
        line(
            spans=[{"id": "q", "start": 21, "end": 40, "label": "QUOTE", "attrs": {"kind": "loud"}}]
        ).encode(),
        1,
        "spans[0].attrs.kind",
        "must be one of direct, indirect",
    ),
    ("NaN in meta", line(meta={"x": 1}).replace("1}", "NaN}").encode(), 1, "", "NaN is not"),
    (
        "lone surrogate in text",
        line().replace("قال", "\\ud800").encode(),
        1,
        "text",
        "lone surrogate",
    ),
    (
        "duplicate span ids",
        line(spans=[person(), person(start=0, end=3)]).encode(),
        1,
        "spans[1].id",
        "duplicate span id",
    ),
    ("truncated file", (line() + "\n" + line()[:40]).encode(), 2, "", "malformed JSON"),
    (
        "SQL in a label",
        line(spans=[person(label="'); DROP TABLE spans; --")]).encode(),
        1,
        "spans[0].label",
        "unknown labels: '); DROP TABLE spans; --",
    ),
    ("huge offset", line(spans=[person(end=10**12)]).encode(), 1, "spans[0].end", "outside"),
    (
        "duplicate relation ids",
        line(
            spans=[person(), {"id": "q", "start": 0, "end": 3, "label": "QUOTE"}],
            relations=[
                {"id": "r", "label": "SPEAKER", "head": "q", "tail": "p"},
                {"id": "r", "label": "SPEAKER", "head": "q", "tail": "p"},
            ],
        ).encode(),
        1,
        "relations[1].id",
        "duplicate relation id",
    ),
    (
        "relation cycle",
        line(
            spans=[person(), {"id": "q", "start": 0, "end": 3, "label": "QUOTE"}],
            relations=[
                {"id": "r1", "label": "SPEAKER", "head": "q", "tail": "p"},
                {"id": "r2", "label": "SPEAKER", "head": "p", "tail": "q"},
            ],
        ).encode(),
        1,
        "relations[1].label",
        "SPEAKER cannot link PERSON to QUOTE",
    ),
    ("a single 100 MB line", b"x" * (100 * 2**20) + b"\n", 1, "", "longer than 64 MiB"),
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(
    ("content", "line_number", "field", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_bad_jsonl_after_good_lines_changes_nothing(
    runner: CliRunner,
    tmp_path: Path,
    content: bytes,
    line_number: int | None,
    field: str,
    words: str,
) -> None:
    project = tmp_path / "p.annotate"
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    good = tmp_path / "good.jsonl"
    good.write_text(line(text="نص سليم في ملف آخر") + "\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content)
    before = table_checksums(project)

    result = runner.invoke(main, ["import", str(project), str(good), str(bad)])

    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    location = f"{bad}:{line_number}" if line_number else f"{bad}"
    assert message.startswith(f"error: {location}")
    if field:
        assert f"field '{field}'" in message
    assert words in message
    assert table_checksums(project) == before


@pytest.mark.parametrize(
    ("value", "words"),
    [("[" * 1000 + "]" * 1000, "values nested too deeply"), ("7" * 5000, "too many digits")],
    ids=["nested too deeply", "a 5,000-digit number"],
)
@pytest.mark.parametrize("fmt", ["label-studio", "doccano"])
def test_json_too_deep_or_too_long_is_refused_naming_file_and_line(
    runner: CliRunner, tmp_path: Path, fmt: str, value: str, words: str
) -> None:
    project = tmp_path / "p.annotate"
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    good = {"data": {"text": TEXT}} if fmt == "label-studio" else {"text": TEXT, "label": []}
    bad = tmp_path / ("tasks.json" if fmt == "label-studio" else "tasks.jsonl")
    if fmt == "label-studio":
        bad.write_text(f'[\n{json.dumps(good)},\n{{"data": {value}}}\n]\n', encoding="utf-8")
    else:
        bad.write_text(f'{json.dumps(good)}\n{{"text": "x", "v": {value}}}\n')
    before = table_checksums(project)
    result = runner.invoke(main, ["import", str(project), str(bad), "--format", fmt])
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert message.startswith(f"error: {bad}:{3 if fmt == 'label-studio' else 2}")
    assert words in message
    assert table_checksums(project) == before


def test_reimport_with_an_invalid_attribute_value_changes_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    project = tmp_path / "p.annotate"
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    quote = {"id": "q", "start": 21, "end": 40, "label": "QUOTE", "attrs": {"kind": "direct"}}
    first = tmp_path / "first.jsonl"
    first.write_text(line(spans=[person(), quote]) + "\n", encoding="utf-8")
    assert runner.invoke(main, ["import", str(project), str(first)]).exit_code == 0
    again = tmp_path / "again.jsonl"
    loud = {**quote, "attrs": {"kind": "loud"}}
    again.write_text(line(spans=[person(), loud]) + "\n", encoding="utf-8")
    before = table_checksums(project)
    result = runner.invoke(main, ["import", str(project), str(again)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {again}:1, field 'spans[1].attrs.kind': QUOTE kind must be one of direct,"
        " indirect, not 'loud'"
    )
    assert table_checksums(project) == before


def test_bad_text_file_in_a_folder_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "p.annotate"
    runner.invoke(main, ["init", str(project)])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("نص سليم", encoding="utf-8")
    (folder / "b.txt").write_bytes("نص".encode() + b"\n\n\xc3\x28")
    before = table_checksums(project)
    result = runner.invoke(main, ["import", str(project), str(folder)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {folder / 'b.txt'}:3: invalid UTF-8 at byte 6"
    assert table_checksums(project) == before


def test_invalid_schema_is_refused_naming_the_field(runner: CliRunner, tmp_path: Path) -> None:
    schema = tmp_path / "schema.toml"
    schema.write_text(
        '[[labels]]\nname = "PERSON"\nenglish = "Person"\narabic = "شخص"\ncolour = "red"\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["init", str(tmp_path / "p.annotate"), "--schema", str(schema)])
    assert result.exit_code == 2
    assert "field 'labels[0].colour'" in result.stderr
    assert not (tmp_path / "p.annotate").exists()


HOSTILE = "قال \x1b[2J\x1b]52;c;aGVsbG8=\x07 \x1b]8;;https://x.example\x07رابط\x1b]8;;\x07 هنا"


@pytest.mark.parametrize("visual", ["never", "always"])
def test_terminal_controls_in_data_are_shown_not_obeyed(
    runner: CliRunner, tmp_path: Path, visual: str
) -> None:
    project = tmp_path / "p.annotate"
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    data = tmp_path / "hostile.jsonl"
    data.write_text(line(title=HOSTILE, text=HOSTILE + " نص") + "\n", encoding="utf-8")
    assert runner.invoke(main, ["import", str(project), str(data)]).exit_code == 0
    for command in (["list"], ["show", "1"], ["search", "رابط"]):
        args = [command[0], "--visual", visual, str(project), *command[1:]]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "␛" in result.output and "␇" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line(spans=[person(label="\x1b[31mRED")]) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["import", str(project), str(bad)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "␛[31mRED" in result.stderr


# Special files: each command runs in a process of its own, limited in time and memory, so
# that reading a named pipe (which waits for a writer) or /dev/zero (which never ends) fails
# the test instead of hanging it or filling the machine's memory.
REPOSITORY = Path(__file__).resolve().parents[2]
NAMED_FOR = {
    "auto": "in.txt",
    "txt": "in.txt",
    "jsonl": "in.jsonl",
    "conll": "in.conll",
    "conll-nested": "in.iob",
    "brat": "in.ann",
    "doccano": "in.jsonl",
    "label-studio": "in.json",
}
# Every format, and auto on the names it opens to sniff (CoNLL in .txt, doccano in .jsonl).
IMPORTS = [*((fmt, NAMED_FOR[fmt]) for fmt in FORMATS), ("auto", "in.jsonl")]
KINDS = {"fifo": "a named pipe", "zero": "a device"}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotate", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=20,
        cwd=REPOSITORY,
        preexec_fn=_limit_memory,
    )


def special_file(path: Path, kind: str) -> Path:
    """A named pipe, or a symlink to /dev/zero, at path."""
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


def new_project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotate"
    Project.create(path).close()
    return path


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip() == f"error: {message}"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(("fmt", "name"), IMPORTS)
def test_special_file_is_refused_by_every_import_format(
    tmp_path: Path, fmt: str, name: str, kind: str
) -> None:
    project = new_project(tmp_path)
    if fmt == "brat":
        (tmp_path / "in.txt").write_text(TEXT, encoding="utf-8")  # the text beside the .ann
    given = special_file(tmp_path / name, kind)
    before = table_checksums(project)
    result = run_cli("import", project, given, "--format", fmt)
    assert_refused(result, f"{given}: is {KINDS[kind]}, not a regular file")
    assert table_checksums(project) == before


def folder_of_texts(folder: Path, kind: str) -> Path:
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return special_file(folder / "b.txt", kind)


def brat_pair_and_special_ann(folder: Path, kind: str) -> Path:
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPERSON 11 20\tسمير حداد\n", encoding="utf-8")
    (folder / "b.txt").write_text(TEXT, encoding="utf-8")
    return special_file(folder / "b.ann", kind)


def brat_ann_and_special_text(folder: Path, kind: str) -> Path:
    (folder / "a.ann").write_text("T1\tPERSON 11 20\tسمير حداد\n", encoding="utf-8")
    return special_file(folder / "a.txt", kind)


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(
    ("fmt", "make"),
    [
        ("auto", folder_of_texts),
        ("brat", brat_pair_and_special_ann),
        ("brat", brat_ann_and_special_text),
    ],
    ids=["texts", "brat-ann", "brat-text"],
)
def test_special_file_in_a_folder_is_refused_by_name(
    tmp_path: Path, fmt: str, make: Callable[[Path, str], Path], kind: str
) -> None:
    project = new_project(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    special = make(folder, kind)
    before = table_checksums(project)
    result = run_cli("import", project, folder, "--format", fmt)
    assert_refused(result, f"{special}: is {KINDS[kind]}, not a regular file")
    assert table_checksums(project) == before


@pytest.mark.parametrize("kind", list(KINDS))
def test_special_file_beside_a_brat_text_is_refused_by_name(tmp_path: Path, kind: str) -> None:
    project = new_project(tmp_path)
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    special = special_file(tmp_path / "a.ann", kind)
    result = run_cli("import", project, text, "--format", "brat")
    assert_refused(result, f"{special}: is {KINDS[kind]}, not a regular file")


@pytest.mark.parametrize("kind", list(KINDS))
def test_special_file_as_a_label_schema_is_refused(tmp_path: Path, kind: str) -> None:
    schema = special_file(tmp_path / "schema.toml", kind)
    result = run_cli("init", tmp_path / "p.annotate", "--schema", schema)
    assert_refused(result, f"{schema}: is {KINDS[kind]}, not a regular file")
    assert not (tmp_path / "p.annotate").exists()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("command", ["list", "merge", "restore"])
def test_special_file_as_a_project_is_refused(tmp_path: Path, command: str, kind: str) -> None:
    project = new_project(tmp_path)
    special = special_file(tmp_path / "other.annotate", kind)
    before = table_checksums(project)
    args = {"list": [special], "merge": [project, special], "restore": [project, special]}
    result = run_cli(command, *args[command])
    assert_refused(result, f"{special}: is {KINDS[kind]}, not a project file")
    assert table_checksums(project) == before


def test_a_named_pipe_among_the_rolling_backups_is_passed_over(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    folder = tmp_path / "p.annotate.backups"
    folder.mkdir()
    special_file(folder / "p-20260101-120000-000000.annotate", "fifo")
    result = run_cli("restore", project)
    assert_refused(result, f"{project} has no good backup in {folder}")


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_larger_than_its_stated_size_is_read_only_to_the_bound() -> None:
    status = Path("/proc/self/status")  # a regular file of size 0 that holds about 1 KiB
    assert status.stat().st_size == 0
    with pytest.raises(InputError) as refused:
        decode_file(status, 100, "a test file")
    assert (
        str(refused.value)
        == f"{status}: the file is larger than 100 bytes, the most a test file may take"
    )
