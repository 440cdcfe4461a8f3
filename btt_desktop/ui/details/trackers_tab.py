"""Trackers of the selected torrent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from btt_desktop.engine.types import TrackerEntry, TrackerKind, TrackerStatus
from btt_desktop.ui.details.peer_menu import Spawn, selected_records
from btt_desktop.ui.details.tracker_menu import tracker_menu
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.record_table_model import RecordColumn, RecordTableModel, record_table_view


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackersTab", text)


def _status(t: TrackerEntry) -> str:
    names = {
        TrackerStatus.WORKING: _tr("Working"),
        TrackerStatus.UPDATING: _tr("Updating…"),
        TrackerStatus.NOT_CONTACTED: _tr("Not contacted yet"),
        TrackerStatus.ERROR: _tr("Not working"),
        TrackerStatus.DISABLED: _tr("Disabled"),
    }
    return names.get(t.status, str(t.status))


def _url(t: TrackerEntry) -> str:
    """qBittorrent's names for the trackerless sources."""
    names = {TrackerKind.DHT: "** [DHT] **", TrackerKind.PEX: "** [PeX] **",
             TrackerKind.LSD: "** [LSD] **"}
    return names.get(t.kind, t.url)


def _message(t: TrackerEntry) -> str:
    if t.kind != TrackerKind.URL and t.message == "this torrent is private":
        return _tr("This torrent is private")
    return t.message


def _count(n: int) -> str:
    return "" if n < 0 else str(n)


def tracker_columns() -> list[RecordColumn[TrackerEntry]]:
    return [
        RecordColumn(_tr("Tier"), lambda t: str(t.tier) if t.tier >= 0 else "",
                     sort_key=lambda t: t.tier, right_aligned=True),
        RecordColumn(_tr("URL"), _url),
        RecordColumn(_tr("Status"), _status),
        RecordColumn(_tr("Seeds"), lambda t: _count(t.seeds), sort_key=lambda t: t.seeds,
                     right_aligned=True),
        RecordColumn(_tr("Peers"), lambda t: _count(t.peers), sort_key=lambda t: t.peers,
                     right_aligned=True),
        RecordColumn(_tr("Message"), _message),
    ]


class TrackersTab(QWidget):
    """DHT, PeX and LSD first, then the URLs; right-click edits (tracker_menu.py)."""

    def __init__(self, engine: EngineApi, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._spawn = spawn
        self._torrent_id: str | None = None
        self.menu: QMenu | None = None  # the last context menu (tests look at it)
        self.model: RecordTableModel[TrackerEntry] = RecordTableModel(
            tracker_columns(), key=lambda t: (t.kind, t.url), parent=self)
        self.view = record_table_view(self.model, "trackers_view", self)
        self.view.setColumnWidth(0, 50)
        self.view.setColumnWidth(1, 320)
        self.view.setColumnWidth(2, 130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # DHT, PeX, LSD, then tiers
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        rows = await engine.trackers(torrent_id, sources=True)
        self._torrent_id = torrent_id
        self.model.set_records(rows)

    def clear(self) -> None:
        self._torrent_id = None
        self.model.clear()

    def selected(self) -> list[TrackerEntry]:
        return selected_records(self.view, self.model)

    def make_menu(self) -> QMenu | None:
        if self._torrent_id is None:
            return None
        self.menu = tracker_menu(self, self._engine, self._spawn, self._torrent_id,
                                 self.selected())
        return self.menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.make_menu()
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(pos))
