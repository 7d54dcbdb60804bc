"""Time an analyst spent on a document, as far as the project records it.

A project keeps when each span was made and last changed, when each link was made and
changed, and when the analyst last set the document's status. Those moments, per analyst
and document, in order: the time between two that are at most IDLE_MINUTES apart is time
spent; a longer gap is a pause and counts nothing. Reading before the first edit, after
the last, and the edits of spans deleted since leave no moment: the figure is a lower
bound.
"""

from __future__ import annotations

import sqlite3
from itertools import pairwise

from annotate.model import GOLD_ANNOTATOR

IDLE_MINUTES = 5

# Each analyst's moments in a document as milliseconds, comma-separated: julianday reads
# the stored ISO 8601 times (offset included) and gives NULL for anything else, which
# group_concat leaves out. A change made when the row was (updated_at = created_at) is no
# moment of its own. (Sorting the moments in Python costs half what SQL's window over them
# does: 0.5 s for 300,000 spans.)
MOMENTS = """
WITH moments (document, annotator, at) AS (
    SELECT document, annotator, created_at FROM spans WHERE annotator <> :gold
    UNION ALL SELECT document, annotator, updated_at FROM spans
        WHERE annotator <> :gold AND updated_at <> created_at
    UNION ALL SELECT h.document, h.annotator, r.created_at
        FROM relations r JOIN spans h ON h.uid = r.head WHERE h.annotator <> :gold
    UNION ALL SELECT h.document, h.annotator, r.updated_at
        FROM relations r JOIN spans h ON h.uid = r.head
        WHERE h.annotator <> :gold AND r.updated_at <> r.created_at
    UNION ALL SELECT d.position, s.annotator, s.updated_at
        FROM document_status s JOIN documents d ON d.uid = s.document
        WHERE s.annotator <> :gold
)
SELECT document, annotator, group_concat(CAST(julianday(at) * 86400000 AS INTEGER))
FROM moments GROUP BY document, annotator
"""


def work_seconds(
    conn: sqlite3.Connection, idle_minutes: int = IDLE_MINUTES
) -> dict[tuple[int, str], int]:
    """Whole seconds spent, by (document number, analyst), where there are any."""
    idle = idle_minutes * 60_000
    spent = {}
    for document, name, moments in conn.execute(MOMENTS, {"gold": GOLD_ANNOTATOR}):
        busy = _busy(sorted(map(int, moments.split(","))), idle) if moments else 0
        if round(busy / 1000):
            spent[int(document), str(name)] = round(busy / 1000)
    return spent


def _busy(moments: list[int], idle: int) -> int:
    """The milliseconds between moments no more than ``idle`` apart."""
    total = 0
    for before, after in pairwise(moments):
        if after - before <= idle:
            total += after - before
    return total


def shown_time(seconds: int) -> str:
    """The time as a person reads it: —, < 1 min, 14 min, 2 h 05 min."""
    if seconds <= 0:
        return "—"
    if seconds < 60:
        return "< 1 min"
    hours, minutes = hours_and_minutes(seconds)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def hours_and_minutes(seconds: int) -> tuple[int, int]:
    """The time to the nearest minute, half up, in hours and minutes."""
    return divmod((seconds + 30) // 60, 60)
