"""The sidebar's Categories and Tags lists, and the scrolling column that holds them
below the status filters.

Each list has All, then Uncategorised (or Untagged), then one row per name, with the
number of torrents in it. The names are the engine's lists (``set_names``) and any name
a torrent carries; the counts come from the list model, which keeps them up to date as
snapshots change (no list is rebuilt on each update: rows are added, removed or
relabelled in place).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from btt_desktop.ui.icons import icon
from btt_desktop.ui.sidebar import FittedList, StatusSidebar
from btt_desktop.ui.torrent_filter import LabelFilter, LabelKind, LabelRow
from btt_desktop.ui.torrent_model import StatusFilter, TorrentTableModel

FILTER_ROLE = int(Qt.ItemDataRole.UserRole)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabelList", text)


def row_title(label: LabelFilter) -> str:
    """What a row says before its count."""
    if label.row is LabelRow.NAMED:
        return label.name
    if label.row is LabelRow.ALL:
        return _tr("All")
    return _tr("Uncategorised") if label.kind is LabelKind.CATEGORY else _tr("Untagged")


def _sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


class LabelList(FittedList):
    """The Categories or the Tags list. ``label_selected(LabelFilter)`` when the user
    picks a row; ``menu_requested(LabelFilter, QPoint)`` on a right-click (global
    position; the filter is the row under the pointer, or the All row)."""

    label_selected = Signal(object)
    menu_requested = Signal(object, QPoint)

    def __init__(self, kind: LabelKind, model: TorrentTableModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("category_filter" if kind is LabelKind.CATEGORY else "tag_filter")
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the count stays in view
        self._model = model
        self._known: set[str] = set()      # the engine's list
        self._named: dict[str, QListWidgetItem] = {}
        for row in (LabelRow.ALL, LabelRow.NONE):
            self._add_item(LabelFilter(kind, row), self.count())
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        model.counts_changed.connect(self.update_counts)
        self.update_counts()

    # --- rows ------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The named rows, in order."""
        return sorted(self._named, key=_sort_key)

    def item_for(self, label: LabelFilter) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(FILTER_ROLE) == label:
                return item
        return None

    def select(self, label: LabelFilter) -> bool:
        item = self.item_for(label)
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def current_filter(self) -> LabelFilter:
        item = self.currentItem()
        return item.data(FILTER_ROLE) if item is not None else LabelFilter(self.kind)

    def set_names(self, names: Iterable[str]) -> None:
        """The engine's list of categories or tags (rows with torrents stay too)."""
        self._known = set(names)
        self.update_counts()

    def update_counts(self) -> None:
        model = self._model
        if self.kind is LabelKind.CATEGORY:
            counts = model.category_counts()
            none = counts.pop("", 0)
        else:
            counts = model.tag_counts()
            none = model.untagged_count()
        wanted = self._known | set(counts)
        for name in [n for n in self._named if n not in wanted]:
            self._remove_named(name)
        for name in sorted(wanted - set(self._named), key=_sort_key):
            self._add_named(name)
        total = model.count(StatusFilter.ALL)
        for row in range(self.count()):
            item = self.item(row)
            label: LabelFilter = item.data(FILTER_ROLE)
            if label.row is LabelRow.ALL:
                count = total
            elif label.row is LabelRow.NONE:
                count = none
            else:
                count = counts.get(label.name, 0)
            item.setText(f"{row_title(label)} ({count})")

    def _add_named(self, name: str) -> None:
        names = self.names()
        position = 2 + sum(1 for n in names if _sort_key(n) < _sort_key(name))
        self._named[name] = self._add_item(LabelFilter(self.kind, LabelRow.NAMED, name),
                                           position)

    def _remove_named(self, name: str) -> None:
        item = self._named.pop(name)
        if item is self.currentItem():
            self.setCurrentRow(0)  # its torrents are shown again
        self.takeItem(self.row(item))

    def _add_item(self, label: LabelFilter, position: int) -> QListWidgetItem:
        if label.row is LabelRow.ALL:
            name = "filter-all"
        elif self.kind is LabelKind.CATEGORY:
            name = "open-folder"
        else:
            name = "tag"
        item = QListWidgetItem(icon(name), row_title(label))
        item.setData(FILTER_ROLE, label)
        if label.row is LabelRow.NAMED:
            item.setToolTip(label.name)
        self.insertItem(position, item)
        return item

    # --- signals ---------------------------------------------------------------------

    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.label_selected.emit(current.data(FILTER_ROLE))

    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        label = item.data(FILTER_ROLE) if item is not None else LabelFilter(self.kind)
        self.menu_requested.emit(label, self.viewport().mapToGlobal(pos))


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(6, 8, 6, 2)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class SidebarColumn(QScrollArea):
    """Status, Categories and Tags, one under the other, scrolling together."""

    def __init__(self, status: StatusSidebar, categories: LabelList, tags: LabelList,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setBackgroundRole(QPalette.ColorRole.Base)
        content.setAutoFillBackground(True)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(_heading(QCoreApplication.translate("Sidebar", "Status")))
        layout.addWidget(status)
        layout.addWidget(_heading(QCoreApplication.translate("Sidebar", "Categories")))
        layout.addWidget(categories)
        layout.addWidget(_heading(QCoreApplication.translate("Sidebar", "Tags")))
        layout.addWidget(tags)
        layout.addStretch(1)
        self.setWidget(content)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)

    def sizeHint(self) -> QSize:
        return QSize(170, super().sizeHint().height())
