"""Changing the labels of an existing project: `annotate labels PROJECT rename/colour/
retire/attribute`. Every change keeps every span; a renamed label's old name still merges
and imports; a retired label keeps its spans and takes no new one; bad input changes
nothing."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.exporting import export_jsonl
from annotate.corpus.importing import import_paths
from annotate.editing import Editor
from annotate.errors import InputError
from annotate.label_changes import (
    add_attribute_values,
    recolour_label,
    rename_label,
    retire_label,
)
from annotate.merge.merging import merge_projects
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.disagreements import document_items
from tests.annotate.test_review import TEXT, disagreeing_document, place
from tests.helpers import table_checksums

SPAN_ROWS = (
    'SELECT uid, document, annotator, label, start, "end", attrs, origin, created_at,'
    " updated_at FROM spans ORDER BY uid"
)


def rows(path: Path, query: str = SPAN_ROWS) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def renamed(before: list[tuple[object, ...]], old: str, new: str) -> list[tuple[object, ...]]:
    return [(*row[:3], new if row[3] == old else row[3], *row[4:]) for row in before]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def reviewed(project_path: Path) -> Path:
    """Ali and Huda's disagreeing article, with three items decided."""
    with Project.create(project_path) as project:
        document = disagreeing_document(project)
        review = Review(project, "reviewer")
        label, bounds, _, relation, _, _ = document_items(project, document)
        review.accept(label, "huda")  # "وزير الخارجية" as huda's PERSON
        review.accept(bounds, "ali")
        review.accept(relation, "ali")
    return project_path


def test_a_rename_follows_every_span_rule_and_decision(reviewed: Path) -> None:
    spans = rows(reviewed)
    relations = rows(reviewed, "SELECT * FROM relations ORDER BY uid")
    decisions = rows(reviewed, "SELECT document, decision, spans FROM decisions ORDER BY 1, 2, 3")
    with Project.open(reviewed) as project:
        document = project.documents.find("1")
        outcome = rename_label(project, "PERSON", "PER")
        assert (outcome.spans, outcome.decisions) == (6, 2)  # the third holds no PERSON
        keys = {item.key for item in document_items(project, document)}
        decided = {str(key) for (key,) in project.store.conn.execute("SELECT item FROM decisions")}
        assert len(decided) == 3 and decided <= keys
        speaker = project.labels.relation_label("SPEAKER")
        assert speaker is not None and speaker.tails == ("PER", "ORG", "GPE", "NORP")
        person = project.labels.span_label("PER")
        assert person is not None and (person.key, person.english) == ("p", "Person")
        assert project.labels.span_label("PERSON") is None
    assert rows(reviewed) == renamed(spans, "PERSON", "PER")
    assert rows(reviewed, "SELECT * FROM relations ORDER BY uid") == relations
    assert rows(reviewed, "SELECT document, decision, spans FROM decisions ORDER BY 1, 2, 3") == (
        decisions
    )
    assert rows(reviewed, "SELECT old, new FROM label_renames") == [("PERSON", "PER")]


def test_renaming_back_and_on_keeps_one_former_name_each(reviewed: Path) -> None:
    spans = rows(reviewed)
    with Project.open(reviewed) as project:
        rename_label(project, "PERSON", "PER")
        rename_label(project, "PER", "NAME")
        assert project.labels.renames() == {"PERSON": "NAME", "PER": "NAME"}
        rename_label(project, "NAME", "PERSON")
        assert project.labels.renames() == {"PER": "PERSON", "NAME": "PERSON"}
    assert rows(reviewed) == spans


def test_a_copy_made_before_a_rename_merges_under_the_new_name(
    reviewed: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.annotate"
    shutil.copy(reviewed, copy)
    with Project.open(copy) as old:  # sara goes on in her copy, which still says PERSON
        document = old.documents.find("1")
        Editor(old, "sara").add_span(document, "PERSON", *place("ريم ناصر"))
    with Project.open(reviewed) as project:
        rename_label(project, "PERSON", "PER")
        before = rows(reviewed)
        report = merge_projects(project, [copy])
        assert report.labels_added == []
        assert (report.spans_added, report.spans_identical) == (1, len(before))
        assert report.conflicts == []
        assert [label.name for label in project.labels.schema().labels][:2] == ["PER", "ORG"]
    after = rows(reviewed)
    (added,) = [row for row in after if row not in before]
    assert (added[2], added[3], TEXT[added[4] : added[5]]) == ("sara", "PER", "ريم ناصر")


def test_merging_a_renamed_project_renames_the_label_in_an_older_copy(
    reviewed: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.annotate"
    shutil.copy(reviewed, copy)
    spans = rows(copy)
    with Project.open(reviewed) as project:
        rename_label(project, "PERSON", "PER")
    with Project.open(copy) as old:
        report = merge_projects(old, [reviewed])
        assert report.labels_added == []
        assert report.spans_identical == len(spans)
        assert old.labels.span_label("PERSON") is None
        assert old.labels.renames() == {"PERSON": "PER"}
    assert rows(copy) == renamed(spans, "PERSON", "PER")


def test_an_import_that_names_the_old_label_gets_the_new_one(
    reviewed: Path, tmp_path: Path
) -> None:
    with Project.open(reviewed) as project:
        rename_label(project, "PERSON", "PER")
    record = {"text": "التقى سامي الحداد بالصحفيين.", "annotator": "omar"}
    record["spans"] = [{"label": "PERSON", "start": 6, "end": 17}]
    source = tmp_path / "old.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.open(reviewed) as project:
        report = import_paths(project, [source])
        assert report.labels_added == []
        document = project.documents.find("2")
        assert [(s.label, s.start, s.end) for s in project.spans.for_document(document)] == [
            ("PER", 6, 17)
        ]


def test_a_retired_label_keeps_its_spans_is_exported_and_takes_no_new_one(
    reviewed: Path,
) -> None:
    spans = rows(reviewed)
    with Project.open(reviewed) as project:
        retire_label(project, "GPE")
        document = project.documents.find("1")
        editor = Editor(project, "ali")
        with pytest.raises(InputError) as refused:
            editor.add_span(document, "GPE", *place("مؤتمر صحفي"))
        assert str(refused.value) == (
            "field 'label': label GPE is retired: the spans made before keep it, new spans"
            " cannot take it"
        )
        person = next(s for s in project.spans.layer(document, "ali") if s.label == "PERSON")
        with pytest.raises(InputError, match="label GPE is retired"):
            editor.relabel(person.uid, "GPE")
        amman = next(s for s in project.spans.layer(document, "ali") if s.label == "GPE")
        editor.remove_span(amman.uid)
        editor.history.undo()  # a retired label's span comes back as it was
        out = io.StringIO()
        export_jsonl(project, out)
        labels = [
            s["label"] for line in out.getvalue().splitlines() for s in json.loads(line)["spans"]
        ]
        assert labels.count("GPE") == 2
        retire_label(project, "GPE", retired=False)
        editor.add_span(document, "GPE", *place("مؤتمر صحفي"))
    undated = [row[:8] for row in spans]  # undo stamps the span it puts back anew
    (added,) = [row for row in rows(reviewed) if row[:8] not in undated]
    assert (added[2], added[3], TEXT[added[4] : added[5]]) == ("ali", "GPE", "مؤتمر صحفي")


def test_a_recoloured_label_and_a_new_attribute_value_keep_every_span(reviewed: Path) -> None:
    spans = rows(reviewed)
    with Project.open(reviewed) as project:
        recolour_label(project, "QUOTE", "#AA3366")
        assert add_attribute_values(project, "QUOTE", "kind", ["mixed", "direct"]) == 1
        assert add_attribute_values(project, "PERSON", "role", ["official", "witness"]) == 2
        quote = project.labels.span_label("QUOTE")
        assert quote is not None and quote.colour == "#aa3366"
        assert quote.attributes == {"kind": ["direct", "indirect", "mixed"]}
        person = project.labels.span_label("PERSON")
        assert person is not None and person.attributes == {"role": ["official", "witness"]}
    assert rows(reviewed) == spans
    with Project.open(reviewed) as project:
        document = project.documents.find("1")
        quote = next(s for s in project.spans.layer(document, "ali") if s.label == "QUOTE")
        Editor(project, "ali").set_attrs(quote.uid, {"kind": "mixed"})
        assert project.spans.get(quote.uid).attrs == {"kind": "mixed"}


def test_the_labels_command_lists_and_changes_labels(reviewed: Path) -> None:
    path = str(reviewed)
    assert invoke("labels", path, "rename", "PERSON", "PER") == (
        0,
        "renamed PERSON to PER: 6 spans; 2 review decisions follow it\n",
        "",
    )
    assert invoke("labels", path, "colour", "PER", "#AA0000") == (0, "PER is now #aa0000\n", "")
    assert invoke("labels", path, "retire", "EVENT") == (
        0,
        "retired EVENT: its spans keep it\n",
        "",
    )
    assert invoke("labels", path, "attribute", "QUOTE", "kind", "mixed") == (
        0,
        "QUOTE kind: direct, indirect, mixed\n",
        "",
    )
    code, out, _ = invoke("labels", path)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "PER  [p]  #aa0000  Person · شخص  6 spans  formerly PERSON"
    assert lines[4] == "EVENT  [e]  #e9c46a  Event · حدث  0 spans  retired"
    assert lines[8] == "QUOTE  [q]  #a8dadc  Quote · اقتباس  5 spans  kind: direct, indirect, mixed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rename", "PERSON", "ORG"), "field 'new': ORG is already a label; labels are not merged"),
        (
            ("rename", "PERSON", "2nd"),
            "field 'new': a label name is 1-40 letters, digits, _ or -, starting with a letter,"
            " not '2nd'",
        ),
        (("rename", "PEOPLE", "PER"), "field 'old': no span label 'PEOPLE' in the project"),
        (
            ("colour", "PERSON", "orange"),
            "field 'colour': a colour looks like #1f77b4, not 'orange'",
        ),
        (("colour", "SPEAKER", "#aa0000"), "field 'name': no span label 'SPEAKER' in the project"),
        (("retire", "PERSON", "--undo"), "field 'name': label PERSON is not retired"),
        (
            ("attribute", "QUOTE", "kind", "direct"),
            "field 'values': QUOTE kind already allows direct",
        ),
        (("attribute", "QUOTE", " ", "x"), "field 'attribute': an attribute needs a name"),
        (
            ("attribute", "QUOTE", "kind", ""),
            "field 'values': give one or more values, none of them empty",
        ),
    ],
)
def test_bad_input_names_the_argument_and_changes_nothing(
    reviewed: Path, args: tuple[str, ...], message: str
) -> None:
    kept = table_checksums(reviewed)
    assert invoke("labels", str(reviewed), *args) == (2, "", f"error: {message}\n")
    assert table_checksums(reviewed) == kept


def test_a_former_name_is_told_when_asked_for(reviewed: Path) -> None:
    invoke("labels", str(reviewed), "rename", "PERSON", "PER")
    kept = table_checksums(reviewed)
    assert invoke("labels", str(reviewed), "retire", "PERSON") == (
        2,
        "",
        "error: field 'name': no span label 'PERSON' in the project (renamed PERSON → PER)\n",
    )
    assert table_checksums(reviewed) == kept
