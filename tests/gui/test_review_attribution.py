"""The reviewer sees every annotator's speaker and cue for a quote and decides them by
keyboard: accept one annotator's, pick another span, remove a gold link, undo."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from annotate.corpus.importing import import_paths
from annotate.model import GOLD_ANNOTATOR
from annotate.project import Project
from annotate.sample import SAMPLE_ANNOTATIONS, SAMPLE_FOLDER
from gui.keys_overlay import KeysOverlay
from gui.review_lanes import LINKED_COLOUR
from gui.review_window import ReviewWindow
from tests.annotate.test_review_attribution import (
    QUOTE,
    decisions,
    gold_relations,
    gold_spans,
    three_annotators,
)
from tests.gui.test_annotating import when_modal
from tests.gui.test_gestures import seed_text
from tests.gui.test_review_counts import open_review, press, shown_rows

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def named(words: str) -> str:
    """A name as the review shows it inside Latin text: isolated, in its own direction."""
    return f"\u2068{words}\u2069"


ALI = f"QUOTE (SPEAKER {named('والتز')}; CUE {named('قال')})"
HUDA = f"QUOTE (SPEAKER {named('زيلينسكي')}; CUE {named('ورد')})"
ACCEPTED_SPANS = [
    ("CUE", 0, 3, "adjudicated"),
    ("PERSON", 4, 9, "adjudicated"),
    ("QUOTE", 28, 51, "adjudicated"),
]


def lane_names(review: ReviewWindow) -> dict[str, str]:
    return {name: label.text() for name, label in review.lanes.names.items()}


def linked_in_lane(review: ReviewWindow, name: str) -> list[str]:
    """The text of the spans the lane shows as the current item's speaker or cue."""
    linked = []
    for selection in review.lanes.lanes[name].extraSelections():
        found: QTextCharFormat = selection.format  # type: ignore[attr-defined]
        if found.fontOverline() and found.foreground().color().name() == LINKED_COLOUR:
            linked.append(selection.cursor.selectedText())  # type: ignore[attr-defined]
    return linked


def choose(qtbot: QtBot, downs: int, seen: list[str]) -> None:
    """On the pick list the next key opens: note its entries, go down, press Return."""

    def act(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        seen.extend(action.text() for action in menu.actions())
        for _ in range(downs):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    when_modal(act)


def test_review_shows_each_speaker_and_writes_the_one_accepted(
    qtbot: QtBot, project: Project
) -> None:
    three_annotators(project)
    review = open_review(qtbot, project)
    press(qtbot, review, Qt.Key.Key_F8)  # from the first item to the quote
    assert shown_rows(review)[2] == (
        "⇄ speaker differs",
        QUOTE,
        ALI,
        HUDA,
        "—",  # Omar skipped the quote
        "",
    )
    assert lane_names(review) == {
        GOLD_ANNOTATOR: "Gold",
        "ali": f"1  ali\nSPEAKER {named('والتز')}\nCUE {named('قال')}",
        "huda": f"2  huda\nSPEAKER {named('زيلينسكي')}\nCUE {named('ورد')}",
        "omar": "3  omar",
    }
    assert linked_in_lane(review, "ali") == ["والتز", "قال"]
    assert linked_in_lane(review, "huda") == ["زيلينسكي", "ورد"]

    press(qtbot, review, Qt.Key.Key_1)
    assert review.message.text() == "Saved: Accept ali's version, SPEAKER والتز, CUE قال"
    assert gold_spans(project) == ACCEPTED_SPANS
    assert gold_relations(project) == [
        ("CUE", "QUOTE", 28, 51, "CUE", 0, 3, "adjudicated"),
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 4, 9, "adjudicated"),
    ]
    assert lane_names(review)[GOLD_ANNOTATOR] == (
        f"Gold\nSPEAKER {named('والتز')}\nCUE {named('قال')}"
    )
    assert linked_in_lane(review, GOLD_ANNOTATOR) == ["والتز", "قال"]
    assert shown_rows(review)[2][-1] == "accepted"

    press(qtbot, review, Qt.Key.Key_Z, CTRL)
    assert review.message.text() == "Undid: Accept ali's version, SPEAKER والتز, CUE قال"
    assert (gold_spans(project), gold_relations(project), decisions(project)) == ([], [], [])
    assert lane_names(review)[GOLD_ANNOTATOR] == "Gold"
    assert review.items.currentIndex().row() == 2


def test_the_reviewer_picks_another_speaker_and_removes_the_cue_by_keys(
    qtbot: QtBot, project: Project
) -> None:
    three_annotators(project)
    review = open_review(qtbot, project)
    press(qtbot, review, Qt.Key.Key_F8)
    press(qtbot, review, Qt.Key.Key_S, ALT)
    assert review.message.text() == "Accept a version first: there is no gold QUOTE here to link"
    press(qtbot, review, Qt.Key.Key_1)
    offered: list[str] = []
    choose(qtbot, 1, offered)  # the second entry: Huda's speaker
    press(qtbot, review, Qt.Key.Key_S, ALT)
    assert offered == [
        f"PERSON  {named('والتز')}  — ali, huda, omar, gold (SPEAKER of ali)",
        f"PERSON  {named('زيلينسكي')}  — ali, huda, omar (SPEAKER of huda)",
        f"GPE  {named('كييف')}  — ali, huda, omar",
    ]
    assert review.message.text() == "Saved: Gold SPEAKER زيلينسكي"
    assert gold_relations(project) == [
        ("CUE", "QUOTE", 28, 51, "CUE", 0, 3, "adjudicated"),
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 58, 66, "adjudicated"),
    ]
    assert shown_rows(review)[2][-1] == "edited"
    assert lane_names(review)[GOLD_ANNOTATOR] == (
        f"Gold\nSPEAKER {named('زيلينسكي')}\nCUE {named('قال')}"
    )

    links: list[str] = []
    choose(qtbot, 1, links)  # the second: the cue
    press(qtbot, review, Qt.Key.Key_U)
    assert links == ["SPEAKER  زيلينسكي", "CUE  قال"]
    assert review.message.text() == "Saved: Remove the gold CUE قال"
    assert gold_relations(project) == [
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 58, 66, "adjudicated")
    ]
    assert lane_names(review)[GOLD_ANNOTATOR] == f"Gold\nSPEAKER {named('زيلينسكي')}"

    press(qtbot, review, Qt.Key.Key_Z, CTRL)
    press(qtbot, review, Qt.Key.Key_Z, CTRL)
    assert gold_spans(project) == ACCEPTED_SPANS  # Zelensky's copy is gone again
    assert gold_relations(project) == [
        ("CUE", "QUOTE", 28, 51, "CUE", 0, 3, "adjudicated"),
        ("SPEAKER", "QUOTE", 28, 51, "PERSON", 4, 9, "adjudicated"),
    ]
    assert shown_rows(review)[2][-1] == "accepted"
    press(qtbot, review, Qt.Key.Key_Z, CTRL | SHIFT)
    assert review.message.text() == "Redid: Gold SPEAKER زيلينسكي"
    assert ("PERSON", 58, 66, "adjudicated") in gold_spans(project)


def test_the_key_help_lists_the_review_keys(qtbot: QtBot, project: Project) -> None:
    three_annotators(project)
    review = open_review(qtbot, project)
    rows: list[tuple[str, str]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, KeysOverlay)
        rows.extend(dialog.rows())
        dialog.reject()

    when_modal(read)
    press(qtbot, review, Qt.Key.Key_F1)
    keys = dict(rows)
    assert keys["1"] == "Accept ali's version (a quote with its speaker and cue)"
    assert keys["3"] == "Accept omar's version (a quote with its speaker and cue)"
    assert "4" not in keys  # three annotators in this document
    assert keys["Alt+S"] == "Gold SPEAKER: pick the span the gold QUOTE links to…"
    assert keys["Alt+C"] == "Gold CUE: pick the span the gold QUOTE links to…"
    assert keys["u / ع"] == "Remove one of the gold span's links…"
    assert keys["F8"] == "Next undecided disagreement"
    assert keys["Ctrl+Z"] == "Undo"
    assert keys["p / ح"] == "Gold span: PERSON"


def test_the_sample_project_by_three_annotators(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """The sample articles annotated by three: Huda names the organisation as the speaker
    of the water article's second quote, Omar skipped that quote."""
    sample_by_three(project, tmp_path)
    review = open_review(qtbot, project)
    water = review.documents_model.document(0)
    assert water.title.startswith("وزراء المياه العرب")
    assert (water.disagreements, water.items) == (1, 25)  # the quote alone; the rest agreed
    press(qtbot, review, Qt.Key.Key_F8)
    item = review.current_item()
    assert item is not None and item.state == "speaker"
    text = project.documents.get(water.uid).text
    assert text[item.start : item.end].startswith("«الخطة لن تنجح")
    row = shown_rows(review)[review.items.currentIndex().row()]
    assert row[0] == "⇄ speaker differs"
    assert row[2:5] == (
        f"QUOTE (SPEAKER {named('سامي بن عاشور')}; CUE {named('أكد')})",
        f"QUOTE (SPEAKER {named('المنظمة العربية للموارد المائية')}; CUE {named('أكد')})",
        "—",
    )
    press(qtbot, review, Qt.Key.Key_2)  # Huda's
    gold = {(s.label, text[s.start : s.end]) for s in project.spans.for_document(water.uid)}
    assert ("ORG", "المنظمة العربية للموارد المائية") in gold
    links = [
        (r.label, text[project.spans.get(r.tail).start : project.spans.get(r.tail).end])
        for r in project.relations.for_document(water.uid, GOLD_ANNOTATOR)
    ]
    assert sorted(links) == [("CUE", "أكد"), ("SPEAKER", "المنظمة العربية للموارد المائية")]
    assert review.progress.text() == "Resolved 1 / 25 in this document; 0 disagreements left"


def sample_by_three(project: Project, folder: Path) -> None:
    """The sample texts, and the sample's annotations as Ali's, Huda's and Omar's."""
    import_paths(project, [SAMPLE_FOLDER])
    import_paths(project, [SAMPLE_ANNOTATIONS], annotator="ali")
    records = [json.loads(line) for line in SAMPLE_ANNOTATIONS.read_text("utf-8").splitlines()]
    water = records[0]
    for relation in water["relations"]:
        if (relation["label"], relation["head"]) == ("SPEAKER", "quote2"):
            relation["tail"] = "org1"
    _write(folder / "huda.jsonl", records)
    import_paths(project, [folder / "huda.jsonl"], annotator="huda")
    water["spans"] = [span for span in water["spans"] if span["id"] != "quote2"]
    water["relations"] = [r for r in water["relations"] if r["head"] != "quote2"]
    _write(folder / "omar.jsonl", records)
    import_paths(project, [folder / "omar.jsonl"], annotator="omar")


def _write(path: Path, records: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def test_the_seed_article_shows_whom_each_annotator_named(qtbot: QtBot, project: Project) -> None:
    """The issue's case: pressing 1 makes Waltz the gold speaker, and the reviewer saw
    that before pressing it."""
    text = seed_text()
    document = project.documents.add(text, "والتز").documents_added[0]
    quote_start = text.index("“ستجري")
    quote = (quote_start, text.index("”", quote_start) + 1)
    waltz = text.index("والتز إلى أن واشنطن")
    trump = text.index("ترامب ببدء")
    people = {"والتز": (waltz, waltz + 5), "ترامب": (trump, trump + 5)}
    cue = text.index("وقال:")
    for name, speaker in (("ali", "والتز"), ("huda", "ترامب"), ("omar", None)):
        spans = project.spans
        persons = {
            who: spans.add(document, name, "PERSON", *at).spans_added[0]
            for who, at in people.items()
        }
        said = spans.add(document, name, "CUE", cue, cue + 4).spans_added[0]
        if speaker is not None:
            head = spans.add(document, name, "QUOTE", *quote).spans_added[0]
            project.relations.add("SPEAKER", head, persons[speaker])
            project.relations.add("CUE", head, said)
    review = open_review(qtbot, project)
    press(qtbot, review, Qt.Key.Key_F8)
    row = shown_rows(review)[review.items.currentIndex().row()]
    assert row[0] == "⇄ speaker differs"
    assert row[2:5] == (
        f"QUOTE (SPEAKER {named('والتز')}; CUE {named('وقال')})",
        f"QUOTE (SPEAKER {named('ترامب')}; CUE {named('وقال')})",
        "—",
    )
    press(qtbot, review, Qt.Key.Key_1)
    assert gold_spans(project) == [
        ("PERSON", waltz, waltz + 5, "adjudicated"),
        ("CUE", cue, cue + 4, "adjudicated"),
        ("QUOTE", *quote, "adjudicated"),
    ]
    assert gold_relations(project) == [
        ("CUE", "QUOTE", *quote, "CUE", cue, cue + 4, "adjudicated"),
        ("SPEAKER", "QUOTE", *quote, "PERSON", waltz, waltz + 5, "adjudicated"),
    ]
