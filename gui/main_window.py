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
from gui.suggestions_menu import SuggestionsMenu
from gui.vocabulary import status_name

if TYPE_CHECKING:
    from gui.progress_view import ProgressView
    from gui.review_window import ReviewWindow

# The status filter's choices besides the statuses (its item data: what the code filters by)
ALL_DOCUMENTS = "all"
MY_QUEUE = "my_queue"
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
        self.setWindowTitle(_window_title(project))
        self.read_only_banner = read_only_banner(self, project.read_only)
        self.document_list = DocumentList(self)
        self.status_filter = status_filter(self)
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
        self._add_file_menu()
        self._add_annotating_menus()
        self._add_view_menu()
        find_menu = self.menuBar().addMenu(translate("MainWindow", "Fi&nd"))
        find = self.find_bar
        self._add(find_menu, translate("MainWindow", "&Find in document"), "Ctrl+F", find.open_bar)
        self._add(find_menu, translate("MainWindow", "Find &next"), "F3", lambda: find.step(1))
        self._add(
            find_menu, translate("MainWindow", "Find &previous"), "Shift+F3", lambda: find.step(-1)
        )
        self._add(
            find_menu,
            translate("MainWindow", "&Search all documents"),
            "Ctrl+Shift+F",
            self.search_all,
        )
        go_menu = self.menuBar().addMenu(translate("MainWindow", "&Go"))
        for keys, name, widget in (
            ("Ctrl+1", translate("MainWindow", "&Documents"), self.document_list),
            ("Ctrl+2", translate("MainWindow", "&Reader"), self.reader),
            ("Ctrl+3", translate("MainWindow", "&Annotations"), self.annotations),
            ("Ctrl+4", translate("MainWindow", "Status &filter"), self.status_filter),
        ):
            self._add(go_menu, name, keys, self._focus(widget))
        review_menu = self.menuBar().addMenu(translate("MainWindow", "&Review"))
        for name, keys, slot in (
            (
                translate("MainWindow", "Review &disagreements…"),
                "Ctrl+Shift+R",
                self.review_disagreements,
            ),
            (translate("MainWindow", "&Agreement…"), "Ctrl+Shift+G", self.show_agreement),
            (
                translate("MainWindow", "&Progress and assignments…"),
                "Ctrl+Shift+P",
                self.show_progress,
            ),
        ):
            self._add(review_menu, name, keys, slot)
        self.suggestions = SuggestionsMenu(self, self.annotating)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        self._add(help_menu, translate("MainWindow", "&Keys"), "F1", self.show_keys)

    def _add_file_menu(self) -> None:
        menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        projects, files, standard = self.projects, self.files, QKeySequence.StandardKey
        self._add(menu, translate("MainWindow", "&New project…"), "Ctrl+N", projects.choose_new)
        self._add(menu, translate("MainWindow", "&Open project…"), "Ctrl+O", projects.choose_open)
        self.recent_menu = menu.addMenu(translate("MainWindow", "Open recen&t"))
        self.recent_menu.aboutToShow.connect(lambda: projects.fill_recent_menu(self.recent_menu))
        menu.addSeparator()
        self._add(menu, translate("MainWindow", "&Refresh"), standard.Refresh, self.refresh)
        self._add(menu, translate("MainWindow", "&Import files…"), "Ctrl+I", files.choose_import)
        self._add(
            menu, translate("MainWindow", "Import a &folder…"), "Ctrl+Shift+I", files.choose_folder
        )
        self._add(menu, translate("MainWindow", "&Export…"), "Ctrl+E", files.export)
        self._add(menu, translate("MainWindow", "&Merge projects…"), "", files.merge_projects)
        menu.addSeparator()
        self._add(menu, translate("MainWindow", "&Switch annotator…"), "Ctrl+Shift+A", self.switch)
        self._add(menu, translate("MainWindow", "&Back up now"), "Ctrl+Shift+B", self.back_up)
        self._add(menu, translate("MainWindow", "&Quit"), standard.Quit, self.close)

    def _add_annotating_menus(self) -> None:
        """Edit and Annotate: the annotating actions (gui/annotating.py names them), then
        the document's status."""
        actions = self.annotating.actions
        edit_menu = self.menuBar().addMenu(translate("MainWindow", "&Edit"))
        for group in ("history", "edit", "resize"):
            edit_menu.addActions(actions.group(group))
            edit_menu.addSeparator()
        menu = self.menuBar().addMenu(translate("MainWindow", "&Annotate"))
        for group in ("label", "link", "comment"):
            menu.addActions(actions.group(group))
            menu.addSeparator()
        self._add(menu, translate("MainWindow", "Mark &done and go on"), "Ctrl+Return", self.done)
        self._add(
            menu,
            translate("MainWindow", "Mark in &progress"),
            "Ctrl+Shift+Return",
            self.in_progress,
        )
        menu.addSeparator()
        self._add(menu, translate("MainWindow", "Change &label…"), "", self.change_label)

    def _add_view_menu(self) -> None:
        menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        reader, standard = self.reader, QKeySequence.StandardKey
        zoom_in = self._add(
            menu, translate("MainWindow", "Zoom &in"), standard.ZoomIn, lambda: reader.zoom(1)
        )
        zoom_in.setShortcuts([QKeySequence(standard.ZoomIn), QKeySequence("Ctrl+=")])
        self._add(
            menu, translate("MainWindow", "Zoom &out"), standard.ZoomOut, lambda: reader.zoom(-1)
        )
        self._add(menu, translate("MainWindow", "&Actual size"), "Ctrl+0", reader.reset_zoom)
        menu.addSeparator()
        menu.addMenu(self.layers.menu)
        self.snap = self._add(
            menu,
            translate("MainWindow", "&Snap selections to words"),
            "Ctrl+Shift+W",
            self._set_snap,
        )
        self.snap.setCheckable(True)
        self.snap.setChecked(self.annotating.snap_to_words)
        menu.addSeparator()
        self._add(
            menu, translate("MainWindow", "&Guidelines"), "Ctrl+Shift+D", self.show_guidelines
        )
        menu.addSeparator()
        menu.addMenu(self._language_menu())

    def _language_menu(self) -> QMenu:
        """Each language named in itself, so that anyone finds their own."""
        menu = QMenu(translate("MainWindow", "&Language"), self)
        choices = QActionGroup(menu)
        for code, name in ((ARABIC, "العربية"), (ENGLISH, "English")):
            action = choices.addAction(name)
            action.setObjectName(f"language-{code}")
            action.setCheckable(True)
            action.setChecked(code == language())
            action.triggered.connect(lambda _=False, code=code: self.projects.switch_language(code))
            menu.addAction(action)
        return menu

    def _add(
        self,
        menu: QMenu,
        text: str,
        keys: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        action = self._action(text, keys, slot)
        menu.addAction(action)
        return action

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
        self.annotator_label.setText(self._annotator_line())
        self._show_position()

    def _summaries(self) -> list[DocumentSummary]:
        """Blind annotation shows an analyst only their own counts and statuses."""
        return self.project.documents.summaries(self.shown_annotator())

    def _wanted(self, document: DocumentSummary) -> bool:
        """The filter applies to the statuses the list shows: the layer's annotator's, or
        (everyone's shown) the analyst's own; My queue to the analyst's own."""
        wanted = str(self.status_filter.currentData())
        if wanted == MY_QUEUE:
            return document.uid in self._queue
        whose = self.shown_annotator() or self.annotator
        return wanted == ALL_DOCUMENTS or document.statuses.get(whose, "new") == wanted

    def _annotator_line(self) -> str:
        """The analyst's name, and how much of their queue is left ("3 documents left in
        your queue", "your queue is done"), when any document is assigned to them."""
        name, left = self.annotator, len(self._queue)
        if not self._assigned:
            return translate("MainWindow", "Annotator: {name}").format(name=name)
        if not left:
            return translate("MainWindow", "Annotator: {name}, your queue is done").format(
                name=name
            )
        if left == 1:
            return translate(
                "MainWindow", "Annotator: {name}, 1 document left in your queue"
            ).format(name=name)
        return translate(
            "MainWindow", "Annotator: {name}, {count} documents left in your queue"
        ).format(name=name, count=left)

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
        note = translate("MainWindow", "{layer}: show Mine or Everyone to annotate.")
        self.annotating.read_only_note = (
            None if editable else note.format(layer=layer.described(me))
        )
        self.reader.set_annotator_marks(self.layers.shown_marks())

    def _open_current(self, current: QModelIndex | None = None) -> None:
        row = (current or self.document_list.currentIndex()).row()
        self.annotating.document_opened()
        if row < 0:
            self.reader.show_text(None)
            self.commenting.show_document(None)
            self.annotating.suggestion_keys.show_document()
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
        self.annotating.suggestion_keys.show_document()
        if self.find_bar.isVisible():
            self.find_bar.refresh_found()  # the same query in the new document
        if shown is not None and not again:  # (the first one opened is where it was left)
            remember_place(self.project.path, Place(uid, 0))
        self._show_spans()
        self._show_position()

    def open_document(self, uid: str) -> None:
        """Open a document, showing every status if the filter hides it."""
        if not any(d.uid == uid for d in self.document_list.documents.listed()):
            self.status_filter.setCurrentIndex(self.status_filter.findData(ALL_DOCUMENTS))
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
        position = translate("MainWindow", "Document {number} of {count}")
        self.position_label.setText(
            position.format(number=row + 1, count=count) if row >= 0 else ""
        )

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
                stays_new = translate("MainWindow", "Saved, but the document stays “new”: {error}")
                self.saved_label.setText(stays_new.format(error=error))
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
        self.saved_label.setText(
            translate("MainWindow", "Marked done: that was the last document")
            if last
            else translate("MainWindow", "Marked done")
        )

    def in_progress(self) -> None:
        document = self.annotating.document
        if document is not None and self._set_status(document, "in_progress"):
            self.refresh(document)
            self.saved_label.setText(translate("MainWindow", "Marked in progress"))

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
            self.saved_label.setText(
                translate("MainWindow", "Read-only: no backup made, as nothing can change")
            )
        else:
            self.back_up()
        warning = network_warning(self.project.path)
        if warning:
            title = translate("MainWindow", "Network filesystem")
            tell(self, QMessageBox.Icon.Warning, title, warning)

    def back_up(self) -> None:
        keep = app_settings().value(KEEP_BACKUPS_KEY, DEFAULT_KEEP)
        try:
            target = rolling_backup(self.project, int(str(keep)))
        except DamagedProject as damaged:
            self.saved_label.setText(
                translate("MainWindow", "The project is damaged: no backup was made")
            )
            self._warn_damaged(damaged)
            return
        except (AnnotateError, OSError, sqlite3.Error, ValueError) as error:
            failed = translate("MainWindow", "Backup failed: {error}")
            self.saved_label.setText(failed.format(error=error))
            return
        backed_up = translate("MainWindow", "Backed up to {file}")
        self.saved_label.setText(backed_up.format(file=target.name))

    def _warn_damaged(self, damaged: DamagedProject) -> None:
        tell(
            self,
            QMessageBox.Icon.Critical,
            translate("MainWindow", "Damaged project"),
            str(damaged),
        )

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
            self.saved_label.setText(
                translate("MainWindow", "Annotating as {name}").format(name=name)
            )

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
        # Its project closes after it: a current row the list takes later (on focus, when
        # it had none) opens no document.
        self.document_list.selectionModel().blockSignals(True)
        for opened in self.findChildren(QWidget):  # review, agreement: they read the project
            if opened.isWindow() and opened.isVisible():
                opened.close()
        super().closeEvent(event)
        self.closed.emit()


def _window_title(project: Project) -> str:
    if project.read_only:
        title = translate("MainWindow", "{project} (read-only) — Arabic annotation workbench")
    else:
        title = translate("MainWindow", "{project} — Arabic annotation workbench")
    return title.format(project=project.path.name)


def status_filter(parent: QWidget) -> QComboBox:
    """Which documents the list shows: all, the analyst's queue, or those of one status;
    each choice's item data is what the list is filtered by, its text in the interface
    language."""
    combo = QComboBox(parent)
    combo.addItem(translate("MainWindow", "All documents"), ALL_DOCUMENTS)
    combo.addItem(translate("MainWindow", "My queue: assigned to me, not done"), MY_QUEUE)
    for status in STATUSES:
        combo.addItem(status_name(status), status)
    return combo


def _docks_side() -> Qt.DockWidgetArea:
    """After the reader in reading order: on the right in English, on the left in Arabic
    (Qt mirrors the menus and layouts but keeps dock areas where they are)."""
    if is_arabic():
        return Qt.DockWidgetArea.LeftDockWidgetArea
    return Qt.DockWidgetArea.RightDockWidgetArea
