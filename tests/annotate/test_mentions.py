from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.importing import import_paths
from annotate.mentions import REPLACE_FROM, REPLACED, find_mentions, normalise, normalised_text
from annotate.project import Project
from annotate.sample import SAMPLE_FOLDER
from annotate.searching import search_documents
from tests.helpers import old_document, older_project

TEXT = (
    "قال الوزيـــر مُحَمَّد إن أحمد واحمد وإحمد اجتمعوا بالمنظمة وللمنظمة والمنظمة، "
    "ثم قال والتز إن بوتين وبوتين التقى بوتينيا في كييف وبكييف ١٢٠ مرة."
)


def found(query: str, text: str = TEXT, prefix: bool = False) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, text[m.start : m.end]) for m in find_mentions(text, query, prefix)]


def at(words: str, occurrence: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words), words


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("الوزير", [at("الوزيـــر")]),  # tatweel inside
        ("محمد", [at("مُحَمَّد")]),  # harakat, the last one included
        ("احمد", [at("أحمد"), at("احمد"), at("إحمد")]),  # hamza forms; و attached
        ("المنظمة", [at("المنظمة"), at("لمنظمة", 1), at("المنظمة", 1)]),  # بال، ولل، وال
        ("والتز", [at("والتز")]),  # a name that begins with و, found whole
        ("بوتين", [at("بوتين"), at("بوتين", 1)]),  # not بوتينيا
        ("كييف", [at("كييف"), at("كييف", 1)]),
        ("120", [at("١٢٠")]),  # Arabic-Indic digits
    ],
)
def test_every_mention_is_found_with_raw_offsets(
    query: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(query) == expected


def test_a_longer_word_matches_only_when_prefixes_are_asked_for() -> None:
    assert found("بوتين", prefix=True) == [at("بوتين"), at("بوتين", 1), at("بوتين", 2)]


def test_normalised_offsets_map_back_to_raw_ones() -> None:
    raw = "مُحَمَّدـ علي"
    normalised = normalise(raw)
    assert normalised.text == "محمد علي"
    assert normalised.raw_start(4) == raw.index(" ")
    assert normalised.raw_end(4) == raw.index(" ")  # the marks and tatweel go with محمد


def test_search_command_finds_mentions_across_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "p.annotate"
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER])
        texts = {
            s.position: project.documents.get(s.uid).text for s in project.documents.summaries()
        }
    result = CliRunner().invoke(main, ["search", str(path), "عمان", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits and all(texts[h["number"]][h["start"] : h["end"]] == "عمّان" for h in hits)
    result = CliRunner().invoke(main, ["search", str(path), "الرياحي", "--doc", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.count("الرياحي") >= 2


def test_the_index_finds_short_queries_and_contracted_articles(tmp_path: Path) -> None:
    path = tmp_path / "p.annotate"
    with Project.create(path) as project:
        project.documents.add("اجتمع وفد للمنظمة في عمّان.")
        project.documents.add("لا شيء هنا يخص الموضوع.")
        short = search_documents(project, "في")  # under three letters: no index
        contracted = search_documents(project, "المنظمة")  # only للمنظمة is written
    assert [(hit.number, hit.text) for hit in short] == [(1, "في")]
    assert [(hit.number, hit.text) for hit in contracted] == [(1, "لمنظمة")]


def test_a_query_with_a_leading_mark_and_a_match_ending_in_one() -> None:
    text = "قال بوتينَ"
    assert [(m.start, m.end) for m in find_mentions(text, "\u064e بوتين")] == [(4, 10)]


def test_the_search_command_marks_hits_spelled_otherwise_and_finds_the_family(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.annotate"
    text = "قال مسؤول إن مسئولين آخرين، ومنهم المسؤول\nالأول، سيحضرون."
    with Project.create(path) as project:
        project.documents.add(text)
    result = CliRunner().invoke(main, ["search", str(path), "مسؤول", "--visual", "never"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [["1", "4-9"], ["1", "36-41"]]
    assert lines[-1] == "2 mentions"
    result = CliRunner().invoke(
        main, ["search", str(path), "مسؤول", "--family", "--visual", "never", "--json"]
    )
    hits = json.loads(result.output)
    assert [(hit["text"], hit["variant"]) for hit in hits] == [
        ("مسؤول", False),
        ("مسئولين", True),
        ("المسؤول", True),
    ]
    result = CliRunner().invoke(main, ["search", str(path), "مسؤول", "--family"])
    assert result.output.splitlines()[-1] == "3 mentions, 2 spelled otherwise (~)"
    assert result.output.splitlines()[1].split()[1] == "~"


def test_an_older_projects_index_learns_the_hamza_seats(tmp_path: Path) -> None:
    path = tmp_path / "p.annotate"
    conn = older_project(path, 4)
    with conn:  # as version 4 indexed it: a copy of the text, ؤ and ئ not folded
        old_document(conn, 1, "قال مسؤول في الوزارة إن شؤون المنطقة معقدة.")
        conn.execute(
            "INSERT INTO search_index (rowid, body) VALUES (1, ?)",
            ("قال مسؤول في الوزاره ان شؤون المنطقه معقده.",),
        )
    conn.close()
    with Project.open(path) as project:
        assert [hit.text for hit in search_documents(project, "مسئول")] == ["مسؤول"]
        assert [hit.text for hit in search_documents(project, "شئون")] == ["شؤون"]


def test_a_long_text_is_normalised_like_a_short_one_character_by_character() -> None:
    every_change = "".join(REPLACED)
    long_text = (TEXT + every_change) * 4
    assert len(long_text) >= REPLACE_FROM
    by_piece = "".join(normalised_text(piece) for piece in long_text.split(" "))
    assert normalised_text(long_text).replace(" ", "") == by_piece
    assert not set(every_change) & set(normalised_text(long_text))
