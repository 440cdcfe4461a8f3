"""A table of keyed records (peers, trackers) refreshed in place.

Each refresh replaces the records: rows whose key disappeared are removed, new keys are
appended, and rows whose record changed get ``dataChanged``; selection and scroll
position survive a refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView

from btt_desktop.ui.progress_delegate import PROGRESS_ROLE

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 40


@dataclass(frozen=True)
class RecordColumn(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None     # defaults to the text
    right_aligned: bool = False
    progress: Callable[[R], float] | None = None   # drawn as a bar by ProgressBarDelegate


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[RecordColumn[R]], key: Callable[[R], Hashable],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._key = key
        self._records: list[R] = []
        self._row_of: dict[Hashable, int] = {}

    def records(self) -> list[R]:
        return list(self._records)

    def set_records(self, records: Sequence[R]) -> None:
        incoming: dict[Hashable, R] = {}
        for record in records:
            incoming[self._key(record)] = record
        # remove vanished rows, bottom first
        gone = sorted((row for key, row in self._row_of.items() if key not in incoming),
                      reverse=True)
        for row in gone:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._records[row]
            self.endRemoveRows()
        if gone:
            self._row_of = {self._key(r): i for i, r in enumerate(self._records)}
        # update in place
        last_column = len(self._columns) - 1
        for row, old in enumerate(self._records):
            new = incoming[self._key(old)]
            if new != old:
                self._records[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        # append new
        new_records = [r for k, r in incoming.items() if k not in self._row_of]
        if new_records:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(new_records) - 1)
            for offset, record in enumerate(new_records):
                self._records.append(record)
                self._row_of[self._key(record)] = first + offset
            self.endInsertRows()

    def clear(self) -> None:
        self.set_records([])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns)
                and role == Qt.ItemDataRole.DisplayRole):
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(record)
        if role == SORT_ROLE:
            return column.sort_key(record) if column.sort_key else column.text(record)
        if role == PROGRESS_ROLE and column.progress is not None:
            return column.progress(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def record_table_view(model: QAbstractItemModel, object_name: str,
                      parent: QObject) -> QTableView:
    """A sortable, read-only table of records (the Peers and Trackers tabs): rows
    selected whole, no grid, alternating colours, columns resizable, last one stretched."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(object_name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view
