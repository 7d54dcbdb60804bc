"""The main window: documents, the reader, the label palette and the annotations panel."""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotate.backups import DEFAULT_KEEP, DamagedProject, rolling_backup
from annotate.errors import AnnotateError
from annotate.filesystems import network_warning
from annotate.mentions import find_mentions
from annotate.model import STATUSES, Changes, DocumentSummary, Status
from annotate.project import Project
from annotate.searching import Hit, project_lexicon
from gui.annotating import Annotating
from gui.annotations_panel import AnnotationsPanel
from gui.arabic_keys import ArabicLayoutKeys
from gui.commenting import Commenting
from gui.corpus_search import CorpusSearch
from gui.document_list import DocumentList
from gui.empty_project import EmptyProjectPanel
from gui.failure_box import read_only_banner, tell_refusal
from gui.find_bar import FindBar
from gui.guidelines_panel import GuidelinesPanel
from gui.i18n import ARABIC, ENGLISH, is_arabic, language, translate
from gui.identity import ask_annotator, remember_annotator, remembered_annotator
from gui.idle_checkpoints import IdleCheckpoints
from gui.keys_overlay import KeysOverlay
from gui.label_editing import LabelEditing
from gui.label_palette import LabelPalette
from gui.layer_selector import LayerSelector
from gui.layers import MINE
from gui.plain_text import plain_label, tell, tooltip
from gui.project_files import ProjectFiles
from gui.project_switch import ProjectSwitch
from gui.reader import ReaderView
from gui.reading_places import Place, go_back_to, place_in, remember_place, remembered_place
from gui.recent_projects import remember_project
from gui.settings import app_settings
from gui.span_paint import Found

if TYPE_CHECKING:
    from gui.progress_view import ProgressView
    from gui.review_window import ReviewWindow

ALL_DOCUMENTS = "All documents"
MY_QUEUE = "My queue: assigned to me, not done"
KEEP_BACKUPS_KEY = "backups/keep"  # how many rolling backups to keep
DOCK_WIDTH = 360
# A write waits this long for another program's lock, then fails and says so: the
# window must not freeze for the core's 10 s.
LOCK_WAIT_MS = 500


class MainWindow(QMainWindow):
    closed = Signal()  # the window has closed: nothing in it reads the project any more
    replaced = Signal(object)  # the main window on another project that took its place

    def __init__(self, project: Project, annotator: str | None = None) -> None:
        super().__init__()
        self.project = project
        project.store.wait_for_locks(LOCK_WAIT_MS)
        read_only = " (read-only)" if project.read_only else ""
        self.setWindowTitle(f"{project.path.name}{read_only} — Arabic annotation workbench")
        self.read_only_banner = read_only_banner(self, project.read_only)
        self.document_list = DocumentList(self)
        self.status_filter = QComboBox(self)
        self.status_filter.addItems([ALL_DOCUMENTS, MY_QUEUE, *STATUSES])
        self._assigned: set[str] = set()  # the documents assigned to the analyst
        self._queue: set[str] = set()  # those of them the analyst has not marked done
        self.reader = ReaderView(self)
        self.palette_list = LabelPalette(self)
        self.guidelines = GuidelinesPanel(self)
        self.label_editing = LabelEditing(
            self, project, self._labels_changed, lambda told: self.saved_label.setText(told)
        )
        self.annotations = AnnotationsPanel(self)
        self.find_bar = FindBar(self.reader, self, lambda: project_lexicon(project))
        self.corpus_search = CorpusSearch(project, self)
        self.annotating = Annotating(self, project, self._identity(annotator), self.reader)
        self.commenting = Commenting(self, project, self.annotating, self.annotations.spans)
        ArabicLayoutKeys(self)  # the label keys on an Arabic keyboard layout too
        self.checkpoints = IdleCheckpoints(project.store, self)
        self.layers = LayerSelector(self, project.path, self.annotator)
        self.status_label = plain_label(parent=self)
        self.position_label = plain_label(parent=self)
        self.annotator_label = plain_label(parent=self)
        self.saved_label = plain_label(parent=self)
        self.review_window: ReviewWindow | None = None
        self.progress_view: ProgressView | None = None
        self.files = ProjectFiles(self)
        self.projects = ProjectSwitch(self)
        self.empty_panel = EmptyProjectPanel(
            self, self.files.choose_import, self.files.choose_folder, self.projects.open_sample
        )
        self.empty_panel.set_read_only(project.read_only)
        self._lay_out()
        self._add_menus()
        self._connect()
        self._left_at = remembered_place(project.path)  # gone back to once the window shows
        self.refresh(self._left_at.document if self._left_at else self._first_in_queue())
        self.setAcceptDrops(True)  # files dropped anywhere on the window are imported
        self.resize(1280, 800)

    # -- building ---------------------------------------------------------------------

    def _identity(self, annotator: str | None) -> str:
        name = annotator or remembered_annotator()
        if name is None:
            asked = ask_annotator(self, getpass.getuser())
            if asked is not None:
                remember_annotator(asked)
            name = asked or getpass.getuser()  # asked again next time
        return name

    def _lay_out(self) -> None:
        documents = QWidget(self)
        column = QVBoxLayout(documents)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status_filter)
        column.addWidget(self.document_list)
        reading = QWidget(self)
        reader_column = QVBoxLayout(reading)
        reader_column.setContentsMargins(0, 0, 0, 0)
        reader_column.addWidget(self.read_only_banner)
        reader_column.addWidget(self.reader)
        reader_column.addWidget(self.empty_panel)
        reader_column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(documents)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([340, 640])
        self.setCentralWidget(self.splitter)
        docks = []
        for name, title, widget in (
            ("labels", translate("MainWindow", "Labels"), self.palette_list),
            ("annotations", translate("MainWindow", "Annotations"), self.annotations),
            ("search", translate("MainWindow", "Search"), self.corpus_search),
            ("guidelines", translate("MainWindow", "Guidelines"), self.guidelines),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            self.addDockWidget(_docks_side(), dock)
            docks.append(dock)
        self.resizeDocks(docks, [DOCK_WIDTH] * len(docks), Qt.Orientation.Horizontal)
        self.tabifyDockWidget(docks[1], docks[2])
        self.tabifyDockWidget(docks[1], docks[3])
        docks[1].raise_()
        self.annotations_dock = docks[1]
        self.search_dock = docks[2]
        self.guidelines_dock = docks[3]
        self.palette_list.show_schema(self.project.labels.schema())
        self.guidelines.show_schema(self.project.labels.schema())
        self.annotating.actions.work_in(self.reader)
        self.annotating.actions.work_in(self.annotations)
        self.addToolBar(self.layers.toolbar)
        shown = (self.annotator_label, self.layers.status, self.position_label, self.status_label)
        for label in shown:
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.saved_label)

    def _add_menus(self) -> None:
        actions = self.annotating.actions
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._action("&New project…", "Ctrl+N", self.projects.choose_new))
        file_menu.addAction(self._action("&Open project…", "Ctrl+O", self.projects.choose_open))
        self.recent_menu = file_menu.addMenu("Open recen&t")
        self.recent_menu.aboutToShow.connect(
            lambda: self.projects.fill_recent_menu(self.recent_menu)
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("&Refresh", QKeySequence.StandardKey.Refresh, self.refresh)
        )
        file_menu.addAction(self._action("&Import files…", "Ctrl+I", self.files.choose_import))
        file_menu.addAction(
            self._action("Import a &folder…", "Ctrl+Shift+I", self.files.choose_folder)
        )
        file_menu.addAction(self._action("&Export…", "Ctrl+E", self.files.export))
        file_menu.addAction(self._action("&Merge projects…", "", self.files.merge_projects))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Switch annotator…", "Ctrl+Shift+A", self.switch))
        file_menu.addAction(self._action("&Back up now", "Ctrl+Shift+B", self.back_up))
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close))
        edit_menu = self.menuBar().addMenu("&Edit")
        for group in ("history", "edit", "resize"):
            edit_menu.addActions(actions.group(group))
            edit_menu.addSeparator()
        annotate_menu = self.menuBar().addMenu("&Annotate")
        for group in ("label", "link", "comment"):
            annotate_menu.addActions(actions.group(group))
            annotate_menu.addSeparator()
        annotate_menu.addAction(self._action("Mark &done and go on", "Ctrl+Return", self.done))
        annotate_menu.addAction(
            self._action("Mark in &progress", "Ctrl+Shift+Return", self.in_progress)
        )
        annotate_menu.addSeparator()
        annotate_menu.addAction(self._action("Change &label…", "", self.change_label))
        self._add_view_menu()
        find_menu = self.menuBar().addMenu("Fi&nd")
        find_menu.addAction(self._action("&Find in document", "Ctrl+F", self.find_bar.open_bar))
        find_menu.addAction(self._action("Find &next", "F3", lambda: self.find_bar.step(1)))
        find_menu.addAction(
            self._action("Find &previous", "Shift+F3", lambda: self.find_bar.step(-1))
        )
        find_menu.addAction(self._action("&Search all documents", "Ctrl+Shift+F", self.search_all))
        go_menu = self.menuBar().addMenu("&Go")
        for keys, name, widget in (
            ("Ctrl+1", "&Documents", self.document_list),
            ("Ctrl+2", "&Reader", self.reader),
            ("Ctrl+3", "&Annotations", self.annotations),
            ("Ctrl+4", "Status &filter", self.status_filter),
        ):
            go_menu.addAction(self._action(name, keys, self._focus(widget)))
        review_menu = self.menuBar().addMenu("&Review")
        review_menu.addAction(
            self._action("Review &disagreements…", "Ctrl+Shift+R", self.review_disagreements)
        )
        review_menu.addAction(self._action("&Agreement…", "Ctrl+Shift+G", self.show_agreement))
        review_menu.addAction(
            self._action("&Progress and assignments…", "Ctrl+Shift+P", self.show_progress)
        )
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keys", "F1", self.show_keys))

    def _add_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu("&View")
        zoom_in = self._action(
            "Zoom &in", QKeySequence.StandardKey.ZoomIn, lambda: self.reader.zoom(1)
        )
        zoom_in.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        view_menu.addAction(zoom_in)
        view_menu.addAction(
            self._action(
                "Zoom &out", QKeySequence.StandardKey.ZoomOut, lambda: self.reader.zoom(-1)
            )
        )
        view_menu.addAction(self._action("&Actual size", "Ctrl+0", self.reader.reset_zoom))
        view_menu.addSeparator()
        view_menu.addMenu(self.layers.menu)
        self.snap = self._action("&Snap selections to words", "Ctrl+Shift+W", self._set_snap)
        self.snap.setCheckable(True)
        self.snap.setChecked(self.annotating.snap_to_words)
        view_menu.addAction(self.snap)
        view_menu.addSeparator()
        view_menu.addAction(self._action("&Guidelines", "Ctrl+Shift+D", self.show_guidelines))
        view_menu.addSeparator()
        view_menu.addMenu(self._language_menu())

    def _language_menu(self) -> QMenu:
        """Each language named in itself, so that anyone finds their own."""
        menu = QMenu("&Language", self)
        choices = QActionGroup(menu)
        for code, name in ((ARABIC, "العربية"), (ENGLISH, "English")):
            action = choices.addAction(name)
            action.setObjectName(f"language-{code}")
            action.setCheckable(True)
            action.setChecked(code == language())
            action.triggered.connect(lambda _=False, code=code: self.projects.switch_language(code))
            menu.addAction(action)
        return menu

    def _action(
        self, text: str, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.document_list.selectionModel().currentRowChanged.connect(self._open_current)
        self.status_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.palette_list.label_chosen.connect(self.annotating.apply_label)
        self.palette_list.label_pointed.connect(self.guidelines.show_label)
        self.palette_list.menu_wanted.connect(self.label_editing.show_menu)
        self.annotations.span_chosen.connect(self._jump_to_span)
        self.reader.span_selected.connect(self.annotations.mark)
        self.reader.spans_loaded.connect(self._show_spans)
        self.annotating.changed.connect(self._after_change)
        self.annotating.changed.connect(lambda _: self.checkpoints.step_taken())
        self.annotating.message.connect(self.saved_label.setText)
        self.annotating.document_wanted.connect(self.open_document)
        self.corpus_search.hit_chosen.connect(self.show_hit)
        self.layers.chosen.connect(lambda _: self.reopen())
        self.annotating.own_spans_wanted.connect(lambda: self.layers.choose(MINE))

    # -- what the window shows ---------------------------------------------------------

    @property
    def annotator(self) -> str:
        return self.annotating.annotator

    def shown_annotator(self) -> str | None:
        """Whose spans the reader shows: the layer's annotator (the analyst's own, blind,
        at first), or everyone's (None)."""
        return self.layers.layer.annotator(self.annotator)

    def refresh(self, current: str | None = None) -> None:
        """List the documents again (the filter, other writers), keeping `current` or the
        document open now."""
        self.layers.set_annotators(self.annotator, self.project.annotators.names())
        self._apply_layer()
        summaries = self._summaries()
        self._assigned = set(self.project.assignments.given_to(self.annotator))
        self._queue = set(self.project.assignments.queue(self.annotator))
        self.empty_panel.setVisible(not summaries)  # in the reader's place, never over a document
        self.reader.setVisible(bool(summaries))
        documents = [d for d in summaries if self._wanted(d)]
        current = current or self.document_list.current_uid()
        self.document_list.show_documents(documents, current)
        if self.document_list.current_uid() is None:
            self._open_current()  # nothing listed: nothing open
        self.status_label.setText(self.project.path.name)
        self.status_label.setToolTip(tooltip(str(self.project.path)))
        self.annotator_label.setText(f"Annotator: {self.annotator}{self._queue_left()}")
        self._show_position()

    def _summaries(self) -> list[DocumentSummary]:
        """Blind annotation shows an analyst only their own counts and statuses."""
        return self.project.documents.summaries(self.shown_annotator())

    def _wanted(self, document: DocumentSummary) -> bool:
        """The filter applies to the statuses the list shows: the layer's annotator's, or
        (everyone's shown) the analyst's own; My queue to the analyst's own."""
        wanted = self.status_filter.currentText()
        if wanted == MY_QUEUE:
            return document.uid in self._queue
        whose = self.shown_annotator() or self.annotator
        return wanted == ALL_DOCUMENTS or document.statuses.get(whose, "new") == wanted

    def _queue_left(self) -> str:
        """What the status bar adds after the name: ", 3 documents left in your queue",
        ", your queue is done", or nothing when no document is assigned to the analyst."""
        if not self._assigned:
            return ""
        left = len(self._queue)
        if not left:
            return ", your queue is done"
        return f", {left} document{'s' if left != 1 else ''} left in your queue"

    def _first_in_queue(self) -> str | None:
        """Where an analyst who has not opened the project here before begins: the first
        document assigned to them that they have not marked done."""
        return next(iter(self.project.assignments.queue(self.annotator)), None)

    def reopen(self) -> None:
        """Show the open document again (another layer, or what others wrote since)."""
        self.refresh()  # the list is filled again, which opens the current document

    def _apply_layer(self) -> None:
        """What the layer shown lets the analyst do, and the annotators' underlines."""
        me, layer = self.annotator, self.layers.layer
        editable = layer.editable(me)
        self.reader.can_change = lambda span: editable and span.annotator == me
        self.annotating.read_only_note = (
            None if editable else f"{layer.described(me)}: show Mine or Everyone to annotate."
        )
        self.reader.set_annotator_marks(self.layers.shown_marks())

    def _open_current(self, current: QModelIndex | None = None) -> None:
        row = (current or self.document_list.currentIndex()).row()
        self.annotating.document_opened()
        if row < 0:
            self.reader.show_text(None)
            self.commenting.show_document(None)
            self._show_spans()
            self._show_position()
            return
        uid = self.document_list.documents.document(row).uid
        shown = self.annotating.document
        again = shown == uid
        position = self.reader.verticalScrollBar().value()
        near = self.reader.first_shown() if again else 0
        if again:  # a refresh or another layer: the spans anew, where the reader was
            self.reader.show_layer(self.project, self.shown_annotator(), near)
            self.reader.verticalScrollBar().setValue(position)
        else:
            self.reader.open_document(self.project, uid, self.shown_annotator(), near)
        self.commenting.show_document(uid)
        if self.find_bar.isVisible():
            self.find_bar.refresh_found()  # the same query in the new document
        if shown is not None and not again:  # (the first one opened is where it was left)
            remember_place(self.project.path, Place(uid, 0))
        self._show_spans()
        self._show_position()

    def open_document(self, uid: str) -> None:
        """Open a document, showing every status if the filter hides it."""
        if not any(d.uid == uid for d in self.document_list.documents.listed()):
            self.status_filter.setCurrentText(ALL_DOCUMENTS)
        self.refresh(uid)

    def search_all(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.corpus_search.query.setFocus()
        self.corpus_search.query.selectAll()

    def change_label(self) -> None:
        """The label menu (rename, colour, ...) for the label the guidelines show."""
        name = self.guidelines.current_name()
        if self.project.labels.span_label(name) is not None:
            self.label_editing.show_menu(name, self.mapToGlobal(self.rect().center()))

    def _labels_changed(self, told: str) -> None:
        schema = self.project.labels.schema()
        self.palette_list.show_schema(schema)
        self.guidelines.show_schema(schema)
        self.reopen()  # the spans in their new names and colours
        self.saved_label.setText(told)

    def show_guidelines(self) -> None:
        """The guidelines, on the label last pointed at in the palette; the label chooser
        takes the keys (arrows to the next label)."""
        self.guidelines_dock.show()
        self.guidelines_dock.raise_()
        self.guidelines.chooser.setFocus()

    def show_hit(self, hit: Hit) -> None:
        """Open a search result's document with its mentions marked, this one current."""
        if self.annotating.document != hit.document:
            self.open_document(hit.document)
        annotated = self.reader.annotated
        if annotated is None:
            return
        query = self.corpus_search.searched  # what the results are for, not what is typed now
        family = self.corpus_search.searched_family
        words = project_lexicon(self.project)  # as the search that found it
        found = find_mentions(annotated.text, query, family=family, words=words)
        stretches = [(m.start, m.end) for m in found]
        current = next((n for n, (start, _) in enumerate(stretches) if start == hit.start), 0)
        self.reader.show_found(Found(stretches, current) if stretches else None)
        self.reader.scroll_to(hit.start)

    def _show_spans(self) -> None:
        self.annotations.show_spans(self.reader.annotated, self.reader.selected_span)

    def _show_position(self) -> None:
        row, count = (
            self.document_list.currentIndex().row(),
            self.document_list.documents.rowCount(),
        )
        self.position_label.setText(f"Document {row + 1} of {count}" if row >= 0 else "")

    def _after_change(self, changes: Changes) -> None:
        self.annotations.apply(changes, self.reader.selected_span)
        row = self.document_list.currentIndex().row()
        if row < 0 or not (changes.spans_added or changes.spans_removed or changes.spans_changed):
            return
        listed = self.document_list.documents.document(row)
        statuses = dict(listed.statuses)
        if statuses.get(self.annotator, "new") == "new":
            try:
                self.project.documents.set_status(listed.uid, self.annotator, "in_progress")
                statuses[self.annotator] = "in_progress"
            except AnnotateError as error:  # the change itself is saved: only say so
                self.saved_label.setText(f"Saved, but the document stays “new”: {error}")
        count = listed.span_count + len(changes.spans_added) - len(changes.spans_removed)
        self.document_list.documents.update_document(
            replace(listed, span_count=count, statuses=statuses)
        )

    def _jump_to_span(self, uid: str) -> None:
        if self.annotating.link.active:  # a row chosen while linking is the link's tail
            self.annotating.tail_picked([uid])
            return
        annotated = self.reader.annotated
        if annotated is not None and annotated.has_span(uid):
            self.reader.scroll_to(annotated.span(uid).start)
            self.reader.select_span(uid)

    # -- commands ---------------------------------------------------------------------

    def done(self) -> None:
        """Mark the open document done for this annotator and open the next one."""
        document = self.annotating.document
        if document is None or not self._set_status(document, "done"):
            return
        listed = self.document_list.documents
        row = self.document_list.currentIndex().row()
        last = row + 1 >= listed.rowCount()
        self.refresh(document if last else listed.document(row + 1).uid)
        self.saved_label.setText("Marked done" + (": that was the last document" if last else ""))

    def in_progress(self) -> None:
        document = self.annotating.document
        if document is not None and self._set_status(document, "in_progress"):
            self.refresh(document)
            self.saved_label.setText("Marked in progress")

    def _set_status(self, document: str, status: Status) -> bool:
        try:
            self.project.documents.set_status(document, self.annotator, status)
        except AnnotateError as error:
            tell_refusal(error, self, self.saved_label.setText)
            return False
        return True

    def protect_on_open(self) -> None:
        """What opening a project does besides showing it: a place among the recent
        projects, a rolling backup, and a warning if the project lies where SQLite cannot
        keep it safe."""
        remember_project(self.project.path)
        if self.project.read_only:
            self.saved_label.setText("Read-only: no backup made, as nothing can change")
        else:
            self.back_up()
        warning = network_warning(self.project.path)
        if warning:
            tell(self, QMessageBox.Icon.Warning, "Network filesystem", warning)

    def back_up(self) -> None:
        keep = app_settings().value(KEEP_BACKUPS_KEY, DEFAULT_KEEP)
        try:
            target = rolling_backup(self.project, int(str(keep)))
        except DamagedProject as damaged:
            self.saved_label.setText("The project is damaged: no backup was made")
            self._warn_damaged(damaged)
            return
        except (AnnotateError, OSError, sqlite3.Error, ValueError) as error:
            self.saved_label.setText(f"Backup failed: {error}")
            return
        self.saved_label.setText(f"Backed up to {target.name}")

    def _warn_damaged(self, damaged: DamagedProject) -> None:
        tell(self, QMessageBox.Icon.Critical, "Damaged project", str(damaged))

    def show_agreement(self) -> None:
        """Agreement of the project's annotators, beside this window; a document chosen
        there opens here."""
        from gui.agreement_view import AgreementView  # its modules load when first used

        view = AgreementView(self, self.project)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.document_chosen.connect(self.open_document)
        view.show()

    def show_progress(self) -> None:
        """The progress dashboard, one per main window; assigning there updates the queue
        here, and a document chosen there opens here."""
        from gui.progress_view import ProgressView  # loads with its first use

        shown = self.progress_view
        if shown is not None and shown.lead == self.annotator:
            shown.refresh()
        else:
            if shown is not None:
                shown.close()
                shown.deleteLater()
            shown = self.progress_view = ProgressView(self, self.project, self.annotator)
            shown.document_chosen.connect(self.open_document)
            shown.assignments_changed.connect(self.refresh)
        shown.show()
        shown.raise_()
        shown.activateWindow()

    def review_disagreements(self) -> None:
        """The review window, one per main window, over this project, as the analyst (a new
        one after switching annotator, so decisions carry the reviewer's name)."""
        shown = self.review_window
        if shown is not None and shown.review.reviewer == self.annotator:
            shown.refresh_documents()  # others' work may have come in
        else:
            if shown is not None:
                shown.close()
                shown.deleteLater()
            from gui.review_window import ReviewWindow  # loads with its first use

            shown = self.review_window = ReviewWindow(self.project, self.annotator, self)
        shown.show()
        shown.raise_()
        shown.activateWindow()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from gui.corpus_files import dropped_paths  # the corpus modules load when used

        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from gui.corpus_files import dropped_paths

        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            # after the drop returns: a dialog inside it would hold the dragging app
            QTimer.singleShot(0, lambda: self.files.import_files(paths))

    def switch(self) -> None:
        name = ask_annotator(self, self.annotator)
        if name and name != self.annotator:
            remember_annotator(name)
            self.annotating.switch_annotator(name)
            self.reopen()
            self.saved_label.setText(f"Annotating as {name}")

    def _set_snap(self) -> None:
        self.annotating.set_snap_to_words(self.snap.isChecked())

    def _focus(self, widget: QWidget) -> Callable[[], None]:
        return lambda: widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_keys(self) -> None:
        actions = [*self.actions(), *self.annotating.actions.all()]
        KeysOverlay(self, [a for a in actions if a.shortcuts()]).exec()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        left_at, self._left_at = self._left_at, None
        if left_at is not None:  # once the reader has its size, which its lines depend on
            QTimer.singleShot(0, self, lambda: self._go_back_to(left_at))

    def _go_back_to(self, place: Place) -> None:
        if self.annotating.document == place.document:
            go_back_to(self.reader, place)

    def closeEvent(self, event: QCloseEvent) -> None:
        document = self.annotating.document
        if document is not None:
            remember_place(self.project.path, place_in(self.reader, document))
        self.layers.remember()
        self.reader.stop_loading()
        self.corpus_search.stop()
        self.checkpoints.stop()
        for opened in self.findChildren(QWidget):  # review, agreement: they read the project
            if opened.isWindow() and opened.isVisible():
                opened.close()
        super().closeEvent(event)
        self.closed.emit()


def _docks_side() -> Qt.DockWidgetArea:
    """After the reader in reading order: on the right in English, on the left in Arabic
    (Qt mirrors the menus and layouts but keeps dock areas where they are)."""
    if is_arabic():
        return Qt.DockWidgetArea.LeftDockWidgetArea
    return Qt.DockWidgetArea.RightDockWidgetArea
