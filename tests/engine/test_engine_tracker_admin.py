"""Trackers by hand: add with tiers, edit, remove, kept across a restart; what a tracker
shows before and after it is contacted; force reannounce to a real tracker; the DHT,
PeX and LSD rows."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest

from btt_desktop.engine import create_torrent
from btt_desktop.engine.types import AddParams, TorrentState, TrackerKind, TrackerStatus
from btt_desktop.errors import EngineError
from tests.conftest import free_port, next_loopback
from tests.engine.conftest import (
    NodeFactory,
    loopback_settings,
    make_torrent,
    wait_until,
    wait_until_async,
    write_random,
)
from tests.engine.test_engine_tracker import start_tracker

pytestmark = pytest.mark.timeout(60)

A = "http://127.0.0.1:9/a/announce"
B = "udp://127.0.0.1:9/announce"
C = "https://127.0.0.1:9/c/announce"
D = "wss://127.0.0.1:9/d"


async def test_tracker_edits_survive_a_restart(tmp_path: Path, make_node: NodeFactory) -> None:
    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 100_000})
    profile = tmp_path / "profile"
    node = await make_node(profile_dir=profile)
    settings = node.settings
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                          torrent_data=torrent, paused=True))
    assert await node.engine.add_trackers(tid, [(A, 0), (B, 0), (C, 1)]) == 3
    assert await node.engine.add_trackers(tid, [(A, 0)]) == 0  # already there
    with pytest.raises(EngineError, match=r"^not a tracker URL .*: ftp://x/announce$"):
        await node.engine.add_trackers(tid, [("ftp://x/announce", 0)])
    await node.engine.edit_tracker(tid, B, D)
    with pytest.raises(EngineError, match=f"^already in the list: {re.escape(C)}$"):
        await node.engine.edit_tracker(tid, D, C)
    await node.engine.remove_trackers(tid, [A])
    expected = [(D, 0), (C, 1)]
    assert [(t.url, t.tier) for t in await node.engine.trackers(tid)] == expected
    await node.engine.close()

    again = await make_node(profile_dir=profile, settings=settings)
    entries = await again.engine.trackers(tid)
    assert [(t.url, t.tier) for t in entries] == expected
    # never contacted since the restart (the torrent is paused): not "not working"
    assert {t.status for t in entries} == {TrackerStatus.NOT_CONTACTED}
    assert all(t.message == "" for t in entries)


async def test_a_dead_tracker_says_why(tmp_path: Path, make_node: NodeFactory) -> None:
    port = free_port("127.0.0.1")  # nothing listens there
    url = f"http://127.0.0.1:{port}/announce"
    content = tmp_path / "seed" / "content"
    write_random(content / "a.bin", 100_000)
    out = tmp_path / "t.torrent"
    await create_torrent(content, out, trackers=[url])
    node = await make_node()
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                          torrent_path=str(out)))

    async def failed() -> bool:
        entries = await node.engine.trackers(tid)
        return entries[0].status == TrackerStatus.ERROR

    await wait_until_async(failed, 20, "the announce to fail")
    entry = (await node.engine.trackers(tid))[0]
    assert entry.message.lower() == "connection refused"


async def test_force_reannounce_reaches_the_tracker(tmp_path: Path,
                                                   make_node: NodeFactory) -> None:
    """Two seeders of one torrent: the first sees one seed in the tracker's answer until
    it announces again; forced, it sees both at once (no 30-minute wait)."""
    ip = next_loopback()
    port = free_port(ip)
    tracker = f"http://{ip}:{port}/announce"
    content = tmp_path / "seed" / "content"
    write_random(content / "a.bin", 200_000)
    out = tmp_path / "t.torrent"
    meta = await create_torrent(content, out, trackers=[tracker])
    assert meta.info_hash_v1
    workdir = Path(tempfile.mkdtemp(prefix="btt-opentracker-"))
    proc = start_tracker(ip, port, [meta.info_hash_v1], workdir)
    try:
        first = await make_node()
        second = await make_node()
        ids = []
        for node in (first, second):
            tid = await node.engine.add(AddParams(save_path=str(tmp_path / "seed"),
                                                  torrent_path=str(out)))
            ids.append(tid)
            await wait_until(lambda n=node, t=tid: (s := n.engine.snapshot(t)) is not None
                             and s.state == TorrentState.SEEDING, what="seeding")

            async def working(n=node, t=tid) -> bool:  # type: ignore[no-untyped-def]
                entries = await n.engine.trackers(t)
                return entries[0].status == TrackerStatus.WORKING
            await wait_until_async(working, 20, "an announce")
        tid = ids[0]
        assert (await first.engine.trackers(tid))[0].seeds == 1
        await first.engine.force_reannounce([tid])

        async def two_seeds() -> bool:
            entry = (await first.engine.trackers(tid))[0]
            return entry.status == TrackerStatus.WORKING and entry.seeds == 2
        await wait_until_async(two_seeds, 15, "the reannounce")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


async def test_dht_pex_lsd_rows(tmp_path: Path, make_node: NodeFactory) -> None:
    _content, torrent = await make_torrent(tmp_path / "seed", {"a.bin": 100_000})
    node = await make_node(settings=loopback_settings(dht=False, lsd=False, pex=True))
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "down"),
                                          torrent_data=torrent, paused=True))
    rows = await node.engine.trackers(tid, sources=True)
    assert [(r.kind, r.status) for r in rows] == [
        (TrackerKind.DHT, TrackerStatus.DISABLED),
        (TrackerKind.PEX, TrackerStatus.WORKING),
        (TrackerKind.LSD, TrackerStatus.DISABLED),
    ]
    assert rows[1].peers == 0 and rows[1].seeds == 0
    assert await node.engine.trackers(tid) == []  # without sources: URLs only
