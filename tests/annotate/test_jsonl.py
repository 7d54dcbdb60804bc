"""Native JSONL: import, export, and the round trip with difficult Arabic text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotate.corpus.export_files import export_corpus
from annotate.corpus.exporting import export_jsonl
from annotate.corpus.importing import import_paths
from annotate.errors import AnnotateError
from annotate.project import Project
from annotate.text import document_uid
from tests.conftest import ARABIC_SENTENCE
from tests.helpers import table_checksums


def span(text: str, piece: str, label: str, uid: str, occurrence: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return {"id": uid, "start": start, "end": start + len(piece), "label": label, "text": piece}


def difficult_record() -> dict[str, object]:
    text = ARABIC_SENTENCE
    emoji_inside = "المنظمة 🌍 في القاهرة"
    return {
        "id": "agency-0042",
        "title": "خبر تجريبي",
        "text": text,
        "meta": {"source": "test"},
        "annotator": "ali",
        "spans": [
            span(text, "الوزيـــر", "TITLE", "s1"),
            span(text, "محمّد العلي", "PERSON", "s2"),
            span(text, "وكالة الأنباء", "ORG", "s3"),
            span(text, "إنّ الاتفاق سيُوقّع في 2026", "QUOTE", "s4"),
            span(text, emoji_inside, "ORG", "s5"),
            span(text, "القاهرة 😀", "GPE", "s6"),
            span(text, "ولا", "CUE", "s7"),
            span(text, "قالَ", "CUE", "s8"),
        ],
        "relations": [
            {"id": "r1", "label": "SPEAKER", "head": "s4", "tail": "s2"},
            {"id": "r2", "label": "CUE", "head": "s4", "tail": "s8"},
        ],
    }


def write_jsonl(path: Path, records: list[dict[str, object]], newline: str = "\n") -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + newline for r in records), encoding="utf-8"
    )
    return path


def export_text(project: Project, source: str = "all", status: str = "any") -> str:
    out = io.StringIO()
    export_jsonl(project, out, source, status)
    return out.getvalue()


def test_import_keeps_exact_code_point_offsets(project: Project, tmp_path: Path) -> None:
    record = difficult_record()
    report = import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [record])])
    assert (report.documents_added, report.spans_added, report.relations_added) == (1, 8, 2)
    uid = document_uid(ARABIC_SENTENCE)
    stored = {s.uid: s for s in project.spans.for_document(uid, "ali")}
    for expected in record["spans"]:  # type: ignore[union-attr]
        got = stored[expected["id"]]
        assert ARABIC_SENTENCE[got.start : got.end] == expected["text"]
        assert (got.start, got.end, got.origin) == (expected["start"], expected["end"], "imported")
    assert project.documents.get(uid).meta == {"source": "test", "source_id": "agency-0042"}


def test_export_import_export_is_identical(project: Project, tmp_path: Path) -> None:
    second = {"title": "بلا تعليق", "text": "نص لم يعلّق عليه أحد بعد."}
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [difficult_record(), second])])
    first_export = export_text(project)
    again = tmp_path / "again.annotate"
    with Project.create(again) as fresh:
        (tmp_path / "out.jsonl").write_text(first_export, encoding="utf-8")
        import_paths(fresh, [tmp_path / "out.jsonl"])
        assert export_text(fresh) == first_export
    lines = [json.loads(line) for line in first_export.splitlines()]
    assert [(r["annotator"], len(r["spans"])) for r in lines] == [("ali", 8), (None, 0)]
    for record in lines:
        for item in record["spans"]:
            assert record["text"][item["start"] : item["end"]] == item["text"]


def test_crlf_input_offsets_are_moved_to_the_stored_text(project: Project, tmp_path: Path) -> None:
    raw = "السطر الأول\r\nقال خالد: نعم\r\n"
    piece = "خالد"
    start = raw.index(piece)
    record = {
        "text": raw,
        "annotator": "ali",
        "spans": [{"start": start, "end": start + 4, "label": "PERSON", "text": piece}],
    }
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [record], newline="\r\n")])
    stored = "السطر الأول\nقال خالد: نعم\n"
    only = project.spans.for_document(document_uid(stored))[0]
    assert stored[only.start : only.end] == piece


def test_reimport_skips_identical_spans_and_reports_both_counts(
    project: Project, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [difficult_record()])
    import_paths(project, [path])
    report = import_paths(project, [path])
    assert (report.documents_added, report.documents_present) == (0, 1)
    assert (report.spans_added, report.spans_skipped) == (0, 8)
    assert (report.relations_added, report.relations_skipped) == (0, 2)


def with_quote_kind(kind: str | None) -> dict[str, object]:
    """The difficult record, its QUOTE s4 given this kind (or no attributes)."""
    record = difficult_record()
    quote = record["spans"][3]  # type: ignore[index]
    if kind is not None:
        quote["attrs"] = {"kind": kind}
    return record


def test_reimporting_a_corrected_attribute_updates_the_span(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [write_jsonl(tmp_path / "first.jsonl", [with_quote_kind("direct")])])
    before = project.spans.get("s4")
    corrected = write_jsonl(tmp_path / "corrected.jsonl", [with_quote_kind("indirect")])
    report = import_paths(project, [corrected])
    assert (report.spans_added, report.spans_updated, report.spans_skipped) == (0, 1, 7)
    after = project.spans.get("s4")
    assert after.attrs == {"kind": "indirect"}
    assert (after.label, after.start, after.end, after.origin) == (
        before.label,
        before.start,
        before.end,
        "imported",
    )
    relations = project.relations.touching("s4")
    assert sorted(r.uid for r in relations) == ["r1", "r2"]


def test_reimporting_without_attributes_keeps_those_the_span_has(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [write_jsonl(tmp_path / "first.jsonl", [with_quote_kind("direct")])])
    report = import_paths(project, [write_jsonl(tmp_path / "bare.jsonl", [with_quote_kind(None)])])
    assert (report.spans_updated, report.spans_skipped) == (0, 8)
    assert project.spans.get("s4").attrs == {"kind": "direct"}


def test_one_span_given_two_attribute_values_in_one_import_is_refused(
    project: Project, tmp_path: Path
) -> None:
    first = write_jsonl(tmp_path / "first.jsonl", [with_quote_kind("direct")])
    second = write_jsonl(tmp_path / "second.jsonl", [with_quote_kind("indirect")])
    with pytest.raises(AnnotateError) as refused:
        import_paths(project, [first, second])
    assert str(refused.value) == (
        f"{second}:1, field 'spans[3].attrs': the same span comes earlier in this import"
        " with another value of 'kind'"
    )
    assert project.documents.summaries() == []


@pytest.mark.parametrize("order", ["stored value first", "stored value second"])
def test_two_values_in_one_import_are_refused_whichever_the_project_holds(
    project: Project, tmp_path: Path, order: str
) -> None:
    import_paths(project, [write_jsonl(tmp_path / "first.jsonl", [with_quote_kind("direct")])])
    before = table_checksums(project.path)
    direct = write_jsonl(tmp_path / "direct.jsonl", [with_quote_kind("direct")])
    indirect = write_jsonl(tmp_path / "indirect.jsonl", [with_quote_kind("indirect")])
    files = [direct, indirect] if order == "stored value first" else [indirect, direct]
    with pytest.raises(AnnotateError, match="with another value of 'kind'"):
        import_paths(project, files)
    assert table_checksums(project.path) == before
    assert project.spans.get("s4").attrs == {"kind": "direct"}


def test_a_value_given_once_beside_a_mention_without_it_is_no_clash(
    project: Project, tmp_path: Path
) -> None:
    bare = write_jsonl(tmp_path / "bare.jsonl", [with_quote_kind(None)])
    direct = write_jsonl(tmp_path / "direct.jsonl", [with_quote_kind("direct")])
    report = import_paths(project, [bare, direct])
    assert (report.spans_added, report.spans_updated) == (8, 1)
    assert project.spans.get("s4").attrs == {"kind": "direct"}


def test_annotations_for_a_document_already_present_are_added(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": ARABIC_SENTENCE}])])
    report = import_paths(project, [write_jsonl(tmp_path / "b.jsonl", [difficult_record()])])
    assert (report.documents_present, report.spans_added) == (1, 8)


def test_annotator_option_overrides_the_record(project: Project, tmp_path: Path) -> None:
    import_paths(
        project, [write_jsonl(tmp_path / "in.jsonl", [difficult_record()])], annotator="sara"
    )
    assert project.annotators.names() == ["sara"]


def test_unknown_labels_are_added_with_add_labels(project: Project, tmp_path: Path) -> None:
    record = {
        "text": "فاز الفريق بالكأس",
        "annotator": "ali",
        "spans": [{"id": "a", "start": 4, "end": 10, "label": "TEAM"}],
    }
    report = import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [record])], add_labels=True)
    assert report.labels_added == ["TEAM"]
    added = project.labels.span_label("TEAM")
    assert added is not None and added.key == "" and added.colour == "#b0b0b0"


def test_export_source_and_status_filters(project: Project, tmp_path: Path) -> None:
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [difficult_record()])])
    uid = document_uid(ARABIC_SENTENCE)
    assert json.loads(export_text(project, "ali"))["annotator"] == "ali"
    gold = json.loads(export_text(project, "gold"))
    assert (gold["annotator"], gold["spans"]) == ("gold", [])
    assert export_text(project, "ali", "done") == ""
    project.documents.set_status(uid, "ali", "done")
    assert json.loads(export_text(project, "all", "done"))["annotator"] == "ali"
    with pytest.raises(AnnotateError, match="no annotator 'omar'"):
        export_text(project, "omar")


def test_text_files_and_folders(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "خبر_أول.txt").write_bytes("\ufeffنص أول\r\n".encode())
    (folder / "خبر-ثان.txt").write_text("نص ثان", encoding="utf-8")
    (folder / "ignored.md").write_text("# not imported", encoding="utf-8")
    report = import_paths(project, [folder])
    assert report.documents_added == 2
    titles = {d.title for d in project.documents.summaries()}
    assert titles == {"خبر أول", "خبر ثان"}
    assert project.documents.get(document_uid("نص أول\n")).text == "نص أول\n"


def test_line_separators_inside_json_strings_stay_in_the_record(
    project: Project, tmp_path: Path
) -> None:
    text = "فقرة أولى\u2028تكملة\u0085وسطر\x1c آخر"
    report = import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [{"text": text}])])
    assert report.documents_added == 1
    assert project.documents.get(document_uid(text)).text == text


def test_span_ids_are_local_to_their_record(project: Project, tmp_path: Path) -> None:
    records = [
        {
            "text": f"قال {name} إن الوضع مستقر.",
            "annotator": "ali",
            "spans": [
                {"id": "s1", "start": 4, "end": 4 + len(name), "label": "PERSON"},
                {"id": "1", "start": 0, "end": 3, "label": "CUE"},
                {"start": 4, "end": 4 + len(name), "label": "TITLE"},
            ],
        }
        for name in ("سمير", "هالة")
    ]
    report = import_paths(project, [write_jsonl(tmp_path / "in.jsonl", records)])
    assert report.spans_added == 6
    again = import_paths(project, [write_jsonl(tmp_path / "in.jsonl", records)], annotator="sara")
    assert again.spans_added == 6
    uids = project.store.conn.execute("SELECT count(DISTINCT uid) FROM spans").fetchone()[0]
    assert uids == 12


def test_round_trip_with_several_annotators(project: Project, tmp_path: Path) -> None:
    record = difficult_record()
    import_paths(project, [write_jsonl(tmp_path / "a.jsonl", [record])])
    import_paths(project, [write_jsonl(tmp_path / "b.jsonl", [record])], annotator="sara")
    exported = export_text(project)
    assert [json.loads(line)["annotator"] for line in exported.splitlines()] == ["ali", "sara"]
    with Project.create(tmp_path / "again.annotate") as fresh:
        (tmp_path / "out.jsonl").write_text(exported, encoding="utf-8")
        import_paths(fresh, [tmp_path / "out.jsonl"])
        assert export_text(fresh) == exported


def test_done_documents_of_an_annotator_without_spans_are_exported(project: Project) -> None:
    uid = project.documents.add("نص لم يجد فيه أحد شيئا").documents_added[0]
    project.annotators.ensure("ali")
    project.documents.set_status(uid, "ali", "done")
    for source in ("ali", "all"):
        (line,) = export_text(project, source, "done").splitlines()
        assert (json.loads(line)["annotator"], json.loads(line)["spans"]) == ("ali", [])


def test_a_failed_import_leaves_no_label_behind_in_the_schema(
    project: Project, tmp_path: Path
) -> None:
    bad = {
        "text": "فاز الفريق",
        "annotator": "ali",
        "spans": [
            {"start": 4, "end": 10, "label": "TEAM"},
            {"start": 0, "end": 99, "label": "TEAM"},
        ],
    }
    with pytest.raises(AnnotateError):
        import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [bad])], add_labels=True)
    assert project.labels.span_label("TEAM") is None


def test_every_unknown_label_is_named_and_odd_names_are_never_added(
    project: Project, tmp_path: Path
) -> None:
    spans = [
        {"start": 0, "end": 3, "label": "TEAM"},
        {"start": 4, "end": 10, "label": "SPORT"},
        {"start": 0, "end": 10, "label": "TEAM"},
    ]
    record = {"text": "فاز الفريق", "annotator": "ali", "spans": spans}
    path = write_jsonl(tmp_path / "in.jsonl", [record])
    with pytest.raises(AnnotateError, match="unknown labels: SPORT, TEAM"):
        import_paths(project, [path])
    record["spans"] = [{"start": 0, "end": 3, "label": "x y\n]"}]
    with pytest.raises(AnnotateError, match="cannot be a label name"):
        import_paths(project, [write_jsonl(path, [record])], add_labels=True)
    assert project.labels.span_label("x y\n]") is None


def test_two_records_of_one_new_document_count_once(project: Project, tmp_path: Path) -> None:
    record = difficult_record()
    report = import_paths(
        project, [write_jsonl(tmp_path / "in.jsonl", [record, {**record, "annotator": "sara"}])]
    )
    assert (report.documents_added, report.documents_present, report.spans_added) == (1, 0, 16)


def test_a_split_export_writes_each_split_in_document_order_with_progress_over_all(
    project: Project, tmp_path: Path
) -> None:
    uids = [
        project.documents.add(f"خبر رقم {n} عن الطقس.", f"طقس {n}").documents_added[0]
        for n in range(6)
    ]
    for uid in uids[:4]:
        project.spans.add(uid, "ali", "DATE", 0, 3)
    project.spans.add(uids[1], "sara", "DATE", 0, 3)
    project.annotators.ensure("sara")
    project.documents.set_status(uids[5], "sara", "done")
    seen: list[tuple[int, int]] = []
    out = tmp_path / "splits"
    report = export_corpus(
        project,
        out,
        "jsonl",
        split="train=0.5,test=0.5",
        seed=3,
        progress=lambda *p: seen.append(p),
    )
    assert seen == [(n, 6) for n in range(1, 7)]
    parts = {
        name: [
            json.loads(line)
            for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for name in ("train", "test")
    }
    assert report.records == sum(len(records) for records in parts.values()) == 7
    documents = {name: [r["id"] for r in records] for name, records in parts.items()}
    for ids in documents.values():
        assert len(set(ids)) == 3 and sorted(set(ids), key=uids.index) == list(dict.fromkeys(ids))
    assert set(documents["train"]).isdisjoint(documents["test"])
    records = {(r["id"], r["annotator"]) for part in parts.values() for r in part}
    assert records == {
        *((uid, "ali") for uid in uids[:4]),
        (uids[1], "sara"),
        (uids[4], None),
        (uids[5], None),
    }
