"""The BTT Speed menu (buying and selling switches) for the toolbar and menus, and the
status-bar readout of what BTT Speed spends and earns right now."""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from btt_desktop.ui.formatting import format_size
from btt_desktop.ui.icons import icon
from btt_desktop.ui.speed.amounts import btt_text, rounded_btt
from btt_desktop.ui.speed.controller import SpeedController
from btt_desktop.wallet.types import WalletState

READOUT_MS = 2000
WINDOW_SECONDS = 20.0   # the rates average over this much recent history


class SpeedSwitch(QAction):
    """Checkable action for one side of BTT Speed: buying (auto-bid) by default, selling
    with ``sell=True``. Turning a side on may first explain BTT Speed (once) and ask for
    the wallet password; if the user cancels, the switch goes back off."""

    def __init__(self, controller: SpeedController, parent: QWidget, *,
                 sell: bool = False) -> None:
        super().__init__(parent)
        self._controller = controller
        self._parent = parent
        self._sell = sell
        self.setObjectName("speed_sell_switch" if sell else "speed_switch")
        self.setText(self.tr("Sell My Upload for BTT") if sell
                     else self.tr("Buy Faster Downloads"))
        self.setCheckable(True)
        self.triggered.connect(self._toggled_by_user)
        controller.changed.connect(self.sync)
        self.sync()

    def _on(self) -> bool:
        s = self._controller.settings
        return s.earn if self._sell else s.auto_bid

    def sync(self) -> None:
        c = self._controller
        on = self._on()
        self.setChecked(on and not c.unavailable)
        self.setEnabled(not c.unavailable)
        if c.unavailable:
            tip = c.problem
        elif on and c.service is None and c.problem:
            tip = self.tr("BTT Speed is on but not running: {reason}").format(
                reason=c.problem)
        elif on and c.service is None:
            tip = self.tr("BTT Speed is on, paused until the wallet is unlocked")
        elif self._sell:
            tip = self.tr("Selling: other people's BTT bids buy your upload when you seed "
                          "(click to stop)") if on else \
                self.tr("Not selling: click to earn BTT from bids when you seed")
        else:
            tip = self.tr("Buying: bidding BTT for faster downloads (click to stop)") \
                if on else self.tr("Not buying: click to bid BTT for faster downloads")
        self.setToolTip(tip)
        self.setStatusTip(tip)

    def _toggled_by_user(self, on: bool) -> None:
        self.setChecked(self._on())  # until it is really applied
        c = self._controller
        side = c.set_earn if self._sell else c.set_auto_bid
        c.tasks.run(side(on, self._parent))


class SpeedMenu(QAction):
    """"BTT Speed" in the toolbar, the status bar and the Tools menu: a menu with the
    buying and selling switches and what BTT Speed is."""

    def __init__(self, controller: SpeedController, buy: SpeedSwitch, sell: SpeedSwitch,
                 explain: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("speed_menu")
        self.setText(self.tr("BTT Speed"))
        self.resume = QAction(self.tr("Unlock the Wallet to Start BTT Speed…"), parent)
        self.resume.setObjectName("speed_resume")
        self.resume.triggered.connect(
            lambda: controller.tasks.run(controller.unlock_for_speed(parent)))
        menu = QMenu(parent)
        menu.setObjectName("speed_menu_popup")
        menu.addAction(self.resume)
        menu.addAction(buy)
        menu.addAction(sell)
        menu.addSeparator()
        menu.addAction(explain)
        self.setMenu(menu)
        controller.changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        c = self._controller
        on = (c.settings.auto_bid or c.settings.earn) and not c.unavailable
        self.resume.setVisible(on and c.service is None and not c.problem
                               and c.wallet.state is WalletState.LOCKED)
        self.setIcon(icon("speed-on" if on else "speed-off"))
        self.setToolTip(c.problem if c.unavailable else self.tr(
            "BTT Speed: pay BTT for faster downloads, earn BTT when seeding (optional)"))


class SpeedReadout(QWidget):
    """The switch's button and "Speed: spending … · earning …" in the status bar."""

    def __init__(self, controller: SpeedController, switch: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_readout")
        self._controller = controller
        self.button = QToolButton()
        self.button.setObjectName("speed_status_button")
        self.button.setDefaultAction(switch)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAutoRaise(True)
        self.label = QLabel()
        self.label.setObjectName("speed_readout_label")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.button)
        layout.addWidget(self.label)
        self._samples: deque[tuple[float, int, int]] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(READOUT_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        controller.changed.connect(self.refresh)
        controller.bridge.activity.connect(self.refresh)
        self.refresh()

    def rates(self) -> tuple[int, int]:
        """(spent, earned) per minute over the recent window, in base units."""
        if len(self._samples) < 2:
            return 0, 0
        t0, spent0, earned0 = self._samples[0]
        t1, spent1, earned1 = self._samples[-1]
        if t1 - t0 <= 0:
            return 0, 0
        scale = 60.0 / (t1 - t0)
        return int((spent1 - spent0) * scale), int((earned1 - earned0) * scale)

    def refresh(self) -> None:
        c = self._controller
        service = c.service
        if service is None:
            self._samples.clear()
            if c.unavailable:
                text = self.tr("BTT Speed: not on this network")
            elif not (c.settings.auto_bid or c.settings.earn):
                text = self.tr("BTT Speed: off")
            elif c.problem:
                text = self.tr("BTT Speed: not running")
            else:
                text = self.tr("BTT Speed: paused until the wallet is unlocked")
            self.label.setText(text)
            self.label.setToolTip(c.problem)
            return
        status = service.status()
        now = time.monotonic()
        self._samples.append((now, status.spending.bought_value, status.earnings.sold_value))
        while len(self._samples) > 2 and now - self._samples[0][0] > WINDOW_SECONDS:
            self._samples.popleft()
        spending, earning = self.rates()
        spent = rounded_btt(spending) + " BTT"
        earned = rounded_btt(earning) + " BTT"
        if c.settings.auto_bid and c.settings.earn:
            text = self.tr("BTT Speed: spending {spent}/min · earning {earned}/min").format(
                spent=spent, earned=earned)
        elif c.settings.auto_bid:
            text = self.tr("BTT Speed: buying, spending {spent}/min").format(spent=spent)
        else:
            text = self.tr("BTT Speed: selling, earning {earned}/min").format(earned=earned)
        if c.running_locked:
            text = self.tr("{readout} (wallet locked)").format(readout=text)
        self.label.setText(text)
        self.label.setToolTip(self.tr(
            "Spent in all {spent} BTT for {bought} bought; earned {earned} BTT "
            "({pending} BTT to cash)").format(
            spent=btt_text(status.spending.spent),
            bought=format_size(status.spending.bytes_bought),
            earned=btt_text(status.earnings.earned),
            pending=btt_text(status.earnings.pending or 0)))
