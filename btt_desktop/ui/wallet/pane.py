"""The wallet section of the window: first-run setup, or the wallet itself.

The wallet page has the accounts, network, lock state and the wallet menu at the top,
then tabs: the first shows the current account's address (copy button, QR code), the TRX
and BTT balances with the time of the last refresh and, when the node cannot be reached,
why they may be out of date, Send / Receive / Refresh and the recent transactions;
Speed adds its vault tab (``add_tab``). Every chain call is a task on the loop: the
window never waits.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.errors import BttError
from btt_desktop.ui.bridge import EventBridge
from btt_desktop.ui.icons import icon
from btt_desktop.ui.tasks import TaskRunner, run_dialog
from btt_desktop.ui.theme import Tone, set_tone
from btt_desktop.ui.wallet.amounts_text import clock, glance_token, token_amount
from btt_desktop.ui.wallet.auto_lock import AutoLock
from btt_desktop.ui.wallet.change_password_dialog import ChangePasswordDialog
from btt_desktop.ui.wallet.clipboard import SecretClipboard, copy_text
from btt_desktop.ui.wallet.export_dialog import ExportDialog
from btt_desktop.ui.wallet.first_run import FirstRunPage
from btt_desktop.ui.wallet.history_panel import HistoryPanel
from btt_desktop.ui.wallet.network_dialog import NetworkDialog, current_choice, network_title
from btt_desktop.ui.wallet.protected import Outcome, Policy, protected, run_protected
from btt_desktop.ui.wallet.qr import QrCodeWidget
from btt_desktop.ui.wallet.receive_dialog import ReceiveDialog
from btt_desktop.ui.wallet.send_dialog import SendDialog
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import DEFAULT_REFRESH_INTERVAL, WalletService
from btt_desktop.wallet.types import BalanceSnapshot, WalletInfo, WalletState
from btt_desktop.wallet.walletfile import Account

log = logging.getLogger(__name__)

SELECTABLE_NETWORKS = ("mainnet", "nile", "devnet")
HISTORY_LIMIT = 20
MESSAGE_MS = 10_000


def _big(label: QLabel, factor: float) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    return label


class WalletPane(QWidget):
    """First-run setup while the profile has no wallet, the wallet page afterwards."""

    FIRST_RUN, WALLET = range(2)

    def __init__(self, service: WalletService, bridge: EventBridge, *,
                 report: Callable[[str], None] | None = None,
                 refresh_interval: float = DEFAULT_REFRESH_INTERVAL,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallet_pane")
        self.service = service
        self.bridge = bridge  # the window's one bridge: shared, so never detached here
        self.refresh_interval = refresh_interval
        self.password_every_send = True  # Settings → Wallet (install_wallet_section)
        self.auto_lock: AutoLock | None = None
        self._report = report
        self.tasks = TaskRunner(self.show_error)
        self.clipboard = SecretClipboard(parent=self)
        self._refreshing = False
        self._keyring_reason: str | None = None
        self._choices: dict[str, NetworkChoice] = {}
        self._started = False
        self._shown: tuple[str, str, str] | None = None  # address, network, node
        self.errors: list[str] = []
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.status_label_clear)

        self.first_run = FirstRunPage(service)
        self.first_run.finished.connect(self._setup_finished)
        self.first_run.error_shown.connect(self.show_error)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.first_run)
        self.stack.addWidget(self._wallet_page())
        self.status_label = QLabel()
        self.status_label.setObjectName("wallet_status")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_label)

        self._connections = [
            bridge.wallet_changed.connect(self._on_changed),
            bridge.wallet_locked.connect(lambda _wid: self._apply_info(self.service.info)),
            bridge.wallet_unlocked.connect(
                lambda _wid, _a: self._apply_info(self.service.info)),
            bridge.balances_updated.connect(self._apply_balances),
        ]
        self._apply_info(service.info)

    # --- building -------------------------------------------------------------------

    def _wallet_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("wallet_page")
        top = QHBoxLayout()
        self.account_combo = QComboBox()
        self.account_combo.setObjectName("account_combo")
        self.account_combo.setMinimumWidth(220)
        self.account_combo.activated.connect(self._account_chosen)
        self.add_account_button = QToolButton()
        self.add_account_button.setObjectName("add_account")
        self.add_account_button.setText(self.tr("Add account"))
        self.add_account_button.setToolTip(self.tr("Add the next account of this recovery "
                                                   "phrase"))
        self.add_account_button.clicked.connect(lambda: self.tasks.run(self.add_account()))
        self.rename_button = QToolButton()
        self.rename_button.setObjectName("rename_account")
        self.rename_button.setText(self.tr("Rename"))
        self.rename_button.clicked.connect(lambda: self.tasks.run(self.rename_account()))
        top.addWidget(QLabel(self.tr("Account:")))
        top.addWidget(self.account_combo)
        top.addWidget(self.add_account_button)
        top.addWidget(self.rename_button)
        top.addStretch(1)
        self.network_combo = QComboBox()
        self.network_combo.setObjectName("network_combo")
        self.network_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.network_combo.activated.connect(self._network_chosen)
        self.network_button = QToolButton()
        self.network_button.setObjectName("network_settings")
        self.network_button.setIcon(icon("settings"))
        self.network_button.setToolTip(self.tr("Network settings: node URL, API key"))
        self.network_button.clicked.connect(lambda: self.tasks.run(self.edit_network()))
        top.addWidget(QLabel(self.tr("Network:")))
        top.addWidget(self.network_combo)
        top.addWidget(self.network_button)
        self.lock_state = QLabel()
        self.lock_state.setObjectName("lock_state")
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lock_button")
        self.lock_button.clicked.connect(self.toggle_lock)
        top.addSpacing(12)
        top.addWidget(self.lock_state)
        top.addWidget(self.lock_button)
        self.more_button = QPushButton(self.tr("Wallet"))
        self.more_button.setObjectName("wallet_more")
        menu = QMenu(self.more_button)
        self.change_password_action = QAction(icon("lock"), self.tr("Change password…"), self)
        self.change_password_action.triggered.connect(
            lambda: self.tasks.run(self.change_password()))
        self.export_action = QAction(self.tr("Export recovery phrase or key…"), self)
        self.export_action.triggered.connect(lambda: self.tasks.run(self.export()))
        self.remember_action = QAction(self.tr("Remember the password on this computer"), self)
        self.remember_action.setCheckable(True)
        self.remember_action.triggered.connect(
            lambda on: self.tasks.run(self.set_remembered(on)))
        menu.addAction(self.change_password_action)
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.remember_action)
        menu.setToolTipsVisible(True)  # why "remember" is unavailable
        self.more_button.setMenu(menu)
        top.addWidget(self.more_button)

        card = QFrame()
        card.setObjectName("wallet_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QHBoxLayout(card)
        self.qr = QrCodeWidget(176)
        card_layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        caption = QLabel(self.tr("Address"))
        set_tone(caption, Tone.MUTED)
        address_row = QHBoxLayout()
        self.address_label = QLabel()
        self.address_label.setObjectName("wallet_address")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.25)
        self.address_label.setFont(mono)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copy_address")
        self.copy_button.setIcon(icon("copy"))
        self.copy_button.setToolTip(self.tr("Copy the address"))
        self.copy_button.clicked.connect(self._copy_address)
        address_row.addWidget(self.address_label)
        address_row.addWidget(self.copy_button)
        address_row.addStretch(1)
        right.addWidget(caption)
        right.addLayout(address_row)
        right.addSpacing(8)

        self.trx_label = _big(QLabel("—"), 1.8)
        self.trx_label.setObjectName("trx_balance")
        self.btt_label = _big(QLabel("—"), 1.8)
        self.btt_label.setObjectName("btt_balance")
        for value, unit in ((self.btt_label, "BTT"), (self.trx_label, "TRX")):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(value, 0, Qt.AlignmentFlag.AlignBaseline)
            row.addWidget(_big(QLabel(unit), 1.2), 0, Qt.AlignmentFlag.AlignBaseline)
            row.addStretch(1)
            right.addLayout(row)
        self.btt_note = QLabel()
        self.btt_note.setObjectName("btt_note")
        self.btt_note.setWordWrap(True)
        set_tone(self.btt_note, Tone.MUTED)
        self.btt_note.setVisible(False)
        right.addWidget(self.btt_note)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("balances_updated")
        set_tone(self.updated_label, Tone.MUTED)
        self.stale_label = QLabel()
        self.stale_label.setObjectName("balances_stale")
        self.stale_label.setWordWrap(True)
        set_tone(self.stale_label, Tone.WARNING)
        self.stale_label.setVisible(False)
        right.addWidget(self.updated_label)
        right.addWidget(self.stale_label)
        right.addStretch(1)
        actions = QHBoxLayout()
        self.send_button = QPushButton(icon("send"), self.tr("Send…"))
        self.send_button.setObjectName("send_button")
        self.send_button.clicked.connect(lambda: self.tasks.run(self.open_send()))
        self.receive_button = QPushButton(icon("receive"), self.tr("Receive"))
        self.receive_button.setObjectName("receive_button")
        self.receive_button.clicked.connect(lambda: self.tasks.run(self.open_receive()))
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.send_button, self.receive_button, self.refresh_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right.addLayout(actions)
        card_layout.addLayout(right, 1)

        heading = _big(QLabel(self.tr("Recent transactions")), 1.1)
        self.history_panel = HistoryPanel(self.service, heading, limit=HISTORY_LIMIT)
        self.history = self.history_panel.model
        self.history_view = self.history_panel.view
        self.history_empty = self.history_panel.empty

        overview = QWidget()
        overview.setObjectName("wallet_overview")
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(card)
        overview_layout.addSpacing(6)
        overview_layout.addWidget(self.history_panel, 1)
        # the account's balances first; other parts of the wallet (Speed's vault) add tabs
        self.tabs = QTabWidget()
        self.tabs.setObjectName("wallet_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(overview, self.tr("Wallet"))
        self.tabs.tabBar().setVisible(False)  # shown once there is a second tab

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        return page

    def add_tab(self, widget: QWidget, title: str, tab_icon: QIcon | None = None) -> None:
        """Add a tab beside the account's balances and transactions (e.g. Speed's vault)."""
        if tab_icon is None:
            self.tabs.addTab(widget, title)
        else:
            self.tabs.addTab(widget, tab_icon, title)
        self.tabs.tabBar().setVisible(self.tabs.count() > 1)

    def show_tab(self, widget: QWidget) -> None:
        """Show ``widget``'s tab (once a wallet exists; first-run setup comes first)."""
        self.tabs.setCurrentWidget(widget)

    # --- lifecycle ------------------------------------------------------------------

    def start(self) -> asyncio.Task[None]:
        """Open the wallet, unlock it with a remembered password, refresh periodically."""
        return self.tasks.run(self._start())

    async def _start(self) -> None:
        if self.service.state is WalletState.NONE:
            await self.service.open()
        self._apply_info(self.service.info)
        status = await self.service.keyring_status()
        self._keyring_reason = None if status.available else status.reason
        self._apply_info(self.service.info)
        if self.service.state is WalletState.NONE:
            return
        if self.service.state is WalletState.LOCKED and self.service.info.remembered:
            remembered = await self.service.unlock_remembered()
            if not remembered.unlocked and remembered.reason:
                self.show_error(self.tr("Still locked: {reason}").format(
                    reason=remembered.reason))
        self._begin_refreshing()

    def _begin_refreshing(self) -> None:
        self._started = True
        self.service.start_auto_refresh(self.refresh_interval)

    async def shutdown(self) -> None:
        """Stop refreshing and pending work, clear a copied secret, stop listening."""
        self.service.stop_auto_refresh()
        self.clipboard.clear()
        if self.auto_lock is not None:
            self.auto_lock.stop()
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections.clear()
        for dialog in self.findChildren(QDialog):  # send, export, network ... still open
            runner = getattr(dialog, "tasks", None)
            if isinstance(runner, TaskRunner):
                await runner.cancel_all()
        await self.first_run.tasks.cancel_all()
        await self.tasks.cancel_all()
        await self.history_panel.stop()

    def show_error(self, line: str) -> None:
        self.errors.append(line)
        self._message_timer.stop()
        set_tone(self.status_label, Tone.ERROR)
        self.status_label.setText(line)
        if self._report is not None:
            self._report(line)

    def show_message(self, line: str) -> None:
        """A passing notice (errors stay until the next message)."""
        set_tone(self.status_label, None)
        self.status_label.setText(line)
        self._message_timer.start(MESSAGE_MS)

    def status_label_clear(self) -> None:
        self.status_label.clear()

    # --- state ----------------------------------------------------------------------

    def _setup_finished(self) -> None:
        self.show_message(self.tr("The wallet is ready."))
        self._apply_info(self.service.info)
        if not self._started:
            self._begin_refreshing()
        else:
            self.refresh()

    def _on_changed(self, info: WalletInfo) -> None:
        self._apply_info(info)

    def _apply_info(self, info: WalletInfo) -> None:
        if info.state is WalletState.NONE:
            self.stack.setCurrentIndex(self.FIRST_RUN)
            return
        self.stack.setCurrentIndex(self.WALLET)
        address = info.address or ""
        shown = (address, info.network, self.service.network.node_url)
        if shown != self._shown:
            self._shown = shown
            self.address_label.setText(address)
            self.qr.set_text(address)
            self.history_panel.clear()
            self.history_panel.reload(refresh=False)  # the cached list, at once
            self._clear_balances()
        self._fill_accounts(info)
        self._fill_networks(info)
        watch = info.state is WalletState.WATCH_ONLY
        hd = info.has_recovery_phrase
        unlocked = info.state is WalletState.UNLOCKED
        state_text = {WalletState.LOCKED: self.tr("Locked"),
                      WalletState.UNLOCKED: self.tr("Unlocked"),
                      WalletState.WATCH_ONLY: self.tr("Watch-only")}[info.state]
        self.lock_state.setText(state_text)
        self.lock_button.setVisible(not watch)
        self.lock_button.setText(self.tr("Lock") if unlocked else self.tr("Unlock…"))
        self.lock_button.setIcon(icon("lock") if unlocked else icon("unlock"))
        self.send_button.setEnabled(not watch)
        self.send_button.setToolTip(self.tr("A watch-only wallet holds no key and cannot send")
                                    if watch else "")
        self.add_account_button.setVisible(hd)
        self.export_action.setEnabled(not watch)
        self.change_password_action.setEnabled(not watch)
        self.remember_action.setChecked(info.remembered)
        self.remember_action.setEnabled(not watch and (info.remembered
                                                       or self._keyring_reason is None))
        self.remember_action.setToolTip(self._keyring_reason or "")
        if self._keyring_reason and not info.remembered:
            self.remember_action.setText(self.tr("Remember the password (not available here)"))
        balances = self.service.balances
        if balances is not None and balances.address == address:
            self._apply_balances(balances)

    def _fill_accounts(self, info: WalletInfo) -> None:
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        for account in info.accounts:
            self.account_combo.addItem(self._account_text(account), account.index)
        if info.current is not None:
            self.account_combo.setCurrentIndex(self.account_combo.findData(info.current.index))
        self.account_combo.blockSignals(False)
        self.account_combo.setEnabled(len(info.accounts) > 1 or info.has_recovery_phrase)

    def _account_text(self, account: Account) -> str:
        short = account.address[:6] + "…" + account.address[-4:]
        return f"{account.label}  ({short})"

    def _fill_networks(self, info: WalletInfo) -> None:
        self._choices[info.network] = current_choice(self.service)
        names = list(SELECTABLE_NETWORKS)
        if info.network not in names:
            names.append(info.network)
        self.network_combo.blockSignals(True)
        self.network_combo.clear()
        for name in names:
            self.network_combo.addItem(network_title(name), name)
        self.network_combo.setCurrentIndex(self.network_combo.findData(info.network))
        self.network_combo.setToolTip(self.service.network.node_url)
        self.network_combo.blockSignals(False)

    def _clear_balances(self) -> None:
        self.trx_label.setText("—")
        self.btt_label.setText("—")
        self.updated_label.setText(self.tr("Checking balances…"))
        self.updated_label.setVisible(True)
        self.stale_label.setVisible(False)
        self.btt_note.setVisible(False)

    def _apply_balances(self, snap: BalanceSnapshot) -> None:
        if snap.address != self.service.info.address:
            return
        for label, amount, token in ((self.trx_label, snap.trx, "TRX"),
                                     (self.btt_label, snap.btt, "BTT")):
            label.setText("—" if amount is None else glance_token(amount, token))
            label.setToolTip("" if amount is None else self.tr("Exactly {amount} {token}")
                             .format(amount=token_amount(amount, token), token=token))
        self.btt_note.setText(snap.btt_unavailable or "")
        self.btt_note.setVisible(snap.btt is None and bool(snap.btt_unavailable)
                                 and not snap.stale_reason)
        if snap.refreshed_at is not None:
            self.updated_label.setText(self.tr("Updated {time}").format(
                time=clock(snap.refreshed_at)))
        else:
            self.updated_label.setText(self.tr("Never updated"))
        self.updated_label.setVisible(snap.refreshed_at is not None or not snap.stale_reason)
        if snap.stale_reason:
            text = self.tr("Not up to date: {reason}").format(reason=snap.stale_reason)
            if snap.refreshed_at is not None:
                text = text + " " + self.tr("(showing the amounts of {time})").format(
                    time=clock(snap.refreshed_at))
            self.stale_label.setText(text)
            self.stale_label.setVisible(True)
            self.history_panel.node_unreachable()
        else:
            self.stale_label.setVisible(False)
            self.history_panel.reload()

    # --- refreshing -----------------------------------------------------------------

    def refresh(self) -> None:
        if not self._refreshing:
            self.tasks.run(self._refresh())

    async def _refresh(self) -> None:
        self._refreshing = True
        self.refresh_button.setEnabled(False)
        self.refresh_button.setText(self.tr("Refreshing…"))
        try:
            await self.service.refresh_balances()
        finally:
            self._refreshing = False
            self.refresh_button.setEnabled(True)
            self.refresh_button.setText(self.tr("Refresh"))

    # --- accounts -------------------------------------------------------------------

    def _account_chosen(self, row: int) -> None:
        index = self.account_combo.itemData(row)
        current = self.service.info.current
        if index is None or (current is not None and current.index == index):
            return
        self.tasks.run(self._switch(int(index)))

    async def _switch(self, index: int) -> None:
        await self.service.switch_account(index)
        await self._refresh()

    @protected(str(QT_TRANSLATE_NOOP("Protected", "Add an account")),
               str(QT_TRANSLATE_NOOP("Protected", "Enter the wallet password to derive the "
                                                  "next account.")), Policy.UNLOCK)
    async def _add_account(self, password: str | None) -> Account:
        if password is not None:
            await self.service.unlock(password)
        return await self.service.add_account()

    async def add_account(self) -> Account | None:
        outcome: Outcome[Account] = await self._add_account()
        if outcome.done and outcome.value is not None:
            self.show_message(self.tr("Added {label}.").format(label=outcome.value.label))
            await self._refresh()
            return outcome.value
        return None

    async def rename_account(self) -> None:
        current = self.service.info.current
        if current is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("rename_dialog")
        dialog.setWindowTitle(self.tr("Rename account"))
        dialog.setLabelText(self.tr("Name of {address}:").format(address=current.address))
        dialog.setTextValue(current.label)
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        await self.service.rename_account(current.index, dialog.textValue())

    # --- network --------------------------------------------------------------------

    def _network_chosen(self, row: int) -> None:
        name = str(self.network_combo.itemData(row))
        if name == self.service.network.name:
            return
        api_key = self.service.network.api_key
        choice = self._choices.get(name) or NetworkChoice(name, api_key=api_key
                                                          if name != "devnet" else None)
        self.tasks.run(self._set_network(choice))

    async def _set_network(self, choice: NetworkChoice) -> None:
        try:
            await self.service.set_network(choice)
        except BttError:
            self._fill_networks(self.service.info)
            raise
        await self._refresh()

    async def edit_network(self) -> None:
        dialog = NetworkDialog(self.service, self)
        if await run_dialog(dialog) == QDialog.DialogCode.Accepted:
            await self._refresh()
        dialog.deleteLater()

    # --- lock, password, keyring, export --------------------------------------------

    def toggle_lock(self) -> None:
        if self.service.state is WalletState.UNLOCKED:
            self.service.lock()
            self.show_message(self.tr("Locked."))
        else:
            self.tasks.run(self.unlock())

    async def unlock(self) -> bool:
        async def unlock_with(password: str | None) -> None:
            if password is not None:
                await self.service.unlock(password)

        outcome = await run_protected(
            self, self.service, unlock_with, title=self.tr("Unlock the wallet"),
            text=self.tr("Enter the wallet password."), policy=Policy.UNLOCK)
        if outcome.done:
            self.show_message(self.tr("Unlocked."))
        return outcome.done

    async def change_password(self) -> None:
        dialog = ChangePasswordDialog(self)
        accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
        new_password = dialog.new_password()
        dialog.fields.clear()
        dialog.deleteLater()
        if not accepted:
            return

        async def change(old: str | None) -> None:
            await self.service.change_password(old or "", new_password)

        outcome = await run_protected(
            self, self.service, change, title=self.tr("Change the wallet password"),
            text=self.tr("Enter the current password."), policy=Policy.ALWAYS)
        if outcome.done:
            self.show_message(self.tr("The password was changed."))

    async def set_remembered(self, on: bool) -> None:
        if not on:
            await self.service.forget_password()
            self.show_message(self.tr("The password is no longer kept on this computer."))
            return

        async def remember(password: str | None) -> None:
            await self.service.remember_password(password or "")

        outcome = await run_protected(
            self, self.service, remember, title=self.tr("Remember the password"),
            text=self.tr("Enter the wallet password to keep it in the system keyring."),
            policy=Policy.ALWAYS)
        self.remember_action.setChecked(self.service.info.remembered)
        if outcome.done:
            self.show_message(self.tr("The password is kept in the system keyring."))

    async def export(self) -> ExportDialog:
        dialog = ExportDialog(self.service, self.clipboard, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # --- send and receive -----------------------------------------------------------

    async def open_send(self) -> SendDialog:
        dialog = SendDialog(self.service, self.bridge, self.service.balances, self,
                            always_ask=self.password_every_send)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def open_receive(self) -> ReceiveDialog:
        info = self.service.info
        account = info.current
        dialog = ReceiveDialog(info.address or "", account.label if account else "",
                               network_title(info.network), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _copy_address(self) -> None:
        copy_text(self.address_label.text())
        self.show_message(self.tr("Address copied."))
