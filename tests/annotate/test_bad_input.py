"""Each bad input: exit code 2, one line naming file, line and field, and nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
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
