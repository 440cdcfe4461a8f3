"""Cheques against a provider whose node is slow, unreachable or abused.

Real parts: a devnet subprocess running the SpeedVault bytecode, the product's Provider
and Requester over loopback TCP, ledgers on disk. Node requests are counted on the
provider's own HTTP client (an httpx request hook: the real requests, counted). "The node
is unreachable" is a stopped devnet, started again on the same address and data.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from btt_desktop.events import SpeedChequeAccepted
from btt_desktop.speed import accounts
from btt_desktop.speed.cheque import sign_cheque
from btt_desktop.speed.ledger import MIB
from tests.devnet_process import devnet_process, next_devnet_host
from tests.security.speed_parts import IH, seller
from tests.speed.speed_chain import link_to
from tests.speed.speed_endpoint import wait_for
from tests.speed.speed_keys import signer

pytestmark = pytest.mark.timeout(60)
FORGED = 300


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


async def test_forged_cheques_cost_no_node_request_and_close_the_connection(
        devnet: str, tmp_path: Path) -> None:
    """300 forged cheques used to cost the provider 600 node requests and left the
    connection open. Now the first one is refused before the node is asked, the peer
    gets `error` and is cut off, and it stays demoted."""
    link, buyers_link = await link_to(devnet), await link_to(devnet)
    market = await seller(devnet, link, tmp_path)
    try:
        forger = await market.buyer(buyers_link, rate=400, deposit_btt=5)
        await wait_for(lambda: bool(market.provider.bids(IH)))
        await market.provider.run_round()
        await wait_for(lambda: forger.standing(market.me).awarded)

        requests: list[str] = []

        async def count(request: httpx.Request) -> None:
            requests.append(request.url.path)

        link._http.event_hooks["request"].append(count)
        other = signer(77)  # not the vault's owner
        for n in range(1, FORGED + 1):
            cheque = sign_cheque(other, link.domain, forger.address, market.me, n * 1000)
            await forger.conn.send(cheque.to_message())
        await asyncio.wait_for(forger.conn.wait_closed(), 10)

        assert requests == []
        assert forger.conn.close_reason == (
            "peer closed: cheque refused: cheque is not signed by the vault's owner")
        assert market.provider.ledger.best_cheque(forger.address) is None
        assert market.provider.winners(IH) == {}
        assert forger.standing(market.me).demoted.startswith("cheque refused")
        assert not any(isinstance(e, SpeedChequeAccepted) for e in market.events)
    finally:
        await market.close()
        await link.close()
        await buyers_link.close()


async def test_a_cheque_that_arrives_while_the_node_is_down_is_kept_and_paid_later(
        tmp_path: Path) -> None:
    """The requester's last cheque at exit arrives while the provider's node is down: it
    is kept on disk as "cover not yet checked", shown as such, not cashed before its
    cover is checked, then accepted and cashed once the node is back."""
    host, data = next_devnet_host(), tmp_path / "devnet"
    with devnet_process(data, host=host) as url:
        port = int(url.rsplit(":", 1)[1])
        link, buyers_link = await link_to(url), await link_to(url)
        market = await seller(url, link, tmp_path)
        buyer = await market.buyer(buyers_link, rate=400, deposit_btt=5)
        await wait_for(lambda: bool(market.provider.bids(IH)))
        await market.provider.run_round()  # alone: awarded at the reserve, 100 per MiB
        await wait_for(lambda: buyer.standing(market.me).awarded)
        market.send_bytes(buyer, 3 * MIB)
        await buyer.requester.tick()
        await wait_for(lambda: getattr(market.provider.ledger.best_cheque(buyer.address),
                                       "cum", 0) == 300)
        market.send_bytes(buyer, 2 * MIB)
    try:
        # the node is down: the buyer exits, paying everything it owes (500)
        await buyer.requester.settle()
        on_disk = market.reopened()
        await wait_for(lambda: getattr(market.reopened().get(on_disk.key(buyer.address)),
                                       "unchecked_cum", 0) == 500)
        held = accounts.earnings(market.provider.ledger)
        assert (held.earned, held.unchecked, held.unpaid) == (300, 200, 0)
        assert market.provider.ledger.best_cheque(buyer.address).cum == 300  # type: ignore[union-attr]

        with devnet_process(data, host=host, port=port):
            # a cash-out before the periodic check cashes only the checked cheque
            report = await market.provider.cash_due(market.signer, threshold=1)
            assert report.paid == 300
            assert await link.vault.paid_out(buyer.address, market.me) == 300

            await market.provider.run_round()  # the periodic check
            assert SpeedChequeAccepted(vault=buyer.address, cum=500) in market.events
            after = accounts.earnings(market.reopened())
            assert (after.earned, after.unchecked) == (500, 0)
            report = await market.provider.cash_due(market.signer, threshold=1)
            assert report.paid == 200
            assert await link.vault.paid_out(buyer.address, market.me) == 500
    finally:
        with contextlib.suppress(Exception):
            await market.close()
        await link.close()
        await buyers_link.close()


def test_a_ledger_written_before_unchecked_cheques_still_loads(tmp_path: Path) -> None:
    """A provider ledger from before cheques could wait for their cover check (no
    ``unchecked_*`` fields) loads with its cheque intact, and nothing waiting."""
    import json

    from btt_desktop.speed.ledger import FORMAT, ProviderLedger
    from tests.speed.speed_keys import DOMAIN, NET, address

    me, vault = address(1), address(2)
    path = tmp_path / "provider.json"
    path.write_text(json.dumps({
        "format": FORMAT, "role": "provider", "net": NET, "me": me,
        "chain_id": DOMAIN.chain_id, "vault_contract": DOMAIN.contract,
        "accounts": {f"{vault}/{me}": {"bytes": 5 * MIB, "value": 500 * MIB, "cum": 300,
                                       "sig": "11" * 65}}}))
    ledger = ProviderLedger(path, NET, me, DOMAIN)
    assert ledger.best_cheque(vault).cum == 300  # type: ignore[union-attr]
    assert ledger.unchecked_cheque(vault) is None
    assert accounts.earnings(ledger).unpaid == 200
