"""Peers of the selected torrent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from btt_desktop.engine.types import PeerEntry
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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[PeerEntry] = RecordTableModel(
            peer_columns(), key=lambda p: (p.ip, p.port), parent=self)
        self.view = record_table_view(self.model, "peers_view", self)
        self.view.setItemDelegateForColumn(4, ProgressBarDelegate(self.view))
        self.view.setColumnWidth(0, 170)
        self.view.setColumnWidth(1, 170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        self.model.set_records(await engine.peers(torrent_id))

    def clear(self) -> None:
        self.model.clear()
