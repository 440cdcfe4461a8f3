"""A provider whose disk is full when a cheque arrives.

Real parts: a devnet subprocess running the SpeedVault bytecode, the product's Provider and
Requester over loopback TCP, ledgers on disk. A full filesystem cannot be made without
root (no small tmpfs here), so the ledger's atomic write raising ``OSError(ENOSPC)`` for
the provider's ledger file stands in for the provider's disk being full; the requester's
disk is fine.
"""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from btt_desktop.speed import ledger as ledger_module
from btt_desktop.speed.ledger import MIB
from tests.devnet_process import devnet_process
from tests.security.speed_parts import IH, seller
from tests.speed.speed_chain import link_to
from tests.speed.speed_endpoint import wait_for

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


async def test_a_cheque_met_by_a_full_disk_is_kept_and_the_peer_is_told(
        devnet: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection used to drop without a word to either side. Now the peer gets
    `error` saying the disk is full, the user gets a status line, the cheque is kept in
    memory and written once the disk has room, and the provider keeps running."""
    link, buyers_link = await link_to(devnet), await link_to(devnet)
    market = await seller(devnet, link, tmp_path)
    real_write = ledger_module.write_atomic
    full = {"on": False}

    def write(path: str | os.PathLike[str], data: bytes, **kwargs: object) -> None:
        if full["on"] and Path(path) == market.ledger_path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger_module, "write_atomic", write)
    try:
        buyer = await market.buyer(buyers_link, rate=400, deposit_btt=5)
        await wait_for(lambda: bool(market.provider.bids(IH)))
        await market.provider.run_round()  # alone: awarded at the reserve, 100 per MiB
        await wait_for(lambda: buyer.standing(market.me).awarded)
        market.send_bytes(buyer, 3 * MIB)

        full["on"] = True
        await buyer.requester.tick()  # pays 300
        await asyncio.wait_for(buyer.conn.wait_closed(), 10)
        assert buyer.conn.close_reason == (
            "peer closed: provider could not record your cheque: its disk is full")
        assert market.reports and "No space left on device" in market.reports[0]
        assert market.provider.problem == market.reports[-1]
        # kept, in memory: earned, but not on disk yet
        assert getattr(market.provider.ledger.best_cheque(buyer.address), "cum", 0) == 300
        assert market.reopened().best_cheque(buyer.address) is None
        await market.provider.run_round()  # the provider goes on; the flush fails again

        full["on"] = False  # room again: the next round writes it
        await market.provider.run_round()
        assert getattr(market.reopened().best_cheque(buyer.address), "cum", 0) == 300
        assert market.reports[-1] == "" and market.provider.problem == ""
        # the requester comes back and re-sends the same cheque: no complaint
        buyer.conn = await market.connect(buyer.server)
        await asyncio.sleep(0.3)
        assert buyer.conn.is_open
    finally:
        await market.close()
        await link.close()
        await buyers_link.close()
