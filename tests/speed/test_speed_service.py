"""SpeedService on real engines over loopback, paying through a devnet vault.

- a bidder that never pays is demoted once it owes its credit, is no longer preferred,
  and still gets the torrent as an ordinary peer;
- garbage on the Speed port does not disturb the BitTorrent side, and the port still
  serves a well-behaved Speed client afterwards (that seller built, as the window does,
  from an unlocked wallet).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tronpy.keys import PrivateKey

from btt_desktop.engine import Engine, create_torrent
from btt_desktop.engine.types import AddParams, EngineSettings, TorrentState
from btt_desktop.events import EventBus, SpeedStandingChanged
from btt_desktop.profile import Profile
from btt_desktop.speed.chainlink import VaultLink, open_vault
from btt_desktop.speed.errors import ProtocolError
from btt_desktop.speed.ledger import MIB
from btt_desktop.speed.server import SpeedServer
from btt_desktop.speed.service import SpeedService
from btt_desktop.speed.settings import BTT, SpeedSettings
from btt_desktop.wallet.keyring_store import KeyringStore
from btt_desktop.wallet.keystore import ScryptParams
from btt_desktop.wallet.networks import NetworkChoice, network
from btt_desktop.wallet.service import WalletService
from tests.conftest import free_port, next_loopback
from tests.devnet_process import devnet_process, faucet
from tests.speed.speed_keys import KeySigner

pytestmark = pytest.mark.timeout(90)
SIZE = 12 * MIB


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


@dataclass
class Peer:
    engine: Engine
    bus: EventBus
    profile: Profile
    endpoint: tuple[str, int]
    events: list[object]


class Swarm:
    def __init__(self, tmp: Path, url: str) -> None:
        self.tmp = tmp
        self.url = url
        self.peers: list[Peer] = []
        self.services: list[SpeedService] = []
        self.links: list[VaultLink] = []

    async def peer(self, name: str) -> Peer:
        ip = next_loopback()
        settings = EngineSettings(listen_interface=ip, listen_port=free_port(ip),
                                  outgoing_interface=ip, dht=False, lsd=False, upnp=False,
                                  natpmp=False)
        bus, events = EventBus(), list[object]()
        bus.subscribe(SpeedStandingChanged, events.append)
        profile = Profile.open(self.tmp / name)
        engine = Engine(profile, bus, settings, status_interval=0.2)
        await engine.start()
        await engine.wait_listening()
        peer = Peer(engine, bus, profile, (ip, settings.listen_port), events)
        self.peers.append(peer)
        return peer

    async def speed(self, peer: Peer, key: PrivateKey, settings: SpeedSettings) -> SpeedService:
        link = await open_vault(network("devnet", node_url=self.url))
        self.links.append(link)
        service = SpeedService(peer.engine, peer.bus, peer.profile, signer=KeySigner(key),
                               link=link, settings=settings)
        await service.start()
        self.services.append(service)
        return service

    async def close(self) -> None:
        for service in self.services:
            await service.close()
        for peer in self.peers:
            await peer.engine.close()
        for link in self.links:
            await link.close()


@pytest.fixture
async def swarm(tmp_path: Path, devnet: str) -> AsyncIterator[Swarm]:
    s = Swarm(tmp_path, devnet)
    try:
        yield s
    finally:
        await s.close()


async def _torrent(tmp: Path) -> Path:
    data = tmp / "data"
    data.mkdir()
    await asyncio.to_thread((data / "a.bin").write_bytes, os.urandom(SIZE))
    out = tmp / "a.torrent"
    await create_torrent(str(data / "a.bin"), str(out), piece_size=65536, private=True)
    return out


async def _until(condition: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def _seed(swarm: Swarm, torrent: Path, cap: int) -> tuple[Peer, str]:
    seeder = await swarm.peer("seeder")
    tid = await seeder.engine.add(AddParams(save_path=str(torrent.parent / "data"),
                                            torrent_path=str(torrent)))
    await seeder.engine.set_limits(tid, upload=cap)
    await _until(lambda: (s := seeder.engine.snapshot(tid)) is not None
                 and s.state == TorrentState.SEEDING, 20, "the seeder")
    return seeder, tid


async def test_unpaid_bidder_is_demoted_at_its_credit_and_still_served(
        swarm: Swarm, tmp_path: Path) -> None:
    torrent = await _torrent(tmp_path)
    seller_key, buyer_key = PrivateKey(bytes([41]) * 32), PrivateKey(bytes([42]) * 32)
    buyer = buyer_key.public_key.to_base58check_address()
    faucet(swarm.url, seller_key.public_key.to_base58check_address(), trx=100)
    faucet(swarm.url, buyer, trx=1000, btt=1000)
    seeder, _ = await _seed(swarm, torrent, cap=3_000_000)
    credit = 1 * MIB
    seller = await swarm.speed(seeder, seller_key, SpeedSettings(
        earn=True, auto_bid=False, reserve_price_per_gib=512 * BTT, round_seconds=1.0,
        credit_bytes=credit, cash_threshold=0))
    leecher = await swarm.peer("leecher")
    bidder = await swarm.speed(leecher, buyer_key, SpeedSettings(
        earn=False, auto_bid=True, max_price_per_gib=1024 * BTT))
    await bidder.deposit(100 * BTT)

    async def never_pay(conn: object) -> None:  # a requester that keeps what it owes
        return None

    bidder.requester._pay = never_pay  # type: ignore[method-assign]
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_path=str(torrent),
                                             peers=(seeder.endpoint,)))
    await _until(lambda: any(isinstance(e, SpeedStandingChanged) and e.awarded
                             for e in leecher.events), 20, "an award")
    await _until(lambda: any(isinstance(e, SpeedStandingChanged) and "credit" in e.reason
                             for e in leecher.events), 20, "the demotion")
    sold = seller.status().earnings.bytes_sold
    # what it got on credit: the credit, plus at most what one check interval lets through
    assert credit < sold <= credit + 2 * MIB
    assert seller.status().earnings.earned == 0
    await _until(lambda: not seller.preferred_ips, 5, "the winner's class to be emptied")

    # no longer preferred, still served: the download completes, and nothing more is sold
    await _until(lambda: (s := leecher.engine.snapshot(tid)) is not None
                 and s.total_done == SIZE, 30, "the download")
    assert seller.status().earnings.bytes_sold == sold


async def test_garbage_on_the_speed_port_leaves_bittorrent_alone(
        swarm: Swarm, tmp_path: Path) -> None:
    torrent = await _torrent(tmp_path)
    seeder, _ = await _seed(swarm, torrent, cap=4_000_000)
    # the way the window builds it: from the unlocked wallet of the profile
    from keyring.backends import fail

    wallet = WalletService(seeder.profile, seeder.bus, kdf=ScryptParams(n=1 << 10, r=8, p=1),
                           keyring=KeyringStore(fail.Keyring()),
                           network=NetworkChoice("devnet", node_url=swarm.url))
    await wallet.open()
    await wallet.restore_private_key("43" * 32, "wallet-password")
    link = await open_vault(wallet.network)
    swarm.links.append(link)
    seller = await SpeedService.from_wallet(seeder.engine, seeder.bus, seeder.profile, wallet,
                                            link)
    swarm.services.append(seller)
    await seller.start()
    assert seller.address == wallet.info.address  # it signs while the wallet is unlocked
    plain = await swarm.peer("plain")  # a client without Speed
    tid = await plain.engine.add(AddParams(save_path=str(tmp_path / "plain"),
                                           torrent_path=str(torrent), peers=(seeder.endpoint,)))
    host = seeder.endpoint[0]
    writers = []
    for n in range(12):
        _, writer = await asyncio.open_connection(host, seller.port)
        writer.write([b"\xff" * 4, b"\x00\x00\x00\x05junk!", os.urandom(3000),
                      b"GET / HTTP/1.1\r\n\r\n"][n % 4])
        await writer.drain()
        writers.append(writer)
    await _until(lambda: (s := plain.engine.snapshot(tid)) is not None
                 and s.total_done == SIZE, 30, "the download")
    for writer in writers:
        writer.close()

    # and the port still speaks Speed to a client that follows the protocol
    me = KeySigner(PrivateKey(bytes([44]) * 32))

    class Quiet:
        async def on_open(self, conn: object) -> None: ...

        async def on_message(self, conn: object, message: object) -> None: ...

        async def on_close(self, conn: object, reason: str) -> None: ...

    client = SpeedServer(me, seller.net, 6881, Quiet(), bind_host=next_loopback(),
                         vault_contract=link.vault.address)
    try:
        conn = await client.connect(host, seller.port)
        assert (await conn.wait_open()).addr == seller.address
        await conn.close()
        # once the wallet is locked its signer stops: the seller cannot prove its address
        # any more, so no handshake completes (the window stops Speed when it locks)
        await wallet.close()
        with pytest.raises(ProtocolError):
            await client.connect(host, seller.port)
    finally:
        await client.close()
        await wallet.close()
