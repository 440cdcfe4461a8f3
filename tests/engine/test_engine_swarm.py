"""Real swarms on loopback: a seeding engine and a downloading engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Node, NodeFactory, make_torrent, tree_digests, wait_until

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.events import TorrentAdded, TorrentFinished, TorrentsUpdated

pytestmark = pytest.mark.timeout(90)


async def seed(node: Node, torrent: bytes, content: Path) -> str:
    tid = await node.engine.add(AddParams(save_path=str(content.parent), torrent_data=torrent))
    await wait_until(lambda: _state(node, tid) == TorrentState.SEEDING, what="seeder to check")
    return tid


def _state(node: Node, tid: str) -> TorrentState | None:
    snap = node.engine.snapshot(tid)
    return snap.state if snap else None


async def test_download_from_a_seeder_gives_identical_data(tmp_path: Path,
                                                          make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {
        "a.bin": 3 * 1024 * 1024 + 17, "sub/b.bin": 700_000, "sub/c.txt": 10})
    seeder = await make_node()
    leecher = await make_node()
    await seed(seeder, torrent, content)

    dest = tmp_path / "down"
    tid = await leecher.engine.add(AddParams(save_path=str(dest), torrent_data=torrent,
                                             peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="download to finish")

    assert tree_digests(dest / "content") == tree_digests(content)
    snap = leecher.engine.snapshot(tid)
    assert snap is not None
    assert [e.torrent_id for e in leecher.of(TorrentFinished)] == [tid]
    assert leecher.of(TorrentAdded)[0].snapshot.torrent_id == tid
    # snapshots arrive in batches; the last one shows the torrent complete
    await wait_until(lambda: _state(leecher, tid) == TorrentState.SEEDING, what="seeding state")
    assert any(s.torrent_id == tid for e in leecher.of(TorrentsUpdated) for s in e.snapshots)
    assert leecher.engine.snapshot(tid).progress == 1.0  # type: ignore[union-attr]
    # the seeder counted the bytes going out
    seed_id = seeder.engine.torrent_ids()[0]
    await wait_until(lambda: seeder.engine.snapshot(seed_id).all_time_upload  # type: ignore
                     >= snap.total_wanted, what="seeder upload count")
