"""Comments and flags on spans and documents: how analysts and reviewers talk about them.

A comment is about a span (its uid) or a whole document. When its span is deleted it stays,
as a comment on the document that says which span it was about (a trigger of the schema
keeps that), and it is about the span again if the span comes back under its uid.
A flag ("unsure", "needs discussion") is set or cleared by one analyst on a span or a
document; the last change is kept, so that merges let a later clearing win.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotate.annotations import DOCUMENT_NUMBER
from annotate.errors import AnnotateError, InputError
from annotate.model import FLAGS, Changes, Flag, now
from annotate.names import checked_name
from annotate.store import Store

ISOLATE = "\u2068{}\u2069"  # first strong isolate ... pop directional isolate
BODY_LIMIT = 10_000  # characters of one comment
COMMENT_COLUMNS = (
    "c.uid, d.uid, c.span, c.span_gone, c.author, c.body, c.created_at, c.resolved_by,"
    " c.resolved_at, c.changed_at"
)
COMMENTS_WITH_DOCUMENT_UIDS = (
    f"{COMMENT_COLUMNS} FROM comments c JOIN documents d ON d.position = c.document"
)
# flags on a span count while the span is there; a deleted span's flags wait for its return
CommentRow = tuple[str, int, str, str, str, str, str, str, str, str]
"""uid, document number, span, span_gone, author, body, created_at, resolved_by,
resolved_at, changed_at."""
FlagRow = tuple[int, str, str, str, str]
"""document number, span, annotator, flag, changed_at: a flag set."""
LIVE_FLAGS = (
    "SELECT d.uid, f.span, f.annotator, f.flag, f.changed_at FROM flags f"
    " JOIN documents d ON d.position = f.document"
    " WHERE f.flagged = 1 AND (f.span = '' OR EXISTS (SELECT 1 FROM spans s"
    " WHERE s.uid = f.span))"
)


@dataclass(frozen=True)
class Comment:
    uid: str
    document: str  # the document's uid
    span: str  # the span's uid; empty for a comment on the document
    span_gone: str  # what the span was, while it is deleted ("PERSON ‘ليلى’ of ali")
    author: str
    body: str
    created_at: str
    resolved_by: str = ""
    resolved_at: str = ""
    changed_at: str = ""

    @property
    def resolved(self) -> bool:
        return bool(self.resolved_at)

    @property
    def on_span(self) -> bool:
        """About a span that is there (not the document, not a deleted span)."""
        return bool(self.span) and not self.span_gone

    def shown(self) -> str:
        """One line for a hover or a list: who, when, what, and whether it is resolved. The
        words are isolated (FSI ... PDI): Arabic in a line of Latin keeps its own order and
        leaves the punctuation around it where it is."""
        gone = f" (on a deleted span: {ISOLATE.format(self.span_gone)})" if self.span_gone else ""
        done = f" [resolved by {self.resolved_by}]" if self.resolved else ""
        return f"{self.author}, {self.created_at[:10]}: {ISOLATE.format(self.body)}{gone}{done}"


@dataclass(frozen=True)
class FlagMark:
    document: str
    span: str  # empty for a flag on the document
    annotator: str
    flag: Flag
    changed_at: str = ""


class Comments:
    """The comments and flags of a project; writes run in the caller's transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- comments ------------------------------------------------------------------------

    def add(self, comment: Comment) -> Changes:
        """The comment as given (uid and times included: an undo or a merge puts back the
        very same one)."""
        self._check_comment(comment)
        with self._store.write():
            self._store.conn.execute(
                "INSERT INTO comments (uid, document, span, author, body, created_at,"
                f" resolved_by, resolved_at, changed_at) VALUES (?, {DOCUMENT_NUMBER},"
                " ?, ?, ?, ?, ?, ?, ?)",
                (
                    comment.uid,
                    comment.document,
                    comment.span,
                    comment.author,
                    comment.body,
                    comment.created_at,
                    comment.resolved_by,
                    comment.resolved_at,
                    comment.changed_at or comment.created_at,
                ),
            )
        return Changes(comments_changed=(comment.document,))

    def remove(self, uid: str) -> Changes:
        comment = self.get(uid)
        with self._store.write():
            self._store.conn.execute("DELETE FROM comments WHERE uid = ?", (uid,))
        return Changes(comments_changed=(comment.document,))

    def set_resolved(self, uid: str, by: str, at: str) -> Changes:
        """Resolve the comment (``at`` its time) or, with ``at`` empty, open it again."""
        comment = self.get(uid)
        with self._store.write():
            self._store.conn.execute(
                "UPDATE comments SET resolved_by = ?, resolved_at = ?, changed_at = ?"
                " WHERE uid = ?",
                (by if at else "", at, now(), uid),
            )
        return Changes(comments_changed=(comment.document,))

    def get(self, uid: str) -> Comment:
        row = self._store.conn.execute(
            f"SELECT {COMMENTS_WITH_DOCUMENT_UIDS} WHERE c.uid = ?", (uid,)
        ).fetchone()
        if row is None:
            raise AnnotateError(f"no comment {uid}")
        return Comment(*row)

    def for_document(self, document: str) -> list[Comment]:
        """The document's comments, on it and on its spans, oldest first."""
        query = (
            f"SELECT {COMMENTS_WITH_DOCUMENT_UIDS} WHERE c.document = {DOCUMENT_NUMBER}"
            " ORDER BY c.created_at, c.uid"
        )
        return [Comment(*row) for row in self._store.conn.execute(query, (document,))]

    def for_span(self, span: str) -> list[Comment]:
        query = f"SELECT {COMMENTS_WITH_DOCUMENT_UIDS} WHERE c.span = ? AND c.span_gone = ''"
        rows = self._store.conn.execute(query + " ORDER BY c.created_at, c.uid", (span,))
        return [Comment(*row) for row in rows]

    def count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM comments").fetchone()[0])

    def _check_comment(self, comment: Comment) -> None:
        if not comment.body.strip():
            raise InputError("a comment needs some text", field="comment")
        if len(comment.body) > BODY_LIMIT:
            raise InputError(
                f"a comment holds at most {BODY_LIMIT} characters, this one {len(comment.body)}",
                field="comment",
            )
        if not comment.author.strip():
            raise InputError("a comment needs its author's name", field="author")
        checked_name(comment.author, "author")
        self._check_target(comment.document, comment.span)

    def _check_target(self, document: str, span: str) -> None:
        conn = self._store.conn
        if conn.execute("SELECT 1 FROM documents WHERE uid = ?", (document,)).fetchone() is None:
            raise AnnotateError(f"no document {document}")
        if not span:
            return
        row = conn.execute(
            "SELECT d.uid FROM spans s JOIN documents d ON d.position = s.document WHERE s.uid = ?",
            (span,),
        ).fetchone()
        if row is None:
            raise AnnotateError(f"no span {span}")
        if row[0] != document:
            raise AnnotateError(f"span {span} is not in document {document}")

    def put_checked(self, rows: list[CommentRow]) -> int:
        """Comments an import brings (checked as it read them): one the project holds
        already is taken again only when the file's changed later. How many were written."""
        return self._store.conn.executemany(
            "INSERT INTO comments (uid, document, span, span_gone, author, body, created_at,"
            " resolved_by, resolved_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (uid) DO UPDATE SET resolved_by = excluded.resolved_by,"
            " resolved_at = excluded.resolved_at, changed_at = excluded.changed_at"
            " WHERE excluded.changed_at > comments.changed_at",
            rows,
        ).rowcount

    def put_flags_checked(self, rows: list[FlagRow]) -> int:
        """Flags an import brings; the later change to each wins. How many were written."""
        return self._store.conn.executemany(
            "INSERT INTO flags (document, span, annotator, flag, flagged, changed_at)"
            " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (document, span, annotator, flag)"
            " DO UPDATE SET flagged = 1, changed_at = excluded.changed_at"
            " WHERE excluded.changed_at > flags.changed_at",
            rows,
        ).rowcount

    # -- flags ---------------------------------------------------------------------------

    def set_flag(
        self, document: str, span: str, annotator: str, flag: str, flagged: bool
    ) -> Changes:
        """Set or clear one analyst's flag on a span (uid) or, with ``span`` empty, on
        the document."""
        if flag not in FLAGS:
            raise InputError(f"no flag {flag!r}; the flags are {', '.join(FLAGS)}", field="flag")
        if not annotator.strip():
            raise InputError("a flag needs the name of who sets it", field="annotator")
        checked_name(annotator, "annotator")
        self._check_target(document, span)
        with self._store.write():
            self._store.conn.execute(
                "INSERT INTO flags (document, span, annotator, flag, flagged, changed_at)"
                f" VALUES ({DOCUMENT_NUMBER}, ?, ?, ?, ?, ?)"
                " ON CONFLICT (document, span, annotator, flag) DO UPDATE"
                " SET flagged = excluded.flagged, changed_at = excluded.changed_at",
                (document, span, annotator, flag, int(flagged), now()),
            )
        return Changes(comments_changed=(document,))

    def is_flagged(self, document: str, span: str, annotator: str, flag: str) -> bool:
        row = self._store.conn.execute(
            f"SELECT flagged FROM flags WHERE document = {DOCUMENT_NUMBER} AND span = ?"
            " AND annotator = ? AND flag = ?",
            (document, span, annotator, flag),
        ).fetchone()
        return bool(row and row[0])

    def flags_for_document(self, document: str) -> list[FlagMark]:
        """The flags set now on the document and on its spans that are there."""
        query = f"{LIVE_FLAGS} AND f.document = {DOCUMENT_NUMBER} ORDER BY f.span, f.annotator"
        return [FlagMark(*row) for row in self._store.conn.execute(query, (document,))]
