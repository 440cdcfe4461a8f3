"""The pane against a real devnet process over HTTP: balances, a BTT send with the
confirmation dialog and the password, its progress to the block; then the node goes away
(stale, with the reason) or hangs (the window keeps running)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tronpy import AsyncTron
from tronpy.async_contract import AsyncContract
from tronpy.providers.async_http import AsyncHTTPProvider

from btt_desktop.events import EventBus
from btt_desktop.ui.wallet.network_dialog import NetworkDialog
from btt_desktop.ui.wallet.protected import PasswordDialog
from btt_desktop.ui.wallet.send_dialog import ConfirmSendDialog
from btt_desktop.wallet.chain import TRC20_ABI
from tests.devnet_process import devnet_info, devnet_process, faucet
from tests.ui.ui_helpers import until
from tests.ui.wallet.wallet_ui_rig import (
    ABANDON_1,
    PASSWORD,
    LoopWatch,
    dialog_of,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
    make_service,
)

pytestmark = pytest.mark.timeout(90)

BTT = 10**18


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


async def btt_balance(url: str, address: str) -> int:
    """Read independently of the wallet: tronpy's own contract call."""
    async with AsyncTron(AsyncHTTPProvider(url)) as tron:
        contract = AsyncContract(addr=devnet_info(url)["btt"], abi=TRC20_ABI, client=tron)
        return int(await contract.functions.balanceOf(address))


async def test_send_btt_with_confirmation_until_confirmed(qtbot: Any, tmp_path: Path,
                                                          devnet_url: str) -> None:
    bus = EventBus()
    service = make_service(tmp_path, bus, devnet_url)
    await service.open()
    await service.create(service.new_recovery_phrase(), PASSWORD)
    address = service.info.address
    assert address is not None
    faucet(devnet_url, address, trx=50, btt=1000)
    pane = make_pane(service, bus, qtbot, refresh_interval=1.0)
    try:
        await pane.start()
        await until(lambda: pane.btt_label.text() == "1,000", 20, "the BTT balance")
        assert pane.trx_label.text() == "50"
        assert pane.updated_label.text().startswith("Updated ")
        assert not pane.stale_label.isVisible()
        pane.lock_button.click()  # sending from a locked wallet asks for the password

        send = await pane.open_send()
        send.to_field.setText("T" + ABANDON_1[1:-1] + ("a" if ABANDON_1[-1] != "a" else "b"))
        assert "checksum does not match" in send.to_check.text()
        send.to_field.setText(ABANDON_1)
        assert send.to_check.text() == "Valid TRON address"
        send.amount.setText("2000")
        await until(lambda: "insufficient BTT balance" in send.error_label.text(), 10,
                    "the balance check")
        assert not send.review_button.isEnabled()
        send.max_button.click()
        await until(lambda: send.amount.text() == "1000", 5, "max")
        send.amount.setText("12.5")
        await until(send.review_button.isEnabled, 15, "the fee estimate")
        assert "TRX" in send.fee_label.text() and "energy" in send.fee_label.text()

        send.review_button.click()
        confirm = await dialog_of(send, ConfirmSendDialog)
        assert confirm.quote.amount == 12_500_000_000_000_000_000
        heading = confirm.findChild(type(send.fee_label), "confirm_heading")
        assert heading is not None and heading.text() == "Send 12.5 BTT?"
        assert confirm.fee_label.text() == send.fee_label.text()
        confirm.send_button.click()

        prompt = await dialog_of(send, PasswordDialog)
        prompt.field.setText("wrong one, surely")
        prompt.accept()
        await until(lambda: "Wrong password" in prompt.error_label.text(), 10, "refusal")
        assert send.pages.currentIndex() == send.FORM  # nothing was sent
        prompt.field.setText(PASSWORD)
        prompt.accept()

        await until(lambda: send.pages.currentIndex() == send.PROGRESS, 15, "the progress")
        await until(send.close_button.isEnabled, 40, "the transfer to end")
        assert send.transfer is not None, send.progress_label.text()
        assert "Confirmed in block" in send.progress_label.text()
        assert send.transfer.txid in send.txid_label.text()
        assert len(send.transfer.txid) == 64
        assert send.states[-1] == "confirmed" and "broadcast" in send.states
        assert not service.info.can_send  # the password served this send only

        assert await btt_balance(devnet_url, ABANDON_1) == 12_500_000_000_000_000_000
        await until(lambda: pane.btt_label.text() == "987.5", 15, "the balances to refresh")
        await until(lambda: pane.history.rowCount() >= 1, 15, "the transaction in the list")
        first = pane.history.records()[0]
        assert (first.txid, first.direction, first.token) == (send.transfer.txid, "out", "BTT")
        send.close_button.click()

        # the periodic refresh brings news without a click
        faucet(devnet_url, address, btt="0.5")
        await until(lambda: pane.btt_label.text() == "988", 15, "the periodic refresh")
        # 18 decimals: six at a glance, every digit in the tooltip
        faucet(devnet_url, address, btt="0.028853565454483032")
        await until(lambda: pane.btt_label.text() == "988.028853", 15, "a precise balance")
        assert pane.btt_label.toolTip() == "Exactly 988.028853565454483032 BTT"
    finally:
        await pane.shutdown()
        await service.close()


async def test_node_down_then_hung_marks_stale_without_freezing(
        qtbot: Any, tmp_path: Path) -> None:
    bus = EventBus()
    with devnet_process(tmp_path / "devnet") as url:
        service = make_service(tmp_path / "wallet", bus, url)
        await service.open()
        await service.create(service.new_recovery_phrase(), PASSWORD)
        assert service.info.address is not None
        faucet(url, service.info.address, trx=7, btt=3)
        pane = make_pane(service, bus, qtbot)
        await pane.start()
        await until(lambda: pane.trx_label.text() == "7", 20, "the first balances")
    try:
        # the devnet has stopped
        watch = LoopWatch()
        pane.refresh_button.click()
        await until(pane.stale_label.isVisible, 20, "the stale mark")
        assert "node unreachable: " + url in pane.stale_label.text()
        assert "showing the amounts of" in pane.stale_label.text()
        assert pane.trx_label.text() == "7" and pane.btt_label.text() == "3"

        # a node that accepts connections and never answers: 2 s timeout, loop keeps going
        with socket.socket() as hung:
            hung.bind(("127.0.0.1", 0))
            hung.listen(8)
            hung_url = f"http://127.0.0.1:{hung.getsockname()[1]}"
            editing = pane.tasks.run(pane.edit_network())
            dialog = await dialog_of(pane, NetworkDialog)
            dialog.name.setCurrentIndex(dialog.name.findData("custom"))
            dialog.node_url.setText("ftp://nowhere")
            dialog.apply()
            await until(lambda: "not a node URL" in dialog.error_label.text(), 10, "refusal")
            dialog.node_url.setText(hung_url)
            dialog.apply()
            await editing
            assert service.network.name == "custom" and service.network.node_url == hung_url
            await until(lambda: "did not answer" in pane.stale_label.text(), 20, "timeout")
            assert pane.network_combo.currentData() == "custom"
            assert pane.refresh_button.isEnabled()
        longest = watch.stop()
        assert longest < 1.0, f"the loop stalled for {longest:.2f} s"

        # back to a known network through the selector
        pane.network_combo.setCurrentIndex(pane.network_combo.findData("devnet"))
        pane.network_combo.activated.emit(pane.network_combo.currentIndex())
        await until(lambda: service.network.name == "devnet", 10, "devnet again")
        assert service.network.node_url == url
    finally:
        await pane.shutdown()
        await service.close()
