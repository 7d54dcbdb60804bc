"""Where the analyst left each project: the document open, the first character in view and
the caret, so that the project opens there again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gui.recent_projects import project_key
from gui.settings import store_rows, stored_rows

if TYPE_CHECKING:
    from gui.reader import ReaderView

PLACES_KEY = "projects/places"
FIELDS = ("project", "document", "offset", "caret")
MAX_PLACES = 100  # projects remembered; the one left longest ago is forgotten first


@dataclass(frozen=True)
class Place:
    document: str  # the document's uid
    offset: int  # the first character in view
    caret: int | None = None  # where the caret was (None: not known)


def remembered_place(project: Path) -> Place | None:
    for row in stored_rows(PLACES_KEY, FIELDS):
        if row["project"] == _key(project):
            return _place(row)
    return None


def remember_place(project: Path, place: Place) -> None:
    key = _key(project)
    others = [row for row in stored_rows(PLACES_KEY, FIELDS) if row["project"] != key]
    here = {
        "project": key,
        "document": place.document,
        "offset": str(place.offset),
        "caret": "" if place.caret is None else str(place.caret),
    }
    store_rows(PLACES_KEY, [here, *others][:MAX_PLACES])


def place_in(reader: ReaderView, document: str) -> Place:
    """Where the reader is in the document it shows."""
    caret = reader.positions.to_core(reader.textCursor().position())
    return Place(document, reader.first_shown(), caret)


def go_back_to(reader: ReaderView, place: Place) -> None:
    """The caret where it was, then the view as it was (placing the caret may scroll)."""
    if place.caret is not None:
        cursor = reader.textCursor()
        cursor.setPosition(reader.positions.to_qt(min(place.caret, reader.positions.length)))
        reader.setTextCursor(cursor)
    reader.show_from(place.offset)


def _place(row: dict[str, str]) -> Place | None:
    """A row as kept, unless someone edited it into nonsense (then: the first document).
    A row kept before the caret was remembered has none."""
    try:
        offset = int(row["offset"])
        caret = int(row["caret"]) if row["caret"] else None
    except ValueError:
        return None
    if not row["document"]:
        return None
    return Place(row["document"], max(offset, 0), None if caret is None else max(caret, 0))


def _key(project: Path) -> str:
    return str(project_key(project))
