"""Helpers for the wallet pane tests: a cheap-scrypt WalletService, a shown pane, dialogs.

The services are real (wallet file, scrypt, tronpy over HTTP to a real devnet process);
only the scrypt cost is lowered, through the service's explicit ``kdf`` parameter, and
the OS keyring is keyring's "fail" backend (this machine has no session keyring), which
is exactly the "no real backend" case the setup page must explain.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.wallet import WalletPane
from btt_desktop.wallet.chain import ChainClient
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import Network, NetworkChoice
from btt_desktop.wallet.service import WalletService
from tests.ui.ui_helpers import until

CHEAP = ScryptParams(n=1 << 10, r=8, p=1)
PASSWORD = "correct horse battery"
ABANDON = " ".join(["abandon"] * 11 + ["about"])
ABANDON_0 = "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH"
ABANDON_1 = "TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK"
CLOSED_NODE = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused

W = TypeVar("W", bound=QWidget)


def fast_client(network: Network) -> ChainClient:
    return ChainClient(network, timeout=2.0, confirm_timeout=30.0, poll_interval=0.05)


def fail_keyring() -> KeyringStore:
    from keyring.backends import fail

    return KeyringStore(fail.Keyring())


def make_service(root: Path, bus: EventBus, node_url: str = CLOSED_NODE) -> WalletService:
    return WalletService(Profile.open(root), bus, kdf=CHEAP, keyring=fail_keyring(),
                         chain_factory=fast_client,
                         network=NetworkChoice("devnet", node_url=node_url))


def make_pane(service: WalletService, bus: EventBus, qtbot: Any,
              refresh_interval: float = 3600.0) -> WalletPane:
    # the pane's own bridge stands in for the window's (the bus keeps it alive)
    pane = WalletPane(service, EventBridge(bus), refresh_interval=refresh_interval)
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    return pane


async def dialog_of(parent: QWidget, kind: type[W], seconds: float = 10.0) -> W:
    """The visible ``kind`` dialog under ``parent`` (waits for it to open)."""
    def find() -> W | None:
        for child in parent.findChildren(kind):
            if child.isVisible():
                return child
        return None
    found: W = await until(find, seconds, f"a {kind.__name__}")
    return found


async def gone(widget: QWidget, seconds: float = 10.0) -> None:
    """Wait until ``widget`` is hidden or deleted."""
    name = type(widget).__name__
    await until(lambda: not shiboken6.isValid(widget) or not widget.isVisible(), seconds,
                f"{name} to close")


class LoopWatch:
    """The longest pause of the event loop while it runs (a repeating 20 ms timer)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


#: Every loop a wallet pane test ran on, kept until the process ends (see below).
_LOOPS: list[asyncio.AbstractEventLoop] = []


@pytest.fixture(scope="module", autouse=True)
def gc_on_gui_thread() -> Iterator[None]:
    """Garbage collection on the GUI thread only, for a whole test module (import this
    fixture and :func:`keep_loop_alive` into every wallet pane test module).

    Each test runs on its own qasync loop. A closed loop and its windows leave Qt objects
    (qasync's timer objects among them) in reference cycles; if the cycle collector runs
    in another thread (a worker, or the thread reading a devnet's output) it destroys
    them there, Qt cannot unregister their timers from that thread, and a later timer
    event reaches a deleted object: a segmentation fault. So the automatic collector is
    off from before the module's first fixture (a devnet) to after its last test, and the
    garbage of earlier tests is collected explicitly, on this thread.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
async def keep_loop_alive(gc_on_gui_thread: None) -> None:
    """Keeps this test's qasync loop (and its timer object) from ever being destroyed, so
    no later timer event can reach a deleted loop object, whichever thread drops it."""
    _LOOPS.append(asyncio.get_running_loop())
