"""The window's composition root: ``btt-desktop [--profile DIR] [TORRENT|MAGNET|URL ...]``.

Builds the profile, the settings, the event bus, the engine, one qasync loop and the main
window. A second launch on the same profile hands its arguments to the running window and
exits 0; when another process (``btt seed``, ``btt download``...) writes the profile, the
window does not start and says so in one line. Quitting closes the engine (resume data
saved) before the process ends. No traceback reaches the user: unexpected errors are
logged to the profile's log file and shown as one line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import logging.handlers
import os
import signal
import sys
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any

from btt_desktop import APP_ID, APP_NAME
from btt_desktop.errors import BttError, one_line
from btt_desktop.profile import Profile

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus
    from btt_desktop.proxy_password import ProxyPasswordStore
    from btt_desktop.remote.switch import EngineSwitch, WindowBus
    from btt_desktop.settings_store import AppSettings, Settings, SettingsStore
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

LOG_FILE = "btt-desktop.log"
# set to 1, the window prints "first-paint T" and "ready T" (T: time.monotonic()) on
# stderr when it is first painted and when its sections are in place (bench/window_start.py)
REPORT_ENV = "BTT_REPORT_FIRST_PAINT"


class _Version(argparse.Action):
    """``--version``, reading the version only when asked (see btt_desktop.__getattr__)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from btt_desktop import __version__

        print(f"btt-desktop {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="btt-desktop", description=f"{APP_NAME}: a BitTorrent client with a TRON wallet.")
    parser.add_argument("--profile", metavar="DIR", help="keep all state in DIR")
    parser.add_argument("--debug", action="store_true", help="log details to stderr")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show program's version number and exit")
    parser.add_argument("items", nargs="*", metavar="TORRENT",
                        help=".torrent file, magnet link or http(s) URL to add")
    return parser


def _setup_logging(profile: Profile, debug: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        file_handler: logging.Handler = logging.handlers.RotatingFileHandler(
            profile.root / LOG_FILE, maxBytes=2_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        file_handler = logging.NullHandler()
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(logging.Formatter("btt-desktop: %(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)


def main(argv: Sequence[str] | None = None) -> int:
    """The window's process (``argv`` None: ``sys.argv``, and the process ends as soon
    as the window has shut down: see :func:`_end_process`)."""
    args, qt_args = build_parser().parse_known_args(argv)
    try:
        profile = Profile.open(args.profile)
    except OSError as exc:
        print(f"btt-desktop: error: cannot use the profile folder: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    _setup_logging(profile, args.debug)

    # Qt is imported here, after --version/--help, so those work without a display
    from PySide6.QtWidgets import QApplication

    from btt_desktop.ui.single_instance import InstanceServer, hand_off
    from btt_desktop.ui.torrent_sources import classify_all

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # the version is set once the window has painted

    # hand our arguments to a running instance: files as absolute paths
    sources, errors = classify_all(args.items)
    for line in errors:
        print(f"btt-desktop: error: {line}", file=sys.stderr)
    items = [s.value for s in sources]
    if hand_off(profile.ipc_name, items):
        return 0
    try:
        profile.lock()  # the window writes the profile: no other process may meanwhile
    except BttError as exc:
        _refuse_to_start(str(exc))
        return 1
    server = InstanceServer(profile.ipc_name)
    if not server.listen():
        log.warning("single-instance hand-off is unavailable for this profile")

    from btt_desktop.ui.event_loop import make_event_loop

    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    runner = WindowApp(profile, items, errors, server)
    _install_error_hooks(loop, runner)
    try:
        code = loop.run_until_complete(runner.run())
    except KeyboardInterrupt:
        code = 130
    finally:
        server.close()
        loop.close()
    if argv is None:
        _end_process(code)
    return code


def _end_process(code: int) -> None:
    """End a launched window's process once it has shut down: the engine, the wallet and
    Speed are closed and everything is saved, so the interpreter's own teardown (about
    0.2 s of finalizing Qt's and the libraries' objects) is skipped. Logs and output are
    flushed first."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


class WindowApp:
    """One run of the event loop: the window app of :func:`build_window_app`, hand-offs
    from later launches, and the way out."""

    def __init__(self, profile: Profile, items: list[str], errors: list[str],
                 server: object) -> None:
        self.profile = profile
        self.items = items
        self.errors = errors
        self.server = server
        self.window: object | None = None

    def report(self, line: str) -> None:
        """Show one line to the user (the message area, or stderr before the window)."""
        from btt_desktop.ui.main_window import MainWindow

        if isinstance(self.window, MainWindow):
            self.window.show_error(line)
        else:
            print(f"btt-desktop: error: {line}", file=sys.stderr)

    async def run(self) -> int:
        from PySide6.QtWidgets import QApplication

        from btt_desktop.ui.single_instance import InstanceServer

        loop = asyncio.get_running_loop()
        quit_now: asyncio.Future[None] = loop.create_future()
        reporting = os.environ.get(REPORT_ENV) == "1"

        def request_quit() -> None:
            if not quit_now.done():
                quit_now.set_result(None)

        def window_built(window: MainWindow) -> None:
            self.window = window
            if reporting:
                window.first_painted.connect(lambda: _report("first-paint"))
            window.quit_requested.connect(request_quit)
            for sig in (signal.SIGINT, signal.SIGTERM):  # no question asked: quit now
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, window.quit_now)

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        try:
            running = await build_window_app(self.profile, errors=self.errors,
                                             on_window=window_built)
        except BttError:
            return 1  # the engine cannot start: said, and the window is closed
        from btt_desktop import __version__

        app.setApplicationVersion(__version__)
        if isinstance(self.server, InstanceServer):
            accept_hand_offs(self.server, running.window)
        running.window.add_items(self.items)
        if reporting:
            _report("ready")
        await quit_now
        await running.close()
        return 0


def _report(what: str) -> None:
    import time

    print(f"{what} {time.monotonic():.6f}", file=sys.stderr, flush=True)


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

    1. the settings (read off the loop, unless given: a test's), the language and theme;
       the proxy password from the OS keyring (when the proxy has a user name);
    2. the event bus, the engine (not started), the bridge and the window; ``on_window``
       sees the window now, before anything can go wrong;
    3. the window shows, with any notice of the settings file and ``errors``;
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
    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus
    from btt_desktop.proxy_password import ProxyPasswordStore
    from btt_desktop.remote.switch import EngineSwitch, WindowBus
    from btt_desktop.settings_store import SettingsStore
    from btt_desktop.ui.bridge import EventBridge
    from btt_desktop.ui.main_window import MainWindow
    from btt_desktop.ui.message_bar import Level

    store = SettingsStore(profile.settings_file)
    if settings is None:
        settings = await asyncio.to_thread(store.load)
    translators = (install_appearance(settings.app.language, settings.app.theme)
                   if appearance else None)
    proxy_passwords = ProxyPasswordStore(profile.root, proxy_keyring)
    settings, keyring_problem = await _with_proxy_password(settings, proxy_passwords)
    bus = EventBus()
    engine = (Engine(profile, bus, settings.engine) if status_interval is None else
              Engine(profile, bus, settings.engine, status_interval=status_interval))
    window_bus = WindowBus(bus)
    switch = EngineSwitch(engine)
    bridge = EventBridge(window_bus)
    window = MainWindow(switch, bridge, store, settings, proxy_passwords=proxy_passwords,
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
_REMOTE_MODULES = ("btt_desktop.ui.remote_mode", "btt_desktop.remote.credentials",
                   "btt_desktop.watched_folder")
_SECTION_MODULES = ("btt_desktop.wallet.service", "btt_desktop.ui.wallet")
_SPEED_MODULES = ("btt_desktop.ui.speed",)
FIRST_PAINT_LIMIT = 1.0  # seconds: a window that is not painted (hidden) waits no longer


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
    """Until ``window`` has been painted once (at most ``FIRST_PAINT_LIMIT`` seconds: a
    window that is not on screen is not painted)."""
    if window.painted or not window.isVisible():
        return
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def done() -> None:
        if not painted.done():
            painted.set_result(None)

    window.first_painted.connect(done)
    try:
        await asyncio.wait_for(painted, FIRST_PAINT_LIMIT)
    except TimeoutError:
        log.debug("the window was not painted within %.1f s", FIRST_PAINT_LIMIT)
    finally:
        window.first_painted.disconnect(done)


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


def install_appearance(language: str, theme: str) -> object:
    """The language (before any widget is built) and the light/dark theme; returns the
    installed translators (keep them)."""
    from btt_desktop.ui.i18n import install_translators
    from btt_desktop.ui.theme import controller, parse_theme

    translators = install_translators(language)
    controller().apply(parse_theme(theme))
    return translators


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


def _refuse_to_start(line: str) -> None:
    """Say in one line why the window does not open: on stderr, and in a message box (the
    line itself, as for an engine that cannot start)."""
    from PySide6.QtWidgets import QMessageBox

    print(f"btt-desktop: error: {line}", file=sys.stderr, flush=True)
    QMessageBox(QMessageBox.Icon.Critical, APP_NAME, line, QMessageBox.StandardButton.Ok).exec()


def _install_error_hooks(loop: asyncio.AbstractEventLoop, runner: WindowApp) -> None:
    """Unexpected exceptions are logged in full and shown as one line."""
    def excepthook(kind: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            return
        if not isinstance(value, BttError):
            log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value,
                                                                                   tb)))
        try:
            runner.report(one_line(value))
        except Exception:  # the hook itself must never raise
            log.exception("cannot show an error")

    def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.error("event loop: %s", context.get("message"))

    sys.excepthook = excepthook
    loop.set_exception_handler(loop_handler)


if __name__ == "__main__":
    sys.exit(main())
