"""Winners are served first, whatever bounds the seller's upload: read from the seller's
own per-peer byte counters (libtorrent's), never from wall-clock guesses.

A seller (a real engine with a SpeedService) seeds under one of its bounds: a per-torrent
upload limit, the global limit, or the alternative limit. A bidder (engine + SpeedService,
vault funded on a devnet) and two plain leechers (engines without Speed, their upload
capped like home lines) download at once. While the bidder holds an award, it must get
most of what the seller uploads; the others still get their floor, and finish.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from tronpy.keys import PrivateKey

from btt_desktop.engine.types import AddParams, EngineSettings, PeerCounters, TorrentState
from btt_desktop.speed.ledger import MIB
from btt_desktop.speed.settings import BTT, SpeedSettings
from tests.devnet_process import devnet_process, faucet
from tests.speed.test_speed_service import Swarm, _torrent, _until

pytestmark = pytest.mark.timeout(240)
CAP = 1_000_000          # bytes/s: what bounds the seller
LEECHER_UPLOAD = 100_000  # bytes/s: home lines


@pytest.fixture(scope="module")
def devnet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with devnet_process(tmp_path_factory.mktemp("devnet")) as url:
        yield url


@pytest.fixture
async def swarm(tmp_path: Path, devnet: str) -> AsyncIterator[Swarm]:
    s = Swarm(tmp_path, devnet)
    try:
        yield s
    finally:
        await s.close()


async def _bounded(swarm: Swarm, bound: str) -> tuple[object, EngineSettings]:
    seller = await swarm.peer("seller")
    settings = seller.engine.settings
    if bound == "global":
        settings = dataclasses.replace(settings, upload_limit=CAP)
    elif bound == "alternative":
        settings = dataclasses.replace(settings, upload_limit=20 * CAP,
                                       alt_upload_limit=CAP, alt_limits_enabled=True)
    await seller.engine.apply_settings(settings)
    return seller, settings


@pytest.mark.parametrize("bound", ["torrent", "global", "alternative"])
async def test_the_winner_gets_the_sellers_capacity_first(
        swarm: Swarm, tmp_path: Path, bound: str) -> None:
    torrent = await _torrent(tmp_path)
    seller_key, buyer_key = PrivateKey(bytes([61]) * 32), PrivateKey(bytes([62]) * 32)
    faucet(swarm.url, seller_key.public_key.to_base58check_address(), trx=100)
    faucet(swarm.url, buyer_key.public_key.to_base58check_address(), trx=100, btt=1000)
    seller, _ = await _bounded(swarm, bound)
    tid = await seller.engine.add(AddParams(save_path=str(torrent.parent / "data"),
                                            torrent_path=str(torrent)))
    if bound == "torrent":
        await seller.engine.set_limits(tid, upload=CAP)
    await _until(lambda: (s := seller.engine.snapshot(tid)) is not None
                 and s.state == TorrentState.SEEDING, 20, "the seller")
    selling = await swarm.speed(seller, seller_key, SpeedSettings(
        earn=True, auto_bid=False, reserve_price_per_gib=512 * BTT, round_seconds=2.0,
        cash_threshold=0))
    buyer = await swarm.peer("buyer")
    await buyer.engine.apply_settings(dataclasses.replace(buyer.engine.settings,
                                                          upload_limit=LEECHER_UPLOAD))
    buying = await swarm.speed(buyer, buyer_key, SpeedSettings(
        earn=False, auto_bid=True, max_price_per_gib=1024 * BTT, max_spend_per_day=1000 * BTT))
    await buying.deposit(500 * BTT)
    plain = [await swarm.peer(f"plain{i}") for i in range(3)]
    for p in plain:
        await p.engine.apply_settings(dataclasses.replace(p.engine.settings,
                                                          upload_limit=LEECHER_UPLOAD))
    leechers = [buyer, *plain]
    for p in leechers:
        target = tmp_path / f"down-{p.endpoint[0]}"
        await p.engine.add(AddParams(save_path=str(target), torrent_path=str(torrent),
                                     peers=(seller.endpoint, *[q.endpoint for q in leechers
                                                                if q is not p])))
    buyer_ip = buyer.endpoint[0]
    # usually 2-4 s; once in a few runs the buyer's Speed connection is only made on a
    # later discovery pass, which can take tens of seconds
    await _until(lambda: buyer_ip in {ip for ip, _ in selling.groups.winners(tid)}, 90,
                 "the buyer to win a slot")

    def done(peer: object) -> float:
        snap = peer.engine.snapshot(tid)  # type: ignore[attr-defined]
        return snap.progress if snap is not None else 0.0

    await _until(lambda: done(buyer) > 0.2, 30, "the buyer to get going")
    start = await seller.engine.peer_counters(tid)
    await _until(lambda: done(buyer) > 0.8, 40, "the buyer to get most of it")
    end = await seller.engine.peer_counters(tid)

    def sent_by_ip(before: PeerCounters, after: PeerCounters) -> dict[str, int]:
        out: dict[str, int] = {}
        for endpoint, counter in after.peers.items():
            old = before.peers.get(endpoint)
            out[endpoint.rpartition(":")[0]] = out.get(endpoint.rpartition(":")[0], 0) + max(
                0, counter.uploaded - (old.uploaded if old else 0))
        return out

    sent = sent_by_ip(start, end)
    total = sum(sent.values())
    assert total > 2 * MIB, sent
    share = sent.get(buyer_ip, 0) / total
    # measured: 0.89 with the others capped, 0.70-0.75 with the winners' priority alone
    assert share >= 0.82, f"the winner got {share:.0%} of the seller's upload: {sent}"
    # everyone else shares the floor meanwhile, and still moves
    others = total - sent.get(buyer_ip, 0)
    assert others > 0 and all(sent.get(p.endpoint[0], 0) > 0 for p in plain), sent
    if bound == "torrent":  # and the free leechers complete all the same (once is enough)
        await _until(lambda: all(done(p) >= 1.0 for p in plain), 60, "the plain leechers")
