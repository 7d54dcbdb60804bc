"""`annotate progress` as text: a table of the analysts, then each document with the
analysts on it."""

from __future__ import annotations

from collections.abc import Callable

from annotate.progress import DocumentProgress, ProgressReport, State
from annotate.reviewed import ReviewProgress
from annotate.work_time import shown_time

STATE_NAMES: dict[State, str] = {
    "not_started": "not started",
    "in_progress": "in progress",
    "done": "done",
    "reviewed": "reviewed",
}
ANALYST_COLUMNS = ("assigned", "not started", "in progress", "done", "reviewed", "spans")


def progress_lines(report: ProgressReport, shown: Callable[[str], str] = str) -> list[str]:
    """``shown`` prepares a title or a name for the terminal."""
    width = max([len("analyst"), *(len(a.annotator) for a in report.analysts)])
    lines = ["  ".join(["analyst".ljust(width), *ANALYST_COLUMNS, "time"])]
    for analyst in report.analysts:
        figures = (
            analyst.assigned,
            analyst.not_started,
            analyst.in_progress,
            analyst.done,
            analyst.reviewed,
            analyst.spans,
        )
        cells = [
            f"{figure:>{len(column)}}"
            for figure, column in zip(figures, ANALYST_COLUMNS, strict=True)
        ]
        name = shown(analyst.annotator) + " " * (width - len(analyst.annotator))
        lines.append("  ".join([name, *cells, shown_time(analyst.seconds)]))
    for document in report.documents:
        lines.append("")
        lines.extend(_document_lines(document, shown))
    lines.append("")
    lines.append(
        "time: between an analyst's recorded edits of a document (spans, links, status),"
        f" pauses over {report.idle_minutes} minutes left out"
    )
    return lines


def _document_lines(document: DocumentProgress, shown: Callable[[str], str]) -> list[str]:
    head = f"{document.number:>4}  {STATE_NAMES[document.state]}"
    if document.review is not None:
        head += f"  {review_summary(document.review)}"
    lines = [f"{head}  {shown(document.title)}"]
    width = max((len(work.annotator) for work in document.work), default=0)
    for work in document.work:
        name = shown(work.annotator) + " " * (width - len(work.annotator))
        given = "assigned" if work.assigned else "        "
        lines.append(
            f"      {name}  {given}  {STATE_NAMES[work.state]:<11}  {work.spans:>5} spans"
            f"  {shown_time(work.seconds)}"
        )
    if not document.work:
        lines.append("      assigned to nobody, nobody has worked on it")
    return lines


def review_summary(review: ReviewProgress) -> str:
    """A line such as "review: 3 of 7 items decided (undecided: 2 disagreements, 2 agreed)"."""
    if review.reviewed:
        return f"reviewed: {review.items} of {review.items} items decided"
    return (
        f"review: {review.decided} of {review.items} items decided (undecided:"
        f" {review.undecided_disagreements} disagreements, {review.undecided_agreed} agreed)"
    )
