"""The suggestion-keys scenario's scripted analysts: what each action on a suggestion costs,
and that both reach the target exactly (made-up text and suggestions; the scenario itself
runs in test_bench_runs)."""

from __future__ import annotations

import pytest

from annotate.project import Project
from annotate.suggestions import Candidate
from bench import suggestion_bench
from bench.suggestion_bench import (
    WITH,
    WITHOUT,
    Actions,
    layer,
    target_entities,
    with_suggestions,
    without_suggestions,
)

# A news sentence we wrote for these tests.
TEXT = "قال سامي الحداد في بيروت إن وزارة الطاقة ستزور دمشق، وأكد الحداد أن بيروت تنتظر."


def at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


TARGET = [
    ("PERSON", *at("سامي الحداد")),
    ("GPE", *at("بيروت")),
    ("ORG", *at("وزارة الطاقة")),
    ("GPE", *at("دمشق")),
    ("PERSON", *at("الحداد", 1)),
    ("GPE", *at("بيروت", 1)),
]


@pytest.fixture
def document(project: Project) -> str:
    return project.documents.add(TEXT, "الزيارة").documents_added[0]


def test_each_suggestion_costs_two_actions_and_each_one_missed_a_drag_and_a_key(
    project: Project, document: str
) -> None:
    suggested = [
        Candidate("PERSON", *at("سامي الحداد")),  # right: Tab, Y
        Candidate("ORG", *at("بيروت")),  # right bounds, wrong label: Tab, GPE's key
        Candidate("GPE", *at("بيروت")),  # and the right one at the same bounds: Tab, Y
        Candidate("ORG", *at("الطاقة")),  # other bounds: Tab, R, then a drag and a key
        Candidate("PERSON", *at("قال")),  # no entity: Tab, R
        Candidate("LOC", *at("دمشق")),  # wrong label: Tab, GPE's key
    ]
    project.suggestions.add(document, suggested, "model:news")
    actions = with_suggestions(project, document, TARGET)
    assert actions == Actions(accepted=2, relabelled=1, rejected=3, drawn=3, entities=6)
    assert actions.count == 18 and actions.per_entity == 3.0
    assert layer(project, document, WITH) == sorted(TARGET)
    states = project.store.conn.execute(
        "SELECT label, start, state FROM suggestions ORDER BY start, label"
    ).fetchall()
    assert states == [
        ("PERSON", 0, "rejected"),
        ("PERSON", 4, "accepted"),
        ("GPE", 19, "accepted"),
        ("ORG", 19, "rejected"),
        ("ORG", 34, "rejected"),
        ("LOC", 47, "accepted"),  # as GPE
    ]


def test_without_suggestions_each_entity_is_a_drag_and_a_key(
    project: Project, document: str
) -> None:
    actions = without_suggestions(project, document, TARGET)
    assert (actions.count, actions.per_entity) == (12, 2.0)
    assert layer(project, document, WITHOUT) == sorted(TARGET)


def test_the_target_is_each_mention_but_those_inside_a_longer_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = (("PERSON", "سامي الحداد"), ("PERSON", "الحداد"), ("GPE", "بيروت"))
    monkeypatch.setattr(suggestion_bench, "TARGET", names)
    assert target_entities(TEXT) == sorted(
        [("PERSON", *at("سامي الحداد")), ("PERSON", *at("الحداد", 1)), *TARGET[1::4]]
    )
    monkeypatch.setattr(suggestion_bench, "TARGET", (("GPE", "عمّان"),))
    with pytest.raises(ValueError, match="عمّان is not in the seed article"):
        target_entities(TEXT)
