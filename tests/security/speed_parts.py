"""Real Speed parts for the attack replays: a Provider and Requesters on their own loopback
addresses over real TCP, paying through the SpeedVault contract on a devnet subprocess.

The BitTorrent side is stood in for by byte counters the test moves (both sides see the
same bytes, as libtorrent's per-peer counters would); everything else is the product's
own code: connections, auction, cheques, ledgers on disk, the vault contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from btt_desktop.events import EventBus, SpeedChequeAccepted, SpeedStatusChanged
from btt_desktop.speed.chainlink import VaultLink
from btt_desktop.speed.connection import SpeedConnection
from btt_desktop.speed.ledger import MIB, ProviderLedger, RequesterLedger
from btt_desktop.speed.provider import Provider, ProviderConfig
from btt_desktop.speed.requester import Requester, TorrentStatus
from btt_desktop.speed.server import SpeedServer
from tests.conftest import next_loopback
from tests.speed.speed_chain import BTT, funded
from tests.speed.speed_keys import KeySigner

IH = bytes(range(20))
BT_PORT = 6881
Counter = dict[tuple[bytes, str, int], int]


@dataclass
class Buyer:
    signer: KeySigner
    requester: Requester
    server: SpeedServer
    host: str
    bt_port: int
    received: Counter
    conn: SpeedConnection

    @property
    def address(self) -> str:
        return self.signer.address

    def standing(self, provider: str) -> TorrentStatus:
        return self.requester.status.get((provider, IH), TorrentStatus())


@dataclass
class Seller:
    """The provider under attack, with its own vault link (``link``: its node client)."""

    url: str
    link: VaultLink
    tmp: Path
    signer: KeySigner
    provider: Provider
    server: SpeedServer
    sent: Counter
    events: list[object]
    reports: list[str]
    buyers: list[Buyer] = field(default_factory=list)

    @property
    def me(self) -> str:
        return self.signer.address

    @property
    def ledger_path(self) -> Path:
        return self.tmp / "provider.json"

    async def buyer(self, link: VaultLink, rate: int | None, deposit_btt: int,
                    ih: bytes = IH) -> Buyer:
        """A funded requester (``deposit_btt`` in its vault), connected and bidding."""
        signer = await funded(self.url, trx=100, btt=deposit_btt or 1)
        if deposit_btt:
            await link.vault.deposit(signer, deposit_btt * BTT)
        received: Counter = {}
        host = next_loopback()
        bt_port = 20000 + len(self.buyers)
        requester = Requester(
            RequesterLedger(self.tmp / f"requester-{signer.address}.json", link.net,
                            signer.address, link.domain),
            signer, lambda i, ip, port: received.get((i, ip, port), 0))
        server = SpeedServer(signer, link.net, bt_port, requester, bind_host=host,
                             vault_contract=link.vault.address)
        await server.start(host, 0)
        conn = await self.connect(server)
        if rate is not None:
            await requester.set_bid(ih, rate)
        buyer = Buyer(signer, requester, server, host, bt_port, received, conn)
        self.buyers.append(buyer)
        return buyer

    async def connect(self, server: SpeedServer) -> SpeedConnection:
        return await server.connect(self.server.bind_host or "", self.server.port)

    def send_bytes(self, buyer: Buyer, nbytes: int, ih: bytes = IH) -> None:
        """The provider's upload to ``buyer`` and the buyer's download agree."""
        key = (ih, buyer.host, buyer.bt_port)
        self.sent[key] = self.sent.get(key, 0) + nbytes
        theirs = (ih, self.server.bind_host or "", BT_PORT)
        buyer.received[theirs] = buyer.received.get(theirs, 0) + nbytes

    def reopened(self) -> ProviderLedger:
        """The provider ledger as a restarted client would read it from disk."""
        return ProviderLedger(self.ledger_path, self.link.net, self.me, self.link.domain)

    async def close(self) -> None:
        for b in self.buyers:
            await b.server.close()
        await self.server.close()


async def seller(url: str, link: VaultLink, tmp: Path, *, reserve: int = 100, slots: int = 2,
                 credit_bytes: int = 8 * MIB) -> Seller:
    """A provider (serving ``IH``) listening on its own loopback address; ``link`` is its
    node client, which the test may count or cut."""
    me = await funded(url, trx=100)
    sent: Counter = {}
    bus = EventBus()
    events: list[object] = []
    for kind in (SpeedChequeAccepted, SpeedStatusChanged):
        bus.subscribe(kind, events.append)
    reports: list[str] = []
    provider = Provider(ProviderLedger(tmp / "provider.json", link.net, me.address,
                                       link.domain), link.vault,
                        lambda ih, ip, port: sent.get((ih, ip, port), 0),
                        lambda ih, peers: None,
                        ProviderConfig(slots=slots, reserve=reserve, credit_bytes=credit_bytes),
                        bus=bus, report=reports.append)
    host = next_loopback()
    server = SpeedServer(me, link.net, BT_PORT, provider, bind_host=host,
                         vault_contract=link.vault.address)
    await server.start(host, 0)
    return Seller(url, link, tmp, me, provider, server, sent, events, reports)
