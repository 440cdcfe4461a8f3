"""The status filter list on the left of the torrent list, with a count per group."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

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


class StatusSidebar(QListWidget):
    group_selected = Signal(object)  # StatusFilter

    def __init__(self, model: TorrentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_filter")
        self._model = model
        self._items: dict[StatusFilter, QListWidgetItem] = {}
        self.setIconSize(QSize(16, 16))
        self.setFrameShape(QListWidget.Shape.NoFrame)
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

    def sizeHint(self) -> QSize:
        return QSize(170, super().sizeHint().height())
