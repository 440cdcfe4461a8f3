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
