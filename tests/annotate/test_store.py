import shutil
import sqlite3
from pathlib import Path

import pytest

from annotate.checking import check_project
from annotate.errors import InputError, ProjectError
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from annotate.store import side_files
from tests.helpers import old_document, old_span, older_project, table_checksums

TEXT = "قال الوزير إن الاجتماع سيعقد غدا."


def add_document(project: Project, text: str = TEXT) -> str:
    return project.documents.add(text, "عنوان").documents_added[0]


def test_project_file_is_wal_with_foreign_keys_and_a_version(project: Project) -> None:
    conn = project.store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.store.schema_version == SCHEMA_VERSION


def test_document_uid_is_the_hash_and_text_is_stored_as_imported(project: Project) -> None:
    uid = project.documents.add("\ufeffسطر أول\r\nسطر ثان").documents_added[0]
    document = project.documents.get(uid)
    assert document.text == "سطر أول\nسطر ثان"
    assert project.documents.add("سطر أول\nسطر ثان").documents_added == ()
    assert project.documents.count() == 1


def test_documents_are_immutable_in_the_database(project: Project) -> None:
    uid = add_document(project)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        project.store.conn.execute("UPDATE documents SET text = 'x' WHERE uid = ?", (uid,))


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(5, 5, "CHECK"), (6, 2, "CHECK"), (-1, 3, "CHECK"), (0, len(TEXT) + 1, "beyond")],
)
def test_database_enforces_offsets(project: Project, start: int, end: int, message: str) -> None:
    uid = add_document(project)
    project.annotators.ensure("ali")
    with pytest.raises(sqlite3.IntegrityError, match=message):
        project.store.conn.execute(
            'INSERT INTO spans (uid, document, annotator, label, start, "end", origin,'
            " created_at, updated_at) VALUES ('s', (SELECT position FROM documents WHERE uid = ?),"
            " 'ali', 'PERSON', ?, ?, 'manual', '', '')",
            (uid, start, end),
        )


def test_span_at_the_very_end_of_the_text_is_allowed(project: Project) -> None:
    uid = add_document(project)
    added = project.spans.add(uid, "ali", "DATE", len(TEXT) - 4, len(TEXT))
    assert project.spans.get(added.spans_added[0]).end == len(TEXT)


def test_identical_span_of_the_same_annotator_is_refused(project: Project) -> None:
    uid = add_document(project)
    project.spans.add(uid, "ali", "PERSON", 4, 10)
    with pytest.raises(InputError, match="already has a PERSON span at 4-10"):
        project.spans.add(uid, "ali", "PERSON", 4, 10)
    project.spans.add(uid, "sara", "PERSON", 4, 10)
    project.spans.add(uid, "ali", "TITLE", 4, 10)
    assert len(project.spans.for_document(uid)) == 3


def test_overlapping_and_nested_spans_are_normal(project: Project) -> None:
    uid = add_document(project)
    project.spans.add(uid, "ali", "QUOTE", 0, len(TEXT), {"kind": "indirect"})
    project.spans.add(uid, "ali", "TITLE", 4, 10)
    project.spans.add(uid, "ali", "PERSON", 8, 14)
    assert [s.label for s in project.spans.for_document(uid, "ali")] == ["QUOTE", "TITLE", "PERSON"]


def test_unknown_label_and_bad_attribute_are_refused(project: Project) -> None:
    uid = add_document(project)
    with pytest.raises(InputError, match="unknown label 'SPORT'"):
        project.spans.add(uid, "ali", "SPORT", 0, 3)
    with pytest.raises(InputError, match="kind must be one of direct, indirect"):
        project.spans.add(uid, "ali", "QUOTE", 0, 3, {"kind": "loud"})


def test_relations_follow_the_schema_and_die_with_their_spans(project: Project) -> None:
    uid = add_document(project)
    quote = project.spans.add(uid, "ali", "QUOTE", 11, 33).spans_added[0]
    person = project.spans.add(uid, "ali", "PERSON", 4, 10).spans_added[0]
    other = project.spans.add(uid, "sara", "PERSON", 4, 10).spans_added[0]
    relation = project.relations.add("SPEAKER", quote, person).relations_added[0]
    with pytest.raises(InputError, match="SPEAKER cannot link PERSON to QUOTE"):
        project.relations.add("SPEAKER", person, quote)
    with pytest.raises(InputError, match="one document and annotator"):
        project.relations.add("SPEAKER", quote, other)
    changes = project.spans.remove(person)
    assert changes.relations_removed == (relation,)
    assert project.relations.for_document(uid) == []


def test_every_operation_is_committed_when_it_returns(project: Project, project_path: Path) -> None:
    uid = add_document(project)
    project.spans.add(uid, "ali", "PERSON", 4, 10)
    other = sqlite3.connect(project_path)
    assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
    other.close()


def test_a_store_left_to_checkpoint_when_idle_folds_its_log_in_only_when_told(
    tmp_path: Path,
) -> None:
    """SQLite folds the write-ahead log into the file inside the commit that takes it
    past 1,000 pages (one edit in about 200); the app leaves that to the analyst's
    pauses. Either way every commit is in the project at once."""
    texts = [f"نص رقم {number} عن المياه " * 300 for number in range(400)]  # 2,000+ pages
    for idle in (False, True):
        path = tmp_path / f"idle-{idle}.annotate"
        with Project.create(path) as project:
            if idle:
                project.store.checkpoint_when_idle()
            with project.transaction():
                for text in texts:
                    project.documents.add(text)
            assert project.documents.count() == 400
            assert documents_in_the_file_alone(path) == (0 if idle else 400)
            project.store.checkpoint()
            assert documents_in_the_file_alone(path) == 400


def documents_in_the_file_alone(path: Path) -> int:
    """The documents in the project file without its log: what checkpoints folded in."""
    copy = path.with_name("alone.annotate")
    for stale in (copy, *side_files(copy)):
        stale.unlink(missing_ok=True)
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'")
        if not tables.fetchone()[0]:
            return 0
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


def test_a_failed_transaction_changes_nothing(project: Project, project_path: Path) -> None:
    uid = add_document(project)
    before = table_checksums(project_path)
    with pytest.raises(InputError), project.transaction():
        project.spans.add(uid, "ali", "PERSON", 4, 10)
        project.spans.add(uid, "ali", "PERSON", 4, 10)
    assert table_checksums(project_path) == before


def test_status_per_annotator(project: Project) -> None:
    uid = add_document(project)
    assert project.documents.status(uid, "ali") == "new"
    changes = project.documents.set_status(uid, "ali", "done")
    assert changes.annotators_added == ("ali",)
    assert project.documents.status(uid, "ali") == "done"
    assert project.documents.summaries()[0].statuses == {"ali": "done"}


def test_document_reference_by_number_uid_or_prefix(project: Project) -> None:
    uid = add_document(project)
    assert project.documents.resolve("1") == uid
    assert project.documents.resolve(uid[:6]) == uid
    assert project.documents.resolve(uid.upper()) == uid


def test_newer_project_is_refused_and_left_untouched(project_path: Path) -> None:
    Project.create(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="newer version of this app"):
        Project.open(project_path)
    assert project_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"just some text", "not a SQLite database"), (b"", "not a SQLite database")],
)
def test_a_file_that_is_not_a_project_is_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.annotate"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert path.read_bytes() == content


def test_another_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="another kind"):
        Project.open(path)
    assert path.read_bytes() == before


def test_creating_over_an_existing_file_is_refused(project_path: Path) -> None:
    project_path.write_text("keep me")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(project_path)
    assert project_path.read_text() == "keep me"


def test_backup_is_a_working_project(project: Project, tmp_path: Path) -> None:
    uid = add_document(project)
    project.spans.add(uid, "ali", "PERSON", 4, 10)
    project.store.backup_to(tmp_path / "copy.annotate")
    with Project.open(tmp_path / "copy.annotate") as copy:
        assert [s.label for s in copy.spans.for_document(uid)] == ["PERSON"]


def test_a_version_1_project_gains_every_later_step(project_path: Path) -> None:
    conn = older_project(project_path, 1)
    with conn:
        uid = old_document(conn, 1, TEXT)
        old_span(conn, "s", uid, "PERSON", 4, 10)
    conn.close()
    with Project.open(project_path) as opened:
        assert opened.store.schema_version == SCHEMA_VERSION
        (before,) = project_path.with_name(project_path.name + ".backups").iterdir()
        assert before.name.startswith("test-version-1-")
        plan = opened.store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT uid FROM spans WHERE document = ? AND start < 20", (1,)
        ).fetchall()
        assert "spans_by_position" in str(plan)
        assert [s.start for s in opened.spans.overlapping(uid, 0, 20)] == [4]
        found = opened.store.conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH '\"الاجتماع\"'"
        ).fetchall()
        assert found == [(1,)]  # the document already there, indexed by the migration
        assert opened.store.conn.execute("SELECT count(*) FROM decisions").fetchone() == (0,)
        assert opened.assignments.current() == []


SECOND = "وصل الوفد إلى القاهرة صباح اليوم."


def test_a_version_5_project_keeps_every_span_and_relation_under_document_numbers(
    project_path: Path,
) -> None:
    conn = older_project(project_path, 5)
    with conn:
        first, second = old_document(conn, 1, TEXT), old_document(conn, 2, SECOND)
        for uid, document, label, start, end in [
            ("z", second, "GPE", 14, 21),
            ("a", second, "PERSON", 4, 9),
            ("q", first, "QUOTE", 0, 10),
            ("p", first, "PERSON", 4, 10),
        ]:
            old_span(conn, uid, document, label, start, end)
        conn.execute(
            "INSERT INTO relation_labels (name, position, english, arabic) VALUES"
            " ('SPEAKER', 1, 'Speaker', 'المتحدث')"
        )
        conn.execute(
            "INSERT INTO relations (uid, label, head, tail, origin, created_at, updated_at)"
            " VALUES ('r', 'SPEAKER', 'q', 'p', 'manual', '', '')"
        )
        conn.execute(
            "INSERT INTO document_status (document, annotator, status, updated_at)"
            " VALUES (?, 'ali', 'done', '')",
            (second,),
        )
    relations = conn.execute("SELECT rowid, * FROM relations").fetchall()
    spans = conn.execute("SELECT rowid, * FROM spans ORDER BY rowid").fetchall()
    conn.close()
    with Project.open(project_path) as opened:
        db = opened.store.conn
        assert opened.store.schema_version == SCHEMA_VERSION
        assert db.execute("SELECT rowid, * FROM relations").fetchall() == relations
        kept = db.execute(
            'SELECT s.rowid, s.uid, d.uid, s.annotator, s.label, s.start, s."end", s.attrs,'
            " s.origin, s.created_at, s.updated_at"
            " FROM spans s JOIN documents d ON d.position = s.document ORDER BY s.rowid"
        )
        assert kept.fetchall() == spans
        assert db.execute("SELECT uid, document, typeof(document) FROM spans").fetchall() == [
            ("z", 2, "integer"),
            ("a", 2, "integer"),
            ("q", 1, "integer"),
            ("p", 1, "integer"),
        ]
        assert [(s.uid, s.document) for s in opened.spans.for_document(second)] == [
            ("a", second),
            ("z", second),
        ]
        assert opened.spans.get("q").document == first
        assert opened.documents.summaries()[1].span_count == 2
        checked = {finding.check: finding.problems for finding in check_project(opened)}
        assert checked["span offsets in range"] == checked["relations follow the schema"] == []
        assert checked["foreign keys"] == checked["integrity_check"] == []
        with pytest.raises(InputError, match="beyond the end"):
            opened.spans.add(second, "ali", "GPE", 0, len(SECOND) + 1)
        with pytest.raises(sqlite3.IntegrityError, match="beyond the document text"):
            db.execute(
                'INSERT INTO spans (uid, document, annotator, label, start, "end", origin,'
                " created_at, updated_at) VALUES ('y', 2, 'ali', 'GPE', 0, ?, 'manual', '', '')",
                (len(SECOND) + 1,),
            )
        with pytest.raises(sqlite3.IntegrityError, match="beyond the document text"):
            db.execute("UPDATE spans SET \"end\" = ? WHERE uid = 'a'", (len(SECOND) + 1,))
        with pytest.raises(sqlite3.IntegrityError, match="one document and annotator"):
            db.execute(
                "INSERT INTO relations (uid, label, head, tail, origin, created_at, updated_at)"
                " VALUES ('x', 'SPEAKER', 'q', 'a', 'manual', '', '')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            db.execute("UPDATE documents SET position = 3 WHERE position = 2")
        opened.spans.remove("p")
        assert db.execute("SELECT count(*) FROM relations").fetchone() == (0,)


def test_summaries_for_one_annotator_count_only_their_work(project: Project) -> None:
    uid = add_document(project)
    project.spans.add(uid, "ali", "PERSON", 4, 10)
    project.spans.add(uid, "huda", "PERSON", 4, 10)
    project.spans.add(uid, "huda", "GPE", 0, 3)
    project.documents.set_status(uid, "huda", "done")
    (everyone,) = project.documents.summaries()
    (ali,) = project.documents.summaries("ali")
    assert (everyone.span_count, everyone.statuses) == (3, {"huda": "done"})
    assert (ali.span_count, ali.statuses) == (1, {})
