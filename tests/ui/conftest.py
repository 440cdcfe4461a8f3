"""UI test fixtures.

Async tests here run on a qasync loop over pytest-qt's one QApplication, so awaiting an
engine call keeps Qt's event loop turning (widgets repaint, timers fire, signals flow),
exactly as in the window. Engines are real libtorrent sessions, each on its own loopback
address with DHT, LSD, UPnP and NAT-PMP off.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from btt_desktop.engine import Engine
from btt_desktop.engine.types import EngineSettings
from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.settings_store import Settings, SettingsStore
from btt_desktop.ui.event_loop import make_event_loop
from btt_desktop.ui.main_window import MainWindow
from btt_desktop.window_app import RunningWindow, WalletOptions, build_window_app
from tests.conftest import free_port, next_loopback


class _HoldWhileStopped(QObject):
    """Keeps asyncio callbacks for the running loop.

    pytest-qt calls ``processEvents()`` between fixture setup, the test and teardown,
    while no asyncio loop runs. qasync delivers its callbacks as Qt timer events, so a
    task (an engine's status timer, say) would take a step outside the loop and fail
    with "no running event loop". This filter holds those timer events back until the
    loop runs again; Qt timers repeat, so nothing is lost. In the window the loop always
    runs, so ``app.py`` needs none of this.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Timer and not self._loop.is_running()


# Every qasync loop made for a test is kept until the run ends. A destroyed loop can leave a
# Qt timer that later fires on a deleted object (a crash in QTimerInfoList::activateTimers);
# the application itself has one loop for its whole life and never meets this.
_LOOPS: list[asyncio.AbstractEventLoop] = []


def _qasync_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    # closing a test's last window must not end the loop (app.py sets the same)
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    holder = _HoldWhileStopped(loop)
    timer: QObject = loop._timer  # type: ignore[attr-defined]  # qasync's callback timer
    timer.installEventFilter(holder)
    loop._hold_while_stopped = holder  # type: ignore[attr-defined]  # keep it alive
    _LOOPS.append(loop)
    return loop


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, object]:
    return {"qasync": _qasync_loop}


def loopback_settings(**overrides: Any) -> EngineSettings:
    """A loopback engine. With no tracker or DHT to find a peer again, peers keep their
    connection when neither side wants anything for a moment (libtorrent would close it
    and wait a minute before dialling again)."""
    ip = next_loopback()
    base: dict[str, Any] = dict(listen_interface=ip, listen_port=free_port(ip),
                                outgoing_interface=ip, dht=False, lsd=False, upnp=False,
                                natpmp=False,
                                extra={"close_redundant_connections": False})
    base.update(overrides)
    return EngineSettings(**base)


@dataclass
class Peer:
    """A bare engine (a seeder, say), with no window."""

    engine: Engine
    settings: EngineSettings

    @property
    def endpoint(self) -> tuple[str, int]:
        return (self.settings.listen_interface, self.settings.listen_port)


PeerFactory = Callable[[], Awaitable[Peer]]


@pytest.fixture
async def make_peer(tmp_path: Path) -> AsyncIterator[PeerFactory]:
    peers: list[Peer] = []

    async def make() -> Peer:
        settings = loopback_settings()
        engine = Engine(Profile.open(tmp_path / f"peer{len(peers)}"), EventBus(), settings,
                        status_interval=0.2)
        await engine.start()
        peer = Peer(engine, settings)
        peers.append(peer)
        return peer

    yield make
    for peer in peers:
        await peer.engine.close()


@dataclass
class WindowRig:
    window: MainWindow
    engine: Engine
    profile: Profile
    store: SettingsStore
    bus: EventBus
    running: RunningWindow

    @property
    def endpoint(self) -> tuple[str, int]:
        s = self.engine.settings
        return (s.listen_interface, s.listen_port)


def cheap_wallet(**overrides: Any) -> WalletOptions:
    """The wallet as the window builds it, with a cheap scrypt and the keyring's "fail"
    backend (this machine has no session keyring; nothing is remembered)."""
    from keyring.backends import fail

    from btt_desktop.wallet.keyring_store import KeyringStore
    from btt_desktop.wallet.keystore import ScryptParams

    options: dict[str, Any] = dict(kdf=ScryptParams(n=1 << 10, r=8, p=1),
                                   keyring=KeyringStore(fail.Keyring()))
    options.update(overrides)
    return WalletOptions(**options)


async def open_rig(root: Path, engine_settings: EngineSettings | None = None,
                   **options: Any) -> WindowRig:
    """The window over a real, started engine, built by ``window_app.build_window_app`` (its
    wallet section and Speed included) from settings saved in ``root/profile``."""
    profile = Profile.open(root / "profile")
    store = SettingsStore(profile.settings_file)
    settings = Settings(engine=engine_settings or loopback_settings())
    settings = dataclasses.replace(settings, app=dataclasses.replace(
        settings.app, default_save_path=str(root / "downloads")))
    store.save(settings)
    options.setdefault("wallet", cheap_wallet())
    options.setdefault("status_interval", 0.2)
    running = await build_window_app(profile, **options)
    return WindowRig(running.window, running.engine, profile, running.store, running.bus,
                     running)


async def close_rig(rig: WindowRig) -> None:
    """The real shutdown order (sections, window, engine), then the window goes."""
    await rig.running.close()
    rig.window.deleteLater()


@pytest.fixture
async def rig(qtbot: Any, tmp_path: Path) -> AsyncIterator[WindowRig]:
    """The main window as ``app.py`` builds and starts it."""
    window_rig = await open_rig(tmp_path)
    yield window_rig
    await close_rig(window_rig)
