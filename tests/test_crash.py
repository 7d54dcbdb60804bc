"""A short run of the crash harness (the full one: `make crash`, 100 kills), and the check
that a finished import or merge is all there, on projects doctored to lose something."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

import pytest

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS
from annotate.text import document_uid
from tests.crash.children import IMPORT_FILE
from tests.crash.contents import Before, Content, all_there, import_content
from tests.crash.harness import MODES, Round, Setup, run, summary, unexercised, verify
from tests.crash.sources import write_base, write_import_file
from tests.helpers import table_checksums


def test_nothing_that_returned_is_lost_when_work_is_killed(tmp_path: Path) -> None:
    # Seed 149: of the two imports and the two merges, one each runs to its end and one
    # each is killed early in its work (after 0.15 s and 0.23 s).
    rounds = run(kills=2 * len(MODES), seed=149, folder=tmp_path)
    assert [r.problems for r in rounds] == [[] for _ in rounds]
    assert {r.mode for r in rounds} == set(MODES)
    assert sum(r.actions for r in rounds if r.mode == "core") > 10
    # Whether a kill landed before the commit depends on the machine's speed; which runs
    # were let finish does not.
    imports, merges = summary(rounds)[2:]
    assert imports.startswith("import: 2 runs, 1 finished (all there), 1 killed (")
    assert merges.startswith(" merge: 2 runs, 1 finished (all there), 1 killed (")


def test_a_run_in_which_no_import_finished_fails() -> None:
    rounds = [
        Round(0, "import", 0.5),
        Round(1, "merge", None, finished=True, committed=True),
        Round(2, "merge", 0.1),
    ]
    assert unexercised(rounds) == ["import: no run finished, so the 'all' half went untested"]


def test_a_run_in_which_every_merge_committed_fails() -> None:
    rounds = [
        Round(0, "import", None, finished=True, committed=True),
        Round(1, "import", 0.1),
        Round(2, "merge", None, finished=True, committed=True),
        Round(3, "merge", 2.0, committed=True),
    ]
    assert unexercised(rounds) == [
        "merge: no run was killed before its commit, so the 'nothing' half went untested"
    ]


class Imported(NamedTuple):
    path: Path
    before: Before  # the project before the import
    checksums: dict[str, str]  # of its tables before the import
    source: Content  # what the import file brings


@pytest.fixture
def imported(tmp_path: Path) -> Imported:
    """The sample project after importing the sample records again (present, with their
    spans and relations) and two numbered copies of them (new)."""
    path = tmp_path / "project.annotate"
    write_base(path)
    source = tmp_path / IMPORT_FILE
    write_import_file(source, documents=2)
    before = Before.of(path)
    checksums = table_checksums(path)
    with Project.open(path) as project:
        import_paths(project, [source])
    return Imported(path, before, checksums, import_content(source))


def _copy_uid(number: int) -> str:
    """The first characters of the uid of the numbered copy of a sample article."""
    samples = SAMPLE_ANNOTATIONS.read_text("utf-8").splitlines()
    return document_uid(json.loads(samples[number % 2])["text"] + f"({number})")[:12]


def _doctor(path: Path, statement: str) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(statement)


def test_a_finished_import_is_all_there(imported: Imported) -> None:
    assert all_there(imported.path, imported.before, imported.source) == []


def test_an_import_that_lost_a_span_is_reported(imported: Imported) -> None:
    _doctor(imported.path, "DELETE FROM spans WHERE uid = '0-gpe1'")
    assert all_there(imported.path, imported.before, imported.source) == [
        f"span GPE 0-5 ('عمّان') of importer in document {_copy_uid(0)} of the source is missing"
    ]


def test_an_import_that_moved_a_span_is_reported(imported: Imported) -> None:
    _doctor(imported.path, "UPDATE spans SET \"end\" = 4 WHERE uid = '1-gpe1'")
    assert all_there(imported.path, imported.before, imported.source) == [
        f"span GPE 0-5 ('صفاقس') of importer in document {_copy_uid(1)} of the source is missing",
        f"span GPE 0-4 ('صفاق') of importer in document {_copy_uid(1)} was added, but the "
        "source does not have it",
    ]


def test_an_import_that_lost_a_relation_is_reported(imported: Imported) -> None:
    _doctor(imported.path, "DELETE FROM relations WHERE uid = '1-r2'")
    quote = (
        "“الميناء سيوفر نحو ثلاثة آلاف فرصة عمل للشباب في الجهة، وسيخفف الضغط على ميناء قابس "
        "المجاور”"
    )
    assert all_there(imported.path, imported.before, imported.source) == [
        f'relation CUE from QUOTE {{"kind": "direct"}} 166-258 ({quote!r}) of importer in '
        f"document {_copy_uid(1)} to CUE 141-145 ('وقال') of importer in document "
        f"{_copy_uid(1)} of the source is missing"
    ]


def test_a_reimport_that_changed_a_present_span_is_reported(imported: Imported) -> None:
    _doctor(
        imported.path, "UPDATE spans SET updated_at = '2030-01-01T00:00:00Z' WHERE uid = 'gpe1'"
    )
    assert all_there(imported.path, imported.before, imported.source) == [
        "spans row gpe1 was there before and is changed or gone"
    ]


def test_a_finished_import_that_miscounts_is_reported(imported: Imported, tmp_path: Path) -> None:
    setup = Setup(
        tmp_path, imported.path, imported.checksums, imported.before, {"import": imported.source}
    )
    result = Round(0, "import", None, finished=True)
    journal: list[dict[str, object]] = [
        {"op": "ready"},
        {"op": "imported", "documents": 2, "spans": 34, "relations": 6},
    ]
    verify(imported.path, journal, result, setup)
    assert result.problems == [
        "the journal says imported {'documents': 2, 'spans': 34, 'relations': 6}, the source "
        "brings {'documents': 2, 'spans': 35, 'relations': 6}"
    ]


def test_a_killed_import_that_left_part_of_its_work_is_reported(
    imported: Imported, tmp_path: Path
) -> None:
    _doctor(imported.path, "DELETE FROM relations WHERE uid LIKE '1-%'")
    setup = Setup(
        tmp_path, imported.path, imported.checksums, imported.before, {"import": imported.source}
    )
    result = Round(0, "import", 1.0)  # killed, with nothing journaled
    verify(imported.path, [{"op": "ready"}], result, setup)
    assert result.committed
    assert [problem.split(" from ")[0] for problem in result.problems] == [
        "relation SPEAKER",
        "relation CUE",
    ]
