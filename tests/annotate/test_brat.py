"""brat standoff: export, import, the round trip, and the files a brat user would check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.export_files import export_corpus
from annotate.corpus.importing import import_paths, read_records
from annotate.errors import AnnotateError, InputError
from annotate.project import Project
from annotate.text import document_uid
from tests.conftest import ARABIC_SENTENCE
from tests.helpers import table_checksums

# A second paragraph we wrote: the direct quote runs over two lines and ends in emoji.
QUOTE = "سنفتحُ المدرسة\nقبل نهاية العام 🎓"
ARTICLE = ARABIC_SENTENCE + "\nوقالت هالة الصبّاغ: «" + QUOTE + "» 👍🏽."
OTHER = "نصٌّ ثانٍ لم يعلّق عليه أحد بعد."


def find(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def mark(
    project: Project,
    uid: str,
    annotator: str,
    piece: str,
    label: str,
    attrs: dict[str, object] | None = None,
) -> str:
    text = project.documents.get(uid).text
    start, end = find(text, piece)
    return project.spans.add(uid, annotator, label, start, end, attrs).spans_added[0]


def annotate_article(project: Project, annotator: str = "ali") -> str:
    uid = project.documents.add(ARTICLE, "خبر المدرسة").documents_added[0]
    minister = mark(project, uid, annotator, "محمّد العلي", "PERSON")
    mark(project, uid, annotator, "وكالة الأنباء", "ORG")
    mark(project, uid, annotator, "القاهرة 😀", "GPE")
    said = mark(project, uid, annotator, "قالَ", "CUE")
    promise = mark(
        project, uid, annotator, "إنّ الاتفاق سيُوقّع في 2026", "QUOTE", {"kind": "indirect"}
    )
    speaker = mark(project, uid, annotator, "هالة الصبّاغ", "PERSON")
    she_said = mark(project, uid, annotator, "قالت", "CUE")
    quote = mark(project, uid, annotator, QUOTE, "QUOTE", {"kind": "direct"})
    for head, tail, label in [
        (promise, minister, "SPEAKER"),
        (promise, said, "CUE"),
        (quote, speaker, "SPEAKER"),
        (quote, she_said, "CUE"),
    ]:
        project.relations.add(label, head, tail)
    return uid


def parse_ann(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The consumer's reading of a .ann file, independent of the module under test."""
    found: dict[str, list[tuple[object, ...]]] = {"T": [], "R": [], "A": []}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        identifier, body, *text = line.split("\t")
        if identifier.startswith("T"):
            label, offsets = body.split(" ", 1)
            fragments = [tuple(int(n) for n in part.split(" ")) for part in offsets.split(";")]
            found["T"].append((identifier, label, fragments, "\t".join(text)))
        elif identifier.startswith("R"):
            label, head, tail = body.split(" ")
            found["R"].append(
                (identifier, label, head.removeprefix("Arg1:"), tail.removeprefix("Arg2:"))
            )
        else:
            found["A"].append((identifier, *body.split(" ")))
    return found


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def counts(project: Project) -> list[int]:
    """Documents, spans and relations in the project."""
    conn = project.store.conn
    tables = ("documents", "spans", "relations")
    return [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables]


# Export


def test_every_t_line_is_the_text_at_its_offsets(project: Project, tmp_path: Path) -> None:
    annotate_article(project)
    out = tmp_path / "brat"
    report = export_corpus(project, out, "brat", source="ali")
    assert report.notes == [] and report.records == 1
    assert sorted(files_under(out)) == ["annotation.conf", "خبر_المدرسة.ann", "خبر_المدرسة.txt"]
    text = (out / "خبر_المدرسة.txt").read_bytes().decode("utf-8")
    assert text == ARTICLE  # the stored text itself: LF kept, no BOM
    spans = parse_ann(out / "خبر_المدرسة.ann")["T"]
    assert len(spans) == 8
    for _, _, fragments, quoted in spans:
        assert quoted == " ".join(text[start:end] for start, end in fragments)
        assert "\n" not in quoted
    by_label = {(label, quoted): fragments for _, label, fragments, quoted in spans}
    assert by_label["PERSON", "محمّد العلي"] == [find(ARTICLE, "محمّد العلي")]
    assert by_label["GPE", "القاهرة 😀"] == [find(ARTICLE, "القاهرة 😀")]
    start, end = find(ARTICLE, QUOTE)
    line_end = ARTICLE.index("\n", start)
    assert by_label["QUOTE", "سنفتحُ المدرسة قبل نهاية العام 🎓"] == [
        (start, line_end),
        (line_end + 1, end),
    ]


def test_unicode_line_separators_split_spans_too(project: Project, tmp_path: Path) -> None:
    """brat reads .ann files by lines as Python's splitlines() cuts them."""
    text = "قال سمير: «فقرة أولى\u2028وتكملتها» ثم سكت."
    uid = project.documents.add(text, "فاصل").documents_added[0]
    mark(project, uid, "ali", "فقرة أولى\u2028وتكملتها", "QUOTE")
    out = tmp_path / "brat"
    export_corpus(project, out, "brat")
    ann = (out / "فاصل.ann").read_text(encoding="utf-8")
    assert ann.splitlines() == ann.split("\n")[:-1]
    ((_, _, fragments, quoted),) = parse_ann(out / "فاصل.ann")["T"]
    assert len(fragments) == 2 and quoted == "فقرة أولى وتكملتها"
    with Project.create(tmp_path / "again.annotate") as fresh:
        import_paths(fresh, [out], "brat", annotator="ali")
        (span,) = fresh.spans.for_document(uid)
        assert text[span.start : span.end] == "فقرة أولى\u2028وتكملتها"


def test_relations_and_attributes_name_their_spans(project: Project, tmp_path: Path) -> None:
    annotate_article(project)
    out = tmp_path / "brat"
    export_corpus(project, out, "brat", source="ali")
    ann = parse_ann(out / "خبر_المدرسة.ann")
    label_of = {identifier: quoted for identifier, _, _, quoted in ann["T"]}
    relations = {(label, label_of[head], label_of[tail]) for _, label, head, tail in ann["R"]}
    assert relations == {
        ("SPEAKER", "إنّ الاتفاق سيُوقّع في 2026", "محمّد العلي"),
        ("CUE", "إنّ الاتفاق سيُوقّع في 2026", "قالَ"),
        ("SPEAKER", "سنفتحُ المدرسة قبل نهاية العام 🎓", "هالة الصبّاغ"),
        ("CUE", "سنفتحُ المدرسة قبل نهاية العام 🎓", "قالت"),
    }
    attributes = {(name, label_of[target], value) for _, name, target, value in ann["A"]}
    assert attributes == {
        ("kind", "إنّ الاتفاق سيُوقّع في 2026", "indirect"),
        ("kind", "سنفتحُ المدرسة قبل نهاية العام 🎓", "direct"),
    }
    conf = (out / "annotation.conf").read_text(encoding="utf-8").splitlines()
    assert conf.index("[entities]") < conf.index("PERSON") < conf.index("[relations]")
    assert "SPEAKER\tArg1:QUOTE, Arg2:PERSON|ORG|GPE|NORP" in conf
    assert "CUE\tArg1:QUOTE, Arg2:CUE" in conf
    assert "kind\tArg:QUOTE, Value:direct|indirect" in conf
    assert {"[events]", "[attributes]"} <= set(conf)


def test_attributes_brat_cannot_hold_are_noted(project: Project, tmp_path: Path) -> None:
    uid = project.documents.add("قال الوزير\nسمير حداد كلاما", "وزير").documents_added[0]
    attrs = {"confirmed": True, "source": "wire", "score": 3, "note": "two words"}
    mark(project, uid, "ali", "سمير حداد", "PERSON", attrs)
    mark(project, uid, "ali", "\nسمير", "TITLE")  # begins with a line break
    out = tmp_path / "brat"
    notes = export_corpus(project, out, "brat").notes
    assert len(notes) == 2
    assert notes[0].startswith("spans that begin or end with a line break were written without")
    assert notes[1].startswith("attributes brat cannot hold were left out") and ": 1 (" in notes[1]
    ann = (out / "وزير.ann").read_text(encoding="utf-8")
    assert "A1\tconfirmed T2\nA2\tsource T2 wire\n#1\tAnnotatorNotes T2\ttwo words\n" in ann
    conf = (out / "annotation.conf").read_text(encoding="utf-8").splitlines()
    assert {"confirmed\tArg:PERSON", "source\tArg:PERSON, Value:wire"} <= set(conf)
    with Project.create(tmp_path / "again.annotate") as fresh:
        import_paths(fresh, [out], "brat", annotator="ali")
        (person,) = [s for s in fresh.spans.for_document(uid) if s.label == "PERSON"]
        assert person.attrs == {"confirmed": True, "source": "wire", "note": "two words"}


def test_hostile_titles_never_write_outside_the_folder(project: Project, tmp_path: Path) -> None:
    titles = [
        "../../etc/passwd",
        "a/b\\c:d",
        "///",
        "سطر\nثان",
        "\u202eعنوان\u200f",
        "خ" * 500,
        "CON",
        "خبر",
        "خبر",
        "annotation.conf",
    ]
    texts = [f"نص رقم {number} للتجربة." for number in range(len(titles))]
    for text, title in zip(texts, titles, strict=True):
        project.documents.add(text, title)
    out = tmp_path / "deep" / "brat"
    out.parent.mkdir()
    before = set(tmp_path.rglob("*"))
    export_corpus(project, out, "brat")
    created = set(tmp_path.rglob("*")) - before
    assert all(out.resolve() in path.resolve().parents for path in created - {out})
    names = [path.name for path in out.iterdir()]
    assert len(names) == 2 * len(titles) + 1
    assert all(not name.startswith(".") and len(name.encode()) <= 100 for name in names)
    written = sorted(path.read_text(encoding="utf-8") for path in out.glob("*.txt"))
    assert written == sorted(texts)
    assert (out / "etc_passwd.txt").read_text(encoding="utf-8") == texts[0]
    assert (out / "annotation.conf").read_text(encoding="utf-8").startswith("#")


def test_notes_name_the_file_each_record_ends_up_in(project: Project, tmp_path: Path) -> None:
    """Files are named once every title and annotator is known; a note names the file."""
    first = project.documents.add("قال الوزير سمير حداد كلاما", "خبر").documents_added[0]
    second = project.documents.add("قالت الوزيرة هالة كلاما", "خبر").documents_added[0]
    mark(project, first, "ali", "سمير حداد", "PERSON")
    mark(project, second, "ali", "هالة", "PERSON")
    mark(project, second, "sara", "هالة", "PERSON", {"score": 3})
    out = tmp_path / "brat"
    notes = export_corpus(project, out, "brat", source="all").notes
    stem = f"خبر_doc_{second[:12]}"
    assert notes == [
        "attributes brat cannot hold were left out (brat has single-word values and true): 1"
        f" (first: sara/{stem}.ann, T1 score=3)"
    ]
    assert sorted(files_under(out)) == [
        f"ali/خبر_doc_{first[:12]}.ann",
        f"ali/خبر_doc_{first[:12]}.txt",
        f"ali/{stem}.ann",
        f"ali/{stem}.txt",
        "annotation.conf",
        f"sara/{stem}.ann",
        f"sara/{stem}.txt",
    ]
    assert (out / "sara" / f"{stem}.txt").read_text(encoding="utf-8") == "قالت الوزيرة هالة كلاما"


def test_export_split_writes_one_brat_folder_per_split(project: Project, tmp_path: Path) -> None:
    for number in range(4):
        project.documents.add(f"نص رقم {number}", f"نص {number}")
    out = tmp_path / "splits"
    export_corpus(project, out, "brat", split="train=0.5,test=0.5", seed=1)
    for split in ("train", "test"):
        assert (out / split / "annotation.conf").is_file()
    assert len(list(out.glob("*/*.txt"))) == 4


# Import


def write_pair(folder: Path, stem: str, text: str | bytes, ann: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix, content in ((".txt", text), (".ann", ann)):
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / f"{stem}{suffix}").write_bytes(data)
    return folder / f"{stem}.ann"


def t_line(identifier: str, label: str, text: str, piece: str, occurrence: int = 0) -> str:
    start, end = find(text, piece, occurrence)
    return f"{identifier}\t{label} {start} {end}\t{piece}\n"


def test_import_keeps_exact_offsets_and_joins_fragments(project: Project, tmp_path: Path) -> None:
    start, end = find(ARTICLE, QUOTE)
    line_end = ARTICLE.index("\n", start)
    fragments = f"{start} {line_end};{line_end + 1} {end}"
    ann = (
        "#1\tAnnotatorNotes T1\tملاحظة على الاسم\n"
        + "#2\tAnnotatorNotes R1\tملاحظة على العلاقة\n"
        + "# a comment\n"
        + t_line("T1", "PERSON", ARTICLE, "هالة الصبّاغ")
        + f"T2\tQUOTE {fragments}\t{QUOTE.replace(chr(10), ' ')}\n"
        + "R1\tSPEAKER Arg1:T2 Arg2:T1\n"
        + "A1\tkind T2 direct\n"
        + "M2\tconfirmed T1\n"
        + t_line("T3", "GPE", ARTICLE, "القاهرة 😀")
    )
    path = write_pair(tmp_path / "in", "خبر_من-brat", ARTICLE, ann)
    report = import_paths(project, [path], "brat", annotator="ali")
    assert (report.documents_added, report.spans_added, report.relations_added) == (1, 3, 1)
    assert report.notes == [f"{path}: 2 # lines left out (notes on relations, comments)"]
    uid = document_uid(ARTICLE)
    assert project.documents.get(uid).title == "خبر من-brat"
    spans = {s.label: s for s in project.spans.for_document(uid, "ali")}
    assert (spans["QUOTE"].start, spans["QUOTE"].end) == (start, end)
    assert ARTICLE[spans["QUOTE"].start : spans["QUOTE"].end] == QUOTE
    assert (spans["PERSON"].start, spans["PERSON"].end) == find(ARTICLE, "هالة الصبّاغ")
    assert ARTICLE[spans["GPE"].start : spans["GPE"].end] == "القاهرة 😀"
    assert spans["QUOTE"].attrs == {"kind": "direct"}
    assert spans["PERSON"].attrs == {"confirmed": True, "note": "ملاحظة على الاسم"}
    (relation,) = project.relations.for_document(uid, "ali")
    assert (relation.label, relation.head, relation.tail) == (
        "SPEAKER",
        spans["QUOTE"].uid,
        spans["PERSON"].uid,
    )


def test_fragments_that_touch_are_one_span(project: Project, tmp_path: Path) -> None:
    start, end = find(OTHER, "ثانٍ")
    middle = start + 2
    quoted = f"{OTHER[start:middle]} {OTHER[middle:end]}"
    ann = f"T1\tDATE {start} {middle};{middle} {end}\t{quoted}\n"
    import_paths(project, [write_pair(tmp_path, "touch", OTHER, ann)], "brat", annotator="ali")
    (span,) = project.spans.for_document(document_uid(OTHER))
    assert (span.start, span.end) == (start, end)


def test_a_discontinuous_span_is_refused_never_widened(
    project: Project, project_path: Path, tmp_path: Path
) -> None:
    first, second = find(OTHER, OTHER.split()[0]), find(OTHER, OTHER.split()[2])
    quoted = f"{OTHER.split()[0]} {OTHER.split()[2]}"
    ann = GOOD_T + f"T2\tORG {first[0]} {first[1]};{second[0]} {second[1]}\t{quoted}\n"
    path = write_pair(tmp_path / "in", "gap", OTHER, ann)
    before, checksums = counts(project), table_checksums(project_path)
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], "brat", annotator="ali")
    assert str(caught.value).startswith(f"{path}:2: a discontinuous span")
    assert repr(OTHER[first[1] : second[0]]) in caught.value.message
    assert counts(project) == before and table_checksums(project_path) == checksums


def test_brat_counts_a_crlf_as_one_character(project: Project, tmp_path: Path) -> None:
    raw = "\ufeffالسطر الأول\r\nقال خالد: نعم\r\nوقال سمير: لا\r\n"
    as_brat = raw.replace("\r\n", "\n")  # how brat (Python's universal newlines) reads it
    ann = t_line("T1", "PERSON", as_brat, "خالد") + t_line("T2", "PERSON", as_brat, "سمير")
    import_paths(project, [write_pair(tmp_path, "crlf", raw, ann)], "brat", annotator="ali")
    stored = as_brat.removeprefix("\ufeff")
    spans = project.spans.for_document(document_uid(stored))
    assert sorted(stored[s.start : s.end] for s in spans) == ["خالد", "سمير"]


def test_crlf_and_bom_offsets_are_moved_to_the_stored_text(
    project: Project, tmp_path: Path
) -> None:
    raw = "\ufeffالسطر الأول\r\nقال خالد: نعم\r\n"
    ann = t_line("T1", "PERSON", raw, "خالد")
    for path in (
        write_pair(tmp_path / "a", "crlf", raw, ann),
        tmp_path / "a" / "crlf.txt",  # a .txt with its .ann beside it
    ):
        import_paths(project, [path], "brat", annotator="ali")
    stored = "السطر الأول\nقال خالد: نعم\n"
    (span,) = project.spans.for_document(document_uid(stored))
    assert stored[span.start : span.end] == "خالد"


def test_a_single_ann_file_is_recognised_without_format(project: Project, tmp_path: Path) -> None:
    path = write_pair(tmp_path, "one", OTHER, t_line("T1", "DATE", OTHER, "بعد"))
    report = import_paths(project, [path], annotator="ali")
    assert (report.documents_added, report.spans_added) == (1, 1)


def test_spans_need_an_annotator(project: Project, tmp_path: Path) -> None:
    path = write_pair(tmp_path, "one", OTHER, t_line("T1", "DATE", OTHER, "بعد"))
    with pytest.raises(AnnotateError, match="spans need an annotator"):
        import_paths(project, [path], "brat")


def test_unknown_labels_name_their_line(project: Project, tmp_path: Path) -> None:
    ann = t_line("T1", "DATE", OTHER, "بعد") + t_line("T2", "TEAM", OTHER, "نصٌّ")
    path = write_pair(tmp_path, "one", OTHER, ann)
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], "brat", annotator="ali")
    assert (caught.value.file, caught.value.line) == (str(path), 2)
    assert "unknown labels: TEAM" in caught.value.message
    import_paths(project, [path], "brat", annotator="ali", add_labels=True)
    assert project.labels.span_label("TEAM") is not None


# Round trips


def test_export_import_export_gives_identical_files(project: Project, tmp_path: Path) -> None:
    annotate_article(project)
    project.documents.add(OTHER, "بلا تعليق")
    first = tmp_path / "first"
    export_corpus(project, first, "brat")
    assert sorted(files_under(first)) == [
        "annotation.conf",
        "بلا_تعليق.ann",
        "بلا_تعليق.txt",
        "خبر_المدرسة.ann",
        "خبر_المدرسة.txt",
    ]
    assert (first / "بلا_تعليق.ann").read_bytes() == b""
    with Project.create(tmp_path / "again.annotate") as fresh:
        report = import_paths(fresh, [first], "brat", annotator="ali")
        assert (report.documents_added, report.spans_added, report.relations_added) == (2, 8, 4)
        second = tmp_path / "second"
        export_corpus(fresh, second, "brat")
    assert files_under(second) == files_under(first)


def layer(project: Project, uid: str, annotator: str) -> set[tuple[object, ...]]:
    return {
        (s.label, s.start, s.end, tuple(sorted(s.attrs.items())))
        for s in project.spans.for_document(uid, annotator)
    }


def test_source_all_writes_a_folder_per_annotator_and_reads_them_back(
    project: Project, tmp_path: Path
) -> None:
    uid = annotate_article(project, "ali")
    mark(project, uid, "sara", "وكالة الأنباء", "ORG")
    mark(project, uid, "sara", QUOTE, "QUOTE", {"kind": "direct"})
    project.documents.add(OTHER, "بلا تعليق")
    first = tmp_path / "first"
    report = export_corpus(project, first, "brat", source="all")
    assert report.records == 3
    assert sorted(files_under(first)) == [
        "ali/خبر_المدرسة.ann",
        "ali/خبر_المدرسة.txt",
        "annotation.conf",
        "sara/خبر_المدرسة.ann",
        "sara/خبر_المدرسة.txt",
        "بلا_تعليق.ann",
        "بلا_تعليق.txt",
    ]
    with Project.create(tmp_path / "again.annotate") as fresh:
        report = import_paths(fresh, [first], "brat")
        assert (report.documents_added, report.documents_present) == (2, 0)
        assert fresh.annotators.names() == ["ali", "sara"]
        for annotator in ("ali", "sara"):
            assert layer(fresh, uid, annotator) == layer(project, uid, annotator)
        second = tmp_path / "second"
        export_corpus(fresh, second, "brat", source="all")
    assert files_under(second) == files_under(first)


def test_a_folder_of_annotator_subfolders_is_recognised_without_format(
    project: Project, tmp_path: Path
) -> None:
    uid = annotate_article(project, "ali")
    mark(project, uid, "sara", "وكالة الأنباء", "ORG")
    out = tmp_path / "brat"
    export_corpus(project, out, "brat", source="all")
    assert not list(out.glob("*.ann"))  # only the annotators' subfolders hold them
    with Project.create(tmp_path / "again.annotate") as fresh:
        report = import_paths(fresh, [out])
        assert (report.documents_added, report.spans_added) == (1, 9)
        assert fresh.annotators.names() == ["ali", "sara"]
        for annotator in ("ali", "sara"):
            assert layer(fresh, uid, annotator) == layer(project, uid, annotator)
    (out / "annotation.conf").unlink()
    assert {record.annotator for record in read_records(out)} == {"ali", "sara"}
    conf_only = tmp_path / "conf_only"
    conf_only.mkdir()
    (conf_only / "annotation.conf").write_text("[entities]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"holds no \.ann files"):
        list(read_records(conf_only))


def test_annotator_names_become_safe_folder_names(project: Project, tmp_path: Path) -> None:
    uid = annotate_article(project, "ali")
    mark(project, uid, "../سارة/x", QUOTE, "QUOTE")
    mark(project, uid, "annotation.conf", "وكالة الأنباء", "ORG")
    out = tmp_path / "brat"
    notes = export_corpus(project, out, "brat").notes
    assert notes == [
        "annotator names changed to be folder names: 2 (first: '../سارة/x' -> 'سارة_x')"
    ]
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["ali", "annotator_3", "سارة_x"]
    assert (out / "annotation.conf").is_file()
    with Project.create(tmp_path / "again.annotate") as fresh:
        import_paths(fresh, [out], "brat")
        assert fresh.annotators.names() == ["ali", "annotator_3", "سارة_x"]
        assert layer(fresh, uid, "سارة_x") == layer(project, uid, "../سارة/x")


# Bad input: one error naming the file and line, and nothing imported

GOOD_T = t_line("T1", "DATE", OTHER, "بعد")


@pytest.mark.parametrize(
    ("ann", "line", "message"),
    [
        (GOOD_T + "T2\tPERSON 3\n", 2, "truncated span"),
        (GOOD_T + "T2\tPERSON 3 \tx\n", 2, "expected START END offsets"),
        (GOOD_T + "T2 PERSON 0 3 نصّ\n", 2, "is a tab missing"),
        (GOOD_T + "T2\tPERSON 0 999\tx\n", 2, "beyond the text"),
        (GOOD_T + "T2\tPERSON 5 5\t\n", 2, "end 5 must be greater than start 5"),
        (GOOD_T + "T2\tPERSON 0 3\tشيء\n", 2, "does not match the text"),
        ("R1\tSPEAKER Arg1:T1 Arg2:T9\n" + GOOD_T, 1, "unknown span T9"),
        (GOOD_T + "R1\tSPEAKER Arg1:T1\n", 2, "truncated relation"),
        (GOOD_T + "A1\tkind T7 direct\n", 2, "attribute kind of an unknown span T7"),
        (GOOD_T + GOOD_T, 2, "duplicate id T1"),
        (GOOD_T + "E1\tMeeting:T1\n", 2, "events (E lines)"),
        (GOOD_T + "N1\tReference T1 Wikipedia:1\tx\n", 2, "normalisations (N lines)"),
        (GOOD_T + "X1\tsomething\n", 2, "unknown kind of annotation"),
        (GOOD_T.encode() + b"\n" + b"T2\tDATE 0 3\t\xff\n", 3, "invalid UTF-8"),
    ],
)
def test_bad_ann_lines_are_refused_with_file_and_line(
    project: Project, project_path: Path, tmp_path: Path, ann: str | bytes, line: int, message: str
) -> None:
    write_pair(tmp_path / "in", "a_good", OTHER, GOOD_T)
    bad = write_pair(tmp_path / "in", "b_bad", OTHER, ann)
    import_paths(project, [tmp_path / "in" / "a_good.ann"], "brat", annotator="sara")
    before, checksums = counts(project), table_checksums(project_path)
    with pytest.raises(InputError) as caught:
        import_paths(project, [tmp_path / "in"], "brat", annotator="ali")
    assert str(caught.value).startswith(f"{bad}:{line}: ")
    assert message in caught.value.message
    assert counts(project) == before and table_checksums(project_path) == checksums


def test_invalid_utf8_in_the_text_names_the_txt_and_line(project: Project, tmp_path: Path) -> None:
    write_pair(tmp_path, "bad", "سطر أول\n".encode() + b"\xd8\n", "")
    with pytest.raises(InputError) as caught:
        import_paths(project, [tmp_path], "brat", annotator="ali")
    assert (caught.value.file, caught.value.line) == (str(tmp_path / "bad.txt"), 2)
    assert counts(project) == [0, 0, 0]


def test_missing_partners_and_empty_folders_are_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "lonely.ann").write_text(GOOD_T, encoding="utf-8")
    with pytest.raises(InputError, match=r"lonely\.ann: no lonely\.txt beside"):
        import_paths(project, [tmp_path / "lonely.ann"], "brat", annotator="ali")
    (tmp_path / "alone.txt").write_text(OTHER, encoding="utf-8")
    with pytest.raises(InputError, match=r"alone\.txt: no alone\.ann beside"):
        import_paths(project, [tmp_path / "alone.txt"], "brat", annotator="ali")
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.txt").write_text(OTHER, encoding="utf-8")
    with pytest.raises(InputError, match=r"holds no \.ann files"):
        import_paths(project, [empty], "brat")
    assert counts(project) == [0, 0, 0]


# Command line


def test_cli_exports_and_imports_brat(tmp_path: Path) -> None:
    source = tmp_path / "source.annotate"
    with Project.create(source) as project:
        annotate_article(project)
    runner = CliRunner()
    out = tmp_path / "brat"
    result = runner.invoke(main, ["export", str(source), str(out), "--format", "brat"])
    assert result.exit_code == 0, result.output
    assert f"exported 1 records to {out}" in result.output
    target = tmp_path / "target.annotate"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    args = ["import", str(target), str(out), "--format", "brat", "--annotator", "ali"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "spans: 8 added" in result.output and "relations: 4 added" in result.output
    ann = out / "خبر_المدرسة.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8 + 4 + 2  # T, R and A lines
    ann.write_text("\n".join([*lines, "E1\tMeeting:T1"]), encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert re.search(rf"error: {re.escape(str(ann))}:15: events \(E lines\)", result.output)
