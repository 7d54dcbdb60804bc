"""`annotate merge`: the documents and annotations of other project files brought into a
project. Documents, spans and relations are matched by uid, suggestions by their place
(document, label and bounds); every file is validated before anything is written, and the
whole merge is one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

from annotate.annotations import DOCUMENT_NUMBER, new_uid
from annotate.comments import COMMENTS_WITH_DOCUMENT_UIDS, Comment
from annotate.errors import InputError, ProjectError
from annotate.failures import is_damage, what_failed
from annotate.label_changes import rename_label
from annotate.merge.report import (
    RELATION_ROW,
    SPAN_ROW,
    SPANS_WITH_DOCUMENT_UIDS,
    Conflict,
    MergeReport,
    RelationRow,
    Side,
    SpanRow,
)
from annotate.merge.sources import open_other
from annotate.names import checked_name
from annotate.project import Project
from annotate.schema import Guide, RelationLabel, SpanLabel

Progress = Callable[[int, int], None]  # (items merged, items in all the files)
PROGRESS_EVERY = 200  # items between two progress reports


def merge_projects(
    project: Project, others: list[Path], progress: Progress | None = None
) -> MergeReport:
    """Validate every other file, then merge them in order, all in one transaction.

    Each file is read from one snapshot, the one it was validated in, so a file that the
    app is writing meanwhile is merged as it was when the merge began.
    """
    report = MergeReport(files=[str(path) for path in others])
    with ExitStack() as stack:
        sources = [stack.enter_context(closing(open_other(path, project.path))) for path in others]
        ticker = Ticker(progress, sum(_item_count(source) for source in sources))
        with project.transaction():
            for path, source in zip(others, sources, strict=True):
                FileMerge(project, path, source, report, ticker).run()
            ticker.finish()
    return report


def _item_count(source: sqlite3.Connection) -> int:
    row = source.execute(
        "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM spans)"
        " + (SELECT count(*) FROM relations) + (SELECT count(*) FROM suggestions)"
        " + (SELECT count(*) FROM suggestion_decisions)"
    ).fetchone()
    return int(row[0])


class Ticker:
    """Reports progress every PROGRESS_EVERY items, and at the start and the end."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._done = 0
        self._reported = 0
        if progress is not None:
            progress(0, total)

    def advance(self, count: int = 1) -> None:
        self._done += count
        if self._progress is not None and self._done - self._reported >= PROGRESS_EVERY:
            self._reported = self._done
            self._progress(self._done, self._total)

    def finish(self) -> None:
        if self._progress is not None and self._reported != self._total:
            self._progress(self._total, self._total)


class FileMerge:
    """One other file merged into the project, inside the merge's transaction."""

    def __init__(
        self,
        project: Project,
        path: Path,
        source: sqlite3.Connection,
        report: MergeReport,
        ticker: Ticker,
    ) -> None:
        self._project = project
        self._conn = project.store.conn
        self._path = path
        self._source = source
        self._report = report
        self._ticker = ticker
        self._span_uids: dict[str, str] = {}  # their span uid -> the project's
        self._renamed = project.labels.renames()  # a label's former name -> its name now

    def run(self) -> None:
        try:
            self._renames()  # with the labels
            self._relation_labels()
            self._annotators()
            self._documents()
            self._spans()
            self._relations()
            self._statuses()
            self._assignments()
            self._comments()
            self._flags()
            self._suggestions()
        except sqlite3.IntegrityError as error:
            raise ProjectError(f"{self._path}: cannot be merged: {error}") from error

    def _read(self, query: str) -> list[Any]:
        """Rows of the other file; a page damaged after all is that file's fault."""
        try:
            return self._source.execute(query).fetchall()
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise ProjectError(what_failed(error, self._path, "cannot read")) from error
            raise ProjectError(f"{self._path}: the project file is damaged: {error}") from error

    # -- schema, annotators, documents ---------------------------------------------------

    def _check_names(self, table: str, **names: str) -> None:
        """Names the file brings in, refused as the same names typed or imported are."""
        for column, name in names.items():
            try:
                checked_name(name, f"{table}.{column}")
            except InputError as error:
                raise error.at(file=str(self._path)) from None

    def _renames(self) -> None:
        """A rename made in the other file, of a label this project still has under its old
        name, is made here too; their former names and ours are then one."""
        renames = self._read("SELECT old, new, renamed_at FROM label_renames ORDER BY renamed_at")
        ours = self._project.labels
        for old, new, _ in renames:
            if ours.span_label(old) is not None and ours.span_label(new) is None:
                self._check_names("label_renames", new=new)
                rename_label(self._project, old, new)
                self._report.notes.append(f"{self._path}: label {old} renamed {new} there and here")
        self._renamed = ours.renames()
        self._labels()
        for old, new, renamed_at in renames:  # their former names, for later merges here
            if ours.span_label(old) is None and ours.span_label(new) is not None:
                self._conn.execute(
                    "INSERT OR IGNORE INTO label_renames (old, new, renamed_at) VALUES (?, ?, ?)",
                    (old, new, renamed_at),
                )
        self._renamed = ours.renames()

    def _labels(self) -> None:
        """Labels the project lacks, as the file defines them; a key the project already
        gives another label stays with that label."""
        schema = self._project.labels.schema()
        known = {label.name for label in schema.labels}
        keys = {label.key for label in schema.labels}
        for name, english, arabic, colour, key, attributes, guide, retired in self._read(
            "SELECT name, english, arabic, colour, key, attributes, guide, retired FROM labels"
            " ORDER BY position"
        ):
            if self._renamed.get(name, name) not in known:
                self._check_names("labels", name=name, english=english, arabic=arabic)
                key = "" if key in keys else key
                attrs = json.loads(attributes)
                self._project.labels.add_span_label(
                    SpanLabel(
                        name, english, arabic, colour, key, attrs, Guide.from_json(guide), retired
                    )
                )
                keys.add(key)
                self._report.labels_added.append(name)

    def _relation_labels(self) -> None:
        known = {relation.name for relation in self._project.labels.schema().relations}
        for name, english, arabic, heads, tails, guide in self._read(
            "SELECT name, english, arabic, heads, tails, guide FROM relation_labels"
            " ORDER BY position"
        ):
            if name not in known:
                self._check_names("relation_labels", name=name, english=english, arabic=arabic)
                heads, tails = (
                    tuple(self._renamed.get(n, n) for n in json.loads(names))
                    for names in (heads, tails)
                )
                self._project.labels.add_relation_label(
                    RelationLabel(name, english, arabic, heads, tails, Guide.from_json(guide))
                )
                self._report.labels_added.append(name)

    def _annotators(self) -> None:
        for name, created_at in self._read("SELECT name, created_at FROM annotators ORDER BY name"):
            self._check_names("annotators", name=name)
            added = self._conn.execute(
                "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)",
                (name, created_at),
            ).rowcount
            if added:
                self._report.annotators_added.append(name)

    def _documents(self) -> None:
        rows = self._read("SELECT uid, text, title, meta FROM documents ORDER BY position")
        added = self._project.documents.add_stored(
            (uid, text, title, json.loads(meta)) for uid, text, title, meta in rows
        )
        self._report.documents_added += len(added.documents_added)
        self._report.documents_present += len(rows) - len(added.documents_added)
        self._ticker.advance(len(rows))

    def _statuses(self) -> None:
        """Per document and annotator, the status set last."""
        for row in self._read(
            "SELECT document, annotator, status, updated_at FROM document_status"
        ):
            self._report.statuses_updated += self._conn.execute(
                "INSERT INTO document_status (document, annotator, status, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (document, annotator) DO UPDATE"
                " SET status = excluded.status, updated_at = excluded.updated_at"
                " WHERE excluded.updated_at > document_status.updated_at",
                row,
            ).rowcount

    def _assignments(self) -> None:
        """Per document and analyst, the assignment or withdrawal made last."""
        for row in self._read(
            "SELECT d.uid, a.annotator, a.assigned, a.changed_by, a.changed_at"
            " FROM assignments a JOIN documents d ON d.position = a.document"
        ):
            self._report.assignments_updated += self._conn.execute(
                "INSERT INTO assignments (document, annotator, assigned, changed_by, changed_at)"
                f" VALUES ({DOCUMENT_NUMBER}, ?, ?, ?, ?) ON CONFLICT (document, annotator)"
                " DO UPDATE SET assigned = excluded.assigned, changed_by = excluded.changed_by,"
                " changed_at = excluded.changed_at"
                " WHERE excluded.changed_at > assignments.changed_at",
                row,
            ).rowcount

    # -- comments and flags --------------------------------------------------------------

    def _comments(self) -> None:
        """Comments by uid: one the project holds already is taken again only when theirs
        changed later (resolved, or opened again); on a span, they follow the span to the
        project's uid for it."""
        for row in self._read(f"SELECT {COMMENTS_WITH_DOCUMENT_UIDS}"):
            theirs = Comment(*row)
            self._check_names("comments", author=theirs.author, resolved_by=theirs.resolved_by)
            span = self._span_uids.get(theirs.span, theirs.span)
            gone = "" if self._project.spans.exists(span) else theirs.span_gone
            values = (theirs.document, span, gone, theirs.author, theirs.body)
            times = (theirs.created_at, theirs.resolved_by, theirs.resolved_at, theirs.changed_at)
            self._report.comments_merged += self._conn.execute(
                "INSERT INTO comments (uid, document, span, span_gone, author, body, created_at,"
                f" resolved_by, resolved_at, changed_at) VALUES (?, {DOCUMENT_NUMBER},"
                " ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET body = excluded.body,"
                " resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at,"
                " changed_at = excluded.changed_at WHERE excluded.changed_at > comments.changed_at",
                (theirs.uid, *values, *times),
            ).rowcount

    def _flags(self) -> None:
        """Per target, analyst and flag, the setting or clearing made last."""
        for document, span, annotator, flag, flagged, changed_at in self._read(
            "SELECT d.uid, f.span, f.annotator, f.flag, f.flagged, f.changed_at FROM flags f"
            " JOIN documents d ON d.position = f.document"
        ):
            self._check_names("flags", annotator=annotator)
            self._report.flags_updated += self._conn.execute(
                "INSERT INTO flags (document, span, annotator, flag, flagged, changed_at)"
                f" VALUES ({DOCUMENT_NUMBER}, ?, ?, ?, ?, ?)"
                " ON CONFLICT (document, span, annotator, flag) DO UPDATE"
                " SET flagged = excluded.flagged, changed_at = excluded.changed_at"
                " WHERE excluded.changed_at > flags.changed_at",
                (document, self._span_uids.get(span, span), annotator, flag, flagged, changed_at),
            ).rowcount

    # -- suggestions ---------------------------------------------------------------------

    def _suggestions(self) -> None:
        """Their suggestions, each matched to the project's at its place (document, label
        and bounds) or added, keeping its uid unless the project has it for another; then
        their decisions, per suggestion and analyst, the one made later winning; an
        acceptance follows its span to the project's uid for it."""
        uids = {}  # their suggestion uid -> the project's
        for row in self._read(
            'SELECT g.uid, d.uid, g.label, g.start, g."end", g.attrs, g.source, g.score,'
            " g.created_at FROM suggestions g JOIN documents d ON d.position = g.document"
            " ORDER BY g.rowid"
        ):
            uid, document, label, start, end, *rest = row
            place = (document, self._renamed.get(label, label), start, end)
            uids[uid] = self._our_suggestion(place) or self._add_suggestion(uid, place, rest)
            self._ticker.advance()
        for suggestion, annotator, state, span, decided_at in self._read(
            "SELECT suggestion, annotator, state, span, decided_at FROM suggestion_decisions"
        ):
            self._check_names("suggestion_decisions", annotator=annotator)
            span = self._span_uids.get(span, span)
            self._report.suggestion_decisions_updated += self._conn.execute(
                "INSERT INTO suggestion_decisions (suggestion, annotator, state, span,"
                " decided_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (suggestion, annotator)"
                " DO UPDATE SET state = excluded.state, span = excluded.span,"
                " decided_at = excluded.decided_at"
                " WHERE excluded.decided_at > suggestion_decisions.decided_at",
                (uids[suggestion], annotator, state, span, decided_at),
            ).rowcount
            self._ticker.advance()

    def _our_suggestion(self, place: tuple[str, str, int, int]) -> str | None:
        row = self._conn.execute(
            f"SELECT uid FROM suggestions WHERE document = {DOCUMENT_NUMBER}"
            ' AND label = ? AND start = ? AND "end" = ?',
            place,
        ).fetchone()
        return str(row[0]) if row else None

    def _add_suggestion(self, uid: str, place: tuple[str, str, int, int], rest: list[Any]) -> str:
        """The uid a suggestion new here takes: theirs, unless another suggestion has it."""
        taken = self._conn.execute("SELECT 1 FROM suggestions WHERE uid = ?", (uid,)).fetchone()
        ours = new_uid() if taken else uid
        self._conn.execute(
            'INSERT INTO suggestions (uid, document, label, start, "end", attrs, source, score,'
            f" created_at) VALUES (?, {DOCUMENT_NUMBER}, ?, ?, ?, ?, ?, ?, ?)",
            (ours, *place, *rest),
        )
        self._report.suggestions_added += 1
        return ours

    # -- spans ---------------------------------------------------------------------------

    def _spans(self) -> None:
        """Spans the project holds under the same uid first, so that a new span is only
        taken for a duplicate of what the project will hold, not of what it held."""
        new: list[SpanRow] = []
        for row in self._read(f"SELECT {SPANS_WITH_DOCUMENT_UIDS} ORDER BY s.document, s.start"):
            theirs = SpanRow(*row)
            theirs = theirs._replace(label=self._renamed.get(theirs.label, theirs.label))
            ours = self._our_span(theirs.uid)
            if ours is None or ours.layer != theirs.layer:  # a uid names one layer's span
                new.append(theirs)
                continue
            self._span_uids[theirs.uid] = theirs.uid
            self._reconcile(ours, theirs)
            self._ticker.advance()
        for theirs in new:
            self._span_uids[theirs.uid] = self._add_span(theirs)
            self._ticker.advance()

    def _our_span(self, uid: str) -> SpanRow | None:
        row = self._conn.execute(
            f"SELECT {SPANS_WITH_DOCUMENT_UIDS} WHERE s.uid = ?", (uid,)
        ).fetchone()
        return SpanRow(*row) if row else None

    def _add_span(self, theirs: SpanRow) -> str:
        """The project's uid for a span it did not hold under this uid in this layer."""
        existing = self._project.spans.find(*theirs.key)
        if existing is not None:
            self._report.spans_duplicate += 1
            return existing
        uid = theirs.uid
        if self._project.spans.exists(uid):  # the same uid for another layer's span
            uid = new_uid()
            self._report.notes.append(
                f"{self._path}: span {theirs.uid} ({theirs.shown()} of {theirs.annotator}) "
                f"has the uid of another span here; added as {uid}"
            )
        self._conn.execute(
            f"INSERT INTO spans ({SPAN_ROW}) VALUES (?, {DOCUMENT_NUMBER}, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, *theirs[1:]),
        )
        self._report.spans_added += 1
        return uid

    def _reconcile(self, ours: SpanRow, theirs: SpanRow) -> None:
        differs = _span_differences(ours, theirs)
        if not differs:
            self._report.spans_identical += 1
            return
        newer = theirs.updated_at > ours.updated_at
        blocked = self._why_theirs_cannot_apply(ours, theirs) if newer else None
        if newer and blocked is None:
            self._conn.execute(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, attrs = ?, updated_at = ?'
                " WHERE uid = ?",
                (theirs.label, theirs.start, theirs.end, theirs.attrs, theirs.updated_at, ours.uid),
            )
            self._report.spans_updated += 1
            kept: Side = "theirs"
            why = "theirs is newer"
        else:
            self._report.spans_kept += 1
            kept = "ours"
            tie = ours.updated_at == theirs.updated_at
            why = blocked or ("changed at the same moment" if tie else "ours is newer")
        if blocked or _edited_in_both(ours, theirs):
            self._report.conflicts.append(self._conflict(ours, theirs, differs, kept, why))

    def _why_theirs_cannot_apply(self, ours: SpanRow, theirs: SpanRow) -> str | None:
        twin = self._project.spans.find(*theirs.key)
        if twin is not None and twin != ours.uid:
            return f"theirs would repeat span {twin}"
        if theirs.label == ours.label:
            return None
        for relation in self._project.relations.touching(ours.uid):
            definition = self._project.labels.relation_label(relation.label)
            head = theirs.label if relation.head == ours.uid else self._label_of(relation.head)
            tail = theirs.label if relation.tail == ours.uid else self._label_of(relation.tail)
            if definition is not None and not definition.allows(head, tail):
                return f"{relation.label} relation {relation.uid} cannot link {head} to {tail}"
        return None

    def _label_of(self, span: str) -> str:
        row = self._conn.execute("SELECT label FROM spans WHERE uid = ?", (span,)).fetchone()
        return str(row[0])

    def _conflict(
        self, ours: SpanRow, theirs: SpanRow, differs: tuple[str, ...], kept: Side, why: str
    ) -> Conflict:
        title = self._conn.execute(
            "SELECT title FROM documents WHERE uid = ?", (ours.document,)
        ).fetchone()[0]
        return Conflict(
            file=str(self._path),
            span=ours.uid,
            document=ours.document,
            title=str(title),
            annotator=ours.annotator,
            differs=differs,
            ours=ours.shown(),
            theirs=theirs.shown(),
            ours_updated_at=ours.updated_at,
            theirs_updated_at=theirs.updated_at,
            kept=kept,
            why=why,
        )

    # -- relations -----------------------------------------------------------------------

    def _relations(self) -> None:
        for row in self._read(f"SELECT {RELATION_ROW} FROM relations ORDER BY uid"):
            theirs = RelationRow(*row)
            head, tail = self._span_uids[theirs.head], self._span_uids[theirs.tail]
            ours = self._our_relation(theirs.uid)
            if ours is not None and (ours.label, ours.head, ours.tail) == (
                theirs.label,
                head,
                tail,
            ):
                self._reconcile_relation(ours, theirs)
            else:
                self._add_relation(theirs, head, tail, uid_taken=ours is not None)
            self._ticker.advance()

    def _our_relation(self, uid: str) -> RelationRow | None:
        row = self._conn.execute(
            f"SELECT {RELATION_ROW} FROM relations WHERE uid = ?", (uid,)
        ).fetchone()
        return RelationRow(*row) if row else None

    def _reconcile_relation(self, ours: RelationRow, theirs: RelationRow) -> None:
        if json.loads(ours.attrs) == json.loads(theirs.attrs):
            self._report.relations_identical += 1
        elif theirs.updated_at > ours.updated_at:
            self._conn.execute(
                "UPDATE relations SET attrs = ?, updated_at = ? WHERE uid = ?",
                (theirs.attrs, theirs.updated_at, ours.uid),
            )
            self._report.relations_updated += 1
        else:
            self._report.relations_kept += 1

    def _add_relation(self, theirs: RelationRow, head: str, tail: str, uid_taken: bool) -> None:
        if self._project.relations.find(theirs.label, head, tail) is not None:
            self._report.relations_duplicate += 1
            return
        problem = self._relation_problem(theirs.label, head, tail)
        if problem is not None:
            self._report.relations_left_out += 1
            self._report.notes.append(
                f"{self._path}: relation {theirs.uid} ({theirs.label}) left out: {problem}"
            )
            return
        uid = new_uid() if uid_taken else theirs.uid  # a uid here for another relation
        self._conn.execute(
            f"INSERT INTO relations ({RELATION_ROW}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, theirs.label, head, tail, *theirs[4:]),
        )
        self._report.relations_added += 1

    def _relation_problem(self, label: str, head: str, tail: str) -> str | None:
        """Why the project cannot hold this relation as its spans are now, if it cannot."""
        if head == tail:
            return "its two spans are one span here"
        definition = self._project.labels.relation_label(label)
        head_label, tail_label = self._label_of(head), self._label_of(tail)
        if definition is not None and not definition.allows(head_label, tail_label):
            return f"{label} cannot link {head_label} to {tail_label} here"
        return None


def _span_differences(ours: SpanRow, theirs: SpanRow) -> tuple[str, ...]:
    checks = (
        ("label", ours.label != theirs.label),
        ("offsets", (ours.start, ours.end) != (theirs.start, theirs.end)),
        ("attrs", json.loads(ours.attrs) != json.loads(theirs.attrs)),
    )
    return tuple(name for name, differs in checks if differs)


def _edited_in_both(ours: SpanRow, theirs: SpanRow) -> bool:
    """Not so when one side still holds the span as it was made: the other side's version
    is then simply a later one."""
    untouched = (
        ours.updated_at == ours.created_at,
        theirs.updated_at == theirs.created_at,
    )
    return not (ours.created_at == theirs.created_at and any(untouched))
