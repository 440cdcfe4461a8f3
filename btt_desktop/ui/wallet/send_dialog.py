"""Send TRX or BTT: recipient checked as typed, amount with "Max", the fee estimated
live, a confirmation that sums it all up, then the transfer's progress to its block.

The password (when the wallet is locked) goes through :mod:`protected`; the dialog
stays responsive throughout: quoting and sending are tasks on the loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError, one_line
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.icons import icon
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.wallet.amounts_text import group_digits, token_amount
from btt_desktop.ui.wallet.clipboard import copy_text
from btt_desktop.ui.wallet.protected import Policy, run_protected
from btt_desktop.wallet import hdkeys
from btt_desktop.wallet.amounts import TRX_DECIMALS, format_amount
from btt_desktop.wallet.chain import TransferResult
from btt_desktop.wallet.service import WalletService
from btt_desktop.wallet.types import BalanceSnapshot, SendQuote, TransferUpdate

log = logging.getLogger(__name__)

QUOTE_DELAY_MS = 400
SendAction = Callable[[str | None], Awaitable["asyncio.Task[TransferResult]"]]


def fee_text(quote: SendQuote) -> str:
    """One line: what the network will burn, and why."""
    fee = quote.fee
    parts = [QCoreApplication.translate("SendDialog", "about {trx} TRX").format(
        trx=group_digits(fee.burn_trx))]
    details = []
    if fee.energy:
        details.append(QCoreApplication.translate("SendDialog", "energy {n}").format(
            n=group_digits(str(fee.energy))))
    details.append(QCoreApplication.translate("SendDialog", "bandwidth {n} bytes").format(
        n=group_digits(str(fee.bandwidth_bytes))))
    if fee.activation_sun:
        details.append(QCoreApplication.translate(
            "SendDialog", "{trx} TRX to activate the new address").format(
                trx=format_amount(fee.activation_sun, TRX_DECIMALS)))
    return parts[0] + " (" + ", ".join(details) + ")"


class ConfirmSendDialog(QDialog):
    """The last look before signing."""

    def __init__(self, quote: SendQuote, from_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_send_dialog")
        self.setWindowTitle(self.tr("Confirm the transfer"))
        self.quote = quote
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        heading = QLabel(self.tr("Send {amount} {token}?").format(
            amount=token_amount(quote.amount, quote.token), token=quote.token))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setObjectName("confirm_heading")
        form = QFormLayout()
        to = QLabel(quote.to)
        to.setFont(mono)
        to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source = QLabel(f"{from_label}  {quote.from_address}")
        form.addRow(self.tr("To:"), to)
        form.addRow(self.tr("From:"), source)
        form.addRow(self.tr("Network:"), QLabel(quote.network))
        self.fee_label = QLabel(fee_text(quote))
        self.fee_label.setObjectName("confirm_fee")
        self.fee_label.setWordWrap(True)
        form.addRow(self.tr("Network fee:"), self.fee_label)
        warning = QLabel(self.tr("Transfers cannot be undone. Check the address: funds sent "
                                 "to a wrong address are lost."))
        warning.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("confirm_send")
        self.send_button.setIcon(icon("send"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(buttons)


class SendDialog(QDialog):
    FORM, PROGRESS = range(2)

    def __init__(self, service: WalletService, bridge: EventBridge,
                 balances: BalanceSnapshot | None, parent: QWidget | None = None, *,
                 always_ask: bool = True) -> None:
        """``always_ask``: the password is asked for this transfer even when the wallet
        is unlocked (Settings → Wallet)."""
        super().__init__(parent)
        self.setObjectName("send_dialog")
        self.always_ask = always_ask
        self.setWindowTitle(self.tr("Send"))
        self.setWindowIcon(icon("send"))
        self.setMinimumWidth(560)
        self.service = service
        self.bridge = bridge
        self.balances = balances
        self.tasks = TaskRunner(self._show_error)
        # the transfer itself: awaited by _follow, which reports how it ended
        self._transfers = TaskSet("transfer", on_error=lambda _task, _exc: None)
        self.quote: SendQuote | None = None
        self.transfer: TransferResult | None = None
        self.states: list[str] = []
        self._generation = 0
        self._sending: tuple[str, int, str] | None = None
        self._request_id: int | None = None
        self._first_status: asyncio.Future[None] | None = None

        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._progress_page())
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if page is not None:
                page.installEventFilter(self)  # a label's new text asks for a new layout
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        # grow when a line wraps (a long address error): never clip it
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_height)
        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(QUOTE_DELAY_MS)
        self._quote_timer.timeout.connect(self._start_quote)
        bridge.transaction_status.connect(self._on_status)
        bridge.balances_updated.connect(self._on_balances)
        self._token_changed()

    # --- the form -------------------------------------------------------------------

    def _form_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.to_field = QLineEdit()
        self.to_field.setObjectName("send_to")
        self.to_field.setFont(mono)
        self.to_field.setPlaceholderText(self.tr("TRON address (T…)"))
        self.to_check = QLabel()
        self.to_check.setObjectName("send_to_check")
        self.to_check.setWordWrap(True)
        self.token = QComboBox()
        self.token.setObjectName("send_token")
        self.token.addItems(["BTT", "TRX"])
        self.available = QLabel()
        self.available.setObjectName("send_available")
        token_row = QHBoxLayout()
        token_row.addWidget(self.token)
        token_row.addWidget(self.available, 1)
        self.amount = QLineEdit()
        self.amount.setObjectName("send_amount")
        self.amount.setPlaceholderText("0.0")
        self.max_button = QPushButton(self.tr("Max"))
        self.max_button.setObjectName("send_max")
        self.max_button.setToolTip(self.tr("Everything available (for TRX, less the fee)"))
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.max_button)
        self.fee_label = QLabel(self.tr("Enter a recipient and an amount."))
        self.fee_label.setObjectName("send_fee")
        self.fee_label.setWordWrap(True)
        form.addRow(self.tr("Pay to:"), self.to_field)
        form.addRow("", self.to_check)
        form.addRow(self.tr("Token:"), token_row)
        form.addRow(self.tr("Amount:"), amount_row)
        form.addRow(self.tr("Network fee:"), self.fee_label)
        self.error_label = QLabel()
        self.error_label.setObjectName("send_error")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, Tone.ERROR)
        buttons = QDialogButtonBox()
        self.review_button = buttons.addButton(self.tr("Send…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.review_button.setObjectName("send_review")
        self.review_button.setIcon(icon("send"))
        self.review_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.review)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.to_field.textChanged.connect(self._inputs_changed)
        self.amount.textChanged.connect(self._inputs_changed)
        self.token.currentIndexChanged.connect(self._token_changed)
        self.max_button.clicked.connect(self.fill_max)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_title = QLabel()
        self.progress_title.setObjectName("send_progress_title")
        font = self.progress_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.progress_title.setFont(font)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("send_progress")
        self.progress_label.setWordWrap(True)
        self.txid_label = QLabel()
        self.txid_label.setObjectName("send_txid")
        self.txid_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.txid_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.txid_label.setWordWrap(True)
        self.copy_txid = QPushButton(icon("copy"), self.tr("Copy transaction ID"))
        self.copy_txid.clicked.connect(
            lambda: copy_text(self.transfer.txid if self.transfer else ""))
        self.copy_txid.setVisible(False)
        self.explorer = QPushButton(self.tr("Open in the explorer"))
        self.explorer.setVisible(False)
        self.explorer.clicked.connect(self._open_explorer)
        row = QHBoxLayout()
        row.addWidget(self.copy_txid)
        row.addWidget(self.explorer)
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("send_close")
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress_title)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.txid_label)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def _token_changed(self, *_args: object) -> None:
        self._show_available()
        self._inputs_changed()

    def _show_available(self) -> None:
        token = self.token.currentText()
        snap = self.balances
        value = None if snap is None else (snap.btt if token == "BTT" else snap.trx)
        if value is None:
            self.available.setText(self.tr("Balance unknown"))
        else:
            self.available.setText(self.tr("Available: {amount} {token}").format(
                amount=token_amount(value, token), token=token))

    def _on_balances(self, snapshot: BalanceSnapshot) -> None:
        if self.balances is None or snapshot.address == self.balances.address:
            self.balances = snapshot
            self._show_available()  # a refresh must not throw away the quote under review

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_timer.start()
        return False

    def _fit_height(self) -> None:
        """Labels that wrap need more height at this width than the layout's size hint
        says; grow the dialog to what the wrapped text takes."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        need = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                else layout.totalSizeHint().height())
        if need > self.height():
            self.resize(self.width(), need)

    def _check_recipient(self) -> str | None:
        text = self.to_field.text().strip()
        if not text:
            self.to_check.clear()
            return None
        try:
            address = hdkeys.normalize_address(text)
        except BttError as exc:
            self.to_check.setText(str(exc))
            set_tone(self.to_check, Tone.ERROR)
            return None
        own = self.service.info.address
        if address == own:
            self.to_check.setText(self.tr("This is your own address."))
            set_tone(self.to_check, Tone.ERROR)
            return None
        self.to_check.setText(self.tr("Valid TRON address"))
        set_tone(self.to_check, Tone.GOOD)
        return address

    def _inputs_changed(self, *_args: object) -> None:
        self.quote = None
        self.review_button.setEnabled(False)
        self.error_label.clear()
        self._generation += 1
        if self._check_recipient() and self.amount.text().strip():
            self.fee_label.setText(self.tr("Estimating…"))
            self._quote_timer.start()
        else:
            self._quote_timer.stop()
            self.fee_label.setText(self.tr("Enter a recipient and an amount."))

    def _start_quote(self) -> None:
        self.tasks.run(self._quote(self._generation))

    async def _quote(self, generation: int) -> None:
        try:
            quote = await self.service.quote_send(self.to_field.text(), self.amount.text(),
                                                  self.token.currentText())
        except BttError as exc:
            if generation == self._generation:
                self.fee_label.setText("—")
                self.error_label.setText(str(exc))
            return
        if generation != self._generation:
            return
        self.quote = quote
        self.fee_label.setText(fee_text(quote))
        self.review_button.setEnabled(True)

    def fill_max(self) -> None:
        self.tasks.run(self._fill_max())

    async def _fill_max(self) -> None:
        token = self.token.currentText()
        snap = self.balances
        value = None if snap is None else (snap.btt if token == "BTT" else snap.trx)
        if value is None:
            self.error_label.setText(self.tr("The balance is not known yet: refresh first."))
            return
        if token == "BTT":
            self.amount.setText(format_amount(value, 18))
            return
        if self._check_recipient() is None:
            self.error_label.setText(self.tr("Enter the recipient first: the fee depends on it."))
            return
        try:
            probe = await self.service.quote_send(self.to_field.text(), "0.000001", "TRX")
        except BttError as exc:
            self.error_label.setText(str(exc))
            return
        spendable = value - probe.fee.burn_sun
        if spendable <= 0:
            self.error_label.setText(self.tr("Not enough TRX to pay the fee."))
            return
        self.amount.setText(format_amount(spendable, TRX_DECIMALS))

    # --- sending --------------------------------------------------------------------

    def review(self) -> None:
        if self.quote is not None:
            self.review_button.setEnabled(False)
            self.tasks.run(self._review(self.quote))

    async def _review(self, quote: SendQuote) -> None:
        account = self.service.info.current
        confirm = ConfirmSendDialog(quote, account.label if account else "", self)
        accepted = await run_dialog(confirm) == QDialog.DialogCode.Accepted
        confirm.deleteLater()
        if not accepted:
            self.review_button.setEnabled(self.quote is quote)
            return
        outcome = await run_protected(
            self, self.service, self._start_send(quote), title=self.tr("Sign the transfer"),
            text=self.tr("Enter the wallet password to sign this transfer."),
            policy=Policy.ALWAYS if self.always_ask else Policy.UNLOCK)
        if not outcome.done or outcome.value is None:
            self.review_button.setEnabled(self.quote is quote)
            return
        await self._follow(quote, outcome.value)

    def _start_send(self, quote: SendQuote) -> SendAction:
        """The protected step: start the send, return once the key worked (or raise)."""
        async def start(password: str | None) -> asyncio.Task[TransferResult]:
            loop = asyncio.get_running_loop()
            self._first_status = loop.create_future()
            self._sending = (quote.to, quote.amount, quote.token)
            self._request_id = None
            task = self._transfers.spawn(self.service.send(quote, password=password))
            waited: list[asyncio.Future[Any]] = [task, self._first_status]
            await asyncio.wait(waited, return_when=asyncio.FIRST_COMPLETED)
            if task.done():
                task.result()  # raises WrongPassword & co. into the password dialog
            return task
        return start

    async def _follow(self, quote: SendQuote, task: asyncio.Task[TransferResult]) -> None:
        self.pages.setCurrentIndex(self.PROGRESS)
        self.progress_title.setText(self.tr("Sending {amount} {token}").format(
            amount=token_amount(quote.amount, quote.token), token=quote.token))
        if self.states:
            self._show_state(self.states[-1], None)
        try:
            self.transfer = await task
        except BttError as exc:
            self._failed(str(exc))
            return
        except Exception as exc:
            log.error("send failed", exc_info=exc)
            self._failed(one_line(exc))
            return
        finally:
            self.close_button.setEnabled(True)
        self.progress_title.setText(self.tr("Sent {amount} {token}").format(
            amount=token_amount(quote.amount, quote.token), token=quote.token))
        block = self.transfer.block
        line = self.tr("Confirmed in block {block}.").format(block=block) if block is not None \
            else self.tr("Confirmed.")
        self.progress_label.setText(line + " " + self.tr("Fee paid: {fee} TRX.").format(
            fee=format_amount(self.transfer.fee_sun, TRX_DECIMALS)))
        set_tone(self.progress_label, Tone.GOOD)
        self.txid_label.setText(self.tr("Transaction ID: {txid}").format(txid=self.transfer.txid))
        self.copy_txid.setVisible(True)
        self.explorer.setVisible(self.service.network.tx_url(self.transfer.txid) is not None)
        self.close_button.setFocus()

    def _failed(self, line: str) -> None:
        self.progress_title.setText(self.tr("The transfer failed"))
        self.progress_label.setText(line)
        set_tone(self.progress_label, Tone.ERROR)

    def _on_status(self, update: TransferUpdate) -> None:
        if self._sending != (update.to, update.amount, update.token):
            return
        if self._request_id is None:
            self._request_id = update.request_id
        elif update.request_id != self._request_id:
            return
        self.states.append(update.state)
        if self._first_status is not None and not self._first_status.done():
            self._first_status.set_result(None)
        if self.pages.currentIndex() == self.PROGRESS and update.state != "confirmed":
            self._show_state(update.state, update.txid)

    def _show_state(self, state: str, txid: str | None) -> None:
        text = {
            "building": self.tr("Building the transaction…"),
            "signed": self.tr("Signed. Sending it to the node…"),
            "broadcast": self.tr("Broadcast. Waiting for a block…"),
            "pending": self.tr("Waiting for a block…"),
            "failed": self.tr("Failed."),
        }.get(state, state)
        self.progress_label.setText(text)
        if txid:
            self.txid_label.setText(self.tr("Transaction ID: {txid}").format(txid=txid))

    def _open_explorer(self) -> None:
        url = self.service.network.tx_url(self.transfer.txid) if self.transfer else None
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _show_error(self, line: str) -> None:
        self.error_label.setText(line)

    @property
    def busy(self) -> bool:
        return self.pages.currentIndex() == self.PROGRESS and not self.close_button.isEnabled()

    def reject(self) -> None:
        if self.busy:  # the transfer is on its way: its outcome must be seen
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._quote_timer.stop()
        try:
            self.bridge.transaction_status.disconnect(self._on_status)
            self.bridge.balances_updated.disconnect(self._on_balances)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
