"""Who a provider serves first: an empty vault never, a demoted non-payer not until it pays.

Real parts: a devnet subprocess running the SpeedVault bytecode, the product's Provider
over loopback TCP. The bidders are real Speed endpoints (the product's SpeedServer and
handshake, real keys and vaults) whose handler only records what arrives: a client that
bids but never pays, which is what the attack needs; nothing of the provider is faked.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from btt_desktop.speed.cheque import sign_cheque
from btt_desktop.speed.ledger import MIB
from btt_desktop.speed.messages import Award, Bid, Demote
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.devnet_process import devnet_process
from tests.security.speed_parts import IH, Seller, seller
from tests.speed.speed_chain import BTT, funded, link_to
from tests.speed.speed_endpoint import RecordingHandler, wait_for
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


class Bidder:
    """A Speed client that bids from its own vault and never pays."""

    def __init__(self, market: Seller, signer: KeySigner) -> None:
        self.market = market
        self.signer = signer
        self.seen = RecordingHandler()
        host = next_loopback()
        self.server = SpeedServer(signer, market.link.net, 21000, self.seen, bind_host=host,
                                  vault_contract=market.link.vault.address)
        self.started = False

    async def connect(self) -> None:
        if not self.started:
            await self.server.start(self.server.bind_host or "", 0)
            self.started = True
        self.conn = await self.market.connect(self.server)

    async def bid(self, rate: int) -> None:
        await self.conn.send(Bid(ih=IH, rate=rate, vault=self.signer.address,
                                 exp=int(time.time()) + 120))

    def got(self, kind: type) -> list:
        return [m for _, m in self.seen.messages if isinstance(m, kind)]


async def _market(devnet: str, tmp_path: Path, reserve: int) -> Seller:
    return await seller(devnet, await link_to(devnet), tmp_path, reserve=reserve)


async def test_a_rate_0_bid_from_an_empty_vault_is_not_awarded(devnet: str,
                                                                tmp_path: Path) -> None:
    """With a reserve of 0, a bid of 0 from a vault holding nothing used to be awarded
    (0 >= 0 passed as funded). A vault with nothing in it is never served first now."""
    market = await _market(devnet, tmp_path, reserve=0)
    empty = Bidder(market, await funded(devnet, trx=100))
    try:
        await empty.connect()
        await empty.bid(0)
        await wait_for(lambda: bool(market.provider.bids(IH)))
        result = (await market.provider.run_round())[IH]
        assert result.winners == ()
        assert market.provider.winners(IH) == {}
        await wait_for(lambda: bool(empty.got(Demote)))
        assert empty.got(Award) == []
        assert empty.got(Demote)[-1].reason == "vault balance too low for the credit"
    finally:
        await empty.server.close()
        await market.close()
        await market.link.close()


async def test_a_demoted_non_payer_is_not_awarded_again_until_it_pays(
        devnet: str, tmp_path: Path) -> None:
    """A bidder that ran past its credit and did not pay used to win the next round
    again (11 awards, 9.9 BTT unpaid). Now its bids are refused with `demote` and the
    reason, on the same connection and after reconnecting, until a cheque covers its
    debt; then it is served again."""
    market = await _market(devnet, tmp_path, reserve=100)
    signer = await funded(devnet, trx=100, btt=5)
    await market.link.vault.deposit(signer, 5 * BTT)
    deadbeat = Bidder(market, signer)
    try:
        await deadbeat.connect()
        await deadbeat.bid(300)
        await wait_for(lambda: bool(market.provider.bids(IH)))
        await market.provider.run_round()
        await wait_for(lambda: len(deadbeat.got(Award)) == 1)

        # served 9 MiB at the reserve, 100 per MiB, past its 8 MiB credit; pays nothing
        market.sent[(IH, deadbeat.server.bind_host or "", 21000)] = 9 * MIB
        await market.provider.check_credit()
        await wait_for(lambda: bool(deadbeat.got(Demote)))
        assert "credit" in deadbeat.got(Demote)[0].reason

        await deadbeat.bid(400)  # bids again on the same connection
        await wait_for(lambda: market.provider.bids(IH).get(signer.address) == 400)
        await market.provider.run_round()
        await asyncio.sleep(0.2)
        assert len(deadbeat.got(Award)) == 1
        await wait_for(lambda: len(deadbeat.got(Demote)) >= 2)
        await deadbeat.conn.close()  # and again after reconnecting
        await deadbeat.connect()
        await deadbeat.bid(500)
        await wait_for(lambda: market.provider.bids(IH).get(signer.address) == 500)
        result = (await market.provider.run_round())[IH]
        await asyncio.sleep(0.2)
        assert result.winners == ()
        assert market.provider.winners(IH) == {}
        assert len(deadbeat.got(Award)) == 1
        refusal = deadbeat.got(Demote)[-1].reason
        assert refusal.startswith("demoted until paid: unpaid beyond the credit")

        # it pays what it owes (9 MiB x 100): served again from the next round
        cheque = sign_cheque(signer, market.link.domain, signer.address, market.me, 900)
        await deadbeat.conn.send(cheque.to_message())
        await wait_for(lambda: getattr(market.provider.ledger.best_cheque(signer.address),
                                       "cum", 0) == 900)
        await market.provider.run_round()
        await wait_for(lambda: len(deadbeat.got(Award)) == 2)
        assert market.provider.winners(IH) == {signer.address: 100}
    finally:
        await deadbeat.server.close()
        await market.close()
        await market.link.close()
