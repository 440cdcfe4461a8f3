"""What Speed needs from the engine: peer classes by IP, dropping a peer, the client string."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from btt_desktop.engine import PeerClassInfo
from btt_desktop.engine.types import AddParams, PeerEntry, TorrentState
from tests.engine.conftest import (
    Node,
    NodeFactory,
    loopback_settings,
    make_torrent,
    wait_until,
    wait_until_async,
)

pytestmark = pytest.mark.timeout(60)


async def _swarm(tmp_path: Path, make_node: NodeFactory, size: int = 6_000_000,
                 seeder_version: str = "") -> tuple[Node, str, Node, bytes]:
    _, torrent = await make_torrent(tmp_path / "seed", {"a.bin": size}, piece_size=16384)
    seeder = await make_node(settings=loopback_settings(client_version=seeder_version))
    sid = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                            torrent_data=torrent))
    await wait_until(lambda: (s := seeder.engine.snapshot(sid)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder")
    leecher = await make_node()
    return seeder, sid, leecher, torrent


async def test_peer_class_round_trip_keeps_every_field(make_node: NodeFactory) -> None:
    node = await make_node()
    controls = node.engine.peer_controls
    info = PeerClassInfo(label="speed-winners", upload_limit=123_456, download_limit=654_321,
                         upload_priority=7, download_priority=3, connection_limit_factor=150,
                         ignore_unchoke_slots=True)
    cid = controls.create_class(info)
    assert 0 <= cid <= 31
    assert controls.class_info(cid) == info
    controls.update_class(cid, PeerClassInfo(label="speed-winners"))
    assert controls.class_info(cid) == PeerClassInfo(label="speed-winners")


async def test_peer_class_caps_one_peer_and_client_version_is_seen(
        tmp_path: Path, make_node: NodeFactory) -> None:
    seeder, sid, leecher, torrent = await _swarm(
        tmp_path, make_node, seeder_version="BTTDesktop/0.1.0 speed/40123")
    controls = seeder.engine.peer_controls
    cid = controls.create_class(PeerClassInfo(label="capped", upload_limit=250_000))
    controls.set_class_ips(cid, [leecher.endpoint[0]])  # before the peer connects
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, peers=(seeder.endpoint,)))
    loop = asyncio.get_running_loop()
    peers: list[PeerEntry] = []

    async def handshaken() -> bool:
        # the peer-id names libtorrent at first; the extension handshake then brings "v"
        peers[:] = await leecher.engine.peers(tid)
        return bool(peers) and peers[0].client.startswith("BTT")

    await wait_until_async(handshaken, 20, "the seeder's client string")
    assert peers[0].client == "BTTDesktop/0.1.0 speed/40123"
    assert (peers[0].ip, peers[0].port) == seeder.endpoint

    ip = leecher.endpoint[0]
    await asyncio.sleep(1.0)  # past the first burst
    start, t0 = await _sent_to(seeder, sid, ip), loop.time()
    await asyncio.sleep(2.0)
    sent, elapsed = await _sent_to(seeder, sid, ip) - start, loop.time() - t0
    # unlimited, loopback moves 6 MB in well under a second; capped, about 250 kB/s
    assert 0 < sent < 250_000 * elapsed * 1.6


async def _sent_to(node: Node, tid: str, ip: str) -> int:
    counters = await node.engine.peer_counters(tid)
    return sum(c.uploaded for key, c in counters.peers.items() if key.startswith(ip + ":"))


async def test_blocking_an_ip_drops_the_peer(tmp_path: Path, make_node: NodeFactory) -> None:
    seeder, sid, leecher, torrent = await _swarm(tmp_path, make_node)
    await seeder.engine.set_limits(sid, upload=300_000)
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, peers=(seeder.endpoint,)))
    await wait_until(lambda: (s := leecher.engine.snapshot(tid)) is not None
                     and s.total_done > 0, what="some data")
    seeder.engine.peer_controls.block_ips([leecher.endpoint[0]])
    assert seeder.engine.peer_controls.blocked == {leecher.endpoint[0]}

    async def seeder_peers() -> int:
        return len(await seeder.engine.peers(sid))

    async def dropped() -> bool:
        return await seeder_peers() == 0

    await wait_until_async(dropped, 10, "the blocked peer to be dropped")
    # and it cannot come back
    await leecher.engine.connect_peer(tid, *seeder.endpoint)
    await asyncio.sleep(1.0)
    assert await seeder_peers() == 0


async def test_global_and_alternative_limits_hold_for_lan_peers(
        tmp_path: Path, make_node: NodeFactory) -> None:
    seeder, sid, leecher, torrent = await _swarm(tmp_path, make_node, size=12_000_000)
    settings = seeder.engine.settings
    await seeder.engine.apply_settings(replace(settings, upload_limit=300_000,
                                               alt_upload_limit=100_000))
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, peers=(seeder.endpoint,)))
    ip = leecher.endpoint[0]
    loop = asyncio.get_running_loop()

    async def rate_over(seconds: float) -> float:
        start, t0 = await _sent_to(seeder, sid, ip), loop.time()
        await asyncio.sleep(seconds)
        return (await _sent_to(seeder, sid, ip) - start) / (loop.time() - t0)

    async def moving() -> bool:
        return await _sent_to(seeder, sid, ip) > 0

    await wait_until_async(moving, 20, "the upload to start")
    await asyncio.sleep(1.0)  # past the first burst
    normal = await rate_over(3.0)
    await seeder.engine.set_alt_limits(True)
    await asyncio.sleep(1.0)
    alternative = await rate_over(3.0)
    assert 0 < normal < 300_000 * 1.5   # loopback is unlimited: 8 MB would take 0.1 s
    assert 0 < alternative < 100_000 * 1.8 and alternative < normal * 0.7
    assert seeder.engine.settings.alt_limits_enabled
    assert leecher.engine.snapshot(tid).progress < 1.0  # type: ignore[union-attr]
