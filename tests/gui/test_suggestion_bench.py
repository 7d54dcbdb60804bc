"""The suggestion-keys scenario's scripted analysts in the main window: what each action on a
suggestion costs in real keys and drags, and that both reach the target exactly (made-up
text and suggestions, in English and in the mirrored Arabic window; the scenario itself
runs in test_bench_runs)."""

from __future__ import annotations

import pytest

from annotate.suggestions import Candidate
from bench import suggestion_bench
from bench.suggestion_bench import Actions, layer, target_entities
from bench.suggestion_qt import WindowAnalyst, with_suggestions, without_suggestions
from gui.main_window import MainWindow

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
def analyst(window_in_each_language: MainWindow) -> WindowAnalyst:
    """The analyst "ali" in the main window on the sentence, the caret at its start."""
    window = window_in_each_language
    document = window.project.documents.add(TEXT, "الزيارة").documents_added[0]
    window.refresh()
    return WindowAnalyst(window, document)


def test_each_suggestion_costs_tab_and_a_key_and_each_one_missed_a_drag_and_a_key(
    analyst: WindowAnalyst,
) -> None:
    suggested = [
        Candidate("PERSON", *at("سامي الحداد")),  # right: Tab, Y
        Candidate("DATE", *at("بيروت")),  # wrong label, the right one offered: Tab, R
        Candidate("GPE", *at("بيروت")),  # and the right one at the same bounds: Tab, Y
        Candidate("ORG", *at("الطاقة")),  # other bounds: Tab, R, then a drag and a key
        Candidate("PERSON", *at("قال")),  # no entity: Tab, R
        Candidate("LOC", *at("دمشق")),  # wrong label, none right: Tab, GPE's key
    ]
    project, document = analyst.project, analyst.document
    project.suggestions.add(document, suggested, "model:news")
    analyst.window.open_document(document)  # the reader outlines them
    analyst.reader.put_caret(0)
    actions = with_suggestions(analyst, TARGET)
    assert actions == Actions(accepted=2, relabelled=1, rejected=3, drawn=3, entities=6)
    assert actions.count == analyst.actions_taken == 18 and actions.per_entity == 3.0
    assert layer(project, document, "ali") == sorted(TARGET)
    states = project.store.conn.execute(
        "SELECT g.label, g.start, x.state, x.annotator FROM suggestions g"
        " JOIN suggestion_decisions x ON x.suggestion = g.uid ORDER BY g.start, g.label"
    ).fetchall()
    assert states == [
        ("PERSON", 0, "rejected", "ali"),
        ("PERSON", 4, "accepted", "ali"),
        ("DATE", 19, "rejected", "ali"),
        ("GPE", 19, "accepted", "ali"),
        ("ORG", 34, "rejected", "ali"),
        ("LOC", 47, "accepted", "ali"),  # as GPE
    ]
    origins = {(s.label, s.start): s.origin for s in project.spans.for_document(document, "ali")}
    assert origins == {
        ("PERSON", 4): "suggested",
        ("GPE", 19): "suggested",
        ("ORG", 28): "manual",
        ("GPE", 47): "suggested",
        ("PERSON", 58): "manual",
        ("GPE", 68): "manual",
    }


def test_without_suggestions_each_entity_is_a_drag_and_a_key(analyst: WindowAnalyst) -> None:
    actions = without_suggestions(analyst, TARGET)
    assert (actions.count, analyst.actions_taken, actions.per_entity) == (12, 12, 2.0)
    assert layer(analyst.project, analyst.document, "ali") == sorted(TARGET)


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
