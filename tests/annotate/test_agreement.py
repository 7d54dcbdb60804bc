"""Agreement measures against published examples and hand-computed cases, and the
report, CLI and terminal output on small projects."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.agreement.measures import (
    cohen_kappa,
    exact_matches,
    f1,
    fleiss_from_pairs,
    fleiss_kappa,
    krippendorff_alpha,
    overlap_matches,
    unitizing_alpha,
)
from annotate.agreement.report import agreement_report
from annotate.cli import main
from annotate.errors import InputError
from annotate.project import Project
from annotate.token_bounds import fast_tokenise, token_bounds, token_edges
from annotate.tokens import SPACE_SEPARATED, TOKENISATION, tokenise
from tests.conftest import ARABIC_SENTENCE

# -- Krippendorff's alpha for coding -------------------------------------------------------
# Krippendorff (2004), Content Analysis, 2nd ed., pp. 224-230, and Krippendorff (2011),
# "Computing Krippendorff's Alpha-Reliability", sections A-C. The data as transcribed by
# DKPro Statistics (coding/Krippendorff2004Test.java) and SteamPeKa/krippendorffs_alpha
# (examples/examples_from_article.py); 0.095 and 0.743 are also asserted by jucor/krippendorff.


def test_alpha_binary_two_observers() -> None:
    # 2011, A (2004, p. 224): Meg and Owen, 10 units, alpha = 0.095.
    meg = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    owen = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(list(zip(meg, owen, strict=True))) == pytest.approx(0.095, abs=5e-4)


def test_alpha_nominal_two_observers() -> None:
    # 2011, B: Ben and Gerry, 12 units, values a-e, alpha = 0.692.
    ben, gerry = "aabbdcccedda", "babbbccceddd"
    assert krippendorff_alpha(list(zip(ben, gerry, strict=True))) == pytest.approx(0.692, abs=5e-4)


def test_alpha_nominal_four_observers_with_missing_values() -> None:
    # 2011, C (2004, p. 230): 4 observers x 12 units, None = missing; unit 12 has only one
    # value and is not pairable. alpha = 0.743.
    table = [
        (1, 1, None, 1),
        (2, 2, 3, 2),
        (3, 3, 3, 3),
        (3, 3, 3, 3),
        (2, 2, 2, 2),
        (1, 2, 3, 4),
        (4, 4, 4, 4),
        (1, 1, 2, 1),
        (2, 2, 2, 2),
        (None, 5, 5, 5),
        (None, None, 1, 1),
        (None, None, 3, None),
    ]
    assert krippendorff_alpha(table) == pytest.approx(0.743, abs=5e-4)


def test_alpha_with_one_value_only_is_undefined() -> None:
    assert krippendorff_alpha([("a", "a"), ("a", "a")]) is None


# -- alpha-U --------------------------------------------------------------------------------
# Krippendorff (1995), "On the reliability of unitizing contiguous data", Sociological
# Methodology 25, p. 57: four pairs of coders (A-D) unitize a continuum of length 24. The
# units as DKPro Statistics transcribes them (unitizing/Krippendorff1995Test.java,
# createExample); the published alphas are A 0.553, B -0.926, C 0.679, D 0.066. The paper
# treats the continuum as continuous, so, like DKPro, the example is stretched 50,000 times
# (length 1,200,000) to compare with the discrete definition of Krippendorff (2004), within
# 0.02 as DKPro does (DKPro notes a small error in the paper's D_e; our C is 0.693).
KRIPPENDORFF_1995 = {
    "A": ([(2, 10), (14, 20)], [(4, 8), (15, 17)]),  # Bertha, Bill
    "B": ([(0, 18)], [(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 9), (9, 10)]),  # John, Jill
    "C": (  # Gerret, Gill
        [(2, 8), (10, 12), (14, 18), (20, 22)],
        [(0, 2), (4, 8), (10, 14), (16, 18), (20, 22)],
    ),
    "D": (  # Heather, Hill
        [(0, 2), (2, 10), (10, 14), (14, 20), (20, 24)],
        [(0, 4), (4, 8), (8, 15), (15, 17), (17, 24)],
    ),
}
PUBLISHED_1995 = {"A": 0.553, "B": -0.926, "C": 0.679, "D": 0.066}
OBSERVED_1995 = {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}  # DKPro, exact


def _stretched(units: list[tuple[int, int]], factor: float) -> list[tuple[int, int]]:
    return [(int(start * factor), int(end * factor)) for start, end in units]


@pytest.mark.parametrize("case", sorted(KRIPPENDORFF_1995))
def test_alpha_u_krippendorff_1995(case: str) -> None:
    first, second = KRIPPENDORFF_1995[case]
    exact = unitizing_alpha(24, [first, second])
    assert exact is not None
    assert exact.observed == pytest.approx(OBSERVED_1995[case], abs=1e-5)
    factor = 1_200_000 / 24
    stretched = unitizing_alpha(1_200_000, [_stretched(first, factor), _stretched(second, factor)])
    assert stretched is not None and stretched.alpha is not None
    assert stretched.alpha == pytest.approx(PUBLISHED_1995[case], abs=0.02)


def test_alpha_u_expected_disagreement_as_dkpro() -> None:
    # DKPro asserts D_e = 0.05494 (to 1e-5) for example C halved to a continuum of 12.
    first, second = (_stretched(units, 0.5) for units in KRIPPENDORFF_1995["C"])
    found = unitizing_alpha(12, [first, second])
    assert found is not None
    assert found.expected == pytest.approx(0.05494, abs=1e-5)


def test_alpha_u_krippendorff_2004() -> None:
    # Krippendorff (2004), Content Analysis, p. 254 (via DKPro unitizing/Krippendorff2004Test):
    # continuum [150, 450), categories c and k; alpha_c = 0.7286, alpha_k = 1, and over
    # both categories 1 - (D_o c + D_o k) / (D_e c + D_e k) = 0.8591.
    c = unitizing_alpha(300, [[(75, 145), (220, 250)], [(70, 150), (205, 225), (250, 270)]])
    k = unitizing_alpha(300, [[(30, 90), (150, 200)], [(30, 90), (150, 200)]])
    assert c is not None and k is not None
    assert c.observed == pytest.approx(0.0144, abs=1e-4)
    assert c.expected == pytest.approx(0.0532, abs=1e-4)
    assert c.alpha == pytest.approx(0.7286, abs=1e-4)
    assert k.alpha == 1.0 and k.expected == pytest.approx(0.0490, abs=1e-4)
    overall = 1 - (c.observed + k.observed) / (c.expected + k.expected)
    assert overall == pytest.approx(0.8591, abs=5e-4)


def test_alpha_u_identical_is_one_and_nothing_marked_is_undefined() -> None:
    same = unitizing_alpha(100, [[(10, 20), (30, 35)], [(10, 20), (30, 35)]])
    assert same is not None and same.alpha == 1.0
    assert unitizing_alpha(100, [[], []]) is None


def test_alpha_u_refuses_overlapping_units() -> None:
    with pytest.raises(ValueError):
        unitizing_alpha(10, [[(0, 5), (4, 6)], []])


# -- F1, Cohen, Fleiss by hand ---------------------------------------------------------------


def test_span_f1_exact_and_overlap_by_hand() -> None:
    # a: [0,5) [10,15) [20,25); b: [0,5) [11,15) [30,35).
    # exact: [0,5) only -> 1 match, F1 = 2*1/(3+3) = 1/3.
    # overlap: [0,5)=[0,5), [10,15)~[11,15); [20,25) and [30,35) meet nothing -> 2, F1 = 2/3.
    a = [(0, 5), (10, 15), (20, 25)]
    b = [(0, 5), (11, 15), (30, 35)]
    assert exact_matches(a, b) == 1 and f1(1, 3, 3) == pytest.approx(1 / 3)
    assert overlap_matches(a, b) == 2 and f1(2, 3, 3) == pytest.approx(2 / 3)
    assert f1(0, 0, 0) is None


def test_overlap_matching_is_one_to_one() -> None:
    # One long span over two short ones pairs with only one of them.
    assert overlap_matches([(0, 10)], [(0, 4), (5, 9)]) == 1
    # Greedy by end keeps the maximum: [0,3) must take [2,4) for [5,8) to take [6,9).
    assert overlap_matches([(0, 3), (5, 8)], [(2, 6), (6, 9)]) == 2


def test_cohen_kappa_by_hand() -> None:
    # 10 items: a = a a a b b b c c c c, b = a a b b b c c c c c.
    # p_o = 8/10; marginals a 3/3/4, b 2/3/5 -> p_e = .06 + .09 + .20 = .35;
    # kappa = (.8 - .35) / (1 - .35) = 0.6923.
    first, second = "aaabbbcccc", "aabbbccccc"
    assert cohen_kappa(zip(first, second, strict=True)) == pytest.approx(0.45 / 0.65)
    assert cohen_kappa([("O", "O"), ("O", "O")]) is None  # chance agreement 1: n/a


def test_fleiss_kappa_example() -> None:
    # The 10 subjects x 14 raters x 5 categories example of Fleiss' kappa (Wikipedia,
    # "Fleiss' kappa", worked example): P = 0.378, P_e = 0.213, kappa = 0.210.
    rows = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    assert fleiss_kappa([dict(enumerate(row)) for row in rows]) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_from_agreeing_pairs_equals_fleiss_from_rows() -> None:
    rng = random.Random(3)
    coders = [[rng.choice("abO") for _ in range(40)] for _ in range(3)]
    rows = [{c: column.count(c) for c in set(column)} for column in zip(*coders, strict=True)]
    pairs = sum(
        one == other
        for a, b in ((0, 1), (0, 2), (1, 2))
        for one, other in zip(coders[a], coders[b], strict=True)
    )
    totals = {c: sum(row.get(c, 0) for row in rows) for c in "abO"}
    assert fleiss_from_pairs(40, 3, pairs, totals) == pytest.approx(fleiss_kappa(rows))


def test_token_bounds_are_tokenise() -> None:
    rng = random.Random(1)
    pool = [*"ab1 2.,٫٬٣٤ قالَ،؛.\n«»😀🏽️ ّ^~ـ", "\u0301", "\u200c", "🇸🇦", "\u2028"]
    texts = [ARABIC_SENTENCE] + ["".join(rng.choices(pool, k=20)) for _ in range(3000)]
    space_separated = {TOKENISATION: SPACE_SEPARATED}  # a document imported from CoNLL
    assert tokenise("ab  c\n d\te", space_separated) == [(0, 2), (4, 5), (7, 10)]
    for text in texts:
        tokens = tokenise(text)
        assert token_bounds(text) == ([t.start for t in tokens], [t.end for t in tokens]), text
        assert fast_tokenise(text) == tokens, text
        assert fast_tokenise(text, space_separated) == tokenise(text, space_separated), text


def test_token_edges_are_tokenise() -> None:
    """The edges agreement reads tokens by: each token's start and end in turn."""
    rng = random.Random(2)
    pool = [*"ab1 2.,٫٬٣٤ قالَ،؛.\n«»😀🏽️ ّ^~ـ", "\u0301", "\u200c", "🇸🇦", "\u2028", "\t"]
    texts = ["", "   ", ARABIC_SENTENCE] + ["".join(rng.choices(pool, k=25)) for _ in range(3000)]
    space_separated = {TOKENISATION: SPACE_SEPARATED}
    for text in texts:
        for meta in (None, space_separated):
            edges = [offset for token in tokenise(text, meta) for offset in token]
            assert token_edges(text, meta) == edges, (text, meta)


# -- the report on a project -----------------------------------------------------------------

TEXT = "قال الرئيس محمد علي في القاهرة: «الاتفاق سيوقع غدا» وغادر."
OTHER_TEXT = "وصل الوزير سمير حداد إلى بيروت أمس."


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _annotate(
    project: Project, document: str, name: str, gpe: str = "القاهرة", speaker: str = "محمد علي"
) -> None:
    """PERSON محمد علي, GPE (as given), a QUOTE and its SPEAKER; marked done."""
    person = project.spans.add(document, name, "PERSON", *_at(TEXT, "محمد علي")).spans_added[0]
    project.spans.add(document, name, "GPE", *_at(TEXT, gpe))
    quote = project.spans.add(document, name, "QUOTE", *_at(TEXT, "«الاتفاق سيوقع غدا»"))
    if speaker != "محمد علي":
        person = project.spans.add(document, name, "PERSON", *_at(TEXT, speaker)).spans_added[0]
    project.relations.add("SPEAKER", quote.spans_added[0], person)
    project.documents.set_status(document, name, "done")


@pytest.fixture
def two_documents(project: Project) -> tuple[str, str]:
    first = project.documents.add(TEXT, "خبر القاهرة").documents_added[0]
    second = project.documents.add(OTHER_TEXT, "خبر بيروت").documents_added[0]
    return first, second


def test_identical_annotators_agree_fully(project: Project, two_documents: tuple[str, str]) -> None:
    first, _ = two_documents
    _annotate(project, first, "ali")
    _annotate(project, first, "sara")
    report = agreement_report(project)
    assert report.annotators == ("ali", "sara") and report.documents == 1
    for label in (None, "PERSON", "GPE", "QUOTE"):
        (scores,) = report.for_label(label)
        assert (scores.f1_exact, scores.f1_overlap, scores.kappa, scores.alpha_u) == (1, 1, 1, 1)
    (unmarked,) = report.for_label("ORG")
    assert unmarked.f1_exact is None and unmarked.kappa is None and unmarked.alpha_u is None
    assert [r.f1 for r in report.relations if r.label in (None, "SPEAKER")] == [1.0, 1.0]


def test_disagreement_on_one_label(project: Project, two_documents: tuple[str, str]) -> None:
    first, _ = two_documents
    _annotate(project, first, "ali")
    _annotate(project, first, "sara", gpe="في القاهرة")
    report = agreement_report(project)
    (person,) = report.for_label("PERSON")
    (gpe,) = report.for_label("GPE")
    (overall,) = report.for_label(None)
    assert person.f1_exact == 1 and person.alpha_u == 1
    assert gpe.f1_exact == 0 and gpe.f1_overlap == 1  # same place, one more word
    assert gpe.kappa is not None and gpe.kappa < 1  # "في" is in for sara, out for ali
    assert gpe.alpha_u is not None and gpe.alpha_u < 1
    assert overall.f1_exact == pytest.approx(2 / 3)  # 2 of 3 spans each match exactly
    assert report.per_document[0].f1_exact == overall.f1_exact


def test_a_third_annotator_makes_a_group(project: Project, two_documents: tuple[str, str]) -> None:
    first, _ = two_documents
    _annotate(project, first, "ali")
    _annotate(project, first, "sara")
    _annotate(project, first, "omar", gpe="في القاهرة", speaker="الرئيس")
    report = agreement_report(project)
    overall = report.for_label(None)
    assert [s.annotators for s in overall] == [  # in name order
        ("ali", "omar"),
        ("ali", "sara"),
        ("omar", "sara"),
        ("ali", "omar", "sara"),
    ]
    group = overall[-1]
    assert group.is_group and group.to_json()["kappa_kind"] == "fleiss"
    assert group.spans == (3, 4, 3)  # omar's speaker is another PERSON span
    assert overall[1].kappa == 1 and group.kappa is not None and 0 < group.kappa < 1
    speaker = [r for r in report.relations if r.label == "SPEAKER"]
    assert [r.f1 for r in speaker] == [0.0, 1.0, 0.0, pytest.approx(1 / 3)]


def test_only_documents_everyone_marked_done_unless_status_any(
    project: Project, two_documents: tuple[str, str]
) -> None:
    first, second = two_documents
    _annotate(project, first, "ali")
    _annotate(project, first, "sara")
    project.spans.add(second, "ali", "PERSON", *_at(OTHER_TEXT, "سمير حداد"))
    project.documents.set_status(second, "ali", "done")
    project.documents.set_status(second, "sara", "in_progress")
    assert agreement_report(project).documents == 1
    everything = agreement_report(project, status="any")
    assert everything.documents == 2
    assert everything.per_document[0].uid == second  # worst first: sara marked nothing there
    assert everything.per_document[0].f1_exact == 0


def test_choosing_annotators_and_labels(project: Project, two_documents: tuple[str, str]) -> None:
    first, _ = two_documents
    for name in ("ali", "sara", "gold"):
        _annotate(project, first, name)
    assert agreement_report(project).annotators == ("ali", "sara")  # never gold by default
    report = agreement_report(project, ["gold", "ali"], ["GPE"])
    assert report.annotators == ("gold", "ali") and report.labels == ("GPE",)
    assert [s.label for s in report.scores] == [None, "GPE"]
    assert [r.relations for r in report.relations if r.label is None] == [(0, 0)]


@pytest.mark.parametrize(
    ("annotators", "labels", "message"),
    [
        (["ali", "nobody"], None, "unknown annotator 'nobody'"),
        (["ali"], None, "at least two annotators"),
        (None, ["PLANET"], "unknown label 'PLANET'"),
        (["ali", "sara"], None, "no documents to compare"),
    ],
)
def test_refusals(
    project: Project,
    two_documents: tuple[str, str],
    annotators: list[str] | None,
    labels: list[str] | None,
    message: str,
) -> None:
    first, _ = two_documents
    project.annotators.ensure("ali")
    project.annotators.ensure("sara")
    project.documents.set_status(first, "ali", "done")
    with pytest.raises(InputError, match=message):
        agreement_report(project, annotators, labels)


# -- the command line -------------------------------------------------------------------------


@pytest.fixture
def annotated(project: Project, two_documents: tuple[str, str]) -> Path:
    first, _ = two_documents
    _annotate(project, first, "ali")
    _annotate(project, first, "sara", gpe="في القاهرة")
    return project.path


def test_cli_json_has_every_figure(annotated: Path) -> None:
    result = CliRunner().invoke(main, ["agreement", str(annotated), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["annotators"] == ["ali", "sara"] and report["documents"] == 1
    figures = {"f1_exact", "f1_overlap", "kappa", "kappa_kind", "alpha_u", "alpha_u_observed"}
    assert all(figures <= set(scores) for scores in report["scores"])
    assert {s["label"] for s in report["scores"]} >= {None, "PERSON", "GPE", "QUOTE"}
    assert report["relations"][0]["f1"] == 1.0
    (document,) = report["per_document"]
    assert document["title"] == "خبر القاهرة" and document["pairs"][0]["kappa"] < 1


def test_cli_table_shows_arabic_label_names(annotated: Path) -> None:
    result = CliRunner().invoke(
        main, ["agreement", str(annotated), "--visual", "never", "--labels", "PERSON,GPE"]
    )
    assert result.exit_code == 0, result.output
    with Project.open(annotated) as opened:
        person = opened.labels.span_label("PERSON")
    assert person is not None and f"{person.arabic} PERSON" in result.output
    assert "خبر القاهرة" in result.output and "n/a" not in result.output.split("relations")[0]


def test_cli_visual_order_shapes_arabic(annotated: Path) -> None:
    result = CliRunner().invoke(main, ["agreement", str(annotated), "--visual", "always"])
    assert result.exit_code == 0
    assert "خبر القاهرة" not in result.output  # reshaped and reordered for the terminal


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--annotators", "ali,nobody"], "unknown annotator 'nobody'"),
        (["--annotators", "ali"], "at least two annotators"),
        (["--labels", "PLANET"], "unknown label 'PLANET'"),
        (["--annotators", "ali,sara", "--status", "done", "--labels", ","], "at least one"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(
    annotated: Path, arguments: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["agreement", str(annotated), *arguments])
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_several_processes_give_exactly_the_figures_of_one(project: Project) -> None:
    """Runs of documents tallied apart and added in order: the same report to the last
    digit, with units at the very start and end of documents and documents without any."""
    rng = random.Random(11)
    words = ["قال", "الوزير", "سامي", "في", "بيروت", "إن", "الحوار", "مستمر", "اليوم", "."]
    for number in range(9):
        text = " ".join(rng.choice(words) for _ in range(30 + number))
        uid = project.documents.add(text, f"خبر {number}").documents_added[0]
        for name in ("ali", "huda", "sara"):
            if number == 4 and name == "huda":
                continue  # a document one annotator left empty
            for _ in range(rng.randrange(1, 6)):
                start = rng.choice([0, rng.randrange(len(text) - 5)])
                end = min(len(text), start + rng.randrange(1, 15))
                label = rng.choice(["PERSON", "GPE", "QUOTE"])
                if project.spans.find(uid, name, label, start, end) is None:
                    project.spans.add(uid, name, label, start, end)
            project.documents.set_status(uid, name, "done")
    alone = agreement_report(project, workers=1).to_json()
    for workers in (2, 3, 4):
        assert agreement_report(project, workers=workers).to_json() == alone


def test_one_process_tells_how_many_documents_it_has_compared(
    project: Project, two_documents: tuple[str, str]
) -> None:
    first, second = two_documents
    for name in ("ali", "sara"):
        _annotate(project, first, name)
        project.documents.set_status(second, name, "done")
    seen: list[tuple[int, int]] = []
    heard = agreement_report(project, workers=1, progress=lambda *step: seen.append(step))
    assert seen == [(2, 2)]
    assert heard.to_json() == agreement_report(project, workers=1).to_json()


def test_labels_nobody_used_make_one_line_not_rows_of_n_a(annotated: Path) -> None:
    result = CliRunner().invoke(main, ["agreement", str(annotated), "--visual", "never"])
    assert result.exit_code == 0, result.output
    table = result.output.split("documents, worst first")[0]
    rows = [line for line in table.splitlines() if line.split()[-4:] == ["n/a"] * 4]
    assert rows == []
    (unused,) = [line for line in table.splitlines() if line.startswith("no annotator used: ")]
    names = unused.removeprefix("no annotator used: ").split(", ")
    assert {"LOC", "EVENT", "NORP"} <= set(names) and "PERSON" not in names
