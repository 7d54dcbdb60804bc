"""Label Studio JSON: export, import of the tool's own export, round trip, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.export_files import export_corpus
from annotate.corpus.importing import import_paths
from annotate.errors import InputError
from annotate.project import Project
from annotate.text import document_uid
from tests.annotate.test_doccano import annotated_project, at, counts, stored_spans
from tests.conftest import ARABIC_SENTENCE

# Emoji before the regions: code points and UTF-16 units differ there.
TEXT = "🌍 عاجل 😀 قال الرئيس سمير حداد إن المفاوضات ستستمر حتى الغد."
QUOTE = "إن المفاوضات ستستمر حتى الغد"
PERSON = "سمير حداد"


def utf16_units(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def region(rid: str, piece: str, label: str, kind: str = "labels", **value: Any) -> dict[str, Any]:
    start, end = at(TEXT, piece)
    if kind == "labels":
        value = {"labels": [label], **value}
    return {
        "value": {"start": start, "end": end, "text": piece, **value},
        "id": rid,
        "from_name": label if kind != "labels" else "label",
        "to_name": "text",
        "type": kind,
        "origin": "manual",
    }


def studio_task(result: list[dict[str, Any]], completed_by: Any = 1) -> dict[str, Any]:
    """A task as Label Studio's JSON export writes it (fields of a 1.x release)."""
    return {
        "id": 14,
        "annotations": [
            {
                "id": 31,
                "completed_by": completed_by,
                "result": result,
                "was_cancelled": False,
                "ground_truth": False,
                "created_at": "2024-05-02T10:11:12.345678Z",
                "updated_at": "2024-05-02T10:12:40.120001Z",
                "draft_created_at": None,
                "lead_time": 42.7,
                "prediction": {},
                "result_count": 0,
                "unique_id": "0b6f2c7e-55d1-4c55-9a31-1f0c5b2d8e11",
                "import_id": None,
                "last_action": None,
                "task": 14,
                "project": 3,
                "updated_by": 1,
                "parent_prediction": None,
                "parent_annotation": None,
                "last_created_by": None,
            }
        ],
        "file_upload": "5e2a1c0b-tasks.json",
        "drafts": [],
        "predictions": [
            {
                "id": 5,
                "model_version": "ner-v1",
                "score": 0.5,
                "result": [region("Pr3d1ct10n", "الرئيس", "ORG")],
            }
        ],
        "data": {"text": TEXT, "source": "wire"},
        "meta": {},
        "created_at": "2024-05-02T10:00:00.000000Z",
        "updated_at": "2024-05-02T10:12:40.130000Z",
        "inner_id": 1,
        "total_annotations": 1,
        "cancelled_annotations": 0,
        "total_predictions": 1,
        "comment_count": 0,
        "unresolved_comment_count": 0,
        "last_comment_updated_at": None,
        "project": 3,
        "updated_by": 1,
        "comment_authors": [],
    }


def studio_result() -> list[dict[str, Any]]:
    return [
        region("wB2x8nDq5T", PERSON, "PERSON"),
        region("Kx9_Lm2pQa", QUOTE, "QUOTE"),
        region("Kx9_Lm2pQa", QUOTE, "kind", "choices", choices=["direct"]),
        {
            "from_id": "Kx9_Lm2pQa",
            "to_id": "wB2x8nDq5T",
            "type": "relation",
            "direction": "right",
            "labels": ["SPEAKER"],
        },
        {
            "value": {"choices": ["politics"]},
            "id": "c7Hn0dQ2aZ",
            "from_name": "topic",
            "to_name": "text",
            "type": "choices",
            "origin": "manual",
        },
    ]


def write_export(path: Path, tasks: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_label_studio_export_imports_with_exact_code_point_offsets(
    project: Project, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "project-3-at-2024.json", [studio_task(studio_result())])
    report = import_paths(project, [path], annotator="sara")  # auto: .json is Label Studio
    assert (report.documents_added, report.spans_added, report.relations_added) == (1, 2, 1)
    uid = document_uid(TEXT)
    spans = {s.label: s for s in project.spans.for_document(uid, "sara")}
    assert set(spans) == {"PERSON", "QUOTE"}  # the prediction (ORG) is not imported
    assert (spans["PERSON"].start, spans["PERSON"].end) == at(TEXT, PERSON) == (20, 29)
    assert (spans["QUOTE"].start, spans["QUOTE"].end) == at(TEXT, QUOTE)
    assert utf16_units(TEXT, 20) == 22  # what a UTF-16 reader would have taken
    assert (spans["PERSON"].uid, spans["QUOTE"].attrs) == ("wB2x8nDq5T", {"kind": "direct"})
    (relation,) = project.relations.for_document(uid)
    assert (relation.label, relation.head, relation.tail) == ("SPEAKER", "Kx9_Lm2pQa", "wB2x8nDq5T")
    assert project.documents.get(uid).meta == {"source": "wire"}  # a data field beside the text


def test_a_numeric_completed_by_names_nobody(project: Project, tmp_path: Path) -> None:
    path = write_export(tmp_path / "export.json", [studio_task(studio_result())])
    with pytest.raises(InputError) as caught:
        import_paths(project, [path])
    assert (caught.value.file, caught.value.line, caught.value.field) == (str(path), 2, "annotator")
    assert "spans need an annotator" in caught.value.message
    assert counts(project) == (0, 0, 0)


def test_completed_by_with_an_email_is_the_annotator(project: Project, tmp_path: Path) -> None:
    user = {"id": 1, "first_name": "", "last_name": "", "email": "huda@example.org"}
    path = write_export(tmp_path / "export.json", [studio_task(studio_result(), user)])
    import_paths(project, [path])
    assert project.annotators.names() == ["huda@example.org"]


def test_a_relation_drawn_to_the_left_runs_from_its_to_id(project: Project, tmp_path: Path) -> None:
    result = studio_result()
    result[3].update(from_id="wB2x8nDq5T", to_id="Kx9_Lm2pQa", direction="left")
    import_paths(project, [write_export(tmp_path / "e.json", [studio_task(result)])], "auto", "ali")
    (relation,) = project.relations.for_document(document_uid(TEXT))
    assert (relation.head, relation.tail) == ("Kx9_Lm2pQa", "wB2x8nDq5T")


def test_export_regions_slice_the_text_one_task_per_document(
    project: Project, tmp_path: Path
) -> None:
    annotated_project(project, tmp_path)
    report = export_corpus(project, tmp_path / "out.json", "label-studio")
    lines = (tmp_path / "out.json").read_text(encoding="utf-8").splitlines()
    tasks = json.loads("\n".join(lines))
    assert len(lines) == 4  # "[", a task per line, "]"
    assert [json.loads(line.rstrip(",")) for line in lines[1:3]] == tasks
    first, second = tasks
    assert first["data"]["title"] == "خبر تجريبي"
    assert first["data"]["uid"] == document_uid(ARABIC_SENTENCE)
    assert [a["annotator"] for a in first["annotations"]] == ["ali", "sara"]
    assert second["annotations"] == [] and second["data"]["title"] == "بلا تعليق"
    for annotation in first["annotations"]:
        result = annotation["result"]
        regions = {r["id"]: r for r in result if r["type"] == "labels"}
        for item in result:
            if item["type"] in ("labels", "choices"):
                value = item["value"]
                assert first["data"]["text"][value["start"] : value["end"]] == value["text"]
        covered = sorted(
            (annotation["annotator"], r["value"]["labels"][0], r["value"]["text"])
            for r in regions.values()
        )
        expected = [
            s for s in stored_spans(project, ARABIC_SENTENCE) if s[0] == annotation["annotator"]
        ]
        assert covered == expected
        kinds = [r for r in result if r["type"] == "choices"]
        assert [(k["from_name"], k["value"]["choices"]) for k in kinds] == [("kind", ["direct"])]
        assert regions[kinds[0]["id"]]["value"]["labels"] == ["QUOTE"]
        for relation in (r for r in result if r["type"] == "relation"):
            assert relation["direction"] == "right"
            assert relation["from_id"] in regions and relation["to_id"] in regions
        assert "completed_by" not in annotation  # Label Studio refuses names it does not know
    config = report.notes[0]
    assert '<Choices name="kind" toName="text" perRegion="true">' in config
    assert '<Relation value="SPEAKER"/>' in config and '<Label value="QUOTE"' in config


def test_export_import_export_gives_identical_files(project: Project, tmp_path: Path) -> None:
    annotated_project(project, tmp_path)
    export_corpus(project, tmp_path / "first.json", "label-studio")
    with Project.create(tmp_path / "fresh.annotate") as fresh:
        report = import_paths(fresh, [tmp_path / "first.json"])
        assert (report.documents_added, report.spans_added, report.relations_added) == (2, 16, 4)
        assert stored_spans(fresh, ARABIC_SENTENCE) == stored_spans(project, ARABIC_SENTENCE)
        quotes = [s for s in fresh.spans.for_document(document_uid(ARABIC_SENTENCE)) if s.attrs]
        assert [s.attrs for s in quotes] == [{"kind": "direct"}] * 2
        export_corpus(fresh, tmp_path / "second.json", "label-studio")
    assert (tmp_path / "second.json").read_bytes() == (tmp_path / "first.json").read_bytes()


def test_unknown_labels_are_refused_naming_file_and_line_or_added(
    project: Project, tmp_path: Path
) -> None:
    result = studio_result()[:3]  # no SPEAKER: the schema would refuse it for a TEAM
    result[0]["value"]["labels"] = ["TEAM"]
    tasks = [{"data": {"text": "نص أول"}}, studio_task(result)]
    path = tmp_path / "e.json"
    path.write_text(
        "[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in tasks) + "\n]",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], annotator="ali")
    assert (caught.value.file, caught.value.line) == (str(path), 3)
    assert "unknown labels: TEAM" in caught.value.message
    assert counts(project) == (0, 0, 0)
    report = import_paths(project, [path], annotator="ali", add_labels=True)
    assert report.labels_added == ["TEAM"]
    assert ("ali", "TEAM", PERSON) in stored_spans(project, TEXT)


def bad_task(**changes: Any) -> str:
    """The hand-written task with changes: "value" and "relation" change result items."""
    result = studio_result()
    result[0]["value"].update(changes.pop("value", {}))
    result[3].update(changes.pop("relation", {}))
    task = {**studio_task(result, "ali@example.org"), **changes}
    task["annotations"][0].pop("completed_by")
    task["annotations"][0]["annotator"] = changes.pop("annotator", "ali")
    return json.dumps(task, ensure_ascii=False)


def shared_id_task(label: str) -> str:
    """The hand-written task with a second region, elsewhere, under the PERSON's id."""
    task = json.loads(bad_task())
    task["annotations"][0]["result"].insert(1, region("wB2x8nDq5T", "الرئيس", label))
    return json.dumps(task, ensure_ascii=False)


GOOD_TASK = json.dumps({"data": {"text": "نص سليم"}})
REGION = "[1].annotations[0].result[0].value"
RELATION = "[1].annotations[0].result[3]"

# (name, second task in the file, line, field, words of the message)
BAD: list[tuple[str, str | None, int | None, str, str]] = [
    ("truncated file", bad_task()[:200], 3, "", "malformed JSON"),
    ("empty file", None, None, "", "empty input"),
    ("no tasks", "", None, "", "holds no tasks"),
    ("lone surrogate", bad_task().replace("قال", "\\ud800"), 3, "[1].data.text", "lone surrogate"),
    ("offset beyond the text", bad_task(value={"end": 999}), 3, f"{REGION}.end", "outside"),
    (
        "end before start",
        bad_task(value={"start": 29, "end": 20}),
        3,
        f"{REGION}.end",
        "must be greater than start",
    ),
    ("offset as a string", bad_task(value={"start": "20"}), 3, f"{REGION}.start", "an integer"),
    (
        "region text does not match",
        bad_task(value={"text": "حداد"}),
        3,
        f"{REGION}.text",
        "does not match the document text at 20-29",
    ),
    (
        "offsets in UTF-16 units",
        bad_task(value={"start": 22, "end": 31}),
        3,
        f"{REGION}.text",
        "the offsets count UTF-16 units",
    ),
    (
        "relation to an unknown region",
        bad_task(relation={"to_id": "nope123456"}),
        3,
        f"{RELATION}.to_id",
        "unknown region 'nope123456'",
    ),
    (
        "bidirectional relation",
        bad_task(relation={"direction": "bi"}),
        3,
        f"{RELATION}.direction",
        "has no head and tail",
    ),
    (
        "relation without a label",
        bad_task(relation={"labels": []}),
        3,
        f"{RELATION}.labels",
        "without a label",
    ),
    ("text missing", bad_task(data={"title": "x"}), 3, "[1].data.text", "required field"),
    (
        "JSON-MIN export",
        json.dumps({"id": 1, "text": TEXT, "label": []}),
        3,
        "[1].data",
        "JSON-MIN exports cannot be imported",
    ),
    ("annotator not a string", bad_task(annotator=7), 3, "[1].annotations[0].annotator", "string"),
    ("task not an object", "[1, 2]", 3, "[1]", "expected a Label Studio task"),
    (
        "two regions share an id and a label",
        shared_id_task("PERSON"),
        3,
        "[1].annotations[0].result[1].id",
        "region id 'wB2x8nDq5T' is already the id of the region at 20-29"
        " ([1].annotations[0].result[0]); two regions cannot share an id",
    ),
    (
        "two regions share an id",
        shared_id_task("TITLE"),
        3,
        "[1].annotations[0].result[1].id",
        "two regions cannot share an id",
    ),
]


@pytest.mark.parametrize(
    ("second", "line", "field", "words"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_bad_input_is_refused_and_changes_nothing(
    project: Project, tmp_path: Path, second: str | None, line: int | None, field: str, words: str
) -> None:
    path = tmp_path / "bad.json"
    if second is None:
        path.write_bytes(b"")
    elif not second:
        path.write_text("[]\n")
    else:
        path.write_text(f"[\n{GOOD_TASK},\n{second}\n]\n", encoding="utf-8")
    before = counts(project)
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], "label-studio")
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert words in error.message
    assert counts(project) == before


def test_results_of_one_region_under_two_labels_controls_are_its_spans(
    project: Project, tmp_path: Path
) -> None:
    result = studio_result()
    role = {**region("wB2x8nDq5T", PERSON, "TITLE"), "from_name": "role"}
    again = {**region("wB2x8nDq5T", PERSON, "PERSON"), "from_name": "role"}
    result[1:1] = [role, again]
    import_paths(project, [write_export(tmp_path / "e.json", [studio_task(result)])], "auto", "ali")
    spans = project.spans.for_document(document_uid(TEXT), "ali")
    assert [(s.uid, s.label, TEXT[s.start : s.end]) for s in spans] == [
        ("wB2x8nDq5T", "PERSON", PERSON),
        ("wB2x8nDq5T:TITLE", "TITLE", PERSON),
        ("Kx9_Lm2pQa", "QUOTE", QUOTE),
    ]


def test_invalid_utf8_names_the_line_of_the_bad_byte(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(f"[\n{GOOD_TASK},\n".encode() + b'{"data": {"text": "\xff"}}\n]')
    with pytest.raises(InputError, match="invalid UTF-8") as caught:
        import_paths(project, [path], "label-studio")
    assert caught.value.line == 3
    assert counts(project) == (0, 0, 0)


def test_cli_imports_and_exports_label_studio(tmp_path: Path) -> None:
    runner = CliRunner()
    project = str(tmp_path / "p.annotate")
    assert runner.invoke(main, ["init", project]).exit_code == 0
    path = write_export(tmp_path / "export.json", [studio_task(studio_result())])
    result = runner.invoke(main, ["import", project, str(path)])
    assert result.exit_code == 2
    assert f"{path}:2, field 'annotator'" in result.output
    result = runner.invoke(main, ["import", project, str(path), "--annotator", "sara"])
    assert result.exit_code == 0, result.output
    assert "spans: 2 added" in result.output and "relations: 1 added" in result.output
    out = tmp_path / "out.json"
    result = runner.invoke(main, ["export", project, str(out), "--format", "label-studio"])
    assert result.exit_code == 0, result.output
    assert "note: Label Studio labeling config for this file: <View>" in result.output
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    (annotation,) = task["annotations"]
    person = next(r for r in annotation["result"] if r["id"] == "wB2x8nDq5T")
    assert (person["value"]["start"], person["value"]["end"]) == at(TEXT, PERSON)
    assert annotation["annotator"] == "sara"


def test_a_file_of_one_task_object_imports(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "task.json"
    path.write_text(json.dumps(studio_task(studio_result()), ensure_ascii=False), encoding="utf-8")
    report = import_paths(project, [path], "label-studio", "sara")
    assert (report.documents_added, report.spans_added) == (1, 2)
