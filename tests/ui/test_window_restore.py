"""The window over a restore of many saved torrents: every row comes, in a few
batched inserts rather than one per torrent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from btt_desktop.ui.bridge import ADD_BATCH_ROWS
from tests.engine.test_engine_restore_bulk import write_saved
from tests.ui.conftest import close_rig, open_rig

pytestmark = pytest.mark.timeout(120)


async def test_restored_torrents_reach_the_list_in_a_few_inserts(
        qtbot: Any, tmp_path: Path) -> None:
    ids = write_saved(tmp_path / "profile", 300)
    inserts: list[tuple[int, int]] = []

    def watch(window: Any) -> None:
        window.model.rowsInserted.connect(lambda _p, a, b: inserts.append((a, b)))

    rig = await open_rig(tmp_path, wallet=None, speed=False, on_window=watch)
    try:
        qtbot.waitUntil(lambda: rig.window.model.rowCount() == 300, timeout=20_000)
        assert sorted(rig.window.model.torrent_ids()) == sorted(ids)
        assert sum(b - a + 1 for a, b in inserts) == 300  # each row inserted once
        assert len(inserts) <= 2 + 300 // ADD_BATCH_ROWS + 2
        # rows the bridge hands on come at most ADD_BATCH_ROWS at a time; the rows
        # still waiting when the engine's start returns go in with one insert
        # (load_snapshots), so one insert may hold more
        sizes = sorted(b - a + 1 for a, b in inserts)
        assert all(size <= ADD_BATCH_ROWS + 1 for size in sizes[:-1]), sizes
    finally:
        await close_rig(rig)
