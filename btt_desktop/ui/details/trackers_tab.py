"""Trackers of the selected torrent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from btt_desktop.engine.types import TrackerEntry
from btt_desktop.ui.engine_api import EngineApi
from btt_desktop.ui.record_table_model import RecordColumn, RecordTableModel, record_table_view


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackersTab", text)


def _status(t: TrackerEntry) -> str:
    names = {
        "working": _tr("Working"),
        "updating": _tr("Updating…"),
        "not contacted": _tr("Not contacted yet"),
        "error": _tr("Not working"),
    }
    return names.get(t.status, t.status)


def _count(n: int) -> str:
    return "" if n < 0 else str(n)


def tracker_columns() -> list[RecordColumn[TrackerEntry]]:
    return [
        RecordColumn(_tr("Tier"), lambda t: str(t.tier), sort_key=lambda t: t.tier,
                     right_aligned=True),
        RecordColumn(_tr("URL"), lambda t: t.url),
        RecordColumn(_tr("Status"), _status),
        RecordColumn(_tr("Seeds"), lambda t: _count(t.seeds), sort_key=lambda t: t.seeds,
                     right_aligned=True),
        RecordColumn(_tr("Peers"), lambda t: _count(t.peers), sort_key=lambda t: t.peers,
                     right_aligned=True),
        RecordColumn(_tr("Message"), lambda t: t.message),
    ]


class TrackersTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[TrackerEntry] = RecordTableModel(
            tracker_columns(), key=lambda t: t.url, parent=self)
        self.view = record_table_view(self.model, "trackers_view", self)
        self.view.setColumnWidth(0, 50)
        self.view.setColumnWidth(1, 320)
        self.view.setColumnWidth(2, 130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    async def refresh(self, engine: EngineApi, torrent_id: str) -> None:
        self.model.set_records(await engine.trackers(torrent_id))

    def clear(self) -> None:
        self.model.clear()
