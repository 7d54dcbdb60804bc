"""Comments and flags where the reader and the tables show them: a corner mark at the end of
a commented or flagged span (a folded corner for comments, a red one below for flags), the
words a hover shows, and the short note of a table cell."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPolygonF

from annotate.annotated_text import AnnotatedText
from annotate.comments import ISOLATE, Comment, FlagMark
from annotate.project import Project
from gui.i18n import translate
from gui.label_words import flag_name, label_word
from gui.span_paint import PaintedLine

MARK_SIZE = 7.0  # pixels along each side of a corner mark
COMMENT_COLOUR = "#e0a000"  # amber: something was said
FLAG_COLOUR = "#d02020"  # red: someone wants a second look
COMMENT_SIGN = "✎"
FLAG_SIGN = "⚑"
DOCUMENT = ""  # the key of what is said about the document itself


@dataclass
class Talk:
    """One document's comments and flags, by span uid (DOCUMENT for the document's own,
    and for the comments of spans deleted since)."""

    comments: dict[str, list[Comment]] = field(default_factory=dict)
    flags: dict[str, list[FlagMark]] = field(default_factory=dict)

    @classmethod
    def load(cls, project: Project, document: str) -> Talk:
        talk = cls()
        for comment in project.comments.for_document(document):
            key = comment.span if comment.on_span else DOCUMENT
            talk.comments.setdefault(key, []).append(comment)
        for mark in project.comments.flags_for_document(document):
            talk.flags.setdefault(mark.span, []).append(mark)
        return talk

    def has(self, uid: str) -> bool:
        return uid in self.comments or uid in self.flags

    def open_comments(self, uid: str) -> list[Comment]:
        return [c for c in self.comments.get(uid, []) if not c.resolved]

    def note(self, uid: str) -> str:
        """A cell's few words: "✎ 2 · ⚑ unsure"; empty when nothing was said."""
        parts = []
        said = self.comments.get(uid, [])
        if said:
            count = len(said)
            resolved = count - len(self.open_comments(uid))
            parts.append(
                translate("CommentMarks", "{sign} {count} ({resolved} resolved)").format(
                    sign=COMMENT_SIGN, count=count, resolved=resolved
                )
                if resolved
                else f"{COMMENT_SIGN} {count}"
            )
        flags = sorted({mark.flag for mark in self.flags.get(uid, [])})
        if flags:
            names = translate("CommentMarks", ", ", "between the names of flags")
            parts.append(f"{FLAG_SIGN} {names.join(flag_name(flag) for flag in flags)}")
        return " · ".join(parts)

    def signs(self, uid: str) -> str:
        """A narrow cell's note: "✎ 2 ⚑" (its hover has the words)."""
        count = len(self.comments.get(uid, []))
        signs = [f"{COMMENT_SIGN} {count}"] if count else []
        return " ".join(signs + ([FLAG_SIGN] if uid in self.flags else []))

    def lines(self, uid: str) -> list[str]:
        """Each flag (with who set it) and each comment, as plain lines."""
        flags = [
            f"{FLAG_SIGN} {flag_name(m.flag)} ({m.annotator})" for m in self.flags.get(uid, [])
        ]
        return flags + [f"{COMMENT_SIGN} {shown_comment(c)}" for c in self.comments.get(uid, [])]

    def described(self, uid: str) -> str:
        """The lines as escaped rich text, for a hover."""
        return "<br>".join(html.escape(line) for line in self.lines(uid))


def shown_comment(comment: Comment) -> str:
    """A comment in one line, as `Comment.shown` gives it, in the interface's words: who,
    when, what (isolated, see there), and whether it is resolved."""
    line = translate("CommentMarks", "{author}, {date}: {body}").format(
        author=comment.author, date=comment.created_at[:10], body=ISOLATE.format(comment.body)
    )
    if comment.span_gone:
        gone = translate("CommentMarks", " (on a deleted span: {span})")
        line += gone.format(span=ISOLATE.format(comment.span_gone))
    if comment.resolved:
        line += translate("CommentMarks", " [resolved by {name}]").format(name=comment.resolved_by)
    return line


def paint_marks(
    painter: QPainter,
    annotated: AnnotatedText,
    painted: PaintedLine,
    talk: Talk,
    right_to_left: bool,
) -> int:
    """The corner marks of the spans that end on this line; how many it drew."""
    if not talk.comments and not talk.flags:
        return 0
    drawn = 0
    for span in annotated.overlapping(painted.start, max(painted.end, painted.start + 1)):
        if not talk.has(span.uid) or not painted.start < span.end <= painted.end:
            continue
        corner = end_corner(painted, span.start, span.end, right_to_left)
        if corner is None:
            continue
        x, top, bottom, towards_start = corner
        if span.uid in talk.comments:
            _triangle(painter, x, top, towards_start, MARK_SIZE, COMMENT_COLOUR)
        if span.uid in talk.flags:
            _triangle(painter, x, bottom, towards_start, -MARK_SIZE, FLAG_COLOUR)
        drawn += 1
    return drawn


def end_corner(
    painted: PaintedLine, start: int, end: int, right_to_left: bool
) -> tuple[float, float, float, float] | None:
    """Where a span ends on this line: (x of its end edge, line top, line bottom, the
    direction back into the span: -1 leftwards or 1 rightwards)."""
    last = painted.rects(end - 1, end)
    if not last:
        return None
    rect = last[0]
    first = painted.rects(start, start + 1) if start >= painted.start else []
    if first and first[0].center().x() != rect.center().x():
        ends_left = rect.center().x() < first[0].center().x()
    else:
        ends_left = right_to_left
    x = rect.left() if ends_left else rect.right()
    return x, rect.top(), rect.bottom(), 1.0 if ends_left else -1.0


def _triangle(
    painter: QPainter, x: float, y: float, inward: float, size: float, colour: str
) -> None:
    """A right triangle in a corner: along the line from x inwards, and down (size > 0)
    or up (size < 0) from y."""
    points = [QPointF(x, y), QPointF(x + inward * abs(size), y), QPointF(x, y + size)]
    painter.save()
    painter.setPen(QColor(colour).darker(130))
    painter.setBrush(QColor(colour))
    painter.drawPolygon(QPolygonF(points))
    painter.restore()


@dataclass
class PlacedTalk:
    """What was said about the spans of a document, by their place (annotator, start,
    end): what a review's items, which compare spans by place, look comments up by."""

    lines: dict[tuple[str, int, int], list[str]] = field(default_factory=dict)
    flagged: set[tuple[str, int, int]] = field(default_factory=set)
    commented: set[tuple[str, int, int]] = field(default_factory=set)

    @classmethod
    def load(cls, project: Project, document: str) -> PlacedTalk:
        talk, placed = Talk.load(project, document), cls()
        for uid in {*talk.comments, *talk.flags} - {DOCUMENT}:
            span = project.spans.get(uid)
            place = (span.annotator, span.start, span.end)
            label = label_word(span.label, project.labels.span_label(span.label))
            placed.lines.setdefault(place, []).extend(
                f"{span.annotator} {label}: {line}" for line in talk.lines(uid)
            )
            if uid in talk.flags:
                placed.flagged.add(place)
            if uid in talk.comments:
                placed.commented.add(place)
        return placed

    def of(self, spans: dict[str, list[tuple[int, int]]]) -> list[str]:
        """The lines about the spans given (each annotator's, by offsets)."""
        if not self.lines:
            return []
        places = [(name, start, end) for name, marked in spans.items() for start, end in marked]
        return [line for place in places for line in self.lines.get(place, [])]

    def signs(self, spans: dict[str, list[tuple[int, int]]]) -> str:
        """ "✎ ⚑", "✎" or "⚑" for an item whose spans have comments or flags; else ""."""
        if not self.lines:
            return ""
        places = {(name, start, end) for name, marked in spans.items() for start, end in marked}
        signs = [COMMENT_SIGN] if places & self.commented else []
        return " ".join(signs + ([FLAG_SIGN] if places & self.flagged else []))
