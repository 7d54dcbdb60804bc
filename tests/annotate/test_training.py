"""Suggestion models trained on a project's own spans: a tiny project of sentences we wrote,
a few epochs, the scores the same for the same seed, and a model spaCy loads."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import pytest
import spacy
from click.testing import CliRunner

from annotate.cli import main
from annotate.corpus.importing import import_paths
from annotate.errors import InputError
from annotate.project import Project
from annotate.suggestions import Candidate
from annotate.training.data import training_data
from annotate.training.options import TrainingOptions
from annotate.training.pipeline import training_example
from annotate.training.predict import predict_candidates
from annotate.training.trainer import train
from tests.annotate.test_jsonl import write_jsonl
from tests.helpers import shared_corpus, table_checksums

NAMES = ("سمير حداد", "ليلى منصور", "خالد العمر", "مريم يوسف", "عمر الخطيب", "سارة علي")
PLACES = ("بيروت", "دمشق", "القاهرة", "عمان", "تونس", "الرباط")
SENTENCES = (
    "زار {name} مدينة {place} يوم {day}.",
    "قال {name} إن الوفد وصل إلى {place} في اليوم {day}.",
    "التقى الوزير {name} في {place} صباح يوم {day}.",
)
DOCUMENTS = 12
FEW_EPOCHS = 3


def news_text(number: int) -> tuple[str, list[tuple[str, int, int]]]:
    """A document of four sentences we wrote, and its PERSON and GPE spans."""
    text = ""
    spans = []
    for line in range(4):
        name = NAMES[(number + line) % len(NAMES)]
        place = PLACES[(number * 5 + line) % len(PLACES)]
        sentence = SENTENCES[line % 3].format(name=name, place=place, day=number + 1)
        start = len(text)
        spans.append(
            ("PERSON", start + sentence.index(name), start + sentence.index(name) + len(name))
        )
        spans.append(
            ("GPE", start + sentence.index(place), start + sentence.index(place) + len(place))
        )
        text += sentence + " "
    return text.strip(), spans


def add_news(project: Project, number: int, meta: dict[str, str] | None = None) -> str:
    text, spans = news_text(number)
    uid = project.documents.add(text, f"خبر {number}", meta).documents_added[0]
    for label, start, end in spans:
        project.spans.add(uid, "ali", label, start, end)
    return uid


def fill_news(project: Project, documents: int = DOCUMENTS) -> list[str]:
    return [add_news(project, number) for number in range(documents)]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project of the made-up news and a model trained on all of it: (project, model)."""
    folder = tmp_path_factory.mktemp("trained")
    with Project.create(folder / "news.annotate") as project:
        fill_news(project)
        train(project, folder / "model", TrainingOptions(eval_split=0, epochs=12))
    return folder / "news.annotate", folder / "model"


def test_the_same_seed_gives_the_same_scores(project: Project, tmp_path: Path) -> None:
    fill_news(project)
    options = TrainingOptions(seed=7, epochs=FEW_EPOCHS)
    first = train(project, tmp_path / "first", options)
    second = train(project, tmp_path / "second", options)
    assert first.scores is not None
    assert first.to_json() == second.to_json()
    assert first.held_out == "0.2 of the documents, seed 7"
    assert (first.train_sentences, first.held_out_sentences) == (40, 8)  # 10 and 2 documents
    assert list(first.scores.labels) == ["GPE", "PERSON"]
    assert first.scores.overall.gold == 16


def test_the_model_loads_with_spacy_and_finds_the_names_it_was_taught(
    trained: tuple[Path, Path],
) -> None:
    _, model = trained
    nlp = spacy.load(model)
    assert nlp.pipe_names == ["ner"]
    doc = nlp("زار سمير حداد مدينة بيروت يوم 3.")
    assert [(entity.text, entity.label_) for entity in doc.ents] == [
        ("سمير حداد", "PERSON"),
        ("بيروت", "GPE"),
    ]
    assert nlp.meta["annotate"]["labels"] == ["GPE", "PERSON"]


def test_candidates_have_exact_offsets_after_harakat_and_emoji(
    trained: tuple[Path, Path],
) -> None:
    project_path, model = trained
    text = "🌍😀 زارَ سمير حداد مدينة بيروت يوم 3."
    with Project.open(project_path) as project:
        uid = project.documents.add(text, "مع رموز").documents_added[0]
        found = predict_candidates(model, project, [uid])
    name, place = text.index("سمير حداد"), text.index("بيروت")
    assert found == {uid: [Candidate("PERSON", name, name + 9), Candidate("GPE", place, place + 5)]}
    assert [text[c.start : c.end] for c in found[uid]] == ["سمير حداد", "بيروت"]


def add_university_news(project: Project, number: int) -> str:
    """A sentence we wrote with a GPE inside an ORG."""
    name, place = NAMES[number % len(NAMES)], PLACES[number % len(PLACES)]
    text = f"درس {name} في جامعة {place} الأهلية عام {2000 + number}."
    uid = project.documents.add(text, f"جامعة {number}").documents_added[0]
    university = text.index("جامعة")
    spans = [
        ("PERSON", text.index(name), text.index(name) + len(name)),
        ("ORG", university, text.index(" عام")),
        ("GPE", text.index(place), text.index(place) + len(place)),
    ]
    for label, start, end in spans:
        project.spans.add(uid, "ali", label, start, end)
    return uid


def test_nested_spans_are_learnt_by_a_span_categoriser_when_asked(
    project: Project, tmp_path: Path
) -> None:
    fill_news(project, 6)
    for number in range(12):
        add_university_news(project, number)
    options = TrainingOptions(eval_split=0, epochs=15, nested=True)
    report = train(project, tmp_path / "model", options)
    assert (report.labels, report.nested_labels) == (["GPE", "ORG", "PERSON"], ["GPE"])
    assert report.notes == []
    assert spacy.load(tmp_path / "model").pipe_names == ["ner", "spancat"]
    text = "🌍 درسَ مريم يوسف في جامعة القاهرة الأهلية عام 2030."
    uid = project.documents.add(text, "جديد").documents_added[0]
    found = predict_candidates(tmp_path / "model", project, [uid])[uid]
    shown = [(text[c.start : c.end], c.label, c.score is None) for c in found]
    assert shown == [
        ("مريم يوسف", "PERSON", True),
        ("جامعة القاهرة الأهلية", "ORG", True),
        ("القاهرة", "GPE", False),  # nested: the span categoriser's, with its score
    ]
    assert all(c.score is None or 0.5 <= c.score <= 1 for c in found)


def test_nested_spans_are_scored_on_their_own(project_path: Path, tmp_path: Path) -> None:
    with Project.create(project_path) as project:
        for number in range(10):
            add_university_news(project, number)
    args = ["train", str(project_path), str(tmp_path / "model"), "--epochs", "2", "--nested"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "trained on 8 sentence(s), scored on 2 held out (0.2 of the documents, seed 0)"
    )
    assert lines[5] == "nested spans (the span categoriser):"
    assert [line.split()[0] for line in lines[6:9]] == ["label", "GPE", "all"]
    assert lines[8].split()[-2] == "2"  # the GPE inside each held-out ORG
    assert lines[9:] == [f"wrote {tmp_path / 'model'}"]


def test_a_folder_that_is_not_a_model_is_refused(project: Project, tmp_path: Path) -> None:
    uid = fill_news(project, 1)[0]
    with pytest.raises(InputError) as refused:
        predict_candidates(tmp_path, project, [uid])
    assert str(refused.value).startswith(f"{tmp_path}: cannot be loaded as a spaCy model")


def test_spans_off_the_tokens_are_counted_and_left_out(project: Project, tmp_path: Path) -> None:
    uids = fill_news(project)
    text = project.documents.get(uids[0]).text
    inside = text.index("سمير حداد") + 1  # starts inside the word
    project.spans.add(uids[0], "ali", "ORG", inside, inside + 8)
    quote = text.index("إن الوفد")
    project.spans.add(uids[0], "ali", "QUOTE", quote, quote + 8)
    city = text.index("مدينة")
    project.spans.add(uids[0], "ali", "LOC", city, text.index(" يوم", city))  # over a GPE
    data = training_data(project, TrainingOptions(eval_split=0))
    assert data.notes == [
        "1 span(s) do not start and end on token bounds and were left out (ORG 1); for"
        f" example: ORG 'مير حداد' at {inside}-{inside + 8} in 'خبر 0' [ali]",
        "1 passage span(s) were left out (QUOTE 1): a passage runs over tens of words,"
        " beyond the spans of a few tokens that spaCy's entity recogniser and span"
        " categoriser learn",
        "1 span(s) inside or across a longer one (GPE 1) were left out: the entity recogniser"
        " learns and finds the outermost; --nested also trains a span categoriser for them"
        " (two to three times as long)",
    ]
    first = data.train[0]
    assert [(first.words[m.first], m.label) for m in first.entities] == [
        ("سمير", "PERSON"),
        ("مدينة", "LOC"),
    ]
    assert data.labels == ["GPE", "LOC", "PERSON"]


def test_a_document_marked_done_without_spans_is_trained_on_and_others_are_not(
    project: Project,
) -> None:
    fill_news(project, 4)
    empty = project.documents.add("لم يحدث شيء يذكر اليوم.", "هادئ").documents_added[0]
    project.documents.add("نص لم يقرأه أحد بعد.", "جديد")
    project.documents.set_status(empty, "ali", "done")
    data = training_data(project, TrainingOptions(eval_split=0))
    assert len(data.train) == 4 * 4 + 1  # the news, and the one sentence marked done
    assert [s.words for s in data.train if not s.entities] == [
        ("لم", "يحدث", "شيء", "يذكر", "اليوم", ".")
    ]


def test_a_named_split_is_held_out(project: Project, tmp_path: Path) -> None:
    fill_news(project, 9)
    for number in (20, 21):
        add_news(project, number, {"split": "test"})
    report = train(project, tmp_path / "model", TrainingOptions(split="test", epochs=1))
    assert (report.train_sentences, report.held_out_sentences) == (36, 8)
    assert report.held_out == "split test"
    assert report.lines()[0] == "trained on 36 sentence(s), scored on 8 held out (split test)"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            TrainingOptions(split="dev"),
            "field 'split': no annotated document is in split 'dev' (splits: none: annotate"
            " import --split NAME names one)",
        ),
        (
            TrainingOptions(eval_split=1.5),
            "field 'eval-split': 1.5 is not a share from 0 up to (not including) 1",
        ),
        (
            TrainingOptions(eval_split=0.01),
            "field 'eval-split': 0.01 of 12 document(s) holds none out: name a larger share,"
            " or a split with --split",
        ),
        (
            TrainingOptions(labels=("PERSON", "PLACE")),
            "field 'labels': no label 'PLACE' in this project (labels: PERSON, ORG, GPE, LOC,"
            " EVENT, NORP, DATE, TITLE, QUOTE, CUE)",
        ),
        (TrainingOptions(source="sara"), "no annotator 'sara' in this project (annotators: ali)"),
        (
            TrainingOptions(source="gold"),
            "field 'source': nothing to train on: no document has spans of 'gold', or is"
            " marked done by it",
        ),
        (
            TrainingOptions(labels=("ORG",)),
            "field 'labels': no span to learn in the documents trained on (labels: ORG)",
        ),
    ],
)
def test_bad_options_are_refused_before_anything_is_written(
    project: Project, project_path: Path, tmp_path: Path, options: TrainingOptions, message: str
) -> None:
    fill_news(project)
    before = table_checksums(project_path)
    with pytest.raises(Exception) as refused:
        train(project, tmp_path / "model", options)
    assert str(refused.value) == message
    assert not (tmp_path / "model").exists()
    assert table_checksums(project_path) == before


def test_a_folder_holding_other_files_is_never_overwritten(
    project: Project, tmp_path: Path
) -> None:
    fill_news(project)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("مهم", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        train(project, folder, TrainingOptions(epochs=1))
    assert str(refused.value) == (
        f"{folder}: the folder holds files and is not a model from annotate train; name a new"
        " or empty folder"
    )
    assert [path.name for path in folder.iterdir()] == ["keep.txt"]


def test_a_model_is_replaced_by_the_next_training(project: Project, tmp_path: Path) -> None:
    fill_news(project)
    model = tmp_path / "models" / "news"
    train(project, model, TrainingOptions(epochs=1, labels=("PERSON",)))
    train(project, model, TrainingOptions(epochs=1))
    assert spacy.load(model).get_pipe("ner").labels == ("GPE", "PERSON")
    assert [path.name for path in model.parent.iterdir()] == ["news"]  # nothing left beside


def test_train_prints_scores_per_label_and_writes_the_model(
    project_path: Path, tmp_path: Path
) -> None:
    with Project.create(project_path) as project:
        fill_news(project)
    model = tmp_path / "model"
    result = CliRunner().invoke(
        main, ["train", str(project_path), str(model), "--epochs", "2", "--source", "ali"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "trained on 40 sentence(s), scored on 8 held out (0.2 of the documents, seed 0)"
    )
    assert lines[1].split() == ["label", "precision", "recall", "F1", "gold", "found"]
    assert [line.split()[0] for line in lines[2:4]] == ["GPE", "PERSON"]
    assert lines[4].startswith("all labels")
    assert lines[-1] == f"wrote {model}"
    assert spacy.load(model).pipe_names == ["ner"]


def test_progress_lines_are_json_for_the_app(project_path: Path, tmp_path: Path) -> None:
    with Project.create(project_path) as project:
        fill_news(project)
    result = CliRunner().invoke(
        main,
        ["train", str(project_path), str(tmp_path / "m"), "--epochs", "2", "--progress-lines"],
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    batches = 3  # 40 sentences, 16 a batch
    assert lines[:-1] == [{"done": n, "total": 2 * batches} for n in range(1, 2 * batches + 1)]
    assert lines[-1]["scores"]["overall"]["gold"] == 16
    assert lines[-1]["model"] == str(tmp_path / "m")


def test_a_terminal_shows_a_bar_and_a_pipe_none(project_path: Path, tmp_path: Path) -> None:
    """The bar with its time left where someone watches stderr; in a log, not a line of it."""
    with Project.create(project_path) as project:
        fill_news(project)
    command = [sys.executable, "-m", "annotate", "train", str(project_path)]
    options = ["--epochs", "2"]
    watched, terminal = pty.openpty()
    with os.fdopen(watched, "rb", buffering=0) as screen:
        run = subprocess.run(
            [*command, str(tmp_path / "a"), *options], stderr=terminal, stdout=subprocess.DEVNULL
        )
        os.close(terminal)
        shown = b""
        while chunk := _read_some(screen):
            shown += chunk
    assert run.returncode == 0
    assert b"training" in shown and b"6/6" in shown  # 2 epochs of 3 batches, counted
    piped = subprocess.run(
        [*command, str(tmp_path / "b"), *options], capture_output=True, text=True
    )
    assert (piped.returncode, piped.stderr) == (0, "")


def _read_some(screen: BinaryIO) -> bytes:
    try:
        return screen.read(4096) or b""
    except OSError:  # the terminal's other end is closed: all was read
        return b""


def test_an_imported_split_is_held_out_from_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    project = tmp_path / "p.annotate"
    assert runner.invoke(main, ["init", str(project)]).exit_code == 0
    for numbers, split in ((range(6), "train"), (range(6, 8), "test")):
        source = write_jsonl(tmp_path / f"{split}.jsonl", [_record(n) for n in numbers])
        args = ["import", str(project), str(source), "--split", split]
        assert runner.invoke(main, args).exit_code == 0
    args = ["train", str(project), str(tmp_path / "m"), "--split", "test", "--epochs", "1"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "trained on 24 sentence(s), scored on 8 held out (split test)"
    )
    result = runner.invoke(main, [*args, "--eval-split", "0.5"])
    assert (result.exit_code, result.stderr) == (
        2,
        "error: field 'split': --split and --eval-split both choose the held-out part: give one\n",
    )
    result = runner.invoke(main, [*args[:3], "--split", "dev"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: field 'split': no annotated document is in split 'dev' (splits: test, train)\n"
    )


def _record(number: int) -> dict[str, object]:
    text, spans = news_text(number)
    marked = [{"start": start, "end": end, "label": label} for label, start, end in spans]
    return {"text": text, "annotator": "ali", "spans": marked}


WOJOOD = shared_corpus("wojood-sample")


@pytest.mark.skipif(
    not WOJOOD.is_dir(), reason="the Wojood sample is not in ../shared/corpora (wojood-sample)"
)
def test_wojood_trains_on_its_train_file_and_holds_out_its_test_file(project: Project) -> None:
    for part in ("train", "test"):
        path = WOJOOD / f"{part}.txt"
        import_paths(project, [path], "conll-nested", "wojood", True, part, repair_iob=True)
    data = training_data(project, TrainingOptions(split="test"))
    assert (len(data.train), len(data.held_out)) == (1114, 357)  # its sentences, as written
    assert data.parts.described == "split test"
    assert sum(len(sentence.entities) for sentence in data.held_out) == 711  # outermost
    assert len(data.notes) == 1  # every span is on the tokens; the nested ones are counted
    assert data.notes[0].startswith("730 span(s) inside or across a longer one (CARDINAL 1,")
    assert "ORG" in data.labels and "PERS" in data.labels


def test_a_name_marked_inside_its_word_is_taught_as_unknown_not_as_no_name(
    project: Project,
) -> None:
    uid = project.documents.add("قال الوزير إن العلاقات مع كندا ووزارة الخارجية في وكندا جيدة.")
    document = uid.documents_added[0]
    text = project.documents.get(document).text
    inside = text.index("وكندا") + 1  # كندا without its و: the token is the whole word
    project.spans.add(document, "ali", "GPE", inside, inside + 4)
    alone = text.index("كندا")
    project.spans.add(document, "ali", "GPE", alone, alone + 4)
    (sentence,) = training_data(project, TrainingOptions(eval_split=0)).train
    word = sentence.words.index("وكندا")
    assert [(sentence.words[m.first], m.label) for m in sentence.entities] == [("كندا", "GPE")]
    assert [(m.first, m.end) for m in sentence.unknown] == [(word, word + 1)]
    example = training_example(spacy.blank("ar").vocab, sentence)
    tags = [token.ent_iob_ for token in example.reference]
    assert tags[word] == ""  # unknown: neither a name nor "no name"
    assert tags[sentence.words.index("كندا")] == "B"
    assert tags[sentence.words.index("الخارجية")] == "O"


def test_a_layer_not_marked_done_is_trained_on_up_to_its_last_span(project: Project) -> None:
    """An analyst half way through a document has not read the rest: its sentences would
    teach that they hold no name."""
    text, spans = news_text(0)
    document = project.documents.add(text, "خبر").documents_added[0]
    for label, start, end in spans[:2]:  # the first sentence's names only
        project.spans.add(document, "ali", label, start, end)
    data = training_data(project, TrainingOptions(eval_split=0))
    assert len(data.train) == 1
    assert data.notes == [
        "3 sentence(s) after the last span of a layer not marked done were left out: not"
        " read yet, they would teach that they hold no name"
    ]
    project.documents.set_status(document, "ali", "done")
    data = training_data(project, TrainingOptions(eval_split=0))
    assert len(data.train) == 4
    assert data.notes == []
