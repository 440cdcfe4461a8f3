"""Files of the selected torrent: progress, and priorities the user can change."""

from __future__ import annotations

import os
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeView, QVBoxLayout, QWidget

from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_tree_model import (
    HIGH,
    LOW,
    NORMAL,
    PATH_ROLE,
    SKIP,
    FileColumn,
    FileTreeModel,
    priority_name,
)
from btt_desktop.ui.priority_delegate import PriorityDelegate
from btt_desktop.ui.progress_delegate import ProgressBarDelegate

Spawn = Callable[[Coroutine[Any, Any, Any]], object]


class FilesTab(QWidget):
    """Priority edits go straight to ``engine.set_file_priorities``."""

    def __init__(self, engine: EngineApi, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._spawn = spawn
        self._torrent_id: str | None = None
        self._save_path = ""
        self.edit_generation = 0  # bumps on every user edit; stale refreshes are dropped
        self.model = FileTreeModel(self)
        self.model.priorities_edited.connect(self._on_edited)
        self.view = QTreeView()
        self.view.setObjectName("files_view")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.setItemDelegateForColumn(FileColumn.PROGRESS, ProgressBarDelegate(self.view))
        self.view.setItemDelegateForColumn(FileColumn.PRIORITY, PriorityDelegate(self.view))
        self.view.setEditTriggers(QTreeView.EditTrigger.SelectedClicked
                                  | QTreeView.EditTrigger.DoubleClicked
                                  | QTreeView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._open_file)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FileColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(FileColumn.SIZE, 90)
        header.resizeSection(FileColumn.PROGRESS, 130)
        header.resizeSection(FileColumn.PRIORITY, 130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    @property
    def torrent_id(self) -> str | None:
        return self._torrent_id

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        generation = self.edit_generation
        files = await engine.files(torrent_id)
        snapshot = engine.snapshot(torrent_id)
        if generation != self.edit_generation:
            return  # an edit happened while we waited: this list may predate it
        self._save_path = snapshot.save_path if snapshot else ""
        if torrent_id != self._torrent_id:
            self._torrent_id = torrent_id
            self.model.set_files(files)
            self.view.expandToDepth(0 if len(files) > 50 else 2)
        else:
            self.model.update_files(files)

    def clear(self) -> None:
        self._torrent_id = None
        self.model.set_files(())

    def _on_edited(self, edits: dict[int, int]) -> None:
        torrent_id = self._torrent_id
        if torrent_id is None:
            return
        self.edit_generation += 1
        self._spawn(self._engine.set_file_priorities(torrent_id, edits))

    def _context_menu(self, pos: QPoint) -> None:
        rows = [i for i in self.view.selectionModel().selectedRows(FileColumn.NAME)]
        if not rows:
            return
        menu = QMenu(self)
        priority_menu = menu.addMenu(self.tr("Priority"))
        for priority in (SKIP, LOW, NORMAL, HIGH):
            action = priority_menu.addAction(priority_name(priority))
            action.triggered.connect(
                lambda _checked=False, p=priority: self.model.set_priority(rows, p))
        open_action = menu.addAction(self.tr("Open"))
        open_action.triggered.connect(lambda: self._open_file(rows[0]))
        folder_action = menu.addAction(self.tr("Open Containing Folder"))
        folder_action.triggered.connect(lambda: self._open_folder(rows[0]))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _local_path(self, index: Any) -> str:
        relative = index.data(PATH_ROLE) or ""
        return os.path.join(self._save_path, relative)

    def _open_file(self, index: Any) -> None:
        if index.column() == FileColumn.PRIORITY:
            return
        path = self._local_path(index.siblingAtColumn(0))
        if os.path.exists(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _open_folder(self, index: Any) -> None:
        path = os.path.dirname(self._local_path(index.siblingAtColumn(0)))
        if os.path.isdir(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
