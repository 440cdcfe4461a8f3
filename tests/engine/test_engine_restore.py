"""Torrents survive a restart: a clean close, and a SIGKILL in the middle of a download."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import libtorrent as lt
import pytest

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.events import TorrentAdded, TorrentFinished
from tests.engine.conftest import (
    Node,
    NodeFactory,
    damage,
    loopback_settings,
    make_torrent,
    tree_digests,
    wait_until,
)

pytestmark = pytest.mark.timeout(120)


async def test_restore_after_clean_close_keeps_everything_without_recheck(
        tmp_path: Path, make_node: NodeFactory) -> None:
    _, torrent = await make_torrent(tmp_path / "seed", {
        "a.bin": 600_000, "b.bin": 900_000, "c.bin": 300_000}, piece_size=16384)
    seeder = await make_node(tmp_path / "seeder")
    leecher = await make_node(tmp_path / "leecher")
    seed_id = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                                torrent_data=torrent))
    meta = await leecher.engine.inspect(AddParams(save_path="", torrent_data=torrent))
    prios = tuple(0 if f.path.endswith("b.bin") else 4 for f in meta.files)
    dest = tmp_path / "down"
    tid = await leecher.engine.add(AddParams(save_path=str(dest), torrent_data=torrent,
                                             file_priorities=prios, peers=(seeder.endpoint,)))
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="wanted files")
    await leecher.engine.set_limits(tid, download=100_000, upload=50_000)
    await leecher.engine.set_sequential(tid, True)
    await leecher.engine.pause([tid])
    await wait_until(lambda: leecher.engine.snapshot(tid).state  # type: ignore[union-attr]
                     == TorrentState.PAUSED, what="paused")
    before = leecher.engine.snapshot(tid)
    files_before = await leecher.engine.files(tid)
    pieces_before = (await leecher.engine.details(tid)).pieces_have
    await leecher.engine.close()
    await seeder.engine.close()

    # same size, different bytes: only a (needless) re-check could notice
    damage(dest / "content" / "a.bin", 1000)

    seeder2 = await make_node(tmp_path / "seeder", settings=loopback_settings())
    leecher2 = await make_node(tmp_path / "leecher", settings=loopback_settings())
    assert [e.snapshot.torrent_id for e in leecher2.of(TorrentAdded)] == [tid]
    await wait_until(lambda: (s := leecher2.engine.snapshot(tid)) is not None
                     and s.state == TorrentState.PAUSED, what="restored paused")
    after = leecher2.engine.snapshot(tid)
    assert after is not None and before is not None
    assert (await leecher2.engine.details(tid)).pieces_have == pieces_before
    assert after.save_path == str(dest)
    assert after.sequential and after.download_limit == 100_000 and after.upload_limit == 50_000
    assert after.total_done == before.total_done and after.progress == before.progress == 1.0
    assert [(f.index, f.priority, f.progress) for f in await leecher2.engine.files(tid)] == [
        (f.index, f.priority, f.progress) for f in files_before]
    # a torrent restored complete is not "finished" again
    await wait_until(lambda: (s := seeder2.engine.snapshot(seed_id)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder restored")
    await asyncio.sleep(0.5)
    assert not seeder2.of(TorrentFinished) and not leecher2.of(TorrentFinished)


async def settled_upload(node: Node, torrent_id: str) -> int:
    """The seeder's all-time upload once it has stopped moving (libtorrent adds up these
    counters once a second, so a fresh read can be behind)."""
    last, since = -1, 0.0
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 15
    while loop.time() < deadline:
        snap = node.engine.snapshot(torrent_id)
        value = snap.all_time_upload if snap is not None else -1
        if value != last:
            last, since = value, loop.time()
        elif loop.time() - since >= 2.0:
            return value
        await asyncio.sleep(0.2)
    raise AssertionError("the upload count did not settle")


async def _verified_pieces(proc: asyncio.subprocess.Process, at_least: int) -> int:
    assert proc.stdout is not None
    while True:
        line = (await asyncio.wait_for(proc.stdout.readline(), 30)).decode()
        assert line, "the download process ended early"
        if line.startswith("pieces ") and int(line.split()[1]) >= at_least:
            return int(line.split()[1])


async def test_resume_after_sigkill_downloads_no_verified_piece_twice(
        tmp_path: Path, make_node: NodeFactory) -> None:
    piece = 32 * 1024
    content, torrent = await make_torrent(tmp_path / "seed", {"big.bin": 256 * piece},
                                          piece_size=piece)
    total = 256 * piece
    torrent_file = tmp_path / "big.torrent"
    torrent_file.write_bytes(torrent)
    seeder = await make_node(tmp_path / "seeder")
    seed_id = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                                torrent_data=torrent))
    await wait_until(lambda: (s := seeder.engine.snapshot(seed_id)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder")
    await seeder.engine.set_limits(seed_id, upload=1_500_000)

    leech = loopback_settings()
    profile = tmp_path / "leecher"
    # a real engine in a child process, which reports its verified pieces until killed
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(Path(__file__).with_name("killable_download.py")), str(profile),
        str(torrent_file), str(tmp_path / "down"), leech.listen_interface,
        str(leech.listen_port), *map(str, seeder.endpoint),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    try:
        verified = await _verified_pieces(proc, 64)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        await proc.wait()
    assert verified < 256
    # whatever was sent and not yet verified is in this count too
    await wait_until(lambda: seeder.engine.snapshot(seed_id).num_peers == 0,  # type: ignore
                     what="seeder to notice the dead peer")
    sent_before = await settled_upload(seeder, seed_id)

    leecher = await make_node(profile, settings=loopback_settings())
    tid = seeder.engine.torrent_ids()[0]
    await wait_until(lambda: (s := leecher.engine.snapshot(tid)) is not None
                     and s.state != TorrentState.CHECKING, what="restored torrent")
    restored = leecher.engine.snapshot(tid)
    assert restored is not None
    assert (await leecher.engine.details(tid)).pieces_have >= verified  # none was lost

    await seeder.engine.set_limits(seed_id, upload=0)
    await leecher.engine.connect_peer(tid, *seeder.endpoint)
    await wait_until(lambda: bool(leecher.of(TorrentFinished)), what="download to finish")
    assert tree_digests(tmp_path / "down" / "content") == tree_digests(content)
    sent_after = await settled_upload(seeder, seed_id)
    # only what was missing came again (a piece of slack for the count's granularity)
    assert sent_after - sent_before <= total - restored.total_done + piece


async def test_queue_order_survives_a_restart(tmp_path: Path, make_node: NodeFactory) -> None:
    node = await make_node(tmp_path / "p")
    ids = []
    for n in range(3):
        _, torrent = await make_torrent(tmp_path / f"t{n}", {f"f{n}": 20_000})
        ids.append(await node.engine.add(AddParams(save_path=str(tmp_path / f"empty{n}"),
                                                   torrent_data=torrent)))
    await node.engine.queue_up([ids[2]])
    expected = {ids[0]: 0, ids[2]: 1, ids[1]: 2}

    def positions(engine_node: object) -> dict[str, int]:
        return {tid: s.queue_position for tid in ids
                if (s := engine_node.engine.snapshot(tid)) is not None}  # type: ignore

    await wait_until(lambda: positions(node) == expected, what="new queue order")
    await node.engine.close()
    again = await make_node(tmp_path / "p", settings=loopback_settings())
    await wait_until(lambda: positions(again) == expected, what="restored queue order")


def _saved_pieces(path: Path) -> int:
    if not path.exists():
        return 0
    return sum(lt.read_resume_data(path.read_bytes()).have_pieces)


async def test_resume_data_is_saved_periodically_while_downloading(
        tmp_path: Path, make_node: NodeFactory) -> None:
    _, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 2_000_000},
                                    piece_size=16384)
    seeder = await make_node()
    sid = await seeder.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                            torrent_data=torrent))
    await wait_until(lambda: (s := seeder.engine.snapshot(sid)) is not None
                     and s.state == TorrentState.SEEDING, what="seeder")
    await seeder.engine.set_limits(sid, upload=500_000)
    leecher = await make_node(resume_interval=0.5)
    tid = await leecher.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                             torrent_data=torrent, peers=(seeder.endpoint,)))
    resume_file = leecher.profile.resume_dir / f"{tid}.resume"
    # saved on add with nothing, then again while pieces arrive, without any close
    await wait_until(lambda: _saved_pieces(resume_file) >= 10, 20, "a periodic save")
    assert leecher.engine.snapshot(tid).progress < 1.0  # type: ignore[union-attr]
