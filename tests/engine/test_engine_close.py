"""close() saves the resume data of torrents that changed, and leaves the others' files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from btt_desktop.engine.engine import close_timeout
from btt_desktop.engine.types import AddParams, TorrentState
from tests.engine.conftest import NodeFactory, loopback_settings, make_torrent, wait_until

pytestmark = pytest.mark.timeout(60)


async def test_close_rewrites_only_changed_resume_files(tmp_path: Path,
                                                        make_node: NodeFactory) -> None:
    torrents = []
    for name in ("one", "two", "three", "four", "five"):
        _, data = await make_torrent(tmp_path / name, {f"{name}.bin": 200_000},
                                     piece_size=16384)
        torrents.append((name, data))
    node = await make_node(tmp_path / "profile")
    ids = [await node.engine.add(AddParams(save_path=str(tmp_path / name), torrent_data=data))
           for name, data in torrents]
    await wait_until(lambda: all((s := node.engine.snapshot(t)) is not None
                                 and s.state == TorrentState.SEEDING for t in ids),
                     what="all seeding")
    await node.engine.close()

    again = await make_node(tmp_path / "profile", settings=loopback_settings())
    await wait_until(lambda: all((s := again.engine.snapshot(t)) is not None
                                 and s.state == TorrentState.SEEDING for t in ids),
                     what="all restored")
    resume = {t: again.profile.resume_dir / f"{t}.resume" for t in ids}
    for path in resume.values():  # an old time stamp: a rewrite shows as a new one
        os.utime(path, (1_000_000_000, 1_000_000_000))
    await again.engine.pause([ids[0]])
    await wait_until(lambda: again.engine.snapshot(ids[0]).state  # type: ignore[union-attr]
                     == TorrentState.PAUSED, what="paused")
    await again.engine.close()
    rewritten = {t for t, path in resume.items() if path.stat().st_mtime > 1_000_000_000}
    assert rewritten == {ids[0]}

    # and what close saved is what the next start restores
    third = await make_node(tmp_path / "profile", settings=loopback_settings())
    await wait_until(lambda: len(third.engine.torrent_ids()) == 5, what="restored")
    assert third.engine.snapshot(ids[0]).state == TorrentState.PAUSED  # type: ignore[union-attr]
    assert third.engine.snapshot(ids[1]).state != TorrentState.PAUSED  # type: ignore[union-attr]


def test_close_timeout_grows_with_the_torrents() -> None:
    assert close_timeout(0) == 15.0
    assert close_timeout(10_000) >= 100.0


async def test_close_asks_a_window_at_a_time_and_saves_every_changed_torrent(
        tmp_path: Path, make_node: NodeFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """close() asks a window of torrents at a time (3 here, for 8 torrents; 1,000 in the
    product) so that 100,000 answers never overflow libtorrent's alert queue, and still
    saves every changed torrent. (The overflow itself only shows at that scale: see
    bench/restore_scale.py --big.)"""
    from btt_desktop.engine import engine as engine_module

    monkeypatch.setattr(engine_module, "ADD_WINDOW", 3)
    node = await make_node(tmp_path / "profile")
    ids = []
    for n in range(8):
        _, data = await make_torrent(tmp_path / f"t{n}", {f"f{n}.bin": 40_000},
                                     piece_size=16384)
        ids.append(await node.engine.add(AddParams(save_path=str(tmp_path / f"t{n}"),
                                                   torrent_data=data, paused=True)))
    await wait_until(lambda: all(node.engine.snapshot(t) is not None for t in ids),
                     what="all added")
    for path in node.profile.resume_dir.glob("*.resume"):
        path.unlink()  # only close() can bring them back
    for t in ids:  # all changed since their last save
        await node.engine.resume([t])
    await node.engine.close()
    saved = {p.name.removesuffix(".resume") for p in node.profile.resume_dir.glob("*.resume")}
    assert saved == set(ids)
