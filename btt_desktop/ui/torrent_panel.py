"""The torrents section: the status sidebar, the list with its search filter, the details
pane, and every action on the selected torrents (resume, pause, remove, move, queue...).

The window owns the actions (menus, toolbar, shortcuts); this panel connects the ones that
act on the selection and keeps their enabled state in step with it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QLineEdit, QMenu, QSplitter, QTableView, QWidget

from btt_desktop.engine.types import TorrentSnapshot
from btt_desktop.errors import BttError
from btt_desktop.settings_store import AppSettings
from btt_desktop.ui.actions import WindowActions
from btt_desktop.ui.add_peers_dialog import ask_add_peers
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.details.details_panel import DetailsPanel
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_pickers import choose_directory
from btt_desktop.ui.label_menus import LabelActions
from btt_desktop.ui.labels_sidebar import LabelList, SidebarColumn
from btt_desktop.ui.limits_dialog import LimitsDialog
from btt_desktop.ui.remove_dialog import RemoveDialog
from btt_desktop.ui.sidebar import StatusSidebar
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.torrent_filter import LabelKind, TorrentFilterProxy
from btt_desktop.ui.torrent_model import TORRENT_ID_ROLE, Column, TorrentTableModel
from btt_desktop.ui.torrent_view import make_torrent_view

Operation = Callable[[list[str]], Coroutine[Any, Any, None]]


class TorrentPanel(QSplitter):
    """Sidebar | list over details. ``report(line)`` shows an error; ``note(line, ms)``
    a passing status line; ``app_settings()`` is read when an action needs a default."""

    def __init__(self, engine: EngineApi, bridge: EventBridge, actions: WindowActions,
                 tasks: TaskRunner, *, report: Callable[[str], None],
                 note: Callable[[str, int], None], app_settings: Callable[[], AppSettings],
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("main_splitter")
        self.engine = engine
        self._bridge = bridge
        self.actions_ = actions
        self.tasks = tasks
        self._report = report
        self._note = note
        self._app_settings = app_settings

        self.model = TorrentTableModel(self)
        self.proxy = TorrentFilterProxy(self.model, self)
        self.view = self._make_view()
        self.sidebar = StatusSidebar(self.model)
        self.sidebar.group_selected.connect(self.proxy.set_group)
        self.category_list = LabelList(LabelKind.CATEGORY, self.model)
        self.tag_list = LabelList(LabelKind.TAG, self.model)
        for labels in (self.category_list, self.tag_list):
            labels.label_selected.connect(self.proxy.set_label)
        self.sidebar_column = SidebarColumn(self.sidebar, self.category_list, self.tag_list)
        self.labels = LabelActions(
            engine, tasks, self.category_list, self.tag_list, selected=self.selected_ids,
            snapshot=self.model.snapshot,
            start_folder=lambda: self._app_settings().default_save_path, parent=self)
        self.details = DetailsPanel(engine, tasks.run)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Filter torrent names…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self.proxy.set_search_text)

        self.list_splitter = QSplitter(Qt.Orientation.Vertical)
        self.list_splitter.setObjectName("list_splitter")
        self.list_splitter.addWidget(self.view)
        self.list_splitter.addWidget(self.details)
        self.list_splitter.setStretchFactor(0, 3)
        self.list_splitter.setStretchFactor(1, 2)
        self.addWidget(self.sidebar_column)
        self.addWidget(self.list_splitter)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([180, 1000])

        bridge.torrents_added.connect(self.model.apply)
        # a torrent may come with a category or tags new to the lists
        bridge.torrents_added.connect(lambda _snapshots: self.labels.refresh())
        bridge.torrents_updated.connect(self.model.apply)
        bridge.torrent_removed.connect(lambda torrent_id: self.model.remove([torrent_id]))
        self._connect_actions()
        self._selection_changed()

    def _make_view(self) -> QTableView:
        view = make_torrent_view(self.proxy)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.context_menu)
        view.doubleClicked.connect(lambda _index: self.open_folder())
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        view.selectionModel().selectionChanged.connect(self._on_selection_signal)
        view.selectionModel().currentRowChanged.connect(self._on_selection_signal)
        return view

    def _connect_actions(self) -> None:
        a = self.actions_
        e = self.engine
        a.resume.triggered.connect(
            lambda: self._on_selected(e.resume, self.tr("Cannot resume the torrents")))
        a.pause.triggered.connect(
            lambda: self._on_selected(e.pause, self.tr("Cannot pause the torrents")))
        a.resume_all.triggered.connect(lambda: self.tasks.run(
            e.resume(self.model.torrent_ids()), failing=self.tr("Cannot resume the torrents")))
        a.pause_all.triggered.connect(lambda: self.tasks.run(
            e.pause(self.model.torrent_ids()), failing=self.tr("Cannot pause the torrents")))
        a.remove.triggered.connect(lambda: self._remove(delete_files=False))
        a.remove_with_files.triggered.connect(lambda: self._remove(delete_files=True))
        a.recheck.triggered.connect(lambda: self._on_selected(
            e.force_recheck, self.tr("Cannot recheck the torrents")))
        a.move.triggered.connect(self._move_storage)
        a.open_folder.triggered.connect(self.open_folder)
        a.copy_magnet.triggered.connect(self._copy_magnet)
        a.queue_up.triggered.connect(lambda: self._on_selected(
            e.queue_up, self.tr("Cannot move the torrents up in the queue")))
        a.queue_down.triggered.connect(lambda: self._on_selected(
            e.queue_down, self.tr("Cannot move the torrents down in the queue")))
        a.limits.triggered.connect(self._limits)
        a.sequential.triggered.connect(self._set_sequential)
        a.add_peers.triggered.connect(self._add_peers)
        a.reannounce.triggered.connect(lambda: self._on_selected(
            e.force_reannounce, self.tr("Cannot reannounce the torrents")))
        a.find.triggered.connect(self.focus_search)
        a.show_details.toggled.connect(self.show_details)

    # --- selection -------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows()
        return [str(index.data(TORRENT_ID_ROLE)) for index in rows]

    def current_id(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row(),
                                                                        index.parent()):
            return str(index.data(TORRENT_ID_ROLE))
        selected = self.selected_ids()
        return selected[0] if selected else None

    def select_torrent(self, torrent_id: str) -> bool:
        row = self.model.row_of(torrent_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, self.view.selectionModel().SelectionFlag.ClearAndSelect
            | self.view.selectionModel().SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def _on_selection_signal(self, *_args: object) -> None:
        self._selection_changed()

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        for action in self.actions_.torrent_actions():
            action.setEnabled(bool(ids))
        current = self.current_id()
        snapshot = self.model.snapshot(current) if current else None
        self.actions_.sequential.setChecked(bool(snapshot and snapshot.sequential))
        self.details.set_torrent(current)

    def load_snapshots(self, snapshots: Sequence[TorrentSnapshot]) -> None:
        """Show torrents the engine already holds (those restored before the window, or
        a daemon's): through the bridge, as added ones, at most ``ADD_BATCH_ROWS`` rows
        per loop turn (one insert of thousands stalls the loop); rows the list already
        shows as they are are skipped."""
        shown = self.model.snapshot
        self._bridge.queue_added(s for s in snapshots if shown(s.torrent_id) is not s)
        self.labels.refresh()

    def name_of(self, torrent_id: str) -> str:
        snapshot = self.model.snapshot(torrent_id)
        return snapshot.name if snapshot is not None and snapshot.name else torrent_id

    # --- actions ---------------------------------------------------------------------

    def _on_selected(self, operation: Operation, failing: str) -> None:
        ids = self.selected_ids()
        if ids:
            self.tasks.run(operation(ids), failing=failing)

    def _remove(self, *, delete_files: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.tasks.run(self.remove_torrents(ids, delete_files=delete_files),
                           failing=self.tr("Cannot remove the torrents"))

    async def remove_torrents(self, ids: list[str], *, delete_files: bool) -> bool:
        delete = delete_files
        if self._app_settings().confirm_remove or delete_files:
            names = [s.name for t in ids if (s := self.model.snapshot(t)) is not None]
            dialog = RemoveDialog(names or ids, delete_files=delete_files, parent=self)
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return False
            delete = dialog.delete_files()
        await self.engine.remove(ids, delete_files=delete)
        return True

    def _move_storage(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return

        async def move() -> None:
            first = self.model.snapshot(ids[0])
            start = first.save_path if first else self._app_settings().default_save_path
            target = await choose_directory(self, self.tr("Move Storage To"), start)
            if not target:
                return
            for torrent_id in ids:
                await self.engine.move_storage(torrent_id, target)
            self._note(self.tr("Moved to {path}").format(path=target), 10_000)
        self.tasks.run(move(), failing=self.tr("Cannot move the files"))

    def folder_of(self, torrent_id: str) -> str | None:
        snapshot = self.model.snapshot(torrent_id)
        if snapshot is None:
            return None
        inside = os.path.join(snapshot.save_path, snapshot.name)
        return inside if snapshot.name and os.path.isdir(inside) else snapshot.save_path

    def open_folder(self) -> None:
        torrent_id = self.current_id()
        folder = self.folder_of(torrent_id) if torrent_id else None
        if folder is None:
            return
        if not os.path.isdir(folder):
            self._report(self.tr("The folder {path} does not exist.").format(path=folder))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            self._report(self.tr("No application here opens folders, so {path} cannot be "
                                 "shown.").format(path=folder))

    def _copy_magnet(self) -> None:
        links = []
        for torrent_id in self.selected_ids():
            try:
                links.append(self.engine.magnet_uri(torrent_id))
            except BttError as exc:
                self._report(self.tr("Cannot copy the magnet link of {name}: {reason}").format(
                    name=self.name_of(torrent_id), reason=exc))
        if links:
            QGuiApplication.clipboard().setText("\n".join(links))
            self._note(self.tr("Magnet link copied"), 5000)

    def _limits(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return

        async def ask() -> None:
            first = self.model.snapshot(ids[0])
            names = [s.name for t in ids if (s := self.model.snapshot(t)) is not None]
            dialog = LimitsDialog(names or ids, first.download_limit if first else 0,
                                  first.upload_limit if first else 0, self)
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            for torrent_id in ids:
                await self.engine.set_limits(torrent_id, download=dialog.download_limit(),
                                             upload=dialog.upload_limit())
        self.tasks.run(ask(), failing=self.tr("Cannot set the speed limits"))

    def _set_sequential(self, on: bool) -> None:
        async def apply(ids: list[str]) -> None:
            for torrent_id in ids:
                await self.engine.set_sequential(torrent_id, on)
        ids = self.selected_ids()
        if ids:
            self.tasks.run(apply(ids), failing=self.tr("Cannot change the download order"))

    def _add_peers(self) -> None:
        torrent_id = self.current_id()
        if torrent_id:
            self.tasks.run(ask_add_peers(self, self.engine, torrent_id),
                           failing=self.tr("Cannot add the peers"))

    # --- menus and view --------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The list's context menu at ``pos`` (viewport coordinates), when a row is
        selected."""
        if not self.selected_ids():
            return None
        a = self.actions_
        ids = self.selected_ids()
        menu = QMenu(self)
        menu.aboutToHide.connect(menu.deleteLater)
        self.labels.update_super_seeding(ids)
        for action in (a.resume, a.pause, None, a.remove, None, a.move, a.recheck, None,
                       "labels", None, a.open_folder, a.copy_magnet, self.labels.export,
                       None, a.queue_up, a.queue_down, None, a.limits, a.sequential,
                       self.labels.super_seeding, None, a.add_peers, a.reannounce):
            if action is None:
                menu.addSeparator()
            elif action == "labels":
                self.labels.add_to_menu(menu, ids)
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column in Column:
            if column == Column.NAME:
                continue
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(
                lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.popup(header.mapToGlobal(pos))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        if shown:
            self.details.refresh_now()

    def stop(self) -> None:
        self.details.stop()
