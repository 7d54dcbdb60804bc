"""Merging other project files into the open project, with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from annotate.merge.merging import merge_projects
from annotate.merge.report import MergeReport
from annotate.project import Project
from gui.corpus_files import ProgressBox, with_progress
from gui.i18n import translate
from gui.project_switch import all_files, project_files


def ask_merge_paths(parent: QWidget) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("Merging", "Merge projects"),
        "",
        f"{project_files()};;{all_files()}",
    )
    return [Path(name) for name in chosen]


def merge_with_progress(parent: QWidget, project: Project, paths: list[Path]) -> MergeReport:
    """Check every file, then merge them in one transaction; Cancel rolls it back."""

    def work(progress: ProgressBox) -> MergeReport:
        checking = translate("Merging", "Checking {count} project files")
        progress.step(checking.format(count=len(paths)), 0, 0)
        merging = translate("Merging", "Merging {done} of {total}")
        return merge_projects(
            project,
            paths,
            lambda done, total: progress.step(merging.format(done=done, total=total), done, total),
        )

    return with_progress(parent, translate("Merging", "Merge"), work)


def describe_merge(report: MergeReport) -> str:
    text = translate(
        "Merging",
        "Merged {files} files: {documents} documents added ({present} already there),"
        " {spans} spans added, {updated} updated, {relations} relations added",
    ).format(
        files=len(report.files),
        documents=report.documents_added,
        present=report.documents_present,
        spans=report.spans_added,
        updated=report.spans_updated,
        relations=report.relations_added,
    )
    if report.labels_added:
        added = translate("Merging", "; labels added: {labels}")
        text += added.format(labels=", ".join(report.labels_added))
    if report.assignments_updated:
        assignments = translate("Merging", "; {count} assignments updated")
        text += assignments.format(count=report.assignments_updated)
    if report.conflicts:
        text += translate("Merging", "; {count} conflicts").format(count=len(report.conflicts))
    return text
