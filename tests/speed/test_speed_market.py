"""Provider and requesters over loopback TCP, paying through a real devnet vault.

The BitTorrent side is stood in for by byte counters the test sets (the engine is
wired in later); everything else is real: Speed connections, the auction, cheques,
ledgers on disk and the SpeedVault contract on a devnet subprocess.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tronpy.keys import PrivateKey

from btt_desktop.events import (
    EventBus,
    SpeedChequeAccepted,
    SpeedChequeSigned,
    SpeedRoundFinished,
    SpeedStandingChanged,
)
from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.cheque import sign_cheque
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger
from btt_desktop.speed.messages import Bid, ChequeMsg
from btt_desktop.speed.provider import Provider, ProviderConfig
from btt_desktop.speed.requester import Requester
from btt_desktop.speed.server import SpeedServer
from btt_desktop.speed.vault import ContractVault
from tests.conftest import next_loopback
from tests.devnet_process import devnet_process
from tests.speed.speed_chain import BTT, funded, link_to, trx_sun
from tests.speed.speed_endpoint import wait_for
from tests.speed.speed_keys import KeySigner
from tests.speed.test_speed_cheque import v1_digest

pytestmark = pytest.mark.timeout(120)
IH = bytes(range(20))
Counter = dict[tuple[bytes, str, int], int]
V1_REFUSAL = ("cheque refused: cheque is in the old version 1 format, which the vault "
              "contract does not pay: the peer must upgrade")


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


@dataclass
class Market:
    url: str
    link: VaultLink
    tmp: Path
    provider: Provider
    provider_signer: KeySigner
    provider_server: SpeedServer
    sent: Counter
    applied: list[tuple[bytes, frozenset[tuple[str, int]]]]
    events: list[object]
    requesters: list[Buyer] = field(default_factory=list)

    @property
    def net(self) -> str:
        return self.link.net

    @property
    def vault(self) -> ContractVault:
        return self.link.vault

    def server(self, signer: KeySigner, bt_port: int, handler: object,
               bind_host: str | None = None) -> SpeedServer:
        return SpeedServer(signer, self.net, bt_port, handler,  # type: ignore[arg-type]
                           bind_host=bind_host, vault_contract=self.vault.address)

    async def buyer(self, rate: int, deposit_btt: int) -> Buyer:
        signer = await funded(self.url, trx=100, btt=deposit_btt or 1)
        if deposit_btt:
            await self.vault.deposit(signer, deposit_btt * BTT)
        received: Counter = {}
        host = next_loopback()
        bt_port = 20000 + len(self.requesters)
        bus = EventBus()
        events: list[object] = []
        for kind in (SpeedStandingChanged, SpeedChequeSigned):
            bus.subscribe(kind, events.append)
        requester = Requester(
            RequesterLedger(self.tmp / f"{signer.address}.json", self.net, signer.address,
                            self.link.domain),
            signer, lambda ih, ip, port: received.get((ih, ip, port), 0), bus=bus)
        server = self.server(signer, bt_port, requester)
        await server.start(host, 0)
        conn = await server.connect(self.provider_server.bind_host or "",
                                    self.provider_server.port)
        await requester.set_bid(IH, rate)
        buyer = Buyer(signer, requester, server, host, bt_port, received, conn, events)
        self.requesters.append(buyer)
        return buyer

    def send_bytes(self, buyer: Buyer, nbytes: int) -> None:
        """The provider's BitTorrent upload to ``buyer`` and the buyer's download agree."""
        peer_key = (IH, buyer.host, buyer.bt_port)
        self.sent[peer_key] = self.sent.get(peer_key, 0) + nbytes
        provider_key = (IH, self.provider_server.bind_host or "", 6881)
        buyer.received[provider_key] = buyer.received.get(provider_key, 0) + nbytes


@dataclass
class Buyer:
    signer: KeySigner
    requester: Requester
    server: SpeedServer
    host: str
    bt_port: int
    received: Counter
    conn: object
    events: list[object]

    def status(self, provider: str) -> object:
        return self.requester.status.get((provider, IH))


@pytest.fixture
async def market(devnet: str, tmp_path: Path) -> AsyncIterator[Market]:
    link = await link_to(devnet)
    me = await funded(devnet, trx=100)
    sent: Counter = {}
    applied: list[tuple[bytes, frozenset[tuple[str, int]]]] = []
    bus = EventBus()
    events: list[object] = []
    for kind in (SpeedRoundFinished, SpeedChequeAccepted):
        bus.subscribe(kind, events.append)
    provider = Provider(ProviderLedger(tmp_path / "provider.json", link.net, me.address,
                                       link.domain), link.vault,
                        lambda ih, ip, port: sent.get((ih, ip, port), 0),
                        lambda ih, peers: applied.append((ih, peers)),
                        ProviderConfig(slots=2, reserve=100, credit_bytes=8 * MIB), bus=bus)
    server = SpeedServer(me, link.net, 6881, provider, vault_contract=link.vault.address)
    await server.start(next_loopback(), 0)
    m = Market(devnet, link, tmp_path, provider, me, server, sent, applied, events)
    try:
        yield m
    finally:
        for b in m.requesters:
            await b.server.close()
        await server.close()
        await link.close()


async def test_auction_awards_payment_and_cashing(market: Market) -> None:
    me = market.provider.ledger.me
    a = await market.buyer(rate=500, deposit_btt=5)
    b = await market.buyer(rate=300, deposit_btt=5)
    c = await market.buyer(rate=200, deposit_btt=5)
    await wait_for(lambda: len(market.provider.bids(IH)) == 3)

    result = (await market.provider.run_round())[IH]
    assert [w.bidder for w in result.winners] == [a.signer.address, b.signer.address]
    assert result.price == 200  # the highest losing bid, paid by both winners
    assert market.applied[-1] == (IH, frozenset({(a.host, a.bt_port), (b.host, b.bt_port)}))
    await wait_for(lambda: all(getattr(x.status(me), "awarded", False) for x in (a, b)))
    assert a.requester.status[(me, IH)].price == 200
    await wait_for(lambda: getattr(c.status(me), "to_beat", 0) == 300)

    # 5 MiB flow to A and C; only A was awarded, so only A owes: 5 x 200
    market.send_bytes(a, 5 * MIB)
    market.send_bytes(c, 5 * MIB)
    for buyer in (a, c):
        await buyer.requester.tick()
    await wait_for(lambda: SpeedChequeAccepted(vault=a.signer.address, cum=1000)
                   in market.events)
    assert getattr(market.provider.ledger.best_cheque(a.signer.address), "cum", 0) == 1000
    assert market.provider.ledger.best_cheque(c.signer.address) is None
    assert c.requester.ledger.last_cheque(me) is None

    # what the window will show, as events on each side's bus
    assert SpeedRoundFinished(IH, (a.signer.address, b.signer.address), 200) in market.events
    assert SpeedChequeAccepted(vault=a.signer.address, cum=1000) in market.events
    assert SpeedStandingChanged(IH, me, True, 200, "") in a.events
    assert SpeedChequeSigned(beneficiary=me, cum=1000) in a.events
    assert SpeedStandingChanged(IH, me, False, 300, "") in c.events
    assert not any(isinstance(e, SpeedChequeSigned) for e in c.events)

    # below the cashing threshold nothing is cashed (nor spent); at it, the provider
    # collects exactly what the chain then says was paid out
    trx = await trx_sun(market.url, me)
    below = await market.provider.cash_due(market.provider_signer, threshold=1001)
    assert below.paid == 0 and below.txids == [] and await trx_sun(market.url, me) == trx
    report = await market.provider.cash_due(market.provider_signer, threshold=1000)
    assert report.paid == 1000 and len(report.txids) == 1
    assert await market.vault.paid_out(a.signer.address, me) == 1000
    assert await market.vault.token_balance(me) == 1000
    assert trx - await trx_sun(market.url, me) == report.fee_sun > 0
    assert (await market.provider.cash_due(market.provider_signer, threshold=1)).paid == 0


async def test_reconnect_resends_the_last_cheque_without_penalty(market: Market) -> None:
    me = market.provider.ledger.me
    a = await market.buyer(rate=500, deposit_btt=5)
    await wait_for(lambda: len(market.provider.bids(IH)) == 1)
    await market.provider.run_round()
    await wait_for(lambda: getattr(a.status(me), "awarded", False))
    market.send_bytes(a, 3 * MIB)
    await a.requester.tick()
    await wait_for(lambda: getattr(market.provider.ledger.best_cheque(a.signer.address),
                                   "cum", 0) == 300)  # 3 MiB at the reserve, 100

    # the connection drops; the requester reconnects, re-sends cheque and bid
    await a.conn.close()  # type: ignore[attr-defined]
    await wait_for(lambda: not market.provider.bids(IH))
    a.conn = await a.server.connect(market.provider_server.bind_host or "",
                                    market.provider_server.port)
    await wait_for(lambda: len(market.provider.bids(IH)) == 1)
    result = (await market.provider.run_round())[IH]
    assert [w.bidder for w in result.winners] == [a.signer.address]  # not demoted
    await wait_for(lambda: getattr(a.status(me), "awarded", False))
    assert a.status(me).demoted == ""  # type: ignore[attr-defined]
    # a requester restarted from its ledger file continues above the last cum
    again = RequesterLedger(market.tmp / f"{a.signer.address}.json", market.net,
                            a.signer.address, market.link.domain)
    last = again.last_cheque(me)
    assert last is not None and last.cum == 300


async def test_unpaid_credit_unfunded_and_forged_cheques_demote(market: Market) -> None:
    me = market.provider.ledger.me
    payer = await market.buyer(rate=400, deposit_btt=5)
    deadbeat = await market.buyer(rate=300, deposit_btt=5)
    broke = await market.buyer(rate=1000, deposit_btt=0)
    await wait_for(lambda: len(market.provider.bids(IH)) == 3)
    result = (await market.provider.run_round())[IH]
    assert {w.bidder for w in result.winners} == {payer.signer.address, deadbeat.signer.address}
    await wait_for(lambda: "vault balance too low" in getattr(broke.status(me), "demoted", ""))

    # the deadbeat receives past its credit and never pays (its requester never ticks)
    market.send_bytes(deadbeat, 9 * MIB)
    await market.provider.check_credit()
    await wait_for(lambda: "credit" in getattr(deadbeat.status(me), "demoted", ""))
    assert not deadbeat.requester.status[(me, IH)].awarded
    assert market.applied[-1] == (IH, frozenset({(payer.host, payer.bt_port)}))

    # a cheque signed by someone else's key on the payer's vault: refused, payer demoted
    market.send_bytes(payer, 2 * MIB)
    forged = sign_cheque(deadbeat.signer, market.link.domain, payer.signer.address, me, 10**6)
    await payer.conn.send(forged.to_message())  # type: ignore[attr-defined]
    await wait_for(lambda: "cheque refused" in getattr(payer.status(me), "demoted", ""))
    assert payer.status(me).demoted == (  # type: ignore[attr-defined]
        "cheque refused: cheque is not signed by the vault's owner")
    assert market.provider.winners(IH) == {}
    # a forged signature also ends the connection, with the reason
    await asyncio.wait_for(payer.conn.wait_closed(), 10)  # type: ignore[attr-defined]
    assert payer.conn.close_reason == (  # type: ignore[attr-defined]
        "peer closed: cheque refused: cheque is not signed by the vault's owner")
    # demoted, the payer settles what it really owes: 2 MiB at the clearing price (the
    # reserve, 100: the broke bidder was not eligible), never the forged amount; the
    # cheque it drew on the demotion goes out again when it reconnects
    payer.conn = await payer.server.connect(market.provider_server.bind_host or "",
                                            market.provider_server.port)
    await wait_for(lambda: getattr(market.provider.ledger.best_cheque(payer.signer.address),
                                   "cum", 0) == 200)


async def test_a_version_1_cheque_is_refused_saying_the_peer_must_upgrade(
        market: Market) -> None:
    """A requester that still signs cheques the version 1 way (TIP-191 over the old
    digest: the vault contract cannot pay it) is demoted with the one-line reason, and
    the provider keeps nothing from it."""
    me = market.provider.ledger.me
    old = await market.buyer(rate=400, deposit_btt=5)
    # this requester stands for a version 1 client: it never sends a version 2 cheque of
    # its own (it would pay whenever a provider message arrives, racing the one below)
    old.requester.ledger.draw_cheque = lambda *_args, **_kw: None  # type: ignore[method-assign]
    await wait_for(lambda: len(market.provider.bids(IH)) == 1)
    await market.provider.run_round()
    await wait_for(lambda: getattr(old.status(me), "awarded", False))
    market.send_bytes(old, 2 * MIB)
    cum = 800  # what 2 MiB at 400 is worth
    v1 = ChequeMsg(vault=old.signer.address, to=me, cum=cum,
                   sig=old.signer.sign_digest(v1_digest(market.net, old.signer.address, me,
                                                        cum)))
    await old.conn.send(v1)  # type: ignore[attr-defined]
    await wait_for(lambda: getattr(old.status(me), "demoted", "") != "")
    assert old.status(me).demoted == V1_REFUSAL  # type: ignore[attr-defined]
    assert "\n" not in V1_REFUSAL
    assert market.provider.ledger.best_cheque(old.signer.address) is None
    assert not any(isinstance(e, SpeedChequeAccepted) for e in market.events)
    assert market.provider.winners(IH) == {}


async def test_background_loops_award_and_pay(market: Market) -> None:
    """With the provider's round loop and the requester's tick loop running on their own,
    a bidder gets served and pays without anyone driving them by hand."""
    me = market.provider.ledger.me
    market.provider.config = ProviderConfig(slots=2, reserve=100, credit_bytes=8 * MIB,
                                            round_seconds=0.3)
    buyer = await market.buyer(rate=250, deposit_btt=5)
    loops = [asyncio.create_task(market.provider.run(check_every=0.1)),
             asyncio.create_task(buyer.requester.run(every=0.1, flush_every=3))]
    try:
        await wait_for(lambda: getattr(buyer.status(me), "awarded", False))
        market.send_bytes(buyer, 4 * MIB)
        await wait_for(lambda: getattr(market.provider.ledger.best_cheque(buyer.signer.address),
                                       "cum", 0) == 400)  # 4 MiB at the reserve, 100
        # the byte counts reach the disk on both sides without a cheque forcing it
        market.send_bytes(buyer, MIB // 2)
        provider_file = market.tmp / "provider.json"

        def on_disk() -> int:
            ledger = ProviderLedger(provider_file, market.net, me, market.link.domain)
            return ledger.get(ledger.key(buyer.signer.address)).bytes

        await wait_for(lambda: on_disk() == 4 * MIB + MIB // 2)
    finally:
        for task in loops:
            task.cancel()
        await asyncio.gather(*loops, return_exceptions=True)


async def test_one_standing_bid_per_peer_whatever_its_connections(market: Market) -> None:
    a = await market.buyer(rate=300, deposit_btt=5)
    b = await market.buyer(rate=200, deposit_btt=5)
    await wait_for(lambda: len(market.provider.bids(IH)) == 2)
    # a second connection from A, bidding again: it replaces A's bid, it does not add one
    second = await a.server.connect(market.provider_server.bind_host or "",
                                    market.provider_server.port)
    await second.send(Bid(ih=IH, rate=350, vault=a.signer.address, exp=2**40))
    await wait_for(lambda: market.provider.bids(IH).get(a.signer.address) == 350)
    assert market.provider.bids(IH) == {a.signer.address: 350, b.signer.address: 200}
    result = (await market.provider.run_round())[IH]
    assert [w.bidder for w in result.winners] == [a.signer.address, b.signer.address]
    assert result.price == 100  # nobody lost: the reserve


async def test_requester_in_another_process(market: Market) -> None:
    """The same exchange with the requester in its own process: nothing is shared but TCP."""
    key = PrivateKey.random()
    payer = await funded(market.url, trx=100, btt=5, key=key)
    await market.vault.deposit(payer, 5 * BTT)
    host = next_loopback()
    domain = market.link.domain
    child = await asyncio.create_subprocess_exec(
        sys.executable, str(Path(__file__).with_name("speed_requester_child.py")), market.net,
        str(domain.chain_id), domain.contract, str(market.tmp / "child.json"), host,
        market.provider_server.bind_host or "", str(market.provider_server.port),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdin.write(key.hex().encode() + b"\n")  # the key never goes on a command line
        await child.stdin.drain()
        await wait_for(lambda: market.provider.bids(IH).get(payer.address) == 300, 30)
        await market.provider.run_round()  # alone: it wins at the reserve, 100
        market.sent[(IH, host, 7100)] = 2 * MIB
        line = await asyncio.wait_for(child.stdout.readline(), 30)
        assert line.decode().split() == ["paid", "200"]
        await wait_for(lambda: SpeedChequeAccepted(vault=payer.address, cum=200)
                       in market.events)
        report = await market.provider.cash_due(market.provider_signer, threshold=200)
        assert report.paid == 200
        assert await market.vault.paid_out(payer.address, market.provider_signer.address) == 200
    finally:
        if child.returncode is None:
            child.stdin.write(b"quit\n")
            try:
                await asyncio.wait_for(child.wait(), 10)
            except TimeoutError:
                child.kill()
                await child.wait()
