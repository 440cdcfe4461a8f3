"""Sorting and filtering of the torrent list: the sidebar's status group, category and
tag, and the search text, all at once."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from btt_desktop.engine.types import TorrentSnapshot
from btt_desktop.ui.torrent_model import (
    SORT_KEYS,
    Column,
    StatusFilter,
    TorrentTableModel,
    status_group,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class LabelRow(enum.Enum):
    """The kinds of row in the sidebar's Categories and Tags lists."""

    ALL = "all"      # every torrent
    NONE = "none"    # Uncategorised / Untagged
    NAMED = "named"  # one category or tag


class LabelKind(enum.Enum):
    CATEGORY = "category"
    TAG = "tag"


@dataclass(frozen=True)
class LabelFilter:
    """One row of the Categories or Tags list: which torrents it lets through."""

    kind: LabelKind
    row: LabelRow = LabelRow.ALL
    name: str = ""

    def accepts(self, s: TorrentSnapshot) -> bool:
        if self.row is LabelRow.ALL:
            return True
        if self.kind is LabelKind.CATEGORY:
            return s.category == (self.name if self.row is LabelRow.NAMED else "")
        if self.row is LabelRow.NONE:
            return not s.tags
        return self.name in s.tags


class TorrentFilterProxy(QSortFilterProxyModel):
    """Sorts by plain Python keys taken from the snapshots (no string compares of cells)."""

    def __init__(self, source: TorrentTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._group = StatusFilter.ALL
        self._words: tuple[str, ...] = ()
        self._category = LabelFilter(LabelKind.CATEGORY)
        self._tag = LabelFilter(LabelKind.TAG)
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @property
    def group(self) -> StatusFilter:
        return self._group

    def set_group(self, group: StatusFilter) -> None:
        if group is not self._group:
            self.beginFilterChange()
            self._group = group
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def category(self) -> LabelFilter:
        return self._category

    @property
    def tag(self) -> LabelFilter:
        return self._tag

    def set_label(self, label: LabelFilter) -> None:
        """Show only the torrents of a category or tag row (with the other filters)."""
        current = self._category if label.kind is LabelKind.CATEGORY else self._tag
        if label != current:
            self.beginFilterChange()
            if label.kind is LabelKind.CATEGORY:
                self._category = label
            else:
                self._tag = label
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        s = self._source.rows[source_row]
        if self._group is not StatusFilter.ALL and status_group(s) is not self._group:
            return False
        if not (self._category.accepts(s) and self._tag.accepts(s)):
            return False
        if self._words:
            name = s.name.casefold()
            return all(word in name for word in self._words)
        return True

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        rows = self._source.rows
        a_snap, b_snap = rows[left.row()], rows[right.row()]
        if left.column() == Column.EARNED:
            a, b = self._source.earned(a_snap.torrent_id), self._source.earned(b_snap.torrent_id)
        else:
            key = SORT_KEYS[left.column()]
            a, b = key(a_snap), key(b_snap)
        if a == b:  # a stable order for equal keys: by name
            return a_snap.name < b_snap.name
        return bool(a < b)
