"""The window app: the engine, the window's panels, the wallet and Speed, built and
started in the real order (:func:`build_window_app`) and shut down in the real order
(:meth:`RunningWindow.close`). ``app.main`` runs it on a launched window's frame; the
tests' rigs run it too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from btt_desktop import APP_NAME
from btt_desktop.errors import BttError, one_line
from btt_desktop.profile import Profile
from btt_desktop.settings_store import SettingsStore
from btt_desktop.ui.window_frame import PAINT_LIMIT, WindowFrame, open_frame

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus
    from btt_desktop.proxy_password import ProxyPasswordStore
    from btt_desktop.remote.switch import EngineSwitch, WindowBus
    from btt_desktop.settings_store import AppSettings, Settings
    from btt_desktop.ui.main_window import MainWindow
    from btt_desktop.ui.remote_mode import RemoteMode
    from btt_desktop.ui.single_instance import InstanceServer
    from btt_desktop.ui.speed import SpeedParts
    from btt_desktop.ui.wallet import WalletPane
    from btt_desktop.wallet.chain import ChainClient
    from btt_desktop.wallet.keyring_store import KeyringStore
    from btt_desktop.wallet.keystore import ScryptParams
    from btt_desktop.wallet.networks import Network, NetworkChoice
    from btt_desktop.wallet.service import WalletService
    from btt_desktop.watched_folder import WatchedFolder, WatchSettings

log = logging.getLogger("btt_desktop.app")


@dataclass
class RunningWindow:
    """The window app as :func:`build_window_app` started it."""

    profile: Profile
    store: SettingsStore
    bus: EventBus
    engine: Engine
    window: MainWindow
    translators: object = None
    watched: WatchedFolder | None = None
    wallet: WalletService | None = None
    wallet_pane: WalletPane | None = None
    speed: SpeedParts | None = None
    # Speed's service starts once the wallet is unlocked (at once when it already is)
    speed_start: asyncio.Task[None] | None = None
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    # the window as a remote of a daemon (File ▸ Connect to Daemon…)
    switch: EngineSwitch | None = None
    window_bus: WindowBus | None = None
    remote: RemoteMode | None = None

    async def close(self) -> None:
        """The real shutdown order: the sections (Speed first: it pays what it owes with
        the wallet's key), the window (timers, tasks, layout saved), the engine (resume
        data saved), then the window closes."""
        for close_section in self.closers:
            try:
                await close_section()
            except Exception:  # one section failing to close must not keep others open
                log.exception("closing a section")
        await self.window.shutdown()
        if self.window_bus is not None:
            self.window_bus.close()
        try:
            await self.engine.close()
        except BttError as exc:
            log.error("closing the engine: %s", exc)
        self.window.close()


@dataclass(frozen=True)
class WalletOptions:
    """How the wallet section is built. Tests pass a cheap key derivation, a keyring that
    remembers nothing, a fast chain client and a devnet; ``prepare`` runs on the opened
    service before the section starts (restoring a key, say)."""

    kdf: ScryptParams | None = None
    keyring: KeyringStore | None = None
    chain_factory: Callable[[Network], ChainClient] | None = None
    network: NetworkChoice | None = None
    prepare: Callable[[WalletService], Awaitable[None]] | None = None


async def build_window_app(
    profile: Profile, *,
    frame: WindowFrame | None = None,
    settings: Settings | None = None,
    errors: Sequence[str] = (),
    status_interval: float | None = None,
    wallet: WalletOptions | None = WalletOptions(),
    speed: bool = True,
    appearance: bool = True,
    on_window: Callable[[MainWindow], None] | None = None,
    proxy_keyring: KeyringBackend | None = None,
    remote_keyring: KeyringBackend | None = None,
    remote_interval: float | None = None,
) -> RunningWindow:
    """Build and start the window with its engine, wallet and Speed, in the order of a
    real start; ``await running.close()`` shuts it down in the real order.

    1. the window's frame: ``frame`` when the launch already painted it (see
       :mod:`ui.window_frame`), else the settings (read off the loop, unless given: a
       test's), the language and theme and the frame built here;
    2. the proxy password from the OS keyring (when the proxy has a user name);
    3. the event bus, the engine (not started) and the bridge; the window's panels are
       attached to them; ``on_window`` sees the window now, before anything can go
       wrong; the window shows, with any notice of the settings file and ``errors``;
    4. the engine starts; when it cannot, the window says why, waits for the user, shuts
       down and closes, and the :class:`BttError` is raised;
    5. the torrents the engine restored fill the list; the watched folder starts;
    6. the wallet section (``wallet=None``: none) and Speed (``speed``) are added.

    The window drives the engine through an ``EngineSwitch`` and listens to a
    ``WindowBus``, so File ▸ Connect to Daemon… can put a daemon in the engine's place
    (``running.remote``, ``ui/remote_mode.py``); Settings and the alternative limits
    always apply to the local engine.

    ``status_interval`` (seconds between the engine's status batches),
    ``proxy_keyring`` and ``remote_keyring`` (keyring backends instead of the OS's) and
    ``remote_interval`` (seconds between polls of a daemon) are tests' knobs.
    """
    if frame is None:
        if settings is None:
            settings = await asyncio.to_thread(SettingsStore(profile.settings_file).load)
        frame = open_frame(profile, settings, appearance=appearance)
    window, store, settings, translators = (frame.window, frame.store, frame.settings,
                                            frame.translators)
    # a painted frame answers while the engine and the panels are imported
    await _import_off_loop(_PANEL_MODULES)
    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus
    from btt_desktop.proxy_password import ProxyPasswordStore
    from btt_desktop.remote.switch import EngineSwitch, WindowBus
    from btt_desktop.ui.bridge import EventBridge
    from btt_desktop.ui.message_bar import Level

    proxy_passwords = ProxyPasswordStore(profile.root, proxy_keyring)
    settings, keyring_problem = await _with_proxy_password(settings, proxy_passwords)
    bus = EventBus()
    engine = (Engine(profile, bus, settings.engine) if status_interval is None else
              Engine(profile, bus, settings.engine, status_interval=status_interval))
    window_bus = WindowBus(bus)
    switch = EngineSwitch(engine)
    bridge = EventBridge(window_bus)
    window.attach(switch, bridge, settings=settings, proxy_passwords=proxy_passwords,
                  settings_engine=engine)
    if on_window is not None:
        on_window(window)
    window.show()
    if store.notice:
        window.show_error(store.notice)
    for line in errors:
        window.show_error(line)
    if keyring_problem:
        window.tell(Level.WARNING, keyring_problem)
    # what the window can show without (the remote client, the watched folder, the
    # wallet and Speed) is imported in a worker thread once the window has painted, so
    # that it paints first and answers meanwhile; its widgets are made here, on the
    # loop's thread
    await _first_paint(window)
    _keep_built()
    later = asyncio.ensure_future(_import_off_loop(_REMOTE_MODULES))
    try:
        await engine.start()
    except BttError as exc:
        await _settle(later)
        window.show_error(str(exc))
        await _tell_and_wait(window, str(exc))
        await window.shutdown()
        window.close()
        raise
    except BaseException:
        await _settle(later)
        raise
    window.load_snapshots(engine.snapshots())
    _keep_built()
    running = RunningWindow(profile, store, bus, engine, window, translators,
                            switch=switch, window_bus=window_bus)
    try:
        await later
    except BaseException:
        await _settle(later)
        await _close_started(running)
        raise
    from btt_desktop.remote.credentials import DaemonLogins
    from btt_desktop.ui.remote_mode import RemoteMode
    from btt_desktop.watched_folder import WatchedFolder

    remote = RemoteMode(window, switch, window_bus,
                        DaemonLogins(profile.root, remote_keyring), interval=remote_interval)
    running.remote = remote
    running.closers.append(remote.close)
    remote.local_only(window.actions_.alt_speed, _tr(
        "The alternative speed limits apply to this computer; set the daemon's on the "
        "daemon"))
    watched = WatchedFolder(engine, bus, watch_settings(settings.app))
    watched.start()
    running.watched = watched
    running.closers.append(watched.close)

    def follow_watch(app: object) -> None:
        new = watch_settings(window.settings.app)
        if new != watched.settings:
            window.tasks.run(watched.apply(new),
                             failing=_tr("Cannot watch the folder"))

    window.app_settings_changed.connect(follow_watch)
    if wallet is not None:
        await _install_sections(running, wallet, speed)
    return running


# modules imported in a worker thread after the first paint (modules only: their
# widgets are made on the loop's thread once they are imported)
# modules imported in a worker thread while the frame is on screen (then the panels are
# built from them on the loop's thread)
_PANEL_MODULES = ("btt_desktop.engine.engine", "btt_desktop.events", "btt_desktop.proxy_password",
                  "btt_desktop.remote.switch", "btt_desktop.ui.bridge",
                  "btt_desktop.ui.actions", "btt_desktop.ui.torrent_panel",
                  "btt_desktop.ui.add_flow", "btt_desktop.ui.settings_flow",
                  "btt_desktop.ui.help_menu", "btt_desktop.ui.quit_guard",
                  "btt_desktop.ui.status_bar", "btt_desktop.ui.tray")
_REMOTE_MODULES = ("btt_desktop.ui.remote_mode", "btt_desktop.remote.credentials",
                   "btt_desktop.watched_folder")
_SECTION_MODULES = ("btt_desktop.wallet.service", "btt_desktop.ui.wallet")
_SPEED_MODULES = ("btt_desktop.ui.speed",)


def _keep_built() -> None:
    """Move every object made so far (modules, widgets, the restored torrents) out of
    the garbage collector's reach: they live as long as the window, and each full
    collection walked them all again (20 to 75 ms a pass with 10,000 torrents, several
    times during a start). Later garbage is collected as usual."""
    import gc

    gc.freeze()


def _import_all(names: Sequence[str]) -> None:
    import importlib

    for name in names:
        importlib.import_module(name)


async def _import_off_loop(names: Sequence[str]) -> None:
    """Import ``names`` in a worker thread; the loop goes on meanwhile."""
    if all(name in sys.modules for name in names):
        return
    await asyncio.to_thread(_import_all, names)


async def _settle(task: asyncio.Future[None]) -> None:
    """Until ``task`` has ended, whatever its outcome (an import cannot be stopped)."""
    with contextlib.suppress(BaseException):
        await asyncio.shield(task)


async def _close_started(running: RunningWindow) -> None:
    try:
        await running.close()
    except Exception:
        log.exception("closing the window")


async def _first_paint(window: MainWindow) -> None:
    """Until ``window`` has been painted with its panels (at most ``PAINT_LIMIT``
    seconds: a window that is not on screen is not painted)."""
    if window.painted_filled or not window.isVisible():
        return
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def done() -> None:
        if not painted.done():
            painted.set_result(None)

    window.filled.connect(done)
    try:
        await asyncio.wait_for(painted, PAINT_LIMIT)
    except TimeoutError:
        log.debug("the window was not painted within %.1f s", PAINT_LIMIT)
    finally:
        window.filled.disconnect(done)


def watch_settings(app: AppSettings) -> WatchSettings:
    """What the watched folder does, from the window's settings (its save path "": the
    default save path)."""
    from btt_desktop.watched_folder import WatchSettings

    return WatchSettings(folder=app.watched_folder,
                         save_path=app.watched_save_path or app.default_save_path,
                         paused=app.watched_paused)


async def _with_proxy_password(settings: Settings, passwords: ProxyPasswordStore
                               ) -> tuple[Settings, str]:
    """``settings`` with the proxy password read from the OS keyring (only for a proxy
    with a user name), and a line for the user when a keyring was there but failed."""
    import dataclasses

    from btt_desktop.proxy_password import KeyringUnavailable, with_stored_password

    try:
        engine = await with_stored_password(settings.engine, passwords)
    except KeyringUnavailable as exc:
        status = await passwords.status()
        log.warning("the proxy password could not be read from the keyring: %s", exc)
        if not status.available:
            return settings, ""  # nothing could have been saved: the dialog says so
        return settings, _tr("The proxy password could not be read from the OS keyring: "
                             "{reason}").format(reason=str(exc))
    return dataclasses.replace(settings, engine=engine), ""


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("WindowApp", text)


async def _install_sections(running: RunningWindow, options: WalletOptions,
                            with_speed: bool) -> None:
    """Add the sections beside the torrents (the wallet, Speed) and their closers,
    Speed's first (it pays what it owes with the wallet's key before the wallet closes).

    A section that cannot start is reported in one line; the torrents still work.
    """
    window = running.window
    try:
        await _import_off_loop(_SECTION_MODULES)
        from btt_desktop.ui.wallet import install_wallet_section
        from btt_desktop.wallet.service import WalletService

        cheap: dict[str, Any] = {} if options.kdf is None else {"kdf": options.kdf}
        wallet = WalletService(running.profile, running.bus, keyring=options.keyring,
                               chain_factory=options.chain_factory, network=options.network,
                               **cheap)
        if options.prepare is not None:
            await wallet.open()
            await options.prepare(wallet)
        pane = install_wallet_section(window, wallet)
        running.wallet, running.wallet_pane = wallet, pane

        async def close_wallet() -> None:
            await pane.shutdown()
            await wallet.close()

        running.closers.append(close_wallet)
    except Exception as exc:
        log.exception("the wallet section could not start")
        window.show_error(_tr("The wallet could not start: {reason}").format(
            reason=one_line(exc)))
        return
    if not with_speed:
        return
    try:
        await _import_off_loop(_SPEED_MODULES)
        from btt_desktop.ui.speed import install_speed

        speed = install_speed(window, running.engine, running.bus, running.profile, wallet,
                              pane)
        running.speed = speed
        running.closers.insert(0, speed.controller.close)
        if running.remote is not None:
            running.remote.local_only(speed.menu, _tr(
                "BTT Speed runs on the daemon; this window drives only its torrents"))
        # the Speed service starts when the wallet unlocks (at once if it already is)
        running.speed_start = window.tasks.run(speed.controller.start())
    except Exception as exc:
        log.exception("Speed could not start")
        window.show_error(_tr("Speed could not start: {reason}").format(
            reason=one_line(exc)))


def accept_hand_offs(server: InstanceServer, window: MainWindow) -> None:
    """Torrents handed over by a later launch open in this window."""
    def received(cwd: str, args: list[str]) -> None:
        window.bring_to_front()
        window.add_items(args, cwd or None)
    server.deliver_to(received)


async def _tell_and_wait(parent: object, line: str) -> None:
    """A critical message box, awaited without a nested event loop."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    from btt_desktop.ui.tasks import run_dialog

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, line, QMessageBox.StandardButton.Ok,
                      parent if isinstance(parent, QWidget) else None)
    await run_dialog(box)
