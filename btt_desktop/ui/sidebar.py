"""The status filter list on the left of the torrent list, with a count per group.

The sidebar's lists (status here, categories and tags in :mod:`labels_sidebar`) are as
tall as their rows and sit in one scrolling column, so none hides rows behind a
scroll bar of its own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy, QWidget

from btt_desktop.ui.icons import icon
from btt_desktop.ui.torrent_model import StatusFilter, TorrentTableModel


def group_title(group: StatusFilter) -> str:
    titles = {
        StatusFilter.ALL: QCoreApplication.translate("Sidebar", "All"),
        StatusFilter.DOWNLOADING: QCoreApplication.translate("Sidebar", "Downloading"),
        StatusFilter.SEEDING: QCoreApplication.translate("Sidebar", "Seeding"),
        StatusFilter.PAUSED: QCoreApplication.translate("Sidebar", "Paused"),
        StatusFilter.CHECKING: QCoreApplication.translate("Sidebar", "Checking"),
        StatusFilter.ERROR: QCoreApplication.translate("Sidebar", "Errored"),
    }
    return titles[group]


class FittedList(QListWidget):
    """A list as tall as its rows (the sidebar column scrolls, not the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(16, 16))
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        model = self.model()
        model.rowsInserted.connect(self.updateGeometry)
        model.rowsRemoved.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        rows = sum(self.sizeHintForRow(r) for r in range(self.count()))
        return QSize(170, rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class StatusSidebar(FittedList):
    group_selected = Signal(object)  # StatusFilter

    def __init__(self, model: TorrentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_filter")
        self._model = model
        self._items: dict[StatusFilter, QListWidgetItem] = {}
        for group in StatusFilter:
            item = QListWidgetItem(icon(f"filter-{group.value}"), "")
            item.setData(Qt.ItemDataRole.UserRole, group)
            self.addItem(item)
            self._items[group] = item
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._changed)
        model.counts_changed.connect(self.update_counts)
        self.update_counts()

    def update_counts(self) -> None:
        for group, item in self._items.items():
            item.setText(f"{group_title(group)} ({self._model.count(group)})")

    def select(self, group: StatusFilter) -> None:
        self.setCurrentItem(self._items[group])

    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.group_selected.emit(current.data(Qt.ItemDataRole.UserRole))
