"""Speed's money: the vault (balance, deposit, withdrawal notice, withdraw), earnings and
spending by peer, and Cash Out.

The vault is read from the node (``service.vault_status()``, awaited) when the panel
shows, after each action and every ``VAULT_MS`` while visible; the by-peer figures come
from the service's memory on every Speed event.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError, one_line
from btt_desktop.speed.chainlink import vault_networks
from btt_desktop.speed.service import SpeedService, VaultStatus
from btt_desktop.speed.vault import CallQuote, DepositStep
from btt_desktop.ui.formatting import format_duration, format_size
from btt_desktop.ui.speed.amounts import btt_text, glance_btt, parse_btt
from btt_desktop.ui.speed.controller import SpeedController
from btt_desktop.ui.speed.spend_dialog import ConfirmSpendDialog
from btt_desktop.ui.speed.torrent_tab import _fill, _table
from btt_desktop.ui.tasks import run_dialog
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.wallet.network_dialog import network_title
from btt_desktop.wallet.types import WalletState

VAULT_MS = 10_000


class AmountDialog(QDialog):
    """Asks for one BTT amount; stays open showing why a bad one was refused."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *,
                 allow_zero: bool) -> None:
        super().__init__(parent)
        self.setObjectName("speed_amount_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self._allow_zero = allow_zero
        self.amount: int | None = None
        label = QLabel(text)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("speed_amount")
        self.field.setPlaceholderText(self.tr("Amount in BTT"))
        self.error_label = QLabel()
        set_tone(self.error_label, Tone.ERROR)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.amount = parse_btt(self.field.text(), self.tr("Amount"),
                                    allow_zero=self._allow_zero)
        except BttError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


class VaultPanel(QWidget):
    def __init__(self, controller: SpeedController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speed_vault_panel")
        self._controller = controller
        self._busy = False
        self.vault: VaultStatus | None = None

        self.notice = QLabel()
        self.notice.setObjectName("speed_panel_notice")
        self.notice.setWordWrap(True)
        self.turn_on_button = QPushButton(self.tr("Turn On BTT Speed…"))
        self.turn_on_button.setObjectName("speed_turn_on")
        self.turn_on_button.clicked.connect(self._turn_on)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.turn_on_button)

        # the vault
        self.balance_label = self._value("speed_vault_balance")
        self.outstanding_label = self._value("speed_vault_outstanding")
        self.withdrawal_label = self._value("speed_vault_withdrawal")
        self.deposit_button = QPushButton(self.tr("Deposit…"))
        self.deposit_button.setObjectName("speed_deposit")
        self.deposit_button.clicked.connect(self._deposit)
        self.announce_button = QPushButton(self.tr("Announce Withdrawal…"))
        self.announce_button.setObjectName("speed_announce")
        self.announce_button.clicked.connect(self._announce)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setObjectName("speed_withdraw")
        self.withdraw_button.clicked.connect(self._withdraw)
        self.vault_message = QLabel()
        self.vault_message.setObjectName("speed_vault_message")
        self.vault_message.setWordWrap(True)
        vault_box = QGroupBox(self.tr("Vault (pays for BTT Speed)"))
        form = QFormLayout()
        form.addRow(self.tr("Balance:"), self.balance_label)
        form.addRow(self.tr("Cheques not cashed yet:"), self.outstanding_label)
        form.addRow(self.tr("Withdrawal:"), self.withdrawal_label)
        buttons = QHBoxLayout()
        for button in (self.deposit_button, self.announce_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(vault_box)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)
        box_layout.addWidget(self.vault_message)
        box_layout.addStretch(1)

        # earnings
        self.earned_label = self._value("speed_earned")
        self.cash_button = QPushButton(self.tr("Cash Out"))
        self.cash_button.setObjectName("speed_cash_out")
        self.cash_button.clicked.connect(self._cash_out)
        self.cash_result = QLabel()
        self.cash_result.setObjectName("speed_cash_result")
        self.cash_result.setWordWrap(True)
        self.earnings_table = _table("speed_earnings", [
            self.tr("Downloader (vault)"), self.tr("Sold"), self.tr("Cheques received"),
            self.tr("Cashed"), self.tr("Pending"), self.tr("Bounced"),
            self.tr("Not covered")])
        earn_box = QGroupBox(self.tr("Earnings by peer"))
        top = QHBoxLayout()
        top.addWidget(self.earned_label, 1)
        top.addWidget(self.cash_button)
        earn_layout = QVBoxLayout(earn_box)
        earn_layout.addLayout(top)
        earn_layout.addWidget(self.cash_result)
        earn_layout.addWidget(self.earnings_table, 1)

        # spending
        self.spent_label = self._value("speed_spent")
        self.spending_table = _table("speed_spending", [
            self.tr("Seeder"), self.tr("Bought"), self.tr("Cheques signed"),
            self.tr("Cashed by seeder"), self.tr("Owed")])
        spend_box = QGroupBox(self.tr("Spending by peer"))
        spend_layout = QVBoxLayout(spend_box)
        spend_layout.addWidget(self.spent_label)
        spend_layout.addWidget(self.spending_table, 1)

        row = QHBoxLayout()
        row.addWidget(vault_box, 2)
        row.addWidget(earn_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(notice_row)
        layout.addLayout(row, 1)
        layout.addWidget(spend_box, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(VAULT_MS)
        self._timer.timeout.connect(self.refresh_vault)
        self._timer.start()
        self._clock = QTimer(self)  # the notice's time left counts down each second
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        controller.changed.connect(self._service_changed)
        controller.bridge.activity.connect(self.show_accounts)
        controller.bridge.cashed_out.connect(lambda _amount: self.refresh_vault())
        self._service_changed()

    @staticmethod
    def _value(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- showing --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_vault()

    def _service_changed(self) -> None:
        c = self._controller
        running = c.service is not None
        # on a network without a vault contract nothing here could work: offer nothing
        self.turn_on_button.setVisible(not running and not c.unavailable)
        self.turn_on_button.setText(self.tr("Try Again") if c.problem and c.wanted
                                    else self.tr("Turn On BTT Speed…"))
        if running:
            self.notice.setText(self.tr("BTT Speed is running on port {port}, paying from "
                                        "{address}.").format(port=c.service.port if c.service
                                                            else 0,
                                                            address=c.wallet.info.address))
        elif c.unavailable:
            self.notice.setText(c.problem + " " + self.tr(
                "Networks with a BTT Speed vault: {networks}.").format(
                networks=", ".join(vault_networks(c.profile.speed_dir))))
        elif c.problem:
            self.notice.setText(self.tr("BTT Speed is not running: {reason}").format(
                reason=c.problem))
        elif c.wanted and c.wallet.state is WalletState.LOCKED:
            self.notice.setText(self.tr("BTT Speed is on, paused until the wallet is "
                                        "unlocked."))
            self.turn_on_button.setText(self.tr("Unlock Wallet…"))
        else:
            self.notice.setText(self.tr("BTT Speed is off. Buying and selling need an "
                                        "unlocked wallet and BTT Speed turned on."))
        if not running:
            self.vault = None
        self._enable()
        self.show_accounts()
        self.refresh_vault()

    def _enable(self) -> None:
        running = self._controller.service is not None and not self._busy
        v = self.vault
        self.deposit_button.setEnabled(running)
        self.announce_button.setEnabled(running and v is not None)
        self.withdraw_button.setEnabled(running and v is not None and v.announced > 0
                                        and v.ready_at <= time.time())
        self.cash_button.setEnabled(running)

    def refresh_vault(self) -> None:
        if self._controller.service is None or not self.isVisible():
            if self._controller.service is None:
                self._show_vault(None)
            return
        self._controller.tasks.run(self._read_vault())

    async def _read_vault(self) -> None:
        service = self._controller.service
        if service is None:
            return
        try:
            status = await service.vault_status()
        except BttError as exc:
            self.vault_message.setText(self.tr("The vault cannot be read: {reason}").format(
                reason=str(exc)))
            return
        if service is self._controller.service:
            self._show_vault(status)

    def _show_vault(self, v: VaultStatus | None) -> None:
        self.vault = v
        if v is None:
            for label in (self.balance_label, self.outstanding_label, self.withdrawal_label):
                label.setText(self.tr("—"))
        else:
            self.balance_label.setText(self.tr("{amount} BTT").format(
                amount=glance_btt(v.balance)))
            self.balance_label.setToolTip(self.tr("Exactly {amount} BTT").format(
                amount=btt_text(v.balance)))
            self.outstanding_label.setText(self.tr("{amount} BTT").format(
                amount=glance_btt(v.outstanding)))
            self.withdrawal_label.setText(self._withdrawal_text(v))
        self._enable()

    def _tick(self) -> None:
        v = self.vault
        if v is not None and v.announced > 0 and self.isVisible():
            self.withdrawal_label.setText(self._withdrawal_text(v))
            self._enable()

    def _withdrawal_text(self, v: VaultStatus) -> str:
        if v.announced <= 0:
            return self.tr("none announced")
        left = int(v.ready_at - time.time())
        if left <= 0:
            return self.tr("{amount} BTT, ready to withdraw").format(
                amount=btt_text(v.announced))
        return self.tr("{amount} BTT, ready in {time}").format(
            amount=btt_text(v.announced), time=format_duration(left))

    def show_accounts(self) -> None:
        service = self._controller.service
        if service is None:
            self.earned_label.setText("")
            self.spent_label.setText("")
            _fill(self.earnings_table, [], [])
            _fill(self.spending_table, [], [])
            return
        status = service.status()
        e, s = status.earnings, status.spending
        self.earned_label.setText(self.tr(
            "Earned {earned} BTT for {sold} sold · cashed {cashed} BTT · pending "
            "{pending} BTT").format(
            earned=glance_btt(e.earned), sold=format_size(e.bytes_sold),
            cashed=glance_btt(e.cashed or 0), pending=glance_btt(e.pending or 0)))
        self.spent_label.setText(self.tr(
            "Spent {spent} BTT for {bought} bought · today {today} BTT · owed "
            "{owed} BTT").format(
            spent=glance_btt(s.spent), bought=format_size(s.bytes_bought),
            today=glance_btt(status.spent_today), owed=glance_btt(s.owed)))
        earn_rows = [[p.address, format_size(p.bytes), glance_btt(p.cheques),
                      _maybe(p.cashed), _maybe(None if p.cashed is None
                                               else p.cheques - p.cashed),
                      glance_btt(p.bounced) if p.bounced else "",
                      glance_btt(max(0, p.value - p.cheques))] for p in e.peers]
        _fill(self.earnings_table, earn_rows, [p.address for p in e.peers])
        spend_rows = [[p.address, format_size(p.bytes), glance_btt(p.cheques), _maybe(p.cashed),
                       glance_btt(max(0, p.value - p.cheques))] for p in s.peers]
        _fill(self.spending_table, spend_rows, [p.address for p in s.peers])

    # --- actions --------------------------------------------------------------------

    def _run(self, message: str, action: Callable[[], Awaitable[str]]) -> None:
        """Run one vault action at a time, with its progress and result in the panel."""
        async def go() -> None:
            self._busy = True
            self._enable()
            self.vault_message.setText(message)
            try:
                self.vault_message.setText(await action())
            except BttError as exc:
                self.vault_message.setText(str(exc))
            except Exception as exc:
                self.vault_message.setText(one_line(exc))
                raise
            finally:
                self._busy = False
                self._enable()
            await self._read_vault()
            self.show_accounts()
        self._controller.tasks.run(go())

    def _ask(self, title: str, text: str, allow_zero: bool,
             then: Callable[[int], Coroutine[Any, Any, None]]) -> None:
        async def ask() -> None:
            dialog = AmountDialog(self, title, text, allow_zero=allow_zero)
            try:
                if await run_dialog(dialog) == QDialog.DialogCode.Accepted \
                        and dialog.amount is not None:
                    await then(dialog.amount)
            finally:
                dialog.deleteLater()
        self._controller.tasks.run(ask())

    async def _confirm(self, title: str, what: str,
                       quote: Callable[[], Awaitable[list[tuple[str, CallQuote]]]],
                       action: str, *, final: str = "", warning: str = "") -> bool:
        """Price the action (a doomed one is refused here, in the contract's words, and
        costs nothing), then ask: the amount, the fee, the network, what is final."""
        service = self._controller.service
        if service is None:
            return False
        self.vault_message.setText(self.tr("Estimating the fee…"))
        try:
            steps = await quote()
        except BttError as exc:
            self.vault_message.setText(str(exc))
            return False
        self.vault_message.clear()
        dialog = ConfirmSpendDialog(self, title=title, what=what,
                                    network=network_title(self._controller.wallet.network.name),
                                    steps=steps, action=action, final=final, warning=warning)
        try:
            return await run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    async def _deposit_steps(self, service: SpeedService, amount: int
                             ) -> list[tuple[str, CallQuote]]:
        names = {DepositStep.APPROVE: self.tr("Approval"), DepositStep.DEPOSIT: self.tr("Deposit")}
        return [(names[step], quote) for step, quote in await service.quote_deposit(amount)]

    def _deposit(self) -> None:
        async def deposit(amount: int) -> None:
            service = self._controller.service
            if service is None:
                return
            text = btt_text(amount)
            if not await self._confirm(
                    self.tr("Deposit into the Vault"),
                    self.tr("Move {amount} BTT from your wallet into your BTT Speed vault. "
                            "Taking it back out needs a withdrawal notice; downloads you "
                            "buy are paid from it.").format(amount=text),
                    lambda: self._deposit_steps(service, amount), self.tr("Deposit"),
                    final=self.tr("An approval lets the vault take exactly this amount; "
                                  "fees are not refunded.")):
                return

            async def act() -> str:
                await service.deposit(amount)
                return self.tr("Deposited {amount} BTT.").format(amount=text)
            self._run(self.tr("Depositing {amount} BTT…").format(amount=text), act)
        self._ask(self.tr("Deposit into the Vault"),
                  self.tr("Move BTT from your wallet into the vault that pays for BTT "
                          "Speed."), False, deposit)

    def _announce(self) -> None:
        async def announce(amount: int) -> None:
            service = self._controller.service
            if service is None:
                return
            notice = format_duration(self.vault.notice if self.vault is not None else 0)
            what = (self.tr("Cancel the announced withdrawal.") if amount == 0 else
                    self.tr("Announce a withdrawal of {amount} BTT. It becomes possible "
                            "{notice} after this is confirmed; seeders may cash your "
                            "cheques until then.").format(amount=btt_text(amount),
                                                          notice=notice))

            async def quote() -> list[tuple[str, CallQuote]]:
                return [(self.tr("Announce"), await service.quote_announce(amount))]
            if not await self._confirm(self.tr("Announce a Withdrawal"), what, quote,
                                       self.tr("Announce")):
                return

            async def act() -> str:
                await service.announce_withdrawal(amount)
                if amount == 0:
                    return self.tr("Withdrawal cancelled.")
                return self.tr("Withdrawal of {amount} BTT announced.").format(
                    amount=btt_text(amount))
            self._run(self.tr("Announcing…"), act)
        self._ask(self.tr("Announce a Withdrawal"),
                  self.tr("Seeders get a notice period to cash your cheques before BTT can "
                          "leave the vault. Enter the amount to withdraw (0 cancels an "
                          "announced withdrawal)."), True, announce)

    def _withdraw(self) -> None:
        service = self._controller.service
        if service is None:
            return

        async def go() -> None:
            async def quote() -> list[tuple[str, CallQuote]]:
                return [(self.tr("Withdraw"), await service.quote_withdraw())]
            announced = self.vault.announced if self.vault is not None else 0
            if not await self._confirm(
                    self.tr("Withdraw"),
                    self.tr("Withdraw up to {amount} BTT from the vault into your wallet.")
                    .format(amount=btt_text(announced)), quote, self.tr("Withdraw")):
                return

            async def act() -> str:
                paid = await service.withdraw()
                return self.tr("Withdrew {amount} BTT to your wallet.").format(
                    amount=btt_text(paid))
            self._run(self.tr("Withdrawing…"), act)
        self._controller.tasks.run(go())

    def _cash_out(self) -> None:
        service = self._controller.service
        if service is None:
            return

        async def go() -> None:
            self.cash_result.setText(self.tr("Estimating the fee…"))
            try:
                plan = await service.quote_cash_out()
            except BttError as exc:
                self.cash_result.setText(str(exc))
                return
            quote = plan.quote
            if quote is None:
                bounced = sum(p.bounced for p in service.status().earnings.peers)
                self.cash_result.setText(self.tr(
                    "{amount} BTT bounced: the downloader's vault does not hold it.").format(
                    amount=btt_text(bounced)) if bounced else self.tr(
                    "Nothing to cash: no cheque holds more than was cashed."))
                self.show_accounts()
                return
            self.cash_result.clear()
            fee_btt = service.settings.fee_rule.fee_in_btt(quote.max_fee_sun)
            warning = self.tr(
                "The fee (about {fee} BTT at your rate) is more than what this cashes.")\
                .format(fee=glance_btt(fee_btt)) if fee_btt >= plan.due else ""

            async def steps() -> list[tuple[str, CallQuote]]:
                return [(self.tr("Cash out"), quote)]
            if not await self._confirm(
                    self.tr("Cash Out"),
                    self.tr("Cash {amount} BTT of cheques into your wallet.").format(
                        amount=btt_text(plan.due)), steps, self.tr("Cash Out"),
                    warning=warning):
                return
            await self._cash(service)
        self._controller.tasks.run(go())

    async def _cash(self, service: SpeedService) -> None:
        self.cash_button.setEnabled(False)
        self.cash_result.setText(self.tr("Cashing cheques…"))
        try:
            report = await service.cash_out()
            paid = report.paid
        except BttError as exc:
            self.cash_result.setText(self.tr("Cash out failed: {reason}").format(
                reason=str(exc)))
        else:
            bounced = sum(p.bounced for p in service.status().earnings.peers)
            if paid:
                text = self.tr("Cashed {amount} BTT into your wallet.").format(
                    amount=btt_text(paid))
            elif not bounced:
                text = self.tr("Nothing to cash: no cheque holds more than was cashed.")
            else:
                text = ""
            if bounced:
                text = (text + " " + self.tr(
                    "{amount} BTT bounced: the downloader's vault does not hold it.")
                    .format(amount=btt_text(bounced))).strip()
            if report.error:
                text = (text + " " + self.tr("Cash out failed: {reason}").format(
                    reason=report.error)).strip()
            self.cash_result.setText(text)
        finally:
            self._enable()
        self.show_accounts()

    def _turn_on(self) -> None:
        c = self._controller
        if c.wanted:  # on, but paused or failed: unlock, or try again
            async def resume() -> None:
                if await c.unlock_for_speed(self):
                    await c.ensure_running()
            c.tasks.run(resume())
        else:
            c.tasks.run(c.set_sides(buy=True, parent=self))


def _maybe(amount: int | None) -> str:
    return "" if amount is None else glance_btt(amount)

