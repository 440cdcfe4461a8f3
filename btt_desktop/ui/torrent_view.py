"""The torrent list widget: a flat table (QTableView: no per-row layout, unlike a tree)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDataStream, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from btt_desktop.ui.progress_delegate import ProgressBarDelegate
from btt_desktop.ui.torrent_filter import TorrentFilterProxy
from btt_desktop.ui.torrent_model import Column

# What each column typically holds, for widths sized to content (the font decides, not
# fixed pixels). Earned shows BTT to a millionth with digits grouped: elided, it would mislead.
COLUMN_SAMPLES = {
    Column.SIZE: "1023.9 MiB", Column.PROGRESS: "100.0%", Column.STATUS: "Downloading",
    Column.SEEDS: "88 (888)", Column.PEERS: "88 (888)", Column.DOWN_RATE: "888.8 MiB/s",
    Column.UP_RATE: "888.8 MiB/s", Column.ETA: "88h 88m", Column.RATIO: "88.88",
    Column.QUEUE: "888", Column.ADDED: "2026-12-31 23:59", Column.EARNED: "8,888,888.888888",
    Column.CATEGORY: "Linux distributions", Column.TAGS: "work, archive, music",
}
EARNED_SAMPLE = COLUMN_SAMPLES[Column.EARNED]
# Less-used columns start hidden, so the list fits a 1024-pixel-wide screen without
# scrolling sideways; the header's context menu shows them (and the layout is kept).
HIDDEN_BY_DEFAULT = frozenset({Column.RATIO, Column.QUEUE, Column.ADDED, Column.EARNED,
                               Column.CATEGORY, Column.TAGS})
NAME_MIN_WIDTH = 180
_PADDING = 16  # cell margins, and room for the sort indicator on right-aligned columns


def content_width(view: QTableView, column: Column) -> int:
    """A column's default width: its typical content, or its title if that is shorter
    than one and a half times the content (a long translated title is elided instead)."""
    metrics = view.fontMetrics()
    sample = metrics.horizontalAdvance(COLUMN_SAMPLES[column]) + _PADDING
    title = view.model().headerData(column, Qt.Orientation.Horizontal)
    titled = metrics.horizontalAdvance(str(title or "")) + _PADDING + 12
    return max(sample, titled) if titled <= sample * 3 // 2 else sample


class _NameFillsTheWidth(QObject):
    """Keeps the Name column as wide as the other visible columns leave, as the window is
    resized, until the layout is changed by hand or restored (Name then keeps its width)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._fitted = view.horizontalHeader().sectionSize(Column.NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            header = self._view.horizontalHeader()
            if header.sectionSize(Column.NAME) != self._fitted:
                self._view.viewport().removeEventFilter(self)  # the user's layout now
                return False
            others = sum(header.sectionSize(c) for c in Column
                         if c != Column.NAME and not header.isSectionHidden(c))
            self._fitted = max(NAME_MIN_WIDTH, self._view.viewport().width() - others)
            header.resizeSection(Column.NAME, self._fitted)
        return False


def saved_section_count(state: QByteArray) -> int:
    """How many columns a saved header state holds (Qt's format: marker, version,
    orientation, sort order and column, indicator shown, visual and logical indices,
    then the hidden-sections bit array, whose length is the count)."""
    stream = QDataStream(state)
    for _ in range(5):
        stream.readInt32()
    stream.readBool()
    for _ in range(2):
        stream.skipRawData(4 * stream.readUInt32())
    count = stream.readUInt32()
    return -1 if stream.status() != QDataStream.Status.Ok else count


class TorrentHeader(QHeaderView):
    """The list's header. A layout saved before a column existed keeps its order, widths
    and hidden columns, and the new column starts as it would in a new profile (Qt alone
    would show it, and save a state it cannot read back once columns were moved)."""

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        data = state if isinstance(state, QByteArray) else QByteArray(bytes(state))
        saved = saved_section_count(data)
        if saved < 0 or saved >= self.count():
            return super().restoreState(data)
        fresh = self.saveState()
        if not super().restoreState(data):
            return False
        old = sorted((self.visualIndex(c), c, self.sectionSize(c), self.isSectionHidden(c))
                     for c in range(saved))
        sort = (self.sortIndicatorSection(), self.sortIndicatorOrder())
        super().restoreState(fresh)
        for visual, (_, column, size, hidden) in enumerate(old):
            self.moveSection(self.visualIndex(column), visual)
            if not hidden:
                self.resizeSection(column, size)
            self.setSectionHidden(column, hidden)
        self.setSortIndicator(*sort)
        return True


def make_torrent_view(proxy: TorrentFilterProxy, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName("torrent_list")
    view.setHorizontalHeader(TorrentHeader(Qt.Orientation.Horizontal, view))
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
    for column in Column:
        if column != Column.NAME:
            header.resizeSection(column, content_width(view, column))
        header.setSectionHidden(column, column in HIDDEN_BY_DEFAULT)
    header.resizeSection(Column.NAME, NAME_MIN_WIDTH)
    view.viewport().installEventFilter(_NameFillsTheWidth(view))
    return view
