"""Speed between two real engines on loopback, paid through a devnet process's vault,
as the window shows it.

- The window downloads: its vault panel deposits BTT on the devnet (the balance shown
  is the node's), announces a withdrawal and withdraws it once the notice ran out; its
  Speed tab shows the real seller (a bare engine with its own
  SpeedService) awarding our bid: "Won", the seller's clearing price, bytes bought and
  BTT spent.
- The window seeds: its Speed tab shows the bidder and the winner at the clearing price;
  Cash Out in the vault panel moves the earnings to the wallet on the devnet, and the
  wallet's BTT balance rises by exactly the amount shown.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.errors import BttError
from btt_desktop.speed.ledger import MIB
from btt_desktop.speed.settings import BTT, GIB_IN_MIB, SpeedSettings, load_settings
from btt_desktop.ui.speed.amounts import btt_text, glance_btt
from btt_desktop.ui.speed.spend_dialog import ConfirmSpendDialog
from btt_desktop.ui.speed.vault_panel import AmountDialog
from tests.devnet_process import devnet_process, faucet
from tests.ui.conftest import loopback_settings
from tests.ui.speed.speed_rig import (
    SpeedPeer,
    SpeedWindow,
    address_of,
    gc_after_each_test,  # noqa: F401  (autouse)
    gc_on_gui_thread,  # noqa: F401  (autouse)
    open_window,
    speed_peer,
)
from tests.ui.ui_helpers import make_torrent, until

pytestmark = pytest.mark.timeout(90)
SIZE = 12 * MIB
CAP = 2_000_000
RESERVE = 512 * BTT  # per GiB: half a BTT per MiB
NOTICE = 3  # seconds before an announced withdrawal can leave the vault


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet"), withdraw_notice=NOTICE) as url:
        yield url


def _cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else str(item.text())


def _tip(table: Any, row: int) -> str:
    item = table.item(row, 0)
    return "" if item is None else str(item.toolTip())


@dataclass
class Confirmation:
    what: str
    fee: str
    warning: str


def _open_confirm(panel: Any) -> ConfirmSpendDialog | None:
    return next((d for d in panel.findChildren(ConfirmSpendDialog) if d.isVisible()), None)


async def confirmed(panel: Any) -> Confirmation:
    """Wait for the fee confirmation of a vault action, read it as a user would, press its
    action button."""
    dialog = await until(lambda: _open_confirm(panel), 30, "the fee confirmation")
    seen = Confirmation(dialog.findChild(QLabel, "speed_confirm_what").text(),
                        dialog.fee_label.text(), dialog.warning_label.text()
                        if dialog.warning_label.isVisibleTo(dialog) else "")
    dialog.ok_button.click()
    return seen


async def _show_speed_tab(w: SpeedWindow, tid: str) -> None:
    w.window.show_section("torrents")
    await until(lambda: w.window.select_torrent(tid), 10, "the torrent in the list")
    w.window.details.tabs.setCurrentWidget(w.speed.tab)


async def test_window_buys_speed_deposit_and_tab(qtbot: Any, tmp_path: Path,
                                                 devnet: str) -> None:
    buyer_key, seller_key = "61" * 32, "62" * 32
    faucet(devnet, address_of(buyer_key), trx=1000, btt=1000)
    faucet(devnet, address_of(seller_key), trx=100)
    content, torrent = await make_torrent(tmp_path, {"a.bin": SIZE}, piece_size=65536,
                                          private=True)
    seller: SpeedPeer | None = None
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=buyer_key,
                          speed=SpeedSettings(earn=False, auto_bid=True, introduced=True,
                                              max_price_per_gib=1024 * BTT))
    try:
        service = await until(lambda: w.speed.controller.service, 20, "the Speed service")
        panel = w.speed.panel

        # the vault is a tab of the wallet section, not a section of its own
        w.speed.show_panel()
        assert w.window.sections.currentWidget() is w.wallet_pane
        assert w.wallet_pane.tabs.currentWidget() is panel and panel.isVisible()
        assert [w.wallet_pane.tabs.tabText(i) for i in range(w.wallet_pane.tabs.count())] \
            == ["Wallet", "BTT Speed"]
        assert w.window.section_keys() == ["torrents", "wallet"]

        # deposit through the vault panel: the node's balance shows
        await until(lambda: panel.deposit_button.isEnabled(), 10, "the Deposit button")
        panel.deposit_button.click()
        dialog = await until(lambda: next((d for d in panel.findChildren(AmountDialog)
                                           if d.isVisible()), None), 10, "the deposit dialog")
        dialog.field.setText("100.5")
        dialog.accept()
        confirm = await confirmed(panel)
        assert "100.5 BTT" in confirm.what and "devnet" in confirm.fee
        assert "Approval: up to" in confirm.fee and "Deposit: up to" in confirm.fee
        await until(lambda: panel.balance_label.text() == "100.5 BTT", 30, "the balance")
        assert (await service.vault_status()).balance == 1005 * BTT // 10
        assert panel.vault_message.text() == "Deposited 100.5 BTT."

        # announce a withdrawal: the notice counts down, then Withdraw pays it out
        assert not panel.withdraw_button.isEnabled()
        panel.announce_button.click()
        dialog = await until(lambda: next((d for d in panel.findChildren(AmountDialog)
                                           if d.isVisible()), None), 10, "the amount dialog")
        dialog.field.setText("0.5")
        dialog.accept()
        confirm = await confirmed(panel)
        assert "0.5 BTT" in confirm.what and f"possible {NOTICE}s after" in confirm.what
        await until(lambda: panel.withdrawal_label.text().startswith("0.5 BTT, ready in"), 20,
                    "the notice")
        await until(lambda: panel.withdraw_button.isEnabled(), NOTICE + 15, "Withdraw")
        assert panel.withdrawal_label.text() == "0.5 BTT, ready to withdraw"
        panel.withdraw_button.click()
        await confirmed(panel)
        await until(lambda: panel.balance_label.text() == "100 BTT", 30, "the new balance")
        assert panel.vault_message.text() == "Withdrew 0.5 BTT to your wallet."
        assert panel.withdrawal_label.text() == "none announced"

        seller = await speed_peer(tmp_path / "seller", loopback_settings(), devnet, seller_key,
                                  SpeedSettings(earn=True, auto_bid=False, round_seconds=1.0,
                                                reserve_price_per_gib=RESERVE,
                                                cash_threshold=0))
        stid = await seller.engine.add(AddParams(save_path=str(content.parent),
                                                 torrent_path=str(torrent)))
        await seller.engine.set_limits(stid, upload=CAP // 2)  # time to switch Speed off
        await until(lambda: (s := seller.engine.snapshot(stid)) is not None  # type: ignore
                    and s.state == TorrentState.SEEDING, 20, "the seeder")

        tid = await w.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                           torrent_path=str(torrent), peers=(seller.endpoint,)))
        await _show_speed_tab(w, tid)
        tab = w.speed.tab
        table = tab.buying_table
        await until(lambda: _cell(table, 0, 1) == "Won", 30, "the award in the Speed tab")
        assert _tip(table, 0) == seller.service.address
        winners = dict(seller.service.torrent_state(stid).winners)  # type: ignore[union-attr]
        price = winners[service.address]
        assert _cell(table, 0, 2) == glance_btt(price * GIB_IN_MIB)
        assert price * GIB_IN_MIB >= RESERVE
        assert "Our bid:" in tab.summary.text()
        # bytes bought and BTT spent appear as cheques go out
        await until(lambda: _cell(table, 0, 5) not in ("", "0"), 30, "BTT spent")
        spent = service.status().spending.peers[0]
        assert _cell(table, 0, 4) != "" and spent.bytes > 0
        assert tab.enable_check.isChecked()
        # the status bar's readout: spending now, in BTT per minute
        readout = w.speed.readout.label
        await until(lambda: readout.text().startswith("BTT Speed: buying, spending")
                    and not readout.text().startswith("BTT Speed: buying, spending 0 BTT"), 10,
                    "the spending readout")

        # Speed off for this torrent: the bid is withdrawn, the choice is remembered
        def left() -> int:
            snap = w.engine.snapshot(tid)
            return SIZE - (snap.total_done if snap else 0)

        assert left() > 3 * MIB  # still downloading: the bid is withdrawn by the switch
        tab.enable_check.click()
        await until(lambda: _cell(table, 0, 1) == "Not bidding now", 20, "the bid withdrawn")
        assert left() > MIB
        assert service.torrent_state(tid).bid_rate == 0  # type: ignore[union-attr]
        assert tab.summary.text() == "BTT Speed is off for this torrent."
        assert tid in load_settings(w.profile.speed_dir).disabled_torrents
        assert not tab.enable_check.isChecked()
    finally:
        await w.close()
        if seller is not None:
            await seller.close()


async def _sold(tmp_path: Path, devnet: str, seller_key: str, buyer_key: str
                ) -> tuple[SpeedWindow, SpeedPeer]:
    """The window seeds, a bidder buys the whole torrent from it and pays by cheque."""
    faucet(devnet, address_of(seller_key), trx=100)
    faucet(devnet, address_of(buyer_key), trx=1000, btt=1000)
    content, torrent = await make_torrent(tmp_path, {"a.bin": SIZE}, piece_size=65536,
                                          private=True)
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=seller_key,
                          speed=SpeedSettings(earn=True, auto_bid=False, introduced=True,
                                              round_seconds=1.0, reserve_price_per_gib=RESERVE,
                                              cash_threshold=0))
    service = await until(lambda: w.speed.controller.service, 20, "the Speed service")
    tid = await w.engine.add(AddParams(save_path=str(content.parent),
                                       torrent_path=str(torrent)))
    await w.engine.set_limits(tid, upload=CAP)
    await until(lambda: (s := w.engine.snapshot(tid)) is not None
                and s.state == TorrentState.SEEDING, 20, "seeding")
    buyer = await speed_peer(tmp_path / "buyer", loopback_settings(), devnet, buyer_key,
                             SpeedSettings(earn=False, auto_bid=True, max_price_per_gib=1024 * BTT))
    await buyer.service.deposit(100 * BTT)
    btid = await buyer.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                            torrent_path=str(torrent), peers=(w.endpoint,)))
    await _show_speed_tab(w, tid)
    table = w.speed.tab.selling_table
    await until(lambda: _cell(table, 0, 1) == "Winner", 30, "the winner in the Speed tab")
    assert _tip(table, 0) == buyer.service.address
    price = dict(service.torrent_state(tid).winners)[buyer.service.address]  # type: ignore
    assert _cell(table, 0, 3) == glance_btt(price * GIB_IN_MIB)

    await until(lambda: (s := buyer.engine.snapshot(btid)) is not None
                and s.total_done == SIZE, 40, "the download")
    await until(lambda: service.status().earnings.earned > 0, 20, "a cheque")
    await until(lambda: _cell(table, 0, 5) not in ("", "0"), 10, "BTT earned in the tab")
    # the buyer has finished; it pays what it still owes in a last cheque a moment later:
    # wait until it owes nothing and the seller holds every cheque it signed, so what
    # follows sees settled figures
    def settled() -> bool:
        spending = buyer.service.status().spending
        return spending.owed == 0 and spending.spent == service.status().earnings.earned

    await until(settled, 30, "the buyer's last cheque")
    return w, buyer


async def _cash_out(w: SpeedWindow) -> tuple[str, Confirmation | None]:
    """Press Cash Out, accept the fee confirmation if one comes; (the result shown, the
    confirmation as read)."""
    panel = w.speed.panel
    w.speed.show_panel()  # the wallet section, its Speed tab
    await until(lambda: panel.cash_button.isEnabled(), 10, "the Cash Out button")
    panel.cash_button.click()
    await until(lambda: panel.cash_result.text() != "Estimating the fee…"
                and (panel.cash_result.text() != "" or _open_confirm(panel) is not None), 30,
                "the price of cashing")
    seen = await confirmed(panel) if _open_confirm(panel) is not None else None
    await until(lambda: panel.cash_result.text() not in ("", "Cashing cheques…"), 30,
                "the cash out")
    return str(panel.cash_result.text()), seen


async def test_window_sells_speed_and_cashes_out(qtbot: Any, tmp_path: Path,
                                                 devnet: str) -> None:
    w, buyer = await _sold(tmp_path, devnet, "63" * 32, "64" * 32)
    try:
        service = w.speed.controller.service
        assert service is not None
        before = (await w.wallet.refresh_balances()).btt or 0
        earned = service.status().earnings.earned
        assert _tip(w.speed.panel.earnings_table, 0) == buyer.service.address
        result, seen = await _cash_out(w)
        assert result == f"Cashed {btt_text(earned)} BTT into your wallet."
        assert seen is not None and f"Cash {btt_text(earned)} BTT" in seen.what
        assert "Cash out: up to" in seen.fee and "TRX" in seen.fee
        # a few BTT against a fee of a few TRX (400,000 BTT each at the default rate)
        assert seen.warning.startswith("The fee (about ")
        after = (await w.wallet.refresh_balances()).btt or 0
        assert after - before == earned
        # what was cashed is read back from the node with the vault (every 5 s; a read
        # that times out on a loaded machine is retried at the next one)
        await until(lambda: service.status().earnings.pending == 0, 30, "nothing pending")
        assert _cell(w.speed.panel.earnings_table, 0, 4) == "0"
        assert _cell(w.speed.panel.earnings_table, 0, 5) == ""  # nothing bounced
    finally:
        await w.close()
        await buyer.close()


async def test_cheques_of_an_emptied_vault_bounce(qtbot: Any, tmp_path: Path,
                                                  devnet: str) -> None:
    w, buyer = await _sold(tmp_path, devnet, "65" * 32, "66" * 32)
    try:
        service = w.speed.controller.service
        assert service is not None
        # the buyer takes everything out of its vault before the cheques are cashed
        vault = await buyer.service.vault_status()
        await buyer.service.announce_withdrawal(vault.balance)
        await until_withdrawn(buyer)
        earned = service.status().earnings.earned
        before = await w.wallet.refresh_balances()
        result, seen = await _cash_out(w)
        assert result == (
            f"{btt_text(earned)} BTT bounced: the downloader's vault does not hold it.")
        assert seen is None  # found by a dry run: no fee to confirm
        assert _cell(w.speed.panel.earnings_table, 0, 5) == glance_btt(earned)
        after = await w.wallet.refresh_balances()
        assert after.btt == before.btt  # nothing moved ...
        assert after.trx == before.trx  # ... and the dry run found it: no fee was paid
    finally:
        await w.close()
        await buyer.close()


async def test_refused_or_cancelled_spending_broadcasts_nothing(
        qtbot: Any, tmp_path: Path, devnet: str) -> None:
    """A deposit larger than the wallet's BTT is refused in one line before any approval is
    signed; announcing more than the vault holds is refused in the contract's words after a
    dry run; a deposit cancelled at its fee confirmation sends nothing: the node's TRX, BTT,
    vault balance and allowance are as before."""
    key = "67" * 32
    faucet(devnet, address_of(key), trx=100, btt=990)
    w = await open_window(tmp_path, loopback_settings(), node_url=devnet, key_hex=key,
                          speed=SpeedSettings(auto_bid=True, introduced=True))
    try:
        service = await until(lambda: w.speed.controller.service, 20, "the Speed service")
        panel = w.speed.panel
        w.speed.show_panel()
        before = await w.wallet.refresh_balances()
        assert before.btt == 990 * BTT

        async def ask(button: Any, amount: str) -> None:
            await until(lambda: button.isEnabled(), 10, button.text())
            button.click()
            dialog = await until(lambda: next((d for d in panel.findChildren(AmountDialog)
                                               if d.isVisible()), None), 10, "the amount")
            dialog.field.setText(amount)
            dialog.accept()

        await ask(panel.deposit_button, "5000")
        await until(lambda: "not enough BTT" in panel.vault_message.text(), 20, "the refusal")
        assert panel.vault_message.text() == (
            "not enough BTT for the deposit: the wallet holds 990 BTT, the deposit needs "
            "5000 BTT")
        assert _open_confirm(panel) is None

        await ask(panel.deposit_button, "100")
        confirm = await until(lambda: _open_confirm(panel), 30, "the fee confirmation")
        assert "Approval: up to" in confirm.fee_label.text()
        confirm.reject()
        await ask(panel.announce_button, "1")
        await until(lambda: panel.vault_message.text() not in ("", "Estimating the fee…"), 20,
                    "the refusal")
        assert panel.vault_message.text() == ("the vault would refuse announceWithdrawal: "
                                              "SpeedVault: amount exceeds the vault balance")
        assert _open_confirm(panel) is None
        await asyncio.sleep(1.0)  # anything sent would be in the next devnet block

        after = await w.wallet.refresh_balances()
        assert (after.trx, after.btt) == (before.trx, before.btt)
        vault = service._link.vault  # the node's view of the contract
        assert await vault.allowance(service.address) == 0
        status = await service.vault_status()
        assert status.balance == 0 and status.announced == 0
    finally:
        await w.close()


async def until_withdrawn(buyer: SpeedPeer) -> None:
    """Withdraw once the notice has run out (it is NOTICE seconds on this devnet)."""
    async def attempt() -> bool:
        try:
            await buyer.service.withdraw()
        except BttError:
            return False
        return True
    deadline = time.monotonic() + NOTICE + 20
    while not await attempt():
        assert time.monotonic() < deadline, "the withdrawal never became possible"
        await asyncio.sleep(0.5)
    assert (await buyer.service.vault_status()).balance == 0
