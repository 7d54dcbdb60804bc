"""Commenting and flagging as undoable steps, taken in an editor's history like span edits."""

from __future__ import annotations

from annotate.annotations import new_uid
from annotate.comments import Comment
from annotate.history import Step, named_step
from annotate.model import now
from annotate.project import Project

FLAG_NAMES = {  # by whether the flag was set, and whether it is on a span
    (False, True): "Flag '{flag}' on the span",
    (False, False): "Flag '{flag}' on the document",
    (True, True): "Clear '{flag}' on the span",
    (True, False): "Clear '{flag}' on the document",
}


def comment_step(
    document: str, author: str, body: str, span: str = "", uid: str | None = None
) -> Step:
    """Add a comment (on the span, or on the document when ``span`` is empty)."""
    stamp = now()
    comment = Comment(uid or new_uid(), document, span, "", author, body.strip(), stamp)
    pattern = "Comment on the span ‘{text}’" if span else "Comment on the document ‘{text}’"
    return named_step(
        pattern,
        {"text": _short(comment.body)},
        lambda p: p.comments.add(comment),
        lambda p: p.comments.remove(comment.uid),
        document,
    )


def resolve_step(project: Project, uid: str, by: str, resolved: bool = True) -> Step:
    """Resolve a comment, or open a resolved one again."""
    before = project.comments.get(uid)
    at = now() if resolved else ""
    return named_step(
        "Resolve comment ‘{text}’" if resolved else "Reopen comment ‘{text}’",
        {"text": _short(before.body)},
        lambda p: p.comments.set_resolved(uid, by, at),
        lambda p: p.comments.set_resolved(uid, before.resolved_by, before.resolved_at),
        before.document,
    )


def flag_step(project: Project, document: str, span: str, annotator: str, flag: str) -> Step:
    """Set the analyst's flag when it is not set, clear it when it is."""
    was = project.comments.is_flagged(document, span, annotator, flag)
    return named_step(
        FLAG_NAMES[was, bool(span)],
        {"flag": flag},
        lambda p: p.comments.set_flag(document, span, annotator, flag, not was),
        lambda p: p.comments.set_flag(document, span, annotator, flag, was),
        document,
    )


def _short(text: str, length: int = 30) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"
