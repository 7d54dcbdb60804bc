"""What the crash harness's imports and merges bring: files made from the sample articles
and their annotations (spans with attributes, and relations between them).

The base project holds the sample articles with their annotations, as a new user's
default project does; both files hold those again, so that an import or a merge that
finishes must also leave what was already there as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotate.corpus.importing import import_paths
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER

IMPORTER = "importer"
IMPORT_DOCUMENTS = 1000  # new ones, each a sample article with its spans and relations


def write_base(path: Path) -> None:
    with Project.create(path) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])


def write_import_file(path: Path, documents: int = IMPORT_DOCUMENTS) -> None:
    """The sample records as they are (already in the base project), then ``documents``
    numbered copies of them, each a new document annotated by IMPORTER."""
    samples = [json.loads(line) for line in SAMPLE_ANNOTATIONS.read_text("utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for record in samples:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for number in range(documents):
            record = _numbered_copy(samples[number % len(samples)], number)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _numbered_copy(sample: dict[str, Any], number: int) -> dict[str, Any]:
    """The sample's text with its number added at the end, so that its spans keep their
    offsets; span ids made unique, since an import keeps them as uids."""

    def own(span_id: str) -> str:
        return f"{number}-{span_id}"

    return {
        "text": f"{sample['text']}({number})",
        "annotator": IMPORTER,
        "spans": [{**span, "id": own(span["id"])} for span in sample["spans"]],
        "relations": [
            {
                **relation,
                "id": own(relation["id"]),
                "head": own(relation["head"]),
                "tail": own(relation["tail"]),
            }
            for relation in sample["relations"]
        ],
    }


def write_merge_file(path: Path, base: Path, import_file: Path) -> None:
    """The base project with the import file imported: what a merge brings is what an
    import brings, and the base's own annotations again, under the same uids."""
    with Project.open(base) as project:
        project.store.backup_to(path)
    with Project.open(path) as project:
        import_paths(project, [import_file])
