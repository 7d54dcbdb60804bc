"""`annotate second-look`: the possible misses and errors of a project, for a reviewer at
a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bidi import get_display
from click.testing import CliRunner, Result

from annotate.cli import main
from annotate.project import Project
from annotate.terminal import for_terminal
from tests.annotate.test_second_look import OTHER, TEXT, mark, suggest
from tests.helpers import table_checksums

REFUSED = "error: field 'min-score': expected a number from 0 to 1"
SUMMARY = "(suggestions of model: and import: sources scored {} or more, or unscored)"


@pytest.fixture
def project_file(project: Project) -> Path:
    """Two documents: in the first Ali's TITLE is the model's PERSON and nobody marked
    سامي الحداد; in the second Huda's ORG is shorter than the model's."""
    first = project.documents.add(TEXT, "المؤتمر").documents_added[0]
    second = project.documents.add(f"{OTHER} {TEXT}", "الوصول").documents_added[0]
    mark(project, first, "ali", "TITLE", "وزير الخارجية")
    suggest(project, first, "PERSON", "وزير الخارجية", 0.9)
    suggest(project, first, "PERSON", "سامي الحداد", 0.95)
    suggest(project, first, "GPE", "عمّان", 0.6)
    both = f"{OTHER} {TEXT}"
    start = both.index("النور للطيران")
    project.spans.add(second, "huda", "ORG", start, start + len("النور للطيران"))
    suggest(project, second, "ORG", "شركة النور للطيران", None, "import:preds.jsonl", both)
    return project.path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["second-look", *args])


def test_each_place_is_a_line_with_its_document_offsets_and_text(project_file: Path) -> None:
    result = run(str(project_file), "--visual", "never")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "    1  4-17  possible error  ali: TITLE; PERSON (model:ner 0.90)  وزير الخارجية",
        "    1  18-29  possible miss   PERSON (model:ner 0.95)  سامي الحداد",
        "    2  92-105  possible error  huda: ORG; ORG 87-105 (import:preds.jsonl no score)"
        "  النور للطيران",
    ]
    assert result.stderr == f"1 possible miss, 2 possible errors in 2 documents {SUMMARY}\n".format(
        0.8
    )


def test_the_arabic_is_in_visual_order_for_a_terminal(project_file: Path) -> None:
    result = run(str(project_file), "--visual", "always")
    line = result.stdout.splitlines()[1]
    shown = for_terminal("سامي الحداد", True)
    assert line == f"    1  18-29  possible miss   PERSON (model:ner 0.95)  {shown}"
    assert "سامي" not in line and "ﺳﺎﻣﻲ" in get_display(shown)  # shaped, then reversed


def test_a_lower_threshold_and_one_document(project_file: Path) -> None:
    result = run(str(project_file), "--min-score", "0.5", "--doc", "1", "--visual", "never")
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["4-17", "18-29", "40-45"]
    assert result.stderr == f"2 possible misses, 1 possible error in 1 document {SUMMARY}\n".format(
        0.5
    )


def test_json_has_every_field_of_a_place(project_file: Path) -> None:
    result = run(str(project_file), "--json")
    places = json.loads(result.stdout)
    with Project.open(project_file) as opened:
        second = opened.documents.resolve("2")
    assert [p["why"] for p in places] == ["label", "miss", "bounds"]
    assert places[2] == {
        "document": 2,
        "uid": second,
        "kind": "error",
        "why": "bounds",
        "start": 92,
        "end": 105,
        "text": "النور للطيران",
        "label": "ORG",
        "annotator": "huda",
        "suggestion": {
            "label": "ORG",
            "start": 87,
            "end": 105,
            "score": None,
            "source": "import:preds.jsonl",
            "decisions": [],
        },
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-score", "1.5"], f"{REFUSED}, got 1.5"),
        (["--min-score", "nan"], f"{REFUSED}, got nan"),
        (["--doc", "9"], "error: no document number 9"),
    ],
)
def test_bad_options_are_one_line_and_change_nothing(
    project_file: Path, args: list[str], message: str
) -> None:
    before = table_checksums(project_file)
    result = run(str(project_file), *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert table_checksums(project_file) == before
