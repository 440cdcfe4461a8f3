"""Export a .torrent, super seeding, and the General tab's facts: time active adds up
across restarts, and a magnet without metadata has no size yet."""

from __future__ import annotations

import asyncio
from pathlib import Path

import libtorrent as lt
import pytest

from btt_desktop.engine.types import AddParams, TorrentState
from btt_desktop.errors import EngineError
from tests.engine.conftest import NodeFactory, make_torrent, wait_until

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize("version", ["v1", "v2", "hybrid"])
async def test_export_gives_back_the_same_torrent(tmp_path: Path, make_node: NodeFactory,
                                                  version: str) -> None:
    content, torrent = await make_torrent(tmp_path / "t", {"a.bin": 300_000, "d/b.bin": 999},
                                          version=version)
    node = await make_node()
    tid = await node.engine.add(AddParams(save_path=str(content.parent), torrent_data=torrent))
    await node.engine.add_trackers(tid, [("http://tracker.example/announce", 0)])
    out = tmp_path / "out" / "exported.torrent"
    await node.engine.export_torrent(tid, str(out))

    mine = await node.engine.inspect(AddParams(save_path="", torrent_path=str(out)))
    original = await node.engine.inspect(AddParams(save_path="", torrent_data=torrent))
    assert (mine.info_hash_v1, mine.info_hash_v2) == (original.info_hash_v1,
                                                       original.info_hash_v2)
    assert mine.files == original.files
    assert mine.trackers == ("http://tracker.example/announce",)
    # a second engine can seed from the exported file (v2 piece layers included)
    other = await make_node()
    again = await other.engine.add(AddParams(save_path=str(content.parent),
                                             torrent_path=str(out)))
    await wait_until(lambda: other.engine.snapshot(again).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="the exported torrent to check")


async def test_export_of_a_magnet_without_metadata_is_one_line(tmp_path: Path,
                                                               make_node: NodeFactory) -> None:
    node = await make_node()
    tid = await node.engine.add(AddParams(save_path=str(tmp_path / "m"),
                                          magnet="magnet:?xt=urn:btih:" + "cd" * 20 + "&dn=x"))
    with pytest.raises(EngineError, match="has no metadata yet") as caught:
        await node.engine.export_torrent(tid, str(tmp_path / "x.torrent"))
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "x.torrent").exists()

    details = await node.engine.details(tid)
    assert details.has_metadata is False
    assert (details.total_size, details.num_pieces, details.piece_length) == (0, 0, 0)


async def test_super_seeding_shows_in_snapshots_and_survives_restart(
        tmp_path: Path, make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "t", {"a.bin": 200_000})
    node = await make_node(profile_dir=tmp_path / "p")
    tid = await node.engine.add(AddParams(save_path=str(content.parent), torrent_data=torrent))
    await wait_until(lambda: node.engine.snapshot(tid).state  # type: ignore[union-attr]
                     == TorrentState.SEEDING, what="seeding")
    assert not node.engine.snapshot(tid).super_seeding  # type: ignore[union-attr]
    await node.engine.set_super_seeding([tid], True)
    await wait_until(lambda: node.engine.snapshot(tid).super_seeding,  # type: ignore[union-attr]
                     what="super seeding on")
    await node.engine.close()
    again = await make_node(profile_dir=tmp_path / "p")
    await wait_until(lambda: (s := again.engine.snapshot(tid)) is not None and s.super_seeding,
                     what="super seeding after a restart")
    await again.engine.set_super_seeding([tid], False)
    await wait_until(lambda: not again.engine.snapshot(tid).super_seeding,  # type: ignore
                     what="super seeding off")


async def test_time_active_adds_up_across_restarts(tmp_path: Path,
                                                  make_node: NodeFactory) -> None:
    content, torrent = await make_torrent(tmp_path / "t", {"a.bin": 100_000})
    node = await make_node(profile_dir=tmp_path / "p")
    tid = await node.engine.add(AddParams(save_path=str(content.parent), torrent_data=torrent))
    await asyncio.sleep(3)
    first = (await node.engine.details(tid)).active_time
    assert first >= 2
    await node.engine.close()

    again = await make_node(profile_dir=tmp_path / "p")
    await wait_until(lambda: again.engine.snapshot(tid) is not None, what="restored")
    assert (await again.engine.details(tid)).active_time >= first
    await asyncio.sleep(3)
    second = (await again.engine.details(tid)).active_time
    assert second >= first + 2
    await again.engine.close()
    third = await make_node(profile_dir=tmp_path / "p")
    await wait_until(lambda: third.engine.snapshot(tid) is not None, what="restored again")
    assert (await third.engine.details(tid)).active_time >= second
    assert lt.version.startswith("2.")
