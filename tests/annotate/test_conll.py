"""CoNLL (flat and nested): exact files, seqeval reading them back, import, Wojood round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from seqeval.metrics.sequence_labeling import get_entities

from annotate.cli import main
from annotate.corpus.export_files import export_corpus
from annotate.corpus.importing import import_paths
from annotate.errors import AnnotateError, InputError
from annotate.project import Project
from annotate.tokens import tokenise
from tests.helpers import table_checksums

WOJOOD = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "wojood-sample"
TEXT = (
    "قال الرئيس محمد العلي في جامعة بيروت العربية: «نريد السلام».\n"
    "وغادر إلى القاهرة، ثم عاد إلى وبيروت."
)


def mark(project: Project, uid: str, piece: str, label: str, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    changes = project.spans.add(uid, "ali", label, start, start + len(piece))
    return changes.spans_added[0]


@pytest.fixture
def news(project: Project) -> str:
    uid = project.documents.add(TEXT, "خبر").documents_added[0]
    mark(project, uid, "الرئيس", "TITLE")
    mark(project, uid, "محمد العلي", "PERSON")
    mark(project, uid, "جامعة بيروت العربية", "ORG")
    mark(project, uid, "بيروت", "GPE")
    mark(project, uid, "نريد السلام", "QUOTE")
    mark(project, uid, "القاهرة", "GPE")
    return uid


FLAT = """-DOCSTART- -X- O O

قال O
الرئيس B-TITLE
محمد B-PERSON
العلي I-PERSON
في O
جامعة B-ORG
بيروت I-ORG
العربية I-ORG
: O
« O
نريد O
السلام O
» O
. O

وغادر O
إلى O
القاهرة B-GPE
، O
ثم O
عاد O
إلى O
وبيروت O
. O

"""


def test_tokens_split_punctuation_and_keep_clitics_numbers_and_emoji() -> None:
    text = "قال: «وبيروت» في 3.5 ساعات، و1,000 جنيه 👍🏽!"
    words = [text[t.start : t.end] for t in tokenise(text)]
    assert words == [
        "قال",
        ":",
        "«",
        "وبيروت",
        "»",
        "في",
        "3.5",
        "ساعات",
        "،",
        "و1,000",
        "جنيه",
        "👍🏽",
        "!",
    ]


def test_flat_conll_is_exact_with_quotes_and_overlaps_reported(
    project: Project, news: str, tmp_path: Path
) -> None:
    report = export_corpus(project, tmp_path / "out.conll", "conll")
    assert (tmp_path / "out.conll").read_text(encoding="utf-8") == FLAT
    assert report.records == 1
    assert any("1 span(s) overlapping a longer one" in note for note in report.notes)
    assert any("1 passage span(s) (QUOTE)" in note for note in report.notes)


def test_nested_conll_puts_inner_spans_in_later_columns(
    project: Project, news: str, tmp_path: Path
) -> None:
    export_corpus(project, tmp_path / "out.conll", "conll-nested")
    lines = (tmp_path / "out.conll").read_text(encoding="utf-8").splitlines()
    assert lines[7:12] == [
        "جامعة B-ORG",
        "بيروت I-ORG B-GPE",
        "العربية I-ORG",
        ": O",
        "« O",
    ]
    assert lines[12:14] == ["نريد B-QUOTE", "السلام I-QUOTE"]


def test_seqeval_recovers_exactly_the_entities(project: Project, tmp_path: Path) -> None:
    text = "التقى وزير الخارجية أحمد سالم بنظيره في عمّان يوم الأحد.\nوقال سالم إن الأردن مستعد."
    uid = project.documents.add(text, "لقاء").documents_added[0]
    entities = [("أحمد سالم", "PERSON"), ("عمّان", "GPE"), ("الأحد", "DATE"), ("الأردن", "GPE")]
    expected = set()
    for piece, label in entities:
        start = text.index(piece)
        project.spans.add(uid, "ali", label, start, start + len(piece))
        expected.add((label, start, start + len(piece)))
    export_corpus(project, tmp_path / "out.conll", "conll")
    assert entities_in(tmp_path / "out.conll", text) == expected


def entities_in(path: Path, text: str) -> set[tuple[str, int, int]]:
    """Entities as seqeval finds them, placed back in the text token by token."""
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("-DOCSTART-"):
            token, tag = line.split(" ")
            tokens.append(token)
            tags.append(tag)
    offsets, cursor = [], 0
    for token in tokens:
        start = text.index(token, cursor)
        offsets.append((start, start + len(token)))
        cursor = start + len(token)
    return {
        (label, offsets[first][0], offsets[last][1]) for label, first, last in get_entities(tags)
    }


def test_a_boundary_inside_a_token_is_extended_and_reported(
    project: Project, news: str, tmp_path: Path
) -> None:
    start = TEXT.index("بيروت.")  # بيروت inside وبيروت
    project.spans.add(news, "ali", "GPE", start, start + len("بيروت"))
    report = export_corpus(project, tmp_path / "out.conll", "conll")
    assert "وبيروت B-GPE" in (tmp_path / "out.conll").read_text(encoding="utf-8")
    assert report.notes[0] == (
        "1 span(s) began or ended inside a token and were extended to the whole token"
    )
    assert any("extended GPE 'بيروت' in 'خبر' [ali] to 'وبيروت'" in n for n in report.notes)


def test_import_rebuilds_the_text_and_export_gives_the_same_file(
    project: Project, tmp_path: Path
) -> None:
    source = tmp_path / "two.conll"
    source.write_text(
        "-DOCSTART- -X- O O\n\nزار B-PERSON\nخالد I-PERSON\n\nدمشق B-GPE\n\n"
        "-DOCSTART- -X- O O\n\nالأمم B-ORG\nالمتحدة I-ORG\n\n",
        encoding="utf-8",
    )
    report = import_paths(project, [source], "conll", annotator="ali")
    assert (report.documents_added, report.spans_added) == (2, 3)
    first, second = project.documents.summaries()
    assert (first.title, second.title) == ("two 1", "two 2")
    text = project.documents.get(first.uid).text
    assert text == "زار خالد\nدمشق"
    spans = project.spans.for_document(first.uid)
    assert [(s.label, s.start, s.end) for s in spans] == [("PERSON", 0, 8), ("GPE", 9, 13)]
    export_corpus(project, tmp_path / "again.conll", "conll", source="ali")
    assert (tmp_path / "again.conll").read_text(encoding="utf-8") == source.read_text("utf-8")


def test_a_token_with_punctuation_inside_keeps_its_offsets(
    project: Project, tmp_path: Path
) -> None:
    source = tmp_path / "odd.conll"
    source.write_text("الموقع O\nexample.com/ar B-WEBSITE\n$#$ O\n", encoding="utf-8")
    import_paths(project, [source], "conll", annotator="ali", add_labels=True)
    export_corpus(project, tmp_path / "again.conll", "conll")
    lines = (tmp_path / "again.conll").read_text(encoding="utf-8").splitlines()
    assert lines[2:] == ["الموقع O", "example.com/ar B-WEBSITE", "$#$ O", ""]


BAD_INPUT = [
    ("truncated", "قال O\nخالد B-PERSON\nدمش", "conll", 3, "found only the token"),
    ("a chunk tag", "قال VBD O\nخالد NNP B-NP\n", "conll", 2, "unknown labels: NP"),
    ("no tag", "قال\n", "conll-nested", 1, "at least one tag"),
    ("I- without B-", "قال O\nخالد I-PERSON\n", "conll", 2, "I-PERSON continues no"),
    ("I- after another label", "قال B-GPE\nخالد I-PERSON\n", "conll", 2, "continues no"),
    ("tags without a token", "قال O\n\tB-PERSON\n", "conll-nested", 2, "tags without a token"),
    ("not a tag", "قال O\nخالد PERSON\n", "conll", 2, "is not an IOB2 tag"),
    ("label missing", "قال O\nخالد B-\n", "conll", 2, "is not an IOB2 tag"),
    ("a NUL in a token", "قال O\nخالد\x00 B-PERSON\n", "conll", 2, "contains a NUL character"),
    ("a NUL, nested", "قال O\n\x00خالد B-PERSON\n", "conll-nested", 2, "NUL character"),
]


@pytest.mark.parametrize(("case", "content", "fmt", "line", "message"), BAD_INPUT)
def test_bad_input_names_file_and_line_and_changes_nothing(
    project: Project,
    project_path: Path,
    tmp_path: Path,
    case: str,
    content: str,
    fmt: str,
    line: int,
    message: str,
) -> None:
    path = tmp_path / "bad.conll"
    path.write_text(content, encoding="utf-8")
    before = table_checksums(project_path)
    with pytest.raises(InputError) as raised:
        import_paths(project, [path], fmt, annotator="ali")
    assert (raised.value.file, raised.value.line) == (str(path), line), case
    assert message in raised.value.message, case
    assert table_checksums(project_path) == before


def test_invalid_utf8_names_its_line(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_bytes("قال O\n".encode() + b"\xff\xfe O\n")
    with pytest.raises(InputError) as raised:
        import_paths(project, [path], "conll", annotator="ali")
    assert (raised.value.line, raised.value.message) == (2, "invalid UTF-8 at byte 9")


def test_repair_iob_reads_i_as_b_and_reports_it(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "iob1.conll"
    path.write_text("قال O\nخالد I-PERSON\n", encoding="utf-8")
    report = import_paths(project, [path], "conll", annotator="ali", repair_iob=True)
    assert report.notes == ["iob1.conll:2 I-PERSON read as B-PERSON"]
    assert report.spans_added == 1


def test_cli_exports_splits_that_share_no_document(project_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    with Project.create(project_path) as created:
        for number in range(10):
            text = f"زار الوفد رقم {number} مدينة حلب."
            uid = created.documents.add(text).documents_added[0]
            created.spans.add(uid, "ali", "GPE", text.index("حلب"), text.index("."))
    out = tmp_path / "corpus"
    args = ["export", str(project_path), str(out), "--format", "conll"]
    split = ["--split", "train=0.6,dev=0.2,test=0.2", "--seed", "3"]
    result = runner.invoke(main, [*args, *split])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["dev.conll", "test.conll", "train.conll"]
    counts = [
        (out / f"{n}.conll").read_text("utf-8").count("-DOCSTART-")
        for n in ("train", "dev", "test")
    ]
    assert counts == [6, 2, 2]
    again = tmp_path / "again"
    assert (
        runner.invoke(
            main, ["export", str(project_path), str(again), "--format", "conll", *split]
        ).exit_code
        == 0
    )
    for name in ("train", "dev", "test"):
        assert (again / f"{name}.conll").read_bytes() == (out / f"{name}.conll").read_bytes()
    refused = runner.invoke(main, [*args, *split])
    assert refused.exit_code == 2 and "not empty" in refused.output


def test_a_split_must_add_up(project: Project, news: str, tmp_path: Path) -> None:
    with pytest.raises(AnnotateError, match=r"add up to 0\.9"):
        export_corpus(project, tmp_path / "out", "conll", split="train=0.8,test=0.1")
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not WOJOOD.is_dir(), reason="the Wojood sample is not in ../shared/corpora")
@pytest.mark.parametrize("part", ["val", "test", "train"])
def test_wojood_round_trips_every_token_and_tag_column(tmp_path: Path, part: str) -> None:
    source = WOJOOD / f"{part}.txt"
    with Project.create(tmp_path / f"{part}.annotate") as project:
        report = import_paths(
            project, [source], "conll-nested", "wojood", add_labels=True, repair_iob=True
        )
        export_corpus(project, tmp_path / "out.conll", "conll-nested")
    exported = (tmp_path / "out.conll").read_text(encoding="utf-8").split("\n")
    assert exported[:2] == ["-DOCSTART- -X- O O", ""]
    original = source.read_text(encoding="utf-8").split("\n")
    assert sentences_of(exported[2:]) == sentences_of(original)
    differing = [(a, b) for a, b in zip(exported[2:], original, strict=False) if a != b and a and b]
    if part == "train":  # one sentence of train.txt begins inside a FAC span
        assert report.notes == ["train.txt:12377 I-FAC read as B-FAC"]
        assert differing == [("الفرنسي B-FAC", "الفرنسي I-FAC")]
    else:
        assert (report.notes, differing) == ([], [])


def sentences_of(lines: list[str]) -> list[list[str]]:
    grouped: list[list[str]] = [[]]
    for line in lines:
        if line:
            grouped[-1].append(line.split(" ")[0])
        elif grouped[-1]:
            grouped.append([])
    return [sentence for sentence in grouped if sentence]


CONLL_2003 = (
    "-DOCSTART- -X- -X- O\n\n"
    "قال VBD B-VP O\nالرئيس NN B-NP B-TITLE\nمحمد NNP I-NP B-PERSON\nالعلي NNP I-NP I-PERSON\n\n"
    "وغادر VBD B-VP O\nإلى IN B-PP O\nالقاهرة NNP B-NP B-GPE\n\n"
)


def test_the_last_of_several_columns_holds_the_tags_or_the_one_asked_for(
    project: Project, tmp_path: Path
) -> None:
    source = tmp_path / "eng.train"
    source.write_text(CONLL_2003, encoding="utf-8")
    report = import_paths(project, [source], "conll", annotator="ali")
    assert (report.documents_added, report.spans_added) == (1, 3)
    (summary,) = project.documents.summaries()
    text = project.documents.get(summary.uid).text
    assert text == "قال الرئيس محمد العلي\nوغادر إلى القاهرة"
    spans = project.spans.for_document(summary.uid)
    assert sorted((s.label, text[s.start : s.end]) for s in spans) == [
        ("GPE", "القاهرة"),
        ("PERSON", "محمد العلي"),
        ("TITLE", "الرئيس"),
    ]

    def import_column(column: str) -> Result:
        arguments = ["import", str(project.path), str(source), "--format", "conll"]
        return CliRunner().invoke(main, [*arguments, "--annotator", "sara", "--tag-column", column])

    assert import_column("4").exit_code == 0
    refused = import_column("3")
    assert refused.exit_code != 0 and "unknown labels" in refused.output
    assert len(project.spans.for_document(summary.uid, "sara")) == 3


def test_a_conll_file_named_txt_is_read_as_conll_and_says_so(
    project: Project, tmp_path: Path
) -> None:
    source = tmp_path / "ner.txt"
    source.write_text("زار B-PERSON\nخالد I-PERSON\n\nدمشق B-GPE\n", encoding="utf-8")
    prose = tmp_path / "prose.txt"
    prose.write_text("قال الوزير إن الخطة O جاهزة.\nوغادر.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["import", str(project.path), str(source), str(prose), "--annotator", "ali"]
    )
    assert result.exit_code == 0, result.output
    assert f"note: {source}: read as conll-nested" in result.output
    texts = sorted(project.documents.get(s.uid).text for s in project.documents.summaries())
    assert texts == ["زار خالد\nدمشق", "قال الوزير إن الخطة O جاهزة.\nوغادر.\n"]
    assert len(project.spans.for_document(project.documents.resolve("1"))) == 2


def test_spacy_convert_reads_the_export_as_one_doc_per_document(
    project: Project, news: str, tmp_path: Path
) -> None:
    import subprocess
    import sys

    import spacy
    from spacy.tokens import DocBin

    second = project.documents.add("زار خالد دمشق.", "ثان").documents_added[0]
    project.spans.add(second, "ali", "PERSON", 4, 8)
    out = tmp_path / "all.conll"
    export_corpus(project, out, "conll", source="ali")
    converted = tmp_path / "converted"
    converted.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "convert",
            str(out),
            str(converted),
            "-c",
            "ner",
            "-n",
            "0",
        ],
        check=True,
        capture_output=True,
    )
    docs = list(DocBin().from_disk(converted / "all.spacy").get_docs(spacy.blank("ar").vocab))
    assert len(docs) == 2
    assert all("-DOCSTART-" not in doc.text for doc in docs)
    assert [(e.label_, e.text) for e in docs[1].ents] == [("PERSON", "خالد")]
    assert ("PERSON", "محمد العلي") in [(e.label_, e.text) for e in docs[0].ents]


def test_a_nested_file_is_never_read_flat_by_mistake(project: Project, tmp_path: Path) -> None:
    nested = "زار O\nجامعة B-ORG\nبيروت I-ORG B-GPE\n"
    named_txt = tmp_path / "train.txt"
    named_txt.write_text(nested, encoding="utf-8")
    import_paths(project, [named_txt], annotator="ali")
    uid = project.documents.resolve("1")
    text = project.documents.get(uid).text
    found = sorted((s.label, text[s.start : s.end]) for s in project.spans.for_document(uid))
    assert found == [("GPE", "بيروت"), ("ORG", "جامعة بيروت")]
    with pytest.raises(InputError, match="nested layers") as caught:
        import_paths(project, [named_txt], "conll", annotator="sara")
    assert caught.value.line == 3
    import_paths(project, [named_txt], "conll", annotator="sara", tag_column=2)
    assert [s.label for s in project.spans.for_document(uid, "sara")] == ["ORG"]
