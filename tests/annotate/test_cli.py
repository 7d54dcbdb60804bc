from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from bidi import get_display
from click.testing import CliRunner

from annotate.cli import main
from annotate.project import Project
from annotate.sample import SAMPLE_FOLDER

TEXT = "قال المتحدث باسم الحكومة سمير حداد إن «المفاوضات ستستمر»."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def filled(tmp_path: Path, runner: CliRunner) -> Path:
    """A project with one annotated document and the sample articles."""
    project = tmp_path / "p.annotate"
    name, said = TEXT.index("سمير حداد"), TEXT.index("«")
    person = {"id": "p", "start": name, "end": name + 9, "label": "PERSON", "text": "سمير حداد"}
    quote = {
        "id": "q",
        "start": said,
        "end": said + 18,
        "label": "QUOTE",
        "attrs": {"kind": "direct"},
    }
    record = {
        "title": "خبر",
        "text": TEXT,
        "annotator": "ali",
        "spans": [person, quote],
        "relations": [{"id": "r", "label": "SPEAKER", "head": "q", "tail": "p"}],
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    result = runner.invoke(main, ["import", str(project), str(source), str(SAMPLE_FOLDER)])
    assert result.exit_code == 0, result.output
    assert "documents: 3 added, 0 already present" in result.output
    assert "spans: 2 added, 0 updated (new attribute values), 0 identical skipped" in result.output
    return project


def test_list_numbers_documents(runner: CliRunner, filled: Path) -> None:
    result = runner.invoke(main, ["list", str(filled), "--visual", "never"])
    assert result.exit_code == 0
    first, *rest = result.output.splitlines()
    assert first.split()[0] == "1" and first.endswith("خبر")
    assert "2 spans" in first
    assert len(rest) == 2


def test_reimporting_a_corrected_file_reports_the_spans_it_updated(
    runner: CliRunner, filled: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(source.read_text("utf-8").replace('"direct"', '"indirect"'), "utf-8")
    result = runner.invoke(main, ["import", str(filled), str(source)])
    assert result.exit_code == 0, result.output
    assert "spans: 0 added, 1 updated (new attribute values), 1 identical skipped" in result.output
    result = runner.invoke(main, ["export", str(filled), "-"])
    quote = next(s for s in json.loads(result.stdout.splitlines()[0])["spans"] if s["id"] == "q")
    assert quote["attrs"] == {"kind": "indirect"}


def test_show_marks_spans_in_logical_order(runner: CliRunner, filled: Path) -> None:
    result = runner.invoke(main, ["show", str(filled), "1", "--visual", "never"])
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == (
        "قال المتحدث باسم الحكومة [PERSON سمير حداد] إن [QUOTE «المفاوضات ستستمر»]."
    )


def test_show_visual_order_for_terminals(runner: CliRunner, filled: Path) -> None:
    logical = runner.invoke(main, ["show", str(filled), "1", "--visual", "never"]).output
    visual = runner.invoke(main, ["show", str(filled), "1", "--visual", "always"]).output
    body = visual.splitlines()[1]
    assert body != logical.splitlines()[1]
    assert "[PERSON" not in body  # reordered for display
    assert "PERSON" in body and "ﺳﻤﻴﺮ" in get_display(body)  # presentation forms, shaped


def test_show_filters_by_annotator_and_accepts_uid_prefix(runner: CliRunner, filled: Path) -> None:
    with Project.open(filled) as project:
        uid = project.documents.resolve("1")
    result = runner.invoke(main, ["show", str(filled), uid[:8], "--annotator", "sara"])
    assert result.exit_code == 0
    assert "[PERSON" not in result.output


def test_unknown_document_is_one_clear_line(runner: CliRunner, filled: Path) -> None:
    with Project.open(filled) as project:
        uid = project.documents.resolve("1")
    for ref, message in [
        ("99", "no document number 99"),
        (uid[:2], "at least 6 characters of a uid"),  # a short prefix is never taken for a number
        ("²", "no document '²'"),
    ]:
        result = runner.invoke(main, ["show", str(filled), ref])
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_export_to_file_and_stdout(runner: CliRunner, filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["export", str(filled), str(out), "--format", "jsonl"])
    assert result.exit_code == 0 and "exported 3 records" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["relations"] == [{"id": "r", "label": "SPEAKER", "head": "q", "tail": "p"}]
    assert records[0]["spans"][0]["text"] == "سمير حداد"
    piped = runner.invoke(main, ["export", str(filled), "-", "--source", "ali"])
    assert piped.stdout.splitlines()[0] == out.read_text(encoding="utf-8").splitlines()[0]
    done = runner.invoke(main, ["export", str(filled), "-", "--status", "done"])
    assert done.stdout == ""


def test_check_passes_on_a_sound_project(runner: CliRunner, filled: Path) -> None:
    result = runner.invoke(main, ["check", str(filled)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output


def test_check_reports_a_damaged_project(runner: CliRunner, filled: Path) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("DROP TRIGGER documents_text_is_immutable")
    conn.execute("UPDATE documents SET text = 'نص آخر', char_count = 6 WHERE position = 1")
    conn.execute("DELETE FROM spans WHERE uid = 'p'")  # foreign keys are off here
    conn.commit()
    conn.close()
    result = runner.invoke(main, ["check", str(filled)])
    assert result.exit_code == 1
    output = result.output
    assert "FAIL  document texts match their uids" in output
    assert "FAIL  span offsets in range" in output
    assert "relation r (SPEAKER) points to a missing span" in output
    assert "FAIL  foreign keys" in output
    assert "document 1 has a stale entry in the search index" in output


def test_check_finds_a_document_missing_from_the_search_index(
    runner: CliRunner, filled: Path
) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("DELETE FROM search_entries WHERE position = 1")
    conn.commit()
    conn.close()
    result = runner.invoke(main, ["check", str(filled)])
    assert result.exit_code == 1
    assert "document 1 is missing from the search index" in result.output


def test_backup_copies_a_live_project(runner: CliRunner, filled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.annotate"
    with Project.open(filled) as live:
        uid = live.documents.resolve("1")
        live.spans.add(uid, "sara", "GPE", 0, 3)  # committed, still only in the WAL file
        assert Path(f"{filled}-wal").stat().st_size > 0
        result = runner.invoke(main, ["backup", str(filled), str(copy)])
    assert result.exit_code == 0
    assert runner.invoke(main, ["check", str(copy)]).exit_code == 0
    with Project.open(copy) as backup:
        assert [s.label for s in backup.spans.for_document(uid, "sara")] == ["GPE"]
    assert not Path(f"{copy}.partial").exists()
    again = runner.invoke(main, ["backup", str(filled), str(copy)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_export_never_overwrites_a_project(runner: CliRunner, filled: Path) -> None:
    before = filled.read_bytes()
    result = runner.invoke(main, ["export", str(filled), str(filled)])
    assert result.exit_code == 2 and "never overwrites" in result.stderr
    assert filled.read_bytes() == before


def test_a_locked_project_is_one_clear_line(
    runner: CliRunner, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("annotate.store.BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        source = tmp_path / "more.txt"
        source.write_text("نص إضافي", encoding="utf-8")
        result = runner.invoke(main, ["import", str(filled), str(source)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "locked" in result.stderr


def test_check_reports_a_corrupt_table_without_crashing(runner: CliRunner, filled: Path) -> None:
    conn = sqlite3.connect(filled)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
    conn.close()
    data = bytearray(filled.read_bytes())
    data[(root - 1) * page_size : (root - 1) * page_size + 12] = b"\xff" * 12  # b-tree header
    filled.write_bytes(bytes(data))
    result = runner.invoke(main, ["check", str(filled)])
    assert result.exit_code == 1, result.output
    assert "FAIL  integrity_check" in result.output
    assert "could not be checked" in result.output


def test_commands_on_a_missing_project_say_so(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["list", str(tmp_path / "nope.annotate")])
    assert result.exit_code == 2
    assert "no such project" in result.stderr
    assert not (tmp_path / "nope.annotate").exists()


def test_import_unknown_label_then_add_labels(runner: CliRunner, tmp_path: Path) -> None:
    project = tmp_path / "p.annotate"
    runner.invoke(main, ["init", str(project)])
    source = tmp_path / "in.jsonl"
    record = {
        "text": "فاز الفريق",
        "annotator": "ali",
        "spans": [{"start": 4, "end": 10, "label": "TEAM"}],
    }
    source.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    refused = runner.invoke(main, ["import", str(project), str(source)])
    assert refused.exit_code == 2 and "unknown labels: TEAM" in refused.stderr
    added = runner.invoke(main, ["import", str(project), str(source), "--add-labels"])
    assert added.exit_code == 0
    assert "labels added to the schema: TEAM" in added.output
