"""Merging other project files into the open project, with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from annotate.merge.merging import merge_projects
from annotate.merge.report import MergeReport
from annotate.project import Project
from gui.corpus_files import ProgressBox, with_progress

PROJECT_FILES = "Projects (*.annotate);;All files (*)"


def ask_merge_paths(parent: QWidget) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(parent, "Merge projects", "", PROJECT_FILES)
    return [Path(name) for name in chosen]


def merge_with_progress(parent: QWidget, project: Project, paths: list[Path]) -> MergeReport:
    """Check every file, then merge them in one transaction; Cancel rolls it back."""

    def work(progress: ProgressBox) -> MergeReport:
        progress.step(f"Checking {len(paths)} project files", 0, 0)
        return merge_projects(
            project,
            paths,
            lambda done, total: progress.step(f"Merging {done} of {total}", done, total),
        )

    return with_progress(parent, "Merge", work)


def describe_merge(report: MergeReport) -> str:
    text = (
        f"Merged {len(report.files)} files: {report.documents_added} documents added "
        f"({report.documents_present} already there), {report.spans_added} spans added, "
        f"{report.spans_updated} updated, {report.relations_added} relations added"
    )
    if report.labels_added:
        text += f"; labels added: {', '.join(report.labels_added)}"
    if report.assignments_updated:
        text += f"; {report.assignments_updated} assignments updated"
    if report.conflicts:
        text += f"; {len(report.conflicts)} conflicts"
    return text
