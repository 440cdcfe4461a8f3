"""The wallet section of the window (first-run setup, balances, send, receive, export).

``install_wallet_section(window, service)`` is the one entry point: it builds the pane
on the window's event bridge (``window.bridge``), adds the section and starts it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from btt_desktop.settings_store import AppSettings
from btt_desktop.ui.icons import icon
from btt_desktop.ui.wallet.auto_lock import AutoLock
from btt_desktop.ui.wallet.pane import WalletPane
from btt_desktop.wallet.service import DEFAULT_REFRESH_INTERVAL, WalletService

if TYPE_CHECKING:
    from btt_desktop.ui.main_window import MainWindow

__all__ = ["WalletPane", "install_wallet_section"]


def install_wallet_section(window: MainWindow, service: WalletService, *,
                           refresh_interval: float = DEFAULT_REFRESH_INTERVAL) -> WalletPane:
    """Add the "Wallet" section to ``window`` and start it (opens ``service``, unlocks it
    with a remembered password, refreshes balances every ``refresh_interval`` seconds),
    with the window's wallet settings: the idle lock and the password for every send.

    Call on the running loop. Before closing: ``await pane.shutdown()``, then
    ``await service.close()``.
    """
    pane = WalletPane(service, window.bridge, report=window.show_error,
                      refresh_interval=refresh_interval)
    window.add_section("wallet", QCoreApplication.translate("WalletPane", "Wallet"),
                       icon("wallet"), pane)
    app = window.settings.app
    pane.password_every_send = app.password_every_send
    auto_lock = AutoLock(service, window.bridge, app.wallet_lock_minutes, parent=pane)
    pane.auto_lock = auto_lock

    def follow(settings: AppSettings) -> None:
        pane.password_every_send = settings.password_every_send
        auto_lock.set_minutes(settings.wallet_lock_minutes)
    window.app_settings_changed.connect(follow)
    pane.start()
    return pane
