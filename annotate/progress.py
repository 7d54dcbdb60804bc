"""Where the work stands, per analyst and per document: assigned or not, not started, in
progress, done or reviewed, with spans and time spent (see ``work_time``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Literal

from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.reviewed import ReviewProgress, review_progress
from annotate.work_time import IDLE_MINUTES, work_seconds

State = Literal["not_started", "in_progress", "done", "reviewed"]
STATES: tuple[State, ...] = ("not_started", "in_progress", "done", "reviewed")


@dataclass(frozen=True)
class Work:
    """One analyst on one document."""

    annotator: str
    assigned: bool
    state: State
    spans: int
    seconds: int


@dataclass(frozen=True)
class DocumentProgress:
    uid: str
    number: int
    title: str
    state: State
    work: tuple[Work, ...]  # the analysts it is assigned to or who worked on it, by name
    review: ReviewProgress | None  # None when fewer than two analysts marked it

    @property
    def assigned_to(self) -> list[str]:
        return [work.annotator for work in self.work if work.assigned]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "uid": self.uid,
            "title": self.title,
            "state": self.state,
            "assigned_to": self.assigned_to,
            "analysts": [asdict(work) for work in self.work],
            "review": self.review.to_json() if self.review is not None else None,
        }


@dataclass(frozen=True)
class AnalystProgress:
    """An analyst's documents (assigned to them or worked on) by state."""

    annotator: str
    assigned: int
    not_started: int
    in_progress: int
    done: int
    reviewed: int
    spans: int
    seconds: int


@dataclass(frozen=True)
class ProgressReport:
    analysts: list[AnalystProgress]
    documents: list[DocumentProgress]
    idle_minutes: int = IDLE_MINUTES

    def to_json(self) -> dict[str, Any]:
        return {
            "idle_minutes": self.idle_minutes,
            "analysts": [asdict(analyst) for analyst in self.analysts],
            "documents": [document.to_json() for document in self.documents],
        }


Layer = tuple[int, str]  # (document number, analyst)


@dataclass(frozen=True)
class _Recorded:
    """What the project records of each analyst's work on each document."""

    spans: dict[Layer, int]
    statuses: dict[Layer, str]
    assigned: set[Layer]
    seconds: dict[Layer, int]

    def analysts_of(self) -> defaultdict[int, set[str]]:
        """By document number, who it is assigned to or who worked on it."""
        found: defaultdict[int, set[str]] = defaultdict(set)
        started = (layer for layer, status in self.statuses.items() if status != "new")
        for document, name in (*self.spans, *self.assigned, *started):
            found[document].add(name)
        return found

    def work(self, layer: Layer, review: ReviewProgress | None) -> Work:
        spans, status = self.spans.get(layer, 0), self.statuses.get(layer)
        state = _state(spans, status, review)
        return Work(layer[1], layer in self.assigned, state, spans, self.seconds.get(layer, 0))


def progress_report(project: Project) -> ProgressReport:
    recorded = _recorded(project)
    reviews = review_progress(project)
    analysts_of = recorded.analysts_of()
    documents = []
    query = "SELECT position, uid, title FROM documents ORDER BY position"
    for number, uid, title in project.store.conn.execute(query):
        review = reviews.get(uid)
        work = tuple(recorded.work((number, name), review) for name in sorted(analysts_of[number]))
        state = _document_state(work, review)
        documents.append(DocumentProgress(uid, number, title, state, work, review))
    names = [name for name in project.annotators.names() if name != GOLD_ANNOTATOR]
    return ProgressReport(_analysts(names, documents), documents)


def _recorded(project: Project) -> _Recorded:
    """Everyone's but gold's: the reviewer's layer is no analyst's work."""
    conn = project.store.conn
    spans = conn.execute(
        "SELECT document, annotator, count(*) FROM spans WHERE annotator <> ?"
        " GROUP BY document, annotator",
        (GOLD_ANNOTATOR,),
    )
    statuses = conn.execute(
        "SELECT d.position, s.annotator, s.status FROM document_status s"
        " JOIN documents d ON d.uid = s.document WHERE s.annotator <> ?",
        (GOLD_ANNOTATOR,),
    )
    assigned = conn.execute(
        "SELECT document, annotator FROM assignments WHERE assigned = 1 AND annotator <> ?",
        (GOLD_ANNOTATOR,),
    )
    return _Recorded(
        spans={(int(document), str(name)): int(count) for document, name, count in spans},
        statuses={(int(document), str(name)): str(status) for document, name, status in statuses},
        assigned={(int(document), str(name)) for document, name in assigned},
        seconds=work_seconds(conn),
    )


def _state(spans: int, status: str | None, review: ReviewProgress | None) -> State:
    if status == "done":
        return "reviewed" if review is not None and review.reviewed else "done"
    if spans or status == "in_progress":
        return "in_progress"
    return "not_started"


def _document_state(work: tuple[Work, ...], review: ReviewProgress | None) -> State:
    """Reviewed when a reviewer decided every item; done when everyone it is assigned to
    (or, assigned to nobody, everyone who worked on it) marked it done."""
    if review is not None and review.reviewed:
        return "reviewed"
    counted = [w for w in work if w.assigned] or list(work)
    if counted and all(w.state in ("done", "reviewed") for w in counted):
        return "done"
    if any(w.state != "not_started" for w in work):
        return "in_progress"
    return "not_started"


def _analysts(names: list[str], documents: list[DocumentProgress]) -> list[AnalystProgress]:
    states: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        for work in document.work:
            counted = states[work.annotator]
            counted[work.state] += 1
            counted["assigned"] += work.assigned
            counted["spans"] += work.spans
            counted["seconds"] += work.seconds
    return [
        AnalystProgress(
            annotator=name,
            assigned=states[name]["assigned"],
            not_started=states[name]["not_started"],
            in_progress=states[name]["in_progress"],
            done=states[name]["done"],
            reviewed=states[name]["reviewed"],
            spans=states[name]["spans"],
            seconds=states[name]["seconds"],
        )
        for name in sorted(set(names) | set(states))
    ]
