"""The suggestions table a version 9 project gains (migration 0010), with spans and relations
made again to take the origin "suggested"; the decisions per analyst a version 10 project
gains (0011), keeping its decisions; and what the database itself refuses."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from annotate.checking import check_project
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from tests.helpers import (
    old_document,
    old_search_entry,
    old_span,
    older_project,
    table_checksums,
)

# Two short news sentences we wrote for these tests.
MINISTER = "قال وزير الزراعة سامي النجار إن الموسم سيكون جيدا."
VISIT = "وصل الوفد إلى القاهرة صباح اليوم."
STAMP = "2025-01-01T00:00:00+00:00"


def version_9_project(path: Path) -> None:
    """Spans in two documents (stored out of order), a relation, a comment on a span, one
    on a span since deleted, a flag, an assignment and a review decision."""
    conn = older_project(path, 9)
    with conn:
        for position, text in ((1, MINISTER), (2, VISIT)):
            old_document(conn, position, text)
            old_search_entry(conn, position, text)
        for uid, document, label, start, end in [
            ("z", 2, "GPE", 14, 21),
            ("q", 1, "QUOTE", 32, 50),
            ("p", 1, "PERSON", 17, 28),
        ]:
            old_span(conn, uid, document, label, start, end)
        conn.execute(
            "INSERT INTO relation_labels (name, position, english, arabic) VALUES"
            " ('SPEAKER', 1, 'Speaker', 'المتحدث')"
        )
        conn.execute(
            "INSERT INTO relations (uid, label, head, tail, origin, created_at, updated_at)"
            " VALUES ('r', 'SPEAKER', 'q', 'p', 'manual', ?, ?)",
            (STAMP, STAMP),
        )
        for uid, span, gone in (("c1", "p", ""), ("c2", "x", "PERSON ‘سامي’ of ali")):
            conn.execute(
                "INSERT INTO comments (uid, document, span, span_gone, author, body,"
                " created_at, changed_at) VALUES (?, 1, ?, ?, 'sara', 'هل هو الوزير؟', ?, ?)",
                (uid, span, gone, STAMP, STAMP),
            )
        conn.execute(
            "INSERT INTO flags (document, span, annotator, flag, flagged, changed_at)"
            " VALUES (1, 'p', 'ali', 'unsure', 1, ?)",
            (STAMP,),
        )
        conn.execute(
            "INSERT INTO assignments (document, annotator, assigned, changed_at)"
            " VALUES (2, 'ali', 1, ?)",
            (STAMP,),
        )
    conn.close()


def layer_schema(conn: sqlite3.Connection) -> dict[str, str]:
    """Every table, index and trigger of spans and relations, by name."""
    rows = conn.execute(
        "SELECT name, coalesce(sql, '') FROM sqlite_master"
        " WHERE tbl_name IN ('spans', 'relations') OR sql LIKE '% ON spans%'"
    )
    return dict(rows.fetchall())


def test_a_version_9_project_keeps_every_row_index_and_trigger(project_path: Path) -> None:
    version_9_project(project_path)
    kept = table_checksums(project_path)
    conn = sqlite3.connect(project_path)
    rows = {
        table: conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
        for table in ("spans", "relations", "comments")
    }
    schema_before = layer_schema(conn)
    conn.close()
    with Project.open(project_path) as opened:
        db = opened.store.conn
        assert opened.store.schema_version == SCHEMA_VERSION
        (before,) = project_path.with_name(project_path.name + ".backups").iterdir()
        assert before.name.startswith("test-version-9-")
        for table, stored in rows.items():
            assert db.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall() == stored
        suggested = "'adjudicated', 'suggested')"
        assert layer_schema(db) == {
            name: sql.replace("'adjudicated')", suggested) for name, sql in schema_before.items()
        }
        assert sum("'suggested'" in sql for sql in layer_schema(db).values()) == 2
        assert db.execute("SELECT count(*) FROM suggestions").fetchone() == (0,)
        assert [f.check for f in check_project(opened) if not f.ok] == []
    now = table_checksums(project_path)
    gained = {"_sqlite_migrations", "suggestions", "suggestion_decisions"}
    assert {t: s for t, s in now.items() if t not in gained} == {
        t: s for t, s in kept.items() if t not in gained
    }


def test_after_the_upgrade_the_triggers_still_work_and_spans_may_be_suggested(
    project_path: Path,
) -> None:
    version_9_project(project_path)
    with Project.open(project_path) as opened:
        db = opened.store.conn
        visit = opened.documents.resolve("2")
        opened.spans.remove("p")  # its relation goes, its comment remembers it
        assert db.execute("SELECT count(*) FROM relations").fetchone() == (0,)
        gone = db.execute("SELECT span_gone FROM comments WHERE uid = 'c1'").fetchone()[0]
        assert gone == "PERSON ‘سامي النجار’ of ali"
        db.execute(
            'INSERT INTO spans (uid, document, annotator, label, start, "end", origin,'
            " created_at, updated_at) VALUES ('p', 1, 'ali', 'PERSON', 17, 28, 'suggested', '', '')"
        )
        assert db.execute("SELECT span_gone FROM comments WHERE uid = 'c1'").fetchone() == ("",)
        with pytest.raises(sqlite3.IntegrityError, match="beyond the document text"):
            db.execute("UPDATE spans SET \"end\" = ? WHERE uid = 'z'", (len(VISIT) + 1,))
        with pytest.raises(sqlite3.IntegrityError, match="one document and annotator"):
            db.execute(
                "INSERT INTO relations (uid, label, head, tail, origin, created_at, updated_at)"
                " VALUES ('x', 'SPEAKER', 'q', 'z', 'suggested', '', '')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute("UPDATE spans SET origin = 'guessed' WHERE uid = 'z'")
        made = opened.spans.add(visit, "ali", "PERSON", 0, 3, origin="suggested")
        assert opened.spans.get(made.spans_added[0]).origin == "suggested"
        relation = opened.relations.add("SPEAKER", "q", "p", origin="suggested")
        assert opened.relations.get(relation.relations_added[0]).origin == "suggested"


def test_the_database_refuses_a_suggestion_it_cannot_hold(project: Project) -> None:
    project.documents.add(VISIT)
    db = project.store.conn
    insert = (
        'INSERT INTO suggestions (uid, document, label, start, "end", source, score,'
        " created_at) VALUES (?, 1, 'GPE', ?, ?, 'gazetteer', ?, '')"
    )
    db.execute(insert, ("a", 14, 21, None))
    refused = [
        (("b", 14, 21, None), "UNIQUE"),  # one place, one suggestion
        (("c", 14, len(VISIT) + 1, None), "beyond the document text"),
        (("d", 21, 14, None), "CHECK"),
        (("e", 0, 3, "high"), "CHECK"),
    ]
    for values, message in refused:
        with pytest.raises(sqlite3.IntegrityError, match=re.escape(message)):
            db.execute(insert, values)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            'INSERT INTO suggestions (uid, document, label, start, "end", source, created_at)'
            " VALUES ('j', 1, 'NOSUCH', 0, 3, 'gazetteer', '')"
        )


def test_the_database_refuses_a_decision_it_cannot_hold(project: Project) -> None:
    project.documents.add(VISIT)
    db = project.store.conn
    db.execute(
        'INSERT INTO suggestions (uid, document, label, start, "end", source, created_at)'
        " VALUES ('a', 1, 'GPE', 14, 21, 'gazetteer', '')"
    )
    insert = (
        "INSERT INTO suggestion_decisions (suggestion, annotator, state, span, decided_at)"
        " VALUES (?, ?, ?, ?, '')"
    )
    db.execute(insert, ("a", "ali", "rejected", ""))
    db.execute(insert, ("a", "sara", "accepted", "s1"))  # another analyst's
    refused = [
        (("a", "ali", "accepted", "s2"), "UNIQUE"),  # one analyst, one decision
        (("a", "huda", "maybe", ""), "CHECK"),
        (("a", "huda", "accepted", ""), "CHECK"),  # accepted, but no span
        (("a", "huda", "rejected", "s3"), "CHECK"),  # rejected, with a span
        (("a", " ", "rejected", ""), "CHECK"),  # decided by nobody
        (("x", "huda", "rejected", ""), "FOREIGN KEY"),
    ]
    for values, message in refused:
        with pytest.raises(sqlite3.IntegrityError, match=re.escape(message)):
            db.execute(insert, values)
    db.execute("DELETE FROM suggestions WHERE uid = 'a'")
    assert db.execute("SELECT count(*) FROM suggestion_decisions").fetchone() == (0,)


def version_10_project(path: Path) -> None:
    """Four suggestions of the same place apart: one rejected by ali, one accepted by sara
    (her span made of it), one open; and, where a decided one was suggested again, the
    same place twice: rejected by huda, then accepted by huda later and open again."""
    conn = older_project(path, 10)
    with conn:
        old_document(conn, 1, MINISTER)
        old_search_entry(conn, 1, MINISTER)
        old_span(conn, "p", 1, "PERSON", 17, 28)
        conn.execute("INSERT INTO annotators (name, created_at) VALUES ('sara', ?)", (STAMP,))
        conn.execute("UPDATE spans SET annotator = 'sara', origin = 'suggested'")
        for name in ("GPE", "TITLE"):
            conn.execute(
                "INSERT OR IGNORE INTO labels (name, position, english, arabic, colour)"
                " VALUES (?, 2, ?, ?, '#888888')",
                (name, name, name),
            )
        for uid, label, start, end, state, span, annotator, decided_at in [
            ("g1", "TITLE", 4, 16, "rejected", "", "ali", "2025-01-02T00:00:00+00:00"),
            ("g2", "PERSON", 17, 28, "accepted", "p", "sara", "2025-01-03T00:00:00+00:00"),
            ("g3", "GPE", 0, 3, "open", "", "", ""),
            ("g4", "GPE", 10, 16, "rejected", "", "huda", "2025-01-04T00:00:00+00:00"),
            ("g5", "GPE", 10, 16, "accepted", "q", "huda", "2025-01-05T00:00:00+00:00"),
            ("g6", "GPE", 10, 16, "open", "", "", ""),
        ]:
            conn.execute(
                'INSERT INTO suggestions (uid, document, label, start, "end", source, score,'
                " state, span, annotator, created_at, decided_at)"
                " VALUES (?, 1, ?, ?, ?, 'model:ner', 0.9, ?, ?, ?, ?, ?)",
                (uid, label, start, end, state, span, annotator, STAMP, decided_at),
            )
    conn.close()


def test_a_version_10_project_keeps_each_decision_as_its_analysts(project_path: Path) -> None:
    version_10_project(project_path)
    with Project.open(project_path) as opened:
        db = opened.store.conn
        assert opened.store.schema_version == SCHEMA_VERSION == 11
        assert db.execute(
            'SELECT rowid, uid, label, start, "end", source, score FROM suggestions ORDER BY rowid'
        ).fetchall() == [
            (1, "g1", "TITLE", 4, 16, "model:ner", 0.9),
            (2, "g2", "PERSON", 17, 28, "model:ner", 0.9),
            (3, "g3", "GPE", 0, 3, "model:ner", 0.9),
            (4, "g4", "GPE", 10, 16, "model:ner", 0.9),
        ]
        assert db.execute(
            "SELECT suggestion, annotator, state, span, decided_at FROM suggestion_decisions"
            " ORDER BY suggestion, annotator"
        ).fetchall() == [
            ("g1", "ali", "rejected", "", "2025-01-02T00:00:00+00:00"),
            ("g2", "sara", "accepted", "p", "2025-01-03T00:00:00+00:00"),
            ("g4", "huda", "accepted", "q", "2025-01-05T00:00:00+00:00"),  # the later one
        ]
        document = opened.documents.resolve("1")
        offered = opened.suggestions.open_for(document, "ali")
        assert [s.uid for s in offered] == ["g3", "g4", "g2"]  # all but the one ali rejected
        assert [s.uid for s in opened.suggestions.open_for(document, "sara")] == ["g3", "g1", "g4"]
        assert opened.suggestions.count_open() == 1
        assert opened.suggestions.stats("sara")["PERSON"]["accepted"] == 1
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert {
            "suggestions_by_document",
            "suggestions_once",
            "suggestions_end_within_text_on_insert",
            "suggestions_end_within_text_on_update",
        } <= names
        assert "suggestions_open_once" not in names
        with pytest.raises(sqlite3.IntegrityError, match="beyond the document text"):
            db.execute("UPDATE suggestions SET \"end\" = ? WHERE uid = 'g3'", (len(MINISTER) + 1,))
        assert [f.check for f in check_project(opened) if not f.ok] == []
