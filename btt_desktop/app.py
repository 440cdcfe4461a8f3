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
import signal
import sys
import traceback
from collections.abc import Awaitable, Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from btt_desktop import APP_ID, APP_NAME, __version__
from btt_desktop.errors import BttError
from btt_desktop.profile import Profile

if TYPE_CHECKING:
    from btt_desktop.engine import Engine
    from btt_desktop.events import EventBus
    from btt_desktop.ui.main_window import MainWindow
    from btt_desktop.ui.single_instance import InstanceServer

log = logging.getLogger("btt_desktop.app")

LOG_FILE = "btt-desktop.log"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="btt-desktop", description=f"{APP_NAME}: a BitTorrent client with a TRON wallet.")
    parser.add_argument("--profile", metavar="DIR", help="keep all state in DIR")
    parser.add_argument("--debug", action="store_true", help="log details to stderr")
    parser.add_argument("--version", action="version", version=f"btt-desktop {__version__}")
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
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)

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
        return loop.run_until_complete(runner.run())
    except KeyboardInterrupt:
        return 130
    finally:
        server.close()
        loop.close()


class WindowApp:
    """Owns the services and the window for one run of the event loop."""

    def __init__(self, profile: Profile, items: list[str], errors: list[str],
                 server: object) -> None:
        self.profile = profile
        self.items = items
        self.errors = errors
        self.server = server
        self.window: object | None = None

    def report(self, line: str) -> None:
        """Show one line to the user (the status bar, or stderr before the window)."""
        from btt_desktop.ui.main_window import MainWindow

        if isinstance(self.window, MainWindow):
            self.window.show_error(line)
        else:
            print(f"btt-desktop: error: {line}", file=sys.stderr)

    async def run(self) -> int:
        from PySide6.QtWidgets import QApplication

        from btt_desktop.engine import Engine
        from btt_desktop.events import EventBus
        from btt_desktop.settings_store import SettingsStore
        from btt_desktop.ui.bridge import EventBridge
        from btt_desktop.ui.main_window import MainWindow
        from btt_desktop.ui.single_instance import InstanceServer

        loop = asyncio.get_running_loop()
        store = SettingsStore(self.profile.settings_file)
        settings = await asyncio.to_thread(store.load)
        self.translators = install_appearance(settings.app.language, settings.app.theme)
        bus = EventBus()
        engine = Engine(self.profile, bus, settings.engine)
        bridge = EventBridge(bus)
        window = MainWindow(engine, bridge, store, settings)
        self.window = window
        quit_now: asyncio.Future[None] = loop.create_future()

        def request_quit() -> None:
            if not quit_now.done():
                quit_now.set_result(None)

        window.quit_requested.connect(request_quit)
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, window.request_quit)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        window.show()
        if store.notice:
            window.show_error(store.notice)
        for line in self.errors:
            window.show_error(line)
        try:
            await engine.start()
        except BttError as exc:
            window.show_error(str(exc))
            await _tell_and_wait(window, str(exc))
            await window.shutdown()
            window.close()
            return 1
        window.load_snapshots(engine.snapshots())
        sections = await _install_sections(window, self.profile, bus, engine)
        if isinstance(self.server, InstanceServer):
            accept_hand_offs(self.server, window)
        window.add_items(self.items)

        await quit_now
        for close_section in sections:
            try:
                await close_section()
            except Exception:  # one section failing to close must not keep others open
                log.exception("closing a section")
        await window.shutdown()
        try:
            await engine.close()
        except BttError as exc:
            log.error("closing the engine: %s", exc)
        window.close()
        return 0


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


async def _install_sections(window: MainWindow, profile: Profile, bus: EventBus,
                            engine: Engine) -> list[Callable[[], Awaitable[None]]]:
    """Add the sections beside the torrents (the wallet, Speed); returns their closers,
    Speed's first (it pays what it owes with the wallet's key before the wallet closes).

    A section that cannot start is reported in one line; the torrents still work.
    """
    closers: list[Callable[[], Awaitable[None]]] = []
    try:
        from btt_desktop.ui.wallet import install_wallet_section
        from btt_desktop.wallet.service import WalletService

        wallet = WalletService(profile, bus)
        pane = install_wallet_section(window, wallet)

        async def close_wallet() -> None:
            await pane.shutdown()
            await wallet.close()

        closers.append(close_wallet)
    except Exception as exc:
        log.exception("the wallet section could not start")
        window.show_error(_tr("The wallet could not start: {reason}").format(reason=exc))
        return closers
    try:
        from btt_desktop.ui.speed import install_speed

        speed = install_speed(window, engine, bus, profile, wallet, pane)
        closers.insert(0, speed.controller.close)
        # the Speed service starts when the wallet unlocks (at once if it already is)
        window.tasks.run(speed.controller.start())
    except Exception as exc:
        log.exception("Speed could not start")
        window.show_error(_tr("Speed could not start: {reason}").format(reason=exc))
    return closers


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
    from btt_desktop.ui.tasks import one_line

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
