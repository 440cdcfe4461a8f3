"""The Speed switch (auto-bid on/off) for the toolbar and menus, and the status-bar
readout of what Speed spends and earns right now."""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from btt_desktop.ui.formatting import format_size
from btt_desktop.ui.icons import icon
from btt_desktop.ui.speed.amounts import btt_text, rounded_btt
from btt_desktop.ui.speed.controller import SpeedController

READOUT_MS = 2000
WINDOW_SECONDS = 20.0   # the rates average over this much recent history


class SpeedSwitch(QAction):
    """Checkable action: checked while auto-bid is on. Turning it on may ask for the
    wallet password; if the user cancels, the switch goes back off."""

    def __init__(self, controller: SpeedController, parent: QWidget) -> None:
        super().__init__(parent)
        self._controller = controller
        self._parent = parent
        self.setObjectName("speed_switch")
        self.setText(self.tr("Speed"))
        self.setCheckable(True)
        self.triggered.connect(self._toggled_by_user)
        controller.changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        c = self._controller
        on = c.settings.auto_bid
        self.setChecked(on and not c.unavailable)
        self.setEnabled(not c.unavailable)
        self.setIcon(icon("speed-on" if on and not c.unavailable else "speed-off"))
        if c.unavailable:
            tip = c.problem
        elif on and c.service is None and c.problem:
            tip = self.tr("Speed is on but not running: {reason}").format(reason=c.problem)
        elif on and c.service is None:
            tip = self.tr("Speed is on; it starts when the wallet is unlocked")
        elif on:
            tip = self.tr("Speed is on: bidding BTT for faster downloads (click to turn off)")
        else:
            tip = self.tr("Speed is off: click to bid BTT for faster downloads")
        self.setToolTip(tip)
        self.setStatusTip(tip)

    def _toggled_by_user(self, on: bool) -> None:
        self.setChecked(self._controller.settings.auto_bid)  # until it is really applied
        self._controller.tasks.run(self._controller.set_auto_bid(on, self._parent))


class SpeedReadout(QWidget):
    """The switch's button and "Speed: spending … · earning …" in the status bar."""

    def __init__(self, controller: SpeedController, switch: SpeedSwitch,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_readout")
        self._controller = controller
        self.button = QToolButton()
        self.button.setObjectName("speed_status_button")
        self.button.setDefaultAction(switch)
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
            if not c.settings.auto_bid:
                text = self.tr("Speed: off")
            elif c.problem:
                text = self.tr("Speed: not running")
            else:
                text = self.tr("Speed: waiting for the wallet")
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
        if c.settings.auto_bid:
            text = self.tr("Speed: spending {spent}/min · earning {earned}/min").format(
                spent=spent, earned=earned)
        else:
            text = self.tr("Speed: off · earning {earned}/min").format(earned=earned)
        self.label.setText(text)
        self.label.setToolTip(self.tr(
            "Spent in all {spent} BTT for {bought} bought; earned {earned} BTT "
            "({pending} BTT to cash)").format(
            spent=btt_text(status.spending.spent),
            bought=format_size(status.spending.bytes_bought),
            earned=btt_text(status.earnings.earned),
            pending=btt_text(status.earnings.pending or 0)))
