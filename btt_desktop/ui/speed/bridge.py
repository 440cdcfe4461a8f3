"""Speed's events (and the wallet's lock state) as Qt signals, like ``ui/bridge.py``.

The bus calls handlers on the asyncio loop's thread, which with qasync is the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from btt_desktop.events import (
    EventBus,
    SpeedCashedOut,
    SpeedChequeAccepted,
    SpeedChequeSigned,
    SpeedRoundFinished,
    SpeedStandingChanged,
    SpeedStatusChanged,
    WalletChanged,
    WalletLocked,
    WalletUnlocked,
)


class SpeedEventBridge(QObject):
    status_changed = Signal(bool, int, str)   # running, port, message
    activity = Signal()                       # a round, cheque or standing: state moved
    cashed_out = Signal(object)               # amount (base units; may exceed 32 bits)
    wallet_locked = Signal()
    wallet_unlocked = Signal()
    wallet_changed = Signal()

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = threading.get_ident()
        self._unsubscribe: list[Callable[[], None]] = [
            bus.subscribe(SpeedStatusChanged, self._on_status),
            bus.subscribe(SpeedRoundFinished, self._on_activity),
            bus.subscribe(SpeedChequeAccepted, self._on_activity),
            bus.subscribe(SpeedChequeSigned, self._on_activity),
            bus.subscribe(SpeedStandingChanged, self._on_activity),
            bus.subscribe(SpeedCashedOut, self._on_cashed),
            bus.subscribe(WalletLocked, self._on_locked),
            bus.subscribe(WalletUnlocked, self._on_unlocked),
            bus.subscribe(WalletChanged, self._on_wallet_changed),
        ]

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def _check_thread(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("Speed events must be published on the GUI thread's loop")

    def _on_status(self, event: SpeedStatusChanged) -> None:
        self._check_thread()
        self.status_changed.emit(event.running, event.port, event.message)

    def _on_activity(self, _event: object) -> None:
        self._check_thread()
        self.activity.emit()

    def _on_cashed(self, event: SpeedCashedOut) -> None:
        self._check_thread()
        self.cashed_out.emit(event.amount)

    def _on_locked(self, _event: WalletLocked) -> None:
        self._check_thread()
        self.wallet_locked.emit()

    def _on_unlocked(self, _event: WalletUnlocked) -> None:
        self._check_thread()
        self.wallet_unlocked.emit()

    def _on_wallet_changed(self, _event: WalletChanged) -> None:
        self._check_thread()
        self.wallet_changed.emit()
