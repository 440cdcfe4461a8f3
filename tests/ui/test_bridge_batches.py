"""The event bridge hands rows to the list in bounded batches, one of each kind per loop
turn, kept per torrent (a newer snapshot replaces a waiting one), and keeps the order
of rows and torrent events."""

from __future__ import annotations

from typing import Any

from btt_desktop.engine.types import TorrentSnapshot
from btt_desktop.events import (
    EventBus,
    TorrentAdded,
    TorrentErrored,
    TorrentFinished,
    TorrentRemoved,
    TorrentsUpdated,
)
from btt_desktop.ui.bridge import (
    ADD_BATCH_ROWS,
    LOAD_BATCHES,
    UPDATE_BATCH_ROWS,
    EventBridge,
)
from btt_desktop.ui.torrent_model import TorrentTableModel
from tests.ui.ui_helpers import snapshot


def tid(i: int) -> str:
    return f"{i:040x}"


class Rig:
    """A bridge feeding a list model, and what reached it in what order."""

    def __init__(self) -> None:
        self.bus = EventBus()
        self.bridge = EventBridge(self.bus)
        self.model = TorrentTableModel()
        self.log: list[tuple[str, Any]] = []
        self.bridge.torrents_added.connect(self._added)
        self.bridge.torrents_updated.connect(self._updated)
        self.bridge.torrent_removed.connect(self._removed)
        self.bridge.torrent_finished.connect(
            lambda t, _name: self.log.append(("finished", (t, self.model.row_of(t)))))
        self.bridge.torrent_errored.connect(lambda t, _m: self.log.append(("errored", t)))

    def _added(self, rows: tuple[TorrentSnapshot, ...]) -> None:
        self.log.append(("added", rows))
        self.model.apply(rows)

    def _updated(self, rows: tuple[TorrentSnapshot, ...]) -> None:
        self.log.append(("updated", rows))
        self.model.apply(rows)

    def _removed(self, torrent_id: str) -> None:
        self.log.append(("removed", torrent_id))
        self.model.remove([torrent_id])

    def payloads(self, kind: str) -> list[tuple[TorrentSnapshot, ...]]:
        return [rows for k, rows in self.log if k == kind]

    def settle(self, qtbot: Any) -> None:
        qtbot.waitUntil(lambda: not self.bridge.waiting(), timeout=10_000)

    def add(self, count: int, **fields: Any) -> None:
        """``count`` torrents already there, through the bridge."""
        self.bridge.queue_added([snapshot(tid(i), **fields) for i in range(count)])


def test_a_big_status_batch_reaches_the_list_in_bounded_batches(qtbot: Any) -> None:
    rig = Rig()
    rig.add(1200)
    rig.settle(qtbot)
    rig.log.clear()
    rig.bus.publish(TorrentsUpdated(tuple(snapshot(tid(i), progress=0.25)
                                          for i in range(1200))))
    # the first batch at once, the others on the next turns
    assert [len(rows) for rows in rig.payloads("updated")] == [UPDATE_BATCH_ROWS]
    # a newer batch in the same turn: waiting rows take the newer snapshot
    rig.bus.publish(TorrentsUpdated(tuple(snapshot(tid(i), progress=0.5)
                                          for i in range(1200))))
    rig.settle(qtbot)
    sizes = [len(rows) for rows in rig.payloads("updated")]
    assert max(sizes) <= UPDATE_BATCH_ROWS
    # 500 went at once; the other 700 and the 500 again, once each
    assert sum(sizes) == 1200 + UPDATE_BATCH_ROWS
    assert {s.progress for s in rig.model.rows} == {0.5}
    assert rig.model.rowCount() == 1200
    rig.bridge.detach()


def test_an_update_of_a_torrent_still_waiting_goes_into_its_row(qtbot: Any) -> None:
    rig = Rig()
    for i in range(600):
        rig.bus.publish(TorrentAdded(snapshot(tid(i))))
    assert rig.model.rowCount() == 1  # the first at once, the others wait
    rig.bus.publish(TorrentsUpdated(tuple(snapshot(tid(i), progress=0.75)
                                          for i in range(600))))
    # only the row already shown is updated; the others come once, as they are now
    assert [len(rows) for rows in rig.payloads("updated")] == [1]
    rig.settle(qtbot)
    added = rig.payloads("added")
    assert max(len(rows) for rows in added) <= ADD_BATCH_ROWS
    assert sum(len(rows) for rows in added) == 600
    assert len(rig.payloads("updated")) == 1
    assert {s.progress for s in rig.model.rows} == {0.75} and rig.model.rowCount() == 600
    rig.bridge.detach()


def test_a_removal_drops_what_waits_for_that_torrent(qtbot: Any) -> None:
    rig = Rig()
    rig.add(1200)
    rig.settle(qtbot)
    rig.log.clear()
    rig.bus.publish(TorrentsUpdated(tuple(snapshot(tid(i), progress=0.5)
                                          for i in range(1200))))
    gone = tid(1100)  # its update waits
    rig.bus.publish(TorrentRemoved(gone))
    assert rig.log[-1] == ("removed", gone)  # at once
    assert rig.model.row_of(gone) is None
    rig.settle(qtbot)
    assert all(s.torrent_id != gone for rows in rig.payloads("updated") for s in rows)
    assert rig.model.rowCount() == 1199
    # an added torrent removed before its row showed never shows
    for i in range(2000, 2300):
        rig.bus.publish(TorrentAdded(snapshot(tid(i))))
    rig.bus.publish(TorrentRemoved(tid(2299)))
    rig.settle(qtbot)
    assert rig.model.row_of(tid(2299)) is None and rig.model.rowCount() == 1199 + 299
    rig.bridge.detach()


def test_torrent_events_come_after_the_rows_that_waited_before_them(qtbot: Any) -> None:
    rig = Rig()
    for i in range(600):
        rig.bus.publish(TorrentAdded(snapshot(tid(i))))
    rig.bus.publish(TorrentFinished(tid(599), "last"))
    rig.bus.publish(TorrentErrored(tid(3), "disk full"))
    rig.bus.publish(TorrentRemoved(tid(5)))  # behind the held events
    rig.bus.publish(TorrentAdded(snapshot(tid(600))))  # after them
    assert [k for k, _ in rig.log] == ["added"]  # the first row; the rest waits
    rig.settle(qtbot)
    kinds = [k for k, _ in rig.log]
    finished = kinds.index("finished")
    assert kinds[finished:finished + 3] == ["finished", "errored", "removed"]
    # every row that waited before them, but the removed one's: it never showed
    before = [s.torrent_id for k, rows in rig.log[:finished] if k == "added" for s in rows]
    assert sorted(before) == sorted(tid(i) for i in range(600) if i != 5)
    assert rig.log[finished][1][1] is not None  # the finished torrent's row is there
    assert kinds[-1] == "added" and rig.log[-1][1][0].torrent_id == tid(600)
    assert max(len(rows) for rows in rig.payloads("added")) <= ADD_BATCH_ROWS
    assert rig.model.rowCount() == 600 and rig.model.row_of(tid(5)) is None
    rig.bridge.detach()


def test_snapshots_already_there_come_in_bounded_inserts(qtbot: Any) -> None:
    rig = Rig()
    inserts: list[int] = []
    rig.model.rowsInserted.connect(lambda _p, a, b: inserts.append(b - a + 1))
    rig.bridge.queue_added([snapshot(tid(i)) for i in range(1000)])
    assert inserts == [ADD_BATCH_ROWS] * LOAD_BATCHES  # the first batches at once
    rig.bus.publish(TorrentAdded(snapshot(tid(999), progress=0.5)))  # the same torrent
    rig.settle(qtbot)
    assert max(inserts) <= ADD_BATCH_ROWS and sum(inserts) == 1000
    assert rig.model.rowCount() == 1000
    assert rig.model.snapshot(tid(999)).progress == 0.5  # type: ignore[union-attr]
    rig.bridge.detach()


def test_flush_emits_everything_waiting_in_order(qtbot: Any) -> None:
    rig = Rig()
    rig.bridge.queue_added([snapshot(tid(i)) for i in range(1000)])
    rig.bus.publish(TorrentFinished(tid(999), "last"))
    rig.bridge.flush_added()
    assert not rig.bridge.waiting() and rig.model.rowCount() == 1000
    assert max(len(rows) for rows in rig.payloads("added")) <= ADD_BATCH_ROWS
    assert rig.log[-1][0] == "finished"
    rig.bridge.detach()


def test_detach_stops_everything(qtbot: Any) -> None:
    rig = Rig()
    rig.bridge.queue_added([snapshot(tid(i)) for i in range(1000)])
    rig.bus.publish(TorrentFinished(tid(999), "last"))
    rig.bridge.detach()
    qtbot.wait(50)
    assert rig.model.rowCount() == LOAD_BATCHES * ADD_BATCH_ROWS
    assert not rig.bridge.waiting() and not rig.bridge._timer.isActive()
    rig.bridge.queue_added([snapshot(tid(2000))])  # a late caller: nothing happens
    rig.bus.publish(TorrentAdded(snapshot(tid(2001))))
    qtbot.wait(20)
    assert rig.model.rowCount() == LOAD_BATCHES * ADD_BATCH_ROWS
    assert not rig.bridge._timer.isActive()
    assert [k for k, _ in rig.log] == ["added"] * LOAD_BATCHES
