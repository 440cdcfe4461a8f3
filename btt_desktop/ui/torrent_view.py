"""The torrent list widget: a flat table (QTableView: no per-row layout, unlike a tree)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from btt_desktop.ui.progress_delegate import ProgressBarDelegate
from btt_desktop.ui.torrent_filter import TorrentFilterProxy
from btt_desktop.ui.torrent_model import Column

DEFAULT_COLUMN_WIDTHS = {
    Column.NAME: 320, Column.SIZE: 80, Column.PROGRESS: 120, Column.STATUS: 160,
    Column.SEEDS: 70, Column.PEERS: 70, Column.DOWN_RATE: 95, Column.UP_RATE: 95,
    Column.ETA: 70, Column.RATIO: 55, Column.QUEUE: 55, Column.ADDED: 130, Column.EARNED: 90,
}
# Earned shows BTT to a millionth with digits grouped: an elided amount would mislead
EARNED_SAMPLE = "8,888,888.888888"


def make_torrent_view(proxy: TorrentFilterProxy, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName("torrent_list")
    view.setModel(proxy)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(Column.ADDED, Qt.SortOrder.AscendingOrder)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setItemDelegateForColumn(Column.PROGRESS, ProgressBarDelegate(view))
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in DEFAULT_COLUMN_WIDTHS.items():
        header.resizeSection(column, width)
    header.resizeSection(Column.EARNED, max(DEFAULT_COLUMN_WIDTHS[Column.EARNED],
                                            view.fontMetrics().horizontalAdvance(EARNED_SAMPLE)
                                            + 12))
    return view
