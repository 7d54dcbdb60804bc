"""`annotate import --as-suggestions`: a file's spans, in any importable format, written as
suggestions for documents the project holds; anything else refused, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.formats import IMPORT_FORMATS
from annotate.project import Project
from tests.helpers import table_checksums

# News sentences we wrote for these tests (no punctuation: every span is whole tokens).
TEXTS = [
    "قال سليم الحداد إن كندا وقعت اتفاقا في عمان",
    "وصلت الوزيرة ندا سليمان إلى القاهرة أمس",
]
SPANS = [
    [("PERSON", "سليم الحداد"), ("GPE", "كندا"), ("GPE", "عمان")],
    [("PERSON", "ندا سليمان"), ("GPE", "القاهرة")],
]
EXPORTED = {  # each importable format but plain text, and where its export puts the file
    "jsonl": "out.jsonl",
    "conll": "out.conll",
    "conll-nested": "out.conll",
    "brat": "out",
    "doccano": "out.jsonl",
    "label-studio": "out.json",
}


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    return result.exit_code, result.output


def record(text: str, spans: list[tuple[str, str]], **more: object) -> str:
    found = [
        {"label": label, "start": text.index(words), "end": text.index(words) + len(words)}
        for label, words in spans
    ]
    return json.dumps({"text": text, "spans": found, **more}, ensure_ascii=False)


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    """A project where ali annotated both sentences."""
    path = tmp_path / "source.annotate"
    lines = [record(t, s, annotator="ali") for t, s in zip(TEXTS, SPANS, strict=True)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("init", path)[0] == 0
    assert run("import", path, tmp_path / "in.jsonl")[0] == 0
    return path


def spans_and_suggestions(path: Path) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    with Project.open(path) as opened:
        db = opened.store.conn
        spans = db.execute('SELECT document, label, start, "end" FROM spans').fetchall()
        suggested = db.execute('SELECT document, label, start, "end" FROM suggestions')
        return set(spans), set(suggested.fetchall())


@pytest.mark.parametrize("fmt", sorted(EXPORTED))
def test_every_importable_format_gives_its_spans_as_suggestions(
    annotated: Path, tmp_path: Path, fmt: str
) -> None:
    assert set(EXPORTED) == set(IMPORT_FORMATS) - {"txt"}
    exported = tmp_path / "export" / EXPORTED[fmt]
    exported.parent.mkdir()
    code, output = run("export", annotated, exported, "--format", fmt, "--source", "ali")
    assert code == 0, output
    target = tmp_path / "target.annotate"
    run("init", target)
    assert run("import", target, exported, "--format", fmt, "--annotator", "ali")[0] == 0
    with Project.open(target) as opened:  # the same documents, without their spans
        spans, _ = spans_and_suggestions(target)
        opened.store.conn.execute("DELETE FROM spans")
    code, output = run("import", target, exported, "--format", fmt, "--as-suggestions")
    assert code == 0, output
    assert output.splitlines()[0] == "suggestions: 5 added to 2 documents"
    assert spans_and_suggestions(target) == (set(), spans)
    with Project.open(target) as opened:
        sources = opened.store.conn.execute("SELECT DISTINCT source FROM suggestions")
        named = {source for (source,) in sources}
    files = {path.name for path in exported.parent.rglob("*")}  # brat: a file per document
    assert named and {name.removeprefix("import:") for name in named} <= files


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A project holding both sentences, with no spans."""
    path = tmp_path / "target.annotate"
    (tmp_path / "texts.jsonl").write_text(
        "\n".join(json.dumps({"text": text}, ensure_ascii=False) for text in TEXTS) + "\n",
        encoding="utf-8",
    )
    run("init", path)
    run("import", path, tmp_path / "texts.jsonl")
    return path


def test_suggestions_are_stored_at_their_offsets_once(target: Path, tmp_path: Path) -> None:
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(record(TEXTS[0], SPANS[0]) + "\n", encoding="utf-8")
    code, output = run("import", target, predictions, "--as-suggestions")
    assert (code, output) == (0, "suggestions: 3 added to 1 document\n")
    with Project.open(target) as opened:
        rows = opened.store.conn.execute(
            'SELECT document, label, start, "end", source FROM suggestions ORDER BY start'
        ).fetchall()
        assert opened.suggestions.count_open() == 3
    assert rows == [
        (1, "PERSON", 4, 15, "import:predictions.jsonl"),
        (1, "GPE", 19, 23, "import:predictions.jsonl"),
        (1, "GPE", 39, 43, "import:predictions.jsonl"),
    ]
    assert TEXTS[0][4:15] == "سليم الحداد" and TEXTS[0][39:43] == "عمان"
    code, output = run("import", target, predictions, "--as-suggestions")
    assert output == "suggestions: 0 added to 0 documents, 3 suggested already skipped\n"


def test_relations_are_left_out_and_said_so(target: Path, tmp_path: Path) -> None:
    text = TEXTS[0]
    line = {
        "text": text,
        "spans": [
            {"id": "q", "label": "QUOTE", "start": 16, "end": 43},
            {"id": "p", "label": "PERSON", "start": 4, "end": 15},
        ],
        "relations": [{"label": "SPEAKER", "head": "q", "tail": "p"}],
    }
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    code, output = run("import", target, predictions, "--as-suggestions")
    assert (code, output.splitlines()) == (
        0,
        ["suggestions: 2 added to 1 document", "note: 1 relation left out (not suggested)"],
    )


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            [record(TEXTS[0], SPANS[0]), record("نص لم يستورد بعد", [])],
            "predictions.jsonl:2, field 'text': this text is not a document of the project:"
            " suggestions are for documents imported already (import the text first, without"
            " --as-suggestions)",
        ),
        (
            [record(TEXTS[1], [("PERSON", "ندا سليمان"), ("CITY", "القاهرة")])],
            "predictions.jsonl:1, field 'spans[1].label': unknown label 'CITY'",
        ),
        (
            [json.dumps({"text": TEXTS[1], "spans": [{"label": "GPE", "start": 30, "end": 99}]})],
            "predictions.jsonl:1, field 'spans[0].end': offset 99 is outside the text (0-39)",
        ),
    ],
)
def test_bad_input_is_one_message_and_writes_nothing(
    target: Path, tmp_path: Path, lines: list[str], message: str
) -> None:
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = table_checksums(target)
    code, output = run("import", target, predictions, "--as-suggestions")
    assert (code, output.splitlines()) == (2, [f"error: {tmp_path}/{message}"])
    assert table_checksums(target) == before


@pytest.mark.parametrize("option", [("--annotator", "ali"), ("--add-labels",)])
def test_options_of_a_real_import_are_refused(
    target: Path, tmp_path: Path, option: tuple[str, ...]
) -> None:
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(record(TEXTS[0], SPANS[0]) + "\n", encoding="utf-8")
    code, output = run("import", target, predictions, "--as-suggestions", *option)
    name = option[0][2:]
    assert (code, output) == (
        2,
        f"error: field '{name}': --{name} does not go with --as-suggestions\n",
    )


def region(text: str, region_id: str, label: str, words: str, **more: object) -> dict[str, object]:
    """A Label Studio labels result over the words."""
    start = text.index(words)
    value = {"start": start, "end": start + len(words), "text": words, "labels": [label]}
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels"} | {
        "value": value,
        **more,
    }


def label_studio_file(tmp_path: Path, predictions: list[dict[str, object]]) -> Path:
    """One task of the first sentence: nobody's annotation, the predictions given."""
    task = {"id": 1, "data": {"text": TEXTS[0]}, "annotations": [], "predictions": predictions}
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def test_label_studio_predictions_become_suggestions_with_their_scores(
    target: Path, tmp_path: Path
) -> None:
    text = TEXTS[0]
    tasks = label_studio_file(
        tmp_path,
        [
            {
                "model_version": "ner-1",
                "score": 0.7,
                "result": [
                    region(text, "a", "PERSON", "سليم الحداد", score=0.93),
                    region(text, "b", "GPE", "كندا"),  # the prediction's score
                ],
            },
            {"model_version": "ner-2", "result": [region(text, "c", "GPE", "عمان")]},
        ],
    )
    code, output = run("import", target, tasks, "--as-suggestions")
    assert (code, output) == (0, "suggestions: 3 added to 1 document\n")
    with Project.open(target) as opened:
        rows = opened.store.conn.execute(
            'SELECT label, start, "end", score, source FROM suggestions ORDER BY start'
        ).fetchall()
    assert rows == [
        ("PERSON", 4, 15, 0.93, "import:tasks.json"),
        ("GPE", 19, 23, 0.7, "import:tasks.json"),
        ("GPE", 39, 43, None, "import:tasks.json"),
    ]
    fresh = tmp_path / "fresh.annotate"  # a real import leaves a model's predictions out
    run("init", fresh)
    assert run("import", fresh, tasks)[0] == 0
    assert spans_and_suggestions(fresh) == (set(), set())


def test_a_label_studio_score_that_is_no_number_is_refused_where_it_is(
    target: Path, tmp_path: Path
) -> None:
    text = TEXTS[0]
    result = [region(text, "a", "PERSON", "سليم الحداد"), region(text, "b", "GPE", "كندا")]
    result[1]["score"] = "high"
    tasks = label_studio_file(tmp_path, [{"model_version": "ner-1", "result": result}])
    before = table_checksums(target)
    code, output = run("import", target, tasks, "--as-suggestions")
    assert (code, output) == (
        2,
        f"error: {tasks}:1, field '[0].predictions[0].result[1].score': expected a number as"
        ' the score, got "high"\n',
    )
    assert table_checksums(target) == before
