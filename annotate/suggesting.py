"""`annotate suggest`: suggestions for a project's documents from a trained model or from
the project's known mentions (annotate.gazetteer). Each source's open suggestions in those
documents are replaced by what it proposes now; decided ones stay."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from annotate.errors import AnnotateError, InputError
from annotate.gazetteer import Gazetteer
from annotate.project import Project
from annotate.suggestions import GAZETTEER_SOURCE, OUTCOMES, Candidate, model_source

GAZETTEER = GAZETTEER_SOURCE
PREDICT = "annotate.training.predict"
NOT_INSTALLED = "training support is not installed"
Proposals = dict[str, list[Candidate]]  # by document uid
Progress = Callable[[int, int], None]  # (documents searched, documents in all)


@dataclass
class Suggested:
    """What one source proposed."""

    source: str
    added: int = 0
    documents: int = 0  # that got at least one
    replaced: int = 0  # its open suggestions from before, removed
    notes: list[str] = field(default_factory=list)


def suggest(
    project: Project,
    documents: list[str],
    model_dir: Path | None = None,
    gazetteer_from: str | None = None,
    progress: Progress | None = None,
) -> list[Suggested]:
    """Suggestions for the documents from the model in `model_dir`, the known mentions of
    the layer `gazetteer_from` (gold, an annotator, all), or both, in one transaction;
    `progress` hears of each document the known mentions were searched in."""
    if model_dir is None and gazetteer_from is None:
        raise InputError("give MODEL_DIR or --gazetteer (or both)", field="model_dir")
    proposed: list[tuple[Suggested, Proposals]] = []
    if model_dir is not None:
        proposed.append(_from_model(project, model_dir, documents))
    if gazetteer_from is not None:
        gazetteer = Gazetteer(project, gazetteer_from)
        report = Suggested(
            GAZETTEER, notes=[f"{gazetteer.size} known mentions of {gazetteer_from}"]
        )
        proposed.append((report, _known_mentions(gazetteer, documents, progress)))
    with project.transaction():
        for report, proposals in proposed:
            _write(project, report, proposals)
    return [report for report, _ in proposed]


def _known_mentions(
    gazetteer: Gazetteer, documents: list[str], progress: Progress | None
) -> Proposals:
    found: Proposals = {}
    for done, uid in enumerate(documents, start=1):
        found[uid] = gazetteer.candidates(uid)
        if progress is not None:
            progress(done, len(documents))
    return found


def every_document(project: Project) -> list[str]:
    rows = project.store.conn.execute("SELECT uid FROM documents ORDER BY position")
    return [str(uid) for (uid,) in rows]


def _from_model(
    project: Project, model_dir: Path, documents: list[str]
) -> tuple[Suggested, Proposals]:
    report = Suggested(model_source(model_dir))
    proposals = _predictor()(model_dir, project, documents)
    renames = project.labels.renames()  # a model trained before a rename uses the old name
    named = {
        uid: [c._replace(label=renames.get(c.label, c.label)) for c in found]
        for uid, found in proposals.items()
    }
    retired = {label.name for label in project.labels.schema().labels if label.retired}
    left_out = sum(c.label in retired for found in named.values() for c in found)
    if left_out:
        report.notes.append(f"{left_out} of retired labels left out ({', '.join(sorted(retired))})")
    kept = {uid: [c for c in found if c.label not in retired] for uid, found in named.items()}
    return report, kept


Predictor = Callable[[Path, Project, list[str]], Proposals]


def _predictor() -> Predictor:
    """The trained model's predictions (annotate.training, which needs spaCy), refused in
    one line when that part is not installed."""
    try:  # by name: annotate.training is a part of its own, perhaps not installed
        predict_candidates: Predictor = import_module(PREDICT).predict_candidates
    except ModuleNotFoundError as missing:
        raise AnnotateError(f"{NOT_INSTALLED} ({missing.name} is missing): {_instead()}") from None

    def predict(model_dir: Path, project: Project, documents: list[str]) -> Proposals:
        try:
            return predict_candidates(model_dir, project, documents)
        except ModuleNotFoundError as missing:  # spaCy is imported when a model is loaded
            raise AnnotateError(
                f"{NOT_INSTALLED} ({missing.name} is missing: pip install"
                f" 'arabic-annotate[formats]'): {_instead()}"
            ) from None

    return predict


def _instead() -> str:
    return "suggestions from the project's known mentions need none (--gazetteer)"


def _write(project: Project, report: Suggested, proposals: Proposals) -> None:
    for document, candidates in proposals.items():
        report.replaced += project.suggestions.count_open(document, report.source)
        project.suggestions.clear(document, report.source)
        try:
            added = project.suggestions.write(document, candidates, report.source)
        except InputError as error:
            number = project.documents.positions([document]).get(document, document)
            raise InputError(f"{report.source}, document {number}: {error.located()}") from None
        report.added += added
        report.documents += added > 0


def stats_lines(stats: dict[str, dict[str, int]]) -> list[str]:
    """The counts of `Suggestions.stats` as a table, a line per label and the total."""
    if not stats:
        return ["no suggestions"]
    total = {outcome: sum(counts[outcome] for counts in stats.values()) for outcome in OUTCOMES}
    width = max(len("total"), *(len(label) for label in stats))
    lines = [f"{'label':<{width}}" + "".join(f"  {outcome:>9}" for outcome in OUTCOMES)]
    for label, counts in [*stats.items(), ("total", total)]:
        lines.append(f"{label:<{width}}" + "".join(f"  {counts[o]:>9}" for o in OUTCOMES))
    return lines
