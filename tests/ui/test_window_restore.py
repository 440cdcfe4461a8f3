"""The window over a restore of many saved torrents: every row comes, in a few
bounded inserts rather than one per torrent or one of thousands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from btt_desktop.ui.bridge import ADD_BATCH_ROWS, LOAD_BATCHES
from tests.engine.test_engine_restore_bulk import write_saved
from tests.ui.conftest import close_rig, open_rig
from tests.ui.ui_helpers import until

pytestmark = pytest.mark.timeout(120)


async def test_restored_torrents_reach_the_list_in_a_few_inserts(
        qtbot: Any, tmp_path: Path) -> None:
    ids = write_saved(tmp_path / "profile", 300)
    inserts: list[tuple[int, int]] = []

    def watch(window: Any) -> None:
        window.model.rowsInserted.connect(lambda _p, a, b: inserts.append((a, b)))

    rig = await open_rig(tmp_path, wallet=None, speed=False, on_window=watch)
    try:
        await until(lambda: rig.window.model.rowCount() == 300, 20, "every row")
        assert sorted(rig.window.model.torrent_ids()) == sorted(ids)
        assert sum(b - a + 1 for a, b in inserts) == 300  # each row inserted once
        assert len(inserts) <= 2 + 300 // ADD_BATCH_ROWS + 2
        # every insert, those of the rows still waiting when the engine's start returns
        # (load_snapshots) too, holds at most ADD_BATCH_ROWS rows
        sizes = [b - a + 1 for a, b in inserts]
        assert max(sizes) <= ADD_BATCH_ROWS, sizes
    finally:
        await close_rig(rig)


async def test_loading_many_snapshots_comes_in_bounded_inserts(
        qtbot: Any, tmp_path: Path) -> None:
    """What the window loads from an engine (at start, or switching engines) reaches the
    list through the bridge, a bounded insert per loop turn. (The waits await: tasks
    the list started during a Qt wait nested in the test's step were never run, and
    closing the window waited for them for ever.)"""
    ids = write_saved(tmp_path / "profile", 900)
    rig = await open_rig(tmp_path, wallet=None, speed=False)
    try:
        model = rig.window.model
        await until(lambda: model.rowCount() == 900, 20, "every row")
        await until(lambda: not rig.window.bridge.waiting(), 20, "a quiet bridge")
        model.remove(model.torrent_ids())
        inserts: list[int] = []
        model.rowsInserted.connect(lambda _p, a, b: inserts.append(b - a + 1))
        rig.window.load_snapshots(rig.engine.snapshots())
        assert 0 < model.rowCount() <= LOAD_BATCHES * ADD_BATCH_ROWS  # at once
        await until(lambda: model.rowCount() == 900, 20, "every row")
        assert sorted(model.torrent_ids()) == sorted(ids)
        assert max(inserts) <= ADD_BATCH_ROWS and sum(inserts) == 900, inserts
        # loading what the list already shows inserts nothing
        rig.window.load_snapshots(rig.engine.snapshots())
        await until(lambda: not rig.window.bridge.waiting(), 20, "a quiet bridge")
        assert model.rowCount() == 900 and sum(inserts) == 900
    finally:
        await close_rig(rig)
