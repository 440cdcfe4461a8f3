"""Restoring many torrents at once: all come back, in the saved queue order, with their
state and labels; damaged resume files are reported one line each and skipped."""

from __future__ import annotations

import json
import random
from pathlib import Path

import libtorrent as lt
import pytest

from btt_desktop.engine import adding
from btt_desktop.engine.types import TorrentState
from btt_desktop.events import EngineMessage, TorrentAdded
from btt_desktop.profile import Profile
from tests.engine.conftest import NodeFactory, loopback_settings, wait_until

pytestmark = pytest.mark.timeout(120)


def write_saved(root: Path, count: int, seed: int = 1) -> list[str]:
    """``count`` small torrents saved as resume data (one in three paused, no data on
    disk); returns their ids."""
    profile = Profile.open(root)
    rng = random.Random(seed)
    ids = []
    for i in range(count):
        name = f"restored {i:04d}.bin"
        ct = lt.create_torrent([lt.create_file_entry(name, 40_000 + i)], 16384,
                               lt.create_torrent.v1_only)
        for piece in range(ct.num_pieces()):
            ct.set_hash(piece, rng.randbytes(20))
        atp = lt.add_torrent_params()
        atp.ti = lt.torrent_info(lt.bencode(ct.generate()))
        atp.save_path = str(root / "downloads")
        atp.added_time = 1_700_000_000 + i
        atp.flags = lt.torrent_flags.paused if i % 3 == 0 else lt.torrent_flags.auto_managed
        torrent_id = str(atp.ti.info_hashes().v1)
        (profile.resume_dir / f"{torrent_id}.resume").write_bytes(
            bytes(lt.write_resume_data_buf(atp)))
        ids.append(torrent_id)
    return ids


async def test_a_bulk_restore_brings_every_torrent_back_in_queue_order(
        tmp_path: Path, make_node: NodeFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(adding, "ADD_WINDOW", 64)      # several rounds of adds in flight
    monkeypatch.setattr(adding, "ANNOUNCE_BATCH", 50)
    root = tmp_path / "p"
    ids = write_saved(root, 300)
    queue = ids[:]
    random.Random(2).shuffle(queue)  # a queue order unlike the files' or the added times
    profile = Profile.open(root)
    (profile.resume_dir / "queue.json").write_text(json.dumps(queue))
    (profile.resume_dir / "labels.json").write_text(json.dumps(
        {queue[5]: {"category": "iso", "tags": ["big"]}}))
    (root / "categories.json").write_text(json.dumps(
        {"categories": {"iso": {"save_path": ""}}, "tags": ["big"]}))

    node = await make_node(root, settings=loopback_settings())

    added = [e.snapshot for e in node.of(TorrentAdded)]
    assert [s.torrent_id for s in added] == queue  # announced in queue order, once each
    assert not node.of(EngineMessage)
    paused = {tid for tid in ids[::3]}
    assert {s.torrent_id for s in added if s.state is TorrentState.PAUSED} == paused
    by_id = {s.torrent_id: s for s in added}
    assert by_id[queue[5]].category == "iso" and by_id[queue[5]].tags == ("big",)
    assert by_id[ids[7]].name == "restored 0007.bin"

    def positions() -> list[int]:
        return [s.queue_position if (s := node.engine.snapshot(tid)) else -2 for tid in queue]

    await wait_until(lambda: positions() == list(range(300)), what="the saved queue order")


async def test_damaged_resume_files_are_reported_and_the_others_restored(
        tmp_path: Path, make_node: NodeFactory) -> None:
    root = tmp_path / "p"
    ids = write_saved(root, 20)
    resume = Profile.open(root).resume_dir
    (resume / f"{'a' * 40}.resume").write_bytes(b"not bencoded at all")
    (resume / f"{'b' * 40}.resume").write_bytes(b"")
    good = (resume / f"{ids[0]}.resume").read_bytes()
    (resume / f"{'c' * 40}.resume").write_bytes(good[: len(good) // 2])

    node = await make_node(root, settings=loopback_settings())

    assert sorted(e.snapshot.torrent_id for e in node.of(TorrentAdded)) == sorted(ids)
    lines = [e.text for e in node.of(EngineMessage) if e.level == "error"]
    assert len(lines) == 3
    for bad in ("a", "b", "c"):
        line = next(t for t in lines if f"{bad * 40}.resume" in t)
        assert line.startswith("cannot restore ") and "damaged resume data" in line
        assert "\n" not in line
