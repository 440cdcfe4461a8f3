"""The main window: the sections (torrents, wallet...), the toolbar, the menus, the
message area, the status bar and the tray, and the way out (quit, close to tray).

The window is built in two steps so that it paints early: ``MainWindow(store, settings)``
is its frame (title, size, menus by name, the message area, an empty toolbar and status
bar), which imports neither the engine nor the panels and is painted before they are;
:meth:`MainWindow.attach` then builds everything that drives the engine.

What happens in the torrents section lives in :mod:`torrent_panel` (the list and the
actions on the selection), adding torrents in :mod:`add_flow`, settings in
:mod:`settings_flow`. Sections other than the torrents (the wallet, Speed) are added
with :meth:`MainWindow.add_section`; the section switcher appears once there are two.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QStatusBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from btt_desktop import APP_NAME
from btt_desktop.errors import BttError
from btt_desktop.ui.formatting import format_rate
from btt_desktop.ui.icons import app_icon
from btt_desktop.ui.message_bar import Level, MessageBar

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
    from PySide6.QtWidgets import QTableView

    from btt_desktop.engine.types import SessionTotals, TorrentSnapshot
    from btt_desktop.events import WatchOutcome
    from btt_desktop.proxy_password import ProxyPasswordStore
    from btt_desktop.settings_store import Settings, SettingsStore
    from btt_desktop.ui.actions import WindowActions
    from btt_desktop.ui.add_flow import AddFlow
    from btt_desktop.ui.bridge import EventBridge
    from btt_desktop.ui.details.details_panel import DetailsPanel
    from btt_desktop.ui.engine_api import EngineApi
    from btt_desktop.ui.help_menu import HelpMenu
    from btt_desktop.ui.quit_guard import QuitGuard
    from btt_desktop.ui.settings_flow import SettingsFlow, SettingsHook
    from btt_desktop.ui.sidebar import StatusSidebar
    from btt_desktop.ui.status_bar import StatusBar
    from btt_desktop.ui.tasks import TaskRunner
    from btt_desktop.ui.torrent_filter import TorrentFilterProxy
    from btt_desktop.ui.torrent_model import TorrentTableModel
    from btt_desktop.ui.torrent_panel import TorrentPanel
    from btt_desktop.ui.tray import TrayIcon

log = logging.getLogger(__name__)

FREE_SPACE_MS = 15_000


class MainWindow(QMainWindow):
    quit_requested = Signal()
    app_settings_changed = Signal(object)  # AppSettings, after the user changed them
    first_painted = Signal()  # once, when the window has been painted the first time
    filled = Signal()  # once, when it has been painted with its panels (after attach())

    # built by attach()
    engine: EngineApi
    bridge: EventBridge
    tasks: TaskRunner
    actions_: WindowActions
    settings_flow: SettingsFlow
    torrents: TorrentPanel
    add_flow: AddFlow
    model: TorrentTableModel
    proxy: TorrentFilterProxy
    view: QTableView
    sidebar: StatusSidebar
    details: DetailsPanel
    help: HelpMenu
    quit_guard: QuitGuard
    status: StatusBar

    def __init__(self, store: SettingsStore, settings: Settings,
                 parent: QWidget | None = None) -> None:
        """The frame: what paints before the engine and the panels are imported."""
        super().__init__(parent)
        self.connection = ""   # "host:port" of the daemon driven, "" for the local engine
        self.store = store
        self._settings = settings  # until the settings flow holds them (attach)
        self.attached = False
        self.errors: list[str] = []           # every error shown to the user (for the log)
        self._quitting = False
        self._may_close = False
        self.painted = False  # whether the window has been painted yet
        self.painted_filled = False  # ...and since attach(), with its panels
        self.installEventFilter(self)  # until the first paint
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(_first_size(self))
        self.tray: TrayIcon | None = None

        self.messages = MessageBar()
        self.sections = QStackedWidget()
        self.sections.setObjectName("sections")
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.messages)
        central_layout.addWidget(self.sections, 1)
        self.setCentralWidget(central)
        self._section_bar = QToolBar(self.tr("Sections"))
        self._section_bar.setObjectName("section_bar")
        self._section_bar.setMovable(False)
        self._section_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._section_bar.setVisible(False)
        self._section_group = QActionGroup(self)
        self._section_actions: dict[str, QAction] = {}
        self.toolbar = QToolBar(self.tr("Toolbar"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # one row: the section switcher (shown once there are two), then the torrent tools
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._section_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.setStatusBar(QStatusBar())
        self._file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._torrent_menu = self.menuBar().addMenu(self.tr("&Torrent"))
        self._view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._tools_menu = self.menuBar().addMenu(self.tr("T&ools"))
        self._help_stand_in: QMenu | None = self.menuBar().addMenu(
            QCoreApplication.translate("HelpMenu", "&Help"))
        geometry = settings.app.window_layout.get("geometry")
        if isinstance(geometry, str) and geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))

    def attach(self, engine: EngineApi, bridge: EventBridge, *,
               settings: Settings | None = None,
               proxy_passwords: ProxyPasswordStore | None = None,
               settings_engine: EngineApi | None = None) -> None:
        """Build what drives the engine: the torrents section, the toolbar's and menus'
        commands, settings, the status bar and the tray.

        ``engine`` is what the torrents section drives (the local engine, or a switch
        between it and a daemon); ``settings_engine`` the engine that the Settings dialog
        and the alternative limits apply to (by default ``engine``); ``settings``, when
        given, replace the frame's (the proxy password read from the keyring since)."""
        from btt_desktop.ui.actions import WindowActions
        from btt_desktop.ui.add_flow import AddFlow
        from btt_desktop.ui.help_menu import HelpMenu
        from btt_desktop.ui.icons import icon
        from btt_desktop.ui.quit_guard import QuitGuard
        from btt_desktop.ui.settings_flow import SettingsFlow
        from btt_desktop.ui.status_bar import StatusBar
        from btt_desktop.ui.tasks import TaskRunner
        from btt_desktop.ui.torrent_panel import TorrentPanel
        from btt_desktop.ui.tray import TrayIcon, tray_available

        if settings is not None:
            self._settings = settings
        settings = self._settings
        self.engine = engine
        self.bridge = bridge
        self.tasks = TaskRunner(self.show_error)
        self.actions_ = WindowActions(self)
        self.settings_flow = SettingsFlow(settings_engine or engine, self.store, settings,
                                          self.tasks,
                                          tray_available=lambda: self.tray is not None,
                                          parent=self, proxy_passwords=proxy_passwords)
        self.torrents = TorrentPanel(engine, bridge, self.actions_, self.tasks,
                                     report=self.show_error, note=self._note,
                                     app_settings=lambda: self.settings.app)
        self.add_flow = AddFlow(engine, self.settings_flow, self.tasks, tell=self.tell,
                                note=self._note, select=self.torrents.select_torrent,
                                parent=self)
        # the torrents section's parts, as the sections and tests reach them
        self.model = self.torrents.model
        self.proxy = self.torrents.proxy
        self.view = self.torrents.view
        self.sidebar = self.torrents.sidebar
        self.details = self.torrents.details
        self.search = self.torrents.search
        self.main_splitter = self.torrents
        self.list_splitter = self.torrents.list_splitter
        self.add_section("torrents", self.tr("Torrents"), icon("filter-all"), self.torrents)

        self._fill_toolbar()
        self.sections.currentChanged.connect(lambda _i: self._update_toolbar())
        self.status = StatusBar(self.actions_.alt_speed)
        self.setStatusBar(self.status)
        self.status.set_limits(settings.engine)
        self.actions_.alt_speed.setChecked(settings.engine.alt_limits_enabled)
        self.help = HelpMenu(self.actions_, self)
        self._fill_menus()
        self._connect_actions()
        self.quit_guard = QuitGuard(self.settings_flow, self.model, self)

        if tray_available():
            a = self.actions_
            self.tray = TrayIcon(self, [a.add_file, a.add_links, None, a.resume_all,
                                        a.pause_all, a.alt_speed, None, a.quit])
            self.tray.show()

        bridge.torrent_finished.connect(self._on_finished)
        bridge.torrent_errored.connect(self._on_torrent_errored)
        bridge.engine_message.connect(self._on_engine_message)
        bridge.session_stats.connect(self._on_stats)
        bridge.alt_limits_changed.connect(self._on_alt_limits)
        bridge.watched_file.connect(self._on_watched_file)
        self.settings_flow.warning.connect(lambda line: self.tell(Level.WARNING, line))
        self.settings_flow.engine_changed.connect(self._engine_settings_changed)
        self.settings_flow.app_changed.connect(self._app_settings_changed)

        self._free_timer = QTimer(self)
        self._free_timer.setInterval(FREE_SPACE_MS)
        self._free_timer.timeout.connect(self._measure_free_space)
        self._free_timer.start()
        self._measure_free_space()
        self._restore_layout()
        self.attached = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notes the first paint, and the first with the panels (then stops watching)."""
        if watched is self and event.type() == QEvent.Type.Paint:
            if not self.painted:
                self.painted = True
                self.first_painted.emit()
            if self.attached and not self.painted_filled:
                self.painted_filled = True
                self.removeEventFilter(self)
                self.filled.emit()
        return False

    # --- what the sections and app.py reach ------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.settings_flow.settings if self.attached else self._settings

    @property
    def settings_hooks(self) -> list[SettingsHook]:
        """Sections' settings pages: each adds its page to the dialog and returns what
        applies it once the dialog is accepted."""
        return self.settings_flow.hooks

    async def update_settings(self, settings: Settings) -> None:
        await self.settings_flow.update(settings)

    def add_items(self, items: Sequence[str], base_dir: str | None = None) -> None:
        """Paths, magnets and URLs from the command line or another launch."""
        self.add_flow.add_items(items, base_dir)

    def load_snapshots(self, snapshots: Sequence[TorrentSnapshot]) -> None:
        """Show torrents the engine already holds (those restored before the window)."""
        self.torrents.load_snapshots(snapshots)

    def select_torrent(self, torrent_id: str) -> bool:
        return self.torrents.select_torrent(torrent_id)

    def selected_ids(self) -> list[str]:
        return self.torrents.selected_ids()

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
        self._section_bar.setVisible(len(self._section_actions) > 1)

    def add_tool(self, action: QAction) -> None:
        """Another command in the toolbar and the Tools menu (before Settings)."""
        self.toolbar.insertAction(self.actions_.settings, action)
        self._tools_menu.insertAction(self.actions_.settings, action)

    def add_file_actions(self, actions: Sequence[QAction]) -> None:
        """More commands in the File menu, before Quit."""
        quit_action = self.actions_.quit
        for action in actions:
            self._file_menu.insertAction(quit_action, action)
        self._file_menu.insertSeparator(quit_action)

    def set_connection(self, daemon: str) -> None:
        """Which engine the window drives: ``daemon`` ("host:port"), or "" for the
        local one; the title says so."""
        self.connection = daemon
        self.setWindowTitle(self._title())

    def _title(self) -> str:
        if not self.connection:
            return APP_NAME
        return self.tr("{app} – Connected to {daemon}").format(app=APP_NAME, daemon=self.connection)

    def add_help(self, action: QAction) -> None:
        """Another entry of the Help menu (before the licence and About)."""
        self.help.menu.insertAction(self.help.first_fixed, action)

    def section_keys(self) -> list[str]:
        """The sections' keys, in the switcher's order."""
        return list(self._section_actions)

    def show_section(self, key: str) -> None:
        self._section_actions[key].trigger()

    # --- building --------------------------------------------------------------------

    def _fill_toolbar(self) -> None:
        a = self.actions_
        bar = self.toolbar
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

    def _update_toolbar(self) -> None:
        """The torrent tools show with the torrents (and when the user wants a toolbar)."""
        torrents = self.sections.currentWidget() is self.torrents
        self.toolbar.setVisible(torrents and self.actions_.show_toolbar.isChecked())

    def _fill_menus(self) -> None:
        """The frame's menus get their commands; Help takes its stand-in's place."""
        a = self.actions_
        menus: list[tuple[QMenu, Sequence[QAction | None]]] = [
            (self._file_menu, [a.add_file, a.add_links, None, a.create, None, a.quit]),
            (self._torrent_menu, [a.resume, a.pause, None, a.resume_all, a.pause_all, None,
                                  a.remove, a.remove_with_files, None, a.recheck, a.move,
                                  a.open_folder, a.copy_magnet, None, a.queue_up,
                                  a.queue_down, None, a.limits, a.sequential, None,
                                  a.add_peers, a.reannounce]),
            (self._view_menu, [a.find, None, a.show_toolbar, a.show_details]),
            (self._tools_menu, [a.alt_speed, a.banned_peers, None, a.settings]),
        ]
        for menu, actions in menus:
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        stand_in = self._help_stand_in
        if stand_in is not None:
            self.menuBar().insertMenu(stand_in.menuAction(), self.help.menu)
            self.menuBar().removeAction(stand_in.menuAction())
            stand_in.deleteLater()
            self._help_stand_in = None

    def _connect_actions(self) -> None:
        a = self.actions_
        a.add_file.triggered.connect(self.add_flow.add_file)
        a.add_links.triggered.connect(self.add_flow.add_links)
        a.create.triggered.connect(self._create_torrent)
        a.quit.triggered.connect(self.request_quit)
        a.banned_peers.triggered.connect(self._show_banned_peers)
        a.alt_speed.triggered.connect(self.settings_flow.toggle_alt_speed)
        a.settings.triggered.connect(self.settings_flow.open)

    def _show_banned_peers(self) -> None:
        from btt_desktop.ui.add_peers_dialog import show_banned_peers

        self.tasks.run(show_banned_peers(self, self.engine, self.tasks.run))

    def _create_torrent(self) -> None:
        # the dialogs are imported when first opened: the window's start does without them
        from btt_desktop.ui.create_dialog import CreateTorrentDialog

        dialog = CreateTorrentDialog(self.engine, self.settings.app.default_save_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # --- messages --------------------------------------------------------------------

    def show_error(self, line: str) -> None:
        """An error, in the message area until dismissed: how every error reaches the
        user."""
        self.errors.append(line)
        del self.errors[:-100]
        log.info("shown to the user: %s", line)
        self.messages.show_message(Level.ERROR, line)

    def tell(self, level: Level, line: str) -> None:
        """A message of any level in the message area (an error also joins ``errors``)."""
        if level is Level.ERROR:
            self.show_error(line)
        else:
            log.info("shown to the user: %s", line)
            self.messages.show_message(level, line)

    def _note(self, line: str, ms: int) -> None:
        """A passing line in the status bar (``ms`` 0: until replaced)."""
        if line:
            self.status.showMessage(line, ms)
        else:
            self.status.clearMessage()

    # --- engine events ---------------------------------------------------------------

    def _on_finished(self, _torrent_id: str, name: str) -> None:
        if not self.settings.app.notify_on_finish:
            return
        title = self.tr("Download finished")
        if self.tray is not None and self.tray.isVisible():
            self.tray.notify(title, name)
        self.status.showMessage(self.tr("Finished: {name}").format(name=name), 10_000)

    def _on_torrent_errored(self, torrent_id: str, message: str) -> None:
        self.show_error(self.tr("{name} stopped: {reason}").format(
            name=self.torrents.name_of(torrent_id), reason=message))

    def _on_engine_message(self, level: str, text: str) -> None:
        if level == "error":
            self.show_error(text)
            if self.tray is not None and self.tray.isVisible():
                self.tray.notify(QCoreApplication.applicationName(), text)
        elif level == "warning":
            # e.g. the listen port was taken: it matters until the user acts on it
            self.tell(Level.WARNING, text)
            self.status.showMessage(text, 10_000)
        else:
            self.status.showMessage(text, 10_000)

    def _on_stats(self, totals: SessionTotals) -> None:
        self.status.update_totals(totals)
        if totals.download_rate or totals.upload_rate:
            self.setWindowTitle(self.tr("[D: {down}, U: {up}] {app}").format(
                down=format_rate(totals.download_rate), up=format_rate(totals.upload_rate),
                app=self._title()))
        else:
            self.setWindowTitle(self._title())
        if self.tray is not None:
            self.tray.update_totals(totals)

    def _on_alt_limits(self, enabled: bool) -> None:
        """The alternative limits switched (by hand or by the schedule): the turtle in
        the toolbar, the menu, the tray and the status bar follow."""
        self.settings_flow.follow_alt_limits(enabled)
        self.actions_.alt_speed.setChecked(enabled)
        self.status.set_limits(self.settings.engine)
        if self.settings.engine.alt_schedule_enabled:
            self.status.showMessage(
                self.tr("Alternative speed limits on") if enabled else
                self.tr("Alternative speed limits off"), 10_000)

    def _on_watched_file(self, path: str, outcome: WatchOutcome, text: str) -> None:
        from btt_desktop.events import WatchOutcome

        name = PurePath(path).name
        if outcome is WatchOutcome.REFUSED:
            self.show_error(self.tr("A file in the watched folder was refused: {name}: "
                                    "{reason}").format(name=name, reason=text))
        elif outcome is WatchOutcome.ADDED:
            self.status.showMessage(
                self.tr("Added from the watched folder: {name}").format(name=name), 10_000)
        else:
            self.status.showMessage(self.tr(
                "Already in the list (from the watched folder): {name}").format(name=name),
                10_000)

    def _engine_settings_changed(self, engine: object) -> None:
        self.status.set_limits(self.settings.engine)
        self.actions_.alt_speed.setChecked(self.settings.engine.alt_limits_enabled)

    def _app_settings_changed(self, app: object) -> None:
        self._measure_free_space()
        self.app_settings_changed.emit(app)

    def _measure_free_space(self) -> None:
        from btt_desktop.ui.free_space import free_bytes

        async def measure() -> None:
            self.status.set_free_space(await free_bytes(self.settings.app.default_save_path))
        self.tasks.run(measure())

    # --- drag and drop ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from btt_desktop.ui.torrent_sources import mime_has_sources

        if self.attached and mime_has_sources(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from btt_desktop.ui.torrent_sources import sources_from_mime

        try:
            sources = sources_from_mime(event.mimeData())
        except BttError as exc:
            self.show_error(str(exc))
            return
        if sources:
            event.acceptProposedAction()
            self.add_flow.add_sources(sources)

    # --- window layout and closing ---------------------------------------------------

    def _restore_layout(self) -> None:
        """The list's columns, the splitters and the details (the frame restored the
        window's geometry)."""
        layout = self.settings.app.window_layout
        for key, restore in (
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
        """Quit, after asking when torrents are active (see :class:`QuitGuard`)."""
        if not self._quitting:
            if self.attached:
                self.quit_guard.ask_then(self.quit_now)
            else:  # nothing runs yet that could be asked about
                self.quit_now()

    @property
    def quit_asked(self) -> bool:
        """Whether quitting was asked for (it may be under way)."""
        return self._quitting

    def quit_now(self) -> None:
        """Quit without asking (SIGTERM, the session ending)."""
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
        if not self.attached:  # only the frame: nothing runs, nothing to keep
            self._may_close = True
            return
        self._free_timer.stop()
        self.torrents.stop()
        self.bridge.detach()
        await self.tasks.cancel_all()
        self.status.showMessage(self.tr("Saving resume data…"))
        import asyncio  # not at the top: the frame paints before asyncio is imported

        settings = self.settings_flow.keep_layout(self.layout_state())
        try:
            await asyncio.to_thread(self.store.save, settings)
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
