"""The wallet section of the window (first-run setup, balances, send, receive, export).

``install_wallet_section(window, service)`` is the one entry point: it builds the pane
on the window's event bridge (``window.bridge``), adds the section and starts it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from btt_desktop.ui.icons import icon
from btt_desktop.ui.wallet.pane import WalletPane
from btt_desktop.wallet.service import DEFAULT_REFRESH_INTERVAL, WalletService

if TYPE_CHECKING:
    from btt_desktop.ui.main_window import MainWindow

__all__ = ["WalletPane", "install_wallet_section"]


def install_wallet_section(window: MainWindow, service: WalletService, *,
                           refresh_interval: float = DEFAULT_REFRESH_INTERVAL) -> WalletPane:
    """Add the "Wallet" section to ``window`` and start it (opens ``service``, unlocks it
    with a remembered password, refreshes balances every ``refresh_interval`` seconds).

    Call on the running loop. Before closing: ``await pane.shutdown()``, then
    ``await service.close()``.
    """
    pane = WalletPane(service, window.bridge, report=window.show_error,
                      refresh_interval=refresh_interval)
    window.add_section("wallet", QCoreApplication.translate("WalletPane", "Wallet"),
                       icon("wallet"), pane)
    pane.start()
    return pane
