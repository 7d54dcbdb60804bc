"""A bidi control (an override such as U+202E, an isolate, a mark) in an annotator's or a
label's name is refused where the name comes in, with one message naming file, line and
field, and nothing is changed: such a name would turn the text shown around it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.errors import InputError
from annotate.project import Project
from tests.helpers import table_checksums

TEXT = "قال الرئيس سمير حداد إن المفاوضات ستستمر."
REFUSED = "a name cannot hold a bidi control, which reorders the text shown around it"
CONTROLS = [
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u202b", "U+202B RIGHT-TO-LEFT EMBEDDING"),
    ("\u202c", "U+202C POP DIRECTIONAL FORMATTING"),
    ("\u202d", "U+202D LEFT-TO-RIGHT OVERRIDE"),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("\u2068", "U+2068 FIRST STRONG ISOLATE"),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
    ("\u200e", "U+200E LEFT-TO-RIGHT MARK"),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK"),
    ("\u061c", "U+061C ARABIC LETTER MARK"),
]


def refusal(name: str, control: str) -> str:
    return f"{name!r} holds {control}; {REFUSED}"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def project_file(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "p.annotate"
    assert runner.invoke(main, ["init", str(path)]).exit_code == 0
    return path


def refused_import(runner: CliRunner, project: Path, *arguments: str) -> str:
    """The one line `annotate import` writes on refusing, once it is clear nothing changed."""
    before = table_checksums(project)
    result = runner.invoke(main, ["import", str(project), *arguments])
    assert result.exit_code == 2, result.output
    assert table_checksums(project) == before
    return result.stderr.strip()


def jsonl(path: Path, *records: dict[str, object]) -> Path:
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


PERSON = {"start": 11, "end": 20, "label": "PERSON"}


@pytest.mark.parametrize(("control", "described"), CONTROLS, ids=[c[1][:6] for c in CONTROLS])
def test_annotator_option_with_a_bidi_control_is_refused(
    runner: CliRunner, project_file: Path, tmp_path: Path, control: str, described: str
) -> None:
    source = jsonl(tmp_path / "news.jsonl", {"text": TEXT, "spans": [PERSON]})
    name = f"ali{control}huda"
    message = refused_import(runner, project_file, str(source), "--annotator", name)
    assert message == f"error: field 'annotator': {refusal(name, described)}"


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
def test_an_annotator_named_in_a_file_with_a_bidi_control_is_refused(
    runner: CliRunner, project_file: Path, tmp_path: Path, fmt: str
) -> None:
    good = {"text": "نص سليم في سطر أول.", "annotator": "ali"}
    bad = {"text": TEXT, "annotator": "\u202eali"}
    source = jsonl(tmp_path / "news.jsonl", good, bad)
    message = refused_import(runner, project_file, str(source), "--format", fmt)
    described = "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert (
        message
        == f"error: {source}:2, field 'annotator': {refusal(chr(0x202E) + 'ali', described)}"
    )


def test_a_brat_annotator_folder_with_a_bidi_control_is_refused(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "brat"
    layer = folder / "ali\u2067"
    layer.mkdir(parents=True)
    (layer / "news.txt").write_text(TEXT, encoding="utf-8")
    (layer / "news.ann").write_text("T1\tPERSON 11 20\tسمير حداد\n", encoding="utf-8")
    message = refused_import(runner, project_file, str(folder), "--format", "brat")
    described = "U+2067 RIGHT-TO-LEFT ISOLATE"
    assert (
        message == f"error: {folder}, field 'annotator': {refusal('ali' + chr(0x2067), described)}"
    )


def test_a_label_name_with_a_bidi_control_is_refused_even_when_labels_are_added(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    span = {**PERSON, "label": "PER\u202eSON"}
    source = jsonl(tmp_path / "news.jsonl", {"text": TEXT, "annotator": "ali", "spans": [span]})
    message = refused_import(runner, project_file, str(source), "--add-labels")
    assert (
        message
        == f"error: {source}:1, field 'spans[0].label': 'PER\\u202eSON' cannot be a label name"
    )


def test_a_schema_label_shown_with_a_bidi_control_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    schema = tmp_path / "schema.toml"
    schema.write_text(
        '[[labels]]\nname = "PERSON"\nenglish = "Person"\narabic = "\u200fشخص"\n', encoding="utf-8"
    )
    project = tmp_path / "p.annotate"
    result = runner.invoke(main, ["init", str(project), "--schema", str(schema)])
    assert result.exit_code == 2
    described = "U+200F RIGHT-TO-LEFT MARK"
    assert result.stderr.strip() == (
        f"error: {schema}:4, field 'labels[0].arabic': {refusal(chr(0x200F) + 'شخص', described)}"
    )
    assert not project.exists()


def test_a_merged_file_whose_annotator_holds_a_bidi_control_is_refused(
    runner: CliRunner, project_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.annotate"
    Project.create(other).close()
    conn = sqlite3.connect(other)  # as an older version, which took any name, wrote it
    with conn:
        conn.execute("INSERT INTO annotators (name, created_at) VALUES ('\u061cali', 'x')")
    conn.close()
    before = table_checksums(project_file)
    result = runner.invoke(main, ["merge", str(project_file), str(other)])
    assert result.exit_code == 2
    described = "U+061C ARABIC LETTER MARK"
    assert result.stderr.strip() == (
        f"error: {other}, field 'annotators.name': {refusal(chr(0x61C) + 'ali', described)}"
    )
    assert table_checksums(project_file) == before


def test_a_span_or_status_of_an_annotator_with_a_bidi_control_is_refused(
    project: Project,
) -> None:
    uid = project.documents.add(TEXT).documents_added[0]
    with pytest.raises(InputError) as refused:
        project.spans.add(uid, "ali\u202d", "PERSON", 11, 20)
    assert str(refused.value) == (
        f"field 'annotator': {refusal('ali' + chr(0x202D), 'U+202D LEFT-TO-RIGHT OVERRIDE')}"
    )
    with pytest.raises(InputError):
        project.documents.set_status(uid, "ali\u202d", "done")
    assert project.annotators.names() == []
