"""Real swarms on loopback: a seeding engine and a downloading engine."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from btt_desktop.engine.types import AddParams, Encryption, TorrentState
from btt_desktop.errors import EngineError
from btt_desktop.events import (
    MetadataReceived,
    TorrentAdded,
    TorrentErrored,
    TorrentFinished,
    TorrentRemoved,
    TorrentsUpdated,
)
from tests.engine.conftest import (
    Node,
    NodeFactory,
    damage,
    loopback_settings,
    make_torrent,
    tree_digests,
    wait_until,
)

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


async def test_skipped_file_is_not_downloaded(tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {
        "keep.bin": 1_000_000, "skip.bin": 2_000_000, "z.txt": 5000}, piece_size=16384)
    seeder = await make_node()
    leecher = await make_node()
    await seed(seeder, torrent, content)
    meta = await leecher.engine.inspect(AddParams(save_path="", torrent_data=torrent))
    prios = tuple(0 if f.path.endswith("skip.bin") else 4 for f in meta.files)
    dest = tmp_path / "down"
    tid = await leecher.engine.add(AddParams(save_path=str(dest), torrent_data=torrent,
                                             file_priorities=prios, peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="wanted files")

    got = dest / "content"
    assert (got / "keep.bin").read_bytes() == (content / "keep.bin").read_bytes()
    assert (got / "z.txt").read_bytes() == (content / "z.txt").read_bytes()
    assert not (got / "skip.bin").exists()
    files = {f.path.rsplit("/", 1)[-1]: f for f in await leecher.engine.files(tid)}
    assert files["skip.bin"].priority == 0 and files["skip.bin"].progress < 0.05
    assert files["keep.bin"].progress == 1.0
    snap = leecher.engine.snapshot(tid)
    assert snap is not None and snap.total_wanted < 1_100_000

    # asking for the skipped file later downloads it
    await leecher.engine.set_file_priorities(tid, {files["skip.bin"].index: 7})
    # both ends were complete and hung up; with no tracker, dial the seeder again
    await leecher.engine.connect_peer(tid, *seeder.endpoint)
    await wait_until(lambda: len(leecher.of(TorrentFinished)) == 2, what="the second file")
    assert (got / "skip.bin").read_bytes() == (content / "skip.bin").read_bytes()


async def test_pause_resume_and_per_peer_counters(tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 4_000_000},
                                          piece_size=16384)
    seeder = await make_node()
    leecher = await make_node()
    seed_id = await seed(seeder, torrent, content)
    await seeder.engine.set_limits(seed_id, upload=800_000)
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, peers=(seeder.endpoint,)))
    await wait_until(lambda: leecher.engine.snapshot(tid).total_done > 200_000,  # type: ignore
                     what="some data")
    counters = await seeder.engine.peer_counters(seed_id)
    assert counters.peers and next(iter(counters.peers)).startswith(leecher.endpoint[0] + ":")
    assert sum(c.uploaded for c in counters.peers.values()) > 0
    assert counters.piece_length == 16384
    assert all(c.hashfails == 0 for c in counters.peers.values())
    # the leecher's view: what it received, and what still waits for a hash check
    mine = await leecher.engine.peer_counters(tid)
    assert sum(c.downloaded for c in mine.peers.values()) > 0
    assert set(mine.unverified) <= {seeder.endpoint[0]}

    await leecher.engine.pause([tid])
    await wait_until(lambda: _state(leecher, tid) == TorrentState.PAUSED, what="paused")
    await asyncio.sleep(0.5)  # let the last requested blocks land
    held = leecher.engine.snapshot(tid).total_done  # type: ignore[union-attr]
    await asyncio.sleep(1.5)
    snap = leecher.engine.snapshot(tid)
    assert snap is not None and snap.state == TorrentState.PAUSED
    assert snap.total_done == held and snap.download_rate == 0 and snap.progress < 1.0

    await seeder.engine.set_limits(seed_id, upload=0)
    await leecher.engine.resume([tid])
    await leecher.engine.connect_peer(tid, *seeder.endpoint)
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="finish after resume")
    assert tree_digests(tmp_path / "down" / "content") == tree_digests(content)


async def test_remove_with_and_without_data(tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 300_000, "d/b": 1000})
    node = await make_node()
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "seed"), torrent_data=torrent))
    await wait_until(lambda: _state(node, tid) == TorrentState.SEEDING, what="check")
    resume_file = node.profile.resume_dir / f"{tid}.resume"
    await wait_until(resume_file.exists, what="resume data saved on add")

    await node.engine.remove([tid])
    assert node.engine.snapshot(tid) is None and tid not in node.engine.torrent_ids()
    assert (content / "a.bin").exists()
    assert not resume_file.exists()
    assert [e.torrent_id for e in node.of(TorrentRemoved)] == [tid]

    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "seed"), torrent_data=torrent))
    await wait_until(lambda: _state(node, tid) == TorrentState.SEEDING, what="check again")
    await node.engine.remove([tid], delete_files=True)
    assert not (content / "a.bin").exists() and not (content / "d" / "b").exists()

    # a magnet still without metadata has no files: removing "with data" just removes it
    magnet = await node.engine.add(AddParams(save_path=str(tmp_path / "m"),
                                             magnet="magnet:?xt=urn:btih:" + "cd" * 20))
    await node.engine.remove([magnet], delete_files=True)
    assert node.engine.torrent_ids() == []


async def test_move_storage_and_force_recheck(tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 500_000, "b.bin": 9000},
                                          piece_size=16384)
    node = await make_node()
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "seed"), torrent_data=torrent))
    await wait_until(lambda: _state(node, tid) == TorrentState.SEEDING, what="check")
    original = tree_digests(content)

    await node.engine.move_storage(tid, str(tmp_path / "moved"))
    moved = tmp_path / "moved" / "content"
    assert tree_digests(moved) == original
    assert not (content / "a.bin").exists()
    await wait_until(lambda: node.engine.snapshot(tid).save_path  # type: ignore[union-attr]
                     == str(tmp_path / "moved"), what="new save path in snapshot")

    # a damaged piece is only noticed by a re-check, which then wants it again
    damage(moved / "a.bin", 100_000)
    await node.engine.force_recheck([tid])
    await wait_until(lambda: (s := node.engine.snapshot(tid)) is not None
                     and s.state == TorrentState.DOWNLOADING, what="recheck to find the damage")
    snap = node.engine.snapshot(tid)
    assert snap is not None and snap.total_size - snap.total_done == 16384


async def test_move_storage_to_a_file_fails_with_one_line(tmp_path: Path,
                                                          make_node: NodeFactory) -> None:
    _, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 50_000})
    node = await make_node()
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "seed"), torrent_data=torrent))
    (tmp_path / "blocker").write_text("x")
    with pytest.raises(EngineError) as err:
        await node.engine.move_storage(tid, str(tmp_path / "blocker"))
    assert "\n" not in str(err.value) and "blocker" in str(err.value)


async def test_magnet_metadata_then_download(tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 700_000, "b/c": 1234})
    seeder = await make_node()
    leecher = await make_node()
    seed_id = await seed(seeder, torrent, content)
    magnet = seeder.engine.magnet_uri(seed_id) + "&x.pe={}:{}".format(*seeder.endpoint)
    dest = tmp_path / "down"

    meta = await asyncio.wait_for(leecher.engine.fetch_metadata(magnet, str(dest)), 30)
    assert meta.name == "content" and meta.total_size == 700_000 + 1234
    assert {f.path for f in meta.files} == {"content/a.bin", "content/b/c"}
    assert leecher.engine.torrent_ids() == [] and not dest.exists()  # nothing kept or written

    tid = await leecher.engine.add(AddParams(save_path=str(dest), magnet=magnet,
                                             peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="magnet download")
    assert tree_digests(dest / "content") == tree_digests(content)
    assert leecher.engine.snapshot(tid).has_metadata  # type: ignore[union-attr]
    # the fetched metadata was reused: the added magnet did not need to wait for it again
    assert leecher.engine.snapshot(tid).total_size == meta.total_size  # type: ignore[union-attr]


async def test_fetch_metadata_can_be_cancelled(tmp_path: Path, make_node: NodeFactory) -> None:
    node = await make_node()
    magnet = "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=nobody"
    task = asyncio.create_task(node.engine.fetch_metadata(magnet, str(tmp_path / "x")))
    await asyncio.sleep(0.5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert node.engine.torrent_ids() == []
    # the probe is gone: the same magnet can be fetched (and cancelled) again
    again = asyncio.create_task(node.engine.fetch_metadata(magnet, str(tmp_path / "x")))
    await asyncio.sleep(0.3)
    assert not again.done()
    again.cancel()
    with pytest.raises(asyncio.CancelledError):
        await again


async def test_snapshots_follow_limits_sequential_and_queue(tmp_path: Path,
                                                           make_node: NodeFactory) -> None:
    node = await make_node()
    ids = []
    for n in range(3):
        _, torrent = await make_torrent(tmp_path / f"t{n}", {f"f{n}": 20_000})
        ids.append(await node.engine.add(AddParams(save_path=str(tmp_path / f"d{n}"),
                                                   torrent_data=torrent)))
    await node.engine.set_limits(ids[0], download=123_000, upload=45_000)
    await node.engine.set_sequential(ids[0], True)
    await node.engine.queue_up([ids[2]])

    def settled() -> bool:
        s = node.engine.snapshot(ids[0])
        q = node.engine.snapshot(ids[2])
        return (s is not None and q is not None and s.download_limit == 123_000
                and s.upload_limit == 45_000 and s.sequential and q.queue_position == 1)

    await wait_until(settled, what="limits, sequential and queue order in snapshots")
    await node.engine.set_limits(ids[0], download=0)
    await node.engine.set_sequential(ids[0], False)
    await wait_until(lambda: (s := node.engine.snapshot(ids[0])) is not None
                     and s.download_limit == 0 and not s.sequential, what="cleared")
    details = await node.engine.details(ids[1])
    assert details.name == "content" and details.num_pieces >= 1
    assert details.total_size == 20_000 and details.pieces_have == 0  # its data is elsewhere
    assert details.magnet_uri.startswith("magnet:?xt=urn:btih:" + ids[1])


async def test_unwritable_destination_is_reported(tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 200_000})
    seeder = await make_node()
    leecher = await make_node()
    await seed(seeder, torrent, content)
    dest = tmp_path / "down"
    dest.mkdir()
    (dest / "content").write_text("a file where the torrent's folder should go")
    tid = await leecher.engine.add(AddParams(save_path=str(dest), torrent_data=torrent,
                                             peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentErrored)), what="the error event")
    event = leecher.of(TorrentErrored)[0]
    assert event.torrent_id == tid and "\n" not in event.message
    assert "content" in event.message
    await wait_until(lambda: _state(leecher, tid) == TorrentState.ERROR, what="error state")
    assert leecher.engine.snapshot(tid).error  # type: ignore[union-attr]


async def test_magnet_without_prefetch_reports_metadata(tmp_path: Path,
                                                        make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 300_000})
    seeder = await make_node()
    leecher = await make_node()
    seed_id = await seed(seeder, torrent, content)
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             magnet=seeder.engine.magnet_uri(seed_id),
                                             peers=(seeder.endpoint,)))
    assert leecher.engine.snapshot(tid).total_size == 0  # type: ignore[union-attr]
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="magnet download")
    assert [(e.torrent_id, e.name) for e in leecher.of(MetadataReceived)] == [(tid, "content")]
    assert leecher.engine.snapshot(tid).total_size == 300_000  # type: ignore[union-attr]
    # the metadata is in the resume data from now on
    await wait_until(lambda: (leecher.profile.resume_dir / f"{tid}.resume").exists(),
                     what="resume data")


@pytest.mark.parametrize("seeder_mode", [Encryption.REQUIRE, Encryption.DISABLE])
async def test_default_encryption_reaches_strict_peers(tmp_path: Path, make_node: NodeFactory,
                                                       seeder_mode: Encryption) -> None:
    content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 500_000})
    seeder = await make_node(settings=loopback_settings(encryption=seeder_mode))
    leecher = await make_node()  # default: prefer plain text
    await seed(seeder, torrent, content)
    await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"), torrent_data=torrent,
                                       peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), 20, "download")
    assert tree_digests(tmp_path / "down" / "content") == tree_digests(content)
