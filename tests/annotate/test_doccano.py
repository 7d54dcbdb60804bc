"""doccano JSONL: export, import of both of doccano's forms, round trip, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.export_files import export_corpus
from annotate.corpus.importing import import_paths
from annotate.errors import AnnotateError, InputError
from annotate.project import Project
from annotate.text import document_uid
from tests.annotate.test_jsonl import difficult_record, write_jsonl
from tests.conftest import ARABIC_SENTENCE

TEXT = "قال الرئيس سمير حداد 🙂 إن المفاوضات ستستمر."


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def write_lines(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return path


def stored_spans(project: Project, text: str) -> list[tuple[str, str, str]]:
    """(annotator, label, covered text) of every span of the document, sorted."""
    spans = project.spans.for_document(document_uid(text))
    return sorted((s.annotator, s.label, text[s.start : s.end]) for s in spans)


def counts(project: Project) -> tuple[int, int, int]:
    conn = project.store.conn
    return tuple(  # type: ignore[return-value]
        conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "spans", "relations")
    )


def annotated_project(project: Project, tmp_path: Path) -> None:
    record = difficult_record()
    record["spans"][3]["attrs"] = {"kind": "direct"}  # type: ignore[index]
    other = {"title": "بلا تعليق", "text": "نص لم يعلّق عليه أحد بعد."}
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [record, other])])
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [record])], annotator="sara")


def test_export_offsets_slice_the_text_and_relations_name_entities(
    project: Project, tmp_path: Path
) -> None:
    annotated_project(project, tmp_path)
    report = export_corpus(project, tmp_path / "out.jsonl", "doccano")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(line["annotator"], len(line["entities"])) for line in lines] == [
        ("ali", 8),
        ("sara", 8),
        (None, 0),
    ]
    first = lines[0]
    assert (first["title"], first["uid"]) == ("خبر تجريبي", document_uid(ARABIC_SENTENCE))
    by_id = {e["id"]: e for e in first["entities"]}
    covered = {ARABIC_SENTENCE[e["start_offset"] : e["end_offset"]] for e in by_id.values()}
    assert covered == {text for (_, _, text) in stored_spans(project, ARABIC_SENTENCE)}
    speaker = next(r for r in first["relations"] if r["type"] == "SPEAKER")
    head, tail = by_id[speaker["from_id"]], by_id[speaker["to_id"]]
    assert (head["label"], tail["label"]) == ("QUOTE", "PERSON")
    assert ARABIC_SENTENCE[tail["start_offset"] : tail["end_offset"]] == "محمّد العلي"
    all_ids = [e["id"] for line in lines for e in line["entities"]]
    assert len(all_ids) == len(set(all_ids))  # unique through the file
    assert report.notes == ["doccano has no span attributes: 2 spans were written without theirs"]


def test_export_import_export_gives_identical_files(project: Project, tmp_path: Path) -> None:
    annotated_project(project, tmp_path)
    export_corpus(project, tmp_path / "first.jsonl", "doccano")
    with Project.create(tmp_path / "fresh.annotate") as fresh:
        report = import_paths(fresh, [tmp_path / "first.jsonl"])  # auto: doccano
        assert (report.documents_added, report.spans_added, report.relations_added) == (2, 16, 4)
        export_corpus(fresh, tmp_path / "second.jsonl", "doccano")
        assert stored_spans(fresh, ARABIC_SENTENCE) == stored_spans(project, ARABIC_SENTENCE)
        assert fresh.documents.get(document_uid(ARABIC_SENTENCE)).meta == {
            "source": "test",
            "source_id": "agency-0042",
        }
    assert (tmp_path / "second.jsonl").read_bytes() == (tmp_path / "first.jsonl").read_bytes()


def test_old_label_form_imports_with_exact_offsets(project: Project, tmp_path: Path) -> None:
    person, place = at(TEXT, "سمير حداد"), at(TEXT, "المفاوضات")
    line = {"id": 17, "text": TEXT, "label": [[*person, "PERSON"], [*place, "EVENT"]]}
    path = write_lines(tmp_path / "admin.jsonl", [line])
    report = import_paths(project, [path], annotator="omar")
    assert report.spans_added == 2
    spans = sorted(project.spans.for_document(document_uid(TEXT)), key=lambda s: s.start)
    assert [(s.label, s.start, s.end) for s in spans] == [
        ("PERSON", *person),
        ("EVENT", *place),
    ]
    assert project.documents.get(document_uid(TEXT)).meta == {"source_id": 17}


def test_entities_and_relations_form_imports_with_exact_offsets(
    project: Project, tmp_path: Path
) -> None:
    quote, person = at(TEXT, "إن المفاوضات ستستمر"), at(TEXT, "سمير حداد")
    line = {
        "id": 6400,
        "text": TEXT,
        "Comments": [],
        "entities": [
            {"id": 1662, "label": "QUOTE", "start_offset": quote[0], "end_offset": quote[1]},
            {"id": 1663, "label": "PERSON", "start_offset": person[0], "end_offset": person[1]},
        ],
        "relations": [{"id": 273, "from_id": 1662, "to_id": 1663, "type": "SPEAKER"}],
    }
    report = import_paths(
        project, [write_lines(tmp_path / "admin.jsonl", [line])], "doccano", "ali"
    )
    assert (report.spans_added, report.relations_added) == (2, 1)
    spans = {s.label: s for s in project.spans.for_document(document_uid(TEXT))}
    assert (spans["QUOTE"].start, spans["QUOTE"].end) == quote
    assert (spans["PERSON"].start, spans["PERSON"].end) == person
    (relation,) = project.relations.for_document(document_uid(TEXT))
    assert (relation.label, relation.head, relation.tail) == (
        "SPEAKER",
        spans["QUOTE"].uid,
        spans["PERSON"].uid,
    )


def test_crlf_offsets_are_moved_to_the_stored_text(project: Project, tmp_path: Path) -> None:
    raw = "السطر الأول\r\nقال خالد: نعم"
    line = {"text": raw, "annotator": "ali", "label": [[*at(raw, "خالد"), "PERSON"]]}
    import_paths(project, [write_lines(tmp_path / "in.jsonl", [line])], "doccano")
    assert stored_spans(project, "السطر الأول\nقال خالد: نعم") == [("ali", "PERSON", "خالد")]


def test_unknown_labels_are_refused_naming_file_and_line_or_added(
    project: Project, tmp_path: Path
) -> None:
    good = {"text": "نص أول", "annotator": "ali", "label": [[0, 2, "PERSON"]]}
    bad = {"text": "فاز الفريق", "annotator": "ali", "label": [[4, 10, "TEAM"]]}
    path = write_lines(tmp_path / "in.jsonl", [good, bad])
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], "doccano")
    assert (caught.value.file, caught.value.line) == (str(path), 2)
    assert "unknown labels: TEAM" in caught.value.message
    assert counts(project) == (0, 0, 0)
    report = import_paths(project, [path], "doccano", add_labels=True)
    assert report.labels_added == ["TEAM"]
    assert stored_spans(project, "فاز الفريق") == [("ali", "TEAM", "الفريق")]


GOOD = json.dumps({"text": "نص سليم", "annotator": "ali", "label": [[0, 2, "PERSON"]]})


def bad_line(**changes: object) -> str:
    line = {"text": TEXT, "annotator": "ali", "entities": [], "relations": [], **changes}
    return json.dumps({k: v for k, v in line.items() if v is not ...}, ensure_ascii=False)


def entity(start: int = 11, end: int = 20, **changes: object) -> dict[str, object]:
    return {"id": 1, "label": "PERSON", "start_offset": start, "end_offset": end, **changes}


# (name, second line of the file, expected line, field, words of the message)
BAD: list[tuple[str, bytes, int | None, str, str]] = [
    ("truncated file", bad_line()[:30].encode(), 2, "", "malformed JSON"),
    ("empty file", b"", None, "", "empty input"),
    ("invalid utf-8", b'{"text": "\xff"}', 2, "", "invalid UTF-8"),
    ("not an object", b"[1, 2]", 2, "", "expected a JSON object"),
    (
        "lone surrogate",
        bad_line().replace("قال", "\\ud800").encode(),
        2,
        "text",
        "lone surrogate",
    ),
    (
        "offset beyond the text",
        bad_line(entities=[entity(end=999)]).encode(),
        2,
        "entities[0].end_offset",
        "outside the text",
    ),
    (
        "end before start",
        bad_line(entities=[entity(start=20, end=11)]).encode(),
        2,
        "entities[0].end_offset",
        "must be greater than start",
    ),
    (
        "empty span",
        bad_line(label=[[11, 11, "PERSON"]], entities=...).encode(),
        2,
        "label[0].end_offset",
        "must be greater than start",
    ),
    (
        "offset as a string",
        bad_line(entities=[entity(start="11")]).encode(),
        2,
        "entities[0].start_offset",
        "expected an integer",
    ),
    (
        "category instead of a span",
        bad_line(label=["positive"], entities=...).encode(),
        2,
        "label[0]",
        "document categories cannot be imported",
    ),
    (
        "relation to an unknown entity",
        bad_line(
            entities=[entity()], relations=[{"from_id": 7, "to_id": 1, "type": "SPEAKER"}]
        ).encode(),
        2,
        "relations[0].from_id",
        "unknown entity 7",
    ),
    (
        "duplicate entity ids",
        bad_line(entities=[entity(), entity(0, 3)]).encode(),
        2,
        "entities[1].id",
        "duplicate entity id 1",
    ),
    ("annotator not a string", bad_line(annotator=3).encode(), 2, "annotator", "expected"),
]


@pytest.mark.parametrize(
    ("second", "line", "field", "words"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_bad_input_is_refused_and_changes_nothing(
    project: Project, tmp_path: Path, second: bytes, line: int | None, field: str, words: str
) -> None:
    path = tmp_path / "bad.jsonl"
    content = b"" if not second else GOOD.encode() + b"\n" + second + b"\n"
    path.write_bytes(content)
    before = counts(project)
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], "doccano")
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert words in error.message
    assert counts(project) == before


def test_a_relation_the_schema_forbids_changes_nothing(project: Project, tmp_path: Path) -> None:
    quote, person = at(TEXT, "إن المفاوضات ستستمر"), at(TEXT, "سمير حداد")
    line = {
        "text": TEXT,
        "annotator": "ali",
        "entities": [entity(*quote, id=1, label="QUOTE"), entity(*person, id=2)],
        "relations": [{"from_id": 2, "to_id": 1, "type": "SPEAKER"}],
    }
    with pytest.raises(AnnotateError, match="SPEAKER cannot link PERSON to QUOTE"):
        import_paths(project, [write_lines(tmp_path / "in.jsonl", [line])], "doccano")
    assert counts(project) == (0, 0, 0)


def test_cli_imports_and_exports_doccano(tmp_path: Path) -> None:
    runner = CliRunner()
    project = str(tmp_path / "p.annotate")
    assert runner.invoke(main, ["init", project]).exit_code == 0
    person = at(TEXT, "سمير حداد")
    path = write_lines(tmp_path / "admin.jsonl", [{"text": TEXT, "label": [[*person, "PERSON"]]}])
    result = runner.invoke(main, ["import", project, str(path), "--annotator", "omar"])
    assert result.exit_code == 0, result.output
    assert "spans: 1 added" in result.output
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["export", project, str(out), "--format", "doccano"])
    assert result.exit_code == 0, result.output
    (line,) = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    assert line["annotator"] == "omar"
    assert [(e["start_offset"], e["end_offset"]) for e in line["entities"]] == [person]
    bad = write_lines(tmp_path / "bad.jsonl", [{"text": TEXT, "label": [[0, 99, "PERSON"]]}])
    result = runner.invoke(main, ["import", project, str(bad), "--annotator", "omar"])
    assert result.exit_code == 2
    assert f"{bad}:1, field 'label[0].end_offset'" in result.output


def test_older_exports_with_data_instead_of_text_are_read(project: Project, tmp_path: Path) -> None:
    start, end = at(TEXT, "سمير حداد")
    path = write_lines(
        tmp_path / "old.jsonl", [{"id": 7, "data": TEXT, "label": [[start, end, "PERSON"]]}]
    )
    import_paths(project, [path], "doccano", annotator="huda")
    assert stored_spans(project, TEXT) == [("huda", "PERSON", "سمير حداد")]


GRAPHEMES = "قالت الوزيرة سلمى حدّاد 👨‍👩‍👧 إنّ الخطة ستنفَّذ قريبًا."


def grapheme_offsets(text: str, piece: str) -> tuple[int, int]:
    """Offsets of piece as doccano counts them with its grapheme option on."""
    from annotate.graphemes import cluster_starts

    starts = cluster_starts(text)
    start, end = at(text, piece)
    return starts.index(start), starts.index(end) if end < len(text) else len(starts)


def test_grapheme_offsets_import_exactly_with_the_option_and_are_flagged_without(
    project: Project, tmp_path: Path
) -> None:
    pieces = {"PERSON": "سلمى حدّاد", "DATE": "قريبًا"}
    entities = [
        {"id": n, "label": label, "start_offset": s, "end_offset": e}
        for n, (label, piece) in enumerate(pieces.items(), start=1)
        for s, e in [grapheme_offsets(GRAPHEMES, piece)]
    ]
    path = write_lines(tmp_path / "g.jsonl", [{"text": GRAPHEMES, "entities": entities}])
    with Project.create(tmp_path / "plain.annotate") as plain:
        report = import_paths(plain, [path], "doccano", annotator="huda")
        assert len(report.notes) == 1 and "--graphemes" in report.notes[0]
        assert "1 span(s) end inside" in report.notes[0]
    report = import_paths(project, [path], "doccano", annotator="huda", graphemes=True)
    assert report.notes == []
    assert stored_spans(project, GRAPHEMES) == [
        ("huda", "DATE", "قريبًا"),
        ("huda", "PERSON", "سلمى حدّاد"),
    ]
    too_far = write_lines(
        tmp_path / "far.jsonl",
        [
            {
                "text": GRAPHEMES,
                "entities": [{"id": 1, "label": "DATE", "start_offset": 40, "end_offset": 52}],
            }
        ],
    )
    with pytest.raises(InputError, match=r"outside the text \(0-\d+\)"):
        import_paths(project, [too_far], "doccano", annotator="huda", graphemes=True)
