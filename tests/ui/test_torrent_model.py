"""The torrent list model: O(changed) updates, no resets, counts, sorting and filtering."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from btt_desktop.engine.types import TorrentState
from btt_desktop.events import EventBus, TorrentAdded, TorrentRemoved, TorrentsUpdated
from btt_desktop.ui.bridge import ADD_BATCH_MS, ADD_BATCH_ROWS, EventBridge
from btt_desktop.ui.torrent_filter import TorrentFilterProxy
from btt_desktop.ui.torrent_model import Column, StatusFilter, TorrentTableModel
from tests.ui.ui_helpers import snapshot


class Recorder:
    """Collects the change signals a model emits."""

    def __init__(self, model: TorrentTableModel) -> None:
        self.changed: list[tuple[int, int, int, int]] = []
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.resets = 0
        model.dataChanged.connect(
            lambda a, b, _roles=(): self.changed.append((a.row(), b.row(), a.column(), b.column()))
        )
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1

    def clear(self) -> None:
        self.changed.clear()
        self.inserted.clear()
        self.removed.clear()


def test_batch_emits_data_changed_only_for_changed_rows(qapp: object) -> None:
    model = TorrentTableModel()
    rec = Recorder(model)
    model.apply([snapshot(f"{i:040x}") for i in range(100)])
    assert rec.inserted == [(0, 99)]
    assert model.rowCount() == 100
    rec.clear()

    # rows 10 and 11 change rate, row 50 changes progress, row 70 arrives unchanged
    model.apply([
        snapshot(f"{10:040x}", download_rate=5000),
        snapshot(f"{11:040x}", download_rate=7000),
        snapshot(f"{50:040x}", progress=0.5),
        snapshot(f"{70:040x}"),
    ])
    assert rec.changed == [
        (10, 11, Column.DOWN_RATE, Column.DOWN_RATE),
        (50, 50, Column.PROGRESS, Column.STATUS),  # progress shows in both columns
    ]
    assert rec.inserted == [] and rec.removed == [] and rec.resets == 0
    index = model.index(10, Column.DOWN_RATE)
    assert model.data(index) == "4.9 KiB/s"


def test_invisible_field_change_updates_snapshot_without_repaint(qapp: object) -> None:
    model = TorrentTableModel()
    model.apply([snapshot("a" * 40)])
    rec = Recorder(model)
    model.apply([snapshot("a" * 40, all_time_upload=123)])
    assert rec.changed == []
    snap = model.snapshot("a" * 40)
    assert snap is not None and snap.all_time_upload == 123


def test_remove_keeps_other_rows_addressable(qapp: object) -> None:
    model = TorrentTableModel()
    ids = [f"{i:040x}" for i in range(10)]
    model.apply([snapshot(t) for t in ids])
    rec = Recorder(model)
    model.remove([ids[2], ids[3], ids[7]])
    assert rec.removed == [(7, 7), (2, 3)]
    assert model.rowCount() == 7
    for t in ids:
        row = model.row_of(t)
        if t in (ids[2], ids[3], ids[7]):
            assert row is None
        else:
            assert row is not None and model.snapshot_at(row).torrent_id == t
    # an update after removal lands on the right row
    rec.clear()
    model.apply([snapshot(ids[9], upload_rate=1)])
    row = model.row_of(ids[9])
    assert rec.changed == [(row, row, Column.UP_RATE, Column.UP_RATE)]


def test_status_counts_follow_state_changes(qapp: object) -> None:
    model = TorrentTableModel()
    counts_signals: list[int] = []
    model.counts_changed.connect(lambda: counts_signals.append(1))
    model.apply([
        snapshot("1" * 40),
        snapshot("2" * 40, state=TorrentState.SEEDING, progress=1.0),
        snapshot("3" * 40, state=TorrentState.PAUSED),
    ])
    assert model.count(StatusFilter.ALL) == 3
    assert model.count(StatusFilter.DOWNLOADING) == 1
    assert model.count(StatusFilter.SEEDING) == 1
    assert model.count(StatusFilter.PAUSED) == 1
    counts_signals.clear()
    model.apply([snapshot("1" * 40, download_rate=10)])  # same group: no recount signal
    assert counts_signals == []
    model.apply([snapshot("1" * 40, state=TorrentState.ERROR, error="disk full")])
    assert counts_signals == [1]
    assert model.count(StatusFilter.DOWNLOADING) == 0
    assert model.count(StatusFilter.ERROR) == 1
    # the error shows as the status, in red, with the reason as its tooltip
    status = model.index(model.row_of("1" * 40) or 0, Column.STATUS)
    assert status.data() == "Error"
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "disk full"
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, Column.STATUS).data(Qt.ItemDataRole.ForegroundRole) is None
    model.remove(["3" * 40])
    assert model.count(StatusFilter.PAUSED) == 0 and model.count(StatusFilter.ALL) == 2


def test_proxy_filters_by_group_and_words_and_sorts_by_value(qapp: object) -> None:
    model = TorrentTableModel()
    proxy = TorrentFilterProxy(model)
    model.apply([
        snapshot("1" * 40, name="Debian netinst", total_wanted=900 * 2**20),
        snapshot("2" * 40, name="Ubuntu desktop", total_wanted=5 * 2**30,
                 state=TorrentState.SEEDING, progress=1.0),
        snapshot("3" * 40, name="debian DVD", total_wanted=4 * 2**30,
                 state=TorrentState.PAUSED),
    ])
    proxy.sort(Column.SIZE, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount())]
    # sorted by bytes, not by the text "900 MiB" > "5.0 GiB"
    assert names == ["Ubuntu desktop", "debian DVD", "Debian netinst"]

    proxy.set_search_text("DEBIAN")
    assert proxy.rowCount() == 2
    proxy.set_group(StatusFilter.PAUSED)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["debian DVD"]
    proxy.set_search_text("")
    proxy.set_group(StatusFilter.SEEDING)
    assert proxy.rowCount() == 1

    # a torrent that starts seeding moves into the filtered view on the next batch
    model.apply([snapshot("1" * 40, name="Debian netinst", total_wanted=900 * 2**20,
                          state=TorrentState.SEEDING, progress=1.0)])
    assert proxy.rowCount() == 2
    assert proxy.mapToSource(proxy.index(0, 0)).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()
    assert model.rowCount(QModelIndex()) == 3


def test_burst_of_added_torrents_reaches_the_sorted_list_in_a_few_bounded_inserts(
        qtbot: Any) -> None:
    """10,000 restored torrents are 10,000 TorrentAdded events: the list gets them in
    inserts of at most ADD_BATCH_ROWS, one per loop turn, not one sort, layout and
    repaint per torrent, nor one insert of everything that stalls the loop."""
    bus = EventBus()
    bridge = EventBridge(bus)
    model = TorrentTableModel()
    proxy = TorrentFilterProxy(model)
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    bridge.torrents_added.connect(model.apply)
    rec = Recorder(model)
    proxy_inserts: list[tuple[int, int]] = []
    proxy.rowsInserted.connect(lambda _p, a, b: proxy_inserts.append((a, b)))

    for i in range(500):
        bus.publish(TorrentAdded(snapshot(f"{i:040x}", name=f"item {499 - i:03d}")))
    assert model.rowCount() == 1  # the first at once, the others gathered
    qtbot.waitUntil(lambda: model.rowCount() == 500, timeout=5000)
    assert rec.inserted == [(0, 0), (1, ADD_BATCH_ROWS), (ADD_BATCH_ROWS + 1, 499)]
    assert len(proxy_inserts) == 3
    assert proxy.data(proxy.index(0, Column.NAME)) == "item 000"

    # an update right behind a gathered add goes into the waiting row: the row comes
    # once, as it is now, and no older snapshot follows it
    bridge.torrents_updated.connect(model.apply)
    qtbot.waitUntil(lambda: not bridge._timer.isActive(), timeout=5000)  # a quiet spell
    rec.clear()
    bus.publish(TorrentAdded(snapshot(f"{900:040x}", name="early")))  # at once
    bus.publish(TorrentAdded(snapshot(f"{901:040x}", name="late")))   # gathered
    bus.publish(TorrentsUpdated((snapshot(f"{901:040x}", name="late", progress=0.75),)))
    assert model.row_of(f"{901:040x}") is None
    qtbot.waitUntil(lambda: model.row_of(f"{901:040x}") is not None, timeout=5000)
    assert model.snapshot(f"{901:040x}").progress == 0.75  # type: ignore[union-attr]
    qtbot.wait(3 * ADD_BATCH_MS + 20)
    assert model.snapshot(f"{901:040x}").progress == 0.75  # type: ignore[union-attr]
    assert model.rowCount() == 502 and len(rec.inserted) == 2
    # a torrent removed while still gathered never shows
    bus.publish(TorrentAdded(snapshot(f"{902:040x}", name="gone")))
    bus.publish(TorrentAdded(snapshot(f"{903:040x}", name="kept")))
    bus.publish(TorrentRemoved(f"{903:040x}"))
    qtbot.wait(3 * ADD_BATCH_MS + 20)
    assert model.row_of(f"{903:040x}") is None and model.rowCount() == 503
    bridge.detach()


def test_speed_earnings_fill_the_earned_column_and_sort_it(qapp: object) -> None:
    model = TorrentTableModel()
    model.apply([snapshot(f"{i:040x}", name=f"t{i}") for i in range(5)])
    rec = Recorder(model)
    model.set_earnings({f"{1:040x}": 5, f"{3:040x}": 20}, lambda v: f"{v} BTT")
    assert rec.changed == [(1, 1, Column.EARNED, Column.EARNED),
                           (3, 3, Column.EARNED, Column.EARNED)]
    assert model.data(model.index(3, Column.EARNED)) == "20 BTT"
    assert model.data(model.index(0, Column.EARNED)) == ""  # nothing sold: an empty cell
    rec.clear()
    model.set_earnings({f"{1:040x}": 5, f"{3:040x}": 25}, lambda v: f"{v} BTT")
    assert rec.changed == [(3, 3, Column.EARNED, Column.EARNED)]  # only what changed
    proxy = TorrentFilterProxy(model)
    proxy.sort(Column.EARNED, Qt.SortOrder.DescendingOrder)
    names = [proxy.data(proxy.index(r, Column.NAME)) for r in range(proxy.rowCount())]
    assert names[:2] == ["t3", "t1"]


def test_category_and_tag_counts_follow_changes_and_filter(qapp: object) -> None:
    from btt_desktop.ui.labels_sidebar import LabelList
    from btt_desktop.ui.torrent_filter import LabelFilter, LabelKind, LabelRow

    model = TorrentTableModel()
    proxy = TorrentFilterProxy(model)
    categories = LabelList(LabelKind.CATEGORY, model)
    tags = LabelList(LabelKind.TAG, model)
    categories.set_names(["Films", "Books"])
    model.apply([snapshot("a", category="Films", tags=("hd", "new")),
                 snapshot("b", tags=("new",)), snapshot("c")])
    texts = lambda labels: [labels.item(r).text() for r in range(labels.count())]  # noqa: E731
    assert texts(categories) == ["All (3)", "Uncategorised (2)", "Books (0)", "Films (1)"]
    assert texts(tags) == ["All (3)", "Untagged (1)", "hd (1)", "new (2)"]

    # a label change repaints its cell only, and moves the counts
    recorder = Recorder(model)
    model.apply([snapshot("b", category="Films", tags=("new",))])
    assert recorder.changed == [(1, 1, Column.CATEGORY, Column.CATEGORY)]
    assert texts(categories) == ["All (3)", "Uncategorised (1)", "Books (0)", "Films (2)"]
    assert model.index(0, Column.TAGS).data() == "hd, new"

    # a tag on no torrent and not in the engine's list goes; a new one comes
    model.apply([snapshot("a", category="Films", tags=("new", "old"))])
    assert texts(tags) == ["All (3)", "Untagged (1)", "new (2)", "old (1)"]
    proxy.set_label(LabelFilter(LabelKind.CATEGORY, LabelRow.NAMED, "Films"))
    proxy.set_label(LabelFilter(LabelKind.TAG, LabelRow.NAMED, "old"))
    assert proxy.rowCount() == 1
    proxy.set_label(LabelFilter(LabelKind.TAG, LabelRow.NONE))
    assert proxy.rowCount() == 0
    proxy.set_label(LabelFilter(LabelKind.CATEGORY, LabelRow.NONE))
    assert proxy.rowCount() == 1
    model.remove(["c"])
    assert texts(categories)[:2] == ["All (2)", "Uncategorised (0)"]
    assert texts(tags)[:2] == ["All (2)", "Untagged (0)"]


def test_a_layout_saved_before_the_label_columns_keeps_its_order(qapp: object) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QHeaderView, QTableView

    from btt_desktop.ui.torrent_view import make_torrent_view

    old_view = QTableView()
    old_view.setModel(QStandardItemModel(0, Column.EARNED + 1))  # the columns before
    old = old_view.horizontalHeader()
    old.moveSection(Column.STATUS, 1)
    old.resizeSection(Column.SEEDS, 77)
    old.setSectionHidden(Column.SIZE, True)
    view = make_torrent_view(TorrentFilterProxy(TorrentTableModel()))
    header = view.horizontalHeader()
    assert header.restoreState(old.saveState())
    assert header.visualIndex(Column.STATUS) == 1
    assert header.sectionSize(Column.SEEDS) == 77
    assert header.isSectionHidden(Column.SIZE)
    assert header.isSectionHidden(Column.CATEGORY) and header.isSectionHidden(Column.TAGS)
    # Qt alone would now save a state it cannot read back
    assert QHeaderView.restoreState(header, header.saveState())
