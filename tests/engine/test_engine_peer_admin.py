"""Peers by hand: adding a peer when the tracker is dead, permanent bans across restarts."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from btt_desktop.engine import create_torrent
from btt_desktop.engine.peer_admin import BANS_FILE
from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.errors import EngineError
from btt_desktop.events import TorrentFinished
from tests.engine.conftest import (
    Node,
    NodeFactory,
    tree_digests,
    wait_until,
    wait_until_async,
    write_random,
)

pytestmark = pytest.mark.timeout(60)

DEAD_TRACKER = "http://127.0.0.1:9/announce"  # nothing listens on the discard port


async def _seeder(tmp_path: Path, make_node: NodeFactory) -> tuple[Node, bytes, Path]:
    content = tmp_path / "seed" / "content"
    write_random(content / "a.bin", 3_000_000)
    out = tmp_path / "t.torrent"
    await create_torrent(content, out, trackers=[DEAD_TRACKER], piece_size=16384)
    seeder = await make_node()
    sid = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                            torrent_path=str(out)))
    await wait_until(lambda: (s := seeder.engine.snapshot(sid)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder")
    return seeder, out.read_bytes(), content


async def test_peer_added_by_hand_downloads_when_the_tracker_is_dead(
        tmp_path: Path, make_node: NodeFactory) -> None:
    seeder, torrent, content = await _seeder(tmp_path, make_node)
    leecher = await make_node()
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent))
    await asyncio.sleep(1.0)
    assert leecher.engine.snapshot(tid).total_done == 0  # type: ignore[union-attr]
    ip, port = seeder.endpoint
    await leecher.engine.add_peers(tid, [(ip, port)])
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), 40, "download")
    assert tree_digests(tmp_path / "down" / "content") == tree_digests(content)
    trackers = await leecher.engine.trackers(tid)
    assert [t.url for t in trackers] == [DEAD_TRACKER]


async def test_ban_drops_the_peer_and_holds_after_a_restart(
        tmp_path: Path, make_node: NodeFactory) -> None:
    seeder, torrent, _content = await _seeder(tmp_path, make_node)
    sid = seeder.engine.torrent_ids()[0]
    profile = tmp_path / "leecher"
    leecher = await make_node(profile_dir=profile)
    settings = leecher.settings
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, paused=True))
    await leecher.engine.set_limits(tid, download=50_000)  # still downloading when banned
    await leecher.engine.resume([tid])
    seeder_ip = seeder.endpoint[0]

    async def connected() -> bool:
        return any(p.ip == seeder_ip for p in await leecher.engine.peers(tid))

    await leecher.engine.add_peers(tid, [seeder.endpoint])
    await wait_until_async(connected, 20, "the seeder to connect")
    await leecher.engine.ban_peers([seeder_ip])
    await wait_until_async(lambda: _no_peers(leecher, tid), 5, "the banned peer to drop")
    assert leecher.engine.banned_peers() == (seeder_ip,)
    assert json.loads((profile / BANS_FILE).read_text()) == [seeder_ip]
    await leecher.engine.close()

    again = await make_node(profile_dir=profile, settings=settings)
    assert again.engine.banned_peers() == (seeder_ip,)
    with pytest.raises(EngineError, match=f"^{seeder_ip} is banned"):
        await again.engine.add_peers(tid, [seeder.endpoint])
    # the seeder dials in: refused
    await seeder.engine.add_peers(sid, [again.endpoint])
    await asyncio.sleep(2.0)
    assert await _no_peers(again, tid)
    assert not [p for p in await seeder.engine.peers(sid) if p.ip == again.endpoint[0]]

    await again.engine.unban_peers([seeder_ip])
    assert again.engine.banned_peers() == ()
    await again.engine.add_peers(tid, [seeder.endpoint])
    await wait_until_async(lambda: _has_peer(again, tid, seeder_ip), 20, "connect after unban")


async def _no_peers(node: Node, tid: str) -> bool:
    return not await node.engine.peers(tid)


async def _has_peer(node: Node, tid: str, ip: str) -> bool:
    return any(p.ip == ip for p in await node.engine.peers(tid))


async def test_bans_and_speed_blocks_share_the_filter(make_node: NodeFactory) -> None:
    node = await make_node()
    controls = node.engine.peer_controls
    controls.block_ips(["10.0.0.1"])
    await node.engine.ban_peers(["10.0.0.2", "::1"])
    controls.unblock_ips(["10.0.0.1", "10.0.0.2"])  # Speed cannot lift a user's ban
    exported = node.engine._session.get_ip_filter().export_filter()
    v4, v6 = exported
    blocked_v4 = [r for r in v4 if r[0] == r[1]]
    assert blocked_v4 == [("10.0.0.2", "10.0.0.2")]
    assert ("::1", "::1") in v6
    assert node.engine.banned_peers() == ("10.0.0.2", "::1")
    assert controls.blocked == frozenset()
