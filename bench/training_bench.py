"""A suggestion model trained on the Wojood sample through the project, as an analyst would
get one: train.txt and test.txt imported with the project's CoNLL importer into the splits
train and test, `annotate train --split test`, entity F1 on test.txt (the outermost spans,
label and both bounds exact). The corpus is not ours to copy: it is read where it lies
(../shared/corpora/wojood-sample), and the scenario is skipped where it is absent."""

from __future__ import annotations

from pathlib import Path

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.training.options import TrainingOptions
from annotate.training.trainer import train
from bench.scenario import Quality
from bench.shared_corpora import shared, shown

CORPUS = "wojood-sample"
FILES = ("train.txt", "test.txt")
ANNOTATOR = "wojood"
PROJECT_NAME = "wojood.annotate"
HELD_OUT = "test"


def corpus_folder() -> Path | None:
    folder = shared(CORPUS)
    if folder is None or not all((folder / name).is_file() for name in FILES):
        return None
    return folder


def corpus_absent() -> str | None:
    if corpus_folder() is None:
        return f"the Wojood sample ({shown(CORPUS)}: {', '.join(FILES)}) is not here"
    return None


def setup(data: Path, docs: int) -> None:
    """A project of train.txt (its first ``docs`` sentences) and test.txt, each imported
    into its split; the first file holds only those sentences when they are fewer."""
    folder = corpus_folder()
    if folder is None:
        return
    train_file = folder / "train.txt"
    sentences = train_file.read_text(encoding="utf-8").strip("\n").split("\n\n")
    if docs < len(sentences):
        train_file = data / "train.txt"  # scratch data of this run, removed after it
        train_file.write_text("\n\n".join(sentences[:docs]) + "\n", encoding="utf-8")
    with Project.create(data / PROJECT_NAME) as project:
        for path, split in ((train_file, "train"), (folder / "test.txt", HELD_OUT)):
            import_paths(
                project,
                [path],
                "conll-nested",
                ANNOTATOR,
                add_labels=True,
                split=split,
                repair_iob=True,  # train.txt:12377 has an I-FAC that continues no span
            )


def wojood(data: Path, scratch: Path) -> Quality:
    """`annotate train PROJECT MODEL --split test` with the default seed and epochs; the
    figure is the F1 of every label together on test.txt."""
    project = Project.open(data / PROJECT_NAME)

    def run() -> tuple[float, int]:
        try:
            report = train(project, scratch / "model", TrainingOptions(split=HELD_OUT))
        finally:
            project.close()
        assert report.scores is not None  # the test split is held out
        return report.scores.overall.f1 or 0.0, report.train_sentences

    return run
