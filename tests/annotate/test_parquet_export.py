"""Parquet export, read back by pyarrow and by Hugging Face datasets (offline)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.export_files import export_corpus
from annotate.corpus.formats import parquet
from annotate.project import Project
from tests.conftest import ARABIC_SENTENCE

# Pieces of ARABIC_SENTENCE with tatweel, harakat (shadda, fatha, damma) and emoji.
PIECES = {
    "الوزيـــر": "TITLE",
    "محمّد العلي": "PERSON",
    "إنّ الاتفاق سيُوقّع في 2026": "QUOTE",
    "المنظمة 🌍 في القاهرة": "ORG",
    "القاهرة 😀": "GPE",
    "قالَ": "CUE",
}
SPAN_TYPE = pa.struct(
    [
        ("id", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("label", pa.string()),
        ("text", pa.string()),
        ("attrs", pa.string()),
    ]
)
RELATION_TYPE = pa.struct(
    [("id", pa.string()), ("label", pa.string()), ("head", pa.string()), ("tail", pa.string())]
)


def fill(project: Project) -> dict[str, str]:
    """The sentence annotated by ali, one more document, and {label: span uid}."""
    uid = project.documents.add(ARABIC_SENTENCE, "خبر", meta={"source": "تجربة"}).documents_added[0]
    marked = {}
    for piece, label in PIECES.items():
        start = ARABIC_SENTENCE.index(piece)
        attrs = {"kind": "indirect"} if label == "QUOTE" else None
        changes = project.spans.add(uid, "ali", label, start, start + len(piece), attrs)
        marked[label] = changes.spans_added[0]
    project.relations.add("SPEAKER", marked["QUOTE"], marked["PERSON"], "manual")
    project.documents.add("نص لم يعلّق عليه أحد بعد.", "بلا تعليق")
    return marked


def test_rows_spans_and_relations_read_back_with_pyarrow(project: Project, tmp_path: Path) -> None:
    marked = fill(project)
    out = tmp_path / "corpus.parquet"
    report = export_corpus(project, out, "parquet")
    assert report.notes == []
    table = pq.read_table(out)
    assert table.schema.field("spans").type == pa.list_(SPAN_TYPE)
    assert table.schema.field("relations").type == pa.list_(RELATION_TYPE)
    annotated, untouched = table.to_pylist()
    assert (annotated["text"], annotated["title"], annotated["annotator"]) == (
        ARABIC_SENTENCE,
        "خبر",
        "ali",
    )
    assert json.loads(annotated["meta"]) == {"source": "تجربة"}
    assert sorted(s["label"] for s in annotated["spans"]) == sorted(PIECES.values())
    for span in annotated["spans"]:
        assert annotated["text"][span["start"] : span["end"]] == span["text"]
        assert PIECES[span["text"]] == span["label"]
    (quote,) = [s for s in annotated["spans"] if s["label"] == "QUOTE"]
    assert json.loads(quote["attrs"]) == {"kind": "indirect"}
    (relation,) = annotated["relations"]
    assert (relation["label"], relation["head"], relation["tail"]) == (
        "SPEAKER",
        marked["QUOTE"],
        marked["PERSON"],
    )
    assert (untouched["annotator"], untouched["spans"], untouched["relations"]) == (None, [], [])


def test_an_empty_corpus_keeps_the_column_types(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    export_corpus(project, out, "parquet")
    table = pq.read_table(out)
    assert table.num_rows == 0
    assert table.schema.names == ["id", "title", "text", "annotator", "meta", "spans", "relations"]
    assert table.schema.field("spans").type == pa.list_(SPAN_TYPE)


def test_rows_are_written_a_batch_at_a_time(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "BATCH_ROWS", 2)
    for n in range(5):
        project.documents.add(f"خبر رقم {n} عن الطقس.", f"طقس {n}")
    out = tmp_path / "corpus.parquet"
    export_corpus(project, out, "parquet")
    assert pq.ParquetFile(out).metadata.num_row_groups == 3
    assert pq.read_table(out).column("title").to_pylist() == [f"طقس {n}" for n in range(5)]


def test_a_batch_of_long_or_dense_documents_is_closed_early(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row group closes at the row that takes its texts to BATCH_CHARS characters or its
    spans to BATCH_SPANS, so long or densely annotated documents never fill a batch of
    BATCH_ROWS rows in memory."""
    monkeypatch.setattr(parquet, "BATCH_CHARS", 100)
    monkeypatch.setattr(parquet, "BATCH_SPANS", 4)
    lengths_and_spans = [(60, 0), (30, 1), (20, 0), (150, 0), (10, 3), (5, 1), (5, 0), (95, 0)]
    for n, (length, spans) in enumerate(lengths_and_spans):
        text = ("مطر " * length)[:length] + str(n)
        uid = project.documents.add(text, f"طقس {n}").documents_added[0]
        for start in range(spans):
            project.spans.add(uid, "ali", "DATE", start, start + 1)
    out = tmp_path / "corpus.parquet"
    export_corpus(project, out, "parquet")
    metadata = pq.ParquetFile(out).metadata
    rows = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert rows == [3, 1, 2, 2]
    assert pq.read_table(out).column("title").to_pylist() == [f"طقس {n}" for n in range(8)]


def test_hugging_face_datasets_loads_it_offline(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "hf"
    for name in ("HF_DATASETS_OFFLINE", "HF_HUB_OFFLINE"):
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("HF_HOME", str(home))
    monkeypatch.setenv("HF_DATASETS_CACHE", str(home / "datasets"))
    import datasets  # after the environment is set: it reads it on import

    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True, raising=False)
    fill(project)
    out = tmp_path / "corpus.parquet"
    export_corpus(project, out, "parquet")
    loaded = datasets.load_dataset(
        "parquet", data_files=str(out), split="train", cache_dir=str(home / "datasets")
    )
    assert loaded.num_rows == 2
    row = loaded[0]
    assert row["text"] == ARABIC_SENTENCE and row["annotator"] == "ali"
    assert len(row["spans"]) == len(PIECES)
    for span in row["spans"]:
        assert row["text"][span["start"] : span["end"]] == span["text"]
    assert loaded[1]["annotator"] is None


def test_split_keeps_documents_apart_and_repeats_with_the_seed(
    project: Project, tmp_path: Path
) -> None:
    fill(project)
    for n in range(6):
        project.documents.add(f"خبر رقم {n} عن الطقس في المدينة.", f"طقس {n}")
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        export_corpus(project, folder, "parquet", split="train=0.5,test=0.5", seed=7)
    train, test = (
        set(pq.read_table(first / f"{name}.parquet").column("id").to_pylist())
        for name in ("train", "test")
    )
    assert train and test and not train & test and len(train | test) == 8
    for name in ("train", "test"):
        assert pq.read_table(second / f"{name}.parquet").equals(
            pq.read_table(first / f"{name}.parquet")
        )


def test_cli_export(project: Project, project_path: Path, tmp_path: Path) -> None:
    fill(project)
    out = tmp_path / "corpus.parquet"
    result = CliRunner().invoke(
        main, ["export", str(project_path), str(out), "--format", "parquet"]
    )
    assert result.exit_code == 0, result.output
    assert f"exported 2 records to {out}" in result.output
    assert pq.read_table(out).num_rows == 2
