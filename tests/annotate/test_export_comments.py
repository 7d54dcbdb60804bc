"""Comments and flags travel with an export: inside native JSONL records (and back in on
import), in a side file comments.jsonl for the other formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.commenting import comment_step, flag_step, resolve_step
from annotate.corpus.export_files import export_corpus
from annotate.corpus.importing import import_paths
from annotate.editing import Editor
from annotate.errors import InputError
from annotate.project import Project
from tests.helpers import table_checksums

# A short news sentence we wrote for these tests.
MINISTER = "قال وزير الزراعة سامي النجار إن الموسم سيكون جيدا."
NAME, SEASON = (17, 28), (32, 38)  # سامي النجار, الموسم


@pytest.fixture
def talked(project: Project) -> tuple[Project, str, str]:
    """Ali's PERSON and GPE spans; a comment on the name (resolved by sara), a flag on it, a
    comment and a flag on the document, and a comment left by a span ali deleted."""
    document = project.documents.add(MINISTER, "الوزير").documents_added[0]
    project.annotators.ensure("ali")
    editor = Editor(project, "ali")
    name = editor.add_span(document, "PERSON", *NAME).spans_added[0]
    wrong = editor.add_span(document, "GPE", *SEASON).spans_added[0]
    take = editor.history.take
    take(comment_step(document, "ali", "الاسم كامل؟", name, uid="c-name"))
    take(resolve_step(project, "c-name", "sara"))
    take(flag_step(project, document, name, "ali", "unsure"))
    take(comment_step(document, "sara", "المصدر غير مذكور", uid="c-doc"))
    take(flag_step(project, document, "", "sara", "needs discussion"))
    take(comment_step(document, "ali", "ليس مكانا", wrong, uid="c-gone"))
    editor.remove_span(wrong)
    return project, document, name


def test_native_jsonl_holds_them_and_imports_them_again(
    talked: tuple[Project, str, str], tmp_path: Path
) -> None:
    project, document, _ = talked
    out = tmp_path / "corpus.jsonl"
    report = export_corpus(project, out)
    assert report.comments_file is None
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    (span,) = record["spans"]
    assert span["comments"] == [
        {
            "id": "c-name",
            "author": "ali",
            "text": "الاسم كامل؟",
            "time": span["comments"][0]["time"],
            "resolved_by": "sara",
            "resolved_at": span["comments"][0]["resolved_at"],
        }
    ]
    assert [(f["flag"], f["annotator"]) for f in span["flags"]] == [("unsure", "ali")]
    assert [(c["id"], c.get("about")) for c in record["comments"]] == [
        ("c-doc", None),
        ("c-gone", "GPE ‘الموسم’ of ali"),
    ]
    assert [(f["flag"], f["annotator"]) for f in record["flags"]] == [("needs discussion", "sara")]

    again_path = tmp_path / "again.annotate"
    Project.create(again_path).close()
    result = CliRunner().invoke(main, ["import", str(again_path), str(out)])
    assert "comments: 3 added, flags: 2 set" in result.output.splitlines()
    with Project.open(again_path) as again:
        comments = again.comments.for_document(document)
        assert {(c.uid, c.body, c.resolved_by, c.span_gone) for c in comments} == {
            ("c-name", "الاسم كامل؟", "sara", ""),
            ("c-doc", "المصدر غير مذكور", "", ""),
            ("c-gone", "ليس مكانا", "", "GPE ‘الموسم’ of ali"),
        }
        (span_again,) = again.spans.for_document(document)
        assert [c.uid for c in again.comments.for_span(span_again.uid)] == ["c-name"]
        marks = {(m.span, m.annotator, m.flag) for m in again.comments.flags_for_document(document)}
        assert marks == {(span_again.uid, "ali", "unsure"), ("", "sara", "needs discussion")}
        before = table_checksums(again.path)
        assert import_paths(again, [out]).comments_added == 0  # the same comments, not twice
        assert table_checksums(again.path) == before


def test_conll_gets_a_side_file_of_comments_and_flags(
    talked: tuple[Project, str, str], tmp_path: Path
) -> None:
    project, document, name = talked
    out = tmp_path / "corpus.conll"
    result = CliRunner().invoke(main, ["export", str(project.path), str(out), "--format", "conll"])
    assert result.exit_code == 0, result.output
    side = tmp_path / "corpus.comments.jsonl"
    assert f"comments and flags: {side}" in result.output
    lines = [json.loads(line) for line in side.read_text(encoding="utf-8").splitlines()]
    about_name = {
        "id": name,
        "label": "PERSON",
        "start": 17,
        "end": 28,
        "text": "سامي النجار",
        "annotator": "ali",
    }
    assert [(line["span"], line.get("comment", {}).get("id"), line.get("flag", {}).get("flag"))
            for line in lines] == [
        (None, "c-doc", None),
        (None, "c-gone", None),
        (None, None, "needs discussion"),
        (about_name, "c-name", None),
        (about_name, None, "unsure"),
    ]  # fmt: skip
    assert {line["document"] for line in lines} == {document}
    assert sorted(p.name for p in tmp_path.iterdir() if "corpus" in p.name) == [
        "corpus.comments.jsonl",
        "corpus.conll",
    ]


def test_a_folder_export_holds_the_side_file_and_none_is_written_without_comments(
    talked: tuple[Project, str, str], tmp_path: Path
) -> None:
    project, _, _ = talked
    export_corpus(project, tmp_path / "brat", "brat")
    assert (tmp_path / "brat" / "comments.jsonl").is_file()
    with Project.create(tmp_path / "quiet.annotate") as quiet:
        quiet.documents.add(MINISTER, "الوزير")
        report = export_corpus(quiet, tmp_path / "quiet.conll", "conll")
    assert report.comments_file is None
    assert not (tmp_path / "quiet.comments.jsonl").exists()


def test_a_bad_flag_in_a_file_is_refused_by_its_field(project: Project, tmp_path: Path) -> None:
    record = {
        "text": MINISTER,
        "annotator": "ali",
        "spans": [{"start": 17, "end": 28, "label": "PERSON", "flags": [{"flag": "maybe"}]}],
    }
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    before = table_checksums(project.path)
    with pytest.raises(InputError) as refused:
        import_paths(project, [path])
    assert str(refused.value) == (
        f"{path}:1, field 'spans[0].flags[0].flag': no flag 'maybe';"
        " the flags are unsure, needs discussion"
    )
    assert table_checksums(project.path) == before
