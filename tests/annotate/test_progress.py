"""`annotate progress`: the figures of a project made by hand, where every moment of work
is known, as JSON and as text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.disagreements import document_items
from annotate.reviewed import ReviewProgress, review_progress
from annotate.text import document_uid
from annotate.work_time import shown_time
from tests.annotate.test_review_counts import random_project

# Short news sentences we wrote for these tests.
MINISTER = "قال وزير الزراعة سامي النجار إن «الموسم سيكون جيدا» في مؤتمر صحفي."
LIBRARY = "افتتحت بلدية طرابلس مكتبة عامة جديدة قرب الميناء."
UNIVERSITY = "أعلنت جامعة حلب عن منح دراسية للطلاب المتفوقين."
FIRST, SECOND, THIRD = (document_uid(text) for text in (MINISTER, LIBRARY, UNIVERSITY))
DAY = "2026-03-02T"


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def span(project: Project, text: str, who: str, label: str, phrase: str, made: str) -> str:
    """A span made (and last changed) at these times of DAY: "09:00:00" or "09:00:00/09:04:30"."""
    uid = project.spans.add(document_uid(text), who, label, *at(text, phrase)).spans_added[0]
    created, _, updated = made.partition("/")
    project.store.conn.execute(
        "UPDATE spans SET created_at = ?, updated_at = ? WHERE uid = ?",
        (f"{DAY}{created}+00:00", f"{DAY}{updated or created}+00:00", uid),
    )
    return uid


def status(project: Project, text: str, who: str, value: str, when: str) -> None:
    project.documents.set_status(document_uid(text), who, value)  # type: ignore[arg-type]
    project.store.conn.execute(
        "UPDATE document_status SET updated_at = ? WHERE document = ? AND annotator = ?",
        (f"{DAY}{when}+00:00", document_uid(text), who),
    )


@pytest.fixture
def team(project_path: Path) -> Path:
    make_team(project_path)
    return project_path


def make_team(path: Path) -> None:
    """Huda gave the minister and the library to Ali and Sara, the university to Omar (and
    to Sara, then took it back).

    - the minister: Ali marked the speaker, his quote and the link, and is done; Sara marked
      the speaker only and is at it. The reviewer accepted Ali's quote, not yet the speaker
      they agree on.
    - the library: both marked the city and are done; the reviewer accepted it: reviewed.
    - the university: Omar has not begun.
    """
    with Project.create(path) as project:
        for text, title in ((MINISTER, "الوزير"), (LIBRARY, "المكتبة"), (UNIVERSITY, "الجامعة")):
            project.documents.add(text, title)
        given = project.assignments
        given.assign([FIRST, SECOND], "ali", "huda", new_annotator=True)
        given.assign([FIRST, SECOND, THIRD], "sara", "huda", new_annotator=True)
        given.assign([THIRD], "omar", "huda", new_annotator=True)
        given.unassign([THIRD], "sara", "huda")
        person = span(project, MINISTER, "ali", "PERSON", "سامي النجار", "09:00:00")
        quote = span(project, MINISTER, "ali", "QUOTE", "«الموسم سيكون جيدا»", "09:02:00/09:04:30")
        link = project.relations.add("SPEAKER", quote, person).relations_added[0]
        project.store.conn.execute(  # 90 s after the quote's last change
            "UPDATE relations SET created_at = ?, updated_at = ? WHERE uid = ?",
            (f"{DAY}09:06:00+00:00", f"{DAY}09:06:00+00:00", link),
        )
        status(project, MINISTER, "ali", "done", "09:20:00")  # a pause: not counted
        span(project, MINISTER, "sara", "PERSON", "سامي النجار", "09:10:00/09:13:20")
        status(project, MINISTER, "sara", "in_progress", "09:13:50")
        span(project, LIBRARY, "ali", "GPE", "طرابلس", "10:00:00")
        status(project, LIBRARY, "ali", "done", "10:01:15")
        span(project, LIBRARY, "sara", "GPE", "طرابلس", "11:00:00")
        status(project, LIBRARY, "sara", "done", "11:04:59")  # just under five minutes
        review = Review(project, "huda")
        (speaker, quoted) = document_items(project, FIRST)
        assert (speaker.state, quoted.state) == ("agreed", "missing")
        review.accept(quoted, "ali")
        review.accept_unanimous(document_items(project, SECOND))


def work(annotator: str, assigned: bool, state: str, spans: int, seconds: int) -> dict[str, object]:
    return {
        "annotator": annotator,
        "assigned": assigned,
        "state": state,
        "spans": spans,
        "seconds": seconds,
    }


def analyst(name: str, *figures: int) -> dict[str, object]:
    fields = ("assigned", "not_started", "in_progress", "done", "reviewed", "spans", "seconds")
    return {"annotator": name, **dict(zip(fields, figures, strict=True))}


def test_progress_json_counts_match_the_project(team: Path) -> None:
    result = CliRunner().invoke(main, ["progress", str(team), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "idle_minutes": 5,
        "analysts": [
            # 120 + 150 + 90 s on the minister, 75 s on the library
            analyst("ali", 2, 0, 0, 1, 1, 3, 435),
            analyst("omar", 1, 1, 0, 0, 0, 0, 0),
            # 200 + 30 s on the minister, 299 s on the library
            analyst("sara", 2, 0, 1, 0, 1, 2, 529),
        ],
        "documents": [
            {
                "number": 1,
                "uid": FIRST,
                "title": "الوزير",
                "state": "in_progress",
                "assigned_to": ["ali", "sara"],
                "analysts": [
                    work("ali", True, "done", 2, 360),
                    work("sara", True, "in_progress", 1, 230),
                ],
                "review": {
                    "items": 2,
                    "decided": 1,
                    "undecided_disagreements": 0,
                    "undecided_agreed": 1,
                    "reviewed": False,
                },
            },
            {
                "number": 2,
                "uid": SECOND,
                "title": "المكتبة",
                "state": "reviewed",
                "assigned_to": ["ali", "sara"],
                "analysts": [
                    work("ali", True, "reviewed", 1, 75),
                    work("sara", True, "reviewed", 1, 299),
                ],
                "review": {
                    "items": 1,
                    "decided": 1,
                    "undecided_disagreements": 0,
                    "undecided_agreed": 0,
                    "reviewed": True,
                },
            },
            {
                "number": 3,
                "uid": THIRD,
                "title": "الجامعة",
                "state": "not_started",
                "assigned_to": ["omar"],
                "analysts": [work("omar", True, "not_started", 0, 0)],
                "review": None,
            },
        ],
    }


def test_progress_as_text(team: Path) -> None:
    result = CliRunner().invoke(main, ["progress", str(team), "--visual", "never"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "analyst  assigned  not started  in progress  done  reviewed  spans  time",
        "ali             2            0            0     1         1      3  7 min",
        "omar            1            1            0     0         0      0  —",
        "sara            2            0            1     0         1      2  9 min",
        "",
        "   1  in progress  review: 1 of 2 items decided (undecided: 0 disagreements, 1 agreed)"
        "  الوزير",
        "      ali   assigned  done             2 spans  6 min",
        "      sara  assigned  in progress      1 spans  4 min",
        "",
        "   2  reviewed  reviewed: 1 of 1 items decided  المكتبة",
        "      ali   assigned  reviewed         1 spans  1 min",
        "      sara  assigned  reviewed         1 spans  5 min",
        "",
        "   3  not started  الجامعة",
        "      omar  assigned  not started      0 spans  —",
        "",
        "time: between an analyst's recorded edits of a document (spans, links, status),"
        " pauses over 5 minutes left out",
    ]


def test_an_empty_project_has_no_figures(project_path: Path) -> None:
    Project.create(project_path).close()
    result = CliRunner().invoke(main, ["progress", str(project_path), "--json"])
    assert json.loads(result.output) == {"idle_minutes": 5, "analysts": [], "documents": []}


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "—"),
        (59, "< 1 min"),
        (89, "1 min"),
        (150, "3 min"),
        (3_569, "59 min"),
        (3_570, "1 h 00 min"),
        (7_500, "2 h 05 min"),
    ],
)
def test_times_read_as_minutes(seconds: int, shown: str) -> None:
    assert shown_time(seconds) == shown


def reference_progress(project: Project) -> dict[str, ReviewProgress]:
    """What each document's own items and decisions say."""
    decided: dict[str, set[str]] = {}
    for document, item in project.store.conn.execute("SELECT document, item FROM decisions"):
        decided.setdefault(document, set()).add(item)
    found = {}
    for (uid,) in project.store.conn.execute("SELECT uid FROM documents").fetchall():
        items = document_items(project, uid)
        undecided = [item for item in items if item.key not in decided.get(uid, set())]
        if items:
            disagreements = sum(item.disagreement for item in undecided)
            found[uid] = ReviewProgress(
                len(items),
                len(items) - len(undecided),
                disagreements,
                len(undecided) - disagreements,
            )
    return found


@pytest.mark.parametrize("seed", range(6))
def test_review_progress_is_what_each_documents_items_say(project: Project, seed: int) -> None:
    random_project(project, seed)
    expected = reference_progress(project)
    assert any(p.decided for p in expected.values())
    assert any(p.undecided_agreed and p.undecided_disagreements for p in expected.values())
    assert review_progress(project) == expected


def test_review_progress_counts_a_span_of_a_label_the_project_lacks(
    project: Project, project_path: Path
) -> None:
    random_project(project, 1, documents=3)
    for uid in reference_progress(project):
        conn = sqlite3.connect(project_path)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(
            "UPDATE spans SET label = 'LOST' WHERE label = 'PERSON'"
            " AND document = (SELECT position FROM documents WHERE uid = ?)",
            (uid,),
        )
        conn.commit()
        conn.close()
    assert review_progress(project) == reference_progress(project)
