"""The project schema, created and upgraded by named migrations.

The number of applied migrations is the schema version, kept in PRAGMA user_version so
that an older app can refuse a newer file before touching it.
"""

from __future__ import annotations

import sqlite3
import sys
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is loaded only when a migration is pending
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

NOT_FOR_MIGRATIONS = ("pandas", "numpy")

# The origins a span or relation may have: 0010 added 'suggested', rebuilding both tables
ORIGINS_BEFORE_SUGGESTIONS = "'manual', 'imported', 'propagated', 'adjudicated'"
ORIGINS = f"{ORIGINS_BEFORE_SUGGESTIONS}, 'suggested'"
STATUSES = "'new', 'in_progress', 'done'"

RELATIONS_WITHIN_ONE_LAYER = """
    CREATE TRIGGER relations_within_one_layer BEFORE INSERT ON relations
    WHEN (SELECT document || char(31) || annotator FROM spans WHERE uid = NEW.head)
      IS NOT (SELECT document || char(31) || annotator FROM spans WHERE uid = NEW.tail)
    BEGIN
        SELECT RAISE(ABORT, 'a relation joins spans of one document and annotator');
    END
    """


def relations_table(origins: str) -> str:
    return f"""
    CREATE TABLE relations (
        uid TEXT PRIMARY KEY,
        label TEXT NOT NULL REFERENCES relation_labels(name),
        head TEXT NOT NULL REFERENCES spans(uid) ON DELETE CASCADE,
        tail TEXT NOT NULL REFERENCES spans(uid) ON DELETE CASCADE,
        attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs)),
        origin TEXT NOT NULL CHECK (origin IN ({origins})),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (head <> tail),
        UNIQUE (label, head, tail)
    )
    """


RELATIONS_INDEXES = [
    "CREATE INDEX relations_by_head ON relations(head)",
    "CREATE INDEX relations_by_tail ON relations(tail)",
]

INITIAL_SCHEMA = [
    """
    CREATE TABLE documents (
        uid TEXT PRIMARY KEY CHECK (length(uid) = 64),
        position INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL CHECK (instr(text, char(0)) = 0),
        char_count INTEGER NOT NULL CHECK (char_count = length(text)),
        meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TRIGGER documents_text_is_immutable BEFORE UPDATE OF uid, text, char_count
    ON documents BEGIN
        SELECT RAISE(ABORT, 'documents are immutable');
    END
    """,
    """
    CREATE TABLE labels (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        english TEXT NOT NULL,
        arabic TEXT NOT NULL,
        colour TEXT NOT NULL,
        key TEXT NOT NULL DEFAULT '' CHECK (length(key) <= 1),
        attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
    )
    """,
    "CREATE UNIQUE INDEX labels_key ON labels(key) WHERE key <> ''",
    """
    CREATE TABLE relation_labels (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        english TEXT NOT NULL,
        arabic TEXT NOT NULL,
        heads TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heads)),
        tails TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tails))
    )
    """,
    """
    CREATE TABLE annotators (
        name TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
        created_at TEXT NOT NULL
    )
    """,
    f"""
    CREATE TABLE spans (
        uid TEXT PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(uid),
        annotator TEXT NOT NULL REFERENCES annotators(name),
        label TEXT NOT NULL REFERENCES labels(name),
        start INTEGER NOT NULL CHECK (typeof(start) = 'integer' AND start >= 0),
        "end" INTEGER NOT NULL CHECK (typeof("end") = 'integer' AND start < "end"),
        attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs)),
        origin TEXT NOT NULL CHECK (origin IN ({ORIGINS_BEFORE_SUGGESTIONS})),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (document, annotator, label, start, "end")
    )
    """,
    "CREATE INDEX spans_by_document ON spans(document, annotator, start)",
    """
    CREATE TRIGGER spans_end_within_text_on_insert BEFORE INSERT ON spans
    WHEN NEW."end" > (SELECT char_count FROM documents WHERE uid = NEW.document)
    BEGIN
        SELECT RAISE(ABORT, 'span end is beyond the document text');
    END
    """,
    """
    CREATE TRIGGER spans_end_within_text_on_update BEFORE UPDATE OF "end", document ON spans
    WHEN NEW."end" > (SELECT char_count FROM documents WHERE uid = NEW.document)
    BEGIN
        SELECT RAISE(ABORT, 'span end is beyond the document text');
    END
    """,
    relations_table(ORIGINS_BEFORE_SUGGESTIONS),
    *RELATIONS_INDEXES,
    RELATIONS_WITHIN_ONE_LAYER,
    f"""
    CREATE TABLE document_status (
        document TEXT NOT NULL REFERENCES documents(uid),
        annotator TEXT NOT NULL REFERENCES annotators(name),
        status TEXT NOT NULL CHECK (status IN ({STATUSES})),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (document, annotator)
    )
    """,
]


def initial_schema(db: Database) -> None:
    for statement in INITIAL_SCHEMA:
        db.execute(statement)


def spans_by_position(db: Database) -> None:
    """Spans found by where they start, whoever made them: a reader loads a document's
    spans a stretch at a time."""
    db.execute('CREATE INDEX spans_by_position ON spans(document, start, "end")')


def search_index(db: Database) -> None:
    """The normalised text of each document in a trigram FTS5 table (rowid = position),
    so a search reads only the documents that can hold its query."""
    from annotate.mentions import normalised_text

    db.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'trigram')")
    rows = db.execute("SELECT position, text FROM documents").fetchall()
    db.conn.executemany(
        "INSERT INTO search_index (rowid, body) VALUES (?, ?)",
        ((position, normalised_text(text)) for position, text in rows),
    )


def contentless_search_index(db: Database) -> None:
    """The search index made again, for three changes. It keeps no copy of the normalised
    text (search reads the stored text around what the index finds, annotate.corpus_scan).
    Each document's removed marks are kept beside it (`search_entries`), to turn the
    index's offsets into stored ones, with a checksum of the text it indexed. Normalised
    text folds the hamza seats ؤ ئ into ء, so that مسؤول and مسئول find each other."""
    from annotate.corpus_scan import search_entry

    db.execute("DROP TABLE search_index")
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, content = '', tokenize = 'trigram')"
    )
    db.execute(
        "CREATE TABLE search_entries (position INTEGER PRIMARY KEY,"
        " removals BLOB NOT NULL, checksum INTEGER NOT NULL)"
    )
    for position, text in db.execute("SELECT position, text FROM documents").fetchall():
        normalised, removed, checksum = search_entry(text)
        db.execute("INSERT INTO search_index (rowid, body) VALUES (?, ?)", (position, normalised))
        db.execute(
            "INSERT INTO search_entries (position, removals, checksum) VALUES (?, ?, ?)",
            (position, removed, checksum),
        )


def decisions(db: Database) -> None:
    """A reviewer's decision on each disagreement of a document, by the disagreement's key,
    with the gold spans it made, so that review resumes where it stopped and shows how much
    is resolved."""
    db.execute(
        """
        CREATE TABLE decisions (
            document TEXT NOT NULL REFERENCES documents(uid),
            item TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'edited')),
            spans TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spans)),
            reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
            decided_at TEXT NOT NULL,
            PRIMARY KEY (document, item)
        )
        """
    )


def spans_by_document_number(db: Database) -> None:
    """Spans name their document by its number (documents.position, which never changes)
    instead of its 64-character uid, in the row and in every index over it; the index that
    keeps one annotator's spans unique (document, annotator, label, start, end) is the one
    that reads them by document and annotator (spans_by_document), no longer a second one.
    A span takes about 240 bytes instead of 560.

    The spans are copied aside with their rowids, and the relations too: dropping the table
    as it is would delete them (the foreign keys are enforced in the transaction of the
    migrations). The table is made anew and they are put back."""
    for statement in SPANS_BY_NUMBER:
        db.execute(statement)


def numbered_spans_table(origins: str) -> str:
    """The spans table since 0006, naming each span's document by number."""
    return f"""
    CREATE TABLE spans (
        uid TEXT PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(position),
        annotator TEXT NOT NULL REFERENCES annotators(name),
        label TEXT NOT NULL REFERENCES labels(name),
        start INTEGER NOT NULL CHECK (typeof(start) = 'integer' AND start >= 0),
        "end" INTEGER NOT NULL CHECK (typeof("end") = 'integer' AND start < "end"),
        attrs TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attrs)),
        origin TEXT NOT NULL CHECK (origin IN ({origins})),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """


NUMBERED_SPANS_INDEXES = [
    'CREATE UNIQUE INDEX spans_by_document ON spans(document, annotator, label, start, "end")',
    'CREATE INDEX spans_by_position ON spans(document, start, "end")',
]
NUMBERED_SPANS_END_WITHIN_TEXT = [
    """
    CREATE TRIGGER spans_end_within_text_on_insert BEFORE INSERT ON spans
    WHEN NEW."end" > (
        SELECT char_count FROM documents INDEXED BY documents_lengths
        WHERE position = NEW.document
    )
    BEGIN
        SELECT RAISE(ABORT, 'span end is beyond the document text');
    END
    """,
    """
    CREATE TRIGGER spans_end_within_text_on_update BEFORE UPDATE OF "end", document ON spans
    WHEN NEW."end" > (
        SELECT char_count FROM documents INDEXED BY documents_lengths
        WHERE position = NEW.document
    )
    BEGIN
        SELECT RAISE(ABORT, 'span end is beyond the document text');
    END
    """,
]
# The rows copied aside (temp.spans_kept, temp.relations_kept) put back under their rowids
PUT_SPANS_BACK = """
    INSERT INTO spans (rowid, uid, document, annotator, label, start, "end", attrs, origin,
        created_at, updated_at)
    SELECT kept_rowid, uid, document, annotator, label, start, "end", attrs, origin,
        created_at, updated_at
    FROM temp.spans_kept ORDER BY kept_rowid
    """
PUT_RELATIONS_BACK = """
    INSERT INTO relations (rowid, uid, label, head, tail, attrs, origin, created_at, updated_at)
    SELECT kept_rowid, uid, label, head, tail, attrs, origin, created_at, updated_at
    FROM temp.relations_kept ORDER BY kept_rowid
    """


SPANS_BY_NUMBER = [
    """
    CREATE TEMP TABLE spans_kept AS SELECT s.rowid AS kept_rowid, s.uid, d.position AS document,
        s.annotator, s.label, s.start, s."end", s.attrs, s.origin, s.created_at, s.updated_at
    FROM main.spans s LEFT JOIN main.documents d ON d.uid = s.document
    """,
    "CREATE TEMP TABLE relations_kept AS SELECT rowid AS kept_rowid, * FROM main.relations",
    "DELETE FROM relations",
    "DROP TRIGGER relations_within_one_layer",
    "DROP TABLE spans",
    numbered_spans_table(ORIGINS_BEFORE_SUGGESTIONS),
    PUT_SPANS_BACK,
    *NUMBERED_SPANS_INDEXES,
    # a document's length beside its number: the check of each span's end would otherwise
    # walk the text's overflow pages to the column after it (18 µs a span on a long article)
    "CREATE INDEX documents_lengths ON documents(position, char_count)",
    *NUMBERED_SPANS_END_WITHIN_TEXT,
    RELATIONS_WITHIN_ONE_LAYER,
    PUT_RELATIONS_BACK,
    "DROP TABLE temp.spans_kept",
    "DROP TABLE temp.relations_kept",
    # a document's number now keys its spans (and its search entries): it never changes
    "DROP TRIGGER documents_text_is_immutable",
    """
    CREATE TRIGGER documents_text_is_immutable BEFORE UPDATE OF uid, position, text, char_count
    ON documents BEGIN
        SELECT RAISE(ABORT, 'documents are immutable');
    END
    """,
]


def assignments(db: Database) -> None:
    """Which documents a team lead gave to which analyst. A row per document and analyst
    holds the last change, an assignment or its withdrawal (``assigned`` 0), with who made
    it and when: a merge then carries a withdrawal as it carries an assignment, the later
    change winning. Rows name documents by number, as spans do."""
    db.execute(
        """
        CREATE TABLE assignments (
            document INTEGER NOT NULL REFERENCES documents(position),
            annotator TEXT NOT NULL REFERENCES annotators(name),
            assigned INTEGER NOT NULL CHECK (assigned IN (0, 1)),
            changed_by TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            PRIMARY KEY (document, annotator)
        ) WITHOUT ROWID
        """
    )


def label_guides_and_changes(db: Database) -> None:
    """Each span and relation label's guideline (definition in English and Arabic, and
    examples) as JSON beside it; a label of an older project has none ('{}').

    A span label can be retired (kept for the spans that have it, offered for no new one)
    and renamed: each old name is kept with the name it now has, so that a copy of the
    project made before the rename still merges, its spans taking the new name."""
    for table in ("labels", "relation_labels"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN guide TEXT NOT NULL DEFAULT '{{}}'"
            " CHECK (json_valid(guide))"
        )
    db.execute(
        "ALTER TABLE labels ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))"
    )
    db.execute(
        """
        CREATE TABLE label_renames (
            old TEXT PRIMARY KEY,
            new TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            renamed_at TEXT NOT NULL,
            CHECK (old <> new)
        ) WITHOUT ROWID
        """
    )


def comments(db: Database) -> None:
    """Comments and flags on spans and documents. A comment names its document by number
    and, when it is about a span, the span's uid; it keeps the span it was about in
    ``span_gone`` while that span is deleted (the trigger writes what the span was), and
    is about the span again when the span comes back (an undo, a merge) under its uid.
    A flag row per target, analyst and flag holds its last change, set or cleared, so
    that a merge carries a clearing as it carries a setting, the later change winning.
    Both tables are empty, and cost a project nothing, until someone comments."""
    for statement in COMMENT_TABLES:
        db.execute(statement)


COMMENTS_FOLLOW_THEIR_SPANS = [
    """
    CREATE TRIGGER comments_keep_a_deleted_span AFTER DELETE ON spans
    BEGIN
        UPDATE comments SET span_gone = OLD.label || ' ‘' || (
            SELECT substr(text, OLD.start + 1, OLD."end" - OLD.start) FROM documents
            WHERE position = OLD.document
        ) || '’ of ' || OLD.annotator
        WHERE span = OLD.uid;
    END
    """,
    """
    CREATE TRIGGER comments_find_their_span_again AFTER INSERT ON spans
    BEGIN
        UPDATE comments SET span_gone = '' WHERE span = NEW.uid AND span_gone <> '';
    END
    """,
]

COMMENT_TABLES = [
    """
    CREATE TABLE comments (
        uid TEXT PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(position),
        span TEXT NOT NULL DEFAULT '',
        span_gone TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL CHECK (length(trim(author)) > 0),
        body TEXT NOT NULL CHECK (length(trim(body)) > 0),
        created_at TEXT NOT NULL,
        resolved_by TEXT NOT NULL DEFAULT '',
        resolved_at TEXT NOT NULL DEFAULT '',
        changed_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX comments_by_document ON comments(document, span)",
    "CREATE INDEX comments_by_span ON comments(span)",
    *COMMENTS_FOLLOW_THEIR_SPANS,
    """
    CREATE TABLE flags (
        document INTEGER NOT NULL REFERENCES documents(position),
        span TEXT NOT NULL DEFAULT '',
        annotator TEXT NOT NULL CHECK (length(trim(annotator)) > 0),
        flag TEXT NOT NULL CHECK (flag IN ('unsure', 'needs discussion')),
        flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
        changed_at TEXT NOT NULL,
        PRIMARY KEY (document, span, annotator, flag)
    ) WITHOUT ROWID
    """,
]


def suggestions(db: Database) -> None:
    """Suggestions: spans proposed by a model, by the project's known mentions or by an
    imported file, in a table of their own, so that nothing that reads spans (export,
    agreement, review, merge, search, progress) sees one. An analyst's decision is kept
    with it: accepted (the span it made, of origin 'suggested', by uid) or rejected, and by
    whom, for the count of suggestions accepted, corrected and rejected. An open one is
    never there twice (same document, label and bounds).

    Spans and relations are made again so that their origin may be 'suggested': copied
    aside with their rowids, the tables made anew with every index and trigger they had
    (the comments' triggers on spans too), and put back, as 0006 did."""
    for statement in [*SUGGESTIONS_TABLE, *SUGGESTED_ORIGIN]:
        db.execute(statement)


SUGGESTIONS_END_WITHIN_TEXT = [
    """
    CREATE TRIGGER suggestions_end_within_text_on_insert BEFORE INSERT ON suggestions
    WHEN NEW."end" > (
        SELECT char_count FROM documents INDEXED BY documents_lengths
        WHERE position = NEW.document
    )
    BEGIN
        SELECT RAISE(ABORT, 'suggestion end is beyond the document text');
    END
    """,
    """
    CREATE TRIGGER suggestions_end_within_text_on_update
    BEFORE UPDATE OF "end", document ON suggestions
    WHEN NEW."end" > (
        SELECT char_count FROM documents INDEXED BY documents_lengths
        WHERE position = NEW.document
    )
    BEGIN
        SELECT RAISE(ABORT, 'suggestion end is beyond the document text');
    END
    """,
]
SUGGESTIONS_TABLE = [
    """
    CREATE TABLE suggestions (
        uid TEXT PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(position),
        label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
        start INTEGER NOT NULL CHECK (typeof(start) = 'integer' AND start >= 0),
        "end" INTEGER NOT NULL CHECK (typeof("end") = 'integer' AND start < "end"),
        attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
        source TEXT NOT NULL CHECK (length(trim(source)) > 0),
        score REAL CHECK (score IS NULL OR typeof(score) = 'real'),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
        span TEXT NOT NULL DEFAULT '',
        annotator TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        decided_at TEXT NOT NULL DEFAULT '',
        CHECK ((state = 'open') = (annotator = '')),
        CHECK ((state = 'accepted') = (span <> ''))
    )
    """,
    'CREATE INDEX suggestions_by_document ON suggestions(document, start, "end")',
    'CREATE UNIQUE INDEX suggestions_open_once ON suggestions(document, label, start, "end")'
    " WHERE state = 'open'",
    *SUGGESTIONS_END_WITHIN_TEXT,
]
SUGGESTED_ORIGIN = [
    "CREATE TEMP TABLE spans_kept AS SELECT rowid AS kept_rowid, * FROM main.spans",
    "CREATE TEMP TABLE relations_kept AS SELECT rowid AS kept_rowid, * FROM main.relations",
    # relations first: dropping spans under them would delete them (ON DELETE CASCADE)
    "DROP TABLE relations",
    "DROP TABLE spans",
    numbered_spans_table(ORIGINS),
    PUT_SPANS_BACK,
    *NUMBERED_SPANS_INDEXES,
    *NUMBERED_SPANS_END_WITHIN_TEXT,
    *COMMENTS_FOLLOW_THEIR_SPANS,  # made after the spans are back: none of them fires
    relations_table(ORIGINS),
    PUT_RELATIONS_BACK,
    *RELATIONS_INDEXES,
    RELATIONS_WITHIN_ONE_LAYER,
    "DROP TABLE temp.spans_kept",
    "DROP TABLE temp.relations_kept",
]


def decisions_per_analyst(db: Database) -> None:
    """A suggestion's decisions in a table of their own, one per suggestion and analyst, so
    that one analyst's acceptance or rejection no longer decides it for the others: each
    decided suggestion's decision is copied there, and the suggestions table is made again
    without its decision columns, keeping every uid (and rowid), index and trigger. A place
    (document, label and bounds) now holds one suggestion, decided or not: where an older
    project held two (one decided, one suggested again), the first one stays and takes the
    other's decisions, the later one winning for the same analyst."""
    for statement in DECISIONS_PER_ANALYST:
        db.execute(statement)


SUGGESTIONS_TABLE_11 = """
    CREATE TABLE suggestions (
        uid TEXT PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(position),
        label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
        start INTEGER NOT NULL CHECK (typeof(start) = 'integer' AND start >= 0),
        "end" INTEGER NOT NULL CHECK (typeof("end") = 'integer' AND start < "end"),
        attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
        source TEXT NOT NULL CHECK (length(trim(source)) > 0),
        score REAL CHECK (score IS NULL OR typeof(score) = 'real'),
        created_at TEXT NOT NULL
    )
    """
SUGGESTION_COLUMNS = 'uid, document, label, start, "end", attrs, source, score, created_at'
DECISIONS_PER_ANALYST = [
    "CREATE TEMP TABLE suggestions_kept AS SELECT rowid AS kept_rowid, * FROM main.suggestions",
    "DROP TABLE suggestions",
    SUGGESTIONS_TABLE_11,
    f"""
    INSERT INTO suggestions (rowid, {SUGGESTION_COLUMNS})
    SELECT kept_rowid, {SUGGESTION_COLUMNS} FROM temp.suggestions_kept
    WHERE kept_rowid IN (
        SELECT min(kept_rowid) FROM temp.suggestions_kept GROUP BY document, label, start, "end"
    )
    ORDER BY kept_rowid
    """,
    'CREATE INDEX suggestions_by_document ON suggestions(document, start, "end")',
    'CREATE UNIQUE INDEX suggestions_once ON suggestions(document, label, start, "end")',
    *SUGGESTIONS_END_WITHIN_TEXT,
    """
    CREATE TABLE suggestion_decisions (
        suggestion TEXT NOT NULL REFERENCES suggestions(uid) ON DELETE CASCADE,
        annotator TEXT NOT NULL CHECK (length(trim(annotator)) > 0),
        state TEXT NOT NULL CHECK (state IN ('accepted', 'rejected')),
        span TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        PRIMARY KEY (suggestion, annotator),
        CHECK ((state = 'accepted') = (span <> ''))
    ) WITHOUT ROWID
    """,
    """
    INSERT INTO suggestion_decisions (suggestion, annotator, state, span, decided_at)
    SELECT g.uid, k.annotator, k.state, k.span, k.decided_at
    FROM temp.suggestions_kept k JOIN suggestions g ON g.document = k.document
    AND g.label = k.label AND g.start = k.start AND g."end" = k."end"
    WHERE k.state <> 'open' ORDER BY k.kept_rowid
    ON CONFLICT (suggestion, annotator) DO UPDATE SET state = excluded.state,
    span = excluded.span, decided_at = excluded.decided_at
    WHERE excluded.decided_at > suggestion_decisions.decided_at
    """,
    "DROP TABLE temp.suggestions_kept",
]


STEPS = [
    ("0001_initial_schema", initial_schema),
    ("0002_spans_by_position", spans_by_position),
    ("0003_search_index", search_index),
    ("0004_decisions", decisions),
    ("0005_contentless_search_index", contentless_search_index),
    ("0006_spans_by_document_number", spans_by_document_number),
    ("0007_assignments", assignments),
    ("0008_label_guides_and_changes", label_guides_and_changes),
    ("0009_comments", comments),
    ("0010_suggestions", suggestions),
    ("0011_decisions_per_analyst", decisions_per_analyst),
]
SCHEMA_VERSION = len(STEPS)


@cache
def migrations() -> Migrations:
    """Every step, registered under its name in sqlite-utils' record of applied migrations."""
    steps: Migrations = load_sqlite_utils().Migrations("annotate")
    for name, step in STEPS:
        steps(name=name)(step)
    return steps


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils' view of a connection, which the migrations are given. Without its
    plugins: finding them reads every installed package's entry points (30 ms), and no
    plugin is to change a project's connection."""
    db: Database = load_sqlite_utils().Database(conn, execute_plugins=False)
    return db


def load_sqlite_utils() -> ModuleType:
    """sqlite-utils, imported with pandas and numpy hidden from it when this process has not
    loaded them: it imports both wherever they are installed (0.3 s), for DataFrame and array
    values that no migration writes."""
    hidden = [name for name in NOT_FOR_MIGRATIONS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" fails
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils
