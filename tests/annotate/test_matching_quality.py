"""Search and "annotate every mention" measured on news sentences (matching_cases.toml)."""

from __future__ import annotations

from tests.annotate.matching_quality import load_cases, pre_ticked, search_score, ticked_score

CASES = load_cases()


def test_the_set_is_large_enough_and_well_formed() -> None:
    assert len(CASES) >= 80
    assert all(case.exact or case.variants or "none" for case in CASES)
    assert sum(len(case.exact) for case in CASES) >= 150


def test_nothing_is_offered_ticked_that_is_not_a_mention_spelled_as_the_span() -> None:
    wrong = {
        case.query: sorted(case.text[start:end] for start, end in pre_ticked(case) - case.exact)
        for case in CASES
        if pre_ticked(case) - case.exact
    }
    assert wrong == {}
    score = ticked_score(CASES)
    assert score.precision == 1.0
    assert score.recall >= 0.95


def test_search_finds_nearly_every_mention_and_little_else() -> None:
    score = search_score(CASES)
    assert score.recall >= 0.95
    assert score.precision >= 0.95  # what it lists beyond: على for علي, marked as variants
