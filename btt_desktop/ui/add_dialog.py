"""The add-torrent dialog: where to save, what to download, how to start.

For a .torrent the file tree is there at once; for a magnet link the dialog asks the
engine for the metadata and shows "Retrieving metadata…" until it arrives (the user may
add the magnet without waiting, or cancel, which stops the lookup).

A category (picked, or a new name typed) and tags (comma separated) go with the torrent;
a category with a save path puts it in the save path field, unless the user has edited
that field.

The save path is checked as it is typed (off the loop): a path under a file, in a folder
that cannot be written, or on a disk without room for the selected files says so under
the field, and Add stays disabled. With a ``submit`` coroutine set, Add runs it and the
dialog closes only once it succeeded; a refusal shows its reason and the dialog stays.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.engine.types import AddParams, Category, TorrentMeta
from btt_desktop.errors import BttError, one_line
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_pickers import choose_directory
from btt_desktop.ui.file_tree_model import FileColumn, FileTreeModel
from btt_desktop.ui.formatting import format_size
from btt_desktop.ui.free_space import PathProblem, free_bytes, save_path_problem
from btt_desktop.ui.label_dialogs import clean_name, split_tags
from btt_desktop.ui.message_bar import sentence
from btt_desktop.ui.priority_delegate import PriorityDelegate
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.torrent_sources import SourceKind, TorrentSource, magnet_name_and_hash

log = logging.getLogger(__name__)


class AddTorrentDialog(QDialog):
    """Build with a source and (for files/URLs) its metadata; read ``params()`` on accept."""

    def __init__(
        self,
        engine: EngineApi,
        source: TorrentSource,
        *,
        save_path: str,
        start_paused: bool,
        sequential: bool,
        meta: TorrentMeta | None = None,
        torrent_data: bytes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._source = source
        self._torrent_data = torrent_data
        self._meta: TorrentMeta | None = None
        self._tasks = TaskSet("add dialog task", logger=log)
        self._fetch_task: asyncio.Task[None] | None = None
        self._path_problem: PathProblem | None = None
        self._adding = False
        # Add runs this (engine.add) and closes the dialog once it returns the new id
        self.submit: Callable[[AddParams], Awaitable[str]] | None = None
        self.added_id: str | None = None
        self.setWindowTitle(self.tr("Add Torrent"))
        self.setObjectName("add_torrent_dialog")
        self.resize(760, 560)

        # where and how
        self.save_path_edit = QLineEdit(save_path)
        self.save_path_edit.setObjectName("save_path")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.save_path_edit, 1)
        path_row.addWidget(browse)
        self.free_space_label = QLabel()
        self.path_error = QLabel()
        self.path_error.setObjectName("save_path_error")
        self.path_error.setWordWrap(True)
        set_tone(self.path_error, Tone.ERROR)
        self.path_error.hide()
        self.paused_check = QCheckBox(self.tr("Start paused"))
        self.paused_check.setChecked(start_paused)
        self.sequential_check = QCheckBox(self.tr("Download in sequential order"))
        self.sequential_check.setChecked(sequential)

        # category and tags
        self._default_path = save_path
        self._path_by_user = False
        self._categories: dict[str, Category] = {}
        self.category_box = QComboBox()
        self.category_box.setObjectName("category")
        self.category_box.setEditable(True)
        self.category_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_box.addItem("")
        category_line = self.category_box.lineEdit()
        if category_line is not None:
            category_line.setPlaceholderText(self.tr("None"))
        self.category_box.setToolTip(self.tr("Pick a category, or type a new one"))
        self.category_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_box.setMinimumContentsLength(16)
        self.category_box.currentTextChanged.connect(self._category_changed)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("tags")
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas"))
        labels_row = QHBoxLayout()
        labels_row.addWidget(self.category_box, 1)
        tags_label = QLabel(self.tr("Tags:"))
        tags_label.setBuddy(self.tags_edit)
        labels_row.addSpacing(12)
        labels_row.addWidget(tags_label)
        labels_row.addWidget(self.tags_edit, 1)

        # what
        self.name_label = QLabel(source.label)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)
        self.size_label = QLabel()
        self.hash_label = QLabel()
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment_label = QLabel()
        self.comment_label.setWordWrap(True)
        self.comment_label.setOpenExternalLinks(True)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_label)
        form.addRow(self.tr("Size:"), self.size_label)
        form.addRow(self.tr("Info hash:"), self.hash_label)
        form.addRow(self.tr("Comment:"), self.comment_label)
        form.addRow(self.tr("Save at:"), path_row)
        form.addRow("", self.path_error)
        form.addRow("", self.free_space_label)
        form.addRow(self.tr("Category:"), labels_row)
        options = QHBoxLayout()
        options.addWidget(self.paused_check)
        options.addWidget(self.sequential_check)
        options.addStretch(1)
        form.addRow("", options)

        self.files = FileTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("add_file_tree")
        self.tree.setModel(self.files)
        self.tree.setColumnHidden(FileColumn.PROGRESS, True)
        self.tree.setItemDelegateForColumn(FileColumn.PRIORITY, PriorityDelegate(self.tree))
        self.tree.setEditTriggers(QTreeView.EditTrigger.AllEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FileColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FileColumn.SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FileColumn.PRIORITY,
                                    QHeaderView.ResizeMode.ResizeToContents)
        self.files.dataChanged.connect(self._update_sizes)
        self.files.modelReset.connect(self._update_sizes)

        select_all = QPushButton(self.tr("Select All"))
        select_all.clicked.connect(lambda: self.files.set_all_checked(True))
        select_none = QPushButton(self.tr("Select None"))
        select_none.clicked.connect(lambda: self.files.set_all_checked(False))
        tree_buttons = QHBoxLayout()
        tree_buttons.addWidget(select_all)
        tree_buttons.addWidget(select_none)
        tree_buttons.addStretch(1)
        tree_page = QWidget()
        tree_layout = QVBoxLayout(tree_page)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.tree, 1)
        tree_layout.addLayout(tree_buttons)

        # magnet: waiting for metadata
        self.metadata_label = QLabel(self.tr("Retrieving metadata…"))
        self.metadata_label.setObjectName("metadata_state")
        self.metadata_label.setWordWrap(True)
        self.metadata_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.metadata_busy = QProgressBar()
        self.metadata_busy.setRange(0, 0)
        self.metadata_busy.setMaximumWidth(240)
        waiting_page = QWidget()
        waiting_layout = QVBoxLayout(waiting_page)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.metadata_label)
        waiting_layout.addWidget(self.metadata_busy, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(waiting_page)
        self.pages.addWidget(tree_page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        add_button.setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.add_error = QLabel()
        self.add_error.setObjectName("add_error")
        self.add_error.setWordWrap(True)
        set_tone(self.add_error, Tone.ERROR)
        self.add_error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.add_error)
        layout.addWidget(self.buttons)

        self._free_timer = QTimer(self)
        self._free_timer.setSingleShot(True)
        self._free_timer.setInterval(300)
        self._free_timer.timeout.connect(self._measure_free_space)
        self.save_path_edit.textChanged.connect(lambda _t: self._free_timer.start())
        self.save_path_edit.textChanged.connect(lambda _t: self._path_edited())
        self.save_path_edit.textEdited.connect(self._path_typed)

        if meta is not None:
            self.set_meta(meta)
        elif source.kind is SourceKind.MAGNET:
            self.pages.setCurrentIndex(0)
            name, info_hash = magnet_name_and_hash(source.value)
            self.name_label.setText(name or self.tr("(name not known yet)"))
            self.hash_label.setText(info_hash)
            self.size_label.setText(self.tr("unknown until metadata arrives"))
            self._fetch_task = self._spawn(self._fetch_metadata())
        self._free_timer.start()
        self._update_ok()
        self._spawn(self._load_categories())

    # --- results ---------------------------------------------------------------------

    @property
    def meta(self) -> TorrentMeta | None:
        return self._meta

    @property
    def retrieving_metadata(self) -> bool:
        return self._fetch_task is not None and not self._fetch_task.done()

    def save_path(self) -> str:
        return self.save_path_edit.text().strip()

    def params(self) -> AddParams:
        priorities = self.files.priorities() if self._meta is not None else None
        if priorities is not None and all(p == 4 for p in priorities):
            priorities = None  # all wanted at normal: nothing to tell the engine
        common = {
            "save_path": self.save_path(),
            "paused": self.paused_check.isChecked(),
            "sequential": self.sequential_check.isChecked(),
            "file_priorities": priorities,
            "category": self.category(),
            "tags": split_tags(self.tags_edit.text()),
        }
        if self._source.kind is SourceKind.MAGNET:
            return AddParams(magnet=self._source.value, **common)  # type: ignore[arg-type]
        if self._torrent_data is not None:
            return AddParams(torrent_data=self._torrent_data, **common)  # type: ignore[arg-type]
        return AddParams(torrent_path=self._source.value, **common)  # type: ignore[arg-type]

    def category(self) -> str:
        return clean_name(self.category_box.currentText())

    # --- category ------------------------------------------------------------------

    async def _load_categories(self) -> None:
        categories = await self._engine.categories()
        self._categories = {c.name: c for c in categories}
        typed = self.category_box.currentText()
        self.category_box.blockSignals(True)
        for c in categories:
            self.category_box.addItem(c.name)
            if c.save_path:
                self.category_box.setItemData(self.category_box.count() - 1, c.save_path,
                                              Qt.ItemDataRole.ToolTipRole)
        self.category_box.setEditText(typed)
        self.category_box.blockSignals(False)
        self._category_changed(typed)

    def _category_changed(self, _text: str) -> None:
        """The category's save path, or the default one, unless the user chose a path."""
        if self._path_by_user:
            return
        known = self._categories.get(self.category())
        path = known.save_path if known is not None and known.save_path else self._default_path
        if path != self.save_path_edit.text():
            self.save_path_edit.setText(path)

    def _path_typed(self, _text: str) -> None:
        self._path_by_user = True

    # --- metadata --------------------------------------------------------------------

    def set_meta(self, meta: TorrentMeta) -> None:
        self._meta = meta
        self.name_label.setText(meta.name)
        self.hash_label.setText(meta.info_hash_v1 or meta.info_hash_v2 or "")
        self.comment_label.setText(meta.comment)
        self.files.set_files(meta.files)
        self.tree.expandToDepth(0 if len(meta.files) > 50 else 2)
        self.pages.setCurrentIndex(1)
        self._update_sizes()

    async def _fetch_metadata(self) -> None:
        try:
            meta = await self._engine.fetch_metadata(self._source.value, self.save_path())
        except BttError as exc:
            self.metadata_busy.hide()
            self.metadata_label.setText(
                self.tr("Cannot retrieve metadata: {reason}").format(reason=one_line(exc)))
            return
        self.set_meta(meta)
        self._update_ok()

    # --- helpers ---------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return self._tasks.spawn(coro)

    def _update_sizes(self, *_args: object) -> None:
        if self._meta is None:
            return
        wanted, total = self.files.wanted_size(), self.files.total_size()
        if wanted == total:
            self.size_label.setText(format_size(total))
        else:
            self.size_label.setText(self.tr("{wanted} (of {total})").format(
                wanted=format_size(wanted), total=format_size(total)))
        self._free_timer.start()  # the room needed changed
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.save_path()) and self._path_problem is None and not self._adding
        if self._meta is not None and self._meta.files and self.files.wanted_size() == 0 \
                and self.files.total_size() > 0:
            ok = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @property
    def path_problem(self) -> PathProblem | None:
        return self._path_problem

    def _path_edited(self) -> None:
        self.add_error.hide()
        self._update_ok()

    def _show_path_problem(self, problem: PathProblem | None) -> None:
        self._path_problem = problem
        texts = {
            PathProblem.EMPTY: self.tr("Choose a folder to save into."),
            PathProblem.NOT_ABSOLUTE: self.tr(
                "Give the full path of a folder, starting at the root."),
            PathProblem.NOT_A_FOLDER: self.tr(
                "This path runs through a file, so no folder can be made there."),
            PathProblem.NOT_WRITABLE: self.tr(
                "This folder cannot be written to: choose one of yours."),
            PathProblem.NO_SPACE: self.tr(
                "This disk has not enough free space for the selected files."),
        }
        if problem is None:
            self.path_error.hide()
        else:
            self.path_error.setText(texts[problem])
            self.path_error.show()
        self._update_ok()

    def accept(self) -> None:
        """Add: without ``submit`` the dialog just closes; with it, closes once the
        torrent is added, and otherwise stays open with the reason."""
        if self.submit is None:
            super().accept()
            return
        if self._adding:
            return
        self._adding = True
        self.add_error.hide()
        self._update_ok()
        self._spawn(self._run_submit(self.submit))

    async def _run_submit(self, submit: Callable[[AddParams], Awaitable[str]]) -> None:
        try:
            self.added_id = await submit(self.params())
        except BttError as exc:
            self._adding = False
            self.add_error.setText(sentence(one_line(exc)))
            self.add_error.show()
            self._update_ok()
            return
        self._adding = False
        super().accept()

    def _browse(self) -> None:
        async def browse() -> None:
            chosen = await choose_directory(self, self.tr("Choose save folder"),
                                            self.save_path())
            if chosen:
                self._path_by_user = True
                self.save_path_edit.setText(chosen)
        self._spawn(browse())

    def _measure_free_space(self) -> None:
        async def measure() -> None:
            path = self.save_path()
            need = self.files.wanted_size() if self._meta is not None else 0
            free = await free_bytes(path)
            problem = await save_path_problem(path, need)
            if path != self.save_path():
                return  # edited meanwhile: the next measure is due
            text = "" if free is None else self.tr("Free space: {size}").format(
                size=format_size(free))
            self.free_space_label.setText(text)
            self._show_path_problem(problem)
        self._spawn(measure())

    def done(self, result: int) -> None:
        # closing the dialog (add, cancel, Escape, window close) stops the metadata lookup
        self._tasks.cancel()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        with contextlib.suppress(RuntimeError):
            self._tasks.cancel()
        super().closeEvent(event)
