"""Review: documents by their disagreements, each item with the gold lane above one lane per
annotator, decided by keyboard into the gold layer. A quote's speaker and cue, as each
annotator linked them, show in the item list and under each lane's name, so the reviewer
sees what a key will write before pressing it.

Keys (F1 lists them): F8 and Shift+F8 go to the next and previous disagreement not yet
decided; 1 to 9 accept that annotator's version (a quote with the speaker and cue it links
to); A accepts every span all annotators agree on; Delete rejects (gold keeps nothing
there); Alt+S and Alt+C pick the gold quote's speaker and cue from a list, U removes one of
its links; the label keys relabel the item's gold span and Alt+Home/End (Shift: shrink,
Ctrl: by a word) move its edges; Ctrl+Z and Ctrl+Shift+Z undo and redo.

Where a trained model's confident suggestions read a document otherwise than its analysts
(annotate.review.second_look), a second tab lists those places, possible misses and
possible errors, and the list of documents counts them; F7 and Shift+F7 walk them, each
shown in the lanes with a last lane of the model's suggestions, and a possible error's
item chosen, so that the keys decide it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotate.editing import Edge
from annotate.errors import AnnotateError
from annotate.history import Step
from annotate.model import GOLD_ANNOTATOR, Changes, Span
from annotate.project import Project
from annotate.review.adjudication import Review
from annotate.review.counts import ReviewCount, review_counts
from annotate.review.disagreements import Item
from annotate.review.listing import ItemList, ListOutdated
from annotate.review.second_look import (
    Place,
    confident_suggestions,
    second_look,
    second_look_counts,
)
from annotate.schema import RelationLabel
from annotate.suggestions import Suggestion
from gui import review_steps
from gui.annotating import MENU_MNEMONICS, RESIZE_KEYS
from gui.arabic_keys import ArabicLayoutKeys
from gui.comment_marks import PlacedTalk
from gui.failure_box import tell_refusal
from gui.i18n import translate
from gui.keys_overlay import KeysOverlay
from gui.linking import pick
from gui.plain_text import plain_label
from gui.review_lanes import LOOKS, MODEL_LANE, LanesView, Mark, context_of, linked_legend
from gui.review_links import lane_lines, linked_marks, tail_choice
from gui.review_models import ItemsModel, ReviewDocumentsModel, ShownNames
from gui.review_second_look import SecondLookModel, tab_title
from gui.review_steps import words_of
from gui.rtl import direct_cells
from gui.table_model import RowsModel
from gui.work_progress import quiet_progress

MAX_VERSION_KEYS = 9
MIN_COLUMN = 48
MAX_TEXT_COLUMN = 360
MAX_VERSION_COLUMN = 240
OWN_LETTERS = {"A", "U"}  # keys of the window that a label's key must not take
ROWS_MEASURED = 100  # columns fit the contents of this many rows (Qt's default: 1,000)


class ReviewWindow(QWidget):
    def __init__(self, project: Project, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(
            translate("ReviewWindow", "Review — {project}").format(project=project.path.name)
        )
        self.project = project
        self.review = Review(project, reviewer)
        ArabicLayoutKeys(self)  # the label keys on an Arabic keyboard layout too
        self.document: str | None = None
        self._resume_at: str | None = None  # the item to show again after a refresh
        self.annotators: list[str] = []
        self._schema_actions: list[QAction] = []
        self._accept_actions: list[QAction] = []
        self._said: dict[Step, str] = {}  # what each step taken here did, in words
        self.documents_model = ReviewDocumentsModel(self)
        self.items_model = ItemsModel(self)
        self.documents = _table(self, self.documents_model)
        self.items = _table(self, self.items_model)
        self.second_look_model = SecondLookModel(self)
        self.second_look = _table(self, self.second_look_model)
        self.second_look.hide()  # until its tab is offered, which shows it
        self.tabs = QTabWidget(self)  # the items, and the places for a second look if any
        self.tabs.setTabBarAutoHide(True)
        self.tabs.addTab(self.items, translate("ReviewWindow", "Items"))
        self._suggested: list[Suggestion] = []  # the document's, that count for a second look
        self.lanes = LanesView(self)
        self.progress = plain_label(parent=self)
        self.notes = plain_label(parent=self)  # the comments and flags on the item's spans
        self.notes.setWordWrap(True)
        self.message = plain_label(parent=self)
        self._lay_out(reviewer)
        self._add_keys()
        self.documents.selectionModel().currentRowChanged.connect(self._open_current)
        self.items.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.second_look.selectionModel().currentRowChanged.connect(self._show_place)
        self.tabs.currentChanged.connect(self._switch_tab)
        self.refresh_documents()
        self.resize(1200, 760)

    def _lay_out(self, reviewer: str) -> None:
        looks = [f"{look.symbol} {look.name}" for look in LOOKS.values()]
        legend = "   ".join([*looks, linked_legend(), translate("ReviewWindow", "F1: keys")])
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.tabs)
        right.addWidget(self.lanes)
        right.setSizes([380, 300])
        both = QSplitter(Qt.Orientation.Horizontal, self)
        both.addWidget(self.documents)
        both.addWidget(right)
        both.setSizes([380, 820])
        column = QVBoxLayout(self)
        said = translate("ReviewWindow", "Reviewer: {reviewer}    {legend}")
        column.addWidget(plain_label(said.format(reviewer=reviewer, legend=legend), self))
        column.addWidget(both, 1)
        column.addWidget(self.notes)
        column.addWidget(self.progress)
        column.addWidget(self.message)

    def _add_keys(self) -> None:
        self._key("F1", self.show_keys, translate("ReviewWindow", "The keys of the review window"))
        self._key(
            "F8",
            lambda: self.go_to_disagreement(1),
            translate("ReviewWindow", "Next undecided disagreement"),
        )
        self._key(
            "Shift+F8",
            lambda: self.go_to_disagreement(-1),
            translate("ReviewWindow", "Previous undecided disagreement"),
        )
        self._key(
            "F7",
            lambda: self.go_to_place(1),
            translate("ReviewWindow", "Next place for a second look (a model disagrees)"),
        )
        self._key(
            "Shift+F7",
            lambda: self.go_to_place(-1),
            translate("ReviewWindow", "Previous place for a second look"),
        )
        self._accept_actions = [
            self._key(str(number), self._accept_key(number))
            for number in range(1, MAX_VERSION_KEYS + 1)
        ]
        self._key(
            "A",
            self.accept_unanimous,
            translate("ReviewWindow", "Accept every undecided span all agree on"),
        )
        self._key(
            "Delete", self.reject, translate("ReviewWindow", "Reject: gold keeps nothing here")
        )
        self._key(
            "U", self.unlink, translate("ReviewWindow", "Remove one of the gold span's links…")
        )
        for keys, edge, grow, by_word, *_ in RESIZE_KEYS:
            self._key(keys, self._resize_key(edge, grow, by_word), _resizing(edge, grow, by_word))
        self._key("Ctrl+Z", self.undo, translate("ReviewWindow", "Undo"))
        self._key("Ctrl+Shift+Z", self.redo, translate("ReviewWindow", "Redo"))

    def _name_accept_keys(self) -> None:
        """Each number key says whose version it accepts in the document shown."""
        for number, action in enumerate(self._accept_actions, 1):
            annotator = self.annotators[number - 1] if number <= len(self.annotators) else ""
            said = translate(
                "ReviewWindow", "Accept {annotator}'s version (a quote with its speaker and cue)"
            )
            action.setText(said.format(annotator=annotator) if annotator else "")

    def _bind_schema_keys(self) -> None:
        """Each label's key relabels the gold span, and each relation's Alt+letter (the
        main window's) picks the gold quote's link; bound again at every refresh, since a
        merge or an import may have brought new labels."""
        for action in self._schema_actions:
            self.removeAction(action)
            action.deleteLater()
        schema = self.project.labels.schema()
        names = self.items_model.names = ShownNames.of(schema)
        relabel = translate("ReviewWindow", "Gold span: {label}")
        self._schema_actions = [
            self._key(
                label.key,
                self._relabel_key(label.name),
                relabel.format(label=names.label(label.name)),
            )
            for label in schema.labels
            if label.key and not label.key.isdigit() and label.key.upper() not in OWN_LETTERS
        ]
        taken = set(MENU_MNEMONICS)
        for relation in schema.relations:
            letter = next((c for c in relation.name.lower() if c not in taken), None)
            if letter is not None:
                taken.add(letter)
                self._schema_actions.append(
                    self._key(f"Alt+{letter}", self._link_key(relation), _linking(relation, names))
                )

    def _key(self, keys: str, slot: Callable[[], None], text: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _accept_key(self, number: int) -> Callable[[], None]:
        return lambda: self.accept(number)

    def _resize_key(self, edge: Edge, grow: bool, by_word: bool) -> Callable[[], None]:
        return lambda: self.resize_gold(edge, grow, by_word)

    def _relabel_key(self, label: str) -> Callable[[], None]:
        return lambda: self.relabel_gold(label)

    def _link_key(self, relation: RelationLabel) -> Callable[[], None]:
        return lambda: self.pick_link(relation.name)

    # -- what the window shows ---------------------------------------------------------

    def refresh_documents(self) -> None:
        self._bind_schema_keys()
        with quiet_progress(
            self.parentWidget() or self,
            translate("ReviewWindow", "Counting disagreements…"),
            translate("ReviewWindow", "Review"),
        ) as step:
            listed = review_counts(self.project, step)
        second_looks = second_look_counts(self.project)
        current = self.document
        row = self.items.currentIndex().row()
        self._resume_at = self.items_model.found(row).key if row >= 0 else None
        self.document = None  # read the open document's items again: they may have changed
        self.documents_model.set_documents(listed, second_looks or None)
        self._offer_second_look(bool(second_looks))
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.documents_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        row = self.documents_model.row_of(current) if current else 0
        if listed:
            self.documents.setCurrentIndex(self.documents_model.index(max(row, 0), 0))

    def _open_current(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        uid = self.documents_model.document(current.row()).uid
        if uid == self.document:
            return
        self.document = uid
        listed = ItemList(self.project, uid)
        self.annotators = listed.annotators
        self._name_accept_keys()
        text = self.project.documents.get(uid).text
        self.items_model.talk = PlacedTalk.load(self.project, uid)
        self.items_model.show_items(text, listed, self.review.verdicts(uid))
        self.items.resizeColumnsToContents()
        self.items.setColumnWidth(1, min(self.items.columnWidth(1), MAX_TEXT_COLUMN))
        for column in range(2, 2 + len(self.annotators)):  # a long speaker's name is elided
            self.items.setColumnWidth(
                column, min(self.items.columnWidth(column), MAX_VERSION_COLUMN)
            )
        self._suggested = confident_suggestions(self.project, uid)
        self.lanes.set_lanes(self.annotators, GOLD_ANNOTATOR, bool(self._suggested))
        self.lanes.show_model(self.tabs.currentWidget() is self.second_look)
        self._list_places(uid, text)
        row = self.items_model.row_of(self._resume_at) if self._resume_at else 0
        self.items.setCurrentIndex(self.items_model.index(max(row, 0), 0))
        self.items.setFocus()
        self._show_progress()

    def current_item(self) -> Item | None:
        """The item as it is now; None, with the list read again, when it is no longer what
        the list shows (its spans were changed elsewhere)."""
        row = self.items.currentIndex().row()
        if row < 0:
            return None
        try:
            return self.items_model.item(row)
        except ListOutdated as outdated:
            self.message.setText(str(outdated))
            QTimer.singleShot(0, self, self.refresh_documents)
            return None

    def _show_item(self) -> None:
        row = self.items.currentIndex().row()
        item = self.current_item()
        if item is None or self.document is None:
            return
        self.notes.setText("\n".join(self.items_model.notes(row)))
        text = self.items_model.text
        first, last = context_of(text, item.start, item.end)
        marks = self._lane_marks(first, last, row, (item.start, item.end))
        gold = self.review.gold_spans(item)
        marks[GOLD_ANNOTATOR] = self._gold_marks(self.document, first, last, gold)
        links = self.review.gold_links(item)
        for name, linked in linked_marks(item, links).items():
            marks.setdefault(name, []).extend(linked)
        self.lanes.show_context(text, first, last, marks)
        model = self.items_model
        self.lanes.show_links(
            lane_lines(text, item, gold, links, model.passage_labels, model.names)
        )

    def _gold_marks(
        self, document: str, first: int, last: int, bold: Collection[Span] = ()
    ) -> list[Mark]:
        """Gold's spans in [first, last), those in `bold` bold."""
        spans = self.project.spans.overlapping(document, first, last, GOLD_ANNOTATOR)
        return [Mark(s.start, s.end, "gold", s in bold) for s in spans]

    def _lane_marks(
        self, first: int, last: int, row: int, around: tuple[int, int]
    ) -> dict[str, list[Mark]]:
        """The annotators' spans in [first, last), each in its item's state (those of item
        `row` bold), and the model's suggestions there (those over `around` bold)."""
        marks: dict[str, list[Mark]] = {}
        for other in self.items_model.overlapping(first, last):
            state = self.items_model.found(other).state
            for annotator, spans in self.items_model.spans(other).items():
                marks.setdefault(annotator, []).extend(
                    Mark(start, end, state, other == row) for start, end in spans
                )
        if self._suggested:
            marks[MODEL_LANE] = [
                Mark(s.start, s.end, "model", s.start < around[1] and s.end > around[0])
                for s in self._suggested
                if s.start < last and s.end > first
            ]
        return marks

    def _list_places(self, document: str, text: str) -> None:
        """The document's places for a second look, in their tab."""
        places = second_look(self.project, document)
        self.second_look_model.set_places(text, places, self.items_model.names)
        at = self.tabs.indexOf(self.second_look)
        if at >= 0:
            self.tabs.setTabText(at, tab_title(len(places)))
        self.second_look.resizeColumnsToContents()
        self.second_look.setColumnWidth(1, min(self.second_look.columnWidth(1), MAX_TEXT_COLUMN))

    def _offer_second_look(self, offered: bool) -> None:
        """The tab of places for a second look, only where a model's suggestions make some."""
        at = self.tabs.indexOf(self.second_look)
        if offered and at < 0:
            self.tabs.addTab(self.second_look, tab_title(0))
        elif not offered and at >= 0:
            self.tabs.removeTab(at)

    def _switch_tab(self) -> None:
        """The model's lane shows with the places for a second look, and the current
        place with it; the items' tab shows the current item, as before."""
        second_look = self.tabs.currentWidget() is self.second_look
        self.lanes.show_model(second_look)
        if second_look and self.second_look.currentIndex().isValid():
            self._show_place(self.second_look.currentIndex())
        else:
            self._show_item()

    def _show_place(self, current: QModelIndex) -> None:
        """A place for a second look: a possible error's item chosen in the list of items
        (the keys then decide it); a possible miss, which no item holds, shown alone."""
        if not current.isValid() or self.document is None:
            return
        place = self.second_look_model.place(current.row())
        row = self._item_of(place)
        if row >= 0:
            self.message.clear()
            if row == self.items.currentIndex().row():
                self._show_item()
            else:
                self.items.setCurrentIndex(self.items_model.index(row, 0))
            return
        self.items.setCurrentIndex(QModelIndex())  # the keys decide no item
        text, suggested = self.items_model.text, place.suggestion
        first, last = context_of(text, place.start, place.end)
        marks = self._lane_marks(first, last, -1, (suggested.start, suggested.end))
        marks[GOLD_ANNOTATOR] = self._gold_marks(self.document, first, last)
        self.notes.setText("")
        self.lanes.show_context(text, first, last, marks)
        self.lanes.show_links({})
        self.message.setText(
            translate("ReviewWindow", "A possible miss: no analyst marked it, no item holds it")
        )

    def _item_of(self, place: Place) -> int:
        """The row of the item holding a possible error's span; -1 for a miss."""
        if place.kind == "miss":
            return -1
        for row in self.items_model.overlapping(place.start, place.end):
            if (place.start, place.end) in self.items_model.spans(row).get(place.annotator, []):
                return row
        return -1

    def _show_progress(self) -> None:
        model = self.items_model
        if model.disagreements_left == 1:
            said = translate(
                "ReviewWindow", "Resolved {decided} / {items} in this document; 1 disagreement left"
            )
        else:
            said = translate(
                "ReviewWindow",
                "Resolved {decided} / {items} in this document; {left} disagreements left",
            )
        self.progress.setText(
            said.format(
                decided=model.decided_items, items=model.rowCount(), left=model.disagreements_left
            )
        )

    # -- commands ---------------------------------------------------------------------

    def go_to_disagreement(self, step: int) -> None:
        model = self.items_model
        row = self.items.currentIndex().row()
        for offset in range(1, model.rowCount() + 1):
            candidate = (row + step * offset) % model.rowCount()
            if model.found(candidate).disagreement and not model.decided(candidate):
                self.tabs.setCurrentWidget(self.items)
                self.items.setCurrentIndex(self.items_model.index(candidate, 0))
                self.items.setFocus()
                return
        self.message.setText(
            translate("ReviewWindow", "No disagreement left to decide in this document")
        )

    def go_to_place(self, step: int) -> None:
        """The next (or previous) place for a second look, in its tab."""
        places = self.second_look_model.rowCount()
        if not places:
            self.message.setText(
                translate("ReviewWindow", "No place for a second look in this document")
            )
            return
        row = self.second_look.currentIndex().row()
        target = (row + step) % places if row >= 0 else (0 if step > 0 else places - 1)
        index = self.second_look_model.index(target, 0)
        if target == row:
            self._show_place(index)  # the one place, shown again
        else:
            self.second_look.setCurrentIndex(index)
        self.tabs.setCurrentWidget(self.second_look)
        self.second_look.setFocus()

    def accept(self, number: int) -> None:
        item = self.current_item()
        if item is not None and number <= len(self.annotators):
            annotator = self.annotators[number - 1]
            model = self.items_model
            said = review_steps.accepted(
                annotator, item.version(annotator), model.text, model.names
            )
            self._decide(item, lambda: self.review.accept(item, annotator), said)

    def accept_unanimous(self) -> None:
        said = review_steps.accepted_unanimous(self.items_model.agreed_left)
        self._take(lambda: self.review.accept_unanimous(self.items_model.items()), said)

    def reject(self) -> None:
        item = self.current_item()
        if item is not None:
            self._decide(item, lambda: self.review.reject(item), review_steps.rejected())

    def pick_link(self, relation: str) -> None:
        """Link the gold quote to a span chosen from a list (its annotators' choices
        first) in place of its link of this relation."""
        item = self.current_item()
        if item is None:
            return
        try:
            tails = self.review.candidates(item, relation)
        except AnnotateError as error:
            tell_refusal(error, self, self.message.setText)
            return
        names = self.items_model.names
        if not tails:
            said = translate("ReviewWindow", "No span in this document can be the {relation}")
            self.message.setText(said.format(relation=names.relation(relation)))
            return
        text = self.items_model.text
        choices = [(str(n), tail_choice(text, relation, t, names)) for n, t in enumerate(tails)]
        chosen = pick(self.lanes, choices)
        if chosen is not None:
            tail = tails[int(chosen)]
            said = review_steps.linked(relation, words_of(text, tail.start, tail.end), names)
            self._decide(item, lambda: self.review.link(item, relation, tail), said)

    def unlink(self) -> None:
        """Remove one of the gold quote's links (chosen from a list when it has several)."""
        item = self.current_item()
        if item is None:
            return
        links = self.review.gold_links(item)
        if not links:
            self.message.setText(translate("ReviewWindow", "The gold span here links to nothing"))
            return
        text, names = self.items_model.text, self.items_model.names
        chosen: str | None = links[0][0].uid
        if len(links) > 1:
            choices = [
                (r.uid, f"{names.relation(r.label)}  {words_of(text, t.start, t.end)}")
                for r, t in links
            ]
            chosen = pick(self.lanes, choices)
        if chosen is not None:
            uid = chosen
            relation, tail = next((r, t) for r, t in links if r.uid == uid)
            said = review_steps.unlinked(
                relation.label, words_of(text, tail.start, tail.end), names
            )
            self._decide(item, lambda: self.review.unlink(item, uid), said)

    def show_keys(self) -> None:
        KeysOverlay(self, [action for action in self.actions() if action.text()]).exec()

    def resize_gold(self, edge: Edge, grow: bool, by_word: bool) -> None:
        self._edit_gold(
            lambda item, gold: self.review.resize(item, gold.uid, edge, grow, by_word),
            lambda gold: review_steps.moved(gold.label, self.items_model.names),
        )

    def relabel_gold(self, label: str) -> None:
        self._edit_gold(
            lambda item, gold: self.review.relabel(item, gold.uid, label),
            lambda _: review_steps.relabelled(label, self.items_model.names),
        )

    def _edit_gold(
        self, edit: Callable[[Item, Span], Changes], said: Callable[[Span], str]
    ) -> None:
        """Edit the current item's (first) gold span."""
        item = self.current_item()
        if item is None and self.items.currentIndex().row() >= 0:
            return  # no longer as listed: the list is being read again
        gold = self.review.gold_spans(item) if item is not None else []
        if item is None or not gold:
            self.message.setText(
                translate(
                    "ReviewWindow", "Accept a version first: there is no gold span here to edit"
                )
            )
            return
        self._decide(item, lambda: edit(item, gold[0]), said(gold[0]))

    def undo(self) -> None:
        history = self.review.history
        step = history.next_undo()
        if step is None:
            self.message.setText(translate("ReviewWindow", "Nothing to undo"))
        else:
            done = translate("ReviewWindow", "Undid: {step}")
            self._do(history.undo, done.format(step=self._said.get(step, step.name)))

    def redo(self) -> None:
        history = self.review.history
        step = history.next_redo()
        if step is None:
            self.message.setText(translate("ReviewWindow", "Nothing to redo"))
        else:
            done = translate("ReviewWindow", "Redid: {step}")
            self._do(history.redo, done.format(step=self._said.get(step, step.name)))

    def _decide(self, item: Item, operation: Callable[[], Changes], said: str) -> None:
        """A step on the current item alone: only its verdict is read again."""
        row = self.items.currentIndex().row()

        def verdict() -> None:
            decision = self.review.decision(item)
            self.items_model.set_verdict(row, decision.verdict if decision else None)

        self._take(operation, said, refresh=verdict)

    def _take(
        self,
        operation: Callable[[], Changes],
        said: str,
        refresh: Callable[[], None] | None = None,
    ) -> None:
        """Take a new step, which `said` describes (what undo and redo will say too)."""
        if self._do(
            operation, translate("ReviewWindow", "Saved: {step}").format(step=said), refresh
        ):
            taken = self.review.history.next_undo()
            if taken is not None:
                self._said[taken] = said

    def _do(
        self,
        operation: Callable[[], Changes],
        done: str,
        refresh: Callable[[], None] | None = None,
    ) -> bool:
        """Run one decision or edit (committed when it returns), say what was done and show
        the verdicts it changed (`refresh`, else all of the document's); False when it was
        refused."""
        try:
            operation()
        except AnnotateError as error:
            tell_refusal(error, self, self.message.setText)
            return False
        self.message.setText(done)
        if refresh is not None:
            refresh()
        elif self.document is not None:
            self.items_model.set_verdicts(self.review.verdicts(self.document))
        self._show_item()
        self._show_progress()
        self._count_document()
        return True

    def _count_document(self) -> None:
        row = self.documents.currentIndex().row()
        if row < 0:
            return
        listed = self.documents_model.document(row)
        model = self.items_model
        items, undecided = model.rowCount(), model.rowCount() - model.decided_items
        counted = ReviewCount(
            listed.uid,
            listed.title,
            model.disagreements,
            undecided,
            items,
            model.disagreements_left,
        )
        self.documents_model.replace(row, counted)


def _resizing(edge: Edge, grow: bool, by_word: bool) -> str:
    """What a key that moves an edge of the gold span does."""
    said = {
        ("start", True, False): translate(
            "ReviewWindow", "Gold span: grow at the start by a character"
        ),
        ("start", False, False): translate(
            "ReviewWindow", "Gold span: shrink at the start by a character"
        ),
        ("end", True, False): translate(
            "ReviewWindow", "Gold span: grow at the end by a character"
        ),
        ("end", False, False): translate(
            "ReviewWindow", "Gold span: shrink at the end by a character"
        ),
        ("start", True, True): translate("ReviewWindow", "Gold span: grow at the start by a word"),
        ("start", False, True): translate(
            "ReviewWindow", "Gold span: shrink at the start by a word"
        ),
        ("end", True, True): translate("ReviewWindow", "Gold span: grow at the end by a word"),
        ("end", False, True): translate("ReviewWindow", "Gold span: shrink at the end by a word"),
    }
    return said[(edge, grow, by_word)]


def _linking(relation: RelationLabel, names: ShownNames) -> str:
    """What a relation's Alt+letter does: "Gold SPEAKER: pick the span the gold QUOTE links
    to…"."""
    heads = translate("ReviewWindow", " or ").join(map(names.label, relation.heads))
    said = translate("ReviewWindow", "Gold {relation}: pick the span the gold {heads} links to…")
    return said.format(
        relation=names.relation(relation.name),
        heads=heads or translate("ReviewWindow", "span"),
    )


def _table(parent: QWidget, model: RowsModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    direct_cells(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setMinimumSectionSize(MIN_COLUMN)  # else a tall font's width
    table.horizontalHeader().setResizeContentsPrecision(ROWS_MEASURED)
    return table
