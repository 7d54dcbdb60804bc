"""`annotate merge`: analysts' project files brought together by uid, all or nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotate.checking import check_project
from annotate.cli import main
from annotate.commenting import comment_step, flag_step, resolve_step
from annotate.corpus.importing import import_paths
from annotate.editing import Editor
from annotate.errors import ProjectError
from annotate.merge.merging import merge_projects
from annotate.merge.report import MergeReport
from annotate.migrations import SCHEMA_VERSION
from annotate.project import Project
from annotate.schema import RelationLabel, Schema, SpanLabel
from annotate.searching import search_documents
from tests.helpers import table_checksums

# Short news sentences we wrote for these tests.
MINISTER = "قال وزير الزراعة سامي النجار إن «الموسم سيكون جيدا» في مؤتمر صحفي بعمّان."
LIBRARY = "افتتحت بلدية طرابلس مكتبة عامة جديدة قرب الميناء."
UNIVERSITY = "أعلنت جامعة حلب عن منح دراسية للطلاب المتفوقين."


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def uid_of(project: Project, text: str) -> str:
    return next(
        d.uid for d in project.documents.summaries() if project.documents.get(d.uid).text == text
    )


def add(project: Project, text: str, annotator: str, label: str, phrase: str) -> str:
    start, end = at(text, phrase)
    return project.spans.add(uid_of(project, text), annotator, label, start, end).spans_added[0]


def rows(path: Path, query: str) -> set[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute(query))
    finally:
        conn.close()


SPANS = (
    'SELECT s.uid, d.uid, s.annotator, s.label, s.start, s."end", s.attrs, s.origin, s.created_at,'
    " s.updated_at FROM spans s JOIN documents d ON d.position = s.document"
)
RELATIONS = "SELECT uid, label, head, tail, attrs, origin, created_at, updated_at FROM relations"
DOCUMENTS = "SELECT uid, title, text, meta FROM documents"
STATUSES = "SELECT document, annotator, status, updated_at FROM document_status"
ASSIGNMENTS = (
    "SELECT d.uid, a.annotator, a.assigned, a.changed_by, a.changed_at"
    " FROM assignments a JOIN documents d ON d.position = a.document"
)


@pytest.fixture
def ali(tmp_path: Path) -> Path:
    """Ali's project: two articles, a speaker and his quote, the first marked done."""
    path = tmp_path / "ali.annotate"
    with Project.create(path) as project:
        project.documents.add(MINISTER, "الوزير")
        project.documents.add(LIBRARY, "المكتبة")
        person = add(project, MINISTER, "ali", "PERSON", "سامي النجار")
        quote = add(project, MINISTER, "ali", "QUOTE", "«الموسم سيكون جيدا»")
        project.relations.add("SPEAKER", quote, person)
        add(project, LIBRARY, "ali", "GPE", "طرابلس")
        project.documents.set_status(uid_of(project, MINISTER), "ali", "done")
    return path


@pytest.fixture
def sara(ali: Path, tmp_path: Path) -> Path:
    """Sara began from a copy of Ali's file (so his spans keep their uids there), added a
    third article and annotated as herself."""
    path = tmp_path / "sara.annotate"
    with Project.open(ali) as project:
        project.store.backup_to(path)
    with Project.open(path) as project:
        project.documents.add(UNIVERSITY, "الجامعة")
        add(project, UNIVERSITY, "sara", "ORG", "جامعة حلب")
        add(project, MINISTER, "sara", "PERSON", "سامي النجار")
        project.documents.set_status(uid_of(project, UNIVERSITY), "sara", "in_progress")
    return path


@pytest.fixture
def omar(tmp_path: Path) -> Path:
    """Omar made his own project of the same articles: the same documents, other uids."""
    path = tmp_path / "omar.annotate"
    with Project.create(path) as project:
        project.documents.add(LIBRARY, "مكتبة طرابلس")
        project.documents.add(MINISTER, "وزير الزراعة")
        add(project, LIBRARY, "omar", "ORG", "بلدية طرابلس")
    return path


@pytest.fixture
def review(tmp_path: Path) -> Path:
    path = tmp_path / "review.annotate"
    Project.create(path).close()
    return path


def merged(target: Path, *others: Path, progress: Any = None) -> MergeReport:
    with Project.open(target) as project:
        report = merge_projects(project, list(others), progress)
        assert all(finding.ok for finding in check_project(project)), check_project(project)
    return report


def test_documents_numbered_otherwise_in_the_other_file_are_matched_by_uid(
    ali: Path, omar: Path
) -> None:
    """Omar imported the library article first: his document 1 is Ali's document 2."""
    report = merged(ali, omar)
    assert (report.documents_present, report.spans_added) == (2, 1)
    assert rows(ali, SPANS) >= rows(omar, SPANS)
    with Project.open(ali) as project:
        library, minister = uid_of(project, LIBRARY), uid_of(project, MINISTER)
        assert project.documents.get(library).position == 2
        shown = {
            (s.annotator, s.label, LIBRARY[s.start : s.end])
            for s in project.spans.for_document(library)
        }
        assert shown == {("ali", "GPE", "طرابلس"), ("omar", "ORG", "بلدية طرابلس")}
        assert {s.annotator for s in project.spans.for_document(minister)} == {"ali"}


def test_merge_brings_every_analysts_work_together(
    ali: Path, sara: Path, omar: Path, review: Path
) -> None:
    steps: list[tuple[int, int]] = []
    report = merged(review, ali, sara, omar, progress=lambda *step: steps.append(step))
    sources = (ali, sara, omar)
    assert rows(review, SPANS) == set().union(*(rows(p, SPANS) for p in sources))
    assert rows(review, RELATIONS) == rows(ali, RELATIONS)
    assert rows(review, STATUSES) == rows(sara, STATUSES)  # Sara's copy holds Ali's too
    assert rows(review, "SELECT name FROM annotators") == {("ali",), ("sara",), ("omar",)}
    assert rows(review, "SELECT position, text FROM documents") == {
        (1, MINISTER),
        (2, LIBRARY),
        (3, UNIVERSITY),
    }
    assert rows(review, DOCUMENTS) == rows(sara, DOCUMENTS)  # the first title seen is kept
    assert (report.documents_added, report.documents_present) == (3, 4)
    assert (report.spans_added, report.spans_identical) == (6, 3)
    assert (report.relations_added, report.relations_identical) == (1, 1)
    assert report.annotators_added == ["ali", "sara", "omar"]
    assert report.statuses_updated == 2
    assert report.conflicts == [] and report.notes == [] and report.labels_added == []
    assert steps[0] == (0, 18) and steps[-1] == (18, 18)  # documents, spans, relations


def test_merging_the_same_files_again_changes_nothing(
    ali: Path, sara: Path, omar: Path, review: Path
) -> None:
    merged(review, ali, sara, omar)
    before = table_checksums(review)
    result = CliRunner().invoke(main, ["merge", str(review), str(ali), str(sara), str(omar)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "documents: 0 added, 7 already present",
        "spans: 0 added, 0 updated, 0 kept as they were, 9 identical, "
        "0 already present under another uid",
        "relations: 0 added, 0 updated, 0 kept as they were, 2 identical, "
        "0 already present under another uid, 0 left out",
        "statuses: 0 updated",
        "assignments: 0 updated",
        "comments: 0 added or updated",
        "flags: 0 updated",
        "suggestions: 0 added, 0 decisions added or updated",
        "conflicts: 0",
    ]
    assert table_checksums(review) == before


def test_a_span_edited_in_both_copies_keeps_the_newer_edit_and_is_reported(
    ali: Path, sara: Path, review: Path
) -> None:
    with Project.open(ali) as project:
        person = project.spans.find(
            uid_of(project, MINISTER), "ali", "PERSON", *at(MINISTER, "سامي النجار")
        )
        assert person is not None
        project.spans.update(person, end=at(MINISTER, "سامي")[1])
    with Project.open(sara) as project:
        project.spans.update(person, label="ORG")  # later than Ali's edit
        sara_version = project.spans.get(person)
    merged(review, ali)
    report = merged(review, sara)
    with Project.open(review) as project:
        assert project.spans.get(person) == sara_version
    (conflict,) = report.conflicts
    assert (conflict.file, conflict.span, conflict.annotator) == (str(sara), person, "ali")
    assert (conflict.title, conflict.differs, conflict.kept) == (
        "الوزير",
        ("label", "offsets"),
        "theirs",
    )
    assert conflict.theirs_updated_at > conflict.ours_updated_at
    assert (report.spans_updated, report.spans_kept) == (1, 0)
    again = CliRunner().invoke(main, ["merge", str(review), str(ali), "--visual", "never"])
    assert again.exit_code == 0, again.output
    assert (
        f"conflict: {ali}: span {person} of ali in «الوزير»: label, offsets differ" in again.output
    )
    assert "kept ours: ours is newer" in again.output
    with Project.open(review) as project:
        assert project.spans.get(person) == sara_version


def test_a_tie_keeps_the_projects_version(ali: Path, sara: Path) -> None:
    (place,) = rows(ali, "SELECT uid FROM spans WHERE label = 'GPE'")
    for path, label in ((ali, "ORG"), (sara, "LOC")):  # edited at the same moment
        conn = sqlite3.connect(path)
        with conn:
            conn.execute(
                "UPDATE spans SET label = ?, updated_at = '2030-01-01T00:00:00.000000+00:00'"
                " WHERE uid = ?",
                (label, place[0]),
            )
        conn.close()
    report = merged(ali, sara)
    assert [(c.kept, c.why) for c in report.conflicts] == [("ours", "changed at the same moment")]
    assert rows(ali, f"SELECT label FROM spans WHERE uid = '{place[0]}'") == {("ORG",)}


def test_an_edit_in_one_copy_only_is_no_conflict(ali: Path, sara: Path, review: Path) -> None:
    with Project.open(sara) as project:
        (place,) = project.spans.for_document(uid_of(project, LIBRARY), "ali")
        project.spans.update(place.uid, label="LOC")
    merged(review, ali)
    report = merged(review, sara)
    assert (report.spans_updated, report.conflicts) == (1, [])
    report = merged(review, ali)  # Ali's copy still holds the span as it was made
    assert (report.spans_kept, report.conflicts) == (1, [])
    assert rows(review, f"SELECT label FROM spans WHERE uid = '{place.uid}'") == {("LOC",)}


def test_a_newer_label_that_would_break_a_link_is_not_taken(ali: Path, sara: Path) -> None:
    with Project.open(sara) as project:
        (speaker,) = project.relations.for_document(uid_of(project, MINISTER), "ali")
        project.relations.remove(speaker.uid)
        project.spans.update(speaker.tail, label="LOC")
    report = merged(ali, sara)
    (conflict,) = report.conflicts
    assert (conflict.span, conflict.kept) == (speaker.tail, "ours")
    assert conflict.why == f"SPEAKER relation {speaker.uid} cannot link QUOTE to LOC"
    assert rows(ali, f"SELECT label FROM spans WHERE uid = '{speaker.tail}'") == {("PERSON",)}


def test_the_same_span_under_another_uid_takes_its_relations_along(
    ali: Path, tmp_path: Path
) -> None:
    other = tmp_path / "again.annotate"
    with Project.create(other) as project:
        project.documents.add(MINISTER)
        person = add(project, MINISTER, "ali", "PERSON", "سامي النجار")  # made again
        cue = add(project, MINISTER, "ali", "CUE", "قال")
        quote = add(project, MINISTER, "ali", "QUOTE", "«الموسم سيكون جيدا»")
        project.relations.add("CUE", quote, cue)
        project.relations.add("SPEAKER", quote, person)  # as Ali has it: a duplicate
    report = merged(ali, other)
    assert (report.spans_added, report.spans_duplicate) == (1, 2)
    assert (report.relations_added, report.relations_duplicate) == (1, 1)
    with Project.open(ali) as project:
        document = uid_of(project, MINISTER)
        ours_quote = project.spans.find(
            document, "ali", "QUOTE", *at(MINISTER, "«الموسم سيكون جيدا»")
        )
        ours_cue = project.spans.find(document, "ali", "CUE", *at(MINISTER, "قال"))
        assert ours_cue == cue and ours_quote != quote
        links = {(r.label, r.head, r.tail) for r in project.relations.for_document(document)}
        assert ("CUE", ours_quote, cue) in links and len(links) == 2


def test_a_uid_that_names_another_layers_span_gets_a_new_one(tmp_path: Path) -> None:
    made = []
    for name, text in (("a", MINISTER), ("b", LIBRARY)):
        source = tmp_path / f"{name}.jsonl"
        span = {"id": "s1", "start": 0, "end": 3, "label": "EVENT"}
        record = {"text": text, "annotator": name, "spans": [span]}
        source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        path = tmp_path / f"{name}.annotate"
        assert CliRunner().invoke(main, ["init", str(path)]).exit_code == 0
        assert CliRunner().invoke(main, ["import", str(path), str(source)]).exit_code == 0
        made.append(path)
    report = merged(*made)
    assert report.spans_added == 1 and len(report.notes) == 1
    assert "s1" in report.notes[0] and "has the uid of another span here" in report.notes[0]
    assert rows(made[0], "SELECT annotator, uid = 's1' FROM spans") == {("a", 1), ("b", 0)}
    assert merged(*made).spans_duplicate == 1  # and again: nothing more


def test_a_project_of_documents_only_adds_them_searchable(ali: Path, tmp_path: Path) -> None:
    other = tmp_path / "texts.annotate"
    with Project.create(other) as project:
        project.documents.add(UNIVERSITY, "الجامعة")
        project.documents.add(LIBRARY)
    report = merged(ali, other)
    assert (report.documents_added, report.documents_present, report.spans_added) == (1, 1, 0)
    assert rows(ali, "SELECT position, title FROM documents WHERE position = 3") == {(3, "الجامعة")}
    with Project.open(ali) as project:
        assert [hit.number for hit in search_documents(project, "الطلاب")] == [3]


def test_labels_and_statuses_the_project_lacks_come_along(ali: Path, tmp_path: Path) -> None:
    schema = Schema(
        labels=(
            SpanLabel("PERSON", "Person", "شخص", key="p"),
            SpanLabel("WEAPON", "Weapon", "سلاح", key="p"),
        ),
        relations=(RelationLabel("OWNS", "Owns", "يملك", ("PERSON",), ("WEAPON",)),),
    )
    other = tmp_path / "custom.annotate"
    with Project.create(
        other, Schema(labels=schema.labels[1:], relations=schema.relations)
    ) as project:
        project.documents.add(MINISTER)
        add(project, MINISTER, "ali", "WEAPON", "مؤتمر")
        project.documents.set_status(uid_of(project, MINISTER), "ali", "in_progress")  # later
    report = merged(ali, other)
    assert report.labels_added == ["WEAPON", "OWNS"]
    with Project.open(ali) as project:
        weapon = project.labels.span_label("WEAPON")
        assert weapon is not None and (weapon.arabic, weapon.key) == ("سلاح", "")
        assert project.documents.status(uid_of(project, MINISTER), "ali") == "in_progress"
    assert report.statuses_updated == 1


@pytest.fixture
def lead(tmp_path: Path) -> Path:
    """Huda, the team lead, gave the minister and the library to Ali, the library and the
    university to Sara."""
    path = tmp_path / "lead.annotate"
    with Project.create(path) as project:
        for text, title in ((MINISTER, "الوزير"), (LIBRARY, "المكتبة"), (UNIVERSITY, "الجامعة")):
            project.documents.add(text, title)
        minister, library, university = (
            uid_of(project, t) for t in (MINISTER, LIBRARY, UNIVERSITY)
        )
        project.assignments.assign([minister, library], "ali", "huda", new_annotator=True)
        project.assignments.assign([library, university], "sara", "huda", new_annotator=True)
    return path


def test_every_assignment_survives_the_merge_whatever_the_documents_numbers(
    lead: Path, tmp_path: Path, review: Path
) -> None:
    omar = tmp_path / "omar.annotate"  # the university first: numbered otherwise
    with Project.create(omar) as project:
        project.documents.add(UNIVERSITY, "جامعة حلب")
        project.documents.add(MINISTER, "وزير الزراعة")
        project.assignments.assign([uid_of(project, MINISTER)], "omar", new_annotator=True)
    report = merged(review, lead, omar)
    assert rows(review, ASSIGNMENTS) == rows(lead, ASSIGNMENTS) | rows(omar, ASSIGNMENTS)
    assert len(rows(review, ASSIGNMENTS)) == 5
    assert report.assignments_updated == 5
    with Project.open(review) as project:
        minister, library = uid_of(project, MINISTER), uid_of(project, LIBRARY)
        assert project.assignments.given_to("ali") == [minister, library]
        assert project.assignments.given_to("omar") == [minister]
        assert {(a.annotator, a.assigned_by) for a in project.assignments.current()} == {
            ("ali", "huda"),
            ("sara", "huda"),
            ("omar", ""),
        }
    assert merged(review, lead, omar).assignments_updated == 0


@pytest.mark.parametrize("order", ["copy first", "lead first"])
def test_a_later_withdrawal_wins_over_the_assignment_an_older_copy_holds(
    lead: Path, tmp_path: Path, review: Path, order: str
) -> None:
    copy = tmp_path / "sara.annotate"
    with Project.open(lead) as project:
        project.store.backup_to(copy)  # Sara's copy, made while she had the library
        library = uid_of(project, LIBRARY)
        project.assignments.unassign([library], "sara", "huda")
    with Project.open(copy) as project:
        add(project, LIBRARY, "sara", "GPE", "طرابلس")
    merged(review, *((copy, lead) if order == "copy first" else (lead, copy)))
    with Project.open(review) as project:
        assert project.assignments.given_to("sara") == [uid_of(project, UNIVERSITY)]
        assert [s.annotator for s in project.spans.for_document(library)] == ["sara"]
    assert (library, "sara", 0, "huda") in {row[:4] for row in rows(review, ASSIGNMENTS)}


def text_file(path: Path) -> None:
    path.write_text("قال الوزير\n", encoding="utf-8")


def another_apps_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


def damaged_project(path: Path) -> None:
    with Project.create(path) as project:
        for number in range(40):
            project.documents.add(f"{LIBRARY} ({number}) " + "نص " * 400)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 3000] = b"\x13\x37" * 1500
    path.write_bytes(bytes(data))


def altered_text(path: Path) -> None:
    with Project.create(path) as project:
        project.documents.add(LIBRARY)
    conn = sqlite3.connect(path)  # as another tool might
    conn.execute("DROP TRIGGER documents_text_is_immutable")
    conn.execute("UPDATE documents SET text = text || '!', char_count = char_count + 1")
    conn.commit()
    conn.close()


def dangling_span(path: Path) -> None:
    with Project.create(path) as project:
        uid = project.documents.add(LIBRARY).documents_added[0]
        project.spans.add(uid, "ali", "ORG", 0, 5)
    conn = sqlite3.connect(path)  # foreign keys are off in a plain connection
    conn.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_entries")
    conn.execute("DELETE FROM documents")
    conn.commit()
    conn.close()


def with_version(version: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        Project.create(path).close()
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {version}")
        conn.close()

    make.__name__ = f"schema_{version}"
    return make


def missing(path: Path) -> None:
    pass


def folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (text_file, "not an annotation project (not a SQLite database)"),
        (another_apps_database, "not an annotation project (a SQLite file of another kind)"),
        (damaged_project, "the project file is damaged"),
        (altered_text, "the project file is damaged: document 1 ("),
        (dangling_span, "the project file is damaged: spans row 1 points to a missing row"),
        (with_version(SCHEMA_VERSION + 1), "written by a newer version"),
        (with_version(SCHEMA_VERSION - 1), "open it once with this version"),
        (missing, "no such file"),
        (folder, "is a folder"),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_file_that_is_no_usable_project_is_refused_before_anything_is_written(
    ali: Path, omar: Path, tmp_path: Path, make: Callable[[Path], None], words: str
) -> None:
    bad = tmp_path / "bad.annotate"
    make(bad)
    before = table_checksums(ali)
    with Project.open(ali) as project, pytest.raises(ProjectError) as refused:
        merge_projects(project, [omar, bad])  # the good file first: still nothing is written
    assert str(refused.value).startswith(f"{bad}: ") and words in str(refused.value)
    result = CliRunner().invoke(main, ["merge", str(ali), str(omar), str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {refused.value}"
    assert table_checksums(ali) == before


def test_the_project_itself_is_refused(ali: Path) -> None:
    before = table_checksums(ali)
    result = CliRunner().invoke(main, ["merge", str(ali), str(ali)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == f"error: {ali}: is the project being merged into; name other files"
    )
    assert table_checksums(ali) == before


def test_json_report_names_each_conflict(ali: Path, sara: Path) -> None:
    with Project.open(ali) as project:
        (place,) = project.spans.for_document(uid_of(project, LIBRARY), "ali")
        project.spans.update(place.uid, label="LOC")
    with Project.open(sara) as project:
        project.spans.update(place.uid, label="ORG")
    result = CliRunner().invoke(main, ["merge", str(ali), str(sara), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["spans_updated"] == 1 and report["files"] == [str(sara)]
    (conflict,) = report["conflicts"]
    assert conflict["span"] == place.uid and conflict["kept"] == "theirs"
    assert (conflict["ours"], conflict["theirs"]) == (
        f"LOC {place.start}-{place.end}",
        f"ORG {place.start}-{place.end}",
    )


def test_brat_ids_never_become_uids_so_a_merge_keeps_both_files_spans(tmp_path: Path) -> None:
    """Two projects import different .ann files for the same document and annotator: both
    number their first span T1, yet the merge keeps both spans."""
    text = "قال سامي الحداد في عمّان"
    paths = []
    for name, (label, phrase) in (("a", ("PERSON", "سامي الحداد")), ("b", ("GPE", "عمّان"))):
        folder = tmp_path / f"brat-{name}"
        folder.mkdir()
        (folder / "doc.txt").write_text(text, encoding="utf-8")
        start, end = at(text, phrase)
        (folder / "doc.ann").write_text(f"T1\t{label} {start} {end}\t{phrase}\n", "utf-8")
        paths.append(tmp_path / f"{name}.annotate")
        with Project.create(paths[-1]) as project:
            import_paths(project, [folder], "brat", annotator="model")
            (span,) = project.spans.for_document(uid_of(project, text))
            assert span.uid != "T1" and len(span.uid) == 32
    merged(paths[0], paths[1])
    with Project.open(paths[0]) as project:
        merged_spans = [
            (s.label, text[s.start : s.end])
            for s in project.spans.for_document(uid_of(project, text))
        ]
    assert merged_spans == [("PERSON", "سامي الحداد"), ("GPE", "عمّان")]


# -- comments and flags ---------------------------------------------------------------


def copy_of(source: Path, path: Path) -> Path:
    with Project.open(source) as project:
        project.store.backup_to(path)
    return path


def test_the_same_comment_merged_twice_is_there_once(ali: Path, sara: Path, review: Path) -> None:
    with Project.open(ali) as project:
        minister = uid_of(project, MINISTER)
        person = add(project, MINISTER, "ali", "ORG", "وزير الزراعة")
        editor = Editor(project, "ali")
        editor.history.take(comment_step(minister, "ali", "وزارة أم شخص؟", person))
        editor.history.take(comment_step(minister, "ali", "المصدر غير مذكور"))
    first = merged(review, ali)
    again = merged(review, ali, ali)
    assert (first.comments_merged, again.comments_merged) == (2, 0)
    assert "comments: 0 added or updated" in again.summary_lines()
    with Project.open(review) as project:
        comments = project.comments.for_document(uid_of(project, MINISTER))
        assert sorted((c.body, c.span) for c in comments) == [
            ("المصدر غير مذكور", ""),
            ("وزارة أم شخص؟", person),
        ]
        assert [c.body for c in project.comments.for_span(person)] == ["وزارة أم شخص؟"]


def test_a_comment_follows_its_span_to_the_uid_the_project_has_for_it(
    tmp_path: Path, review: Path
) -> None:
    """Omar and Huda made their projects apart: Huda's span is the same as Omar's, with
    another uid; Omar's comment lands on the span the review project keeps."""
    paths = {}
    for name in ("huda", "omar"):
        paths[name] = tmp_path / f"{name}.annotate"
        with Project.create(paths[name]) as project:
            project.documents.add(MINISTER, "الوزير")
            span = add(project, MINISTER, "ali", "PERSON", "سامي النجار")
            if name == "omar":
                document = uid_of(project, MINISTER)
                Editor(project, "ali").history.take(comment_step(document, "omar", "؟", span))
    merged(review, paths["huda"], paths["omar"])
    with Project.open(review) as project:
        (span,) = project.spans.for_document(uid_of(project, MINISTER))
        assert [c.author for c in project.comments.for_span(span.uid)] == ["omar"]


def test_a_later_resolution_and_a_later_clearing_win(
    ali: Path, tmp_path: Path, review: Path
) -> None:
    with Project.open(ali) as project:
        minister = uid_of(project, MINISTER)
        span = project.spans.for_document(minister)[0].uid
        editor = Editor(project, "ali")
        editor.history.take(comment_step(minister, "ali", "هل الاقتباس كامل؟", span, uid="c1"))
        editor.history.take(flag_step(project, minister, span, "ali", "needs discussion"))
    old = copy_of(ali, tmp_path / "old.annotate")  # the comment open, the flag set
    with Project.open(ali) as project:
        editor = Editor(project, "ali")
        editor.history.take(resolve_step(project, "c1", "huda"))
        editor.history.take(flag_step(project, minister, span, "ali", "needs discussion"))
    for order, flag_writes in (((ali, old), 1), ((old, ali), 2)):
        target = copy_of(review, tmp_path / f"review-{order[0].stem}.annotate")
        report = merged(target, *order)
        with Project.open(target) as project:
            assert project.comments.get("c1").resolved_by == "huda"
            assert not project.comments.is_flagged(minister, span, "ali", "needs discussion")
            assert project.comments.flags_for_document(minister) == []
        assert report.flags_updated == flag_writes  # the old setting, then its clearing


# -- suggestions ---------------------------------------------------------------------

KNOWN = "التقى سامي النجار رئيس بلدية طرابلس."  # the gold names the gazetteer suggests


def analysts_suggested(tmp_path: Path) -> dict[str, Path]:
    """The lead's project (gold names in KNOWN) copied to Ali and Sara; each ran `annotate
    suggest --gazetteer` on their copy (the same places, other uids) and decided the two
    suggestions otherwise: Ali accepted سامي النجار and rejected طرابلس, Sara the reverse.
    The lead has Ali's سامي النجار already, under another uid."""
    paths = {name: tmp_path / f"{name}.annotate" for name in ("lead", "ali", "sara")}
    with Project.create(paths["lead"]) as project:
        for text, title in ((KNOWN, "اللقاء"), (MINISTER, "الوزير"), (LIBRARY, "المكتبة")):
            project.documents.add(text, title)
        add(project, KNOWN, "gold", "PERSON", "سامي النجار")
        add(project, KNOWN, "gold", "GPE", "طرابلس")
        for name in ("ali", "sara"):
            project.store.backup_to(paths[name])
        add(project, MINISTER, "ali", "PERSON", "سامي النجار")
    for name, accepted in (("ali", "PERSON"), ("sara", "GPE")):
        result = CliRunner().invoke(main, ["suggest", str(paths[name]), "--gazetteer"])
        assert result.output.splitlines()[0] == "gazetteer: 2 suggestions added in 2 documents"
        with Project.open(paths[name]) as project:
            editor = Editor(project, name)
            for text in (MINISTER, LIBRARY):
                (suggestion,) = project.suggestions.open_for(uid_of(project, text), name)
                if suggestion.label == accepted:
                    editor.accept_suggestion(suggestion.uid)
                else:
                    editor.reject_suggestion(suggestion.uid)
    return paths


def test_two_analysts_decisions_on_the_same_suggestions_are_both_merged(tmp_path: Path) -> None:
    paths = analysts_suggested(tmp_path)
    steps: list[tuple[int, int]] = []
    report = merged(
        paths["lead"], paths["ali"], paths["sara"], progress=lambda *step: steps.append(step)
    )
    assert (report.suggestions_added, report.suggestion_decisions_updated) == (2, 4)
    annotations = "SELECT uid FROM documents UNION SELECT uid FROM spans"
    annotations += " UNION SELECT uid FROM relations"
    total = sum(len(rows(paths[name], annotations)) for name in ("ali", "sara"))
    total += 2 * (2 + 2)  # each file's two suggestions and its analyst's two decisions
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    assert "suggestions: 2 added, 4 decisions added or updated" in report.summary_lines()
    with Project.open(paths["lead"]) as project:
        decided = project.store.conn.execute(
            "SELECT g.label, g.source, x.annotator, x.state, s.annotator, s.label"
            " FROM suggestion_decisions x JOIN suggestions g ON g.uid = x.suggestion"
            " LEFT JOIN spans s ON s.uid = x.span ORDER BY g.label, x.annotator"
        ).fetchall()
        assert decided == [
            ("GPE", "gazetteer", "ali", "rejected", None, None),
            ("GPE", "gazetteer", "sara", "accepted", "sara", "GPE"),
            ("PERSON", "gazetteer", "ali", "accepted", "ali", "PERSON"),  # the lead's span
            ("PERSON", "gazetteer", "sara", "rejected", None, None),
        ]
        assert project.store.conn.execute("SELECT count(*) FROM suggestions").fetchone() == (2,)
        none = {"open": 0, "accepted": 0, "corrected": 0, "rejected": 0}
        assert project.suggestions.stats() == {
            "PERSON": {**none, "accepted": 1, "rejected": 1},
            "GPE": {**none, "accepted": 1, "rejected": 1},
        }
        assert project.suggestions.stats("sara") == {
            "PERSON": {**none, "rejected": 1},
            "GPE": {**none, "accepted": 1},
        }
    before = table_checksums(paths["lead"])
    again = CliRunner().invoke(
        main, ["merge", str(paths["lead"]), str(paths["ali"]), str(paths["sara"]), "--json"]
    )
    told = json.loads(again.output)
    assert (told["suggestions_added"], told["suggestion_decisions_updated"]) == (0, 0)
    assert table_checksums(paths["lead"]) == before


def test_a_later_decision_of_the_same_analyst_wins(tmp_path: Path) -> None:
    """Ali's copy from before he took his rejection back and accepted instead, merged
    after the newer one or before it: the acceptance stays."""
    paths = analysts_suggested(tmp_path)
    older = copy_of(paths["ali"], tmp_path / "older.annotate")  # طرابلس rejected
    with Project.open(paths["ali"]) as project:
        editor = Editor(project, "ali")
        library = uid_of(project, LIBRARY)
        rejected = project.suggestions.get(
            project.store.conn.execute(
                "SELECT uid FROM suggestions WHERE label = 'GPE'"
            ).fetchone()[0]
        )
        project.suggestions.reopen(rejected.uid, "ali")
        editor.accept_suggestion(rejected.uid)
        assert project.suggestions.open_for(library, "ali") == []
    for order in ((paths["ali"], older), (older, paths["ali"])):
        target = copy_of(paths["lead"], tmp_path / f"lead-{order[0].stem}.annotate")
        merged(target, *order)
        with Project.open(target) as project:
            states = project.store.conn.execute(
                "SELECT g.label, x.state FROM suggestion_decisions x"
                " JOIN suggestions g ON g.uid = x.suggestion ORDER BY g.label"
            ).fetchall()
            assert states == [("GPE", "accepted"), ("PERSON", "accepted")]
