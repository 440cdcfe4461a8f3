"""Peers of the selected torrent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from btt_desktop.engine.types import PeerEntry
from btt_desktop.ui.details.peer_menu import Spawn, peer_menu, selected_records
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.formatting import format_percent, format_rate, format_size
from btt_desktop.ui.progress_delegate import ProgressBarDelegate
from btt_desktop.ui.record_table_model import RecordColumn, RecordTableModel, record_table_view


def _tr(text: str) -> str:
    return QCoreApplication.translate("PeersTab", text)


def _address(p: PeerEntry) -> str:
    return f"[{p.ip}]:{p.port}" if ":" in p.ip else f"{p.ip}:{p.port}"


def peer_columns() -> list[RecordColumn[PeerEntry]]:
    return [
        RecordColumn(_tr("Address"), _address),
        RecordColumn(_tr("Client"), lambda p: p.client),
        RecordColumn(_tr("Flags"), lambda p: p.flags),
        RecordColumn(_tr("Connection"), lambda p: p.connection),
        RecordColumn(_tr("Progress"), lambda p: format_percent(p.progress),
                     sort_key=lambda p: p.progress, progress=lambda p: p.progress),
        RecordColumn(_tr("Down Speed"), lambda p: format_rate(p.download_rate, blank_zero=True),
                     sort_key=lambda p: p.download_rate, right_aligned=True),
        RecordColumn(_tr("Up Speed"), lambda p: format_rate(p.upload_rate, blank_zero=True),
                     sort_key=lambda p: p.upload_rate, right_aligned=True),
        RecordColumn(_tr("Downloaded"), lambda p: format_size(p.total_download),
                     sort_key=lambda p: p.total_download, right_aligned=True),
        RecordColumn(_tr("Uploaded"), lambda p: format_size(p.total_upload),
                     sort_key=lambda p: p.total_upload, right_aligned=True),
    ]


class PeersTab(QWidget):
    """Right-click: add peers, copy IP:port, ban (peer_menu.py)."""

    def __init__(self, engine: EngineApi, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._spawn = spawn
        self._torrent_id: str | None = None
        self.menu: QMenu | None = None  # the last context menu (tests look at it)
        self.model: RecordTableModel[PeerEntry] = RecordTableModel(
            peer_columns(), key=lambda p: (p.ip, p.port), parent=self)
        self.view = record_table_view(self.model, "peers_view", self)
        self.view.setItemDelegateForColumn(4, ProgressBarDelegate(self.view))
        self.view.setColumnWidth(0, 170)
        self.view.setColumnWidth(1, 170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        peers = await engine.peers(torrent_id)
        self._torrent_id = torrent_id
        self.model.set_records(peers)

    def clear(self) -> None:
        self._torrent_id = None
        self.model.clear()

    def selected(self) -> list[PeerEntry]:
        return selected_records(self.view, self.model)

    def make_menu(self) -> QMenu | None:
        if self._torrent_id is None:
            return None
        self.menu = peer_menu(self, self._engine, self._spawn, self._torrent_id,
                              self.selected())
        return self.menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.make_menu()
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(pos))
