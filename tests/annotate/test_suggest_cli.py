"""`annotate suggest` and `annotate suggestions`: suggestions written from the project's
known mentions (or a model's predictions), and what analysts made of them."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.editing import Editor
from annotate.label_changes import rename_label, retire_label
from annotate.project import Project
from annotate.suggestions import Candidate
from tests.helpers import table_checksums

# News sentences we wrote for these tests.
KNOWN = "قال رئيس الوزراء سليم الحداد إنه سيزور كندا."
FIRST = "وصل سليم الحداد إلى عمان قادما من كندا."
SECOND = "وأكد الحداد أن بكندا جالية كبيرة."


@pytest.fixture
def project_file(project: Project) -> Path:
    """KNOWN with gold spans on سليم الحداد and كندا; FIRST and SECOND to suggest in."""
    known = project.documents.add(KNOWN, "المعروف").documents_added[0]
    project.documents.add(FIRST, "الأول")
    project.documents.add(SECOND, "الثاني")
    project.annotators.ensure("gold")
    project.annotators.ensure("ali")
    for words, label in (("سليم الحداد", "PERSON"), ("كندا", "GPE")):
        start = KNOWN.index(words)
        project.spans.add(known, "gold", label, start, start + len(words))
    return project.path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def stored(path: Path) -> list[tuple[object, ...]]:
    with Project.open(path) as opened:
        return opened.store.conn.execute(
            'SELECT document, label, start, "end", source, coalesce((SELECT group_concat('
            "x.state || ' by ' || x.annotator, ', ') FROM suggestion_decisions x"
            " WHERE x.suggestion = g.uid), 'open') FROM suggestions g ORDER BY document, start"
        ).fetchall()


def test_the_gazetteer_suggests_known_names_in_every_document(project_file: Path) -> None:
    code, output = run("suggest", str(project_file), "--gazetteer")
    assert code == 0, output
    assert output.splitlines() == [
        "gazetteer: 3 suggestions added in 2 documents",
        "note: 2 known mentions of gold",
        "open suggestions in the project: 3",
    ]
    name, canada, again = FIRST.index("سليم الحداد"), FIRST.index("كندا"), SECOND.index("كندا")
    assert stored(project_file) == [
        (2, "PERSON", name, name + 11, "gazetteer", "open"),
        (2, "GPE", canada, canada + 4, "gazetteer", "open"),
        (3, "GPE", again, again + 4, "gazetteer", "open"),  # بكندا: after the ب
    ]
    code, output = run("suggest", str(project_file), "--gazetteer", "--docs", "3")
    assert output.splitlines()[0] == (
        "gazetteer: 1 suggestion added in 1 document, 1 open from before replaced"
    )


def test_progress_lines_tell_each_document_searched_then_the_report(project_file: Path) -> None:
    """As the app reads them: a JSON line per document, then one with what was written."""
    code, output = run("suggest", str(project_file), "--gazetteer", "--progress-lines")
    assert code == 0, output
    assert [json.loads(line) for line in output.splitlines()] == [
        {"done": 1, "total": 3},
        {"done": 2, "total": 3},
        {"done": 3, "total": 3},
        {
            "suggested": [
                {
                    "source": "gazetteer",
                    "added": 3,
                    "documents": 2,
                    "replaced": 0,
                    "notes": ["2 known mentions of gold"],
                }
            ],
            "open": 3,
        },
    ]


def test_suggest_replaces_a_sources_open_suggestions_and_keeps_decisions(
    project_file: Path,
) -> None:
    run("suggest", str(project_file), "--gazetteer", "--docs", "الأول")
    with Project.open(project_file) as opened:
        first = opened.documents.find("الأول")
        person, _ = opened.suggestions.open_for(first, "ali")
        Editor(opened, "ali").reject_suggestion(person.uid)
    code, output = run("suggest", str(project_file), "--gazetteer", "--docs", "2", "--docs", "3")
    assert (code, output.splitlines()[0]) == (
        0,
        "gazetteer: 2 suggestions added in 2 documents, 1 open from before replaced",
    )
    assert [(label, state) for _, label, *_, state in stored(project_file)] == [
        ("PERSON", "rejected by ali"),  # not suggested again
        ("GPE", "open"),
        ("GPE", "open"),
    ]


def test_another_layer_is_the_gazetteer_with_from(project_file: Path) -> None:
    code, output = run("suggest", str(project_file), "--gazetteer", "--from", "ali")
    assert (code, output.splitlines()[:2]) == (
        0,
        ["gazetteer: 0 suggestions added in 0 documents", "note: 0 known mentions of ali"],
    )
    code, output = run("suggest", str(project_file), "--gazetteer", "--from", "all")
    assert "gazetteer: 3 suggestions added in 2 documents" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "error: field 'model_dir': give MODEL_DIR or --gazetteer (or both)"),
        (("--from", "gold"), "error: field 'from': --from goes with --gazetteer"),
        (
            ("--gazetteer", "--from", "sara"),
            "error: field 'from': no annotator 'sara' in the project: give gold, all or one"
            " of: ali",
        ),
        (("--gazetteer", "--docs", "9"), "error: no document number 9"),
    ],
)
def test_bad_arguments_say_what_is_wrong_and_change_nothing(
    project_file: Path, args: tuple[str, ...], message: str
) -> None:
    before = table_checksums(project_file)
    code, output = run("suggest", str(project_file), *args)
    assert (code, output.splitlines()) == (2, [message])
    assert table_checksums(project_file) == before


def predictor(monkeypatch: pytest.MonkeyPatch, predict: object) -> None:
    """annotate.training.predict as the model's part provides it, with this function."""
    module = types.ModuleType("annotate.training.predict")
    module.predict_candidates = predict  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "annotate.training.predict", module)


def test_without_training_support_a_model_dir_is_one_clear_error(
    project_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "annotate.training.predict", None)  # not installed
    (tmp_path / "model").mkdir()
    before = table_checksums(project_file)
    code, output = run("suggest", str(project_file), str(tmp_path / "model"), "--gazetteer")
    assert code == 2
    assert output.splitlines() == [
        "error: training support is not installed (annotate.training.predict is missing):"
        " suggestions from the project's known mentions need none (--gazetteer)"
    ]

    def needs_spacy(*args: object) -> object:
        raise ModuleNotFoundError("No module named 'spacy'", name="spacy")

    predictor(monkeypatch, needs_spacy)
    code, output = run("suggest", str(project_file), str(tmp_path / "model"))
    assert output.splitlines() == [
        "error: training support is not installed (spacy is missing: pip install"
        " 'arabic-annotate[formats]'): suggestions from the project's known mentions need"
        " none (--gazetteer)"
    ]
    assert table_checksums(project_file) == before


def test_a_models_predictions_become_suggestions_of_its_folder(
    project_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tmp_path / "ner-1"
    model.mkdir()
    asked: list[object] = []

    def predict(model_dir: Path, project: Project, documents: list[str]) -> object:
        asked.append((model_dir, documents))
        first, second = documents
        return {
            first: [Candidate("GPE", 20, 24, 0.87), Candidate("NORP", 0, 3, 0.5)],
            second: [Candidate("PERSON", 5, 11, 0.99)],
        }

    predictor(monkeypatch, predict)
    with Project.open(project_file) as opened:
        retire_label(opened, "NORP")
        documents = [opened.documents.find(name) for name in ("الأول", "الثاني")]
    code, output = run("suggest", str(project_file), str(model), "--docs", "2", "--docs", "3")
    assert output.splitlines() == [
        "model:ner-1: 2 suggestions added in 2 documents",
        "note: 1 of retired labels left out (NORP)",
        "open suggestions in the project: 2",
    ]
    assert asked == [(model, documents)]
    assert stored(project_file) == [
        (2, "GPE", 20, 24, "model:ner-1", "open"),
        (3, "PERSON", 5, 11, "model:ner-1", "open"),
    ]
    with Project.open(project_file) as opened:
        rename_label(opened, "GPE", "COUNTRY")  # after the model was trained
    canada = SECOND.index("كندا")
    predictor(monkeypatch, lambda *args: {documents[1]: [Candidate("GPE", canada, canada + 4)]})
    code, output = run("suggest", str(project_file), str(model), "--docs", "3")
    assert code == 0, output
    assert stored(project_file)[-1] == (3, "COUNTRY", canada, canada + 4, "model:ner-1", "open")
    predictor(monkeypatch, lambda *args: {documents[1]: [Candidate("CITY", 5, 11)]})
    before = table_checksums(project_file)
    code, output = run("suggest", str(project_file), str(model), "--docs", "3")
    assert (code, output.splitlines()) == (
        2,
        ["error: model:ner-1, document 3: field 'label': unknown label 'CITY'"],
    )
    predictor(monkeypatch, lambda *args: {"abc": [Candidate("GPE", 5, 11)]})
    code, output = run("suggest", str(project_file), str(model), "--docs", "3")
    assert output.splitlines() == [
        "error: model:ner-1, document abc: field 'document': no document abc in the project"
    ]
    assert table_checksums(project_file) == before


def test_suggestions_counts_what_analysts_made_of_them(project_file: Path) -> None:
    assert run("suggestions", str(project_file)) == (0, "no suggestions\n")
    run("suggest", str(project_file), "--gazetteer")
    with Project.open(project_file) as opened:
        first = opened.documents.find("الأول")
        person, canada = opened.suggestions.open_for(first, "ali")
        ali = Editor(opened, "ali")
        ali.accept_suggestion(person.uid)
        ali.accept_suggestion(canada.uid, "LOC")
    code, output = run("suggestions", str(project_file))
    assert (code, output.splitlines()) == (
        0,
        [
            "label        open   accepted  corrected   rejected",
            "PERSON          0          1          0          0",
            "GPE             1          0          1          0",
            "total           1          1          1          0",
        ],
    )
    code, output = run("suggestions", str(project_file), "--annotator", "gold", "--json")
    assert output.replace(" ", "").replace("\n", "") == (  # what gold has not decided
        '{"PERSON":{"open":1,"accepted":0,"corrected":0,"rejected":0},'
        '"GPE":{"open":2,"accepted":0,"corrected":0,"rejected":0}}'
    )
    assert run("suggestions", str(project_file), "--annotator", "sara") == (
        2,
        "error: field 'annotator': no annotator 'sara' in the project\n",
    )
