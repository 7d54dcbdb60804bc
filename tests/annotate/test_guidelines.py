"""Annotation guidelines in the schema: each label's definition in English and Arabic and
its examples, read and checked from TOML, stored in the project, kept by a merge, and the
empty guidelines a version 7 project gains."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.errors import InputError
from annotate.merge.merging import merge_projects
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from annotate.schema import Example, Guide, load_schema
from tests.helpers import old_document, older_project, table_checksums

# A schema and a sentence we wrote for these tests.
GUIDED = """\
[[labels]]
name = "PERSON"
english = "Person"
arabic = "شخص"
definition.english = "A named person, without titles."
definition.arabic = "اسم شخص دون الألقاب."
examples = [
  { text = "قال الرئيس [سليم الحداد] إن الاتفاق قريب.", english = "No title", arabic = "بلا لقب" },
]

[[relations]]
name = "SPEAKER"
english = "Speaker"
arabic = "المتحدث"
definition.english = "Who said a quote."
"""
PERSON_GUIDE = Guide(
    english="A named person, without titles.",
    arabic="اسم شخص دون الألقاب.",
    examples=(Example("قال الرئيس [سليم الحداد] إن الاتفاق قريب.", "No title", "بلا لقب"),),
)
MINISTER = "قال وزير الزراعة سامي النجار إن الموسم سيكون جيدا."
LABEL = '[[labels]]\nname = "PERSON"\nenglish = "Person"\narabic = "شخص"\n'


def test_every_default_label_has_a_definition_and_examples_in_both_languages() -> None:
    schema = load_schema()
    for label in (*schema.labels, *schema.relations):
        guide = label.guide
        assert guide.english and guide.arabic, label.name
        assert guide.examples, label.name
        assert all(e.text and e.english and e.arabic for e in guide.examples), label.name
    person = schema.labels[0].guide
    assert person.examples[0].text == "قال الرئيس [سليم الحداد] إن الاتفاق قريب."
    assert "titles" in person.english and "الألقاب" in person.arabic


def test_guidelines_are_read_and_stored_in_the_project(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(GUIDED, encoding="utf-8")
    schema = load_schema(path)
    assert schema.labels[0].guide == PERSON_GUIDE
    assert schema.relations[0].guide == Guide(english="Who said a quote.")
    with Project.create(tmp_path / "p.annotate", schema) as project:
        stored = project.labels.schema()
    assert stored.labels[0].guide == PERSON_GUIDE
    assert stored.relations[0].guide.definition("arabic") == "Who said a quote."


def test_init_with_a_schema_takes_its_guidelines(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(GUIDED, encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "p.annotate"), "--schema", str(path)])
    assert result.exit_code == 0, result.output
    with Project.open(tmp_path / "p.annotate") as project:
        assert project.labels.span_label("PERSON").guide == PERSON_GUIDE  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("toml", "line", "field", "words"),
    [
        (LABEL + 'definition = "a person"\n', 5, "labels[0].definition", "expected a table"),
        (LABEL + 'definition.french = "x"\n', 5, "labels[0].definition.french", "unknown field"),
        (LABEL + "definition.arabic = 3\n", 5, "labels[0].definition.arabic", "string"),
        (LABEL + 'examples = "قال"\n', 5, "labels[0].examples", "list of tables"),
        (
            LABEL + 'examples = [{ text = "قال سليم الحداد" }]\n',
            5,
            "labels[0].examples[0].text",
            "[square brackets]",
        ),
        (
            LABEL + 'examples = [{ text = "[سليم", english = "x" }]\n',
            5,
            "labels[0].examples[0].text",
            "[square brackets]",
        ),
        (
            LABEL + 'examples = [{ text = "[سليم]", note = "x" }]\n',
            5,
            "labels[0].examples[0].note",
            "unknown field",
        ),
        (
            LABEL + LABEL.replace("PERSON", "ORG") + "\ndefinition.english = 7\n",
            10,
            "labels[1].definition.english",
            "string",
        ),
    ],
)
def test_a_bad_guideline_names_the_file_line_and_field(
    tmp_path: Path, toml: str, line: int, field: str, words: str
) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_schema(path)
    assert (raised.value.file, raised.value.line, raised.value.field) == (str(path), line, field)
    assert words in raised.value.message
    assert str(raised.value).startswith(f"{path}:{line}, field {field!r}: ")


def test_a_bad_schema_file_makes_no_project(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(LABEL + "definition.arabic = 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "p.annotate"), "--schema", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}:5, field 'labels[0].definition.arabic': expected a non-empty string\n"
    )
    assert not (tmp_path / "p.annotate").exists()


def test_a_merge_brings_a_new_labels_guidelines(tmp_path: Path) -> None:
    path = tmp_path / "schema.toml"
    path.write_text(GUIDED, encoding="utf-8")
    other = tmp_path / "other.annotate"
    Project.create(other, load_schema(path)).close()
    bare = load_schema(path)
    bare_path = tmp_path / "bare.toml"
    bare_path.write_text(LABEL.replace("PERSON", "ORG"), encoding="utf-8")
    with Project.create(tmp_path / "p.annotate", load_schema(bare_path)) as project:
        merge_projects(project, [other])
        assert project.labels.span_label("PERSON").guide == PERSON_GUIDE  # type: ignore[union-attr]
        assert project.labels.relation_label("SPEAKER").guide == bare.relations[0].guide  # type: ignore[union-attr]


def test_a_version_7_project_gains_empty_guidelines_and_keeps_everything(
    project_path: Path,
) -> None:
    conn = older_project(project_path, 7)
    with conn:
        document = old_document(conn, 1, MINISTER)
        stamp = "2025-01-01T00:00:00+00:00"
        conn.execute("INSERT INTO annotators (name, created_at) VALUES ('ali', ?)", (stamp,))
        conn.execute(
            "INSERT INTO labels (name, position, english, arabic, colour, key)"
            " VALUES ('PERSON', 1, 'Person', 'شخص', '#888888', 'p')"
        )
        conn.execute(
            "INSERT INTO relation_labels (name, position, english, arabic)"
            " VALUES ('SPEAKER', 1, 'Speaker', 'المتحدث')"
        )
        conn.execute(
            'INSERT INTO spans (uid, document, annotator, label, start, "end", origin,'
            " created_at, updated_at) VALUES ('s', 1, 'ali', 'PERSON', 17, 28, 'manual', ?, ?)",
            (stamp, stamp),
        )
    conn.close()
    kept = table_checksums(project_path)
    with Project.open(project_path) as opened:
        assert opened.store.schema_version == SCHEMA_VERSION
        schema = opened.labels.schema()
        assert [(label.name, label.key, label.guide, label.retired) for label in schema.labels] == [
            ("PERSON", "p", Guide(), False)
        ]
        assert opened.labels.renames() == {}
        assert [(r.name, r.guide) for r in schema.relations] == [("SPEAKER", Guide())]
        assert [(s.uid, s.label, s.start, s.end) for s in opened.spans.for_document(document)] == [
            ("s", "PERSON", 17, 28)
        ]
    now = table_checksums(project_path)
    changed = {"_sqlite_migrations", "labels", "relation_labels"}
    assert {table: now[table] for table in kept if table not in changed} == {
        table: digest for table, digest in kept.items() if table not in changed
    }
