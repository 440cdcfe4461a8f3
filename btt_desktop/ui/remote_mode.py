"""The window as a remote: File ▸ Connect to Daemon… and File ▸ Disconnect.

Connecting builds a :class:`RemoteEngine`, logs in and reads the daemon's list; only
then does the window switch: the list empties and fills with the daemon's torrents, the
window's engine calls go to the daemon (:class:`EngineSwitch`) and its torrent events
come from the daemon (:class:`WindowBus`). A refusal (wrong password, no daemon there)
leaves the window as it was. Disconnecting switches back to the local engine, which ran
all along. The title and the status bar say which one the window drives.

BTT Speed and the wallet stay on this computer: they work with the local engine and its
torrents, so while a daemon is driven the Speed controls (and the alternative-limits
switch, a setting of this computer) are disabled, with a tooltip saying why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from btt_desktop.events import EventBus
from btt_desktop.remote.client import DaemonAddress, WebApiClient
from btt_desktop.remote.credentials import DaemonLogin, DaemonLogins
from btt_desktop.remote.engine import RemoteEngine
from btt_desktop.remote.switch import EngineSwitch, WindowBus
from btt_desktop.ui.connect_dialog import ConnectDialog
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.message_bar import Level
from btt_desktop.ui.tasks import run_dialog

log = logging.getLogger(__name__)

STATUS_MS = 1000


class RemoteMode(QObject):
    """``window.remote``: the Connect and Disconnect actions and the switch between the
    local engine and a daemon."""

    changed = Signal(str)    # "host:port" of the daemon now driven, "" for the local engine

    def __init__(self, window: QWidget, switch: EngineSwitch, bus: WindowBus,
                 logins: DaemonLogins, *, interval: float | None = None) -> None:
        from btt_desktop.ui.main_window import MainWindow

        super().__init__(window)
        assert isinstance(window, MainWindow)
        self.window = window
        self.switch = switch
        self.bus = bus
        self.logins = logins
        self.engine: RemoteEngine | None = None
        self._interval = interval
        self._local_only: list[tuple[QAction, str]] = []

        self.connect_action = QAction(self.tr("Connect to &Daemon…"), self)
        self.connect_action.setObjectName("connect_daemon")
        self.connect_action.setToolTip(self.tr("Drive the torrents of a BTT daemon"))
        self.connect_action.triggered.connect(self.ask)
        self.disconnect_action = QAction(self.tr("&Disconnect"), self)
        self.disconnect_action.setObjectName("disconnect_daemon")
        self.disconnect_action.setToolTip(self.tr("Back to this computer's torrents"))
        self.disconnect_action.setEnabled(False)
        self.disconnect_action.triggered.connect(
            lambda: window.tasks.run(self.disconnect_daemon(),
                                     failing=self.tr("Cannot disconnect")))
        window.add_file_actions([self.connect_action, self.disconnect_action])

        self.label = QLabel()
        self.label.setObjectName("remote_status")
        self.label.hide()
        window.status.insertPermanentWidget(0, self.label)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_MS)
        self._timer.timeout.connect(self._show_state)

    @property
    def label_text(self) -> str:
        return self.label.text()

    def local_only(self, action: QAction, why: str) -> None:
        """Disable ``action`` while a daemon is driven, with ``why`` as its tooltip."""
        self._local_only.append((action, why))
        if self.engine is not None:
            self._apply_local_only(True)

    # --- connecting -----------------------------------------------------------------

    def ask(self) -> None:
        self.window.tasks.run(self.ask_and_connect(),
                              failing=self.tr("Cannot connect to the daemon"))

    async def ask_and_connect(self) -> bool:
        """The connect dialog; True once connected."""
        last = await self.logins.last()
        status = await self.logins.status()
        dialog = ConnectDialog(last, keyring_problem=None if status.available else (
            status.reason or ""), parent=self.window)
        dialog.submit = self.connect_daemon
        try:
            return bool(await run_dialog(dialog) == ConnectDialog.DialogCode.Accepted)
        finally:
            dialog.deleteLater()

    async def connect_daemon(self, login: DaemonLogin) -> None:
        """Log in to the daemon and drive it; a :class:`RemoteError` (one line) leaves
        the window as it was."""
        address = DaemonAddress.parse(login.address)
        login = DaemonLogin(address.url, login.username, login.password, login.remember)
        client = WebApiClient(address, login.username, login.password)
        options = {} if self._interval is None else {"interval": self._interval}
        engine = RemoteEngine(client, EventBus(), **options)
        try:
            await engine.start()
        except BaseException:
            await client.close()
            raise
        problem = await self.logins.save(login)
        old = self.engine
        self._use(engine)
        if old is not None:
            await old.close()
        if problem:
            self.window.tell(Level.WARNING, problem)

    async def disconnect_daemon(self) -> None:
        """Back to the local engine."""
        old = self.engine
        if old is None:
            return
        self._use(None)
        await old.close()

    async def close(self) -> None:
        """At shutdown: the daemon's session ends; the list is left as it is."""
        self._timer.stop()
        if self.engine is not None:
            engine, self.engine = self.engine, None
            self.switch.current = self.switch.local
            self.bus.follow(None)
            await engine.close()

    # --- switching ------------------------------------------------------------------

    def _use(self, engine: RemoteEngine | None) -> None:
        window = self.window
        model = window.model
        window.bridge.flush_added()   # rows of the engine left behind, then all go
        model.remove(model.torrent_ids())
        current: EngineApi = engine if engine is not None else self.switch.local
        self.engine = engine
        self.switch.current = current
        self.bus.follow(engine.bus if engine is not None else None)
        window.load_snapshots(list(current.snapshots()))
        remote = engine is not None
        self.disconnect_action.setEnabled(remote)
        self._apply_local_only(remote)
        window.status.free_space_label.setVisible(not remote)
        label = engine.label if engine is not None else ""
        window.set_connection(label)
        if remote:
            self._timer.start()
        else:
            self._timer.stop()
            window.actions_.alt_speed.setChecked(window.settings.engine.alt_limits_enabled)
        self._show_state()
        self.changed.emit(label)

    def _apply_local_only(self, remote: bool) -> None:
        for action, why in self._local_only:
            if remote:
                action.setProperty("local_tooltip", action.toolTip())
                action.setEnabled(False)
                action.setToolTip(why)
            else:
                action.setEnabled(True)
                tooltip = action.property("local_tooltip")
                if isinstance(tooltip, str):
                    action.setToolTip(tooltip)

    def _show_state(self) -> None:
        engine = self.engine
        if engine is None:
            self.label.hide()
            return
        if engine.reachable:
            self.label.setText(self.tr("Connected to {daemon}").format(daemon=engine.label))
        else:
            self.label.setText(self.tr("{daemon} unreachable, retrying…").format(
                daemon=engine.label))
        self.label.show()


def install_remote_mode(window: QWidget, switch: EngineSwitch, bus: WindowBus,
                        logins: DaemonLogins, *, interval: float | None = None,
                        on_change: Callable[[str], None] | None = None) -> RemoteMode:
    remote = RemoteMode(window, switch, bus, logins, interval=interval)
    if on_change is not None:
        remote.changed.connect(on_change)
    return remote
