"""Assigning documents to analysts: `annotate assign` and `unassign`, the refusals that
change nothing, and the table a version 6 project gains for it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.checking import check_project
from annotate.cli import main
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from tests.helpers import (
    old_document,
    old_search_entry,
    old_span,
    older_project,
    table_checksums,
)

# Short news sentences we wrote for these tests.
MINISTER = "قال وزير الزراعة سامي النجار إن الموسم سيكون جيدا."
LIBRARY = "افتتحت بلدية طرابلس مكتبة عامة جديدة قرب الميناء."
UNIVERSITY = "أعلنت جامعة حلب عن منح دراسية للطلاب المتفوقين."


@pytest.fixture
def team(project_path: Path) -> Path:
    """Three articles (the last two with one title), ali and sara known as annotators."""
    with Project.create(project_path) as project:
        project.documents.add(MINISTER, "الوزير")
        project.documents.add(LIBRARY, "خبر محلي")
        project.documents.add(UNIVERSITY, "خبر محلي")
        for name in ("ali", "sara"):
            project.annotators.ensure(name)
    return project_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def assigned(path: Path) -> set[tuple[int, str, int, str]]:
    conn = sqlite3.connect(path)
    try:
        query = "SELECT document, annotator, assigned, changed_by FROM assignments"
        return set(conn.execute(query))
    finally:
        conn.close()


def uid(path: Path, number: int) -> str:
    with Project.open(path) as project:
        return project.documents.resolve(str(number))


def test_assign_names_documents_by_number_title_and_uid(team: Path) -> None:
    prefix = uid(team, 3)[:8]
    assert invoke("assign", str(team), "1", "الوزير", prefix, "--annotator", "ali") == (
        0,
        "assigned to ali: documents 1, 3\n",  # the title names the first: one line each
        "",
    )
    assert invoke("assign", str(team), "3", "2", "--annotator", "ali", "--by", "huda") == (
        0,
        "assigned to ali: document 2; already assigned to ali: document 3\n",
        "",
    )
    assert assigned(team) == {(1, "ali", 1, ""), (2, "ali", 1, "huda"), (3, "ali", 1, "")}
    with Project.open(team) as project:
        assert project.assignments.given_to("ali") == [uid(team, n) for n in (1, 2, 3)]
        first = project.assignments.current()[0]
        assert (first.document, first.annotator, first.assigned_by) == (uid(team, 1), "ali", "")


def test_unassign_keeps_the_withdrawal_and_the_work(team: Path) -> None:
    with Project.open(team) as project:
        first = uid(team, 1)
        project.spans.add(first, "ali", "PERSON", *_at(MINISTER, "سامي النجار"))
    invoke("assign", str(team), "1", "2", "--annotator", "ali")
    assert invoke("unassign", str(team), "1", "3", "--annotator", "ali", "--by", "huda") == (
        0,
        "unassigned from ali: document 1; not assigned to ali: document 3\n",
        "",
    )
    assert assigned(team) == {(1, "ali", 0, "huda"), (2, "ali", 1, "")}
    with Project.open(team) as project:
        assert project.assignments.given_to("ali") == [uid(team, 2)]
        assert len(project.spans.for_document(first, "ali")) == 1
    again = invoke("assign", str(team), "1", "--annotator", "ali")
    assert again == (0, "assigned to ali: document 1\n", "")
    assert assigned(team) == {(1, "ali", 1, ""), (2, "ali", 1, "")}


def _at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "99", "--annotator", "ali"], "error: no document number 99"),
        (
            ["1", "المكتبة", "--annotator", "ali"],
            "error: no document 'المكتبة': give its number or its title as `annotate list`"
            " shows them, or at least 6 characters of its uid",
        ),
        (["1", "abcdef12", "--annotator", "ali"], "error: no document 'abcdef12'"),
        (
            ["خبر محلي", "--annotator", "ali"],
            "error: 'خبر محلي' is the title of 2 documents (2, 3): give the number",
        ),
        (
            ["1", "--annotator", "salma"],
            "error: field 'annotator': no annotator 'salma' in test.annotate (its annotators:"
            " ali, sara); check the name, or add a new analyst with --add-annotator",
        ),
        (
            ["1", "--annotator", "gold", "--add-annotator"],
            "error: field 'annotator': 'gold' is the reviewed layer, not an analyst: assign"
            " documents to the analysts who annotate them",
        ),
        (
            ["1", "--annotator", "ali\u202e"],
            "error: field 'annotator': 'ali\\u202e' holds U+202E RIGHT-TO-LEFT OVERRIDE; a name"
            " cannot hold a bidi control, which reorders the text shown around it",
        ),
    ],
)
def test_a_document_or_analyst_it_cannot_find_is_one_line_and_changes_nothing(
    team: Path, args: list[str], message: str
) -> None:
    invoke("assign", str(team), "2", "--annotator", "sara")
    before = table_checksums(team)
    assert invoke("assign", str(team), *args) == (2, "", message + "\n")
    if "--add-annotator" not in args:  # an option of assign only
        assert invoke("unassign", str(team), *args) == (2, "", message + "\n")
    assert table_checksums(team) == before


def test_a_new_analyst_is_added_only_when_asked(team: Path) -> None:
    assert invoke("assign", str(team), "3", "--annotator", "omar", "--add-annotator") == (
        0,
        "assigned to omar: document 3\n",
        "",
    )
    with Project.open(team) as project:
        assert project.annotators.names() == ["ali", "omar", "sara"]


def test_a_version_6_project_gains_assignments_and_keeps_everything(project_path: Path) -> None:
    conn = older_project(project_path, 6)
    with conn:
        document = old_document(conn, 1, MINISTER)
        old_search_entry(conn, 1, MINISTER)
        stamp = "2025-01-01T00:00:00+00:00"
        old_span(conn, "s", 1, "PERSON", 17, 28)
        conn.execute(
            "INSERT INTO document_status (document, annotator, status, updated_at)"
            " VALUES (?, 'ali', 'done', ?)",
            (document, stamp),
        )
    conn.close()
    kept = table_checksums(project_path)
    with Project.open(project_path) as opened:
        assert opened.store.schema_version == SCHEMA_VERSION
        (before,) = project_path.with_name(project_path.name + ".backups").iterdir()
        assert before.name.startswith("test-version-6-")
        assert opened.assignments.current() == []
        outcome = opened.assignments.assign([document], "ali", "huda")
        assert outcome.changed == (document,)
        assert [s.uid for s in opened.spans.for_document(document)] == ["s"]
        assert opened.documents.status(document, "ali") == "done"
        assert [f.check for f in check_project(opened) if not f.ok] == []
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            opened.store.conn.execute(
                "INSERT INTO assignments (document, annotator, assigned, changed_at)"
                " VALUES (2, 'ali', 1, '')"
            )
    now = table_checksums(project_path)
    # the label tables gain an empty guideline column (0008, tests/annotate/test_guidelines.py)
    changed = {"_sqlite_migrations", "labels", "relation_labels"}
    assert {table: now[table] for table in kept if table not in changed} == {
        table: digest for table, digest in kept.items() if table not in changed
    }
    assert assigned(project_path) == {(1, "ali", 1, "huda")}
