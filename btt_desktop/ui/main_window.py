"""The main window: torrent list with status filters and search, details, actions.

Sections other than the torrents (the wallet, Speed) are added with
:meth:`MainWindow.add_section`; the section switcher appears once there are two.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QWidget,
)

from btt_desktop import APP_NAME, __version__
from btt_desktop.engine.types import AddParams, SessionTotals, TorrentMeta, TorrentSnapshot
from btt_desktop.errors import BttError
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.ui.actions import WindowActions
from btt_desktop.ui.add_dialog import AddTorrentDialog
from btt_desktop.ui.add_peers_dialog import ask_add_peers, show_banned_peers
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.create_dialog import CreateTorrentDialog
from btt_desktop.ui.details.details_panel import DetailsPanel
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.file_pickers import choose_directory, choose_files
from btt_desktop.ui.formatting import format_rate
from btt_desktop.ui.free_space import free_bytes
from btt_desktop.ui.icons import app_icon, icon
from btt_desktop.ui.limits_dialog import LimitsDialog
from btt_desktop.ui.links_dialog import AddLinksDialog
from btt_desktop.ui.remove_dialog import RemoveDialog
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.sidebar import StatusSidebar
from btt_desktop.ui.status_bar import StatusBar
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.theme import controller as theme_controller
from btt_desktop.ui.theme import parse_theme
from btt_desktop.ui.torrent_download import download_torrent
from btt_desktop.ui.torrent_filter import TorrentFilterProxy
from btt_desktop.ui.torrent_model import TORRENT_ID_ROLE, Column, TorrentTableModel
from btt_desktop.ui.torrent_sources import (
    SourceKind,
    TorrentSource,
    classify_all,
    mime_has_sources,
    sources_from_mime,
)
from btt_desktop.ui.torrent_view import make_torrent_view
from btt_desktop.ui.tray import TrayIcon, tray_available

log = logging.getLogger(__name__)

FREE_SPACE_MS = 15_000


class MainWindow(QMainWindow):
    quit_requested = Signal()
    app_settings_changed = Signal(object)  # AppSettings, after the user changed them

    def __init__(self, engine: EngineApi, bridge: EventBridge, store: SettingsStore,
                 settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.bridge = bridge
        self.store = store
        self.settings = settings
        self.tasks = TaskRunner(self.show_error)
        self.errors: list[str] = []           # every line shown to the user (for the log)
        # sections' settings pages: each adds its page to the dialog and returns what
        # applies it once the dialog is accepted
        self.settings_hooks: list[Callable[[SettingsDialog], Callable[[], Awaitable[None]]]] = []
        self._quitting = False
        self._may_close = False
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(_first_size(self))

        self.actions_ = WindowActions(self)
        self.model = TorrentTableModel(self)
        self.proxy = TorrentFilterProxy(self.model, self)

        self.view = self._make_view()
        self.sidebar = StatusSidebar(self.model)
        self.sidebar.group_selected.connect(self.proxy.set_group)
        self.details = DetailsPanel(engine, self.tasks.run)

        self.list_splitter = QSplitter(Qt.Orientation.Vertical)
        self.list_splitter.setObjectName("list_splitter")
        self.list_splitter.addWidget(self.view)
        self.list_splitter.addWidget(self.details)
        self.list_splitter.setStretchFactor(0, 3)
        self.list_splitter.setStretchFactor(1, 2)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.list_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([180, 1000])

        self.sections = QStackedWidget()
        self.sections.setObjectName("sections")
        self.setCentralWidget(self.sections)
        self._section_bar = QToolBar(self.tr("Sections"))
        self._section_bar.setObjectName("section_bar")
        self._section_bar.setMovable(False)
        self._section_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._section_group = QActionGroup(self)
        self._section_actions: dict[str, QAction] = {}
        self.add_section("torrents", self.tr("Torrents"), icon("filter-all"), self.main_splitter)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Filter torrent names…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self.proxy.set_search_text)

        self.toolbar = self._make_toolbar()
        # one row: the section switcher (shown once there are two), then the torrent tools
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._section_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._section_bar.setVisible(len(self._section_actions) > 1)
        self.sections.currentChanged.connect(lambda _i: self._update_toolbar())
        self.status = StatusBar(self.actions_.alt_speed)
        self.setStatusBar(self.status)
        self.status.set_limits(settings.engine)
        self.actions_.alt_speed.setChecked(settings.engine.alt_limits_enabled)
        self._make_menus()
        self._connect_actions()

        self.tray: TrayIcon | None = None
        if tray_available():
            a = self.actions_
            self.tray = TrayIcon(self, [a.add_file, a.add_links, None, a.resume_all,
                                        a.pause_all, a.alt_speed, None, a.quit])
            self.tray.show()

        bridge.torrents_added.connect(self.model.apply)
        bridge.torrents_updated.connect(self.model.apply)
        bridge.torrent_removed.connect(self._on_removed)
        bridge.torrent_finished.connect(self._on_finished)
        bridge.torrent_errored.connect(lambda _tid, message: self.show_error(message))
        bridge.engine_message.connect(self._on_engine_message)
        bridge.session_stats.connect(self._on_stats)

        self._free_timer = QTimer(self)
        self._free_timer.setInterval(FREE_SPACE_MS)
        self._free_timer.timeout.connect(self._measure_free_space)
        self._free_timer.start()
        self._measure_free_space()
        self._restore_layout()
        self._selection_changed()

    # --- sections --------------------------------------------------------------------

    def add_section(self, key: str, title: str, section_icon: QIcon, widget: QWidget) -> None:
        """Add a top-level section (e.g. the wallet) beside the torrents."""
        self.sections.addWidget(widget)
        action = QAction(section_icon, title, self)
        action.setCheckable(True)
        action.triggered.connect(lambda _c=False, w=widget: self.sections.setCurrentWidget(w))
        self._section_group.addAction(action)
        self._section_bar.addAction(action)
        self._section_actions[key] = action
        if len(self._section_actions) == 1:
            action.setChecked(True)
        if hasattr(self, "toolbar"):
            self._section_bar.setVisible(len(self._section_actions) > 1)

    def add_tool(self, action: QAction) -> None:
        """Another command in the toolbar and the Tools menu (before Settings)."""
        self.toolbar.insertAction(self.actions_.settings, action)
        self._tools_menu.insertAction(self.actions_.settings, action)

    def add_help(self, action: QAction) -> None:
        """Another entry of the Help menu (before About)."""
        self._help_menu.insertAction(self.actions_.about, action)

    def section_keys(self) -> list[str]:
        """The sections' keys, in the switcher's order."""
        return list(self._section_actions)

    def show_section(self, key: str) -> None:
        self._section_actions[key].trigger()

    # --- building --------------------------------------------------------------------

    def _make_view(self) -> QTableView:
        view = make_torrent_view(self.proxy)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._list_context_menu)
        view.doubleClicked.connect(lambda _index: self._open_folder())
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        view.selectionModel().selectionChanged.connect(self._on_selection_signal)
        view.selectionModel().currentRowChanged.connect(self._on_selection_signal)
        return view

    def _make_toolbar(self) -> QToolBar:
        a = self.actions_
        bar = QToolBar(self.tr("Toolbar"))
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in (a.add_file, a.add_links, a.create, None, a.resume, a.pause, a.remove,
                       None, a.queue_up, a.queue_down, None, a.alt_speed, a.settings):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search)
        a.show_toolbar.toggled.connect(lambda _shown: self._update_toolbar())
        return bar

    def _update_toolbar(self) -> None:
        """The torrent tools show with the torrents (and when the user wants a toolbar)."""
        torrents = self.sections.currentWidget() is self.main_splitter
        self.toolbar.setVisible(torrents and self.actions_.show_toolbar.isChecked())

    def _make_menus(self) -> None:
        a = self.actions_
        menus: list[tuple[str, Sequence[QAction | None]]] = [
            (self.tr("&File"), [a.add_file, a.add_links, None, a.create, None, a.quit]),
            (self.tr("&Torrent"), [a.resume, a.pause, None, a.resume_all, a.pause_all, None,
                                   a.remove, a.remove_with_files, None, a.recheck, a.move,
                                   a.open_folder, a.copy_magnet, None, a.queue_up,
                                   a.queue_down, None, a.limits, a.sequential, None,
                                   a.add_peers, a.reannounce]),
            (self.tr("&View"), [a.find, None, a.show_toolbar, a.show_details]),
            (self.tr("T&ools"), [a.alt_speed, a.banned_peers, None, a.settings]),
            (self.tr("&Help"), [a.about]),
        ]
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            if a.settings in actions:
                self._tools_menu = menu
            if a.about in actions:
                self._help_menu = menu
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def _connect_actions(self) -> None:
        a = self.actions_
        a.add_file.triggered.connect(self._add_file)
        a.add_links.triggered.connect(self._add_links)
        a.create.triggered.connect(self._create_torrent)
        a.quit.triggered.connect(self.request_quit)
        a.resume.triggered.connect(lambda: self._on_selected(self.engine.resume))
        a.pause.triggered.connect(lambda: self._on_selected(self.engine.pause))
        a.resume_all.triggered.connect(
            lambda: self.tasks.run(self.engine.resume(self.model.torrent_ids())))
        a.pause_all.triggered.connect(
            lambda: self.tasks.run(self.engine.pause(self.model.torrent_ids())))
        a.remove.triggered.connect(lambda: self._remove(delete_files=False))
        a.remove_with_files.triggered.connect(lambda: self._remove(delete_files=True))
        a.recheck.triggered.connect(lambda: self._on_selected(self.engine.force_recheck))
        a.move.triggered.connect(self._move_storage)
        a.open_folder.triggered.connect(self._open_folder)
        a.copy_magnet.triggered.connect(self._copy_magnet)
        a.queue_up.triggered.connect(lambda: self._on_selected(self.engine.queue_up))
        a.queue_down.triggered.connect(lambda: self._on_selected(self.engine.queue_down))
        a.limits.triggered.connect(self._limits)
        a.sequential.triggered.connect(self._set_sequential)
        a.add_peers.triggered.connect(
            lambda: (tid := self.current_id()) and self.tasks.run(
                ask_add_peers(self, self.engine, tid)))
        a.reannounce.triggered.connect(lambda: self._on_selected(self.engine.force_reannounce))
        a.banned_peers.triggered.connect(
            lambda: self.tasks.run(show_banned_peers(self, self.engine, self.tasks.run)))
        a.find.triggered.connect(self._focus_search)
        a.show_details.toggled.connect(self._show_details)
        a.alt_speed.triggered.connect(self._toggle_alt_speed)
        a.settings.triggered.connect(self._open_settings)
        a.about.triggered.connect(self._about)

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

    # --- engine events ---------------------------------------------------------------

    def load_snapshots(self, snapshots: Sequence[TorrentSnapshot]) -> None:
        """Show torrents the engine already holds (those restored before the window)."""
        self.model.apply(snapshots)

    def _on_removed(self, torrent_id: str) -> None:
        self.model.remove([torrent_id])

    def _on_finished(self, _torrent_id: str, name: str) -> None:
        if not self.settings.app.notify_on_finish:
            return
        title = self.tr("Download finished")
        if self.tray is not None and self.tray.isVisible():
            self.tray.notify(title, name)
        self.status.showMessage(self.tr("Finished: {name}").format(name=name), 10_000)

    def _on_engine_message(self, level: str, text: str) -> None:
        if level == "error":
            self.show_error(text)
            # the status bar line is gone in seconds: a notification stays in view
            if self.tray is not None and self.tray.isVisible():
                self.tray.notify(QCoreApplication.applicationName(), text)
        else:
            self.status.showMessage(text, 10_000)

    def _on_stats(self, totals: SessionTotals) -> None:
        self.status.update_totals(totals)
        if totals.download_rate or totals.upload_rate:
            self.setWindowTitle(self.tr("[D: {down}, U: {up}] {app}").format(
                down=format_rate(totals.download_rate), up=format_rate(totals.upload_rate),
                app=APP_NAME))
        else:
            self.setWindowTitle(APP_NAME)
        if self.tray is not None:
            self.tray.update_totals(totals)

    def show_error(self, line: str) -> None:
        """One line in the status bar: how every error reaches the user."""
        self.errors.append(line)
        del self.errors[:-100]
        log.info("shown to the user: %s", line)
        self.status.show_error(line)

    # --- adding ----------------------------------------------------------------------

    def add_items(self, items: Sequence[str], base_dir: str | None = None) -> None:
        """Paths, magnets and URLs from the command line or another launch."""
        sources, errors = classify_all(items, base_dir)
        for line in errors:
            self.show_error(line)
        self.add_sources(sources)

    def add_sources(self, sources: Sequence[TorrentSource]) -> None:
        for source in sources:
            self.tasks.run(self.add_source(source))

    async def add_source(self, source: TorrentSource) -> str | None:
        """Show the add dialog for one source; returns the new torrent id, or None."""
        dialog = await self.prepare_add_dialog(source)
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            return await self.add_from_dialog(dialog)
        finally:
            dialog.deleteLater()

    async def prepare_add_dialog(self, source: TorrentSource) -> AddTorrentDialog:
        """Read the torrent (download it for a URL) and build its add dialog."""
        app = self.settings.app
        meta: TorrentMeta | None = None
        data: bytes | None = None
        if source.kind is SourceKind.URL:
            self.status.showMessage(self.tr("Downloading {url}…").format(url=source.label))
            fetched = await download_torrent(source.value)
            self.status.clearMessage()
            if isinstance(fetched, str):
                source = TorrentSource(SourceKind.MAGNET, fetched)
            else:
                data = fetched
                meta = await self.engine.inspect(AddParams(save_path=app.default_save_path,
                                                           torrent_data=data))
        elif source.kind is SourceKind.FILE:
            meta = await self.engine.inspect(AddParams(save_path=app.default_save_path,
                                                       torrent_path=source.value))
        dialog = AddTorrentDialog(
            self.engine, source, save_path=app.default_save_path,
            start_paused=app.start_paused, sequential=app.sequential_by_default,
            meta=meta, torrent_data=data, parent=self)
        return dialog

    async def add_from_dialog(self, dialog: AddTorrentDialog) -> str:
        params = dialog.params()
        torrent_id = await self.engine.add(params)
        if params.save_path != self.settings.app.default_save_path:
            await self.update_settings(dataclasses.replace(
                self.settings, app=dataclasses.replace(
                    self.settings.app, default_save_path=params.save_path)))
        return torrent_id

    def _add_file(self) -> None:
        async def pick() -> None:
            paths = await choose_files(self, self.tr("Add Torrent Files"),
                                       self.settings.app.default_save_path,
                                       self.tr("Torrent files (*.torrent);;All files (*)"))
            self.add_items(paths)
        self.tasks.run(pick())

    def _add_links(self) -> None:
        async def ask() -> None:
            dialog = AddLinksDialog(self)
            if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
                self.add_items(dialog.links())
        self.tasks.run(ask())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if mime_has_sources(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        try:
            sources = sources_from_mime(event.mimeData())
        except BttError as exc:
            self.show_error(str(exc))
            return
        if sources:
            event.acceptProposedAction()
            self.add_sources(sources)

    # --- torrent actions -------------------------------------------------------------

    def _on_selected(self, operation: Callable[[list[str]], Coroutine[Any, Any, None]]) -> None:
        ids = self.selected_ids()
        if ids:
            self.tasks.run(operation(ids))

    def _remove(self, *, delete_files: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.tasks.run(self.remove_torrents(ids, delete_files=delete_files))

    async def remove_torrents(self, ids: list[str], *, delete_files: bool) -> bool:
        delete = delete_files
        if self.settings.app.confirm_remove or delete_files:
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
            start = first.save_path if first else self.settings.app.default_save_path
            target = await choose_directory(self, self.tr("Move Storage To"), start)
            if not target:
                return
            for torrent_id in ids:
                await self.engine.move_storage(torrent_id, target)
            self.status.showMessage(self.tr("Moved to {path}").format(path=target), 10_000)
        self.tasks.run(move())

    def folder_of(self, torrent_id: str) -> str | None:
        snapshot = self.model.snapshot(torrent_id)
        if snapshot is None:
            return None
        inside = os.path.join(snapshot.save_path, snapshot.name)
        return inside if snapshot.name and os.path.isdir(inside) else snapshot.save_path

    def _open_folder(self) -> None:
        torrent_id = self.current_id()
        folder = self.folder_of(torrent_id) if torrent_id else None
        if folder is None:
            return
        if not os.path.isdir(folder):
            self.show_error(self.tr("The folder does not exist: {path}").format(path=folder))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(folder)):
            self.show_error(self.tr("No application opens folders here: {path}").format(
                path=folder))

    def _copy_magnet(self) -> None:
        links = []
        for torrent_id in self.selected_ids():
            try:
                links.append(self.engine.magnet_uri(torrent_id))
            except BttError as exc:
                self.show_error(str(exc))
        if links:
            QGuiApplication.clipboard().setText("\n".join(links))
            self.status.showMessage(self.tr("Magnet link copied"), 5000)

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
        self.tasks.run(ask())

    def _set_sequential(self, on: bool) -> None:
        async def apply(ids: list[str]) -> None:
            for torrent_id in ids:
                await self.engine.set_sequential(torrent_id, on)
        ids = self.selected_ids()
        if ids:
            self.tasks.run(apply(ids))

    def _create_torrent(self) -> None:
        dialog = CreateTorrentDialog(self.engine, self.settings.app.default_save_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _list_context_menu(self, pos: QPoint) -> None:
        if not self.selected_ids():
            return
        a = self.actions_
        menu = QMenu(self)
        for action in (a.resume, a.pause, None, a.remove, None, a.move, a.recheck, None,
                       a.open_folder, a.copy_magnet, None, a.queue_up, a.queue_down, None,
                       a.limits, a.sequential, None, a.add_peers, a.reannounce):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

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

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        if shown:
            self.details.refresh_now()

    # --- settings --------------------------------------------------------------------

    async def update_settings(self, settings: Settings) -> None:
        """Apply what changed, then persist ``settings`` (off the loop)."""
        old = self.settings
        self.settings = settings
        if settings.engine != old.engine:
            await self.engine.apply_settings(settings.engine)
        if settings.app.theme != old.app.theme:
            theme_controller().apply(parse_theme(settings.app.theme))
        self.status.set_limits(settings.engine)
        self.actions_.alt_speed.setChecked(settings.engine.alt_limits_enabled)
        await asyncio.to_thread(self.store.save, settings)
        if settings.app.default_save_path != old.app.default_save_path:
            self._measure_free_space()
        if settings.app != old.app:
            self.app_settings_changed.emit(settings.app)

    def _toggle_alt_speed(self, enabled: bool) -> None:
        engine = dataclasses.replace(self.settings.engine, alt_limits_enabled=enabled)
        self.tasks.run(self.update_settings(dataclasses.replace(self.settings, engine=engine)))

    def _open_settings(self) -> None:
        async def edit() -> None:
            dialog = SettingsDialog(self.settings, tray_available=self.tray is not None,
                                    parent=self)
            appliers = [hook(dialog) for hook in self.settings_hooks]
            if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
                await self.update_settings(dialog.settings())
                for apply in appliers:
                    await apply()
        self.tasks.run(edit())

    def _measure_free_space(self) -> None:
        async def measure() -> None:
            self.status.set_free_space(await free_bytes(self.settings.app.default_save_path))
        self.tasks.run(measure())

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About BTT Desktop"),
                          self.tr("{app} {version}\nA BitTorrent client with a TRON wallet.")
                          .format(app=APP_NAME, version=__version__),
                          QMessageBox.StandardButton.Ok, self)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- window layout and closing ---------------------------------------------------

    def _restore_layout(self) -> None:
        layout = self.settings.app.window_layout
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("list_header", self.view.horizontalHeader().restoreState),
            ("main_splitter", self.main_splitter.restoreState),
            ("list_splitter", self.list_splitter.restoreState),
        ):
            value = layout.get(key)
            if isinstance(value, str) and value:
                restore(QByteArray.fromBase64(value.encode()))
        details = layout.get("details_visible")
        if isinstance(details, bool):
            self.actions_.show_details.setChecked(details)
            self.details.setVisible(details)

    def layout_state(self) -> dict[str, int | bool | str]:
        def b64(data: QByteArray) -> str:
            return bytes(data.toBase64().data()).decode()
        return {
            "geometry": b64(self.saveGeometry()),
            "list_header": b64(self.view.horizontalHeader().saveState()),
            "main_splitter": b64(self.main_splitter.saveState()),
            "list_splitter": b64(self.list_splitter.saveState()),
            "details_visible": self.actions_.show_details.isChecked(),
        }

    def request_quit(self) -> None:
        if not self._quitting:
            self._quitting = True
            self.quit_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if (not self._quitting and self.settings.app.close_to_tray and self.tray is not None
                and self.tray.isVisible()):
            event.ignore()
            self.hide()
            return
        event.ignore()  # the app closes the window once the engine has shut down
        self.request_quit()

    async def shutdown(self) -> None:
        """Stop timers and tasks, save the window layout; the window can then close."""
        self._quitting = True
        self._free_timer.stop()
        self.details.stop()
        self.bridge.detach()
        await self.tasks.cancel_all()
        self.status.showMessage(self.tr("Saving resume data…"))
        app = dataclasses.replace(self.settings.app, window_layout=self.layout_state())
        self.settings = dataclasses.replace(self.settings, app=app)
        try:
            await asyncio.to_thread(self.store.save, self.settings)
        except BttError as exc:
            log.error("%s", exc)
        if self.tray is not None:
            self.tray.hide()
        self._may_close = True

    def bring_to_front(self) -> None:
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()


DEFAULT_SIZE = QSize(1180, 720)


def _first_size(window: QWidget) -> QSize:
    """The size of a first start: 1180x720, or what the screen has room for (a 1024x600
    netbook), before the saved geometry is restored."""
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    room = screen.availableGeometry().size()
    return DEFAULT_SIZE.boundedTo(QSize(room.width() - 40, room.height() - 60))
