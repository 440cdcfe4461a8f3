"""Locks the wallet after a while without input in the window (Settings → Wallet).

Input is what the user does to any window of the application: keys, mouse buttons,
the wheel and touches (not the mouse merely passing over it). The check runs on a timer
of the GUI thread; locking is :meth:`WalletService.lock`, which wipes the keys, so BTT
Speed pauses unless the user chose to keep it running while locked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from btt_desktop.ui.bridge import EventBridge
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import WalletState

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class AutoLock(QObject):
    """Locks ``service`` once ``minutes`` pass without input; 0 minutes: never."""

    def __init__(self, service: WalletService, bridge: EventBridge, minutes: float, *,
                 check_ms: int = 5000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.minutes = minutes
        self.last_input = time.monotonic()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        bridge.wallet_unlocked.connect(lambda _wid, _address: self.touch())
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def touch(self) -> None:
        """The user is here (input, or an unlock just now)."""
        self.last_input = time.monotonic()

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.touch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if self.minutes <= 0 or self._service.state is not WalletState.UNLOCKED:
            return
        if time.monotonic() - self.last_input >= self.minutes * 60:
            self._service.lock()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
