"""Speed in the window: the switch (toolbar, Tools menu, status bar), the Speed tab of
the details, the Speed page of the settings, and the vault and earnings in the wallet
(a "Speed" tab of the wallet pane).

``install_speed(window, engine, bus, profile, wallet, pane)`` is the one entry point; it
returns the :class:`SpeedParts` (``await parts.controller.close()`` before the wallet
closes). See docs/gui-speed.md.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.ui.icons import icon
from btt_desktop.ui.settings_dialog import SettingsDialog
from btt_desktop.ui.speed.amounts import glance_btt
from btt_desktop.ui.speed.controller import SpeedController
from btt_desktop.ui.speed.settings_page import SpeedSettingsPage
from btt_desktop.ui.speed.switch import SpeedMenu, SpeedReadout, SpeedSwitch
from btt_desktop.ui.speed.torrent_tab import SpeedTab
from btt_desktop.ui.speed.vault_panel import VaultPanel
from btt_desktop.ui.torrent_model import Column
from btt_desktop.ui.wallet.pane import WalletPane
from btt_desktop.wallet.service import WalletService

if TYPE_CHECKING:
    from btt_desktop.engine import Engine
    from btt_desktop.ui.main_window import MainWindow

__all__ = ["SpeedController", "SpeedParts", "install_speed"]
EARNINGS_EVERY_MS = 2000


class SpeedParts:
    """What :func:`install_speed` put in the window (tests and screenshots reach them)."""

    def __init__(self, controller: SpeedController, switch: SpeedSwitch,
                 sell_switch: SpeedSwitch, menu: SpeedMenu, readout: SpeedReadout,
                 tab: SpeedTab, panel: VaultPanel, show_panel: Callable[[], None]) -> None:
        self.controller = controller
        self.switch = switch            # buying
        self.sell_switch = sell_switch  # selling
        self.menu = menu
        self.readout = readout
        self.tab = tab
        self.panel = panel
        self.show_panel = show_panel  # the wallet section, on its Speed tab


def install_speed(window: MainWindow, engine: Engine, bus: EventBus, profile: Profile,
                  wallet: WalletService, pane: WalletPane, *,
                  show_wallet: Callable[[], None] | None = None) -> SpeedParts:
    """Wire Speed into ``window`` (its vault goes in the wallet ``pane``, whose service
    is ``wallet``); call ``await parts.controller.start()`` next."""
    def open_wallet() -> None:
        window.show_section("wallet")

    controller = SpeedController(engine, bus, window.bridge, profile, wallet,
                                 report=window.show_error,
                                 show_wallet=show_wallet or open_wallet, parent=window)
    switch = SpeedSwitch(controller, window)
    sell_switch = SpeedSwitch(controller, window, sell=True)
    explain = QAction(QCoreApplication.translate("SpeedMenu", "What Is BTT Speed?…"), window)
    explain.setObjectName("speed_explain")
    explain.triggered.connect(lambda: controller.tasks.run(controller.explain(window)))
    menu = SpeedMenu(controller, switch, sell_switch, explain, window)
    window.add_tool(menu)
    button = window.toolbar.widgetForAction(menu)
    if isinstance(button, QToolButton):
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    window.add_help(explain)
    readout = SpeedReadout(controller, menu)
    window.status.insertPermanentWidget(0, readout)
    tab = SpeedTab(controller)
    window.details.add_tab(tab, QCoreApplication.translate("SpeedTab", "BTT Speed"))
    panel = VaultPanel(controller)
    pane.add_tab(panel, QCoreApplication.translate("VaultPanel", "BTT Speed"),
                 icon("speed-on"))

    def show_panel() -> None:
        window.show_section("wallet")
        pane.show_tab(panel)

    def settings_hook(dialog: SettingsDialog) -> Callable[[], Awaitable[None]]:
        page = SpeedSettingsPage(controller.settings)
        dialog.add_page(QCoreApplication.translate("SpeedSettingsPage", "BTT Speed"), page,
                        page.settings)

        async def apply() -> None:
            await controller.apply_settings(page.settings())
        return apply

    window.settings_hooks.append(settings_hook)

    def show_earnings() -> None:
        """The torrent list's Earned column, from the running service's ledger."""
        service = controller.service
        window.model.set_earnings(service.torrent_earnings() if service else {}, glance_btt)

    earnings_timer = QTimer(window)
    earnings_timer.setInterval(EARNINGS_EVERY_MS)
    earnings_timer.timeout.connect(show_earnings)
    earnings_timer.start()
    controller.changed.connect(show_earnings)
    _show_earned_when_selling(window, controller)
    return SpeedParts(controller, switch, sell_switch, menu, readout, tab, panel, show_panel)


def _show_earned_when_selling(window: MainWindow, controller: SpeedController) -> None:
    """The Earned column starts hidden (the list must fit a small screen); turning selling
    on shows it, as does starting with selling on and no saved layout of the list."""
    header = window.view.horizontalHeader()
    selling = [controller.settings.earn]
    if selling[0] and not window.settings.app.window_layout.get("list_header"):
        header.setSectionHidden(Column.EARNED, False)

    def follow() -> None:
        if controller.settings.earn and not selling[0]:
            header.setSectionHidden(Column.EARNED, False)
        selling[0] = controller.settings.earn

    controller.changed.connect(follow)
