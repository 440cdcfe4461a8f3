"""The wallet's events as Qt signals, built like ``btt_desktop.ui.bridge.EventBridge``.

The bus calls its handlers on the asyncio loop's thread; with qasync that is the GUI
thread, so the signals are emitted there and every connected slot may touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from btt_desktop.events import (
    BalancesUpdated,
    EventBus,
    TransactionStatus,
    WalletChanged,
    WalletLocked,
    WalletUnlocked,
)


class WalletEventBridge(QObject):
    wallet_changed = Signal(object)      # WalletInfo
    wallet_locked = Signal(str)          # wallet id
    wallet_unlocked = Signal(str, str)   # wallet id, address
    balances_updated = Signal(object)    # BalanceSnapshot
    transaction_status = Signal(object)  # TransferUpdate

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = threading.get_ident()
        self._unsubscribe: list[Callable[[], None]] = [
            bus.subscribe(WalletChanged, self._on_changed),
            bus.subscribe(WalletLocked, self._on_locked),
            bus.subscribe(WalletUnlocked, self._on_unlocked),
            bus.subscribe(BalancesUpdated, self._on_balances),
            bus.subscribe(TransactionStatus, self._on_transaction),
        ]

    def detach(self) -> None:
        """Stop listening to the bus (before the pane goes away)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def _check_thread(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("wallet events must be published on the GUI thread's loop")

    def _on_changed(self, event: WalletChanged) -> None:
        self._check_thread()
        self.wallet_changed.emit(event.info)

    def _on_locked(self, event: WalletLocked) -> None:
        self._check_thread()
        self.wallet_locked.emit(event.wallet_id)

    def _on_unlocked(self, event: WalletUnlocked) -> None:
        self._check_thread()
        self.wallet_unlocked.emit(event.wallet_id, event.address)

    def _on_balances(self, event: BalancesUpdated) -> None:
        self._check_thread()
        self.balances_updated.emit(event.balances)

    def _on_transaction(self, event: TransactionStatus) -> None:
        self._check_thread()
        self.transaction_status.emit(event.update)
