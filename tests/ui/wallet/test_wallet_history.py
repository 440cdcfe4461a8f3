"""The wallet page's "Recent transactions" against a real devnet process, offscreen: a
send and a reverted contract call show with their kind, amount, fee and result (the failure
marked, its reason in the tooltip), readable in a 1024x600 window; after a restart with the
node gone, the saved list is there at once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from tronpy.keys import PrivateKey

from btt_desktop.events import EventBus
from btt_desktop.profile import Profile
from btt_desktop.ui.theme import error_color
from btt_desktop.ui.wallet.history_model import HistoryColumn
from btt_desktop.wallet.networks import NetworkChoice
from btt_desktop.wallet.service import WalletService
from tests.devnet_process import devnet_info, devnet_process, faucet
from tests.ui.ui_helpers import until
from tests.ui.wallet.wallet_ui_rig import (
    CHEAP,
    CLOSED_NODE,
    PASSWORD,
    fail_keyring,
    fast_client,
    gc_on_gui_thread,  # noqa: F401  (autouse)
    keep_loop_alive,  # noqa: F401  (autouse)
    make_pane,
)
from tests.wallet.test_wallet_history_devnet import reverted_withdraw

pytestmark = pytest.mark.timeout(90)


@pytest.fixture(scope="module")
def devnet_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


def service_on(root: Path, bus: EventBus, url: str, chain_factory: Any = fast_client
               ) -> WalletService:
    return WalletService(Profile.open(root), bus, kdf=CHEAP, keyring=fail_keyring(),
                         chain_factory=chain_factory,
                         network=NetworkChoice("devnet", node_url=url))


def cell(pane: Any, row: int, column: HistoryColumn, role: int = Qt.ItemDataRole.DisplayRole
         ) -> Any:
    model = pane.history
    return model.data(model.index(row, column), role)


async def test_failed_transaction_and_fees_in_the_list(qtbot: Any, tmp_path: Path,
                                                       devnet_url: str) -> None:
    key = PrivateKey.random()
    bus = EventBus()
    service = service_on(tmp_path, bus, devnet_url)
    await service.open()
    await service.restore_private_key(key.hex(), PASSWORD)
    me = service.info.address
    assert me is not None
    faucet(devnet_url, me, trx=50, btt=100)
    friend = str(PrivateKey.random().public_key.to_base58check_address())
    sent = await service.send(await service.quote_send(friend, "12.5", "BTT"))
    failed = await reverted_withdraw(devnet_url, key, devnet_info(devnet_url)["vault"])

    pane = make_pane(service, bus, qtbot)
    pane.resize(1024, 600)
    try:
        await pane.start()
        await until(lambda: pane.history.rowCount() == 2, 20, "two transactions in the list")
        assert [r.txid for r in pane.history.records()] == [failed, sent.txid]
        # the failed call: its kind, its fee, marked as failed, the reason in the tooltip
        bad = pane.history.records()[0]
        assert cell(pane, 0, HistoryColumn.KIND) == "Vault withdrawal"
        assert cell(pane, 0, HistoryColumn.AMOUNT) == "—"
        assert cell(pane, 0, HistoryColumn.COUNTERPARTY) == \
            f"contract {devnet_info(devnet_url)['vault']}"
        assert cell(pane, 0, HistoryColumn.FEE).endswith(" TRX") and bad.fee_sun > 0
        assert cell(pane, 0, HistoryColumn.RESULT) == "✗ Failed"
        assert cell(pane, 0, HistoryColumn.RESULT, Qt.ItemDataRole.ForegroundRole) == \
            QColor(error_color())  # the theme's readable red
        font = cell(pane, 0, HistoryColumn.RESULT, Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.bold()
        tooltip = cell(pane, 0, HistoryColumn.RESULT, Qt.ItemDataRole.ToolTipRole)
        assert "Failed (REVERT): SpeedVault: no withdrawal announced" in tooltip
        assert failed in tooltip
        # the send: amount with its token, the recipient, the fee it cost
        assert cell(pane, 1, HistoryColumn.KIND) == "Sent"
        assert cell(pane, 1, HistoryColumn.AMOUNT) == "−12.5 BTT"
        assert cell(pane, 1, HistoryColumn.COUNTERPARTY) == f"to {friend}"
        fee = sent.fee_sun / 10**6
        assert cell(pane, 1, HistoryColumn.FEE) == f"{fee:g} TRX"
        assert cell(pane, 1, HistoryColumn.RESULT) == "Confirmed"
        assert not pane.history_panel.note.isVisible()

        # readable at 1024x600: every column fits without scrolling sideways, and the
        # short columns show their whole text
        view = pane.history_view
        await until(lambda: view.isVisible() and view.viewport().width() > 0, 5, "the table")
        assert view.horizontalScrollBar().maximum() == 0
        metrics = QFontMetrics(view.font())
        for row in range(2):
            for column in (HistoryColumn.TIME, HistoryColumn.KIND, HistoryColumn.AMOUNT,
                           HistoryColumn.FEE, HistoryColumn.RESULT):
                text = cell(pane, row, column)
                assert metrics.horizontalAdvance(text) + 12 <= view.columnWidth(column), \
                    (column.name, text)
        assert view.columnWidth(HistoryColumn.COUNTERPARTY) >= 200
        assert view.verticalHeader().sectionSize(0) * 2 < view.viewport().height()
    finally:
        await pane.shutdown()
        await service.close()

    # started again with the node gone: the saved list at once, then the reason
    bus = EventBus()
    offline = service_on(tmp_path, bus, devnet_url, chain_factory=lambda network: fast_client(
        dataclasses.replace(network, node_url=CLOSED_NODE)))
    await offline.open()
    pane = make_pane(offline, bus, qtbot)
    try:
        await pane.start()
        await until(lambda: pane.history.rowCount() == 2, 10, "the saved list")
        assert [r.txid for r in pane.history.records()] == [failed, sent.txid]
        await until(pane.stale_label.isVisible, 15, "the balances marked stale")
        assert not pane.history_empty.isVisible()
    finally:
        await pane.shutdown()
        await offline.close()
