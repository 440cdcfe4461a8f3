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
import contextlib
import logging
import logging.handlers
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from btt_desktop import APP_ID, APP_NAME
from btt_desktop.errors import BttError, one_line
from btt_desktop.profile import Profile

if TYPE_CHECKING:
    import asyncio

    from btt_desktop.ui.main_window import MainWindow
    from btt_desktop.ui.window_frame import WindowFrame

log = logging.getLogger("btt_desktop.app")

LOG_FILE = "btt-desktop.log"
# set to 1, the window prints "first-paint T", "filled T" and "ready T" (T:
# time.monotonic()) on stderr when it is first painted (its frame), painted with its
# panels, and when its sections are in place (bench/window_start.py)
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
    reporting = os.environ.get(REPORT_ENV) == "1"
    # SIGTERM or Ctrl-C while the frame is up and the loop not yet running: noted, and
    # the window quits cleanly as soon as it can (the loop's own handlers take over)
    early_quit: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda signum, _frame: early_quit.append(signum))
    try:
        frame = _paint_frame(profile, reporting)
    except Exception as exc:
        log.exception("the window could not be built")
        print(f"btt-desktop: error: {one_line(exc)}", file=sys.stderr)
        server.close()
        return 1
    if early_quit:  # nothing started yet: nothing to save
        server.close()
        return 0

    # asyncio, qasync, the engine and the panels come after the frame has painted
    import asyncio

    from btt_desktop.ui.event_loop import make_event_loop

    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    runner = WindowApp(profile, items, errors, server, frame, early_quit)
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


def _paint_frame(profile: Profile, reporting: bool) -> WindowFrame:
    """The settings, the language and theme, and the window's frame, painted now (see
    :mod:`btt_desktop.ui.window_frame`)."""
    from btt_desktop.ui.window_frame import open_frame, paint_now

    frame = open_frame(profile)
    if reporting:
        frame.window.first_painted.connect(lambda: _report("first-paint"))
    paint_now(frame.window)
    return frame


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
    """One run of the event loop: the window app of
    :func:`~btt_desktop.window_app.build_window_app` on the painted ``frame``, hand-offs
    from later launches, and the way out."""

    def __init__(self, profile: Profile, items: list[str], errors: list[str],
                 server: object, frame: WindowFrame | None = None,
                 early_quit: list[int] | None = None) -> None:
        self.profile = profile
        self.early_quit = early_quit if early_quit is not None else []
        self.items = items
        self.errors = errors
        self.server = server
        self.frame = frame
        self.window: object | None = None

    def report(self, line: str) -> None:
        """Show one line to the user (the message area, or stderr before the window)."""
        from btt_desktop.ui.main_window import MainWindow

        if isinstance(self.window, MainWindow):
            self.window.show_error(line)
        else:
            print(f"btt-desktop: error: {line}", file=sys.stderr)

    async def run(self) -> int:
        import asyncio

        from PySide6.QtWidgets import QApplication

        from btt_desktop.ui.single_instance import InstanceServer
        from btt_desktop.window_app import accept_hand_offs, build_window_app

        loop = asyncio.get_running_loop()
        quit_now: asyncio.Future[None] = loop.create_future()
        reporting = os.environ.get(REPORT_ENV) == "1"

        def request_quit() -> None:
            if not quit_now.done():
                quit_now.set_result(None)

        def window_built(window: MainWindow) -> None:
            self.window = window
            if reporting and not window.painted:
                window.first_painted.connect(lambda: _report("first-paint"))
            if reporting:
                window.filled.connect(lambda: _report("filled"))
            window.quit_requested.connect(request_quit)
            for sig in (signal.SIGINT, signal.SIGTERM):  # no question asked: quit now
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, window.quit_now)
            if self.early_quit or window.quit_asked:  # asked while the window was built
                window.quit_now()
                request_quit()

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        try:
            running = await build_window_app(self.profile, frame=self.frame,
                                             errors=self.errors, on_window=window_built)
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
