"""`annotate import --as-suggestions`: the spans of files in any importable format (a model's
predictions, another tool's work) written as suggestions, for documents the project holds
already (the same text, so the same uid), all in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotate.corpus.importing import read_paths
from annotate.corpus.records import Record
from annotate.errors import InputError
from annotate.project import Project
from annotate.suggestions import IMPORT_SOURCE, Candidate


@dataclass
class SuggestionsImport:
    added: int = 0
    skipped: int = 0  # suggested to the document already (same label and bounds)
    documents: int = 0  # that got at least one
    relations: int = 0  # left out: a relation is not suggested
    notes: list[str] = field(default_factory=list)  # what reading repaired or assumed


def import_suggestions(
    project: Project, paths: Iterable[Path], fmt: str = "auto", **options: object
) -> SuggestionsImport:
    """Each record's spans as suggestions of the source "import:<file name>" (a Label
    Studio file's predictions too, with their scores); a record whose text is not a
    document of the project, or a span the project could not take, is refused naming its
    file, line and field, and nothing is written."""
    report = SuggestionsImport()
    renamed = project.labels.renames()  # a label renamed since the file was made
    suggested_to: set[str] = set()  # a document may have several records (annotators, models)
    with project.transaction():
        for record in read_paths(paths, fmt, predictions=True, **options):
            report.notes.extend(record.notes)
            candidates = _candidates(project, record, renamed)
            source = IMPORT_SOURCE + Path(record.file).name
            added = project.suggestions.write(record.uid, candidates, source)
            report.added += added
            report.skipped += len(candidates) - added
            if added:
                suggested_to.add(record.uid)
            report.relations += len(record.relations)
    report.documents = len(suggested_to)
    return report


def _candidates(project: Project, record: Record, renamed: dict[str, str]) -> list[Candidate]:
    if not project.documents.exists(record.uid):
        raise record.error(
            "this text is not a document of the project: suggestions are for documents"
            " imported already (import the text first, without --as-suggestions)",
            "text",
        )
    candidates = []
    for span in record.spans:
        label = renamed.get(span.label, span.label)
        candidate = Candidate(label, span.start, span.end, span.score, span.attrs)
        try:
            project.suggestions.check(candidate, len(record.text))
        except InputError as error:
            where = f"spans[{span.index}].{error.field}"
            raise record.error(error.message, where, span.line) from None
        candidates.append(candidate)
    return candidates
