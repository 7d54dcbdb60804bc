"""Imports of many records and of records with many spans: written as they are read, with
progress within a record, and all or nothing whichever batch fails."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotate.corpus import importing
from annotate.corpus.importing import import_paths, import_records, read_records
from annotate.corpus.records import Record
from annotate.errors import AnnotateError, InputError
from annotate.project import Project
from tests.annotate.test_jsonl import write_jsonl
from tests.helpers import table_checksums

WORD = "خبر"
SPANS = 5000  # in the one long record


class Stopped(Exception):
    """What a progress callback raises to stop an import, as the app's Cancel does."""


def long_record(spans: int = SPANS) -> dict[str, object]:
    """A pre-annotated article: a PERSON on each of its first ``spans`` words, a QUOTE over
    the first ten words, said by the first of them."""
    text = " ".join([WORD] * (spans + 10)) + "."
    step = len(WORD) + 1
    persons = [
        {"id": f"p{n}", "start": n * step, "end": n * step + len(WORD), "label": "PERSON"}
        for n in range(spans)
    ]
    quote = {"id": "q", "start": 0, "end": 10 * step - 1, "label": "QUOTE"}
    speaker = {"id": "r", "label": "SPEAKER", "head": "q", "tail": "p0"}
    return {"text": text, "annotator": "ali", "spans": [*persons, quote], "relations": [speaker]}


def short_record(number: int) -> dict[str, object]:
    text = f"زار سامي مدينة حمص في اليوم {number}."
    spans = [{"start": 4, "end": 8, "label": "PERSON"}, {"start": 15, "end": 18, "label": "GPE"}]
    return {"text": text, "annotator": "ali", "spans": spans}


def test_progress_moves_within_a_record_of_many_spans(project: Project, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "article.jsonl", [long_record()])
    told: list[tuple[int, int]] = []
    records = read_records(source)
    report = import_records(project, records, progress=lambda *done: told.append(done))
    assert report.spans_added == SPANS + 1 and report.relations_added == 1
    within = [spans for records_done, spans in told if records_done == 0]
    assert len(within) >= 2 and 0 < within[0] < within[-1] < SPANS
    assert told[-1] == (1, SPANS + 1)


def test_a_stop_within_a_record_leaves_the_project_as_it_was(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [write_jsonl(tmp_path / "first.jsonl", [short_record(0)])])
    before = table_checksums(project.path)
    counts = _counts(project)
    source = write_jsonl(tmp_path / "more.jsonl", [short_record(1), long_record()])

    def stop_within_the_article(records_done: int, spans_done: int) -> None:
        if records_done == 1 and spans_done > 2:  # the short record written, the article begun
            raise Stopped

    schema = _schema(project)
    with pytest.raises(Stopped):
        import_records(project, read_records(source), progress=stop_within_the_article)
    assert table_checksums(project.path) == before
    assert _counts(project) == counts == (1, 2, 0)
    assert _schema(project) == schema  # the end check, dropped while spans went in, is back


def test_an_import_leaves_the_check_of_span_ends_in_the_database(
    project: Project, tmp_path: Path
) -> None:
    schema = _schema(project)
    import_paths(project, [write_jsonl(tmp_path / "article.jsonl", [long_record(50)])])
    assert _schema(project) == schema
    (number, length), *_ = project.store.conn.execute("SELECT position, char_count FROM documents")
    with pytest.raises(sqlite3.IntegrityError, match="beyond the document text"):
        project.store.conn.execute(
            'INSERT INTO spans (uid, document, annotator, label, start, "end", origin,'
            " created_at, updated_at) VALUES ('s', ?, 'ali', 'PERSON', 0, ?, 'imported', '', '')",
            (number, length + 1),
        )


def test_a_span_written_in_bulk_past_its_text_fails_the_whole_transaction(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [write_jsonl(tmp_path / "first.jsonl", [short_record(0)])])
    before, schema = table_checksums(project.path), _schema(project)
    (number, length), *_ = project.store.conn.execute("SELECT position, char_count FROM documents")
    fits = ("fits", number, "ali", "GPE", 0, 3, "{}", "imported", "", "")
    beyond = ("beyond", number, "ali", "PERSON", 0, length + 1, "{}", "imported", "", "")
    message = f"end {length + 1} is beyond the end of the text"
    with (
        pytest.raises(InputError, match=message),
        project.transaction(),
        project.spans.ends_checked_in_bulk(),
    ):
        project.spans.add_checked([fits, beyond])
    assert table_checksums(project.path) == before
    assert _schema(project) == schema


def test_a_bulk_write_needs_a_transaction_to_belong_to(project: Project) -> None:
    with pytest.raises(RuntimeError, match="needs the caller's transaction"):
        project.spans.add_checked([])


def test_records_are_written_while_later_ones_are_still_unread(project: Project) -> None:
    total = 3 * importing.BATCH_RECORDS
    read = 0

    def records() -> Iterator[Record]:
        nonlocal read
        for number in range(total):
            read += 1
            record = short_record(number)
            text = str(record["text"])
            yield Record("news.jsonl", number + 1, "", text, {}, annotator="ali")

    read_when_told: list[int] = []
    import_records(project, records(), progress=lambda *_: read_when_told.append(read))
    assert read_when_told[0] <= importing.BATCH_RECORDS < total
    assert project.documents.count() == total


@pytest.mark.parametrize("where", ["the project", "this import"])
def test_two_values_for_one_span_are_refused_across_batches(
    project: Project, tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH_RECORDS", 1)  # each record a batch of its own
    text = "قال الوزير «سنبدأ غدا»."
    start = text.index("«")

    def quoted(kind: str) -> dict[str, object]:
        quote = {"start": start, "end": len(text) - 1, "label": "QUOTE", "attrs": {"kind": kind}}
        return {"text": text, "annotator": "ali", "spans": [quote]}

    if where == "the project":
        import_paths(project, [write_jsonl(tmp_path / "first.jsonl", [quoted("indirect")])])
    records = [quoted("direct"), short_record(1), quoted("indirect")]
    before = table_checksums(project.path)
    source = write_jsonl(tmp_path / "two.jsonl", records)
    with pytest.raises(AnnotateError) as refused:
        import_paths(project, [source])
    assert str(refused.value) == (
        f"{source}:3, field 'spans[0].attrs': the same span comes earlier in this import"
        " with another value of 'kind'"
    )
    assert table_checksums(project.path) == before


def test_an_unknown_label_is_refused_where_first_used_naming_every_one(
    project: Project, tmp_path: Path
) -> None:
    records = [short_record(n) for n in range(2 * importing.BATCH_RECORDS)]
    first, last = records[1], records[-1]
    first["spans"] = [{"start": 0, "end": 3, "label": "TEAM"}]
    last["spans"] = [{"start": 0, "end": 3, "label": "SPORT"}]
    last["relations"] = []
    before = table_checksums(project.path)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    with pytest.raises(AnnotateError) as refused:
        import_paths(project, [source])
    assert str(refused.value) == (
        f"{source}:2, field 'spans[0].label': unknown labels: SPORT, TEAM;"
        " add them to the schema or use --add-labels"
    )
    assert table_checksums(project.path) == before


def test_a_reimport_in_later_batches_finds_what_earlier_ones_wrote(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH_RECORDS", 1)
    article = long_record(spans=30)
    source = write_jsonl(tmp_path / "twice.jsonl", [article, short_record(0), article])
    report = import_paths(project, [source])
    assert (report.documents_added, report.documents_present) == (2, 0)
    assert (report.spans_added, report.spans_skipped) == (33, 31)
    assert (report.relations_added, report.relations_skipped) == (1, 1)


def _schema(project: Project) -> list[tuple[str, str, str]]:
    query = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    return project.store.conn.execute(query).fetchall()


def _counts(project: Project) -> tuple[int, ...]:
    conn = project.store.conn
    tables = ("documents", "spans", "relations")
    return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables)


def test_the_records_of_a_file_become_rows_as_the_native_format_says(
    project: Project, tmp_path: Path
) -> None:
    """A kept id stays the span's uid; one the project already uses is given a new uid,
    and the relations follow the span under its new uid."""
    record = long_record(spans=3)
    import_paths(project, [write_jsonl(tmp_path / "a.jsonl", [record])])
    other = {**record, "text": str(record["text"]) + " آخر"}
    import_paths(project, [write_jsonl(tmp_path / "b.jsonl", [other])])
    rows = project.store.conn.execute(
        "SELECT r.uid, h.uid, h.document, t.uid FROM relations r"
        " JOIN spans h ON h.uid = r.head JOIN spans t ON t.uid = r.tail ORDER BY h.rowid"
    ).fetchall()
    first, second = rows
    assert first[:2] == ("r", "q") and first[3] == "p0"
    assert second[0] != "r" and second[1] not in ("q", first[1]) and second[3] != "p0"
    assert project.spans.get(second[1]).label == "QUOTE"
    assert project.spans.get(second[3]).label == "PERSON"


def test_an_import_into_a_split_keeps_it_in_the_meta_of_the_documents_it_adds(
    project: Project, tmp_path: Path
) -> None:
    conll = tmp_path / "test.txt"
    conll.write_text("زار O\nسامي B-PERSON\nحمص B-GPE\n", encoding="utf-8")
    first = write_jsonl(tmp_path / "train.jsonl", [short_record(1)])
    import_paths(project, [first], split="train")
    report = import_paths(project, [conll, first], annotator="ali", split="test")
    metas = {
        title: json.loads(meta)
        for title, meta in project.store.conn.execute("SELECT title, meta FROM documents")
    }
    assert metas["test"] == {"tokenisation": "space-separated", "split": "test"}
    assert [meta["split"] for title, meta in metas.items() if title != "test"] == ["train"]
    assert report.notes[-1] == (
        "1 document(s) were already in the project and keep the split they had"
    )


def test_a_split_name_that_is_not_one_is_refused_before_anything_is_read(
    project: Project, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [short_record(1)])
    with pytest.raises(InputError) as refused:
        import_paths(project, [source], split="the test")
    assert str(refused.value) == (
        "field 'split': 'the test' is not a split name (letters, digits, _ and -, at most 40)"
    )
    assert project.documents.count() == 0
