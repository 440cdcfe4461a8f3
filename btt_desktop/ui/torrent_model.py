"""The torrent list model: one row per torrent, fed by batches of snapshots.

A batch costs O(changed torrents): a dict maps torrent id -> row, an update replaces the
row's snapshot and emits ``dataChanged`` over the columns that differ, rows are never
reset. Removing a row shifts the rows after it (a rare event, not per tick).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from btt_desktop.engine.types import TorrentSnapshot, TorrentState
from btt_desktop.ui.formatting import (
    format_duration,
    format_percent,
    format_rate,
    format_ratio,
    format_size,
    format_timestamp,
)
from btt_desktop.ui.progress_delegate import PROGRESS_ROLE
from btt_desktop.ui.theme import error_color

SNAPSHOT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TORRENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    SIZE = 1
    PROGRESS = 2
    STATUS = 3
    SEEDS = 4
    PEERS = 5
    DOWN_RATE = 6
    UP_RATE = 7
    ETA = 8
    RATIO = 9
    QUEUE = 10
    ADDED = 11
    EARNED = 12   # Speed: what the bytes sold on this torrent are worth (set_earnings)
    CATEGORY = 13
    TAGS = 14


def _tr(text: str) -> str:
    return QCoreApplication.translate("TorrentTableModel", text)


def column_title(column: Column) -> str:
    titles = {
        Column.NAME: _tr("Name"),
        Column.SIZE: _tr("Size"),
        Column.PROGRESS: _tr("Progress"),
        Column.STATUS: _tr("Status"),
        Column.SEEDS: _tr("Seeds"),
        Column.PEERS: _tr("Peers"),
        Column.DOWN_RATE: _tr("Down Speed"),
        Column.UP_RATE: _tr("Up Speed"),
        Column.ETA: _tr("ETA"),
        Column.RATIO: _tr("Ratio"),
        Column.QUEUE: _tr("Queue"),
        Column.ADDED: _tr("Added On"),
        Column.EARNED: _tr("Earned (BTT)"),
        Column.CATEGORY: _tr("Category"),
        Column.TAGS: _tr("Tags"),
    }
    return titles[column]


class StatusFilter(enum.Enum):
    """The sidebar's status groups. Every torrent is in ALL and in exactly one other."""

    ALL = "all"
    DOWNLOADING = "downloading"
    SEEDING = "seeding"
    PAUSED = "paused"
    CHECKING = "checking"
    ERROR = "error"


def status_group(s: TorrentSnapshot) -> StatusFilter:
    state = s.state
    if state is TorrentState.ERROR:
        return StatusFilter.ERROR
    if state is TorrentState.PAUSED:
        return StatusFilter.PAUSED
    if state in (TorrentState.CHECKING, TorrentState.MOVING):
        return StatusFilter.CHECKING
    if state is TorrentState.SEEDING:
        return StatusFilter.SEEDING
    if state is TorrentState.QUEUED and s.has_metadata and s.progress >= 1.0:
        return StatusFilter.SEEDING
    return StatusFilter.DOWNLOADING


def status_text(s: TorrentSnapshot) -> str:
    state = s.state
    if state is TorrentState.PAUSED:
        return _tr("Completed") if s.has_metadata and s.progress >= 1.0 else _tr("Paused")
    if state is TorrentState.QUEUED:
        return _tr("Queued")
    texts = {
        TorrentState.CHECKING: _tr("Checking"),
        TorrentState.METADATA: _tr("Downloading metadata"),
        TorrentState.DOWNLOADING: _tr("Downloading"),
        TorrentState.SEEDING: _tr("Seeding"),
        TorrentState.MOVING: _tr("Moving"),
        TorrentState.ERROR: _tr("Error"),
    }
    return texts.get(state, str(state))


# Snapshot fields each column shows: a change in one of them repaints the column.
_COLUMN_FIELDS: tuple[tuple[str, ...], ...] = (
    ("name",),
    ("total_wanted", "has_metadata"),
    ("progress",),
    ("state", "error", "progress", "has_metadata"),
    ("num_seeds", "list_seeds"),
    ("num_peers", "list_peers"),
    ("download_rate", "download_limit"),
    ("upload_rate", "upload_limit"),
    ("eta",),
    ("ratio",),
    ("queue_position",),
    ("added_time",),
    (),  # EARNED comes from Speed, not from the snapshot
    ("category",),
    ("tags",),
)
assert len(_COLUMN_FIELDS) == len(Column)
COLUMN_COUNT = len(Column)
_NO_PARENT = QModelIndex()


def _display(column: int, s: TorrentSnapshot) -> str:
    if column == Column.NAME:
        return s.name
    if column == Column.SIZE:
        return format_size(s.total_wanted) if s.has_metadata else "?"
    if column == Column.PROGRESS:
        return format_percent(s.progress)
    if column == Column.STATUS:
        return status_text(s)
    if column == Column.SEEDS:
        return f"{s.num_seeds} ({s.list_seeds})" if s.list_seeds >= 0 else str(s.num_seeds)
    if column == Column.PEERS:
        return f"{s.num_peers} ({s.list_peers})" if s.list_peers >= 0 else str(s.num_peers)
    if column == Column.DOWN_RATE:
        return format_rate(s.download_rate, blank_zero=True)
    if column == Column.UP_RATE:
        return format_rate(s.upload_rate, blank_zero=True)
    if column == Column.ETA:
        if s.state is not TorrentState.DOWNLOADING or s.progress >= 1.0:
            return ""
        return format_duration(s.eta)
    if column == Column.RATIO:
        return format_ratio(s.ratio)
    if column == Column.QUEUE:
        return "" if s.queue_position < 0 else str(s.queue_position + 1)
    if column == Column.ADDED:
        return format_timestamp(s.added_time)
    if column == Column.CATEGORY:
        return s.category
    if column == Column.TAGS:
        return ", ".join(s.tags)
    return ""


def _texts(s: TorrentSnapshot) -> tuple[str, ...]:
    return tuple(_display(column, s) for column in range(COLUMN_COUNT))


TEXT_CACHE_ROWS = 2048  # rows whose text is kept: a few screens, not the whole list
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
# asked for by the item delegate for every cell, never answered by this model
_UNSERVED_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole, Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole))

_NO_ETA = 1 << 62

# Sort keys: plain ints/floats/strings, compared by the proxy without going through Qt.
SORT_KEYS: dict[int, Callable[[TorrentSnapshot], Any]] = {
    Column.NAME: lambda s: s.name.casefold(),
    Column.SIZE: lambda s: s.total_wanted,
    Column.PROGRESS: lambda s: s.progress,
    Column.STATUS: lambda s: status_text(s),
    Column.SEEDS: lambda s: (s.num_seeds, s.list_seeds),
    Column.PEERS: lambda s: (s.num_peers, s.list_peers),
    Column.DOWN_RATE: lambda s: s.download_rate,
    Column.UP_RATE: lambda s: s.upload_rate,
    Column.ETA: lambda s: s.eta if s.eta is not None and s.eta >= 0 else _NO_ETA,
    Column.RATIO: lambda s: s.ratio,
    Column.QUEUE: lambda s: s.queue_position if s.queue_position >= 0 else _NO_ETA,
    Column.ADDED: lambda s: s.added_time,
    Column.CATEGORY: lambda s: s.category.casefold(),
    Column.TAGS: lambda s: tuple(t.casefold() for t in s.tags),
}

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT_ALIGNED = frozenset(
    {Column.SIZE, Column.SEEDS, Column.PEERS, Column.DOWN_RATE, Column.UP_RATE, Column.ETA,
     Column.RATIO, Column.QUEUE, Column.EARNED}
)


class TorrentTableModel(QAbstractTableModel):
    """Rows of :class:`TorrentSnapshot`, keyed by torrent id."""

    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TorrentSnapshot] = []
        self._row_of: dict[str, int] = {}
        self._counts: dict[StatusFilter, int] = dict.fromkeys(StatusFilter, 0)
        self._categories: Counter[str] = Counter()  # category ("" = none) -> torrents
        self._tags: Counter[str] = Counter()        # tag -> torrents
        self._untagged = 0
        self._earned: dict[str, int] = {}  # torrent id -> BTT base units (Speed)
        self._texts: dict[int, tuple[str, ...]] = {}  # row -> its cells' text, as shown
        self._earned_text: Callable[[int], str] = str

    # --- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def index(self, row: int, column: int, parent: AnyIndex = _NO_PARENT) -> QModelIndex:
        # one Python call instead of Qt's hasIndex() calling rowCount() and columnCount():
        # the sorting proxy asks for two indexes per comparison
        if 0 <= row < len(self._rows) and 0 <= column < COLUMN_COUNT and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called about seven times per visible cell and repaint (once per role the
        # delegate asks for): the display text comes from a per-row cache, and roles
        # this model does not serve return before anything else is looked at
        if role in _UNSERVED_ROLES:
            return None
        row = index.row()
        if row < 0:
            return None
        column = index.column()
        if role == _DISPLAY:
            if column == Column.EARNED:
                earned = self._earned.get(self._rows[row].torrent_id, 0)
                return self._earned_text(earned) if earned else ""
            texts = self._texts.get(row)
            if texts is None:
                if len(self._texts) >= TEXT_CACHE_ROWS:
                    self._texts.clear()
                texts = self._texts[row] = _texts(self._rows[row])
            return texts[column]
        if role == _ALIGNMENT:
            return _RIGHT if column in _RIGHT_ALIGNED else _LEFT
        s = self._rows[row]
        if role == PROGRESS_ROLE:
            return s.progress if column == Column.PROGRESS else None
        if role == SNAPSHOT_ROLE:
            return s
        if role == TORRENT_ID_ROLE:
            return s.torrent_id
        if role == _FOREGROUND and column == Column.STATUS:
            if s.state is TorrentState.ERROR:
                return QBrush(QColor(error_color()))  # follows a live theme switch
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.NAME:
                return s.name
            if column == Column.STATUS and s.error:
                return s.error
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(Column(section))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section in _RIGHT_ALIGNED else _LEFT
        return None

    # --- lookups ----------------------------------------------------------------------

    def snapshot_at(self, row: int) -> TorrentSnapshot:
        return self._rows[row]

    @property
    def rows(self) -> list[TorrentSnapshot]:
        """The snapshots by source row (read-only use: the sorting proxy reads it)."""
        return self._rows

    def snapshot(self, torrent_id: str) -> TorrentSnapshot | None:
        row = self._row_of.get(torrent_id)
        return None if row is None else self._rows[row]

    def row_of(self, torrent_id: str) -> int | None:
        return self._row_of.get(torrent_id)

    def torrent_ids(self) -> list[str]:
        return [s.torrent_id for s in self._rows]

    def count(self, group: StatusFilter) -> int:
        return self._counts[group]

    def category_counts(self) -> Counter[str]:
        """Torrents per category ("" for those in none); names with no torrent are absent."""
        return +self._categories

    def tag_counts(self) -> Counter[str]:
        """Torrents per tag; tags on no torrent are absent."""
        return +self._tags

    def untagged_count(self) -> int:
        return self._untagged

    def earned(self, torrent_id: str) -> int:
        return self._earned.get(torrent_id, 0)

    def set_earnings(self, earned: dict[str, int], text: Callable[[int], str]) -> None:
        """Speed's earnings per torrent (base units), shown by ``text``; repaints the
        Earned cells that changed."""
        self._earned_text = text
        old, self._earned = self._earned, {t: v for t, v in earned.items() if v}
        rows = sorted(r for t in set(old) | set(self._earned)
                      if old.get(t) != self._earned.get(t)
                      and (r := self._row_of.get(t)) is not None)
        for first, last, _, _ in _merge_rows([(r, Column.EARNED, Column.EARNED)
                                              for r in rows]):
            self.dataChanged.emit(self.index(first, Column.EARNED),
                                  self.index(last, Column.EARNED))

    # --- updates ----------------------------------------------------------------------

    def apply(self, snapshots: Iterable[TorrentSnapshot]) -> None:
        """Insert new torrents and update known ones; emits only for rows that changed."""
        changed: list[tuple[int, int, int]] = []  # (row, first column, last column)
        new: dict[str, TorrentSnapshot] = {}
        counts_dirty = False
        for s in snapshots:
            row = self._row_of.get(s.torrent_id)
            if row is None:
                new[s.torrent_id] = s  # the latest snapshot wins within a batch
                continue
            old = self._rows[row]
            if old == s:
                continue
            span = _changed_columns(old, s)
            self._rows[row] = s
            self._texts.pop(row, None)
            old_group, new_group = status_group(old), status_group(s)
            if old_group is not new_group:
                self._counts[old_group] -= 1
                self._counts[new_group] += 1
                counts_dirty = True
            if old.category != s.category or old.tags != s.tags:
                self._count_labels(old, -1)
                self._count_labels(s, 1)
                counts_dirty = True
            if span is not None:
                changed.append((row, span[0], span[1]))
        for first, last, col_first, col_last in _merge_rows(changed):
            self.dataChanged.emit(self.index(first, col_first), self.index(last, col_last))
        if new:
            self._insert(list(new.values()))
            counts_dirty = True
        if counts_dirty:
            self.counts_changed.emit()

    def remove(self, torrent_ids: Iterable[str]) -> None:
        """Remove rows; rows after each removed one move up by one."""
        rows = sorted({r for t in torrent_ids if (r := self._row_of.get(t)) is not None},
                      reverse=True)
        if not rows:
            return
        # contiguous runs, removed from the bottom so earlier row numbers stay valid
        runs: list[tuple[int, int]] = []
        for row in rows:
            if runs and runs[-1][0] == row + 1:
                runs[-1] = (row, runs[-1][1])
            else:
                runs.append((row, row))
        self._texts.clear()  # rows move up
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            for s in self._rows[first:last + 1]:
                del self._row_of[s.torrent_id]
                self._counts[StatusFilter.ALL] -= 1
                self._counts[status_group(s)] -= 1
                self._count_labels(s, -1)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        for row in range(rows[-1], len(self._rows)):
            self._row_of[self._rows[row].torrent_id] = row
        self.counts_changed.emit()

    def _insert(self, snapshots: list[TorrentSnapshot]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(snapshots) - 1)
        for offset, s in enumerate(snapshots):
            self._rows.append(s)
            self._row_of[s.torrent_id] = first + offset
            self._counts[StatusFilter.ALL] += 1
            self._counts[status_group(s)] += 1
            self._count_labels(s, 1)
        self.endInsertRows()

    def _count_labels(self, s: TorrentSnapshot, sign: int) -> None:
        self._categories[s.category] += sign
        for tag in s.tags:
            self._tags[tag] += sign
        if not s.tags:
            self._untagged += sign


def _changed_columns(old: TorrentSnapshot, new: TorrentSnapshot) -> tuple[int, int] | None:
    first = last = -1
    for column, names in enumerate(_COLUMN_FIELDS):
        if any(getattr(old, n) != getattr(new, n) for n in names):
            if first < 0:
                first = column
            last = column
    return None if first < 0 else (first, last)


def _merge_rows(changed: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Adjacent changed rows become one range, with the union of their column spans."""
    changed.sort()
    ranges: list[tuple[int, int, int, int]] = []
    for row, c0, c1 in changed:
        if ranges and ranges[-1][1] == row - 1:
            first, _, r0, r1 = ranges[-1]
            ranges[-1] = (first, row, min(r0, c0), max(r1, c1))
        else:
            ranges.append((row, row, c0, c1))
    return ranges
