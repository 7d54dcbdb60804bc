"""Where the analyst left each project: the document open and the first character in view,
so that the project opens there again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gui.recent_projects import project_key
from gui.settings import store_rows, stored_rows

PLACES_KEY = "projects/places"
FIELDS = ("project", "document", "offset")
MAX_PLACES = 100  # projects remembered; the one left longest ago is forgotten first


@dataclass(frozen=True)
class Place:
    document: str  # the document's uid
    offset: int  # the first character in view


def remembered_place(project: Path) -> Place | None:
    for row in stored_rows(PLACES_KEY, FIELDS):
        if row["project"] == _key(project):
            return _place(row)
    return None


def remember_place(project: Path, place: Place) -> None:
    key = _key(project)
    others = [row for row in stored_rows(PLACES_KEY, FIELDS) if row["project"] != key]
    here = {"project": key, "document": place.document, "offset": str(place.offset)}
    store_rows(PLACES_KEY, [here, *others][:MAX_PLACES])


def _place(row: dict[str, str]) -> Place | None:
    """A row as kept, unless someone edited it into nonsense (then: the first document)."""
    try:
        offset = int(row["offset"])
    except ValueError:
        return None
    return Place(row["document"], max(offset, 0)) if row["document"] else None


def _key(project: Path) -> str:
    return str(project_key(project))
