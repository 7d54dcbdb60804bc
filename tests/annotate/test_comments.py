"""Comments and flags on spans and documents: adding, resolving, flagging, what deleting a
span does to them, undo, and the tables a version 7 project gains for them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotate.checking import check_project
from annotate.commenting import comment_step, flag_step, resolve_step
from annotate.comments import Comment
from annotate.editing import Editor
from annotate.errors import AnnotateError, InputError
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from tests.helpers import (
    old_document,
    old_search_entry,
    old_span,
    older_project,
    table_checksums,
)

# A short news sentence we wrote for these tests.
MINISTER = "قال وزير الزراعة سامي النجار إن الموسم سيكون جيدا."
NAME = (17, 28)  # سامي النجار


@pytest.fixture
def article(project: Project) -> tuple[Project, str, str]:
    """The sentence, with ali's PERSON span on the minister's name."""
    document = project.documents.add(MINISTER, "الوزير").documents_added[0]
    project.annotators.ensure("ali")
    span = project.spans.add(document, "ali", "PERSON", *NAME).spans_added[0]
    return project, document, span


def test_a_comment_on_a_span_is_stored_resolved_and_reopened(
    article: tuple[Project, str, str],
) -> None:
    project, document, span = article
    editor = Editor(project, "ali")
    changes = editor.history.take(comment_step(document, "ali", "  هل هو الوزير؟ ", span))
    assert changes.comments_changed == (document,)
    (comment,) = project.comments.for_span(span)
    assert (comment.author, comment.body, comment.span, comment.resolved) == (
        "ali",
        "هل هو الوزير؟",
        span,
        False,
    )
    editor.history.take(resolve_step(project, comment.uid, "sara"))
    resolved = project.comments.get(comment.uid)
    assert (resolved.resolved, resolved.resolved_by) == (True, "sara")
    assert resolved.shown().endswith("\u2068هل هو الوزير؟\u2069 [resolved by sara]")
    editor.history.undo()
    assert not project.comments.get(comment.uid).resolved
    editor.history.undo()
    assert project.comments.for_document(document) == []
    editor.history.redo()
    assert [c.uid for c in project.comments.for_document(document)] == [comment.uid]


def test_a_comment_on_the_document_has_no_span(article: tuple[Project, str, str]) -> None:
    project, document, _ = article
    Editor(project, "ali").history.take(comment_step(document, "ali", "المصدر غير واضح"))
    (comment,) = project.comments.for_document(document)
    assert (comment.span, comment.on_span) == ("", False)


@pytest.mark.parametrize(
    ("body", "author", "message"),
    [
        ("   ", "ali", "field 'comment': a comment needs some text"),
        ("نص", " ", "field 'author': a comment needs its author's name"),
        ("نص", "ali\u202e", "field 'author': 'ali\\u202e' holds U+202E"),
    ],
)
def test_a_bad_comment_is_refused_and_changes_nothing(
    article: tuple[Project, str, str], project_path: Path, body: str, author: str, message: str
) -> None:
    project, document, span = article
    before = table_checksums(project_path)
    with pytest.raises(InputError) as refused:
        Editor(project, "ali").history.take(comment_step(document, author, body, span))
    assert str(refused.value).startswith(message)
    assert table_checksums(project_path) == before


def test_a_comment_on_a_span_of_another_document_is_refused(
    article: tuple[Project, str, str],
) -> None:
    project, _, span = article
    other = project.documents.add("خبر آخر عن الطقس.", "الطقس").documents_added[0]
    with pytest.raises(AnnotateError, match=f"span {span} is not in document {other}"):
        project.comments.add(Comment("c1", other, span, "", "ali", "نص", "2026-01-01"))


def test_flags_are_set_and_cleared_per_analyst_and_undone(
    article: tuple[Project, str, str],
) -> None:
    project, document, span = article
    editor = Editor(project, "ali")
    editor.history.take(flag_step(project, document, span, "ali", "unsure"))
    editor.history.take(flag_step(project, document, "", "sara", "needs discussion"))
    marks = {(m.span, m.annotator, m.flag) for m in project.comments.flags_for_document(document)}
    assert marks == {(span, "ali", "unsure"), ("", "sara", "needs discussion")}
    editor.history.take(flag_step(project, document, span, "ali", "unsure"))  # toggled off
    assert not project.comments.is_flagged(document, span, "ali", "unsure")
    editor.history.undo()
    assert project.comments.is_flagged(document, span, "ali", "unsure")
    with pytest.raises(InputError, match="no flag 'wrong'; the flags are unsure, needs disc"):
        project.comments.set_flag(document, span, "ali", "wrong", True)


def test_deleting_a_span_keeps_its_comments_on_the_document_until_undo(
    article: tuple[Project, str, str],
) -> None:
    project, document, span = article
    editor = Editor(project, "ali")
    editor.history.take(comment_step(document, "sara", "الاسم ناقص", span))
    editor.history.take(flag_step(project, document, span, "ali", "unsure"))
    editor.remove_span(span)
    (kept,) = project.comments.for_document(document)
    assert (kept.span_gone, kept.on_span) == ("PERSON ‘سامي النجار’ of ali", False)
    assert "(on a deleted span: \u2068PERSON ‘سامي النجار’ of ali\u2069)" in kept.shown()
    assert project.comments.for_span(span) == []
    assert project.comments.flags_for_document(document) == []  # no flag on nothing
    editor.history.undo()
    assert [c.body for c in project.comments.for_span(span)] == ["الاسم ناقص"]
    assert [m.flag for m in project.comments.flags_for_document(document)] == ["unsure"]


def test_a_version_7_project_gains_comments_and_keeps_everything(project_path: Path) -> None:
    conn = older_project(project_path, 7)
    with conn:
        document = old_document(conn, 1, MINISTER)
        old_search_entry(conn, 1, MINISTER)
        stamp = "2025-01-01T00:00:00+00:00"
        old_span(conn, "s", 1, "PERSON", 17, 28)
        conn.execute(
            "INSERT INTO assignments (document, annotator, assigned, changed_at)"
            " VALUES (1, 'ali', 1, ?)",
            (stamp,),
        )
    conn.close()
    kept = table_checksums(project_path)
    with Project.open(project_path) as opened:
        assert opened.store.schema_version == SCHEMA_VERSION
        (before,) = project_path.with_name(project_path.name + ".backups").iterdir()
        assert before.name.startswith("test-version-7-")
        assert opened.comments.for_document(document) == []
        Editor(opened, "ali").history.take(comment_step(document, "ali", "نعم", "s"))
        assert [c.span for c in opened.comments.for_span("s")] == ["s"]
        assert [f.check for f in check_project(opened) if not f.ok] == []
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            opened.store.conn.execute(
                "INSERT INTO comments (uid, document, author, body, created_at, changed_at)"
                " VALUES ('x', 2, 'ali', 'نص', '', '')"
            )
    now = table_checksums(project_path)
    gained = ("_sqlite_migrations", "comments", "labels", "relation_labels")  # 0008's columns
    unchanged = {t for t in kept if t not in gained}
    assert {t: now[t] for t in unchanged} == {t: kept[t] for t in unchanged}


def test_a_project_without_comments_spends_no_page_on_them(project: Project) -> None:
    """Two tables and three indexes of one page each, whatever the number of spans."""
    document = project.documents.add(MINISTER, "الوزير").documents_added[0]
    project.annotators.ensure("ali")
    for start in range(0, 40, 2):
        project.spans.add(document, "ali", "PERSON", start, start + 1)
    pages = project.store.conn.execute(
        "SELECT name, count(*) FROM dbstat WHERE name LIKE '%comments%' OR name = 'flags'"
        " GROUP BY name"
    ).fetchall()
    assert dict(pages) == {
        "comments": 1,
        "comments_by_document": 1,
        "comments_by_span": 1,
        "flags": 1,
        "sqlite_autoindex_comments_1": 1,
    }
