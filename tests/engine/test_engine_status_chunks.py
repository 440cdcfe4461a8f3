"""A status batch naming many torrents (the first after a restore names all of them) is
turned into snapshots a bounded number per loop turn: every torrent still ends with its
latest snapshot, and a torrent removed meanwhile is not published again."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace

import pytest

from btt_desktop.engine import alerts
from btt_desktop.engine.types import TorrentSnapshot, TorrentState
from btt_desktop.events import TorrentRemoved, TorrentsUpdated
from tests.engine.conftest import NodeFactory, loopback_settings, wait_until
from tests.engine.test_engine_restore_bulk import write_saved

pytestmark = pytest.mark.timeout(120)

CHUNK = 7


def published(events: list[object]) -> list[tuple[TorrentSnapshot, ...]]:
    return [e.snapshots for e in events if isinstance(e, TorrentsUpdated)]


async def test_a_big_status_batch_is_published_in_bounded_batches(
        tmp_path: Path, make_node: NodeFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alerts, "STATUS_CHUNK", CHUNK)
    root = tmp_path / "p"
    ids = write_saved(root, 40)
    node = await make_node(root, loopback_settings(), status_interval=0.2)
    await wait_until(lambda: {s.torrent_id for batch in published(node.events)
                              for s in batch} >= set(ids), what="every torrent reported")
    batches = published(node.events)
    assert max(len(batch) for batch in batches) <= CHUNK
    assert len(batches) >= 40 // CHUNK
    # the engine's snapshot of each torrent is the last one it published
    await wait_until(lambda: not node.engine._statuses, what="no status waiting")
    last: dict[str, TorrentSnapshot] = {}
    for batch in published(node.events):
        last.update((s.torrent_id, s) for s in batch)
    for torrent_id in ids:
        assert node.engine.snapshot(torrent_id) == last[torrent_id]
    paused = [s for s in last.values() if s.state is TorrentState.PAUSED]
    assert paused and all(s.download_rate == s.upload_rate == 0 for s in paused)


async def test_a_torrent_removed_while_its_status_waits_is_not_published(
        tmp_path: Path, make_node: NodeFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alerts, "STATUS_CHUNK", CHUNK)
    root = tmp_path / "p"
    write_saved(root, 30)
    node = await make_node(root, loopback_settings(), status_interval=3600)
    engine = node.engine
    await wait_until(lambda: len(engine.snapshots()) == 30 and not engine._statuses,
                     what="the restore and its first status batch")
    statuses = engine._session.get_torrent_status(lambda _h: True, 0xFF)
    assert len(statuses) == 30
    last_id = engine.snapshots()[-1].torrent_id
    statuses.sort(key=lambda st: str(st.info_hashes.v1) == last_id)  # it comes last
    start = len(node.events)
    engine._on_state_update(SimpleNamespace(status=statuses))
    assert len(published(node.events[start:])) == 1  # the first batch at once
    assert engine._statuses  # the others wait for the next turns
    await engine.remove([last_id])
    await wait_until(lambda: not engine._statuses, what="the waiting statuses")
    await asyncio.sleep(0)
    after = [s.torrent_id for batch in published(node.events[start:]) for s in batch]
    assert last_id not in after
    assert len(set(after)) == 29
    assert any(isinstance(e, TorrentRemoved) and e.torrent_id == last_id
               for e in node.events[start:])
