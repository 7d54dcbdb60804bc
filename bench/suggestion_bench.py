"""How many actions an analyst takes per entity on the seed article, without suggestions
and with those of a model trained on the sample project (annotated by "sample") and of the
sample's known mentions (the gazetteer).

The target is the seed article's names of people, places and organisations: TARGET says
which (a label and a mention's text: each of its mentions in the article, after proclitics
as search finds them, but those inside a longer name of the list). The article is not
ours to copy: it is read where it lies (../shared/corpora/seed), into a scratch project,
and the scenario is skipped where it is absent.

A scripted analyst reaches the target in the app's main window (bench/suggestion_qt.py),
each action a real mouse drag or key press in the reader, checked to have done what was
meant:
- without suggestions, a drag over each entity and its label's key (2 an entity);
- with suggestions, Tab to each one, then Y to accept a right one, a label's key to accept
  one of the right bounds as its right label, R to reject a wrong one (another place, other
  bounds, or a second label at one entity's bounds); then a drag and a key for each entity
  no suggestion gave.
Both layers are checked to be the target exactly. The figures have no target to meet: the
scenario reports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotate.corpus.importing import import_paths
from annotate.mentions import find_mentions
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER
from bench.scenario import Measured
from bench.shared_corpora import shared, shown

SEED = ("seed", "article.txt")
PROJECT_NAME = "suggestions.annotate"
SEED_TITLE = "seed"
SAMPLE_ANNOTATOR = "sample"
WITHOUT, WITH = "without", "with"  # the two analysts
FIGURES = ("keys per entity without suggestions", "keys per entity with suggestions")
TARGET: tuple[tuple[str, str], ...] = (
    ("PERSON", "مايك والتز"),
    ("PERSON", "والتز"),
    ("PERSON", "دونالد ترامب"),
    ("PERSON", "ترامب"),
    ("PERSON", "فلاديمير بوتين"),
    ("PERSON", "بوتين"),
    ("PERSON", "جيه دي فانس"),
    ("PERSON", "فولوديمير زيلينسكي"),
    ("PERSON", "ماركو روبيو"),
    ("PERSON", "بيت هيغسيث"),
    ("PERSON", "هيغسيث"),
    ("PERSON", "كيث كيلوغ"),
    ("ORG", "البيت الأبيض"),
    ("ORG", "الكرملين"),
    ("ORG", "إن بي سي"),
    ("ORG", "حلف الناتو"),
    ("GPE", "موسكو"),
    ("GPE", "كييف"),
    ("GPE", "واشنطن"),
    ("GPE", "أوكرانيا"),
    ("GPE", "روسيا"),
    ("GPE", "باريس"),
    ("GPE", "ميونيخ"),
    ("GPE", "بروكسل"),
    ("GPE", "المملكة المتحدة"),
    ("GPE", "الولايات المتحدة"),
)
Entity = tuple[str, int, int]  # label, start, end


def seed_article() -> Path | None:
    found = shared(*SEED)
    return found if found is not None and found.is_file() else None


def article_absent() -> str | None:
    if seed_article() is None:
        return f"the seed article ({shown(*SEED)}) is not here"
    return None


def setup(data: Path, docs: int) -> None:
    """A project of the sample articles, annotated by "sample", and the seed article."""
    article = seed_article()
    if article is None:
        return
    with Project.create(data / PROJECT_NAME) as project:
        import_paths(project, [SAMPLE_FOLDER, SAMPLE_ANNOTATIONS])
        project.documents.add(article.read_text(encoding="utf-8"), SEED_TITLE)


def target_entities(text: str) -> list[Entity]:
    """Every mention of TARGET's names in the text, but those inside a longer one."""
    found: set[Entity] = set()
    for label, name in TARGET:
        mentions = find_mentions(text, name)
        if not mentions:
            raise ValueError(f"{name} is not in the seed article: TARGET is out of date")
        found.update((label, m.start, m.end) for m in mentions if not m.variant)
    return sorted(
        (label, start, end)
        for label, start, end in found
        if not any(s <= start and end <= e and (s, e) != (start, end) for _, s, e in found)
    )


@dataclass
class Actions:
    """An analyst's actions on the way to the target, by what they did."""

    accepted: int = 0  # Tab and Y
    relabelled: int = 0  # Tab and a label's key
    rejected: int = 0  # Tab and R
    drawn: int = 0  # a drag and a label's key
    entities: int = 0

    @property
    def count(self) -> int:
        return 2 * (self.accepted + self.relabelled + self.rejected + self.drawn)

    @property
    def per_entity(self) -> float:
        return self.count / self.entities


def layer(project: Project, document: str, annotator: str) -> list[Entity]:
    return sorted(
        (s.label, s.start, s.end) for s in project.spans.for_document(document, annotator)
    )


def annotation_keys(data: Path, scratch: Path) -> Measured:
    """Train on the sample, suggest in the seed article, and count both analysts'
    actions in the app's window; the figures: keys per entity without and with
    suggestions, and what the second analyst did with them."""
    from bench import suggestion_qt  # Qt is loaded by this scenario's worker only
    from bench.reader_qt import start_qt

    start_qt(scratch)
    project = Project.open(data / PROJECT_NAME)

    def run() -> tuple[dict[str, float], int]:
        try:
            return suggestion_qt.count(project, scratch / "model")
        finally:
            project.close()

    return run


def seed_document(project: Project) -> str:
    found = project.store.conn.execute("SELECT uid FROM documents WHERE title = ?", (SEED_TITLE,))
    return str(found.fetchone()[0])


def figures(without: Actions, with_them: Actions, suggested: tuple[int, int]) -> dict[str, float]:
    """The figures of both analysts; ``suggested``: by the model, by the known mentions."""
    return {
        FIGURES[0]: without.per_entity,
        FIGURES[1]: with_them.per_entity,
        "entities": float(without.entities),
        "suggested by the model": float(suggested[0]),
        "suggested by the known mentions": float(suggested[1]),
        "accepted (Tab, Y)": float(with_them.accepted),
        "relabelled (Tab, label key)": float(with_them.relabelled),
        "rejected (Tab, R)": float(with_them.rejected),
        "drawn (drag, label key)": float(with_them.drawn),
    }
