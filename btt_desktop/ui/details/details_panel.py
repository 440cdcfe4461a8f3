"""The tabbed details of the selected torrent, refreshed on a timer.

Only the visible tab of the one selected torrent is refreshed, once a second, and never
while the previous refresh is still waiting for the engine.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QWidget

from btt_desktop.errors import BttError
from btt_desktop.tasks import TaskSet
from btt_desktop.ui.details.files_tab import FilesTab, Spawn
from btt_desktop.ui.details.general_tab import GeneralTab
from btt_desktop.ui.details.peers_tab import PeersTab
from btt_desktop.ui.details.trackers_tab import TrackersTab
from btt_desktop.ui.engine_api import EngineApi

log = logging.getLogger(__name__)

REFRESH_MS = 1000


class _Tab(Protocol):
    async def refresh(self, engine: EngineApi, torrent_id: str) -> None: ...
    def clear(self) -> None: ...


class DetailsPanel(QStackedWidget):
    """A hint while no torrent is selected, else the tabs."""

    def __init__(self, engine: EngineApi, spawn: Spawn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details")
        self._engine = engine
        self._torrent_id: str | None = None
        self._refreshing: asyncio.Task[None] | None = None
        self._tasks = TaskSet("details refresh")
        self.general = GeneralTab()
        self.files = FilesTab(engine, spawn)
        self.peers = PeersTab(engine, spawn)
        self.trackers = TrackersTab(engine, spawn)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.tabs.addTab(self.files, self.tr("Files"))
        self.tabs.addTab(self.peers, self.tr("Peers"))
        self.tabs.addTab(self.trackers, self.tr("Trackers"))
        self.tabs.setDocumentMode(True)
        self.hint = QLabel(self.tr("Select a torrent to see its details."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        self.addWidget(self.hint)
        self.addWidget(self.tabs)
        self._extra: list[_Tab] = []
        self.refresh_count = 0  # refreshes started (visible in tests)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_now)
        self._timer.start()
        self.tabs.currentChanged.connect(lambda _i: self.refresh_now())

    @property
    def torrent_id(self) -> str | None:
        return self._torrent_id

    def set_torrent(self, torrent_id: str | None) -> None:
        if torrent_id == self._torrent_id:
            return
        self._torrent_id = torrent_id
        if self._refreshing is not None:
            self._refreshing.cancel()
            self._refreshing = None
        for tab in self._tabs():
            tab.clear()
        self.setCurrentWidget(self.tabs if torrent_id is not None else self.hint)
        self.refresh_now()

    def refresh_now(self) -> None:
        """Refresh the visible tab for the selected torrent (skipped when nothing to do)."""
        if self._torrent_id is None or not self.isVisible():
            return
        if self._refreshing is not None and not self._refreshing.done():
            return
        tab = self.tabs.currentWidget()
        assert tab is not None
        self.refresh_count += 1
        self._refreshing = self._tasks.spawn(
            self._refresh(tab, self._torrent_id))  # type: ignore[arg-type]

    async def _refresh(self, tab: _Tab, torrent_id: str) -> None:
        try:
            await tab.refresh(self._engine, torrent_id)
        except asyncio.CancelledError:
            raise
        except BttError as exc:  # e.g. the torrent was removed meanwhile
            log.debug("details refresh: %s", exc)
        except Exception:
            log.exception("details refresh failed")

    def add_tab(self, tab: QWidget, title: str) -> None:
        """Another tab (e.g. Speed) with ``async refresh(engine, torrent_id)`` and
        ``clear()``, refreshed like the others."""
        self.tabs.addTab(tab, title)
        self._extra.append(tab)  # type: ignore[arg-type]

    def _tabs(self) -> list[_Tab]:
        return [self.general, self.files, self.peers, self.trackers, *self._extra]

    def stop(self) -> None:
        self._timer.stop()
        if self._refreshing is not None:
            self._refreshing.cancel()
